/* unicode.c: NFC and default-ignorable code points through utf8proc. */
#include "config.h"
#include "unicode.h"
#include "font.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

/* Nothing below U+0300 composes with what precedes it or decomposes, so
 * text without a code point from U+0300 up (lead byte 0xCC or more) is NFC
 * already: the letters' own text never pays for normalizing. */
static bool
below_u0300(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if ((unsigned char)s[i] >= 0xCC)
            return false;
    return true;
}

char *
cp_unicode_nfc(const char *s, size_t len)
{
    /* Valid UTF-8 first: utf8proc refuses a string with one bad byte. */
    cp_buf b = CP_BUF_INIT;
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        size_t k = cp_utf8_next(s + i, len - i, &cp);
        if (cp == 0xFFFD)
            cp_buf_puts(&b, "\xEF\xBF\xBD");
        else
            cp_buf_add(&b, s + i, k);
        i += k;
    }
    char *valid = cp_buf_detach(&b);
    if (below_u0300(valid, strlen(valid)))
        return valid;
    /* utf8proc_map's own steps, in a buffer of ours so that running out of
     * memory ends the way it does everywhere else (util.h). */
    const utf8proc_option_t opts = UTF8PROC_STABLE | UTF8PROC_COMPOSE;
    const utf8proc_uint8_t *in = (const utf8proc_uint8_t *)valid;
    utf8proc_ssize_t vlen = (utf8proc_ssize_t)strlen(valid);
    utf8proc_ssize_t n = utf8proc_decompose(in, vlen, NULL, 0, opts);
    if (n < 0)          /* cannot happen: the input is valid UTF-8 */
        return valid;
    utf8proc_int32_t *u = xcalloc((size_t)n + 1, sizeof *u);
    n = utf8proc_decompose(in, vlen, u, n, opts);
    if (n >= 0)
        n = utf8proc_reencode(u, n, opts);
    if (n < 0) {
        free(u);
        return valid;
    }
    free(valid);
    return (char *)u;   /* reencoded in place, NUL-terminated */
}

bool
cp_unicode_ignorable(uint32_t cp)
{
    /* U+00AD is the first; most text never reaches the table. */
    return cp >= 0xAD && cp <= 0x10FFFF && utf8proc_get_property((utf8proc_int32_t)cp)->ignorable;
}
