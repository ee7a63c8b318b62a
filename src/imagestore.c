/* imagestore.c: a scratch PDF that holds the pictures as image XObjects,
 * for qpdf to copy into the output lazily (see assemble.h).
 *
 * JPEG data goes through byte for byte (DCTDecode), except arithmetic-coded
 * JPEG, which is decoded and deflated. A PNG whose rows can be
 * used as they are (not interlaced, no alpha, no transparency) goes through
 * as its compressed IDAT data with PNG predictors declared, so it is neither
 * decoded nor re-encoded; any other PNG is decoded by image-png.c and
 * deflated here, its alpha becoming a soft mask. Every file was validated by
 * cp_image_probe before it gets here.
 */
#include "config.h"
#include "assemble.h"
#include "util.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

typedef struct store {
    FILE *fp;
    const char *path;
    long *offsets;          /* byte offset of each object, index = number */
    size_t n_objs, cap;
    int failed;             /* an fwrite failed: errno saved in err */
    int err;
} store;

static int
store_new_obj(store *s)
{
    if (s->n_objs + 1 >= s->cap) {
        s->cap = s->cap ? s->cap * 2 : 64;
        s->offsets = xreallocarray(s->offsets, s->cap, sizeof *s->offsets);
    }
    s->n_objs++;
    s->offsets[s->n_objs] = 0;
    return (int)s->n_objs;
}

static void
store_write(store *s, const void *p, size_t n)
{
    if (s->failed)
        return;
    if (n && fwrite(p, 1, n, s->fp) != n) {
        s->failed = 1;
        s->err = errno ? errno : EIO;
    }
}

static void CP_PRINTF(2, 3)
store_printf(store *s, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *str = xvasprintf(fmt, ap);
    va_end(ap);
    store_write(s, str, strlen(str));
    free(str);
}

static void
store_begin_obj(store *s, int num)
{
    s->offsets[num] = ftell(s->fp);
    store_printf(s, "%d 0 obj\n", num);
}

/* Copy a file's bytes into the store. */
static int
store_copy_file(store *s, const char *path, size_t expect)
{
    int in = open(path, O_RDONLY | O_CLOEXEC);
    if (in < 0)
        return -1;
    /* In the kernel, page cache to page cache: no trip through a buffer of
     * ours (photos are most of the bytes of a pack). */
    size_t total = 0;
    int out = fileno(s->fp);
    if (fflush(s->fp) != 0) {
        s->failed = 1;
        s->err = errno;
        close(in);
        return -1;
    }
    while (total < expect) {
        ssize_t n = copy_file_range(in, NULL, out, NULL, expect - total, 0);
        if (n < 0 && (errno == ENOSPC || errno == EDQUOT || errno == EFBIG || errno == EIO)) {
            s->failed = 1;      /* the store cannot be written: an output problem */
            s->err = errno;
            close(in);
            return -1;
        }
        if (n <= 0)
            break;
        total += (size_t)n;
    }
    if (total < expect) {
        /* Not supported here (another file system, an old kernel): copy. */
        char *buf = xmalloc(1 << 20);
        if (lseek(in, (off_t)total, SEEK_SET) >= 0 && lseek(out, 0, SEEK_END) >= 0) {
            ssize_t n;
            while (total < expect && (n = read(in, buf, 1 << 20)) > 0) {
                if (write(out, buf, (size_t)n) != n) {
                    s->failed = 1;
                    s->err = errno ? errno : EIO;
                    break;
                }
                total += (size_t)n;
            }
        }
        free(buf);
    }
    close(in);
    if (fseek(s->fp, 0, SEEK_END) != 0 || total != expect) {
        errno = errno ? errno : EIO;
        return -1;
    }
    return 0;
}

static const char *
cs_name(enum cp_colorspace cs)
{
    return cs == CP_CS_GRAY ? "/DeviceGray" : cs == CP_CS_CMYK ? "/DeviceCMYK" : "/DeviceRGB";
}

static int
cs_components(enum cp_colorspace cs)
{
    return cs == CP_CS_GRAY ? 1 : cs == CP_CS_CMYK ? 4 : 3;
}

static int write_flate_image(store *s, int width, int height, const char *cs, int colors,
                             int bits, const unsigned char *px, int smask);

/* Arithmetic-coded JPEG is legal in PDF, but many viewers (and printers)
 * show nothing for it: decode it here and store the pixels instead. */
static int
write_jpeg_decoded(store *s, const cp_asm_image *im, cp_diags *d)
{
    char *buf = NULL;
    size_t len = 0;
    if (cp_read_file(&buf, &len, im->path, (size_t)CP_IMAGE_MAX_BYTES) < 0) {
        cp_error(d, CP_INPUT, im->display, 0, 0, "could not read the picture again: %s",
                 strerror(errno));
        return -1;
    }
    cp_image img;
    memset(&img, 0, sizeof img);
    int num = -1;
    if (cp_image_jpeg_pixels(&img, (const unsigned char *)buf, len, im->display, d) == 0) {
        num = write_flate_image(s, img.width, img.height, cs_name(img.cs), cs_components(img.cs),
                                8, img.data, 0);
        if (num < 0)
            cp_error(d, CP_INPUT, im->display, 0, 0, "could not compress the picture");
    }
    free(img.data);
    free(buf);
    return num;
}

static int
write_jpeg(store *s, const cp_asm_image *im, cp_diags *d)
{
    const cp_image *info = im->info;
    if (info->arithmetic)
        return write_jpeg_decoded(s, im, d);
    size_t size = im->data ? im->size : info->size;
    int num = store_new_obj(s);
    store_begin_obj(s, num);
    store_printf(s, "<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace %s "
                    "/BitsPerComponent 8 /Filter /DCTDecode /Length %zu",
                 info->width, info->height, cs_name(info->cs), size);
    if (info->cs == CP_CS_CMYK && info->adobe_inverted)
        store_printf(s, " /Decode [1 0 1 0 1 0 1 0]");
    store_printf(s, " >>\nstream\n");
    if (im->data)
        store_write(s, im->data, im->size);
    else if (store_copy_file(s, im->path, size) < 0) {
        if (s->failed)
            cp_error(d, CP_OUTPUT, s->path, 0, 0, "cannot write a scratch file: %s",
                     strerror(s->err));
        else
            cp_error(d, CP_INPUT, im->display, 0, 0, "could not read the picture again: %s",
                     strerror(errno));
        return -1;
    }
    store_printf(s, "\nendstream\nendobj\n");
    return num;
}

/* --- PNG pass-through ------------------------------------------------- */

static uint32_t
be32(const unsigned char *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

typedef struct png_raw {
    uint32_t width, height;
    int depth, color_type, interlace;
    int has_trns;
    const unsigned char *plte;
    size_t plte_len;
    cp_buf idat;
} png_raw;

/* Read the chunks we need. The file has already been decoded once by
 * libpng, so this only has to find things, not to distrust them. */
static int
png_scan(png_raw *r, const unsigned char *buf, size_t len)
{
    memset(r, 0, sizeof *r);
    if (len < 8 + 25)
        return -1;
    size_t pos = 8;
    while (pos + 12 <= len) {
        uint32_t n = be32(buf + pos);
        const unsigned char *type = buf + pos + 4, *data = buf + pos + 8;
        if (n > len - pos - 12)
            return -1;
        if (memcmp(type, "IHDR", 4) == 0 && n >= 13) {
            r->width = be32(data);
            r->height = be32(data + 4);
            r->depth = data[8];
            r->color_type = data[9];
            r->interlace = data[12];
        } else if (memcmp(type, "PLTE", 4) == 0) {
            r->plte = data;
            r->plte_len = n;
        } else if (memcmp(type, "tRNS", 4) == 0) {
            r->has_trns = 1;
        } else if (memcmp(type, "IDAT", 4) == 0) {
            cp_buf_add(&r->idat, data, n);
        } else if (memcmp(type, "IEND", 4) == 0) {
            break;
        }
        pos += 12 + (size_t)n;
    }
    return r->width ? 0 : -1;
}

static int
png_passthrough_ok(const png_raw *r)
{
    if (r->interlace || r->has_trns)
        return 0;
    switch (r->color_type) {
    case 0: return 1;                       /* grey, 1..16 bits */
    case 2: return r->depth == 8 || r->depth == 16;
    case 3: return r->plte != NULL && r->plte_len % 3 == 0 && r->plte_len >= 3;
    default: return 0;                      /* alpha channels need a soft mask */
    }
}

static int
write_png_raw(store *s, const png_raw *r)
{
    int colors = r->color_type == 2 ? 3 : 1;
    int num = store_new_obj(s);
    store_begin_obj(s, num);
    store_printf(s, "<< /Type /XObject /Subtype /Image /Width %u /Height %u /BitsPerComponent %d ",
                 r->width, r->height, r->depth);
    if (r->color_type == 3) {
        store_printf(s, "/ColorSpace [/Indexed /DeviceRGB %zu <", r->plte_len / 3 - 1);
        for (size_t i = 0; i < r->plte_len; i++)
            store_printf(s, "%02x", r->plte[i]);
        store_printf(s, ">] ");
    } else {
        store_printf(s, "/ColorSpace %s ", colors == 3 ? "/DeviceRGB" : "/DeviceGray");
    }
    store_printf(s, "/Filter /FlateDecode /DecodeParms << /Predictor 15 /Colors %d "
                    "/BitsPerComponent %d /Columns %u >> /Length %zu >>\nstream\n",
                 colors, r->depth, r->width, r->idat.len);
    store_write(s, r->idat.data, r->idat.len);
    store_printf(s, "\nendstream\nendobj\n");
    return num;
}

/* --- decoded pixels --------------------------------------------------- */

/* Deflate rows with the PNG "Up" predictor in front of each row: cheap, and
 * screenshots shrink a lot more than without it. */
static int
deflate_rows(cp_buf *out, const unsigned char *px, size_t row_bytes, size_t rows)
{
    z_stream z;
    memset(&z, 0, sizeof z);
    if (deflateInit(&z, 6) != Z_OK)
        return -1;
    unsigned char *line = xmalloc(row_bytes + 1);
    unsigned char chunk[65536];
    int rc = 0;
    for (size_t y = 0; y < rows && rc == 0; y++) {
        const unsigned char *cur = px + y * row_bytes;
        line[0] = 2;
        for (size_t i = 0; i < row_bytes; i++)
            line[i + 1] = (unsigned char)(cur[i] - (y ? cur[i - row_bytes] : 0));
        z.next_in = line;
        z.avail_in = (uInt)(row_bytes + 1);
        do {
            z.next_out = chunk;
            z.avail_out = sizeof chunk;
            if (deflate(&z, y + 1 == rows ? Z_FINISH : Z_NO_FLUSH) == Z_STREAM_ERROR)
                rc = -1;
            cp_buf_add(out, chunk, sizeof chunk - z.avail_out);
        } while (z.avail_out == 0 && rc == 0);
    }
    if (rows == 0)
        rc = -1;
    deflateEnd(&z);
    free(line);
    return rc;
}

static int
write_flate_image(store *s, int width, int height, const char *cs, int colors, int bits,
                  const unsigned char *px, int smask)
{
    size_t row_bytes = ((size_t)width * (size_t)colors * (size_t)bits + 7) / 8;
    cp_buf z = CP_BUF_INIT;
    if (deflate_rows(&z, px, row_bytes, (size_t)height) < 0) {
        cp_buf_free(&z);
        return -1;
    }
    int num = store_new_obj(s);
    store_begin_obj(s, num);
    store_printf(s, "<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace %s "
                    "/BitsPerComponent %d /Filter /FlateDecode /DecodeParms << /Predictor 12 "
                    "/Colors %d /BitsPerComponent %d /Columns %d >> ",
                 width, height, cs, bits, colors, bits, width);
    if (smask > 0)
        store_printf(s, "/SMask %d 0 R ", smask);
    store_printf(s, "/Length %zu >>\nstream\n", z.len);
    store_write(s, z.data, z.len);
    store_printf(s, "\nendstream\nendobj\n");
    cp_buf_free(&z);
    return num;
}

static int
write_png(store *s, const cp_asm_image *im, cp_diags *d)
{
    char *buf = NULL;
    size_t len = 0;
    int num = -1;
    png_raw r;
    memset(&r, 0, sizeof r);
    if (cp_read_file(&buf, &len, im->path, (size_t)1 << 31) < 0) {
        cp_error(d, CP_INPUT, im->display, 0, 0, "could not read the picture again: %s",
                 strerror(errno));
        return -1;
    }
    if (png_scan(&r, (const unsigned char *)buf, len) == 0 && png_passthrough_ok(&r)) {
        num = write_png_raw(s, &r);
        goto cleanup;
    }
    cp_image *img = NULL;
    if (cp_image_load(&img, im->path, im->display, d) < 0)
        goto cleanup;
    int smask = 0;
    if (img->alpha)
        smask = write_flate_image(s, img->width, img->height, "/DeviceGray", 1, 8, img->alpha, 0);
    if (smask >= 0)
        num = write_flate_image(s, img->width, img->height, cs_name(img->cs),
                                cs_components(img->cs), img->bits, img->data, smask);
    if (num < 0)
        cp_error(d, CP_INPUT, im->display, 0, 0, "could not compress the picture");
    cp_image_free(img);
cleanup:
    cp_buf_free(&r.idat);
    free(buf);
    return num;
}

int
cp_imagestore_write(const char *path, const cp_asm_image *images, size_t n, int **ids,
                    cp_diags *diags)
{
    store s;
    memset(&s, 0, sizeof s);
    s.path = path;
    *ids = NULL;
    s.fp = fopen(path, "wb");
    if (s.fp == NULL) {
        cp_error(diags, CP_OUTPUT, path, 0, 0, "cannot create a scratch file: %s", strerror(errno));
        return -1;
    }
    int *out = xcalloc(n ? n : 1, sizeof *out);
    int rc = -1;
    store_printf(&s, "%%PDF-1.7\n%%\xe2\xe3\xcf\xd3\n");
    int catalog = store_new_obj(&s), pages = store_new_obj(&s);
    store_begin_obj(&s, catalog);
    store_printf(&s, "<< /Type /Catalog /Pages %d 0 R >>\nendobj\n", pages);
    store_begin_obj(&s, pages);
    store_printf(&s, "<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n");
    for (size_t i = 0; i < n; i++) {
        const cp_asm_image *im = &images[i];
        out[i] = im->info->is_jpeg ? write_jpeg(&s, im, diags) : write_png(&s, im, diags);
        if (out[i] < 0)
            goto cleanup;
    }
    long xref = ftell(s.fp);
    store_printf(&s, "xref\n0 %zu\n0000000000 65535 f \n", s.n_objs + 1);
    for (size_t i = 1; i <= s.n_objs; i++)
        store_printf(&s, "%010ld 00000 n \n", s.offsets[i]);
    store_printf(&s, "trailer\n<< /Size %zu /Root %d 0 R >>\nstartxref\n%ld\n%%%%EOF\n",
                 s.n_objs + 1, catalog, xref);
    if (fflush(s.fp) != 0 && !s.failed) {
        s.failed = 1;
        s.err = errno;
    }
    if (s.failed) {
        cp_error(diags, CP_OUTPUT, path, 0, 0, "cannot write a scratch file: %s", strerror(s.err));
        goto cleanup;
    }
    rc = 0;
cleanup:
    if (fclose(s.fp) != 0 && rc == 0) {
        cp_error(diags, CP_OUTPUT, path, 0, 0, "cannot write a scratch file: %s", strerror(errno));
        rc = -1;
    }
    free(s.offsets);
    if (rc == 0)
        *ids = out;
    else
        free(out);
    return rc;
}
