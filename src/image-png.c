/* image-png.c: PNG screenshots, decoded here with libpng (libharu's
 * own loader aborts on a damaged file and garbles 16-bit and interlaced
 * images), so the PDF writer only ever sees raw samples.
 *
 * Every libpng error longjmps back here; nothing in this file can abort. */
#include "config.h"
#include "image.h"
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <png.h>
#include <libdeflate.h>
#include <zlib.h>

#define PNG_INTERLACED_MAX_BYTES (160 << 20)   /* decoded, see png_decode */

struct png_ctx {
    const unsigned char *buf;
    size_t len, pos;
    char msg[256];
};

static void
png_ctx_error(png_structp png, png_const_charp msg)
{
    struct png_ctx *c = png_get_error_ptr(png);
    snprintf(c->msg, sizeof c->msg, "%s", msg);
    png_longjmp(png, 1);
}

static void
png_ctx_warning(png_structp png, png_const_charp msg)
{
    /* Ancillary-chunk complaints (a bad sRGB profile, a CRC error in a text
     * chunk libpng then drops) do not touch the pixels. */
    (void)png;
    (void)msg;
}

static void
png_ctx_read(png_structp png, png_bytep out, size_t n)
{
    struct png_ctx *c = png_get_io_ptr(png);
    if (n > c->len - c->pos)
        png_error(png, "the file ends too early");
    memcpy(out, c->buf + c->pos, n);
    c->pos += n;
}

/* One decoded row (colour + alpha, 8 or 16 bits) split into packed colour
 * samples and an 8-bit alpha row; returns whether the row is opaque. */
static int
split_row(unsigned char *dst, unsigned char *a, const unsigned char *src, size_t w, int cc,
          int bytes)
{
    size_t px = (size_t)cc * (size_t)bytes;
    int opaque = 1;
    for (size_t x = 0; x < w; x++) {
        memcpy(dst + x * px, src, px);
        /* 16-bit alpha (big-endian) rounded to 8 bits. */
        a[x] = bytes == 2 ? (unsigned char)((((unsigned)src[px] << 8 | src[px + 1]) + 128) / 257)
                          : src[px];
        opaque &= a[x] == 0xFF;
        src += px + (size_t)bytes;
    }
    return opaque;
}

/* Split decoded rows (colour + optional alpha, 8 or 16 bits) into packed
 * colour samples and an 8-bit mask; a mask that is opaque everywhere is
 * dropped, it would only make the PDF bigger. */
static void
png_split(cp_image *img, unsigned char *const *rows, int channels, int alpha, int bytes)
{
    size_t w = (size_t)img->width, h = (size_t)img->height;
    int cc = channels - alpha;
    size_t out_row = w * (size_t)cc * (size_t)bytes;
    int opaque = 1;

    img->size = out_row * h;
    img->data = xmalloc(img->size);
    if (alpha)
        img->alpha = xmalloc(w * h);
    for (size_t y = 0; y < h; y++) {
        const unsigned char *src = rows[y];
        unsigned char *dst = img->data + y * out_row;
        if (!alpha) {
            memcpy(dst, src, out_row);
            continue;
        }
        opaque &= split_row(dst, img->alpha + y * w, src, w, cc, bytes);
    }
    if (alpha && opaque) {
        free(img->alpha);
        img->alpha = NULL;
    }
    img->alpha_size = img->alpha ? w * h : 0;
}

enum png_mode { PNG_PROBE, PNG_LOAD, PNG_ROWS };

/* Pointers to the h rows of a whole picture in pixels, for png_read_image. */
static unsigned char **
row_pointers(unsigned char *pixels, size_t rowbytes, png_uint_32 h)
{
    unsigned char **rows = xmalloc(sizeof *rows * (h ? h : 1));
    for (png_uint_32 y = 0; y < h; y++)
        rows[y] = pixels + y * rowbytes;
    return rows;
}

/* What is checked from the file's bytes before libpng sees them: the
 * size IHDR gives, and every chunk's length. */
static int
png_precheck(const unsigned char *buf, size_t len, const char *display, cp_diags *diags)
{
    /* The limits, from IHDR's bytes before libpng allocates anything. */
    if (len >= 24 && memcmp(buf + 12, "IHDR", 4) == 0) {
        uint32_t w = (uint32_t)buf[16] << 24 | (uint32_t)buf[17] << 16 | (uint32_t)buf[18] << 8 | buf[19];
        uint32_t h = (uint32_t)buf[20] << 24 | (uint32_t)buf[21] << 16 | (uint32_t)buf[22] << 8 | buf[23];
        if (w > CP_IMAGE_MAX_SIDE || h > CP_IMAGE_MAX_SIDE ||
            (uint64_t)w * h > (uint64_t)CP_IMAGE_MAX_PIXELS) {
            cp_error(diags, CP_INPUT, display, 0, 0,
                     "image too large: %lux%lu pixels (the limits are %d pixels a side "
                     "and %ld megapixels)", (unsigned long)w, (unsigned long)h,
                     CP_IMAGE_MAX_SIDE, CP_IMAGE_MAX_PIXELS / 1000000);
            return -1;
        }
    }

    /* No chunk can be longer than what is left of the file. libpng
     * allocates a text chunk's buffer from its declared length before
     * reading it: a damaged length would cost a gigabyte. */
    size_t off = 8;
    cp_png_chunk c;
    int r;
    while ((r = cp_png_chunk_next(&c, buf, len, &off)) != 0) {
        if (r < 0) {
            if (memcmp(c.type, "IDAT", 4) == 0)
                break;   /* libpng reads IDAT in pieces and says what is missing */
            cp_error(diags, CP_INPUT, display, 0, 0,
                     "damaged PNG image: the file ends too early");
            return -1;
        }
        if (memcmp(c.type, "IEND", 4) == 0)
            break;
    }
    return 0;
}

/* --- the verdict without libpng ------------------------------------------
 *
 * A PNG whose compressed rows go into the PDF as they are (imagestore.c)
 * needs only libpng's verdict, not its pixels, and most of what libpng's
 * decode costs is undoing each row's filter. cp_image_png_fast says
 * "clean" only of a file libpng 1.6 reads through without an error, and
 * "not sure" of anything else, which libpng then decodes to give the
 * verdict and its message. So it accepts one narrow, common shape and checks all of it:
 * every chunk whole with a right CRC and a type of letters; IHDR first
 * and valid (not interlaced); PLTE once, before the image data, sized as
 * libpng wants, where the colour type allows it; no other critical chunk;
 * the IDAT chunks one run, each within libpng's length limit; ancillary
 * chunks whose handlers can only warn (pngrutil.c: every error of theirs
 * past a missing IHDR is "benign", a warning when reading), anywhere
 * but inside the run; an empty IEND. The IDAT stream is inflated by
 * zlib as libpng inflates it (the window the stream's header gives), to
 * exactly the rows' bytes, every row's filter byte one of the five,
 * ending with its Adler-32 (checked with libdeflate's) right at the end
 * of the last IDAT. zlib's verdict on a stream does not depend on how its
 * output is cut up but for a distance reaching before the window: a
 * window smaller than 32K is only taken when the whole picture fits in
 * it. tests/pngverdict.test compares this with libpng on the corpus and
 * on thousands of damaged copies of it. */

#define PNG_FAST_CHUNK_MAX 8000000u   /* libpng's PNG_USER_CHUNK_MALLOC_MAX */

static uint32_t
be32(const unsigned char *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static int
chunk_is(const cp_png_chunk *c, const char *type)
{
    return memcmp(c->type, type, 4) == 0;
}

/* An ancillary chunk libpng reads with no error worse than a warning:
 * its own handlers' and the unknown ones it skips. sCAL, pCAL, sPLT and
 * hIST are left to libpng (their setters can fail the read). */
static int
fast_ancillary(const cp_png_chunk *c)
{
    static const char *const slow[] = { "sCAL", "pCAL", "sPLT", "hIST" };
    if (!(c->type[0] & 0x20))
        return 0;
    for (size_t i = 0; i < sizeof slow / sizeof slow[0]; i++)
        if (chunk_is(c, slow[i]))
            return 0;
    return 1;
}

/* Inflate the IDAT run from chunk *c on (its data and that of the IDAT
 * chunks after it, in place), checking each row's filter byte: 1 when
 * the stream is exactly `rows` rows of `stride` bytes and ends with the
 * last IDAT's data, 0 otherwise. *pos is left after the run. */
static int
fast_inflate(const unsigned char *buf, size_t len, size_t *pos, cp_png_chunk *c,
             uint64_t rows, size_t stride, uint64_t chunk_max)
{
    enum { OUT = 1 << 18 };
    uint64_t want = rows * stride;
    size_t per = stride > OUT ? 1 : OUT / stride;   /* whole rows per buffer */
    unsigned char *out = xmalloc(per * stride);
    z_stream z;
    memset(&z, 0, sizeof z);
    /* zlib's own Adler-32 is a third of the cost: libdeflate's, the same
     * sum, is taken of the output instead and compared with the stream's
     * last four bytes, which zlib still reads (inflateValidate). */
    if (inflateInit2(&z, 0) != Z_OK || inflateValidate(&z, 0) != Z_OK) {
        inflateEnd(&z);
        free(out);
        return 0;
    }
    uint32_t adler = 1;
    unsigned char tail[4] = { 0, 0, 0, 0 };     /* the last 4 bytes of input */
    uint64_t got = 0;
    int ret = Z_OK, ok = 0, more = 1, first = 1;
    while (ret == Z_OK) {
        if (z.avail_in == 0 && more) {
            if (c->len > chunk_max)
                break;
            if (first && c->len >= 2) {
                /* A window smaller than 32K only where the picture fits in it. */
                unsigned wbits = (c->data[0] >> 4) + 8u;
                if (wbits < 15 && want > (1u << wbits))
                    break;
                first = 0;
            } else if (first && c->len) {
                break;              /* the header split across chunks */
            }
            z.next_in = (unsigned char *)c->data;
            z.avail_in = c->len;
            for (uint32_t k = c->len > 4 ? c->len - 4 : 0; k < c->len; k++) {
                memmove(tail, tail + 1, 3);
                tail[3] = c->data[k];
            }
            size_t at = *pos;
            cp_png_chunk next;
            if (cp_png_chunk_next(&next, buf, len, &at) == 1 && chunk_is(&next, "IDAT")) {
                if (!cp_png_chunk_crc_ok(&next))
                    break;
                *c = next;
                *pos = at;
            } else {
                more = 0;
            }
            if (z.avail_in == 0)
                continue;
        }
        size_t fill = (size_t)(got % ((uint64_t)per * stride));
        z.next_out = out + fill;
        z.avail_out = (uInt)(per * stride - fill);
        ret = inflate(&z, Z_NO_FLUSH);
        size_t made = per * stride - fill - z.avail_out;
        if (got + made > want)
            break;
        /* Filter bytes of the rows begun in this piece of output. */
        for (uint64_t r = (got + stride - 1) / stride; r * stride < got + made; r++)
            if (out[r * stride - (got - fill)] > 4)
                goto done;
        adler = libdeflate_adler32(adler, out + fill, made);
        got += made;
        if (ret == Z_BUF_ERROR && z.avail_in == 0 && !more)
            break;                  /* the data ends before the stream does */
        if (ret == Z_BUF_ERROR && made == 0 && z.avail_in == 0)
            ret = Z_OK;             /* needs the next chunk's data */
    }
    ok = ret == Z_STREAM_END && got == want && z.avail_in == 0 && !more && adler == be32(tail);
done:
    inflateEnd(&z);
    free(out);
    return ok;
}

int
cp_image_png_fast(cp_image *img, const unsigned char *buf, size_t len)
{
    memset(img, 0, sizeof *img);
    img->orientation = 1;
    if (len < 8 || cp_image_sniff(buf, len) != CP_IMG_PNG)
        return 0;
    size_t pos = 8;
    cp_png_chunk c;
    int have_plte = 0, have_phys = 0, after_idat = 0;
    uint32_t w = 0, h = 0, rx = 0, ry = 0;
    int depth = 0, ctype = 0, channels = 0, unit = 0;
    for (int n = 0;; n++) {
        if (cp_png_chunk_next(&c, buf, len, &pos) != 1)
            return 0;
        for (int k = 0; k < 4; k++) {
            unsigned char t = c.type[k];
            if (!((t >= 'A' && t <= 'Z') || (t >= 'a' && t <= 'z')))
                return 0;
        }
        if (!cp_png_chunk_crc_ok(&c))
            return 0;
        if (n == 0) {
            if (!chunk_is(&c, "IHDR") || c.len != 13)
                return 0;
            w = be32(c.data);
            h = be32(c.data + 4);
            depth = c.data[8];
            ctype = c.data[9];
            if (w == 0 || h == 0 || w > CP_IMAGE_MAX_SIDE || h > CP_IMAGE_MAX_SIDE ||
                (uint64_t)w * h > (uint64_t)CP_IMAGE_MAX_PIXELS || c.data[10] != 0 ||
                c.data[11] != 0 || c.data[12] != 0)
                return 0;
            static const int ctype_channels[7] = { 1, 0, 3, 1, 2, 0, 4 };
            channels = ctype < 7 ? ctype_channels[ctype] : 0;
            int low = depth == 1 || depth == 2 || depth == 4;   /* grey and palette only */
            if (channels == 0 || !(depth == 8 || (depth == 16 && ctype != 3) ||
                                   (low && (ctype == 0 || ctype == 3))))
                return 0;
            continue;
        }
        if (c.len > PNG_FAST_CHUNK_MAX && !chunk_is(&c, "IDAT"))
            return 0;
        if (chunk_is(&c, "IEND")) {
            if (!after_idat || c.len != 0)
                return 0;
            break;
        }
        if (chunk_is(&c, "IDAT")) {
            if (after_idat || (ctype == 3 && !have_plte))
                return 0;
            after_idat = 1;
            size_t stride = ((size_t)w * (size_t)channels * (size_t)depth + 7) / 8 + 1;
            /* libpng's limit on an IDAT chunk's length (png_check_chunk_length),
             * or a smaller one. */
            uint64_t rf = (uint64_t)w * (uint64_t)channels * (depth > 8 ? 2 : 1) + 1;
            uint64_t chunk_max = (uint64_t)h * rf;
            if (chunk_max > 0x7FFFFFFFu)
                chunk_max = 0x7FFFFFFFu;
            if (chunk_max < PNG_FAST_CHUNK_MAX)
                chunk_max = PNG_FAST_CHUNK_MAX;
            if (!fast_inflate(buf, len, &pos, &c, h, stride, chunk_max))
                return 0;
            continue;
        }
        if (chunk_is(&c, "PLTE")) {
            if (after_idat || have_plte || ctype == 0 || ctype == 4 || c.len == 0 ||
                c.len > 768 || c.len % 3 != 0)
                return 0;
            have_plte = 1;
            continue;
        }
        if (!fast_ancillary(&c))
            return 0;
        /* The resolution as png_get_pHYs gives it: the first pHYs before
         * the image data, if it has its 9 bytes. */
        if (chunk_is(&c, "pHYs") && !after_idat && !have_phys && c.len == 9) {
            have_phys = 1;
            rx = be32(c.data);
            ry = be32(c.data + 4);
            unit = c.data[8];
        }
    }
    /* The fields png_decode's probe fills, after its transformations:
     * a palette to RGB, grey below 8 bits to 8. */
    int bits = ctype == 3 || depth < 8 ? 8 : depth;
    int colour = ctype == 2 || ctype == 3 || ctype == 6;
    img->width = (int)w;
    img->height = (int)h;
    img->bits = bits;
    img->cs = colour ? CP_CS_RGB : CP_CS_GRAY;
    img->size = (size_t)w * h * (colour ? 3u : 1u) * (size_t)(bits / 8);
    if (unit == PNG_RESOLUTION_METER && rx > 0 && ry > 0) {
        img->dpi_x = rx * 0.0254;
        img->dpi_y = ry * 0.0254;
    }
    return 1;
}

static int
png_decode(cp_image *img, const unsigned char *buf, size_t len, enum png_mode mode,
           cp_png_row_fn fn, void *fn_ctx, const char *display, cp_diags *diags)
{
    struct png_ctx ctx = { buf, len, 0, "" };
    unsigned char *volatile colour = NULL, *volatile alpha = NULL;
    int load = mode == PNG_LOAD;
    png_structp png = NULL;
    png_infop info = NULL;
    unsigned char *volatile pixels = NULL;
    unsigned char **volatile rows = NULL;
    volatile int ret = -1;

    memset(img, 0, sizeof *img);
    img->orientation = 1;

    if (png_precheck(buf, len, display, diags) < 0)
        return -1;

    png = png_create_read_struct(PNG_LIBPNG_VER_STRING, &ctx, png_ctx_error, png_ctx_warning);
    if (png == NULL) {
        cp_error(diags, CP_INPUT, display, 0, 0, "cannot start the PNG decoder");
        return -1;
    }
    info = png_create_info_struct(png);
    if (info == NULL || setjmp(png_jmpbuf(png))) {
        cp_error(diags, CP_INPUT, display, 0, 0, "damaged PNG image: %s",
                 ctx.msg[0] ? ctx.msg : "libpng failed");
        goto cleanup;
    }
    png_set_user_limits(png, CP_IMAGE_MAX_SIDE, CP_IMAGE_MAX_SIDE);
    png_set_read_fn(png, &ctx, png_ctx_read);
    png_read_info(png, info);

    png_uint_32 w, h;
    int depth, ctype, interlace;
    png_get_IHDR(png, info, &w, &h, &depth, &ctype, &interlace, NULL, NULL);
    if ((uint64_t)w * h > (uint64_t)CP_IMAGE_MAX_PIXELS)
        png_error(png, "image too large");   /* checked above; IHDR may not be first */
    if (ctype == PNG_COLOR_TYPE_PALETTE)
        png_set_palette_to_rgb(png);
    if (ctype == PNG_COLOR_TYPE_GRAY && depth < 8)
        png_set_expand_gray_1_2_4_to_8(png);
    if (png_get_valid(png, info, PNG_INFO_tRNS))
        png_set_tRNS_to_alpha(png);
    int passes = png_set_interlace_handling(png);
    png_read_update_info(png, info);

    int channels = png_get_channels(png, info);
    int bits = png_get_bit_depth(png, info);
    int out_ctype = png_get_color_type(png, info);
    size_t rowbytes = png_get_rowbytes(png, info);
    img->width = (int)w;
    img->height = (int)h;
    img->bits = bits;
    img->cs = (out_ctype & PNG_COLOR_MASK_COLOR) ? CP_CS_RGB : CP_CS_GRAY;
    png_uint_32 rx, ry;
    int unit;
    if (png_get_pHYs(png, info, &rx, &ry, &unit) && unit == PNG_RESOLUTION_METER &&
        rx > 0 && ry > 0) {
        img->dpi_x = rx * 0.0254;
        img->dpi_y = ry * 0.0254;
    }

    /* An interlaced picture is only whole after its last pass, so it is
     * decoded whole: bounded, so that it stays within the memory a build
     * may take (a 50-megapixel 16-bit RGBA one is 400 MB), and with the
     * file as the other pictures decoded whole are (image.h): a 150 MB
     * one of noise is as large again as its file. Probing refuses it
     * too: what check refuses, build refuses. */
    if (passes > 1 && (uint64_t)rowbytes * h > PNG_INTERLACED_MAX_BYTES) {
        cp_error(diags, CP_INPUT, display, 0, 0,
                 "interlaced PNG image too large: %lux%lu pixels are %llu MB decoded, more "
                 "than the %d MB an interlaced picture may take; save it without interlacing",
                 (unsigned long)w, (unsigned long)h,
                 (unsigned long long)(((uint64_t)rowbytes * h) >> 20),
                 PNG_INTERLACED_MAX_BYTES >> 20);
        goto cleanup;
    }
    if (passes > 1 && (uint64_t)rowbytes * h + len > (uint64_t)CP_IMAGE_WHOLE_MAX_BYTES) {
        cp_error(diags, CP_INPUT, display, 0, 0,
                 "interlaced PNG image too large: %lux%lu pixels take %llu MB to decode with "
                 "the file, more than the %ld MB such a picture may take; save it without "
                 "interlacing", (unsigned long)w, (unsigned long)h,
                 (unsigned long long)(((uint64_t)rowbytes * h + len) >> 20),
                 CP_IMAGE_WHOLE_MAX_BYTES >> 20);
        goto cleanup;
    }
    int has_alpha = (out_ctype & PNG_COLOR_MASK_ALPHA) != 0;
    int cc = channels - has_alpha, bytes = bits / 8;
    if (mode == PNG_ROWS) {
        /* Row by row; an interlaced picture's rows are only whole after
         * the last pass, so it is held until then. */
        size_t out_row = (size_t)w * (size_t)cc * (size_t)bytes;
        int opaque = 1;
        colour = xmalloc(out_row ? out_row : 1);
        alpha = has_alpha ? xmalloc(w ? w : 1) : NULL;
        if (passes > 1) {
            pixels = xmalloc(rowbytes * h);
            rows = row_pointers(pixels, rowbytes, h);
            png_read_image(png, rows);
        } else {
            pixels = xmalloc(rowbytes);
        }
        for (png_uint_32 y = 0; y < h; y++) {
            const unsigned char *src = pixels + (passes > 1 ? y * rowbytes : 0);
            if (passes == 1)
                png_read_row(png, pixels, NULL);
            if (has_alpha)
                opaque &= split_row(colour, alpha, src, w, cc, bytes);
            else
                memcpy(colour, src, out_row);
            if (fn(fn_ctx, colour, alpha) != 0)
                goto cleanup;   /* the caller says why */
        }
        img->alpha_size = has_alpha && !opaque ? (size_t)w * h : 0;
        img->size = out_row * h;
    } else if (load) {
        pixels = xmalloc(rowbytes * h);
        rows = row_pointers(pixels, rowbytes, h);
        png_read_image(png, rows);
    } else {
        /* Probing decodes every row of every pass into one row buffer: each
         * byte of compressed data is checked, none of it kept. */
        pixels = xmalloc(rowbytes);
        for (int p = 0; p < passes; p++)
            for (png_uint_32 y = 0; y < h; y++)
                png_read_row(png, pixels, NULL);
    }
    /* Reads up to IEND: a damaged or missing end of the data shows here. */
    png_read_end(png, NULL);
    if (load)
        png_split(img, rows, channels, has_alpha, bytes);
    else if (mode == PNG_PROBE)
        img->size = (size_t)w * h * (size_t)cc * (size_t)bytes;
    ret = 0;

cleanup:
    if (ret < 0) {
        free(img->data);
        free(img->alpha);
        img->data = img->alpha = NULL;
        img->size = img->alpha_size = 0;
    }
    free(pixels);
    free(rows);
    free(colour);
    free(alpha);
    png_destroy_read_struct(&png, info ? &info : NULL, NULL);
    return ret;
}

int
cp_image_png(cp_image *img, const unsigned char *buf, size_t len, int load,
             const char *display, cp_diags *diags)
{
    if (load)
        return png_decode(img, buf, len, PNG_LOAD, NULL, NULL, display, diags);
    /* The verdict from png_fast where it is sure, else libpng's. */
    memset(img, 0, sizeof *img);
    if (png_precheck(buf, len, display, diags) < 0)
        return -1;
    if (cp_image_png_fast(img, buf, len))
        return 0;
    return png_decode(img, buf, len, PNG_PROBE, NULL, NULL, display, diags);
}

int
cp_image_png_libpng(cp_image *img, const unsigned char *buf, size_t len, const char *display,
                    cp_diags *diags)
{
    return png_decode(img, buf, len, PNG_PROBE, NULL, NULL, display, diags);
}

int
cp_image_png_rows(cp_image *img, const unsigned char *buf, size_t len, cp_png_row_fn fn,
                  void *ctx, const char *display, cp_diags *diags)
{
    return png_decode(img, buf, len, PNG_ROWS, fn, ctx, display, diags);
}
