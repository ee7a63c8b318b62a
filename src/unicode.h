/* unicode.h: text as Unicode means it, for everything that is laid out:
 * Normalization Form C and the Default_Ignorable_Code_Point property, from
 * utf8proc (its tables follow the Unicode version Debian ships it with).
 *
 * Strings returned are newly allocated UTF-8; the caller frees them.
 */
#ifndef CP_UNICODE_H
#define CP_UNICODE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The first len bytes of s in NFC: what macOS writes decomposed ("u" and
 * U+0308) becomes the precomposed character that fonts draw. Bytes that
 * are not UTF-8 become U+FFFD, so the result is always valid UTF-8. */
char *cp_unicode_nfc(const char *s, size_t len);

/* True for a default-ignorable code point (U+00AD, U+200B..U+200F,
 * U+2060..U+2064, U+FEFF, the variation selectors ...): it has no glyph of
 * its own and is never drawn. */
bool cp_unicode_ignorable(uint32_t cp);

#endif
