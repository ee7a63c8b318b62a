/* image.h: photos and screenshots, decoded and validated by us before any
 * PDF library sees them (src/README.md says why). image.c reads the file and
 * hands it to its format's loader by its first bytes: image-jpeg.c,
 * image-png.c, image-heif.c (HEIC and AVIF), image-webp.c, image-gif.c,
 * image-tiff.c, image-bmp.c.
 *
 * A cp_image owns its buffers; cp_image_free releases it (NULL is fine).
 */
#ifndef CP_IMAGE_H
#define CP_IMAGE_H

#include <stddef.h>
#include <stdint.h>
#include "claimpack/diag.h"

/* Limits checked before any pixel buffer is allocated. */
#define CP_IMAGE_MAX_SIDE   30000          /* pixels, either side */
#define CP_IMAGE_MAX_PIXELS 50000000L      /* width * height */
#define CP_IMAGE_MAX_BYTES  (200L << 20)   /* the file itself */
/* A file of pages (TIFF): how many, and their pixels together, checked from
 * the page headers before the first page is decoded. */
#define CP_IMAGE_MAX_PAGES  1000
#define CP_IMAGE_MAX_TOTAL_PIXELS 1000000000L

enum cp_colorspace { CP_CS_GRAY, CP_CS_RGB, CP_CS_CMYK };

/* What the file is. JPEG and PNG reach the PDF as they are where they can;
 * the others are decoded to pixels (data/alpha as for a PNG) and written
 * anew: to JPEG when `lossy` (a photo), else deflated. */
enum cp_image_format { CP_IMG_JPEG, CP_IMG_PNG, CP_IMG_HEIC, CP_IMG_AVIF, CP_IMG_WEBP,
                       CP_IMG_GIF, CP_IMG_TIFF, CP_IMG_BMP };

/* JPEG quality of a decoded photo written anew (man/claimpack-build.1). */
#define CP_IMAGE_PHOTO_QUALITY 90

/* One page of a file of pages, as its header gives it. */
typedef struct cp_image_dims {
    int width, height;
    enum cp_colorspace cs;
} cp_image_dims;

typedef struct cp_image {
    int width, height;           /* as stored, before orientation */
    int orientation;             /* EXIF 1..8 (1 = upright) */
    enum cp_colorspace cs;
    int bits;                    /* bits per component of `data` */
    int is_jpeg;                 /* data is DCT (pass through), else raw pixels */
    int adobe_inverted;          /* JPEG CMYK/YCCK written with Adobe's inverted values */
    int progressive;             /* JPEG: progressive scans (PDF 1.3 and later) */
    uint64_t coef_bytes;         /* JPEG of several scans (progressive or not): what
                                    libjpeg holds of its coefficients, whole */
    int arithmetic;              /* JPEG: arithmetic-coded; libjpeg-turbo decodes it, but
                                    many PDF viewers do not: re-encode before embedding */
    double dpi_x, dpi_y;         /* 0 when unknown */
    unsigned char *data;         /* JPEG: the whole file; PNG: raw pixels, rows packed */
    size_t size;
    unsigned char *alpha;        /* PNG with alpha/tRNS: 8-bit soft mask (w*h), else NULL */
    size_t alpha_size;
    enum cp_image_format format;
    int lossy;                   /* decoded photo data: written anew as JPEG */
    int frames;                  /* animation frames (the first is shown); 1 if still */
    int pages;                   /* TIFF: pages in the file, each its own exhibit page */
    int page;                    /* TIFF: the page this describes and loads, 0 = the first */
    cp_image_dims *page_dims;    /* TIFF of more than one page: each page's size, as
                                  * checked (pages of them); owned, NULL otherwise */
    int rotated;                 /* degrees the format's own transformation turned it */
    /* A HEIC photo as decoded for the JPEG encoder (cp_image_heif_planes):
     * its R, G and B planes, 8-bit, width x height, rows stride[k] bytes
     * apart, left in the decoder's image (owner, given back by release
     * when the cp_image is freed) rather than copied; data is NULL. */
    const unsigned char *plane[3];
    size_t stride[3];
    void *owner;
    void (*release)(void *owner);
    /* Degrees counter-clockwise the planes are yet to be turned (the
     * file's irot), applied as they are read (cp_image_plane_row);
     * width and height are the turned picture's. */
    int plane_turn;
} cp_image;

/* Check the file: JPEG markers (SOI, SOF with sane dimensions, SOS, entropy
 * data, EOI) and a 1/8-scale decode that runs all entropy data,
 * PNG fully through libpng, or as libpng would (cp_image_png_fast). Fills width/height/orientation/cs and `size`
 * (the bytes cp_image_load would give: the JPEG file's length, the PNG's
 * packed samples) but no data.
 * Errors are CP_INPUT diagnostics naming `display`. 0 or -1. */
int cp_image_probe(cp_image *out, const char *path, const char *display, cp_diags *diags);

/* The build path's check: JPEG markers walked (no decode), PNG chunks and
 * CRCs walked (no decode), HEIC and AVIF by their header (no decode); the
 * other formats as cp_image_probe. Same fields as cp_image_probe. 0 or -1. */
int cp_image_probe_fast(cp_image *out, const char *path, const char *display, cp_diags *diags);

/* Load for embedding: JPEG data verbatim, PNG decoded to 8 or 16-bit raw
 * samples plus an 8-bit alpha mask. 0 or -1 (CP_INPUT diagnostics). */
int cp_image_load(cp_image **out, const char *path, const char *display, cp_diags *diags);
/* The same for one page of a file of pages (TIFF; 0 for any other file). */
int cp_image_load_page(cp_image **out, const char *path, int page, const char *display,
                       cp_diags *diags);
void cp_image_free(cp_image *img);

/* The format halves, given the whole file in memory (image.c reads it).
 * With `load` false they only check and fill the header fields of `img`;
 * with `load` true the PNG half fills data/alpha (the JPEG half leaves the
 * buffer to the caller, which keeps it as the DCT data). 0 or -1. */
int cp_image_jpeg(cp_image *img, const unsigned char *buf, size_t len, int load,
                  const char *display, cp_diags *diags);
int cp_image_png(cp_image *img, const unsigned char *buf, size_t len, int load,
                 const char *display, cp_diags *diags);
/* The two halves of cp_image_png's check (load false), apart, for
 * tests/image-probe's comparison of them: cp_image_png_fast is 1 with
 * img's fields filled when it is sure libpng reads the file without an
 * error, 0 when it is not sure (image-png.c says what it accepts);
 * cp_image_png_libpng is libpng's decode, the verdict with its message. */
int cp_image_png_fast(cp_image *img, const unsigned char *buf, size_t len);
int cp_image_png_libpng(cp_image *img, const unsigned char *buf, size_t len,
                        const char *display, cp_diags *diags);
/* A PNG decoded row by row, for writing it without holding its pixels
 * (a 50-megapixel 16-bit picture is 400 MB decoded): fn gets each row in
 * order, colour samples packed as cp_image_png's data (img->bits per
 * component) and the row's 8-bit alpha, or NULL for a picture without
 * one. A nonzero return from fn stops the decode: -1 without a
 * diagnostic of its own (fn's caller knows why), as with cp_rows below.
 * Fills img's header fields, no data; img->alpha_size is nonzero when
 * some pixel is not opaque. Interlaced pictures are held whole while they
 * decode (libpng needs every pass's rows). 0, or -1 with a diagnostic. */
typedef int (*cp_png_row_fn)(void *ctx, const unsigned char *colour,
                             const unsigned char *alpha);
int cp_image_png_rows(cp_image *img, const unsigned char *buf, size_t len, cp_png_row_fn fn,
                      void *ctx, const char *display, cp_diags *diags);

/* The PNG chunk walker (image.c), for everything that reads a PNG's chunks
 * itself. One chunk: type and data point into the file. */
typedef struct cp_png_chunk {
    const unsigned char *type, *data;
    uint32_t len;
} cp_png_chunk;
/* The chunk at *pos of the len bytes at buf (*pos = 8, after the signature,
 * for the first): 1 with c filled and *pos moved past its CRC; 0 when fewer
 * than a chunk's 12 bytes of length, type and CRC are left; -1 when its
 * data and CRC run past the end of the file (c filled all the same). */
int cp_png_chunk_next(cp_png_chunk *c, const unsigned char *buf, size_t len, size_t *pos);
/* Whether a whole chunk's (cp_png_chunk_next gave 1) CRC is right. */
int cp_png_chunk_crc_ok(const cp_png_chunk *c);

/* The decoded formats (HEIC, AVIF, WebP, GIF, TIFF, BMP) hand out their
 * pictures row by row, so that no one holds a picture's pixels twice:
 * a loader decodes into the one buffer its decoder needs (a band of rows
 * where the format allows, as TIFF and BMP do) and puts each row of the
 * upright picture (the format's own transformations applied, orientation
 * 1), in order, through a cp_rows, which splits it into 8-bit colour
 * samples packed as a PNG's and an 8-bit alpha row for fn (cp_png_row_fn;
 * alpha NULL for a picture without an alpha channel). With fn NULL the
 * loader decodes to check and nothing is handed out. img's header fields
 * are set before the first row; after the last, img->alpha_size is
 * nonzero when some pixel is not opaque. A nonzero return from fn stops
 * the decode: the loader returns -1 and adds no diagnostic of its own. */
typedef struct cp_rows {
    cp_png_row_fn fn;            /* NULL: check only */
    void *ctx;
    /* the loader's, through cp_rows_begin: */
    cp_image *img;
    int channels;                /* of the rows put: 1 gray, 2 gray+alpha, 3 RGB, 4 RGBA */
    unsigned char *colour, *alpha;
    int opaque, stopped, y;
} cp_rows;
/* For a loader: img's header fields for w x h pixels of `channels`. */
void cp_rows_begin(cp_rows *r, cp_image *img, int w, int h, int channels);
/* For a loader: the next row, w interleaved pixels of r->channels. 0, or
 * -1 when fn has stopped the decode (r->stopped). */
int cp_rows_put(cp_rows *r, const unsigned char *px);
/* For a loader, after the last row or a failure: img->alpha_size set and
 * the row buffers freed. */
void cp_rows_end(cp_rows *r);

/* A decoded format's picture (page `page` of a TIFF, else 0) row by row
 * to fn, as above, or a PNG's (cp_image_png_rows); never a JPEG. 0, or -1
 * with a CP_INPUT diagnostic naming `display` (none when fn stopped it). */
int cp_image_decode_rows(cp_image *img, const unsigned char *buf, size_t len, int page,
                         cp_png_row_fn fn, void *ctx, const char *display, cp_diags *diags);

/* Formats whose decoder holds the picture whole are bounded in what that
 * takes with the file, reckoned from the header before anything is
 * decoded, so that a picture within the size limits stays within the
 * 256 MB a build may take (claimpack-claim(5)): WebP (image-webp.c),
 * HEIC and AVIF (image-heif.c), and a JPEG of several scans, whose
 * coefficients libjpeg holds whole (image-jpeg.c, coef_bytes). */
#define CP_IMAGE_WHOLE_MAX_BYTES (200L << 20)

/* The loaders of the decoded formats (cp_image_decode_rows calls them).
 * HEIC and AVIF (image-heif.c): */
int cp_image_heif(cp_image *img, const unsigned char *buf, size_t len, cp_rows *rows,
                  const char *display, cp_diags *diags);
/* The build's check of a HEIC or AVIF file: the container and the primary
 * picture's size after its transformations, without decoding it (the PDF
 * writer decodes it, and refuses it as check does, before anything is
 * kept: decoding a phone photo twice was most of a build's time). */
int cp_image_heif_header(cp_image *img, const unsigned char *buf, size_t len,
                         const char *display, cp_diags *diags);
/* A HEIC or AVIF photo decoded for the JPEG encoder: an 8-bit one without
 * alpha as the decoder's RGB planes (plane), 0. Else 1, nothing decoded
 * (cp_image_decode_rows decodes it). */
int cp_image_heif_planes(cp_image *img, const unsigned char *buf, size_t len,
                         const char *display, cp_diags *diags);
/* Row y of the upright picture such planes make, img->width interleaved
 * RGB pixels into rgb: the one reader of img->plane. */
void cp_image_plane_row(const cp_image *img, int y, unsigned char *rgb);
int cp_image_webp(cp_image *img, const unsigned char *buf, size_t len, cp_rows *rows,
                  const char *display, cp_diags *diags);
int cp_image_gif(cp_image *img, const unsigned char *buf, size_t len, cp_rows *rows,
                 const char *display, cp_diags *diags);
/* A TIFF's pages are walked to the end of the chain and each page's size
 * checked before any is decoded; with rows->fn NULL every page is decoded
 * (the check), else only `page` (0-based), whose rows fn gets and whose
 * size img gets. A page that fails is named in the message ("page 2 of 3"). */
int cp_image_tiff_page(cp_image *img, const unsigned char *buf, size_t len, int page,
                       cp_rows *rows, const char *display, cp_diags *diags);
int cp_image_bmp(cp_image *img, const unsigned char *buf, size_t len, cp_rows *rows,
                 const char *display, cp_diags *diags);

/* An EXIF block as in a JPEG APP1 segment ("Exif\0\0", then TIFF): its
 * orientation into img->orientation, its resolution into dpi_x/dpi_y. */
void cp_image_exif_parse(cp_image *img, const unsigned char *p, size_t n, double *dpi_x,
                         double *dpi_y);

/* Check (and with `load`, decode) the picture in buf by its first bytes,
 * through its format's loader: what cp_image_probe and cp_image_load do
 * with a file's bytes, for bytes already read. 0, or -1 with a
 * CP_INPUT diagnostic naming `display`. */
int cp_image_decode_buf(cp_image *img, const unsigned char *buf, size_t len, int load,
                        const char *display, cp_diags *diags);
/* The same, loading page `page` of a file of pages (TIFF; 0 for others). */
int cp_image_decode_page(cp_image *img, const unsigned char *buf, size_t len, int page,
                         int load, const char *display, cp_diags *diags);

/* The picture format of these first bytes (18 are enough), or -1: the one
 * place that tells formats apart by content. */
int cp_image_sniff(const unsigned char *buf, size_t len);

/* For the loaders: the size limits, checked from the header before any
 * pixel buffer exists ("<what> too large" naming `display`). 0 or -1. */
int cp_image_check_size(long w, long h, const char *what, const char *display, cp_diags *diags);
/* For the loaders that decode whole: w x h interleaved 8-bit pixels of
 * `channels`, rows `stride` bytes apart, put through rows (cp_rows_begin,
 * every row, cp_rows_end). 0, or -1 when fn stopped it. */
int cp_rows_put_all(cp_rows *rows, cp_image *img, const unsigned char *px, size_t stride,
                    int w, int h, int channels);

/* Decode a JPEG row by row to fn (8-bit samples; CMYK plain, not
 * Adobe-inverted; alpha NULL), for data a PDF viewer may not decode
 * (arithmetic coding). img's width, height, cs, bits are set before the
 * first row, is_jpeg = 0. A nonzero return from fn stops the decode: -1
 * without a diagnostic of its own. 0, or -1 (CP_INPUT diagnostics). */
int cp_image_jpeg_rows(cp_image *img, const unsigned char *buf, size_t len, cp_png_row_fn fn,
                       void *ctx, const char *display, cp_diags *diags);

/* The parts of a JPEG file that go into the PDF, as byte ranges of the
 * file: every segment the decoder needs (tables, frame and scan headers,
 * the picture data, JFIF and Adobe's colour marker) and, with
 * keep_metadata, every other segment too (EXIF with its GPS position,
 * camera serial and owner, XMP, IPTC, ICC, comments). Never what follows
 * the end-of-image marker (a phone's "motion photo" video). */
typedef struct cp_jpeg_span {
    size_t off, len;
} cp_jpeg_span;

typedef struct cp_jpeg_spans {
    cp_jpeg_span *v;
    size_t n, cap;
    size_t total;                /* the sum of the lengths */
    int keep_metadata;
} cp_jpeg_spans;

/* Check the file as cp_image_jpeg does (the marker walk and the decode
 * check, same messages) and fill `spans` (set its keep_metadata first;
 * the caller frees v). 0 or -1. */
int cp_image_jpeg_spans(cp_image *img, cp_jpeg_spans *spans, const unsigned char *buf,
                        size_t len, const char *display, cp_diags *diags);

/* The check of the entropy-coded data alone, as cp_image_jpeg makes it
 * (quick = 1: jpeg-scan.c first, libjpeg's decode if it is not sure), or by
 * libjpeg's decode only (quick = 0), which tests compare it with. 0 or -1;
 * quick = 2, for those tests: 0 if jpeg-scan calls the data clean, 1 if it
 * is not sure (libjpeg then decides), -1 if libjpeg refuses the header. */
int cp_image_jpeg_entropy(const unsigned char *buf, size_t len, int quick,
                          const char *display, cp_diags *diags);

/* Milliseconds-cheap structural walk only (no libjpeg decode): for timing
 * and for callers that decode the file anyway. */
int cp_image_jpeg_markers(cp_image *img, const unsigned char *buf, size_t len,
                          const char *display, cp_diags *diags);
/* The same walk without our size limits (for JPEG data we never decode:
 * an image inside imported PDF evidence). */
int cp_image_jpeg_structure(cp_image *img, const unsigned char *buf, size_t len,
                            const char *display, cp_diags *diags);

#endif
