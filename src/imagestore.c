/* imagestore.c: the pictures, appended to the output as an incremental
 * update (see assemble.h).
 *
 * qpdf writes the document with a small placeholder image for each picture,
 * marked with a key that holds a nonce and the picture's index. This file
 * finds the placeholders' object numbers in what qpdf wrote, then appends
 * the real image XObjects under those numbers, and a cross-reference stream
 * that points back (/Prev) to qpdf's: a reader takes the newest version of
 * each object, so the pages show the pictures. The bulk of a pack is photo
 * data, and this way it is copied once, from the evidence file straight
 * into the output, instead of into a scratch PDF first and then through
 * qpdf's reader and writer.
 *
 * JPEG data goes through byte for byte (DCTDecode), except arithmetic-coded
 * JPEG, which is decoded and deflated. A PNG whose rows can be
 * used as they are (not interlaced, no alpha, no transparency) goes through
 * as its compressed IDAT data with PNG predictors declared, so it is neither
 * decoded nor re-encoded; any other PNG is decoded by image-png.c and
 * deflated here, its alpha becoming a soft mask. The decoded formats
 * (image.h) are written anew: photos as JPEG, the rest deflated like a
 * decoded PNG. Every file was validated by cp_image_probe before it gets
 * here.
 */
#include "config.h"
#include "assemble.h"
#include "chat.h"
#include "claimpack/evidence.h"
#include "downsample.h"
#include "output.h"
#include "reread.h"
#include "util.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <pthread.h>
#include <unistd.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <zlib.h>

typedef struct xref_entry {
    int num;
    off_t offset;
} xref_entry;

typedef struct store {
    FILE *fp;
    const char *path;
    xref_entry *xref;       /* every object appended, in writing order */
    size_t n_xref, cap;
    int next_num;           /* the next unused object number */
    int failed;             /* a write failed: errno saved in err */
    int err;
} store;

/* A new object number, past every number in the file so far. */
static int
store_new_obj(store *s)
{
    return s->next_num++;
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
    if (s->n_xref == s->cap) {
        s->cap = s->cap ? s->cap * 2 : 64;
        s->xref = xreallocarray(s->xref, s->cap, sizeof *s->xref);
    }
    s->xref[s->n_xref].num = num;
    s->xref[s->n_xref].offset = ftello(s->fp);
    s->n_xref++;
    store_printf(s, "%d 0 obj\n", num);
}

/* --- compressed streams, held or spilled ---------------------------- */

/* A picture's stream as the preparing makes it (deflated rows, or our
 * JPEG encoder's output). Most are a few megabytes and stay in memory
 * until written. Past SPILL_AT bytes (a large picture that does not
 * compress: a photo saved as PNG, noise, a scan's grain) the stream goes
 * on into an unnamed scratch file (cp_scratch_unnamed) in the output's
 * folder, so that a picture waiting to be written holds SPILL_AT bytes a
 * stream at most, not a second copy of itself beside the file it came
 * from: within the 256 MB a build may take (tests/memory.test). */
#define SPILL_AT ((size_t)8 << 20)

typedef struct zsink {
    cp_buf mem;                  /* the stream while it is held */
    const char *dir;             /* where it spills: the output's folder */
    bool spilled;                /* then in fd, from offset 0 */
    int fd;
    uint64_t len;                /* its length, held or spilled */
    int err;                     /* the errno of a failed spill, or 0 */
} zsink;

static void
zsink_init(zsink *z, const char *dir)
{
    memset(z, 0, sizeof *z);
    z->dir = dir;
    z->fd = -1;
}

/* Append n bytes; -1 (z->err set) when the spill cannot be written. */
static int
zsink_add(zsink *z, const void *p, size_t n)
{
    if (z->err)
        return -1;
    if (!z->spilled && z->mem.len + n <= SPILL_AT) {
        cp_buf_add(&z->mem, p, n);
        z->len += n;
        return 0;
    }
    if (!z->spilled) {
        z->fd = cp_scratch_unnamed(z->dir);
        if (z->fd < 0) {
            z->err = errno ? errno : EIO;
            return -1;
        }
        z->spilled = true;
        if (cp_write_all(z->fd, z->mem.data, z->mem.len) < 0) {
            z->err = errno ? errno : EIO;
            return -1;
        }
        cp_buf_free(&z->mem);
    }
    if (cp_write_all(z->fd, p, n) < 0) {
        z->err = errno ? errno : EIO;
        return -1;
    }
    z->len += n;
    return 0;
}

static void
zsink_free(zsink *z)
{
    cp_buf_free(&z->mem);
    if (z->spilled)
        close(z->fd);
    z->fd = -1;
    z->spilled = false;
    z->len = 0;
}

/* Why a picture's streams could not be made: a spill that could not be
 * written (a full disk, most likely), or else zlib. */
static void
compress_failed(cp_diags *d, const char *display, const zsink *a, const zsink *b)
{
    const zsink *z = a && a->err ? a : b && b->err ? b : NULL;
    if (z == NULL) {
        cp_error(d, CP_INPUT, display, 0, 0, "could not compress the picture");
        return;
    }
    cp_error(d, CP_OUTPUT, display, 0, 0, "cannot set the compressed picture aside in a "
             "temporary file in %s: %s; make room there and build again", z->dir,
             strerror(z->err));
}

/* The JPEG encoder's output into a stream (cp_ds_target's put). */
static int
zsink_put(void *ctx, const void *p, size_t n)
{
    return zsink_add(ctx, p, n);
}

/* The JPEG encoder's result: its diagnostics, made in `jd`, unless its
 * stream could not be set aside, which compress_failed says instead. */
static void relay_diags(cp_diags *to, const cp_diags *from);
static void
jpeg_result(cp_diags *d, const char *display, cp_diags *jd, const zsink *z)
{
    if (z->err)
        compress_failed(d, display, z, NULL);
    else
        relay_diags(d, jd);
    cp_diags_free(jd);
}

/* Take src's stream into dst (freed first); src is left empty. */
static void
zsink_move(zsink *dst, zsink *src)
{
    zsink_free(dst);
    *dst = *src;
    zsink_init(src, dst->dir);
}

/* A stream's bytes into the output, from memory or from its spill. */
static void
store_write_sink(store *s, const zsink *z)
{
    if (!z->spilled) {
        store_write(s, z->mem.data, z->mem.len);
        return;
    }
    char *chunk = xmalloc((size_t)1 << 20);
    for (uint64_t off = 0; off < z->len && !s->failed;) {
        size_t want = z->len - off < ((uint64_t)1 << 20) ? (size_t)(z->len - off) : (size_t)1 << 20;
        ssize_t got = pread(z->fd, chunk, want, (off_t)off);
        if (got < 0 && errno == EINTR)
            continue;
        if (got <= 0) {
            s->failed = 1;
            s->err = got < 0 ? errno : EIO;
            break;
        }
        store_write(s, chunk, (size_t)got);
        off += (uint64_t)got;
    }
    free(chunk);
}

/* Read a picture again for embedding: the bytes read here are the ones
 * checked and written, and they are held to the file the index describes
 * (reread.h), so the PDF holds exactly that file, whatever happened to it
 * since. */
static int
read_picture(char **buf, size_t *len, const cp_asm_image *im, cp_diags *d)
{
    struct stat before, after;
    if (im->member) {
        if (cp_chat_pic_read(buf, len, im->path, im->member, im->display, d) < 0)
            return -1;
    } else if (cp_read_file_stat(buf, len, im->path, (size_t)CP_IMAGE_MAX_BYTES, &before,
                                 &after) < 0) {
        cp_error(d, CP_INPUT, im->display, 0, 0, "could not read the picture again: %s",
                 strerror(errno));
        return -1;
    }
    cp_reread_want want = { im->member ? NULL : im->stamp, im->sum, im->sha256 };
    int rc = cp_reread_check(&want, *buf, *len, &before, &after, im->display, d);
    if (rc == 0 && im->info->is_jpeg && *len != im->info->size) {
        cp_error(d, CP_INPUT, im->display, 0, 0, "the file changed while the PDF was being "
                 "made (its size is no longer the one it was checked with); build again");
        rc = -1;
    }
    if (rc < 0) {
        free(*buf);
        *buf = NULL;
    }
    return rc;
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

static void
jpeg_header(store *s, int num, const cp_image *info, size_t size)
{
    store_begin_obj(s, num);
    store_printf(s, "<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace %s "
                    "/BitsPerComponent 8 /Filter /DCTDecode /Length %zu",
                 info->width, info->height, cs_name(info->cs), size);
    if (info->cs == CP_CS_CMYK && info->adobe_inverted)
        store_printf(s, " /Decode [1 0 1 0 1 0 1 0]");
    store_printf(s, " >>\nstream\n");
}

/* --- PNG pass-through ------------------------------------------------- */

static uint32_t
be32(const unsigned char *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

/* The chunks a PNG that passes through needs: its palette and its IDAT
 * chunks' data point into the file's bytes, which are written from where
 * they are (a 150 MB PNG is not copied beside itself). */
typedef struct png_span {
    const unsigned char *p;
    size_t n;
} png_span;

typedef struct png_raw {
    uint32_t width, height;
    int depth, color_type, interlace;
    int has_trns;
    const unsigned char *plte;
    size_t plte_len;
    png_span *idat;
    size_t n_idat, cap_idat;
    size_t idat_len;             /* of all its IDAT data */
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
    cp_png_chunk c;
    int rc;
    while ((rc = cp_png_chunk_next(&c, buf, len, &pos)) != 0) {
        if (rc < 0)
            return -1;
        const unsigned char *type = c.type, *data = c.data;
        uint32_t n = c.len;
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
            if (r->n_idat == r->cap_idat) {
                r->cap_idat = r->cap_idat ? 2 * r->cap_idat : 16;
                r->idat = xreallocarray(r->idat, r->cap_idat, sizeof *r->idat);
            }
            r->idat[r->n_idat++] = (png_span){ data, n };
            r->idat_len += n;
        } else if (memcmp(type, "IEND", 4) == 0) {
            break;
        }
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
write_png_raw(store *s, int num, const png_raw *r)
{
    int colors = r->color_type == 2 ? 3 : 1;
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
                 colors, r->depth, r->width, r->idat_len);
    for (size_t i = 0; i < r->n_idat; i++)
        store_write(s, r->idat[i].p, r->idat[i].n);
    store_printf(s, "\nendstream\nendobj\n");
    return num;
}

/* --- decoded pixels --------------------------------------------------- */

/* Rows deflated as they come, with the PNG "Up" predictor in front of each
 * row: cheap, and screenshots shrink a lot more than without it. The
 * previous row is all that is kept of the picture. */
typedef struct row_deflater {
    z_stream z;
    zsink *out;
    size_t row_bytes;
    unsigned char *line;         /* filter byte + the row's differences */
    unsigned char *prev;         /* the previous row, zeros before the first */
    int failed;
} row_deflater;

static int
rows_begin(row_deflater *d, zsink *out, size_t row_bytes)
{
    memset(d, 0, sizeof *d);
    if (deflateInit(&d->z, 6) != Z_OK)
        return -1;
    d->out = out;
    d->row_bytes = row_bytes;
    d->line = xmalloc(row_bytes + 1);
    d->prev = xcalloc(1, row_bytes ? row_bytes : 1);
    return 0;
}

static int
rows_feed(row_deflater *d, const unsigned char *cur, int flush)
{
    unsigned char chunk[65536];
    if (cur) {
        d->line[0] = 2;
        for (size_t i = 0; i < d->row_bytes; i++)
            d->line[i + 1] = (unsigned char)(cur[i] - d->prev[i]);
        memcpy(d->prev, cur, d->row_bytes);
        d->z.next_in = d->line;
        d->z.avail_in = (uInt)(d->row_bytes + 1);
    }
    do {
        d->z.next_out = chunk;
        d->z.avail_out = sizeof chunk;
        if (deflate(&d->z, flush) == Z_STREAM_ERROR ||
            zsink_add(d->out, chunk, sizeof chunk - d->z.avail_out) < 0)
            d->failed = 1;
    } while (d->z.avail_out == 0 && !d->failed);
    return d->failed ? -1 : 0;
}

/* Finish the stream (when rc is 0) and free; the stream's result. */
static int
rows_end(row_deflater *d, int rc)
{
    if (rc == 0)
        rc = rows_feed(d, NULL, Z_FINISH);
    deflateEnd(&d->z);
    free(d->line);
    free(d->prev);
    return rc;
}

/* An image object of deflated rows (Predictor 12 above), its data in z. */
static int
write_flate_stream(store *s, int num, int width, int height, const char *cs, int colors,
                   int bits, const zsink *z, int smask)
{
    if (num <= 0)
        num = store_new_obj(s);
    store_begin_obj(s, num);
    store_printf(s, "<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace %s "
                    "/BitsPerComponent %d /Filter /FlateDecode /DecodeParms << /Predictor 12 "
                    "/Colors %d /BitsPerComponent %d /Columns %d >> ",
                 width, height, cs, bits, colors, bits, width);
    if (smask > 0)
        store_printf(s, "/SMask %d 0 R ", smask);
    store_printf(s, "/Length %" PRIu64 " >>\nstream\n", z->len);
    store_write_sink(s, z);
    store_printf(s, "\nendstream\nendobj\n");
    return num;
}

/* A PNG's rows (or an arithmetic-coded JPEG's) into two deflated streams,
 * colour and mask, as they are decoded: only the compressed picture is
 * held, never its pixels. */
typedef struct png_rows {
    row_deflater colour, alpha;
    zsink *colour_z, *alpha_z;   /* the prepared picture's */
    int started, has_alpha;
    bool stopped;                /* a stream failed: the decode was stopped */
    const cp_image *img;         /* its header fields are set before the first row */
} png_rows;

static int
png_row_put(png_rows *r, const unsigned char *colour, const unsigned char *alpha)
{
    if (!r->started) {
        r->started = 1;
        r->has_alpha = alpha != NULL;
        size_t w = (size_t)r->img->width;
        size_t colour_row = w * (size_t)cs_components(r->img->cs) * (size_t)(r->img->bits / 8);
        if (rows_begin(&r->colour, r->colour_z, colour_row) < 0)
            return -1;
        if (r->has_alpha && rows_begin(&r->alpha, r->alpha_z, w) < 0) {
            r->has_alpha = 0;
            return -1;
        }
    }
    if (rows_feed(&r->colour, colour, Z_NO_FLUSH) < 0)
        return -1;
    return r->has_alpha ? rows_feed(&r->alpha, alpha, Z_NO_FLUSH) : 0;
}

static int
png_row(void *ctx, const unsigned char *colour, const unsigned char *alpha)
{
    png_rows *r = ctx;
    int rc = png_row_put(r, colour, alpha);
    r->stopped = rc < 0;
    return rc;
}


/* --- the decoded formats ------------------------------------------- */

/* --- preparing a picture, and writing it ---------------------------- */

/* Every picture is prepared apart from the writing: read again from the
 * file the index's SHA-256 was taken of (read_picture), checked (and
 * decoded, for the formats written anew) as check does, by prepare(), which
 * touches no shared state. The checking is the cost of a pack: libjpeg's
 * entropy decoding of every photo, the inflating of every screenshot's
 * rows (image-png.c), the decoding of a phone's
 * HEIC photo (12 megapixels of HEVC). So the pictures are prepared by as
 * many threads as the machine has cores, up to PREP_THREADS, a few ahead of
 * the writing, and written in order (emit), so the PDF is the same bytes
 * whatever the timing and the first picture refused is the one reported. */
enum prep_kind {
    PREP_OWN,                    /* a JPEG of our own encoder (--max-size): im->data */
    PREP_JPEG,                   /* the file's JPEG segments that go in: spans of buf */
    PREP_PNG,                    /* a PNG's compressed rows as they are: png */
    PREP_PIXELS,                 /* pixels compressed anew: colour, mask */
};

typedef struct prepared {
    int rc;                      /* 0 prepared, -1 failed (diags says why) */
    cp_diags diags;
    enum prep_kind kind;
    char *buf;                   /* PREP_JPEG, PREP_PNG: the bytes read and checked */
    cp_jpeg_spans spans;         /* PREP_JPEG */
    png_raw png;                 /* PREP_PNG: its palette points into buf */
    int width, height;           /* PREP_PIXELS ... */
    enum cp_colorspace cs;
    int bits;                    /* of the colour stream: 1 for a bilevel page */
    bool jpeg;                   /* colour is a baseline JPEG, else deflated rows */
    zsink colour, mask;          /* mask: deflated 8-bit rows, empty when opaque */
    const char *dir;             /* where colour and mask spill (zsink) */
} prepared;

/* A photo goes in as the segments the decoder needs (cp_image_jpeg_spans):
 * no EXIF (GPS position, camera serial, owner), XMP, IPTC or comment unless
 * keep_metadata, and never what follows the picture. The orientation the
 * EXIF data gave is applied by the page's drawing (assemble.c), not carried.
 * The walk and the decode check are check's, on the bytes written.
 * Arithmetic-coded JPEG is legal in PDF, but many viewers (and printers)
 * show nothing for it: it is decoded and its pixels deflated instead. */
static void
prepare_jpeg(prepared *out, const cp_asm_image *im)
{
    cp_diags *d = &out->diags;
    out->rc = -1;
    if (im->data) {
        out->kind = PREP_OWN;
        out->rc = 0;
        return;
    }
    size_t len;
    if (read_picture(&out->buf, &len, im, d) < 0)
        return;
    const unsigned char *u = (const unsigned char *)out->buf;
    out->spans.keep_metadata = im->keep_metadata;
    cp_image seen;
    if (cp_image_jpeg_spans(&seen, &out->spans, u, len, im->display, d) < 0)
        return;
    if (!im->info->arithmetic) {
        out->kind = PREP_JPEG;
        out->rc = 0;
        return;
    }
    cp_image img;
    memset(&img, 0, sizeof img);
    png_rows pr;
    memset(&pr, 0, sizeof pr);
    pr.img = &img;
    pr.colour_z = &out->colour;
    pr.alpha_z = &out->mask;
    int rc = cp_image_jpeg_rows(&img, u, len, png_row, &pr, im->display, d);
    int colour_rc = pr.started ? rows_end(&pr.colour, rc) : -1;
    if (pr.stopped || (rc == 0 && colour_rc < 0)) {
        compress_failed(d, im->display, &out->colour, NULL);
    } else if (rc == 0) {
        out->kind = PREP_PIXELS;
        out->width = img.width;
        out->height = img.height;
        out->cs = img.cs;
        out->bits = 8;
        out->rc = 0;
    }
}

/* A PNG is checked whatever happens next, as check checks it (cp_image_png):
 * compressed data that passes through must be known to inflate to the
 * whole picture.
 * One whose rows cannot go through as they are is deflated row by row as
 * it is decoded (png_rows). */
static void
prepare_png(prepared *out, const cp_asm_image *im)
{
    cp_diags *d = &out->diags;
    size_t len = 0;
    out->rc = -1;
    if (read_picture(&out->buf, &len, im, d) < 0)
        return;
    const unsigned char *u = (const unsigned char *)out->buf;
    bool pass = png_scan(&out->png, u, len) == 0 && png_passthrough_ok(&out->png);
    cp_image *img = xcalloc(1, sizeof *img);
    if (pass) {
        if (cp_image_png(img, u, len, 0, im->display, d) == 0) {
            out->kind = PREP_PNG;
            out->rc = 0;
        }
        cp_image_free(img);
        return;
    }
    /* The pixels are all in the streams once decoded: the file goes. */
    free(out->png.idat);
    out->png.idat = NULL;
    png_rows pr;
    memset(&pr, 0, sizeof pr);
    pr.img = img;
    pr.colour_z = &out->colour;
    pr.alpha_z = &out->mask;
    int rc = cp_image_png_rows(img, u, len, png_row, &pr, im->display, d);
    free(out->buf);
    out->buf = NULL;
    int colour_rc = pr.started ? rows_end(&pr.colour, rc) : -1;
    int alpha_rc = pr.has_alpha ? rows_end(&pr.alpha, rc) : 0;
    if (pr.stopped || (rc == 0 && (colour_rc < 0 || alpha_rc < 0))) {
        compress_failed(d, im->display, &out->colour, &out->mask);
    } else if (rc == 0) {
        out->kind = PREP_PIXELS;
        out->width = img->width;
        out->height = img->height;
        out->cs = img->cs;
        out->bits = img->bits;
        if (!pr.has_alpha || !img->alpha_size)
            zsink_free(&out->mask);
        out->rc = 0;
    }
    cp_image_free(img);
}

/* A decoded picture's rows (cp_image_decode_rows) into out as they come:
 * the mask and the colour deflated, or the colour to the JPEG encoder.
 * A grey page is deflated a second time packed to one bit a pixel, rows
 * padded to a byte as a PDF image's are, while every row so far is
 * black and white only (a fax or a scan: TIFF CCITT G3 and G4 come
 * decoded to 8-bit grey), so that the page stays as small as the file it
 * came from; the first grey pixel ends that stream. */
typedef struct decode_rows {
    prepared *out;
    const cp_image *img;         /* its header fields are set before the first row */
    bool started, has_alpha, bilevel;
    bool stopped;                /* a deflated stream failed: the decode was stopped */
    row_deflater colour, alpha, packed;
    zsink packed_z;
    unsigned char *packed_row;
    cp_ds_rows *jpeg;
    cp_ds_target t;
} decode_rows;

static int
decoded_row_put(decode_rows *r, const unsigned char *colour, const unsigned char *alpha)
{
    const cp_image *img = r->img;
    size_t w = (size_t)img->width;
    if (!r->started) {
        r->started = true;
        if (alpha != NULL && rows_begin(&r->alpha, &r->out->mask, w) < 0)
            return -1;
        r->has_alpha = alpha != NULL;
        if (img->lossy) {
            r->t.width = img->width;
            r->t.height = img->height;
            r->t.quality = CP_IMAGE_PHOTO_QUALITY;
            r->t.put = zsink_put;
            r->t.put_ctx = &r->out->colour;
            r->jpeg = cp_ds_rows_begin(&r->t, 1, img->width, img->height, img->cs);
        } else {
            if (rows_begin(&r->colour, &r->out->colour, w * (size_t)cs_components(img->cs)) < 0)
                return -1;
            r->bilevel = img->cs == CP_CS_GRAY && alpha == NULL &&
                         rows_begin(&r->packed, &r->packed_z, (w + 7) / 8) == 0;
            if (r->bilevel)
                r->packed_row = xmalloc((w + 7) / 8);
        }
    }
    if (r->has_alpha && rows_feed(&r->alpha, alpha, Z_NO_FLUSH) < 0)
        return -1;
    /* The colour alone goes to the JPEG: the mask says what is transparent. */
    if (r->jpeg != NULL)
        return cp_ds_rows_put(r->jpeg, colour, NULL);
    if (r->bilevel) {
        memset(r->packed_row, 0, (w + 7) / 8);
        for (size_t x = 0; x < w && r->bilevel; x++) {
            if (colour[x] != 0 && colour[x] != 0xFF)
                r->bilevel = false;
            else if (colour[x])
                r->packed_row[x / 8] |= (unsigned char)(0x80 >> (x % 8));
        }
        if (!r->bilevel) {
            rows_end(&r->packed, -1);
            zsink_free(&r->packed_z);
        } else if (rows_feed(&r->packed, r->packed_row, Z_NO_FLUSH) < 0) {
            return -1;
        }
    }
    return rows_feed(&r->colour, colour, Z_NO_FLUSH);
}

static int
decoded_row(void *ctx, const unsigned char *colour, const unsigned char *alpha)
{
    decode_rows *r = ctx;
    if (decoded_row_put(r, colour, alpha) == 0)
        return 0;
    /* The JPEG encoder's own failure is reported by cp_ds_rows_end. */
    r->stopped = r->jpeg == NULL || r->alpha.failed;
    return -1;
}

/* HEIC, AVIF, WebP, GIF, TIFF, BMP: the bytes read again are checked and
 * decoded by the format's loader (as check decodes them), then written
 * anew. A photo (`lossy`) becomes a baseline JPEG at its full size
 * (deflating photo pixels would make the pack many times larger), the rest
 * (screenshots, scans, few colours) is deflated without loss. An alpha
 * channel stays a deflated soft mask either way. Metadata stays behind
 * with the file: only pixels are written. The pixels go from the decoder
 * to the compressors row by row: what is held is the decoder's own buffer
 * (image.h says which hold the picture whole) and the compressed output. */
static void
prepare_decoded(prepared *out, const cp_asm_image *im)
{
    char *buf = NULL;
    size_t len = 0;
    cp_diags *d = &out->diags;
    out->rc = -1;
    out->kind = PREP_PIXELS;
    if (read_picture(&buf, &len, im, d) < 0)
        return;
    const unsigned char *u = (const unsigned char *)buf;
    cp_image *img = xcalloc(1, sizeof *img);
    int fmt = cp_image_sniff(u, len);
    int rc = 1;
    if (fmt == CP_IMG_HEIC || fmt == CP_IMG_AVIF)
        rc = cp_image_heif_planes(img, u, len, im->display, d);
    if (rc < 0)
        goto cleanup;
    decode_rows r;
    memset(&r, 0, sizeof r);
    r.out = out;
    r.img = img;
    zsink_init(&r.packed_z, out->dir);
    if (rc == 1) {
        rc = cp_image_decode_rows(img, u, len, im->page, decoded_row, &r, im->display, d);
        int colour_rc = r.colour.line ? rows_end(&r.colour, rc) : 0;
        int alpha_rc = r.has_alpha ? rows_end(&r.alpha, rc) : 0;
        int packed_rc = r.bilevel ? rows_end(&r.packed, rc) : 0;
        int jpeg_rc = 0;
        if (r.jpeg) {
            cp_diags jd = CP_DIAGS_INIT;
            jpeg_rc = cp_ds_rows_end(r.jpeg, rc == 0, im->display, &jd);
            jpeg_result(d, im->display, &jd, &out->colour);
        }
        free(r.packed_row);
        if (r.stopped || (rc == 0 && (colour_rc < 0 || alpha_rc < 0 || packed_rc < 0)))
            compress_failed(d, im->display, r.packed_z.err ? &r.packed_z : &out->colour,
                            &out->mask);
        if (rc < 0 || colour_rc < 0 || alpha_rc < 0 || packed_rc < 0 || jpeg_rc < 0 ||
            !r.started) {
            zsink_free(&r.packed_z);
            goto cleanup;
        }
    }
    /* The build checked HEIC and AVIF by their header only: the picture
     * must be what the pages were laid out for. */
    if (img->width != im->info->width || img->height != im->info->height) {
        cp_error(d, CP_INPUT, im->display, 0, 0, "damaged picture: it decodes to %dx%d pixels, "
                 "not the %dx%d its header gives", img->width, img->height, im->info->width,
                 im->info->height);
        zsink_free(&r.packed_z);
        goto cleanup;
    }
    out->width = img->width;
    out->height = img->height;
    out->bits = 8;
    if (img->alpha_size == 0)       /* opaque everywhere: no mask */
        zsink_free(&out->mask);
    if (img->plane[0]) {      /* a HEIC or AVIF photo's planes, libheif's */
        free(buf);
        buf = NULL;
        cp_ds_target t;
        memset(&t, 0, sizeof t);
        t.width = img->width;
        t.height = img->height;
        t.quality = CP_IMAGE_PHOTO_QUALITY;
        t.put = zsink_put;
        t.put_ctx = &out->colour;
        cp_diags jd = CP_DIAGS_INIT;
        int planes_rc = cp_downsample_planes(img, im->display, &t, &jd);
        jpeg_result(d, im->display, &jd, &out->colour);
        if (planes_rc < 0)
            goto cleanup;
        r.t = t;
    } else if (!img->lossy) {
        out->cs = img->cs;
        if (r.bilevel) {
            zsink_move(&out->colour, &r.packed_z);
            out->bits = 1;
        }
        out->rc = 0;
        goto cleanup;
    }
    out->jpeg = true;
    out->width = r.t.width;
    out->height = r.t.height;
    out->cs = r.t.cs;
    out->rc = 0;
cleanup:
    cp_image_free(img);
    free(buf);
}

static void
prepare(prepared *out, const cp_asm_image *im)
{
    zsink_init(&out->colour, out->dir);
    zsink_init(&out->mask, out->dir);
    if (im->info->is_jpeg)
        prepare_jpeg(out, im);
    else if (im->info->format == CP_IMG_PNG)
        prepare_png(out, im);
    else
        prepare_decoded(out, im);
}

/* Picture im, prepared as p, under object number slot. */
static int
emit(store *s, int slot, const cp_asm_image *im, const prepared *p)
{
    switch (p->kind) {
    case PREP_OWN:
        jpeg_header(s, slot, im->info, im->size);
        store_write(s, im->data, im->size);
        store_printf(s, "\nendstream\nendobj\n");
        return slot;
    case PREP_JPEG:
        jpeg_header(s, slot, im->info, p->spans.total);
        for (size_t i = 0; i < p->spans.n; i++)
            store_write(s, p->buf + p->spans.v[i].off, p->spans.v[i].len);
        store_printf(s, "\nendstream\nendobj\n");
        return slot;
    case PREP_PNG:
        return write_png_raw(s, slot, &p->png);
    case PREP_PIXELS:
        break;
    }
    int smask = 0;
    if (p->mask.len)
        smask = write_flate_stream(s, 0, p->width, p->height, "/DeviceGray", 1, 8, &p->mask, 0);
    if (!p->jpeg)
        return write_flate_stream(s, slot, p->width, p->height, cs_name(p->cs),
                                  cs_components(p->cs), p->bits, &p->colour, smask);
    store_begin_obj(s, slot);
    store_printf(s, "<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace %s "
                    "/BitsPerComponent 8 /Filter /DCTDecode /Length %zu",
                 p->width, p->height, cs_name(p->cs), (size_t)p->colour.len);
    if (smask > 0)
        store_printf(s, " /SMask %d 0 R", smask);
    store_printf(s, " >>\nstream\n");
    store_write_sink(s, &p->colour);
    store_printf(s, "\nendstream\nendobj\n");
    return slot;
}

static void
prepared_clear(prepared *p)
{
    cp_diags_free(&p->diags);
    free(p->buf);
    p->buf = NULL;
    free(p->spans.v);
    p->spans.v = NULL;
    free(p->png.idat);
    p->png.idat = NULL;
    zsink_free(&p->colour);
    zsink_free(&p->mask);
}

/* The pictures, in writing order, shared by the writing thread and the
 * helpers. Each takes the next picture not yet taken; the helpers stay at
 * most `ahead` pictures in front of the writing (PREP_SLACK more than there
 * are helpers), so what waits to be written is a few pictures, whatever the
 * pack holds. */
#define PREP_THREADS 4           /* the writing thread and three helpers at most */
/* Writing a picture and preparing one take unequal times (a photo's check
 * is several times its writing, a screenshot's less), so with only one
 * picture in hand for each helper a core often waits on the other; a few
 * more keep both busy. What they hold stays within PREP_BUDGET. */
#define PREP_SLACK 4

/* Pictures are prepared side by side only while what they may hold
 * together stays within PREP_BUDGET (prep_cost); one that may hold more
 * is prepared alone. Each picture within the limits stays within the
 * 256 MB a build may take (claimpack-claim(5), tests/memory.test), and two
 * large ones at once would not. */
#define PREP_BUDGET ((uint64_t)160 << 20)

/* What preparing a picture may hold until it is written, reckoned from
 * what the check found: the file (a JPEG's bytes stay until they are
 * written), a JPEG of several scans' coefficients (libjpeg holds them
 * whole: coef_bytes), a decoded picture's pixels as RGBA (the most a
 * decoder's one buffer takes a pixel, image.h) beside the file they are
 * decoded from. The compressed streams are not counted: past SPILL_AT
 * they spill. */
static uint64_t
prep_cost(const cp_asm_image *im)
{
    const cp_image *i = im->info;
    uint64_t px = (uint64_t)i->width * (uint64_t)i->height;
    if (im->data)
        return im->size;
    if (i->is_jpeg)
        return i->size + i->coef_bytes;
    return i->size + 4 * px;
}

/* The queue, with its helpers: started by cp_imgprep_start (build.c, while
 * the pages are typeset) or by cp_imagestore_append for the pictures it
 * places. */
struct cp_imgprep {
    const cp_asm_image *images;
    size_t n_images;             /* of images */
    size_t *order;               /* image indices */
    prepared *out;               /* one per entry of order */
    bool *done;
    uint64_t *cost;              /* prep_cost of each entry */
    uint64_t held;               /* the cost of the entries taken and not yet written */
    size_t n, next, written, ahead;
    bool stop;
    pthread_mutex_t mu;
    pthread_cond_t cv;
    pthread_t helper[PREP_THREADS];
    size_t helpers;
    char *dir;                   /* where the prepared streams spill (zsink) */
    bool taken;                  /* by a writing: a queue serves one */
};

/* Whether the next entry may be taken now (called with mu held): within
 * the budget beside what is held, or alone. Entries are taken in order
 * and given back in order (prep_written), so the writing thread, which
 * waits for the first entry not written, never waits on the budget for
 * it: when that entry is not taken, nothing is held. */
static bool
prep_fits(const cp_imgprep *q)
{
    return q->held == 0 || q->held + q->cost[q->next] <= PREP_BUDGET;
}

static void *
prep_helper(void *arg)
{
    cp_imgprep *q = arg;
    pthread_mutex_lock(&q->mu);
    for (;;) {
        while (!q->stop && q->next < q->n &&
               (q->next >= q->written + q->ahead || !prep_fits(q)))
            pthread_cond_wait(&q->cv, &q->mu);
        if (q->stop || q->next >= q->n)
            break;
        q->held += q->cost[q->next];
        size_t k = q->next++;
        pthread_mutex_unlock(&q->mu);
        prepare(&q->out[k], &q->images[q->order[k]]);
        pthread_mutex_lock(&q->mu);
        q->done[k] = true;
        pthread_cond_broadcast(&q->cv);
    }
    pthread_mutex_unlock(&q->mu);
    return NULL;
}

/* Entry k, once prepared. While it is not, the writing thread prepares
 * the next entry no one has taken (k itself, or one a helper would take
 * after it), so that no core waits while a picture is left to prepare. */
static prepared *
prep_take(cp_imgprep *q, size_t k)
{
    pthread_mutex_lock(&q->mu);
    while (!q->done[k]) {
        if (q->next < q->n && q->next <= k + q->ahead && prep_fits(q)) {
            q->held += q->cost[q->next];
            size_t j = q->next++;
            pthread_mutex_unlock(&q->mu);
            prepare(&q->out[j], &q->images[q->order[j]]);
            pthread_mutex_lock(&q->mu);
            q->done[j] = true;
            pthread_cond_broadcast(&q->cv);
            continue;
        }
        pthread_cond_wait(&q->cv, &q->mu);
    }
    pthread_mutex_unlock(&q->mu);
    return &q->out[k];
}

static void
prep_written(cp_imgprep *q, size_t k)
{
    prepared_clear(&q->out[k]);
    pthread_mutex_lock(&q->mu);
    q->held -= q->cost[k];
    q->written = k + 1;
    pthread_cond_broadcast(&q->cv);
    pthread_mutex_unlock(&q->mu);
}

/* The helpers to start for n pictures: one fewer than the cores online,
 * within PREP_THREADS, and none for one picture. */
static size_t
prep_helpers(size_t n)
{
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    size_t threads = cores < 1 ? 1 : cores > PREP_THREADS ? PREP_THREADS : (size_t)cores;
    return n < threads ? (n ? n - 1 : 0) : threads - 1;
}

/* The queue of the pictures i with placed[i] (every one, placed NULL),
 * spilling into dir, its helpers started. */
static cp_imgprep *
prep_start(const cp_asm_image *images, const bool *placed, size_t n, const char *dir)
{
    cp_imgprep *q = xcalloc(1, sizeof *q);
    q->images = images;
    q->n_images = n;
    q->dir = xstrdup(dir);
    pthread_mutex_init(&q->mu, NULL);
    pthread_cond_init(&q->cv, NULL);
    for (size_t i = 0; i < n; i++)
        if (placed == NULL || placed[i])
            q->n++;
    q->order = xcalloc(q->n ? q->n : 1, sizeof *q->order);
    q->out = xcalloc(q->n ? q->n : 1, sizeof *q->out);
    q->done = xcalloc(q->n ? q->n : 1, sizeof *q->done);
    q->cost = xcalloc(q->n ? q->n : 1, sizeof *q->cost);
    for (size_t i = 0, k = 0; i < n; i++)
        if (placed == NULL || placed[i]) {
            q->cost[k] = prep_cost(&images[i]);
            q->out[k].dir = q->dir;
            q->order[k++] = i;
        }
    size_t want = prep_helpers(q->n);
    q->ahead = want + PREP_SLACK;
    while (q->helpers < want &&
           pthread_create(&q->helper[q->helpers], NULL, prep_helper, q) == 0)
        q->helpers++;
    return q;
}

cp_imgprep *
cp_imgprep_start(const cp_asm_image *images, size_t n, const char *dir)
{
    return n ? prep_start(images, NULL, n, dir) : NULL;
}

void
cp_imgprep_free(cp_imgprep *q)
{
    if (q == NULL)
        return;
    pthread_mutex_lock(&q->mu);
    q->stop = true;
    pthread_cond_broadcast(&q->cv);
    pthread_mutex_unlock(&q->mu);
    for (size_t h = 0; h < q->helpers; h++)
        pthread_join(q->helper[h], NULL);
    for (size_t k = 0; k < q->n; k++)
        prepared_clear(&q->out[k]);
    pthread_mutex_destroy(&q->mu);
    pthread_cond_destroy(&q->cv);
    free(q->order);
    free(q->out);
    free(q->done);
    free(q->cost);
    free(q->dir);
    free(q);
}

/* At its writing, whether a picture read from an evidence file is still
 * that file: the helpers read pictures ahead of the writing, some while
 * the pages are typeset, and a file replaced after its reading is refused
 * as one replaced before it is (read_picture), so that the verdict does
 * not depend on how far ahead they got. A chat's picture is held to the
 * SHA-256 of the bytes read, whenever they were read. */
static int
still_checked(const cp_asm_image *im, cp_diags *d)
{
    struct stat st;
    if (im->member || im->stamp == NULL || im->data)
        return 0;
    if (stat(im->path, &st) == 0 && cp_file_stamp_is(im->stamp, &st))
        return 0;
    cp_reread_say_replaced(im->display, d);
    return -1;
}

/* A picture's diagnostics, made on a helper thread, passed on. */
static void
relay_diags(cp_diags *to, const cp_diags *from)
{
    for (size_t k = 0; k < from->count; k++) {
        const cp_diag *d = &from->items[k];
        if (d->severity == CP_ERROR)
            cp_error(to, d->status, d->file, d->line, d->col, "%s", d->message);
        else
            cp_warning(to, d->file, d->line, d->col, "%s", d->message);
    }
}

/* --- the file qpdf wrote ---------------------------------------------- */

typedef struct base_info {
    long long xref;         /* its startxref */
    int size;               /* its trailer's /Size */
    char root[48], info[48];    /* "N G R", or "" */
} base_info;

/* The last occurrence of `pat` in the n bytes at p, or NULL. */
static const char *
find_last(const char *p, size_t n, const char *pat)
{
    size_t k = strlen(pat);
    const char *hit = NULL, *q = p;
    while (n >= k && (q = memmem(q, n - (size_t)(q - p), pat, k)) != NULL) {
        hit = q;
        q++;
        if ((size_t)(q - p) + k > n)
            break;
    }
    return hit;
}

/* The end of the dictionary that starts at p ("<<"), just past its ">>",
 * or NULL. Strings and nested dictionaries are skipped over. */
static const char *
dict_end(const char *p, const char *end)
{
    int depth = 0;
    while (p + 1 < end) {
        if (p[0] == '<' && p[1] == '<') {
            depth++;
            p += 2;
        } else if (p[0] == '>' && p[1] == '>') {
            p += 2;
            if (--depth == 0)
                return p;
        } else if (*p == '<') {
            const char *q = memchr(p, '>', (size_t)(end - p));
            if (q == NULL)
                return NULL;
            p = q + 1;
        } else if (*p == '(') {
            int nest = 0;
            for (; p < end; p++) {
                if (*p == '\\')
                    p++;
                else if (*p == '(')
                    nest++;
                else if (*p == ')' && --nest == 0)
                    break;
            }
            p++;
        } else {
            p++;
        }
    }
    return NULL;
}

/* The value of `key` in a dictionary's text: an indirect reference copied
 * into out ("12 0 R"), or with out NULL an integer returned. -1 if absent. */
static long long
dict_value(const char *d, size_t n, const char *key, char *out, size_t out_len)
{
    size_t k = strlen(key);
    for (const char *p = d; (p = memmem(p, n - (size_t)(p - d), key, k)) != NULL; p++) {
        const char *v = p + k;
        if (v >= d + n || !strchr(" \t\r\n", *v))
            continue;               /* a longer name that starts alike */
        char *e;
        long long num = strtoll(v, &e, 10);
        if (out == NULL)
            return num;
        long long gen = strtoll(e, &e, 10);
        while (*e == ' ')
            e++;
        if (*e != 'R')
            return -1;
        snprintf(out, out_len, "%lld %lld R", num, gen);
        return 0;
    }
    return -1;
}

/* Read the trailer of the file as qpdf wrote it: a cross-reference stream
 * (object streams are on) or, to be safe, a classic table. */
static int
read_base(base_info *b, const char *buf, size_t len)
{
    memset(b, 0, sizeof b[0]);
    size_t tail = len > 1024 ? 1024 : len;
    const char *sx = find_last(buf + len - tail, tail, "startxref");
    if (sx == NULL)
        return -1;
    b->xref = strtoll(sx + 9, NULL, 10);
    if (b->xref <= 0 || (size_t)b->xref >= len)
        return -1;
    const char *end = buf + len, *p = buf + b->xref;
    if (len - (size_t)b->xref > 4 && memcmp(p, "xref", 4) == 0) {
        p = memmem(p, (size_t)(end - p), "trailer", 7);
        if (p == NULL)
            return -1;
    }
    p = memmem(p, (size_t)(end - p), "<<", 2);
    const char *de = p ? dict_end(p, end) : NULL;
    if (de == NULL)
        return -1;
    size_t n = (size_t)(de - p);
    long long size = dict_value(p, n, "/Size", NULL, 0);
    if (size <= 0 || size > INT32_MAX / 2 ||
        dict_value(p, n, "/Root", b->root, sizeof b->root) < 0)
        return -1;
    b->size = (int)size;
    dict_value(p, n, "/Info", b->info, sizeof b->info);
    return 0;
}

/* Find each placeholder: its dictionary holds /CpSlot (NONCE-i) and sits
 * just after "N 0 obj". slots[i] gets N. Every placed picture must be found
 * exactly once. */
static int
find_slots(int *slots, const bool *placed, size_t n, const char *buf, size_t len,
           const char *nonce)
{
    char *pat = xasprintf("/CpSlot (%s-", nonce);
    size_t k = strlen(pat);
    int rc = 0;
    for (const char *p = buf; rc == 0 && (p = memmem(p, len - (size_t)(p - buf), pat, k)) != NULL;
         p += k) {
        char *e;
        unsigned long i = strtoul(p + k, &e, 10);
        const char *from = p > buf + 4096 ? p - 4096 : buf;
        const char *obj = find_last(from, (size_t)(p - from), " obj");
        if (i >= n || *e != ')' || !placed[i] || slots[i] != 0 || obj == NULL) {
            rc = -1;
            break;
        }
        /* back over "G", a space, "N" */
        const char *q = obj;
        while (q > buf && q[-1] >= '0' && q[-1] <= '9')
            q--;
        if (q == obj || q == buf || q[-1] != ' ')
            rc = -1;
        q--;
        const char *num_end = q;
        while (q > buf && q[-1] >= '0' && q[-1] <= '9')
            q--;
        if (q == num_end)
            rc = -1;
        else
            slots[i] = atoi(q);
    }
    for (size_t i = 0; rc == 0 && i < n; i++)
        if (placed[i] && slots[i] <= 0)
            rc = -1;
    free(pat);
    return rc;
}

static int
by_num(const void *a, const void *b)
{
    const xref_entry *x = a, *y = b;
    return (x->num > y->num) - (x->num < y->num);
}

/* The update's cross-reference stream and trailer. */
static void
write_xref(store *s, const base_info *b, const char *id)
{
    int num = store_new_obj(s);
    store_begin_obj(s, num);
    off_t at = s->xref[s->n_xref - 1].offset;
    qsort(s->xref, s->n_xref, sizeof *s->xref, by_num);
    cp_buf index = CP_BUF_INIT, rows = CP_BUF_INIT;
    for (size_t i = 0; i < s->n_xref;) {
        size_t j = i + 1;
        while (j < s->n_xref && s->xref[j].num == s->xref[j - 1].num + 1)
            j++;
        cp_buf_printf(&index, "%s%d %zu", i ? " " : "", s->xref[i].num, j - i);
        for (; i < j; i++) {
            unsigned long long off = (unsigned long long)s->xref[i].offset;
            unsigned char row[7] = { 1, (unsigned char)(off >> 32), (unsigned char)(off >> 24),
                                     (unsigned char)(off >> 16), (unsigned char)(off >> 8),
                                     (unsigned char)off, 0 };
            cp_buf_add(&rows, row, sizeof row);
        }
    }
    int size = s->next_num > b->size ? s->next_num : b->size;
    store_printf(s, "<< /Type /XRef /Size %d /Index [%s] /W [1 5 1] /Root %s", size,
                 index.len ? index.data : "", b->root);
    if (b->info[0])
        store_printf(s, " /Info %s", b->info);
    store_printf(s, " /ID [<%s><%s>] /Prev %lld /Length %zu >>\nstream\n", id, id, b->xref,
                 rows.len);
    store_write(s, rows.data, rows.len);
    store_printf(s, "\nendstream\nendobj\nstartxref\n%lld\n%%%%EOF\n", (long long)at);
    cp_buf_free(&index);
    cp_buf_free(&rows);
}

/* What the writing lets go to disk at a time (cp_output_writeback), so
 * that the disk takes the pictures while the next ones are prepared. */
#define WRITEBACK_STEP ((off_t)16 << 20)

/* Once WRITEBACK_STEP bytes more are written since *synced, they start
 * going to disk. */
static void
store_let_go(store *s, off_t *synced)
{
    off_t at = ftello(s->fp);
    if (s->failed || at < 0 || at - *synced < WRITEBACK_STEP)
        return;
    if (fflush(s->fp) != 0) {
        s->failed = 1;
        s->err = errno;
        return;
    }
    cp_output_writeback(fileno(s->fp), (long long)*synced, (long long)at);
    *synced = at;
}

int
cp_imagestore_append(const char *path, const char *name, const cp_asm_image *images,
                     const bool *placed, size_t n, cp_imgprep *prep, const char *nonce,
                     const char *id, cp_diags *diags)
{
    store s;
    memset(&s, 0, sizeof s);
    s.path = path;
    int rc = -1;
    cp_imgprep *own = NULL;
    char *spill_dir = cp_path_dir(path);
    int *slots = xcalloc(n ? n : 1, sizeof *slots);
    base_info b;
    s.fp = fopen(path, "r+be");
    struct stat st;
    if (s.fp == NULL || fstat(fileno(s.fp), &st) != 0) {
        cp_error(diags, CP_OUTPUT, name, 0, 0, "cannot write: %s", strerror(errno));
        goto cleanup;
    }
    size_t len = (size_t)st.st_size;
    void *map = len ? mmap(NULL, len, PROT_READ, MAP_PRIVATE, fileno(s.fp), 0) : MAP_FAILED;
    if (map == MAP_FAILED) {
        cp_error(diags, CP_OUTPUT, name, 0, 0, "cannot read back: %s",
                 len ? strerror(errno) : "empty file");
        goto cleanup;
    }
    int found = read_base(&b, map, len) == 0 && find_slots(slots, placed, n, map, len, nonce) == 0;
    bool newline = ((const char *)map)[len - 1] == '\n';
    munmap(map, len);
    if (!found) {
        cp_error(diags, CP_OUTPUT, name, 0, 0, "internal error: the pictures' places were not "
                 "found in the written file");
        goto cleanup;
    }
    s.next_num = b.size;
    if (fseeko(s.fp, 0, SEEK_END) != 0) {
        cp_error(diags, CP_OUTPUT, name, 0, 0, "cannot write: %s", strerror(errno));
        goto cleanup;
    }
    if (!newline)
        store_write(&s, "\n", 1);
    /* Every picture, prepared ahead by the helpers and this thread: by the
     * queue started before the typesetting, which holds every picture of
     * images (one not placed is passed over), or by one of our own. */
    cp_imgprep *q = prep;
    if (q == NULL || q->taken || q->images != images || q->n_images != n ||
        strcmp(q->dir, spill_dir) != 0)
        q = own = prep_start(images, placed, n, spill_dir);
    q->taken = true;
    off_t synced = 0;
    for (size_t k = 0; k < q->n; k++) {
        size_t i = q->order[k];
        prepared *p = prep_take(q, k);
        int num = 0;
        if (placed[i]) {
            const cp_asm_image *im = &images[i];
            relay_diags(diags, &p->diags);
            num = p->rc < 0 || still_checked(im, diags) < 0 ? -1 : emit(&s, slots[i], im, p);
        }
        prep_written(q, k);
        if (num < 0)
            goto cleanup;
        store_let_go(&s, &synced);
    }
    write_xref(&s, &b, id);
    if (fflush(s.fp) != 0 && !s.failed) {
        s.failed = 1;
        s.err = errno;
    }
    if (s.failed) {
        cp_error(diags, CP_OUTPUT, name, 0, 0, "cannot write: %s", strerror(s.err));
        goto cleanup;
    }
    rc = 0;
cleanup:
    if (s.fp && fclose(s.fp) != 0 && rc == 0) {
        cp_error(diags, CP_OUTPUT, name, 0, 0, "cannot write: %s", strerror(errno));
        rc = -1;
    }
    cp_imgprep_free(own);
    free(s.xref);
    free(slots);
    free(spill_dir);
    return rc;
}
