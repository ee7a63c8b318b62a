/* tounicode.c: ToUnicode CMaps (PDF 32000-1 9.10.3). */
#include "config.h"
#include "tounicode.h"
#include "util.h"

#include <stdint.h>
#include <stdlib.h>

/* At most 100 entries in one begin...end block (PDF 32000-1 9.7.5.2). */
#define BLOCK 100

typedef struct entry {
    uint32_t lo, hi, dst;        /* hi > lo: a bfrange */
    const uint32_t *text;        /* a bfchar to several code points (n != 1) */
    size_t n;
} entry;

static void
put_dst(cp_buf *b, uint32_t u)
{
    if (u > 0xFFFF) {
        u -= 0x10000;
        cp_buf_printf(b, "%04X%04X", (unsigned)(0xD800 + (u >> 10)),
                      (unsigned)(0xDC00 + (u & 0x3FF)));
    } else {
        cp_buf_printf(b, "%04X", (unsigned)u);
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
                cp_buf_printf(b, "<%04X> <%04X> <", (unsigned)v[j].lo, (unsigned)v[j].hi);
            else
                cp_buf_printf(b, "<%04X> <", (unsigned)v[j].lo);
            if (v[j].text)
                for (size_t k = 0; k < v[j].n; k++)
                    put_dst(b, v[j].text[k]);
            else
                put_dst(b, v[j].dst);
            cp_buf_puts(b, ">\n");
        }
        cp_buf_printf(b, "end%s\n", range ? "bfrange" : "bfchar");
    }
}

/* The one code point entry i stands for, or -1 when it is not one. */
static int64_t
single(const cp_tounicode_entry *v, size_t i)
{
    if (v[i].text == NULL)
        return v[i].code;
    return v[i].n == 1 ? (int64_t)v[i].text[0] : -1;
}

char *
cp_tounicode_cmap(size_t *len, const cp_tounicode_entry *v, size_t n)
{
    entry *ranges = xcalloc(n ? n : 1, sizeof *ranges);
    entry *chars = xcalloc(n ? n : 1, sizeof *chars);
    size_t n_ranges = 0, n_chars = 0;
    for (size_t i = 0; i < n;) {
        uint32_t lo = v[i].code;
        if (lo > 0xFFFF) {          /* not a two-byte code */
            i++;
            continue;
        }
        int64_t d = single(v, i);
        if (d < 0) {
            entry e = { lo, lo, 0, v[i].text, v[i].n };
            chars[n_chars++] = e;
            i++;
            continue;
        }
        uint32_t dst = (uint32_t)d;
        size_t j = i + 1;
        /* A range keeps the first byte of its codes and may only count up
         * the last byte of a one-unit destination without a carry. */
        while (dst <= 0xFFFF && j < n && v[j].code == lo + (j - i) && (v[j].code >> 8) == (lo >> 8)
               && single(v, j) == (int64_t)(dst + (j - i)) && ((dst + (j - i)) >> 8) == (dst >> 8))
            j++;
        entry e = { lo, v[j - 1].code, dst, NULL, 1 };
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
