/* image-bmp.c: Windows and OS/2 bitmaps, decoded by a loader of our own.
 *
 * Debian 12 has no maintained C library for BMP alone (gdk-pixbuf and
 * ImageMagick would each bring a whole image framework in for one simple
 * format), so this file reads it, checking every offset against the file:
 * the core (12-byte) and info (40 to 124-byte) headers; BI_RGB at 1, 4, 8,
 * 16, 24 and 32 bits; BI_BITFIELDS and BI_ALPHABITFIELDS at 16 and 32 bits;
 * RLE8 and RLE4; rows stored bottom-up or top-down. Every palette index is
 * checked against the palette the file has, and an RLE stream that runs
 * past its row or the picture, or ends before the picture does, is refused.
 * The size limits are checked from the header before any pixel buffer is
 * allocated. BMP is lossless: deflated, and a grey palette stays one channel. */
#include "config.h"
#include "image.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

enum { BI_RGB = 0, BI_RLE8 = 1, BI_RLE4 = 2, BI_BITFIELDS = 3, BI_JPEG = 4, BI_PNG = 5,
       BI_ALPHABITFIELDS = 6 };

static uint32_t
le32(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static unsigned
le16(const unsigned char *p)
{
    return (unsigned)p[0] | (unsigned)p[1] << 8;
}

/* One channel of a bit-field pixel: where its mask starts and how wide it
 * is; a mask must be one run of bits. */
struct field {
    int shift, width;
};

static int
field_of(uint32_t mask, struct field *f)
{
    f->shift = f->width = 0;
    if (mask == 0)
        return 0;
    while (!(mask & 1)) {
        mask >>= 1;
        f->shift++;
    }
    while (mask & 1) {
        mask >>= 1;
        f->width++;
    }
    return mask == 0 ? 0 : -1;
}

/* The channel widened to 8 bits (a 5-bit 31 is 255). */
static unsigned char
field_get(uint32_t v, const struct field *f)
{
    if (f->width == 0)
        return 0;
    uint32_t x = (v >> f->shift) & (f->width >= 32 ? 0xFFFFFFFFu : (1u << f->width) - 1);
    if (f->width >= 8)
        return (unsigned char)(x >> (f->width - 8));
    /* The bits repeated to fill the byte, as libpng widens samples. */
    uint32_t out = 0;
    for (int k = 8 - f->width; k > -f->width; k -= f->width)
        out |= k >= 0 ? x << k : x >> -k;
    return (unsigned char)out;
}

struct bmp {
    const unsigned char *buf;
    size_t len;
    long w, h;
    int bits, compression, top_down;
    const unsigned char *pal;    /* palette entries, `pal_n` of them */
    int pal_n, pal_step;         /* 3 bytes an entry in a core header, else 4 */
    struct field f[4];           /* red, green, blue, alpha */
    size_t off;                  /* the pixel data */
    unsigned char *idx;          /* RLE: decoded palette indices, w*h, rows top-down */
    const char *problem;
};

/* RLE8/RLE4 into b->idx. Pixels a delta or an early end of line skips are
 * palette entry 0, as the format's decoders leave them. */
static int
bmp_rle(struct bmp *b)
{
    const unsigned char *p = b->buf + b->off, *end = b->buf + b->len;
    long x = 0, y = 0;   /* y counts stored rows: the bottom row first */
    int four = b->compression == BI_RLE4;
    b->idx = xcalloc((size_t)b->w, (size_t)b->h);
#define PUT(v) do { \
        if (x >= b->w || y >= b->h) { b->problem = "the RLE data runs past the picture's edge"; return -1; } \
        b->idx[(size_t)(b->h - 1 - y) * (size_t)b->w + (size_t)x++] = (unsigned char)(v); \
    } while (0)
    for (;;) {
        if (end - p < 2) {
            if (y >= b->h)
                return 0;    /* every row is there, only the end mark is missing */
            b->problem = "the RLE data ends before the picture does";
            return -1;
        }
        unsigned n = p[0], v = p[1];
        p += 2;
        if (n > 0) {
            for (unsigned i = 0; i < n; i++)
                PUT(four ? (i & 1 ? v & 15 : v >> 4) : v);
        } else if (v == 0) {
            x = 0;
            y++;
        } else if (v == 1) {
            return 0;
        } else if (v == 2) {
            if (end - p < 2) {
                b->problem = "the RLE data ends before the picture does";
                return -1;
            }
            x += p[0];
            y += p[1];
            p += 2;
            if (x > b->w || y > b->h) {
                b->problem = "an RLE move runs past the picture's edge";
                return -1;
            }
        } else {
            /* v literal pixels, padded to a 16-bit boundary. */
            size_t bytes = four ? (v + 1) / 2 : v;
            size_t padded = (bytes + 1) & ~(size_t)1;
            if ((size_t)(end - p) < bytes) {
                b->problem = "the RLE data ends before the picture does";
                return -1;
            }
            for (unsigned i = 0; i < v; i++)
                PUT(four ? (i & 1 ? p[i / 2] & 15 : p[i / 2] >> 4) : p[i]);
            p += (size_t)(end - p) < padded ? (size_t)(end - p) : padded;
        }
    }
#undef PUT
}

/* The colour of palette entry i, or -1 when the palette has no such entry. */
static int
pal_rgb(const struct bmp *b, unsigned i, unsigned char *o)
{
    if ((int)i >= b->pal_n)
        return -1;
    const unsigned char *e = b->pal + (size_t)i * (size_t)b->pal_step;
    o[0] = e[2];
    o[1] = e[1];
    o[2] = e[0];
    o[3] = 0xFF;
    return 0;
}

/* Decode row y (counted from the top) to RGBA. */
static int
bmp_row(struct bmp *b, long y, unsigned char *o)
{
    size_t stride = (((size_t)b->w * (size_t)b->bits + 31) / 32) * 4;
    if (b->idx != NULL) {
        const unsigned char *row = b->idx + (size_t)y * (size_t)b->w;
        for (long x = 0; x < b->w; x++, o += 4)
            if (pal_rgb(b, row[x], o) < 0)
                goto bad_index;
        return 0;
    }
    long sy = b->top_down ? y : b->h - 1 - y;
    const unsigned char *row = b->buf + b->off + (size_t)sy * stride;
    for (long x = 0; x < b->w; x++, o += 4) {
        uint32_t v;
        switch (b->bits) {
        case 1:
        case 4:
        case 8: {
            size_t bit = (size_t)x * (size_t)b->bits;
            unsigned i = (row[bit / 8] >> (8 - b->bits - bit % 8)) & ((1u << b->bits) - 1);
            if (pal_rgb(b, i, o) < 0)
                goto bad_index;
            continue;
        }
        case 16: v = le16(row + x * 2); break;
        case 24: v = (uint32_t)row[x * 3] | (uint32_t)row[x * 3 + 1] << 8 |
                     (uint32_t)row[x * 3 + 2] << 16; break;
        default: v = le32(row + x * 4); break;
        }
        o[0] = field_get(v, &b->f[0]);
        o[1] = field_get(v, &b->f[1]);
        o[2] = field_get(v, &b->f[2]);
        o[3] = b->f[3].width ? field_get(v, &b->f[3]) : 0xFF;
    }
    return 0;
bad_index:
    b->problem = "a pixel names a colour the palette does not have";
    return -1;
}

/* Whether claimpack reads this compression at this depth. */
static bool
bmp_readable(const struct bmp *b)
{
    switch (b->compression) {
    case BI_RGB: return b->bits == 1 || b->bits == 4 || b->bits == 8 || b->bits == 16 ||
                        b->bits == 24 || b->bits == 32;
    case BI_RLE8: return b->bits == 8 && !b->top_down;
    case BI_RLE4: return b->bits == 4 && !b->top_down;
    case BI_BITFIELDS:
    case BI_ALPHABITFIELDS: return b->bits == 16 || b->bits == 32;
    default: return false;
    }
}

/* The colour masks into b->f: in the header h (of hsize bytes) from
 * version 2 on, else just after a 40-byte one, *after moved past them;
 * the fixed ones of 16-bit and 24- or 32-bit BI_RGB pixels. */
static int
bmp_masks(struct bmp *b, const unsigned char *h, uint32_t hsize, size_t *after)
{
    if (b->compression == BI_BITFIELDS || b->compression == BI_ALPHABITFIELDS) {
        const unsigned char *m;
        int n = b->compression == BI_ALPHABITFIELDS ? 4 : 3;
        if (hsize >= 52) {
            m = h + 40;
            if (hsize >= 56)
                n = 4;
        } else if (hsize == 40) {
            if (b->len - *after < (size_t)n * 4) {
                b->problem = "the file is cut short inside its colour masks";
                return -1;
            }
            m = b->buf + *after;
            *after += (size_t)n * 4;
        } else {
            b->problem = "its colour masks are missing";
            return -1;
        }
        for (int i = 0; i < n; i++) {
            uint32_t mask = le32(m + i * 4);
            if (b->bits == 16 && mask > 0xFFFF)
                mask = 0x10000;  /* not a run within 16 bits: refused below */
            if (field_of(mask, &b->f[i]) < 0 || (i < 3 && b->f[i].width == 0)) {
                b->problem = "a colour mask is not one run of bits";
                return -1;
            }
        }
        for (int i = 0; i < n; i++)
            for (int j = i + 1; j < n; j++)
                if (b->f[i].width && b->f[j].width &&
                    (le32(m + i * 4) & le32(m + j * 4)) != 0) {
                    b->problem = "two colour masks overlap";
                    return -1;
                }
    } else if (b->bits == 16) {
        field_of(0x7C00, &b->f[0]);
        field_of(0x03E0, &b->f[1]);
        field_of(0x001F, &b->f[2]);
    } else if (b->bits >= 24) {
        /* The fourth byte of a 32-bit BI_RGB pixel is unused. */
        field_of(0xFF0000, &b->f[0]);
        field_of(0x00FF00, &b->f[1]);
        field_of(0x0000FF, &b->f[2]);
    }
    return 0;
}

/* The palette of a picture of 8 bits a pixel or fewer: clr_used entries
 * (0: all 2^bits), between the header, which ends at `after`, and the
 * pixel data. */
static int
bmp_palette(struct bmp *b, uint32_t clr_used, size_t after)
{
    long most = 1L << b->bits;
    long n = clr_used == 0 || clr_used > (uint32_t)most ? most : (long)clr_used;
    size_t room = b->off > after ? b->off - after : 0;
    if (b->off > b->len)
        room = b->len > after ? b->len - after : 0;
    if ((size_t)n * (size_t)b->pal_step > room)
        n = (long)(room / (size_t)b->pal_step);
    if (n == 0) {
        b->problem = "the palette is missing";
        return -1;
    }
    b->pal = b->buf + after;
    b->pal_n = (int)n;
    return 0;
}

int
cp_image_bmp(cp_image *img, const unsigned char *buf, size_t len, cp_rows *rows,
             const char *display, cp_diags *diags)
{
    struct bmp b = { .buf = buf, .len = len };
    unsigned char *px = NULL;
    int ret = -1;

    memset(img, 0, sizeof *img);
    img->orientation = 1;
    img->frames = 1;
    img->pages = 1;
    if (len < 14 + 12 || buf[0] != 'B' || buf[1] != 'M') {
        b.problem = "the file is cut short inside its header";
        goto fail;
    }
    uint32_t hsize = le32(buf + 14);
    b.off = le32(buf + 10);
    if (hsize != 12 && hsize != 16 && hsize != 40 && hsize != 52 && hsize != 56 &&
        hsize != 64 && hsize != 108 && hsize != 124) {
        b.problem = "its header is of no BMP version claimpack knows";
        goto fail;
    }
    if (len - 14 < hsize) {
        b.problem = "the file is cut short inside its header";
        goto fail;
    }
    const unsigned char *h = buf + 14;
    unsigned planes;
    uint32_t clr_used = 0;
    if (hsize == 12) {
        b.w = (long)le16(h + 4);
        b.h = (long)le16(h + 6);
        planes = le16(h + 8);
        b.bits = (int)le16(h + 10);
        b.compression = BI_RGB;
        b.pal_step = 3;
    } else {
        int32_t sw = (int32_t)le32(h + 4), sh = (int32_t)le32(h + 8);
        b.w = sw;
        /* A negative height stores the rows top-down. */
        b.top_down = sh < 0;
        b.h = sh < 0 ? -(long)sh : (long)sh;
        planes = le16(h + 12);
        b.bits = (int)le16(h + 14);
        b.compression = hsize >= 20 ? (int)le32(h + 16) : BI_RGB;
        clr_used = hsize >= 36 ? le32(h + 32) : 0;
        b.pal_step = 4;
    }
    /* OS/2 2.x headers (16 and 64 bytes) number their compressions
     * differently past RLE4: only the shared ones are read. */
    if ((hsize == 16 || hsize == 64) && b.compression > BI_RLE4) {
        b.problem = "an OS/2 bitmap compression claimpack does not read";
        goto fail;
    }
    if (planes != 1) {
        b.problem = "the header's plane count is not 1";
        goto fail;
    }
    if (b.compression == BI_JPEG || b.compression == BI_PNG) {
        cp_error(diags, CP_INPUT, display, 0, 0, "BMP image that holds a %s picture: "
                 "claimpack does not read these; save it as a %s file instead",
                 b.compression == BI_JPEG ? "JPEG" : "PNG",
                 b.compression == BI_JPEG ? "JPEG" : "PNG");
        return -1;
    }
    if (!bmp_readable(&b)) {
        cp_error(diags, CP_INPUT, display, 0, 0, "BMP image of a kind claimpack does not read "
                 "(%d bits a pixel, compression %d%s); save it as a PNG file instead", b.bits,
                 b.compression, b.top_down ? ", rows top-down" : "");
        return -1;
    }
    if (cp_image_check_size(b.w, b.h, "BMP", display, diags) < 0)
        return -1;

    size_t after = 14 + hsize;
    if (bmp_masks(&b, h, hsize, &after) < 0)
        goto fail;
    if (b.bits <= 8 && bmp_palette(&b, clr_used, after) < 0)
        goto fail;
    if (b.off < after || b.off >= len) {
        b.problem = b.off >= len ? "the file is cut short before its pixels"
                                 : "the pixels are said to start inside the header";
        goto fail;
    }
    if (b.compression == BI_RLE8 || b.compression == BI_RLE4) {
        if (bmp_rle(&b) < 0)
            goto fail;
    } else {
        size_t stride = (((size_t)b.w * (size_t)b.bits + 31) / 32) * 4;
        /* The last row need not carry its padding. */
        size_t need = stride * (size_t)(b.h - 1) + ((size_t)b.w * (size_t)b.bits + 7) / 8;
        if (len - b.off < need) {
            b.problem = "the file is cut short inside its pixels";
            goto fail;
        }
    }
    /* Decoded from the file a row at a time, twice: first to learn whether
     * the picture is grey and what its alpha is, then for rows, so that
     * its pixels are never held. */
    px = xmalloc((size_t)b.w * 4);
    int gray = 1, opaque = 1, clear = 1;
    for (long y = 0; y < b.h; y++) {
        if (bmp_row(&b, y, px) < 0)
            goto fail;
        for (long x = 0; x < b.w; x++) {
            const unsigned char *o = px + (size_t)x * 4;
            gray &= o[0] == o[1] && o[1] == o[2];
            opaque &= o[3] == 0xFF;
            clear &= o[3] == 0;
        }
    }
    /* Writers that fill a 32-bit alpha mask with zeros mean no alpha: the
     * picture would vanish, and viewers show it opaque. */
    int one = gray && (opaque || clear);
    cp_rows_begin(rows, img, (int)b.w, (int)b.h, one ? 1 : 4);
    for (long y = 0; y < b.h && rows->fn != NULL; y++) {
        bmp_row(&b, y, px);
        for (long x = 0; x < b.w; x++) {
            if (clear)
                px[x * 4 + 3] = 0xFF;
            if (one)
                px[x] = px[x * 4];
        }
        if (cp_rows_put(rows, px) < 0) {
            cp_rows_end(rows);
            goto cleanup;
        }
    }
    cp_rows_end(rows);
    if (hsize >= 40) {
        /* Pixels a metre, to dots an inch. */
        uint32_t xm = le32(h + 24), ym = le32(h + 28);
        if (xm > 0 && ym > 0 && xm < 1000000 && ym < 1000000) {
            img->dpi_x = xm * 0.0254;
            img->dpi_y = ym * 0.0254;
        }
    }
    ret = 0;
    goto cleanup;
fail:
    cp_error(diags, CP_INPUT, display, 0, 0, "damaged BMP image: %s", b.problem);
cleanup:
    free(px);
    free(b.idx);
    return ret;
}
