/* image.c: reading an image file and handing it to its format's loader
 * (image-jpeg.c, image-png.c, image-heif.c, image-webp.c, image-gif.c,
 * image-tiff.c, image-bmp.c). The format comes from the bytes, never the name. */
#include "config.h"
#include "image.h"
#include "util.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <libdeflate.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

static const unsigned char png_sig[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };

int
cp_image_sniff(const unsigned char *u, size_t len)
{
    if (len >= 3 && u[0] == 0xFF && u[1] == 0xD8 && u[2] == 0xFF)
        return CP_IMG_JPEG;
    if (len >= 8 && memcmp(u, png_sig, 8) == 0)
        return CP_IMG_PNG;
    if (len >= 6 && (memcmp(u, "GIF87a", 6) == 0 || memcmp(u, "GIF89a", 6) == 0))
        return CP_IMG_GIF;
    if (len >= 16 && memcmp(u, "RIFF", 4) == 0 && memcmp(u + 8, "WEBPVP8", 7) == 0)
        return CP_IMG_WEBP;
    if (len >= 4 && (memcmp(u, "II*\0", 4) == 0 || memcmp(u, "MM\0*", 4) == 0))
        return CP_IMG_TIFF;
    /* "BM", the file size, two reserved words that are zero, the pixels'
     * offset, then the header's own size (one of the versions'). */
    if (len >= 18 && u[0] == 'B' && u[1] == 'M' && memcmp(u + 6, "\0\0\0\0", 4) == 0) {
        uint32_t hs = (uint32_t)u[14] | (uint32_t)u[15] << 8 | (uint32_t)u[16] << 16 |
                      (uint32_t)u[17] << 24;
        if (hs == 12 || hs == 16 || hs == 40 || hs == 52 || hs == 56 || hs == 64 ||
            hs == 108 || hs == 124)
            return CP_IMG_BMP;
    }
    /* ISO base media: the major brand says which codec the pictures use. */
    if (len >= 12 && memcmp(u + 4, "ftyp", 4) == 0) {
        static const char heic[][5] = { "heic", "heix", "heim", "heis", "hevc", "hevx",
                                        "mif1", "msf1" };
        if (memcmp(u + 8, "avif", 4) == 0 || memcmp(u + 8, "avis", 4) == 0)
            return CP_IMG_AVIF;
        for (size_t i = 0; i < sizeof heic / sizeof heic[0]; i++)
            if (memcmp(u + 8, heic[i], 4) == 0)
                return CP_IMG_HEIC;
    }
    return -1;
}

int
cp_image_check_size(long w, long h, const char *what, const char *display, cp_diags *diags)
{
    if (w <= 0 || h <= 0) {
        cp_error(diags, CP_INPUT, display, 0, 0, "damaged %s image: zero width or height", what);
        return -1;
    }
    if (w > CP_IMAGE_MAX_SIDE || h > CP_IMAGE_MAX_SIDE ||
        (double)w * (double)h > (double)CP_IMAGE_MAX_PIXELS) {
        cp_error(diags, CP_INPUT, display, 0, 0,
                 "%s image too large: %ldx%ld pixels (the limits are %d pixels a side "
                 "and %ld megapixels)", what, w, h, CP_IMAGE_MAX_SIDE,
                 CP_IMAGE_MAX_PIXELS / 1000000);
        return -1;
    }
    return 0;
}

void
cp_rows_begin(cp_rows *r, cp_image *img, int w, int h, int channels)
{
    int alpha = channels == 2 || channels == 4, cc = channels - alpha;
    r->img = img;
    r->channels = channels;
    r->opaque = 1;
    r->stopped = 0;
    r->y = 0;
    img->width = w;
    img->height = h;
    img->bits = 8;
    img->cs = cc == 1 ? CP_CS_GRAY : CP_CS_RGB;
    img->size = (size_t)w * (size_t)h * (size_t)cc;
    img->alpha_size = 0;
    r->colour = r->fn && alpha ? xmalloc((size_t)w * (size_t)cc) : NULL;
    r->alpha = r->fn && alpha ? xmalloc((size_t)w) : NULL;
}

int
cp_rows_put(cp_rows *r, const unsigned char *px)
{
    if (r->stopped)
        return -1;
    r->y++;
    if (r->fn == NULL)
        return 0;
    int ch = r->channels, cc = ch == 2 || ch == 4 ? ch - 1 : ch;
    if (cc == ch) {          /* no alpha channel: the row as it is */
        r->stopped = r->fn(r->ctx, px, NULL) != 0;
        return r->stopped ? -1 : 0;
    }
    size_t w = (size_t)r->img->width;
    for (size_t x = 0; x < w; x++, px += ch) {
        memcpy(r->colour + x * (size_t)cc, px, (size_t)cc);
        r->alpha[x] = px[cc];
        r->opaque &= px[cc] == 0xFF;
    }
    r->stopped = r->fn(r->ctx, r->colour, r->alpha) != 0;
    return r->stopped ? -1 : 0;
}

void
cp_rows_end(cp_rows *r)
{
    /* A mask that is opaque everywhere would only make the PDF bigger. */
    if (r->img != NULL && r->alpha != NULL && !r->opaque)
        r->img->alpha_size = (size_t)r->img->width * (size_t)r->img->height;
    free(r->colour);
    free(r->alpha);
    r->colour = r->alpha = NULL;
}

int
cp_rows_put_all(cp_rows *rows, cp_image *img, const unsigned char *px, size_t stride, int w,
                int h, int channels)
{
    cp_rows_begin(rows, img, w, h, channels);
    int rc = 0;
    for (int y = 0; y < h && rc == 0; y++)
        rc = cp_rows_put(rows, px + (size_t)y * stride);
    cp_rows_end(rows);
    return rc;
}

/* The rows of a decoded format gathered into img->data and img->alpha
 * (the mask dropped when opaque): for the callers that want the pixels
 * whole (cp_image_load, --max-size of a picture in memory). */
typedef struct gather {
    cp_image *img;
    size_t y;
} gather;

static int
gather_row(void *ctx, const unsigned char *colour, const unsigned char *alpha)
{
    gather *g = ctx;
    cp_image *img = g->img;
    size_t w = (size_t)img->width, row = img->size / (size_t)img->height;
    if (g->y == 0) {
        img->data = xmalloc(img->size);
        if (alpha)
            img->alpha = xmalloc(w * (size_t)img->height);
    }
    memcpy(img->data + g->y * row, colour, row);
    if (alpha)
        memcpy(img->alpha + g->y * w, alpha, w);
    g->y++;
    return 0;
}

/* A decoded format's loader, by format. */
static int
decoded_rows(cp_image *img, int fmt, const unsigned char *u, size_t len, int page,
             cp_rows *rows, const char *display, cp_diags *diags)
{
    switch (fmt) {
    case CP_IMG_HEIC:
    case CP_IMG_AVIF: return cp_image_heif(img, u, len, rows, display, diags);
    case CP_IMG_WEBP: return cp_image_webp(img, u, len, rows, display, diags);
    case CP_IMG_GIF: return cp_image_gif(img, u, len, rows, display, diags);
    case CP_IMG_TIFF: return cp_image_tiff_page(img, u, len, page, rows, display, diags);
    case CP_IMG_BMP: return cp_image_bmp(img, u, len, rows, display, diags);
    default: return -1;
    }
}

int
cp_image_decode_rows(cp_image *img, const unsigned char *u, size_t len, int page,
                     cp_png_row_fn fn, void *ctx, const char *display, cp_diags *diags)
{
    int fmt = cp_image_sniff(u, len);
    int ret;
    if (fmt == CP_IMG_PNG) {
        ret = cp_image_png_rows(img, u, len, fn, ctx, display, diags);
    } else if (fmt >= 0 && fmt != CP_IMG_JPEG) {
        cp_rows rows = { fn, ctx, NULL, 0, NULL, NULL, 0, 0, 0 };
        ret = decoded_rows(img, fmt, u, len, page, &rows, display, diags);
    } else {
        cp_error(diags, CP_INPUT, display, 0, 0, "not a picture claimpack decodes row by row");
        return -1;
    }
    if (ret == 0)
        img->format = (enum cp_image_format)fmt;
    return ret;
}

int
cp_image_decode_buf(cp_image *img, const unsigned char *u, size_t len, int load,
                    const char *display, cp_diags *diags)
{
    return cp_image_decode_page(img, u, len, 0, load, display, diags);
}

int
cp_image_decode_page(cp_image *img, const unsigned char *u, size_t len, int page, int load,
                     const char *display, cp_diags *diags)
{
    int ret = -1;
    int fmt = cp_image_sniff(u, len);
    switch (fmt) {
    case CP_IMG_JPEG: ret = cp_image_jpeg(img, u, len, load, display, diags); break;
    case CP_IMG_PNG: ret = cp_image_png(img, u, len, load, display, diags); break;
    case -1: break;
    default: {
        gather g = { img, 0 };
        cp_rows rows = { load ? gather_row : NULL, &g, NULL, 0, NULL, NULL, 0, 0, 0 };
        ret = decoded_rows(img, fmt, u, len, page, &rows, display, diags);
        if (ret == 0 && img->alpha != NULL && img->alpha_size == 0) {
            free(img->alpha);
            img->alpha = NULL;
        }
        if (ret < 0) {
            free(img->data);
            free(img->alpha);
            img->data = img->alpha = NULL;
        }
        break;
    }
    }
    if (fmt >= 0)
        img->format = (enum cp_image_format)fmt;
    else if (len >= 16 && memcmp(u + 12, "IHDR", 4) == 0)
        cp_error(diags, CP_INPUT, display, 0, 0, "damaged PNG image: the 8-byte PNG "
                 "signature is wrong (was the file copied as text?)");
    else
        cp_error(diags, CP_INPUT, display, 0, 0, "not a picture in a format claimpack reads");
    return ret < 0 ? -1 : 0;
}

/* Read the file and check it; on success *buf holds its bytes. */
static int
image_read(cp_image *img, unsigned char **buf, size_t *len, int page, int load,
           const char *path, const char *display, cp_diags *diags)
{
    char *data;

    *buf = NULL;
    if (cp_read_file(&data, len, path, CP_IMAGE_MAX_BYTES) < 0) {
        if (errno == EFBIG)
            cp_error(diags, CP_INPUT, display, 0, 0, "the file is larger than %ld MB",
                     CP_IMAGE_MAX_BYTES >> 20);
        else
            cp_error(diags, CP_INPUT, display, 0, 0, "cannot read the file: %s",
                     strerror(errno));
        return -1;
    }
    if (cp_image_decode_page(img, (const unsigned char *)data, *len, page, load, display,
                             diags) < 0) {
        free(data);
        return -1;
    }
    *buf = (unsigned char *)data;
    return 0;
}

int
cp_image_probe(cp_image *out, const char *path, const char *display, cp_diags *diags)
{
    unsigned char *buf;
    size_t len;
    memset(out, 0, sizeof *out);
    if (image_read(out, &buf, &len, 0, 0, path, display, diags) < 0)
        return -1;
    if (out->is_jpeg)
        out->size = len;
    free(buf);
    return 0;
}

static uint32_t
be32(const unsigned char *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

int
cp_png_chunk_next(cp_png_chunk *c, const unsigned char *buf, size_t len, size_t *pos)
{
    if (*pos > len || len - *pos < 12)
        return 0;
    c->len = be32(buf + *pos);
    c->type = buf + *pos + 4;
    c->data = buf + *pos + 8;
    if (c->len > len - *pos - 12)
        return -1;
    *pos += 12 + (size_t)c->len;
    return 1;
}

int
cp_png_chunk_crc_ok(const cp_png_chunk *c)
{
    /* libdeflate's CRC-32 (the same as zlib's) uses the processor's
     * carry-less multiply: a screenshot's chunks are checked twice a build. */
    return libdeflate_crc32(0, c->type, (size_t)c->len + 4) == be32(c->data + c->len);
}

/* The cheap PNG check of the build path: every chunk's CRC, a sane IHDR,
 * IDAT data and IEND. The pixels are decoded (and so checked) only where
 * they have to be re-encoded; `claimpack check` decodes every file. */
static int
png_walk(cp_image *img, const unsigned char *u, size_t len, const char *display,
         cp_diags *diags)
{
    size_t pos = 8;
    int have_ihdr = 0, have_idat = 0, have_iend = 0, color = 0;
    cp_png_chunk c;
    int r;
    while (!have_iend && (r = cp_png_chunk_next(&c, u, len, &pos)) != 0) {
        if (r < 0) {
            cp_error(diags, CP_INPUT, display, 0, 0, "damaged PNG image: the file ends inside a chunk");
            return -1;
        }
        const unsigned char *type = c.type, *data = c.data;
        uint32_t n = c.len;
        if (!cp_png_chunk_crc_ok(&c)) {
            cp_error(diags, CP_INPUT, display, 0, 0, "damaged PNG image: %.4s: CRC error", type);
            return -1;
        }
        if (memcmp(type, "IHDR", 4) == 0 && n == 13) {
            have_ihdr = 1;
            img->width = (int)(be32(data) & 0x7FFFFFFF);
            img->height = (int)(be32(data + 4) & 0x7FFFFFFF);
            img->bits = data[8];
            color = data[9];
        } else if (memcmp(type, "IDAT", 4) == 0) {
            have_idat = 1;
        } else if (memcmp(type, "IEND", 4) == 0) {
            have_iend = 1;
        }
    }
    if (!have_ihdr || !have_idat || !have_iend || img->width <= 0 || img->height <= 0) {
        cp_error(diags, CP_INPUT, display, 0, 0, "damaged PNG image: %s",
                 !have_ihdr ? "no valid IHDR chunk" : !have_idat ? "no image data" :
                 !have_iend ? "the file is cut short (no IEND chunk)" : "zero width or height");
        return -1;
    }
    if (img->width > CP_IMAGE_MAX_SIDE || img->height > CP_IMAGE_MAX_SIDE ||
        (double)img->width * img->height > CP_IMAGE_MAX_PIXELS) {
        cp_error(diags, CP_INPUT, display, 0, 0, "the picture is %d x %d pixels; the limit is "
                 "%d pixels a side and %.0f megapixels", img->width, img->height,
                 CP_IMAGE_MAX_SIDE, CP_IMAGE_MAX_PIXELS / 1e6);
        return -1;
    }
    img->orientation = 1;
    img->cs = color == 0 || color == 4 ? CP_CS_GRAY : CP_CS_RGB;
    return 0;
}

int
cp_image_probe_fast(cp_image *out, const char *path, const char *display, cp_diags *diags)
{
    memset(out, 0, sizeof *out);
    /* Mapped, not read: the walk touches every byte once and copying five
     * megabytes a photo into a buffer first would double the cost. */
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    struct stat st;
    if (fd < 0 || fstat(fd, &st) < 0 || !S_ISREG(st.st_mode) || st.st_size <= 0 ||
        st.st_size > CP_IMAGE_MAX_BYTES) {
        if (fd >= 0)
            close(fd);
        return cp_image_probe(out, path, display, diags);   /* says what is wrong */
    }
    size_t len = (size_t)st.st_size;
    void *map = mmap(NULL, len, PROT_READ, MAP_PRIVATE, fd, 0);
    close(fd);
    if (map == MAP_FAILED)
        return cp_image_probe(out, path, display, diags);
    const unsigned char *u = map;
    int ret;
    if (len >= 3 && u[0] == 0xFF && u[1] == 0xD8 && u[2] == 0xFF) {
        ret = cp_image_jpeg_markers(out, u, len, display, diags);
        out->is_jpeg = 1;
        out->size = len;
        out->format = CP_IMG_JPEG;
    } else if (len >= 8 && memcmp(u, png_sig, 8) == 0) {
        ret = png_walk(out, u, len, display, diags);
        out->format = CP_IMG_PNG;
    } else if (cp_image_sniff(u, len) == CP_IMG_HEIC || cp_image_sniff(u, len) == CP_IMG_AVIF) {
        ret = cp_image_heif_header(out, u, len, display, diags);
        out->format = (enum cp_image_format)cp_image_sniff(u, len);
    } else {
        munmap(map, len);
        return cp_image_probe(out, path, display, diags);
    }
    munmap(map, len);
    return ret;
}

int
cp_image_load(cp_image **out, const char *path, const char *display, cp_diags *diags)
{
    return cp_image_load_page(out, path, 0, display, diags);
}

int
cp_image_load_page(cp_image **out, const char *path, int page, const char *display,
                   cp_diags *diags)
{
    cp_image *img = xcalloc(1, sizeof *img);
    unsigned char *buf;
    size_t len;

    *out = NULL;
    if (image_read(img, &buf, &len, page, 1, path, display, diags) < 0) {
        cp_image_free(img);
        return -1;
    }
    if (img->is_jpeg) {
        img->data = buf;
        img->size = len;
    } else {
        free(buf);
    }
    *out = img;
    return 0;
}

void
cp_image_free(cp_image *img)
{
    if (img == NULL)
        return;
    free(img->data);
    free(img->alpha);
    free(img->page_dims);
    if (img->release)
        img->release(img->owner);
    free(img);
}
