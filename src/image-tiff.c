/* image-tiff.c: TIFF scans and pictures, decoded with libtiff from memory.
 *
 * libtiff's RGBA interface decodes every photometric and compression it
 * knows (CCITT fax, LZW, Deflate, JPEG, CMYK, 16-bit) and applies the
 * Orientation tag. The pages are counted by walking the directory chain,
 * not taken from any header; libtiff stops a chain that loops. Each page
 * becomes an exhibit page of its own (pack.c): `claimpack check` decodes
 * them all, the PDF writer loads one page at a time. Messages
 * and warnings go to a handler of this file's own, never to stderr.
 * Scans are lossless: deflated, a grey or bilevel page as one channel. */
#include "config.h"
#include "dynlib.h"
#include "image.h"
#include "util.h"

#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <tiffio.h>

/* libtiff is opened with dlopen on the first TIFF picture (dynlib.h): linked,
 * it and what it brings (Lerc, zstd, jbig, libdeflate) were loaded at every
 * start. Pages may be decoded two at a time: it is opened once. */
#define TIFF_SONAME "libtiff.so.6"
#define TIFF_FNS(X) \
    X(TIFFClientOpenExt) X(TIFFClose) X(TIFFGetField) X(TIFFGetFieldDefaulted) \
    X(TIFFOpenOptionsAlloc) X(TIFFOpenOptionsFree) X(TIFFOpenOptionsSetErrorHandlerExtR) \
    X(TIFFOpenOptionsSetMaxSingleMemAlloc) X(TIFFOpenOptionsSetWarningHandlerExtR) \
    X(TIFFIsTiled) X(TIFFRGBAImageBegin) X(TIFFRGBAImageEnd) X(TIFFRGBAImageGet) \
    X(TIFFRGBAImageOK) X(TIFFReadDirectory) X(TIFFSetDirectory)
static struct { TIFF_FNS(CP_DL_SLOT) } tf;
#define TF_FN(f) CP_DL_FN(tf, f),
static const cp_dl_fn tf_fns[] = { TIFF_FNS(TF_FN) };
#undef TF_FN
static char *tf_why;            /* NULL: loaded */
static pthread_once_t tf_once = PTHREAD_ONCE_INIT;

static void
tf_load(void)
{
    tf_why = cp_dl_open(TIFF_SONAME, tf_fns, CP_ARRAY_LEN(tf_fns));
}

/* 0, or -1 with a CP_INPUT error on `display` saying what is missing. */
static int
tiff_open(const char *display, cp_diags *diags)
{
    pthread_once(&tf_once, tf_load);
    if (tf_why) {
        cp_error(diags, CP_INPUT, display, 0, 0, "cannot read TIFF pictures: the libtiff "
                 "library cannot be loaded (%s); install libtiff6", tf_why);
        return -1;
    }
    return 0;
}

struct tiff_src {
    const unsigned char *buf;
    toff_t len, pos;
    char msg[256];
    int loop;          /* the directory chain points back into itself */
};

static tmsize_t
tiff_read(thandle_t h, void *out, tmsize_t n)
{
    struct tiff_src *s = h;
    toff_t k = n < 0 ? 0 : (toff_t)n;
    if (s->pos >= s->len)
        return 0;
    if (k > s->len - s->pos)
        k = s->len - s->pos;
    memcpy(out, s->buf + s->pos, (size_t)k);
    s->pos += k;
    return (tmsize_t)k;
}

static tmsize_t
tiff_write(thandle_t h, void *p, tmsize_t n)
{
    (void)h;
    (void)p;
    (void)n;
    return -1;
}

static toff_t
tiff_seek(thandle_t h, toff_t off, int whence)
{
    struct tiff_src *s = h;
    toff_t base = whence == SEEK_CUR ? s->pos : whence == SEEK_END ? s->len : 0;
    if (off > (toff_t)-1 - base)
        return (toff_t)-1;
    s->pos = base + off;
    return s->pos;
}

static int
tiff_close(thandle_t h)
{
    (void)h;
    return 0;
}

static toff_t
tiff_size(thandle_t h)
{
    return ((struct tiff_src *)h)->len;
}

static int
tiff_map(thandle_t h, void **base, toff_t *size)
{
    (void)h;
    (void)base;
    (void)size;
    return 0;
}

static void
tiff_unmap(thandle_t h, void *base, toff_t size)
{
    (void)h;
    (void)base;
    (void)size;
}

static int
tiff_error(TIFF *tif, void *user, const char *module, const char *fmt, va_list ap)
{
    struct tiff_src *s = user;
    (void)tif;
    (void)module;
    if (s->msg[0] == '\0')
        vsnprintf(s->msg, sizeof s->msg, fmt, ap);
    return 1;
}

/* Unknown tags and the like do not touch the pixels. libtiff only warns
 * of a page chain that loops, and stops it: pages could be missing, so
 * that one is an error here. */
static int
tiff_warning(TIFF *tif, void *user, const char *module, const char *fmt, va_list ap)
{
    struct tiff_src *s = user;
    char tmp[256];
    (void)tif;
    (void)module;
    vsnprintf(tmp, sizeof tmp, fmt, ap);
    if (strstr(tmp, "IFD looping") != NULL)
        s->loop = 1;
    return 1;
}

/* The directory chain walked to its end, each page's size checked from its
 * header before any page is decoded: the page count in a header (PageNumber)
 * is not trusted, and a file of a thousand 50-megapixel fax pages that
 * compresses to a few kilobytes is refused here, not decoded for minutes.
 * Fills dims (one per page, the caller frees). The number of pages, or -1. */
static int
tiff_walk(TIFF *tif, struct tiff_src *src, cp_image_dims **dims, const char *display,
          cp_diags *diags)
{
    int n = 0, cap = 0;
    double total = 0;
    *dims = NULL;
    do {
        if (n == CP_IMAGE_MAX_PAGES) {
            cp_error(diags, CP_INPUT, display, 0, 0, "the TIFF file has more than %d pages, "
                     "the most one picture file may have; split it into smaller files",
                     CP_IMAGE_MAX_PAGES);
            goto fail;
        }
        uint32_t w = 0, h = 0;
        uint16_t spp = 1, photometric = PHOTOMETRIC_MINISBLACK;
        tf.TIFFGetField(tif, TIFFTAG_IMAGEWIDTH, &w);
        tf.TIFFGetField(tif, TIFFTAG_IMAGELENGTH, &h);
        tf.TIFFGetFieldDefaulted(tif, TIFFTAG_SAMPLESPERPIXEL, &spp);
        tf.TIFFGetField(tif, TIFFTAG_PHOTOMETRIC, &photometric);
        char what[48];
        if (n == 0)
            snprintf(what, sizeof what, "TIFF");
        else
            snprintf(what, sizeof what, "TIFF (page %d)", n + 1);
        if (cp_image_check_size((long)w, (long)h, what, display, diags) < 0)
            goto fail;
        total += (double)w * (double)h;
        if (total > (double)CP_IMAGE_MAX_TOTAL_PIXELS) {
            cp_error(diags, CP_INPUT, display, 0, 0, "the TIFF file's pages hold more than "
                     "%ld megapixels together (reached at page %d), the most one picture "
                     "file may decode to; split it into smaller files",
                     CP_IMAGE_MAX_TOTAL_PIXELS / 1000000, n + 1);
            goto fail;
        }
        if (n == cap) {
            cap = cap ? cap * 2 : 4;
            *dims = xreallocarray(*dims, (size_t)cap, sizeof **dims);
        }
        (*dims)[n].width = (int)w;
        (*dims)[n].height = (int)h;
        (*dims)[n].cs = spp == 1 && photometric != PHOTOMETRIC_PALETTE ? CP_CS_GRAY : CP_CS_RGB;
        n++;
    } while (tf.TIFFReadDirectory(tif));
    if (src->msg[0] != '\0' || src->loop) {
        cp_error(diags, CP_INPUT, display, 0, 0, "damaged TIFF image: %s",
                 src->loop ? "the chain of pages loops back on itself" : src->msg);
        goto fail;
    }
    return n;
fail:
    free(*dims);
    *dims = NULL;
    return -1;
}

/* The Orientation values libtiff's RGBA interface turns upside down
 * when asked for rows from the top left (it flips, never transposes). */
static int
flips_vertically(uint16_t o)
{
    return o == ORIENTATION_BOTLEFT || o == ORIENTATION_BOTRIGHT || o == ORIENTATION_LEFTBOT ||
           o == ORIENTATION_RIGHTBOT;
}

/* Decode the current directory's picture, upright, a band of whole strips
 * or tiles at a time, into rows: gray (one channel) or RGBA. The RGBA
 * interface is asked for each band's rows (row_offset) as it is for the
 * whole page by TIFFReadRGBAImageOriented, so the pixels are the same;
 * a page stored from the bottom up has its bands decoded from the
 * bottom. Memory is a band's, never the page's. `page` names it in
 * messages (of `pages`). 0 or -1. */
static int
tiff_decode(TIFF *tif, struct tiff_src *src, cp_image *img, uint32_t w, uint32_t h, int gray,
            int page, int pages, cp_rows *rows, const char *display, cp_diags *diags)
{
    char where[48] = "";
    if (pages > 1)
        snprintf(where, sizeof where, " (page %d of %d)", page + 1, pages);
    char why[1024] = "";
    TIFFRGBAImage ri;
    if (!tf.TIFFRGBAImageOK(tif, why)) {
        cp_error(diags, CP_INPUT, display, 0, 0, "TIFF image that claimpack cannot decode%s: %s",
                 where, why);
        return -1;
    }
    if (!tf.TIFFRGBAImageBegin(&ri, tif, 1, why)) {
        cp_error(diags, CP_INPUT, display, 0, 0, "damaged TIFF image%s: %s", where,
                 src->msg[0] ? src->msg : why[0] ? why : "the picture data cannot be decoded");
        return -1;
    }
    ri.req_orientation = ORIENTATION_TOPLEFT;
    uint32_t unit = 0;
    if (tf.TIFFIsTiled(tif))
        tf.TIFFGetField(tif, TIFFTAG_TILELENGTH, &unit);
    else
        tf.TIFFGetFieldDefaulted(tif, TIFFTAG_ROWSPERSTRIP, &unit);
    if (unit == 0 || unit > h)
        unit = h;
    /* Whole units of some 4 MB of raster, or one unit when it is more. */
    uint32_t band = unit;
    uint64_t unit_bytes = (uint64_t)unit * w * 4;
    if (unit_bytes < (4u << 20))
        band = unit * (uint32_t)((4u << 20) / unit_bytes);
    if (band > h)
        band = h;
    uint32_t nb = (h + band - 1) / band;
    int flip = flips_vertically(ri.orientation);
    uint32_t *raster = xmalloc((size_t)w * band * sizeof *raster);
    unsigned char *line = xmalloc((size_t)w * 4);
    int ret = 0;
    cp_rows_begin(rows, img, (int)w, (int)h, gray ? 1 : 4);
    for (uint32_t k = 0; k < nb && ret == 0; k++) {
        uint32_t b = flip ? nb - 1 - k : k, y0 = b * band, n = h - y0 < band ? h - y0 : band;
        ri.row_offset = (int)y0;
        ri.col_offset = 0;
        if (!tf.TIFFRGBAImageGet(&ri, raster, w, n) || src->msg[0] != '\0') {
            cp_error(diags, CP_INPUT, display, 0, 0, "damaged TIFF image%s: %s", where,
                     src->msg[0] ? src->msg : "the picture data cannot be decoded");
            ret = -1;
            break;
        }
        if (rows->fn == NULL)
            continue;
        /* TIFFGetR..A unpack the ABGR words the RGBA interface fills. */
        for (uint32_t r = 0; r < n && ret == 0; r++) {
            const uint32_t *src_row = raster + (size_t)r * w;
            for (uint32_t x = 0; x < w; x++) {
                uint32_t v = src_row[x];
                if (gray) {
                    line[x] = (unsigned char)TIFFGetR(v);
                    continue;
                }
                line[x * 4] = (unsigned char)TIFFGetR(v);
                line[x * 4 + 1] = (unsigned char)TIFFGetG(v);
                line[x * 4 + 2] = (unsigned char)TIFFGetB(v);
                line[x * 4 + 3] = (unsigned char)TIFFGetA(v);
            }
            ret = cp_rows_put(rows, line);
        }
    }
    cp_rows_end(rows);
    tf.TIFFRGBAImageEnd(&ri);
    free(raster);
    free(line);
    return ret;
}

int
cp_image_tiff_page(cp_image *img, const unsigned char *buf, size_t len, int page,
                   cp_rows *rows, const char *display, cp_diags *diags)
{
    struct tiff_src src = { buf, len, 0, "", 0 };
    cp_image_dims *dims = NULL;
    int ret = -1;
    int load = rows->fn != NULL;

    memset(img, 0, sizeof *img);
    img->orientation = 1;
    img->frames = 1;
    if (tiff_open(display, diags) < 0)
        return -1;
    TIFFOpenOptions *opts = tf.TIFFOpenOptionsAlloc();
    tf.TIFFOpenOptionsSetErrorHandlerExtR(opts, tiff_error, &src);
    tf.TIFFOpenOptionsSetWarningHandlerExtR(opts, tiff_warning, &src);
    /* No one buffer of a picture within the limits needs more. */
    tf.TIFFOpenOptionsSetMaxSingleMemAlloc(opts, (tmsize_t)CP_IMAGE_MAX_PIXELS * 8);
    TIFF *tif = tf.TIFFClientOpenExt(display, "rm", &src, tiff_read, tiff_write, tiff_seek,
                                  tiff_close, tiff_size, tiff_map, tiff_unmap, opts);
    tf.TIFFOpenOptionsFree(opts);
    if (tif == NULL) {
        cp_error(diags, CP_INPUT, display, 0, 0, "damaged TIFF image: %s",
                 src.msg[0] ? src.msg : "the header cannot be read");
        return -1;
    }
    int pages = tiff_walk(tif, &src, &dims, display, diags);
    if (pages < 0)
        goto cleanup;
    if (page < 0 || page >= pages) {
        cp_error(diags, CP_INPUT, display, 0, 0, "the TIFF file has %d pages, not %d", pages,
                 page + 1);
        goto cleanup;
    }
    /* Checking decodes every page, one at a time; loading only the one asked
     * for, whose rows go to rows->fn. */
    for (int k = load ? page : 0; k < (load ? page + 1 : pages); k++) {
        if (!tf.TIFFSetDirectory(tif, (tdir_t)k)) {
            cp_error(diags, CP_INPUT, display, 0, 0, "damaged TIFF image (page %d of %d): %s",
                     k + 1, pages, src.msg[0] ? src.msg : "its directory cannot be read");
            goto cleanup;
        }
        if (tiff_decode(tif, &src, img, (uint32_t)dims[k].width, (uint32_t)dims[k].height,
                        dims[k].cs == CP_CS_GRAY, k, pages, rows, display, diags) < 0)
            goto cleanup;
    }
    img->pages = pages;
    img->page = page;
    /* The header fields are the page's asked for (check decoded them all). */
    int one = dims[page].cs == CP_CS_GRAY;
    img->width = dims[page].width;
    img->height = dims[page].height;
    img->bits = 8;
    img->cs = one ? CP_CS_GRAY : CP_CS_RGB;
    img->size = (size_t)img->width * (size_t)img->height * (one ? 1 : 3);
    if (pages > 1) {
        img->page_dims = dims;
        dims = NULL;
    }
    ret = 0;

cleanup:
    if (ret < 0) {
        free(img->page_dims);
        img->page_dims = NULL;
    }
    free(dims);
    tf.TIFFClose(tif);
    return ret;
}
