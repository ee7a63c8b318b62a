/* downsample.c: decode once, resample, re-encode as JPEG (see downsample.h). */
#include "config.h"
#include "downsample.h"
#include "reread.h"
#include "util.h"

#include <errno.h>
#include <math.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <jpeglib.h>
#include <jerror.h>
#include "jpeg-err.h"
#include <png.h>
#include <stdint.h>

void
cp_downsample_size(int w, int h, int orientation, double box_w, double box_h, double dpi,
                   int *tw, int *th)
{
    /* The box is upright; the stored picture may lie on its side. */
    if (orientation >= 5) {
        double t = box_w;
        box_w = box_h;
        box_h = t;
    }
    double s = fmin(box_w * dpi / 72.0 / w, box_h * dpi / 72.0 / h);
    if (!(s < 1) || !(box_w > 0 && box_h > 0)) {   /* no box: as it is */
        *tw = w;
        *th = h;
        return;
    }
    *tw = (int)lround(w * s);
    *th = (int)lround(h * s);
    if (*tw < 1)
        *tw = 1;
    if (*th < 1)
        *th = 1;
}

/* --- area-averaging resampler, one per output size ---------------------- */

/* Rows are first summed down into a source-wide accumulator (a plain
 * multiply-add the compiler vectorises), and only each finished output row
 * is then averaged across: the costly horizontal pass runs once per output
 * row, not once per source row. */
typedef struct resampler {
    int sw, sh, tw, th, comps;
    int *xstart;                /* per output column: first source column */
    int maxc;                   /* source columns per output column, at most */
    float *xw;                  /* per output column: maxc weights */
    float *acc;                 /* sw * comps: the output row being gathered */
    unsigned char *out;         /* tw * comps */
    double ry;
    int y;                      /* the output row being gathered */
} resampler;

static void
rs_init(resampler *r, int sw, int sh, int tw, int th, int comps)
{
    memset(r, 0, sizeof *r);
    r->sw = sw;
    r->sh = sh;
    r->tw = tw;
    r->th = th;
    r->comps = comps;
    double rx = (double)sw / tw;
    r->maxc = (int)ceil(rx) + 1;
    r->xstart = xcalloc((size_t)tw, sizeof *r->xstart);
    r->xw = xcalloc((size_t)tw * (size_t)r->maxc, sizeof *r->xw);
    for (int x = 0; x < tw; x++) {
        double a = x * rx, b = x + 1 == tw ? sw : (x + 1) * rx;
        int i0 = (int)floor(a);
        r->xstart[x] = i0;
        for (int k = 0; k < r->maxc && i0 + k < sw; k++) {
            double ov = fmin(b, i0 + k + 1) - fmax(a, i0 + k);
            r->xw[(size_t)x * r->maxc + k] = ov > 0 ? (float)(ov / (b - a)) : 0;
        }
    }
    r->acc = xcalloc((size_t)sw * comps, sizeof *r->acc);
    r->out = xmalloc((size_t)tw * comps);
    r->ry = (double)sh / th;
}

static void
rs_free(resampler *r)
{
    free(r->xstart);
    free(r->xw);
    free(r->acc);
    free(r->out);
}

static inline unsigned char
clamp8(float v)
{
    v += 0.5f;
    return v <= 0 ? 0 : v >= 255 ? 255 : (unsigned char)v;
}

/* The gathered row, averaged across into out; acc is cleared. */
static void
rs_hpass(resampler *r)
{
    const int c = r->comps, m = r->maxc;
    for (int x = 0; x < r->tw; x++) {
        const float *w = r->xw + (size_t)x * m;
        int i0 = r->xstart[x];
        int n = i0 + m > r->sw ? r->sw - i0 : m;
        const float *p = r->acc + (size_t)i0 * c;
        unsigned char *q = r->out + (size_t)x * c;
        if (c == 3) {
            float s0 = 0, s1 = 0, s2 = 0;
            for (int k = 0; k < n; k++) {
                s0 += w[k] * p[3 * k];
                s1 += w[k] * p[3 * k + 1];
                s2 += w[k] * p[3 * k + 2];
            }
            q[0] = clamp8(s0);
            q[1] = clamp8(s1);
            q[2] = clamp8(s2);
        } else {
            float s0 = 0;
            for (int k = 0; k < n; k++)
                s0 += w[k] * p[k];
            q[0] = clamp8(s0);
        }
    }
    memset(r->acc, 0, (size_t)r->sw * c * sizeof *r->acc);
}

/* In blocks of a fixed length, which compilers vectorise at -O2 too. */
static void
axpy(float *restrict acc, const unsigned char *restrict row, float k, size_t n)
{
    size_t i = 0;
    for (; i + 32 <= n; i += 32)
        for (size_t j = 0; j < 32; j++)
            acc[i + j] += k * (float)row[i + j];
    for (; i < n; i++)
        acc[i] += k * (float)row[i];
}

/* Feed source row j; calls emit for every output row it completes. */
typedef int (*emit_fn)(void *ctx, resampler *r);

static int
rs_row(resampler *r, int j, const unsigned char *row, emit_fn emit, void *ctx)
{
    size_t n = (size_t)r->sw * r->comps;
    if (r->tw == r->sw && r->th == r->sh) {   /* the same size: straight through */
        memcpy(r->out, row, n);
        r->y++;
        return emit(ctx, r);
    }
    while (r->y < r->th) {
        double y0 = r->y * r->ry, y1 = r->y + 1 == r->th ? r->sh : (r->y + 1) * r->ry;
        double ov = fmin((double)j + 1, y1) - fmax((double)j, y0);
        if (ov > 0)
            axpy(r->acc, row, (float)(ov / (y1 - y0)), n);
        if (y1 > j + 1 + 1e-9)
            break;
        rs_hpass(r);
        if (emit(ctx, r) < 0)
            return -1;
        r->y++;
    }
    return 0;
}

/* --- libjpeg plumbing ----------------------------------------------------- */

typedef struct encoder {
    struct jpeg_compress_struct c;
    unsigned char *buf;
    unsigned long len;
    int started;
    int rs;                     /* which resampler feeds it */
} encoder;

typedef struct ds_state {
    cp_jpeg_err err;          /* shared by every libjpeg object here */
    resampler *rs;
    size_t n_rs;
    encoder *enc;
    size_t n_enc;
    cp_ds_target *t;
    int comps;
    bool ycc;                   /* rows are YCbCr (a JPEG's own), else RGB or gray */
    int decode_w, decode_h;
} ds_state;

static int
emit_row(void *ctx, resampler *r)
{
    ds_state *st = ctx;
    size_t which = (size_t)(r - st->rs);
    for (size_t i = 0; i < st->n_enc; i++) {
        encoder *e = &st->enc[i];
        if ((size_t)e->rs != which)
            continue;
        JSAMPROW rows[1] = { r->out };
        jpeg_write_scanlines(&e->c, rows, 1);
    }
    return 0;
}

/* A JPEG handed to the target's put in pieces (cp_ds_target), rather
 * than to jpeg_mem_dest's one buffer, which grows by doubling and holds
 * its old copy while it does: a 60 MB JPEG of a noisy 49-megapixel photo
 * took 190 MB at its last doubling. */
typedef struct put_dest {
    struct jpeg_destination_mgr pub;
    const cp_ds_target *t;
    size_t total;
    JOCTET buf[65536];
} put_dest;

static void
put_init(j_compress_ptr c)
{
    put_dest *d = (put_dest *)c->dest;
    d->pub.next_output_byte = d->buf;
    d->pub.free_in_buffer = sizeof d->buf;
}

static void
put_flush(j_compress_ptr c, size_t n)
{
    put_dest *d = (put_dest *)c->dest;
    if (n && d->t->put(d->t->put_ctx, d->buf, n) < 0)
        ERREXIT(c, JERR_FILE_WRITE);
    d->total += n;
    put_init(c);
}

static boolean
put_empty(j_compress_ptr c)
{
    put_flush(c, sizeof ((put_dest *)c->dest)->buf);
    return TRUE;
}

static void
put_term(j_compress_ptr c)
{
    put_dest *d = (put_dest *)c->dest;
    put_flush(c, sizeof d->buf - d->pub.free_in_buffer);
}

/* Where c's JPEG goes: t's put, else a buffer (*buf, *len). */
static void
dest_setup(j_compress_ptr c, const cp_ds_target *t, unsigned char **buf, unsigned long *len)
{
    if (t->put == NULL) {
        jpeg_mem_dest(c, buf, len);
        return;
    }
    put_dest *d = (*c->mem->alloc_large)((j_common_ptr)c, JPOOL_PERMANENT, sizeof *d);
    d->pub.init_destination = put_init;
    d->pub.empty_output_buffer = put_empty;
    d->pub.term_destination = put_term;
    d->t = t;
    d->total = 0;
    c->dest = &d->pub;
}

/* The JPEG's length once finished, held or put. */
static size_t
dest_total(j_compress_ptr c, const cp_ds_target *t, unsigned long len)
{
    return t->put ? ((put_dest *)c->dest)->total : (size_t)len;
}

static void
enc_start(ds_state *st, size_t i)
{
    encoder *e = &st->enc[i];
    const cp_ds_target *t = &st->t[i];
    e->c.err = &st->err.pub;
    jpeg_create_compress(&e->c);
    e->started = 1;
    dest_setup(&e->c, t, &e->buf, &e->len);
    e->c.image_width = (JDIMENSION)t->width;
    e->c.image_height = (JDIMENSION)t->height;
    e->c.input_components = st->comps;
    e->c.in_color_space = st->comps == 1 ? JCS_GRAYSCALE : st->ycc ? JCS_YCbCr : JCS_RGB;
    jpeg_set_defaults(&e->c);
    jpeg_set_quality(&e->c, t->quality, TRUE);
    /* Huffman tables optimised per picture save a few per cent for a second
     * pass over the coefficients: the budget is met by quality instead. */
    e->c.optimize_coding = FALSE;
    if (t->sharp && st->comps == 3)
        for (int k = 0; k < 3; k++)
            e->c.comp_info[k].h_samp_factor = e->c.comp_info[k].v_samp_factor = 1;
    jpeg_start_compress(&e->c, TRUE);
}

/* Rows of the decoded picture, 8-bit gray or RGB, `comps` per pixel. */
static int
feed(ds_state *st, int j, const unsigned char *row)
{
    for (size_t k = 0; k < st->n_rs; k++)
        if (rs_row(&st->rs[k], j, row, emit_row, st) < 0)
            return -1;
    return 0;
}

/* One resampler per distinct output size, all for a source of sw x sh. */
static void
setup(ds_state *st, int sw, int sh)
{
    st->rs = xcalloc(st->n_enc, sizeof *st->rs);
    for (size_t i = 0; i < st->n_enc; i++) {
        int tw = st->t[i].width < sw ? st->t[i].width : sw;
        int th = st->t[i].height < sh ? st->t[i].height : sh;
        st->t[i].width = tw;
        st->t[i].height = th;
        size_t k;
        for (k = 0; k < st->n_rs; k++)
            if (st->rs[k].tw == tw && st->rs[k].th == th)
                break;
        if (k == st->n_rs)
            rs_init(&st->rs[st->n_rs++], sw, sh, tw, th, st->comps);
        st->enc[i].rs = (int)k;
    }
    for (size_t i = 0; i < st->n_enc; i++)
        enc_start(st, i);
}

static void
finish(ds_state *st)
{
    for (size_t i = 0; i < st->n_enc; i++) {
        jpeg_finish_compress(&st->enc[i].c);
        st->t[i].data = st->enc[i].buf;
        st->t[i].size = dest_total(&st->enc[i].c, &st->t[i], st->enc[i].len);
        st->t[i].cs = st->comps == 1 ? CP_CS_GRAY : CP_CS_RGB;
        st->enc[i].buf = NULL;
    }
}

static void
cleanup_state(ds_state *st)
{
    for (size_t i = 0; i < st->n_enc; i++) {
        if (st->enc[i].started)
            jpeg_destroy_compress(&st->enc[i].c);
        free(st->enc[i].buf);
    }
    for (size_t k = 0; k < st->n_rs; k++)
        rs_free(&st->rs[k]);
    free(st->rs);
    free(st->enc);
}

/* CMYK (inverted when Adobe wrote it, as Photoshop does) to RGB, in place
 * into the first 3/4 of the row: a plain conversion without a profile. */
static void
cmyk_to_rgb(unsigned char *row, int width, int inverted)
{
    for (int x = 0; x < width; x++) {
        const unsigned char *p = row + (size_t)x * 4;
        int c = p[0], m = p[1], y = p[2], k = p[3];
        if (!inverted) {
            c = 255 - c;
            m = 255 - m;
            y = 255 - y;
            k = 255 - k;
        }
        unsigned char *q = row + (size_t)x * 3;
        q[0] = (unsigned char)((c * k + 127) / 255);
        q[1] = (unsigned char)((m * k + 127) / 255);
        q[2] = (unsigned char)((y * k + 127) / 255);
    }
}

static int
run_jpeg(ds_state *st, const unsigned char *buf, size_t len, const char *display,
         cp_diags *diags)
{
    struct jpeg_decompress_struct d;
    unsigned char *volatile row = NULL;
    volatile int ret = -1, created = 0;
    memset(&d, 0, sizeof d);
    if (setjmp(st->err.jb)) {
        cp_error(diags, CP_INPUT, display, 0, 0,
                 "damaged JPEG image: the picture data does not decode (libjpeg: %s)",
                 st->err.msg);
        goto cleanup;
    }
    d.err = &st->err.pub;
    jpeg_create_decompress(&d);
    created = 1;
    d.mem->max_memory_to_use = 1024L << 20;
    jpeg_mem_src(&d, buf, (unsigned long)len);
    jpeg_read_header(&d, TRUE);
    if ((long)d.image_width * (long)d.image_height > CP_IMAGE_MAX_PIXELS ||
        d.image_width > CP_IMAGE_MAX_SIDE || d.image_height > CP_IMAGE_MAX_SIDE) {
        cp_error(diags, CP_INPUT, display, 0, 0, "JPEG image too large: %ux%u pixels",
                 (unsigned)d.image_width, (unsigned)d.image_height);
        goto cleanup;
    }
    bool cmyk = d.num_components == 4;
    st->comps = d.num_components == 1 ? 1 : 3;
    /* YCbCr stays YCbCr: averaging commutes with the colour transform, and
     * the compressor would only convert it back. */
    st->ycc = d.jpeg_color_space == JCS_YCbCr;
    d.out_color_space = d.num_components == 1 ? JCS_GRAYSCALE : cmyk ? JCS_CMYK
                        : st->ycc ? JCS_YCbCr : JCS_RGB;
    /* The smallest DCT-domain scale still at least as large as asked. */
    int maxw = st->decode_w > 0 ? st->decode_w : (int)d.image_width;
    int maxh = st->decode_h > 0 ? st->decode_h : (int)d.image_height;
    for (size_t i = 0; i < st->n_enc; i++) {
        if (st->t[i].width > maxw)
            maxw = st->t[i].width;
        if (st->t[i].height > maxh)
            maxh = st->t[i].height;
    }
    unsigned denom = 1;
    for (unsigned dd = 8; dd > 1; dd /= 2)
        if ((d.image_width + dd - 1) / dd >= (unsigned)maxw &&
            (d.image_height + dd - 1) / dd >= (unsigned)maxh) {
            denom = dd;
            break;
        }
    d.scale_num = 1;
    d.scale_denom = denom;
    jpeg_start_decompress(&d);
    int sw = (int)d.output_width, sh = (int)d.output_height;
    setup(st, sw, sh);
    row = xmalloc((size_t)sw * (size_t)d.output_components);
    while (d.output_scanline < d.output_height) {
        int j = (int)d.output_scanline;
        JSAMPROW rows[1] = { row };
        jpeg_read_scanlines(&d, rows, 1);
        if (cmyk)
            cmyk_to_rgb(row, sw, d.saw_Adobe_marker);
        if (feed(st, j, row) < 0)
            goto cleanup;
    }
    jpeg_finish_decompress(&d);
    finish(st);
    ret = 0;
cleanup:
    if (created)
        jpeg_destroy_decompress(&d);
    free(row);
    return ret;
}

/* A PNG streamed row by row, libpng bringing every kind to 8-bit gray or
 * RGB with or without alpha: no picture-sized buffer, and 16-bit
 * screenshots are not copied at 16 bits first. Interlaced files need the
 * whole picture and go the other way (run_png). The file's CRCs were
 * checked when it was probed; the deflate data is checked here. 1 when the
 * file is interlaced (nothing done), else 0 or -1. */
typedef struct png_err {
    jmp_buf jb;
    char msg[200];
} png_err;

static void
png_err_fn(png_structp png, png_const_charp msg)
{
    png_err *e = png_get_error_ptr(png);
    snprintf(e->msg, sizeof e->msg, "%s", msg);
    longjmp(e->jb, 1);
}

static void
png_warn_fn(png_structp png, png_const_charp msg)
{
    (void)png;
    (void)msg;
}

/* The file as libpng reads it, hashed as it goes: what is decoded is what
 * is hashed, with no copy of the file held. */
typedef struct png_src {
    FILE *fp;
    cp_reread bytes;
} png_src;

static void
png_src_read(png_structp png, png_bytep p, size_t n)
{
    png_src *s = png_get_io_ptr(png);
    if (fread(p, 1, n, s->fp) != n)
        png_error(png, ferror(s->fp) ? "the file cannot be read" : "the file is cut short");
    cp_reread_add(&s->bytes, p, n);
}

/* The rest of the file, past what libpng read, into the hash; its stamp
 * after the reading into *after. */
static int
png_src_finish(png_src *s, struct stat *after)
{
    unsigned char buf[65536];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, s->fp)) > 0)
        cp_reread_add(&s->bytes, buf, n);
    return ferror(s->fp) || fstat(fileno(s->fp), after) < 0 ? -1 : 0;
}

static int
run_png_rows(ds_state *st, const char *path, const cp_reread_want *want, const char *display,
             cp_diags *diags)
{
    png_err perr;
    png_structp png = NULL;
    png_infop info = NULL;
    png_src in;
    FILE *volatile fp = NULL;
    unsigned char *volatile row = NULL, *volatile out = NULL;
    volatile int ret = -1;
    perr.msg[0] = '\0';
    fp = fopen(path, "rb");
    struct stat before, after;
    if (fp == NULL || fstat(fileno(fp), &before) < 0) {
        cp_error(diags, CP_INPUT, display, 0, 0, "could not read the picture again: %s",
                 strerror(errno));
        if (fp)
            fclose(fp);
        return -1;
    }
    in.fp = fp;
    cp_reread_begin(&in.bytes, want);
    png = png_create_read_struct(PNG_LIBPNG_VER_STRING, &perr, png_err_fn, png_warn_fn);
    if (png)
        info = png_create_info_struct(png);
    if (png == NULL || info == NULL) {
        cp_error(diags, CP_INPUT, display, 0, 0, "cannot start the PNG decoder");
        goto cleanup;
    }
    if (setjmp(perr.jb)) {
        cp_error(diags, CP_INPUT, display, 0, 0, "damaged PNG image: %s", perr.msg);
        goto cleanup;
    }
    if (setjmp(st->err.jb)) {
        cp_error(diags, CP_INPUT, display, 0, 0, "cannot re-encode the picture (libjpeg: %s)",
                 st->err.msg);
        goto cleanup;
    }
    png_set_user_limits(png, CP_IMAGE_MAX_SIDE, CP_IMAGE_MAX_SIDE);
    /* The probe checked every chunk's length against the file; this holds
     * if the file changed since. */
    png_set_chunk_malloc_max(png, (png_alloc_size_t)CP_IMAGE_MAX_BYTES);
    png_set_crc_action(png, PNG_CRC_QUIET_USE, PNG_CRC_QUIET_USE);
    png_set_read_fn(png, &in, png_src_read);
    png_read_info(png, info);
    png_uint_32 w, h;
    int depth, ctype, interlace;
    png_get_IHDR(png, info, &w, &h, &depth, &ctype, &interlace, NULL, NULL);
    if (interlace != PNG_INTERLACE_NONE || (uint64_t)w * h > (uint64_t)CP_IMAGE_MAX_PIXELS) {
        ret = 1;
        goto cleanup;
    }
    if (ctype == PNG_COLOR_TYPE_PALETTE)
        png_set_palette_to_rgb(png);
    if (ctype == PNG_COLOR_TYPE_GRAY && depth < 8)
        png_set_expand_gray_1_2_4_to_8(png);
    if (png_get_valid(png, info, PNG_INFO_tRNS))
        png_set_tRNS_to_alpha(png);
    if (depth == 16)
        png_set_scale_16(png);
    png_read_update_info(png, info);
    int ch = png_get_channels(png, info);
    int alpha = (png_get_color_type(png, info) & PNG_COLOR_MASK_ALPHA) != 0;
    int c = ch - alpha;
    st->comps = c;
    setup(st, (int)w, (int)h);
    row = xmalloc(png_get_rowbytes(png, info));
    out = xmalloc((size_t)w * (size_t)c);
    for (png_uint_32 y = 0; y < h; y++) {
        png_read_row(png, row, NULL);
        const unsigned char *src = row;
        if (alpha) {   /* on white paper */
            for (png_uint_32 x = 0; x < w; x++) {
                unsigned a = row[(size_t)x * ch + (size_t)c];
                for (int k = 0; k < c; k++)
                    out[(size_t)x * c + k] =
                        (unsigned char)((row[(size_t)x * ch + k] * a + 255 * (255 - a) + 127) / 255);
            }
            src = out;
        }
        if (feed(st, (int)y, src) < 0)
            goto cleanup;
    }
    png_read_end(png, NULL);
    finish(st);
    if (png_src_finish(&in, &after) < 0) {
        cp_error(diags, CP_INPUT, display, 0, 0, "could not read the picture again: %s",
                 strerror(errno ? errno : EIO));
        goto cleanup;
    }
    if (cp_reread_end(&in.bytes, &before, &after, display, diags) < 0)
        goto cleanup;
    ret = 0;
cleanup:
    png_destroy_read_struct(png ? &png : NULL, info ? &info : NULL, NULL);
    free(row);
    free(out);
    fclose(fp);
    return ret;
}

/* A decoded PNG: 8 or 16-bit gray or RGB samples, alpha apart. */
static int
run_png(ds_state *st, const cp_image *img, const char *display, cp_diags *diags)
{
    unsigned char *volatile row = NULL;
    volatile int ret = -1;
    if (setjmp(st->err.jb)) {
        cp_error(diags, CP_INPUT, display, 0, 0, "cannot re-encode the picture (libjpeg: %s)",
                 st->err.msg);
        goto cleanup;
    }
    int c = img->cs == CP_CS_GRAY ? 1 : 3, bytes = img->bits == 16 ? 2 : 1;
    st->comps = c;
    setup(st, img->width, img->height);
    row = xmalloc((size_t)img->width * c);
    size_t stride = (size_t)img->width * c * bytes;
    for (int y = 0; y < img->height; y++) {
        const unsigned char *src = img->data + stride * y;
        if (bytes == 1 && img->alpha == NULL) {
            if (feed(st, y, src) < 0)
                goto cleanup;
            continue;
        }
        const unsigned char *a = img->alpha ? img->alpha + (size_t)img->width * y : NULL;
        for (int x = 0; x < img->width; x++)
            for (int k = 0; k < c; k++) {
                /* 16-bit samples are big-endian, as in the file. */
                int v = src[((size_t)x * c + k) * bytes];
                if (a)   /* on white paper */
                    v = (v * a[x] + 255 * (255 - a[x]) + 127) / 255;
                row[(size_t)x * c + k] = (unsigned char)v;
            }
        if (feed(st, y, row) < 0)
            goto cleanup;
    }
    finish(st);
    ret = 0;
cleanup:
    free(row);
    return ret;
}

/* --- targets fed row by row (cp_ds_rows) --------------------------------- */

struct cp_ds_rows {
    ds_state st;
    int width, height, y;
    bool failed;                /* libjpeg stopped: st.err.msg says why */
    unsigned char *row;         /* a row laid on white */
};

/* The state of one call, and its end (ds_begin, ds_end below). */
static void ds_begin(ds_state *st, int decode_w, int decode_h, cp_ds_target *targets, size_t n);
static int ds_end(ds_state *st, int ret);

cp_ds_rows *
cp_ds_rows_begin(cp_ds_target *targets, size_t n, int width, int height, enum cp_colorspace cs)
{
    cp_ds_rows *r = xcalloc(1, sizeof *r);
    ds_begin(&r->st, 0, 0, targets, n);
    r->width = width;
    r->height = height;
    r->st.comps = cs == CP_CS_GRAY ? 1 : 3;
    r->row = xmalloc((size_t)width * (size_t)r->st.comps);
    if (setjmp(r->st.err.jb))
        r->failed = true;
    else
        setup(&r->st, width, height);
    return r;
}

int
cp_ds_rows_put(cp_ds_rows *r, const unsigned char *colour, const unsigned char *alpha)
{
    if (r->failed || r->y >= r->height)
        return -1;
    if (setjmp(r->st.err.jb)) {
        r->failed = true;
        return -1;
    }
    const unsigned char *row = colour;
    if (alpha) {   /* on white paper, as run_png lays a decoded PNG */
        int c = r->st.comps;
        for (int x = 0; x < r->width; x++)
            for (int k = 0; k < c; k++) {
                int v = colour[(size_t)x * c + k];
                r->row[(size_t)x * c + k] =
                    (unsigned char)((v * alpha[x] + 255 * (255 - alpha[x]) + 127) / 255);
            }
        row = r->row;
    }
    return feed(&r->st, r->y++, row);
}

int
cp_ds_rows_end(cp_ds_rows *r, bool ok, const char *display, cp_diags *diags)
{
    volatile int ret = -1;
    if (r->failed) {
        cp_error(diags, CP_INPUT, display, 0, 0, "cannot re-encode the picture (libjpeg: %s)",
                 r->st.err.msg);
    } else if (ok && r->y == r->height) {
        if (setjmp(r->st.err.jb)) {
            cp_error(diags, CP_INPUT, display, 0, 0, "cannot re-encode the picture (libjpeg: %s)",
                     r->st.err.msg);
        } else {
            finish(&r->st);
            ret = 0;
        }
    }
    ret = ds_end(&r->st, ret);
    free(r->row);
    free(r);
    return ret;
}

/* A decoded format's rows (cp_image_decode_rows) into targets, begun at
 * the first row, when the header fields are known. */
typedef struct ds_feed {
    cp_ds_target *t;
    size_t n;
    const cp_image *img;
    cp_ds_rows *r;
} ds_feed;

static int
ds_feed_row(void *ctx, const unsigned char *colour, const unsigned char *alpha)
{
    ds_feed *f = ctx;
    if (f->r == NULL)
        f->r = cp_ds_rows_begin(f->t, f->n, f->img->width, f->img->height, f->img->cs);
    return cp_ds_rows_put(f->r, colour, alpha);
}

static int
run_rows(ds_state *st, const unsigned char *buf, size_t len, int page, const char *display,
         cp_diags *diags)
{
    cp_image img;
    memset(&img, 0, sizeof img);
    ds_feed f = { st->t, st->n_enc, &img, NULL };
    int rc = cp_image_decode_rows(&img, buf, len, page, ds_feed_row, &f, display, diags);
    free(img.page_dims);
    if (f.r == NULL)
        return -1;
    /* Its own diagnostic when libjpeg stopped the rows. */
    return cp_ds_rows_end(f.r, rc == 0, display, diags) < 0 || rc < 0 ? -1 : 0;
}

/* The state of one call, and its end: the targets are filled only when
 * the whole call succeeded. */
static void
ds_begin(ds_state *st, int decode_w, int decode_h, cp_ds_target *targets, size_t n)
{
    memset(st, 0, sizeof *st);
    st->decode_w = decode_w;
    st->decode_h = decode_h;
    st->t = targets;
    st->n_enc = n;
    st->enc = xcalloc(n ? n : 1, sizeof *st->enc);
    cp_jpeg_err_init(&st->err);
    for (size_t i = 0; i < n; i++) {
        targets[i].data = NULL;
        targets[i].size = 0;
    }
}

static int
ds_end(ds_state *st, int ret)
{
    cleanup_state(st);
    if (ret < 0)
        for (size_t i = 0; i < st->n_enc; i++) {
            free(st->t[i].data);
            st->t[i].data = NULL;
            st->t[i].size = 0;
        }
    return ret;
}

/* Every target from a picture's bytes: the dispatch of cp_downsample and
 * cp_downsample_buf. A PNG is decoded whole (rows that could stream were
 * streamed from the file); *own, when given, holds the bytes and is freed
 * once they are decoded. */
static int
run_bytes(ds_state *st, const unsigned char *u, size_t len, char **own, const cp_image *info,
          const char *display, cp_diags *diags)
{
    if (info->is_jpeg)
        return run_jpeg(st, u, len, display, diags);
    if (info->format != CP_IMG_PNG)
        return run_rows(st, u, len, info->page, display, diags);
    cp_image *img = xcalloc(1, sizeof *img);
    int ret = -1;
    if (cp_image_decode_page(img, u, len, info->page, 1, display, diags) == 0) {
        if (own) {
            free(*own);
            *own = NULL;
        }
        ret = run_png(st, img, display, diags);
    }
    cp_image_free(img);
    return ret;
}

int
cp_downsample(const char *path, const cp_reread_want *want, const char *display,
              const cp_image *info, int decode_w, int decode_h, cp_ds_target *targets,
              size_t n, cp_diags *diags)
{
    ds_state st;
    ds_begin(&st, decode_w, decode_h, targets, n);
    int ret = 1;
    if (!info->is_jpeg && info->format == CP_IMG_PNG)
        ret = run_png_rows(&st, path, want, display, diags);   /* 1: it cannot stream */
    if (ret > 0) {
        /* Read into memory, not mapped: the bytes decoded are the bytes
         * hashed, whatever happens to the file meanwhile. */
        char *data = NULL;
        size_t len = 0;
        struct stat before, after;
        ret = -1;
        if (cp_read_file_stat(&data, &len, path, (size_t)CP_IMAGE_MAX_BYTES, &before,
                              &after) < 0)
            cp_error(diags, CP_INPUT, display, 0, 0, "could not read the picture again: %s",
                     strerror(errno));
        else if (cp_reread_check(want, data, len, &before, &after, display, diags) == 0)
            ret = run_bytes(&st, (const unsigned char *)data, len, &data, info, display,
                            diags);
        free(data);
    }
    return ds_end(&st, ret);
}

int
cp_downsample_buf(const unsigned char *buf, size_t len, const char *display,
                  const cp_image *info, int decode_w, int decode_h, cp_ds_target *targets,
                  size_t n, cp_diags *diags)
{
    ds_state st;
    ds_begin(&st, decode_w, decode_h, targets, n);
    return ds_end(&st, run_bytes(&st, buf, len, NULL, info, display, diags));
}

int
cp_downsample_image(const cp_image *img, const char *display, cp_ds_target *targets, size_t n,
                    cp_diags *diags)
{
    ds_state st;
    ds_begin(&st, 0, 0, targets, n);
    return ds_end(&st, run_png(&st, img, display, diags));
}

/* Rows of a planar picture interleaved (and turned upright,
 * cp_image_plane_row) for libjpeg, which converts them to YCbCr and
 * subsamples them with its own vector code, a band of PLANES_BAND rows
 * (one row of 4:2:0 blocks) at a time: the band is all that is copied. */
#define PLANES_BAND 16

int
cp_downsample_planes(const cp_image *img, const char *display, cp_ds_target *t,
                     cp_diags *diags)
{
    struct jpeg_compress_struct c;
    cp_jpeg_err err;
    unsigned char *volatile buf = NULL;
    unsigned long len = 0;
    unsigned char *volatile rows = NULL;
    int w = img->width, h = img->height;
    t->data = NULL;
    t->size = 0;
    c.err = cp_jpeg_err_init(&err);
    jpeg_create_compress(&c);
    if (setjmp(err.jb)) {
        cp_error(diags, CP_INPUT, display, 0, 0, "cannot re-encode the picture (libjpeg: %s)",
                 err.msg);
        jpeg_destroy_compress(&c);
        free(buf);
        free(rows);
        return -1;
    }
    dest_setup(&c, t, (unsigned char **)&buf, &len);
    c.image_width = (JDIMENSION)w;
    c.image_height = (JDIMENSION)h;
    c.input_components = 3;
    c.in_color_space = JCS_RGB;
    jpeg_set_defaults(&c);          /* 4:2:0, as enc_start's photos */
    jpeg_set_quality(&c, t->quality, TRUE);
    c.optimize_coding = FALSE;     /* as enc_start, for the same reason */
    jpeg_start_compress(&c, TRUE);
    size_t row = (size_t)w * 3;
    rows = xmalloc(PLANES_BAND * row);
    JSAMPROW band[PLANES_BAND];
    for (int k = 0; k < PLANES_BAND; k++)
        band[k] = rows + (size_t)k * row;
    for (int y = 0; y < h; y += PLANES_BAND) {
        int n = h - y < PLANES_BAND ? h - y : PLANES_BAND;
        for (int k = 0; k < n; k++)
            cp_image_plane_row(img, y + k, band[k]);
        jpeg_write_scanlines(&c, band, (JDIMENSION)n);   /* never suspends */
    }
    jpeg_finish_compress(&c);
    t->size = dest_total(&c, t, len);
    jpeg_destroy_compress(&c);
    free(rows);
    t->data = buf;
    t->width = w;
    t->height = h;
    t->cs = CP_CS_RGB;
    return 0;
}
