/* jpeg-scan.c: confirm a baseline JPEG's entropy-coded data by walking its
 * Huffman codes alone (jpeg-scan.h).
 *
 * Checking a photo costs an entropy decode of every block (one verdict:
 * build checks every picture it embeds exactly as check does). libjpeg's
 * decoder, even when told to skip rows, stores or discards each coefficient
 * through general code; validation needs only how many bits each code and
 * its extra bits take and where the blocks end. So this walks them with a
 * 64-bit bit buffer and one table lookup per code.
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
/* AC codes are short (two or three bits on average in a photo), so one
 * lookup of this many bits takes as many whole codes as fit. */
#define GROUP_BITS 12

/* fast[]: an entry for the next FAST_BITS bits, 0 if the code is longer.
 * Bits 0-4: bits to drop (the code, plus its extra bits for an AC code);
 * bits 5-9: for an AC code how far it moves in the block (0: the block
 * ends), for a DC code the number of extra bits.
 * group[] (AC only): for the next GROUP_BITS bits, the codes that fit in
 * them whole. Bits 0-3: bits to drop; bits 4-10: 64 less how far they move
 * in the block, so that they all lie in it if the position is below that;
 * bit 11: the last one ends the block. 0 if not even one fits. */
typedef struct htab {
    uint16_t fast[1 << FAST_BITS];
    uint16_t group[1 << GROUP_BITS];
    int32_t maxcode[17];        /* largest code of each length, -1 if none */
    int32_t valoff[17];         /* code + valoff = the symbol's index in val */
    unsigned char val[256];
} htab;

#define GROUP_EOB 0x800

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
group_build(htab *t)
{
    for (unsigned i = 0; i < 1u << GROUP_BITS; i++) {
        unsigned used = 0, adv = 0, eob = 0;
        for (;;) {
            unsigned len, peek = (i << used) & ((1u << GROUP_BITS) - 1);
            int sym = htab_slow(t, peek << (16 - GROUP_BITS), &len);
            if (sym < 0)
                break;
            unsigned e = ac_entry(len, (unsigned)sym), bits = e & 31, a = e >> 5;
            if (used + bits > GROUP_BITS || adv + a > 63)
                break;
            used += bits;
            if (a == 0) {
                eob = GROUP_EOB;
                break;
            }
            adv += a;
        }
        t->group[i] = (uint16_t)(used ? used | (64 - adv) << 4 | eob : 0);
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
    if (!dc)
        group_build(t);
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
 * (block() takes 8 bytes at once where none is 0xFF). */
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
at_marker(const bits *b, unsigned marker)
{
    return b->cnt >= 0 && b->cnt < 8 && b->end - b->p >= 2 && b->p[0] == 0xFF &&
           b->p[1] == marker;
}

/* One block: its DC code and extra bits, then AC codes to the end of the
 * block. pred is the component's running DC value. Kept inline with the
 * bit buffer in locals: this loop is the whole cost of the pass. */
static inline bool
block(bits *b, const htab *dc, const htab *ac, int64_t *pred)
{
    uint64_t buf = b->buf;
    int cnt = b->cnt;
    /* refill()'s common case, here so that buf and cnt stay in registers */
#define REFILL() do {                                                           \
        if (cnt < 32) {                                                         \
            uint64_t v_;                                                        \
            if (b->end - b->p >= 8 && (memcpy(&v_, b->p, 8),                    \
                                       v_ = __builtin_bswap64(v_), no_ff(v_))) { \
                int n_ = (63 - cnt) >> 3;                                       \
                buf |= v_ >> cnt;                                               \
                b->p += n_;                                                     \
                cnt += n_ * 8;                                                  \
            } else {                                                            \
                b->buf = buf;                                                   \
                b->cnt = cnt;                                                   \
                refill(b);                                                      \
                buf = b->buf;                                                   \
                cnt = b->cnt;                                                   \
            }                                                                   \
        }                                                                       \
    } while (0)
#define DROP(n) (buf <<= (n), cnt -= (int)(n))

    REFILL();
    unsigned e = dc->fast[buf >> (64 - FAST_BITS)], len, s;
    if (e) {
        len = e & 31;
        s = e >> 5;
    } else {
        int sym = htab_slow(dc, (unsigned)(buf >> 48), &len);
        if (sym < 0)
            return false;
        s = (unsigned)sym;
    }
    if (s) {
        int32_t v = (int32_t)((buf << len) >> (64 - s));
        if (v < (int32_t)1 << (s - 1))
            v -= ((int32_t)1 << s) - 1;
        *pred += v;
        if (*pred > INT_MAX || *pred < INT_MIN)
            return false;
    }
    DROP(len + s);

    for (unsigned k = 1; k < 64;) {
        REFILL();
        unsigned g = ac->group[buf >> (64 - GROUP_BITS)];
        unsigned below = (g >> 4) & 127;
        if (k < below) {
            /* every code in the group lies inside the block */
            DROP(g & 15);
            if (g & GROUP_EOB)
                break;
            k += 64 - below;
            continue;
        }
        e = ac->fast[buf >> (64 - FAST_BITS)];
        if (!e) {
            int sym = htab_slow(ac, (unsigned)(buf >> 48), &len);
            if (sym < 0)
                return false;
            e = ac_entry(len, (unsigned)sym);
        }
        DROP(e & 31);
        unsigned adv = e >> 5;
        if (!adv)
            break;
        k += adv;
    }
#undef REFILL
#undef DROP
    b->buf = buf;
    b->cnt = cnt;
    return true;
}

static bool
scan(const struct jpeg_decompress_struct *cinfo, const unsigned char *start,
     const unsigned char *end, htab *dc, htab *ac)
{
    bool built_dc[NUM_HUFF_TBLS] = { false }, built_ac[NUM_HUFF_TBLS] = { false };
    const htab *bdc[D_MAX_BLOCKS_IN_MCU], *bac[D_MAX_BLOCKS_IN_MCU];
    int bci[D_MAX_BLOCKS_IN_MCU];
    for (int i = 0; i < cinfo->blocks_in_MCU; i++) {
        int ci = cinfo->MCU_membership[i];
        if (ci < 0 || ci >= cinfo->comps_in_scan)
            return false;
        const jpeg_component_info *comp = cinfo->cur_comp_info[ci];
        int d = comp->dc_tbl_no, a = comp->ac_tbl_no;
        if (d < 0 || d >= NUM_HUFF_TBLS || a < 0 || a >= NUM_HUFF_TBLS ||
            !cinfo->dc_huff_tbl_ptrs[d] || !cinfo->ac_huff_tbl_ptrs[a])
            return false;
        if (!built_dc[d] && !htab_build(&dc[d], cinfo->dc_huff_tbl_ptrs[d], true))
            return false;
        if (!built_ac[a] && !htab_build(&ac[a], cinfo->ac_huff_tbl_ptrs[a], false))
            return false;
        built_dc[d] = built_ac[a] = true;
        bdc[i] = &dc[d];
        bac[i] = &ac[a];
        bci[i] = ci;
    }

    bits b = { .p = start, .end = end };
    int64_t pred[MAX_COMPS_IN_SCAN] = { 0 };
    unsigned long mcus = (unsigned long)cinfo->MCUs_per_row * cinfo->MCU_rows_in_scan;
    unsigned interval = cinfo->restart_interval, togo = interval, rst = 0;
    for (unsigned long m = 0; m < mcus; m++) {
        if (interval && togo == 0) {
            if (!at_marker(&b, 0xD0 + (rst & 7)))
                return false;
            b = (bits){ .p = b.p + 2, .end = end };
            memset(pred, 0, sizeof pred);
            togo = interval;
            rst++;
        }
        for (int i = 0; i < cinfo->blocks_in_MCU; i++)
            if (!block(&b, bdc[i], bac[i], &pred[bci[i]]))
                return false;
        if (b.cnt < 0)
            return false;
        togo--;
    }
    return at_marker(&b, 0xD9);
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
    /* 44 KB of tables: on the heap, as picture checks run on threads too */
    htab *t = xmalloc(2 * NUM_HUFF_TBLS * sizeof *t);
    bool clean = scan(cinfo, start, buf + len, t, t + NUM_HUFF_TBLS);
    free(t);
    return clean;
}
