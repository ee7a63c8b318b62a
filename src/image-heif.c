/* image-heif.c: HEIC (iPhone and Android photos) and AVIF pictures, decoded
 * with libheif.
 *
 * libheif applies the transformations the file declares (irot, imir, clap)
 * while decoding, as heif-convert shows the picture; the EXIF orientation
 * tag such files also carry describes the same turn again, so it is not
 * read (orientation stays 1 and nothing is applied twice). The size
 * limits are checked on the item's declared size before any decode. */
#include "config.h"
#include "image.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

#include <libheif/heif.h>

static int
heif_fail(const char *what, struct heif_error err, const char *display, cp_diags *diags)
{
    cp_error(diags, CP_INPUT, display, 0, 0, "damaged %s image: %s", what,
             err.message && *err.message ? err.message : "libheif failed");
    return -1;
}

int
cp_image_heif(cp_image *img, const unsigned char *buf, size_t len, int load,
              const char *display, cp_diags *diags)
{
    const char *what = len >= 12 && (memcmp(buf + 8, "avif", 4) == 0 ||
                                     memcmp(buf + 8, "avis", 4) == 0) ? "AVIF" : "HEIC";
    struct heif_context *ctx = heif_context_alloc();
    struct heif_image_handle *h = NULL;
    struct heif_image *im = NULL;
    struct heif_decoding_options *opt = NULL;
    int ret = -1;

    memset(img, 0, sizeof *img);
    img->orientation = 1;
    img->frames = 1;
    img->pages = 1;
    img->lossy = 1;
    if (ctx == NULL) {
        cp_error(diags, CP_INPUT, display, 0, 0, "cannot start the HEIF decoder");
        return -1;
    }
    heif_context_set_maximum_image_size_limit(ctx, CP_IMAGE_MAX_SIDE);
    struct heif_error err = heif_context_read_from_memory_without_copy(ctx, buf, len, NULL);
    if (err.code != heif_error_Ok) {
        heif_fail(what, err, display, diags);
        goto cleanup;
    }
    err = heif_context_get_primary_image_handle(ctx, &h);
    if (err.code != heif_error_Ok) {
        heif_fail(what, err, display, diags);
        goto cleanup;
    }
    int w = heif_image_handle_get_width(h), hh = heif_image_handle_get_height(h);
    int iw = heif_image_handle_get_ispe_width(h), ih = heif_image_handle_get_ispe_height(h);
    if (cp_image_check_size(w, hh, what, display, diags) < 0 ||
        cp_image_check_size(iw > 0 ? iw : w, ih > 0 ? ih : hh, what, display, diags) < 0)
        goto cleanup;
    /* The stored picture's sides swapped: the file turns it a quarter. */
    if (iw == hh && ih == w && w != hh)
        img->rotated = 90;
    /* An image sequence (.avifs) carries its first frame as the still item. */
    if (len >= 12 && (memcmp(buf + 8, "avis", 4) == 0 || memcmp(buf + 8, "msf1", 4) == 0))
        img->frames = 2;

    int alpha = heif_image_handle_has_alpha_channel(h);
    opt = heif_decoding_options_alloc();
    err = heif_decode_image(h, &im, heif_colorspace_RGB,
                            alpha ? heif_chroma_interleaved_RGBA : heif_chroma_interleaved_RGB,
                            opt);
    if (err.code != heif_error_Ok) {
        heif_fail(what, err, display, diags);
        goto cleanup;
    }
    int stride = 0;
    const uint8_t *px = heif_image_get_plane_readonly(im, heif_channel_interleaved, &stride);
    int dw = heif_image_get_width(im, heif_channel_interleaved);
    int dh = heif_image_get_height(im, heif_channel_interleaved);
    if (px == NULL || stride <= 0 || cp_image_check_size(dw, dh, what, display, diags) < 0) {
        if (px == NULL || stride <= 0)
            cp_error(diags, CP_INPUT, display, 0, 0, "damaged %s image: no picture decoded", what);
        goto cleanup;
    }
    if (load) {
        cp_image_take_pixels(img, px, (size_t)stride, dw, dh, alpha ? 4 : 3);
    } else {
        img->width = dw;
        img->height = dh;
        img->bits = 8;
        img->cs = CP_CS_RGB;
        img->size = (size_t)dw * (size_t)dh * 3;
    }
    ret = 0;

cleanup:
    heif_decoding_options_free(opt);
    heif_image_release(im);
    heif_image_handle_release(h);
    heif_context_free(ctx);
    return ret;
}
