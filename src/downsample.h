/* downsample.h: a picture made smaller for --max-size (see maxsize.h).
 *
 * One decode feeds several outputs: a JPEG is decoded at 1/2, 1/4 or 1/8
 * of its size in the DCT domain (libjpeg-turbo's scale_denom) when that is
 * still at least as large as the largest output, a PNG is decoded whole;
 * rows then stream through an area-averaging resampler per output size into
 * a baseline JPEG compressor per output, so memory holds rows, not pictures
 * (a PNG excepted). Pixels stay in stored orientation: the EXIF orientation
 * is applied by the assembler's matrix, as for the original file. CMYK
 * becomes RGB, alpha is laid on white.
 *
 * The caller owns the targets; cp_downsample fills their data (malloc'd,
 * the caller frees) and size. Safe to call from several threads at once
 * with separate targets and diagnostics.
 */
#ifndef CP_DOWNSAMPLE_H
#define CP_DOWNSAMPLE_H

#include <stdbool.h>
#include <stddef.h>
#include "claimpack/diag.h"
#include "image.h"

typedef struct cp_ds_target {
    int width, height;          /* pixels as stored; at most the picture's own size */
    int quality;                /* JPEG quality 1..100 */
    bool sharp;                 /* full-resolution colour (text); else 4:2:0 */
    unsigned char *data;        /* out: the JPEG, or NULL (always, with put) */
    size_t size;                /* out: its length in bytes, held or put */
    /* in, optional: the JPEG goes to put, in pieces and in order, instead
     * of into data (imagestore.c's streams, which spill to a scratch file);
     * put returns 0, or -1 to stop the encoding, which then fails */
    int (*put)(void *ctx, const void *p, size_t n);
    void *put_ctx;
    enum cp_colorspace cs;      /* out: CP_CS_GRAY or CP_CS_RGB */
} cp_ds_target;

/* Make every target from the picture at `path` (probed as `info`), whose
 * bytes are read once, checked (reread.h: they must be what `want` says)
 * and decoded. A JPEG
 * is decoded at the smallest DCT scale still at least decode_w x decode_h
 * (0 x 0: full size): the caller fixes that size per picture, not per call,
 * so that a target comes out the same whatever else is made with it. Errors
 * are CP_INPUT diagnostics naming `display`. 0 or -1 (no target filled). */
struct cp_reread_want;
int cp_downsample(const char *path, const struct cp_reread_want *want, const char *display,
                  const cp_image *info, int decode_w, int decode_h, cp_ds_target *targets,
                  size_t n, cp_diags *diags);

/* The same from the picture's bytes in memory (a chat's picture, read
 * from its .zip and checked by the caller), decoded by its format's loader. */
int cp_downsample_buf(const unsigned char *buf, size_t len, const char *display,
                      const cp_image *info, int decode_w, int decode_h, cp_ds_target *targets,
                      size_t n, cp_diags *diags);

/* The same from pixels already decoded (img->data, 8 or 16-bit gray or
 * RGB; an alpha mask is laid on white): for bytes the caller has read and
 * checked itself. 0 or -1 (no target filled). */
int cp_downsample_image(const cp_image *img, const char *display, cp_ds_target *targets,
                        size_t n, cp_diags *diags);

/* A baseline JPEG at t->quality and the picture's own size from its R, G
 * and B planes (img->plane): a HEIC photo's, as decoded. Fills t's data,
 * size, width, height and cs. 0 or -1. */
int cp_downsample_planes(const cp_image *img, const char *display, cp_ds_target *t,
                         cp_diags *diags);

/* Targets made from rows fed one at a time, each of width 8-bit gray or
 * RGB samples (cs) with its 8-bit alpha laid on white, or NULL: what
 * cp_downsample_image makes of the same pixels held whole, for a picture
 * that is never held whole (cp_image_decode_rows). cp_ds_rows_end fills
 * the targets when ok and every row was put; a libjpeg failure is its
 * CP_INPUT diagnostic naming `display`. put: 0, or -1 once libjpeg has
 * failed; end: 0 or -1. */
typedef struct cp_ds_rows cp_ds_rows;
cp_ds_rows *cp_ds_rows_begin(cp_ds_target *targets, size_t n, int width, int height,
                             enum cp_colorspace cs);
int cp_ds_rows_put(cp_ds_rows *r, const unsigned char *colour, const unsigned char *alpha);
int cp_ds_rows_end(cp_ds_rows *r, bool ok, const char *display, cp_diags *diags);

/* The target size for a picture of w x h pixels drawn in a box of
 * box_w x box_h points (the upright picture's box: orientation 5-8 swaps
 * sides) at `dpi`, never larger than the picture itself. */
void cp_downsample_size(int w, int h, int orientation, double box_w, double box_h, double dpi,
                        int *tw, int *th);

#endif
