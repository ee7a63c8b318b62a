/* image.h: photos and screenshots, decoded and validated by us before any
 * PDF library sees them (src/README.md says why). image.c reads the file and hands it to
 * image-jpeg.c or image-png.c by its first bytes.
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

enum cp_colorspace { CP_CS_GRAY, CP_CS_RGB, CP_CS_CMYK };

typedef struct cp_image {
    int width, height;           /* as stored, before orientation */
    int orientation;             /* EXIF 1..8 (1 = upright) */
    enum cp_colorspace cs;
    int bits;                    /* bits per component of `data` */
    int is_jpeg;                 /* data is DCT (pass through), else raw pixels */
    int adobe_inverted;          /* JPEG CMYK/YCCK written with Adobe's inverted values */
    int progressive;             /* JPEG: progressive scans (PDF 1.3 and later) */
    int arithmetic;              /* JPEG: arithmetic-coded; libjpeg-turbo decodes it, but
                                    many PDF viewers do not: re-encode before embedding */
    double dpi_x, dpi_y;         /* 0 when unknown */
    unsigned char *data;         /* JPEG: the whole file; PNG: raw pixels, rows packed */
    size_t size;
    unsigned char *alpha;        /* PNG with alpha/tRNS: 8-bit soft mask (w*h), else NULL */
    size_t alpha_size;
} cp_image;

/* Check the file: JPEG markers (SOI, SOF with sane dimensions, SOS, entropy
 * data, EOI) and a 1/8-scale decode that runs all entropy data,
 * PNG fully through libpng. Fills width/height/orientation/cs and `size`
 * (the bytes cp_image_load would give: the JPEG file's length, the PNG's
 * packed samples) but no data.
 * Errors are CP_INPUT diagnostics naming `display`. 0 or -1. */
int cp_image_probe(cp_image *out, const char *path, const char *display, cp_diags *diags);

/* The build path's check: JPEG markers walked (no decode), PNG chunks and
 * CRCs walked (no decode). Same fields as cp_image_probe. 0 or -1. */
int cp_image_probe_fast(cp_image *out, const char *path, const char *display, cp_diags *diags);

/* Load for embedding: JPEG data verbatim, PNG decoded to 8 or 16-bit raw
 * samples plus an 8-bit alpha mask. 0 or -1 (CP_INPUT diagnostics). */
int cp_image_load(cp_image **out, const char *path, const char *display, cp_diags *diags);
void cp_image_free(cp_image *img);

/* The format halves, given the whole file in memory (image.c reads it).
 * With `load` false they only check and fill the header fields of `img`;
 * with `load` true the PNG half fills data/alpha (the JPEG half leaves the
 * buffer to the caller, which keeps it as the DCT data). 0 or -1. */
int cp_image_jpeg(cp_image *img, const unsigned char *buf, size_t len, int load,
                  const char *display, cp_diags *diags);
int cp_image_png(cp_image *img, const unsigned char *buf, size_t len, int load,
                 const char *display, cp_diags *diags);

/* Decode a JPEG fully into img->data (8-bit samples, rows packed; CMYK
 * plain, not Adobe-inverted) and set width, height, cs, bits, size,
 * is_jpeg = 0. For data a PDF viewer may not decode (arithmetic coding).
 * The caller frees img->data. 0 or -1 (CP_INPUT diagnostics). */
int cp_image_jpeg_pixels(cp_image *img, const unsigned char *buf, size_t len,
                         const char *display, cp_diags *diags);

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

/* Milliseconds-cheap structural walk only (no libjpeg decode): for timing
 * and for callers that decode the file anyway. */
int cp_image_jpeg_markers(cp_image *img, const unsigned char *buf, size_t len,
                          const char *display, cp_diags *diags);
/* The same walk without our size limits (for JPEG data we never decode:
 * an image inside imported PDF evidence). */
int cp_image_jpeg_structure(cp_image *img, const unsigned char *buf, size_t len,
                            const char *display, cp_diags *diags);

#endif
