/* jpeg-scan.c: confirm a baseline JPEG's entropy-coded data by walking its
 * Huffman codes alone (jpeg-scan.h).
 *
 * Checking a photo costs an entropy decode of every block (one verdict:
 * build checks every picture it embeds exactly as check does). libjpeg's
 * decoder, even when told to skip rows, stores or discards each coefficient
 * through general code; validation needs only how many bits each code and
 * its extra bits take and where the blocks end. So this walks them with a
 * 64-bit bit buffer and one table lookup for as many codes as fit in 12
 * bits, without working out the coefficients.
 *
 * It never gives a verdict of its own: where libjpeg might warn, this says
 * "not sure" and libjpeg decodes the file as before (image-jpeg.c). The
 * bits it consumes are libjpeg's: the same canonical codes from the same
 * tables (libjpeg built and checked them in jpeg_start_decompress), the same
 * end of a block (64 coefficients or an end-of-block code), the same
 * stuffed bytes. Beyond that it is stricter than libjpeg in places where
 * libjpeg is lenient (a bad code inside the data, which libjpeg-turbo's
 * fast path takes as a zero; whole bytes of padding before a marker; fill
 * bytes; a restart marker after the last interval; a running DC value past
 * the range of an int), which only sends such files to libjpeg.
 * tests/jpeg-scan.test holds it to that on the corpus and on thousands of
 * damaged variants. */
#include "config.h"

#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jpeglib.h>
#include "jpeg-scan.h"
#include "util.h"

/* Codes up to this long are found with one lookup; longer ones, rare in
 * real tables, by the canonical code ranges. */
#define FAST_BITS 10
/* AC codes and their extra bits are short (five or six bits in a photo),
 * so one lookup of this many bits takes as many whole ones as fit. 14 bits
 * take fewer lookups, but their 32 KB a table fill the first-level cache
 * on their own, and each lookup waits on the one before: 12 run faster. */
#define GROUP_BITS 12
/* group_build looks the first FAST_BITS of a group up in fast[], and a
 * group's bits to drop fill 5 bits of its entry */
_Static_assert(GROUP_BITS >= FAST_BITS && GROUP_BITS <= 16, "GROUP_BITS out of range");

/* A table's codes (both kinds). fast[]: an entry for the next FAST_BITS
 * bits, 0 if the code is longer. Bits 0-4: bits to drop (the code, plus
 * its extra bits for an AC code); bits 5-9: for an AC code how far it
 * moves in the block (0: the block ends), for a DC code the number of
 * extra bits. */
typedef struct htab {
    uint16_t fast[1 << FAST_BITS];
    int32_t maxcode[17];        /* largest code of each length, -1 if none */
    int32_t valoff[17];         /* code + valoff = the symbol's index in val */
    unsigned char val[256];
} htab;

/* An AC table with group[]: for the next GROUP_BITS bits, the codes (and
 * extra bits) that fit in them whole and move at most 63 in the block.
 * Bits 0-4: bits to drop; bits 6-11: how far the codes move, not counting
 * an end of block; bit 13 (GROUP_EOB): the last code ends the block.
 * GROUP_NONE if not even one fits. The fields are placed so that adding
 * entry >> 6 to the position in the block gives a value below 64 where
 * the codes stay inside the block and it goes on, one from 128 to 191
 * where they end it, and anything else where one code must be decoded
 * on its own (scan()). */
typedef struct actab {
    htab h;
    uint16_t group[1 << GROUP_BITS];
} actab;

#define GROUP_EOB (1u << 13)
#define GROUP_NONE 0xFFC0u

static unsigned
ac_entry(unsigned len, unsigned sym)
{
    unsigned r = sym >> 4, s = sym & 15;
    unsigned adv = s ? r + 1 : r == 15 ? 16 : 0;
    return (len + s) | adv << 5;
}

/* The symbol whose code starts the 16 bits `peek`, and its length; -1 if
 * none does (a code libjpeg calls bad). */
static int
htab_slow(const htab *t, unsigned peek, unsigned *len)
{
    for (unsigned l = 1; l <= 16; l++) {
        int32_t c = (int32_t)(peek >> (16 - l));
        if (c <= t->maxcode[l]) {
            *len = l;
            return t->val[c + t->valoff[l]];
        }
    }
    return -1;
}

static void
group_build(actab *t)
{
    for (unsigned i = 0; i < 1u << GROUP_BITS; i++) {
        unsigned used = 0, adv = 0, g = GROUP_NONE;
        for (;;) {
            /* the bits not yet used, at the top, zeros after them: a code
             * that fits in what is left reads the same */
            unsigned peek = (i << used) & ((1u << GROUP_BITS) - 1);
            unsigned e = t->h.fast[peek >> (GROUP_BITS - FAST_BITS)];
            if (!e) {
                unsigned len;
                int sym = htab_slow(&t->h, peek << (16 - GROUP_BITS), &len);
                if (sym < 0)
                    break;
                e = ac_entry(len, (unsigned)sym);
            }
            unsigned bits = e & 31, a = e >> 5;
            if (used + bits > GROUP_BITS || adv + a > 63)
                break;
            used += bits;
            if (a == 0) {
                g = used | adv << 6 | GROUP_EOB;
                break;
            }
            adv += a;
            g = used | adv << 6;
        }
        t->group[i] = (uint16_t)g;
    }
}

/* The canonical codes of a JPEG table (ITU T.81 Annex C), as libjpeg's
 * jpeg_make_d_derived_tbl assigns them. False if the table is not one
 * libjpeg would have accepted. */
static bool
htab_build(htab *t, const JHUFF_TBL *h, bool dc)
{
    int32_t code = 0;
    int k = 0;

    memset(t->fast, 0, sizeof t->fast);
    t->maxcode[0] = -1;
    for (int l = 1; l <= 16; l++) {
        int n = h->bits[l];
        if (k + n > 256)
            return false;
        t->valoff[l] = k - code;
        for (int i = 0; i < n; i++, k++, code++) {
            unsigned sym = h->huffval[k];
            if (dc && sym > 15)
                return false;
            if (l <= FAST_BITS) {
                unsigned e = dc ? (unsigned)l | sym << 5 : ac_entry((unsigned)l, sym);
                unsigned first = (unsigned)code << (FAST_BITS - l);
                for (unsigned j = 0; j < 1u << (FAST_BITS - l); j++)
                    t->fast[first + j] = (uint16_t)e;
            }
            t->val[k] = (unsigned char)sym;
        }
        t->maxcode[l] = n ? code - 1 : -1;
        if (code >= (int32_t)1 << l)
            return false;
        code <<= 1;
    }
    return true;
}

/* The entropy-coded bytes as bits, most significant first. */
typedef struct bits {
    const unsigned char *p, *end;
    uint64_t buf;       /* the top `cnt` bits are data; below them, zeros or the
                         * bits of bytes read ahead that a refill puts back */
    int cnt;            /* below zero once more bits were taken than there were */
    bool stop;          /* p is at a marker or the end: what follows reads as zeros,
                         * as it does to libjpeg */
} bits;

/* No 0xFF among the 8 bytes: none is stuffed or starts a marker. */
static inline bool
no_ff(uint64_t v)
{
    uint64_t t = ~v;    /* a zero byte in t is an 0xFF in v */
    return ((t - 0x0101010101010101u) & ~t & 0x8080808080808080u) == 0;
}

/* Up to 56 bits or more in buf, unless the data stops; a byte at a time
 * (scan() takes 8 bytes at once where none is 0xFF). */
static void
refill(bits *b)
{
    while (!b->stop && b->cnt <= 56) {
        if (b->p >= b->end) {
            b->stop = true;
            break;
        }
        unsigned c = *b->p;
        if (c == 0xFF) {
            if (b->end - b->p < 2 || b->p[1] != 0) {
                b->stop = true;
                break;
            }
            b->p += 2;
        } else {
            b->p++;
        }
        b->buf |= (uint64_t)c << (56 - b->cnt);
        b->cnt += 8;
    }
}

/* At the end of an interval or of the scan: only the last byte's padding
 * unread, and the marker next. */
static bool
at_marker(int cnt, const unsigned char *p, const unsigned char *end, unsigned marker)
{
    return cnt >= 0 && cnt < 8 && end - p >= 2 && p[0] == 0xFF && p[1] == marker;
}

/* 1 if the scan is clean, 0 if not sure; -1 if it must be walked again
 * with exact DC values (below). */
static int
scan(const struct jpeg_decompress_struct *cinfo, const unsigned char *start,
     const unsigned char *end, htab *dc, actab **ac, bool exact)
{
    bool built_dc[NUM_HUFF_TBLS] = { false };
    const htab *bdc[D_MAX_BLOCKS_IN_MCU];
    const actab *bac[D_MAX_BLOCKS_IN_MCU];
    int bci[D_MAX_BLOCKS_IN_MCU];
    int blocks = cinfo->blocks_in_MCU;
    for (int i = 0; i < blocks; i++) {
        int ci = cinfo->MCU_membership[i];
        if (ci < 0 || ci >= cinfo->comps_in_scan)
            return 0;
        const jpeg_component_info *comp = cinfo->cur_comp_info[ci];
        int d = comp->dc_tbl_no, a = comp->ac_tbl_no;
        if (d < 0 || d >= NUM_HUFF_TBLS || a < 0 || a >= NUM_HUFF_TBLS ||
            !cinfo->dc_huff_tbl_ptrs[d] || !cinfo->ac_huff_tbl_ptrs[a])
            return 0;
        if (!built_dc[d] && !htab_build(&dc[d], cinfo->dc_huff_tbl_ptrs[d], true))
            return 0;
        built_dc[d] = true;
        /* components that share a table (a photo's two chroma ones) share
         * its groups, built once */
        if (!ac[a]) {
            ac[a] = xmalloc(sizeof *ac[a]);
            if (!htab_build(&ac[a]->h, cinfo->ac_huff_tbl_ptrs[a], false))
                return 0;
            group_build(ac[a]);
        }
        bdc[i] = &dc[d];
        bac[i] = ac[a];
        bci[i] = ci;
    }

    /* The bit buffer in locals, so that it stays in registers: this loop
     * is the whole cost of the pass. Each step first refills to 56 bits or
     * more (unless the data stops) if fewer than it may read are left:
     * GROUP_BITS for a group, 31 for one code and its extra bits (16 + 15);
     * 8 bytes at once where none is 0xFF, otherwise through refill(). */
    const unsigned char *p = start;
    uint64_t buf = 0;
    int cnt = 0;
    bool stop = false;
#define REFILL(need) do {                                                       \
        if (cnt < (need)) {                                                       \
            uint64_t v_;                                                        \
            if (end - p >= 8 && (memcpy(&v_, p, 8), v_ = __builtin_bswap64(v_),  \
                                 no_ff(v_))) {                                  \
                buf |= v_ >> cnt;                                               \
                p += (unsigned)(cnt ^ 63) >> 3; /* 63 - cnt, as cnt < 32 */   \
                cnt |= 56;      /* cnt + 8 for each byte taken */               \
            } else {                                                            \
                bits b_ = { p, end, buf, cnt, stop };                           \
                refill(&b_);                                                    \
                p = b_.p;                                                       \
                buf = b_.buf;                                               \
                cnt = b_.cnt;                                                   \
                stop = b_.stop;                                                 \
            }                                                                   \
        }                                                                       \
    } while (0)
#define DROP(n) (buf <<= (n), cnt -= (int)(n))

    /* libjpeg refuses a running DC value past the range of an int. Each
     * block moves it by less than 2^s (s its extra bits), so while the sum
     * of those over the interval stays within the range, no component's can
     * leave it, and the values need not be worked out; a file where the sum
     * goes past it (none a camera writes) is walked again, exact, with
     * them. */
    int pred[MAX_COMPS_IN_SCAN] = { 0 };    /* each component's running DC value */
    uint64_t bound = 0;
    unsigned long mcus = (unsigned long)cinfo->MCUs_per_row * cinfo->MCU_rows_in_scan;
    unsigned interval = cinfo->restart_interval, togo = interval, rst = 0;
    for (unsigned long m = 0; m < mcus; m++) {
        if (interval && togo == 0) {
            if (!at_marker(cnt, p, end, 0xD0 + (rst & 7)))
                return 0;
            p += 2;
            buf = 0;
            cnt = 0;
            stop = false;
            memset(pred, 0, sizeof pred);
            bound = 0;
            togo = interval;
            rst++;
        }
        for (int i = 0; i < blocks; i++) {
            /* the DC code and its extra bits */
            REFILL(31);
            unsigned e = bdc[i]->fast[buf >> (64 - FAST_BITS)], len, s;
            if (e) {
                len = e & 31;
                s = e >> 5;
            } else {
                int sym = htab_slow(bdc[i], (unsigned)(buf >> 48), &len);
                if (sym < 0)
                    return 0;
                s = (unsigned)sym;
            }
            if (!exact) {
                bound += 1u << s;
            } else if (s) {
                int v = (int)((buf << len) >> (64 - s));
                if (v < 1 << (s - 1))
                    v -= (1 << s) - 1;
                if (__builtin_add_overflow(pred[bci[i]], v, &pred[bci[i]]))
                    return 0;
            }
            DROP(len + s);

            /* AC codes to the end of the block, a group at a time */
            const actab *t = bac[i];
            for (unsigned k = 1;;) {
                REFILL(GROUP_BITS);
                unsigned g = t->group[buf >> (64 - GROUP_BITS)], to = k + (g >> 6);
                if (to < 64) {          /* the codes lie inside the block */
                    DROP(g & 31);
                    k = to;
                    continue;
                }
                if (to - 128 < 64) {    /* and the last one ends it */
                    DROP(g & 31);
                    break;
                }
                REFILL(31);
                e = t->h.fast[buf >> (64 - FAST_BITS)];
                if (!e) {
                    int sym = htab_slow(&t->h, (unsigned)(buf >> 48), &len);
                    if (sym < 0)
                        return 0;
                    e = ac_entry(len, (unsigned)sym);
                }
                DROP(e & 31);
                unsigned adv = e >> 5;
                k += adv;
                if (!adv || k >= 64)
                    break;
            }
        }
        if (cnt < 0)
            return 0;
        if (bound > INT_MAX)
            return -1;
        togo--;
    }
#undef REFILL
#undef DROP
    return at_marker(cnt, p, end, 0xD9) ? 1 : 0;
}

bool
cp_jpeg_scan_clean(const struct jpeg_decompress_struct *cinfo, const unsigned char *buf,
                   size_t len)
{
    if (cinfo->progressive_mode || cinfo->arith_code || cinfo->data_precision != 8 ||
        cinfo->comps_in_scan != cinfo->num_components || cinfo->Ss != 0 ||
        cinfo->Se != DCTSIZE2 - 1 || cinfo->Ah != 0 || cinfo->Al != 0 ||
        cinfo->unread_marker != 0 || cinfo->blocks_in_MCU < 1 ||
        cinfo->blocks_in_MCU > D_MAX_BLOCKS_IN_MCU)
        return false;
    const unsigned char *start = cinfo->src->next_input_byte;
    if (start < buf || start > buf + len ||
        cinfo->src->bytes_in_buffer != (size_t)(buf + len - start))
        return false;
    /* on the heap, as picture checks run on threads too; an AC table's
     * groups only for the tables the scan uses */
    htab *dc = xmalloc(NUM_HUFF_TBLS * sizeof *dc);
    actab *ac[NUM_HUFF_TBLS] = { NULL };
    int clean = scan(cinfo, start, buf + len, dc, ac, false);
    if (clean < 0)
        clean = scan(cinfo, start, buf + len, dc, ac, true);
    free(dc);
    for (int i = 0; i < NUM_HUFF_TBLS; i++)
        free(ac[i]);
    return clean > 0;
}
