/* tounicode.h: the /ToUnicode CMap of a font whose content-stream codes are
 * two bytes each (Identity-H), as PDF 32000-1 9.10.3 wants it: bfrange and
 * bfchar entries with UTF-16BE destinations. libharu 2.3.0 writes a CID
 * CMap there instead (begincidrange), which readers warn about (src/README.md).
 *
 * The returned text is newly allocated; the caller frees it.
 */
#ifndef CP_TOUNICODE_H
#define CP_TOUNICODE_H

#include <stddef.h>
#include <stdint.h>

/* What code `code` (0..0xFFFF) stands for: n code points at text (surrogate
 * pairs above the BMP; several for a ligature, none for the second glyph
 * of a cluster), or the code itself when text is NULL. */
typedef struct cp_tounicode_entry {
    uint32_t code;
    const uint32_t *text;
    size_t n;
} cp_tounicode_entry;

/* A CMap for the n entries (codes ascending, no repeats). *len gets the
 * length. */
char *cp_tounicode_cmap(size_t *len, const cp_tounicode_entry *v, size_t n);

#endif
