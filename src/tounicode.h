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

/* A CMap mapping codes[i] (0..0xFFFF, ascending, no repeats) to the
 * Unicode code point uni[i] (surrogate pairs above the BMP); uni NULL means
 * each code is its own code point. *len gets the length. */
char *cp_tounicode_cmap(size_t *len, const uint32_t *codes, const uint32_t *uni, size_t n);

#endif
