/* image.h: photos and screenshots, decoded and validated by us before any
 * PDF library sees them (SPEC 6). Owned by image-jpeg.c and image-png.c.
 *
 * A cp_image owns its buffers; cp_image_free releases it (NULL is fine).
 */
#ifndef CP_IMAGE_H
#define CP_IMAGE_H

#include <stddef.h>
#include <stdint.h>
#include "claimpack/diag.h"

enum cp_colorspace { CP_CS_GRAY, CP_CS_RGB, CP_CS_CMYK };

typedef struct cp_image {
    int width, height;           /* as stored, before orientation */
    int orientation;             /* EXIF 1..8 (1 = upright) */
    enum cp_colorspace cs;
    int bits;                    /* bits per component of `data` */
    int is_jpeg;                 /* data is DCT (pass through), else raw pixels */
    int adobe_inverted;          /* JPEG CMYK/YCCK written with Adobe's inverted values */
    double dpi_x, dpi_y;         /* 0 when unknown */
    unsigned char *data;         /* JPEG: the whole file; PNG: raw pixels, rows packed */
    size_t size;
    unsigned char *alpha;        /* PNG with alpha/tRNS: 8-bit soft mask (w*h), else NULL */
    size_t alpha_size;
} cp_image;

/* Check the file without decoding every pixel where that is not needed:
 * JPEG markers (SOI, SOF with sane dimensions, SOS, entropy data, EOI),
 * PNG fully through libpng. Fills width/height/orientation/cs but no data.
 * Errors are CP_INPUT diagnostics naming `display`. 0 or -1. */
int cp_image_probe(cp_image *out, const char *path, const char *display, cp_diags *diags);

/* Load for embedding: JPEG data verbatim, PNG decoded to 8 or 16-bit raw
 * samples plus an 8-bit alpha mask. 0 or -1 (CP_INPUT diagnostics). */
int cp_image_load(cp_image **out, const char *path, const char *display, cp_diags *diags);
void cp_image_free(cp_image *img);

#endif
