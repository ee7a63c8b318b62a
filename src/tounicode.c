/* tounicode.c: ToUnicode CMaps (PDF 32000-1 9.10.3). */
#include "config.h"
#include "tounicode.h"
#include "util.h"

#include <stdlib.h>

/* At most 100 entries in one begin...end block (PDF 32000-1 9.7.5.2). */
#define BLOCK 100

typedef struct entry {
    uint32_t lo, hi, dst;        /* hi > lo: a bfrange */
} entry;

static void
put_dst(cp_buf *b, uint32_t u)
{
    if (u > 0xFFFF) {
        u -= 0x10000;
        cp_buf_printf(b, "<%04X%04X>", (unsigned)(0xD800 + (u >> 10)),
                      (unsigned)(0xDC00 + (u & 0x3FF)));
    } else {
        cp_buf_printf(b, "<%04X>", (unsigned)u);
    }
}

static void
put_blocks(cp_buf *b, const entry *v, size_t n, bool range)
{
    for (size_t i = 0; i < n; i += BLOCK) {
        size_t m = n - i < BLOCK ? n - i : BLOCK;
        cp_buf_printf(b, "%zu begin%s\n", m, range ? "bfrange" : "bfchar");
        for (size_t j = i; j < i + m; j++) {
            if (range)
                cp_buf_printf(b, "<%04X> <%04X> ", (unsigned)v[j].lo, (unsigned)v[j].hi);
            else
                cp_buf_printf(b, "<%04X> ", (unsigned)v[j].lo);
            put_dst(b, v[j].dst);
            cp_buf_putc(b, '\n');
        }
        cp_buf_printf(b, "end%s\n", range ? "bfrange" : "bfchar");
    }
}

char *
cp_tounicode_cmap(size_t *len, const uint32_t *codes, const uint32_t *uni, size_t n)
{
    entry *ranges = xcalloc(n ? n : 1, sizeof *ranges);
    entry *chars = xcalloc(n ? n : 1, sizeof *chars);
    size_t n_ranges = 0, n_chars = 0;
    for (size_t i = 0; i < n;) {
        uint32_t lo = codes[i], dst = uni ? uni[i] : codes[i];
        if (lo > 0xFFFF) {          /* not a two-byte code */
            i++;
            continue;
        }
        size_t j = i + 1;
        /* A range keeps the first byte of its codes and may only count up
         * the last byte of a one-unit destination without a carry. */
        while (dst <= 0xFFFF && j < n && codes[j] == lo + (j - i) && (codes[j] >> 8) == (lo >> 8)
               && (uni ? uni[j] : codes[j]) == dst + (j - i) && ((dst + (j - i)) >> 8) == (dst >> 8))
            j++;
        entry e = { lo, codes[j - 1], dst };
        if (j - i > 1)
            ranges[n_ranges++] = e;
        else
            chars[n_chars++] = e;
        i = j;
    }
    cp_buf b = CP_BUF_INIT;
    cp_buf_puts(&b, "/CIDInit /ProcSet findresource begin\n"
                    "12 dict begin\n"
                    "begincmap\n"
                    "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
                    "/CMapName /Adobe-Identity-UCS def\n"
                    "/CMapType 2 def\n"
                    "1 begincodespacerange\n"
                    "<0000> <FFFF>\n"
                    "endcodespacerange\n");
    put_blocks(&b, ranges, n_ranges, true);
    put_blocks(&b, chars, n_chars, false);
    cp_buf_puts(&b, "endcmap\n"
                    "CMapName currentdict /CMap defineresource pop\n"
                    "end\n"
                    "end\n");
    free(ranges);
    free(chars);
    *len = b.len;
    return cp_buf_detach(&b);
}
