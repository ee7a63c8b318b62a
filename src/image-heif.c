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

#include <dlfcn.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include <libheif/heif.h>

/* libheif is opened with dlopen on the first HEIC or AVIF picture, as mail.c
 * opens GMime: linked, it and the codecs it brings (x265, libde265, aom,
 * dav1d) were relocated and initialised at every start, a quarter of the
 * instructions of build --text, which reads no picture. Pictures may be
 * decoded two at a time: the library is opened once (pthread_once). */
#define HEIF_SONAME "libheif.so.1"

static struct {
    __typeof__(heif_context_alloc) *context_alloc;
    __typeof__(heif_context_free) *context_free;
    __typeof__(heif_context_get_primary_image_handle) *context_get_primary_image_handle;
    __typeof__(heif_context_read_from_memory_without_copy) *context_read_from_memory_without_copy;
    __typeof__(heif_context_set_maximum_image_size_limit) *context_set_maximum_image_size_limit;
    __typeof__(heif_decode_image) *decode_image;
    __typeof__(heif_decoding_options_alloc) *decoding_options_alloc;
    __typeof__(heif_decoding_options_free) *decoding_options_free;
    __typeof__(heif_image_get_height) *image_get_height;
    __typeof__(heif_image_get_plane_readonly) *image_get_plane_readonly;
    __typeof__(heif_image_get_width) *image_get_width;
    __typeof__(heif_image_handle_get_height) *image_handle_get_height;
    __typeof__(heif_image_handle_get_ispe_height) *image_handle_get_ispe_height;
    __typeof__(heif_image_handle_get_ispe_width) *image_handle_get_ispe_width;
    __typeof__(heif_image_handle_get_luma_bits_per_pixel) *image_handle_get_luma_bits_per_pixel;
    __typeof__(heif_image_handle_get_nclx_color_profile) *image_handle_get_nclx_color_profile;
    __typeof__(heif_image_handle_get_width) *image_handle_get_width;
    __typeof__(heif_image_handle_has_alpha_channel) *image_handle_has_alpha_channel;
    __typeof__(heif_image_handle_release) *image_handle_release;
    __typeof__(heif_image_release) *image_release;
    __typeof__(heif_nclx_color_profile_free) *nclx_color_profile_free;
} hf;
static const char *hf_why;      /* NULL: loaded */
static pthread_once_t hf_once = PTHREAD_ONCE_INIT;

static void
hf_load(void)
{
#define HF_NAME(f) { "heif_" #f, (void **)&hf.f }
    struct { const char *name; void **slot; } fns[] = {
    HF_NAME(context_alloc),
    HF_NAME(context_free),
    HF_NAME(context_get_primary_image_handle),
    HF_NAME(context_read_from_memory_without_copy),
    HF_NAME(context_set_maximum_image_size_limit),
    HF_NAME(decode_image),
    HF_NAME(decoding_options_alloc),
    HF_NAME(decoding_options_free),
    HF_NAME(image_get_height),
    HF_NAME(image_get_plane_readonly),
    HF_NAME(image_get_width),
    HF_NAME(image_handle_get_height),
    HF_NAME(image_handle_get_ispe_height),
    HF_NAME(image_handle_get_ispe_width),
    HF_NAME(image_handle_get_luma_bits_per_pixel),
    HF_NAME(image_handle_get_nclx_color_profile),
    HF_NAME(image_handle_get_width),
    HF_NAME(image_handle_has_alpha_channel),
    HF_NAME(image_handle_release),
    HF_NAME(image_release),
    HF_NAME(nclx_color_profile_free),
    };
#undef HF_NAME
    void *h = dlopen(HEIF_SONAME, RTLD_NOW | RTLD_LOCAL);
    bool ok = h != NULL;
    for (size_t i = 0; ok && i < CP_ARRAY_LEN(fns); i++)
        ok = (*fns[i].slot = dlsym(h, fns[i].name)) != NULL;
    if (!ok) {
        const char *e = dlerror();
        hf_why = xstrdup(e ? e : HEIF_SONAME);
    }
}

/* 0, or -1 with a CP_INPUT error on `display` saying what is missing. */
static int
heif_open(const char *display, cp_diags *diags)
{
    pthread_once(&hf_once, hf_load);
    if (hf_why) {
        cp_error(diags, CP_INPUT, display, 0, 0, "cannot read HEIC or AVIF pictures: the libheif "
                 "library cannot be loaded (%s); install libheif1", hf_why);
        return -1;
    }
    return 0;
}




static int
heif_fail(const char *what, struct heif_error err, const char *display, cp_diags *diags)
{
    cp_error(diags, CP_INPUT, display, 0, 0, "damaged %s image: %s", what,
             err.message && *err.message ? err.message : "libheif failed");
    return -1;
}

/* Whether the picture's colours are JPEG's YCbCr (BT.601, full range), so
 * that its planes can go to the JPEG encoder as they are: libheif takes
 * BT.601 and full range when the file says nothing (nclx absent). */
static bool
jpeg_colours(const struct heif_image_handle *h)
{
    struct heif_color_profile_nclx *nclx = NULL;
    struct heif_error err = hf.image_handle_get_nclx_color_profile(h, &nclx);
    if (err.code != heif_error_Ok || nclx == NULL)
        return true;
    bool ok = nclx->full_range_flag &&
              (nclx->matrix_coefficients == heif_matrix_coefficients_ITU_R_BT_601_6 ||
               nclx->matrix_coefficients == heif_matrix_coefficients_ITU_R_BT_470_6_System_B_G ||
               nclx->matrix_coefficients == heif_matrix_coefficients_unspecified);
    hf.nclx_color_profile_free(nclx);
    return ok;
}

/* Y, Cb and Cr of a 4:2:0 picture packed one after the other into
 * img->data (ycc420). 0 or -1 (no plane). */
static int
take_planes(cp_image *img, const struct heif_image *im, int w, int h)
{
    int cw = (w + 1) / 2, ch = (h + 1) / 2;
    static const enum heif_channel chans[3] = { heif_channel_Y, heif_channel_Cb,
                                                heif_channel_Cr };
    const uint8_t *pl[3];
    int stride[3];
    for (int k = 0; k < 3; k++) {
        pl[k] = hf.image_get_plane_readonly(im, chans[k], &stride[k]);
        int pw = hf.image_get_width(im, chans[k]), ph = hf.image_get_height(im, chans[k]);
        if (pl[k] == NULL || pw < (k ? cw : w) || ph < (k ? ch : h) ||
            stride[k] < (k ? cw : w))
            return -1;
    }
    img->size = (size_t)w * (size_t)h + 2 * (size_t)cw * (size_t)ch;
    img->data = xmalloc(img->size);
    unsigned char *dst = img->data;
    for (int k = 0; k < 3; k++) {
        int pw = k ? cw : w, ph = k ? ch : h;
        for (int y = 0; y < ph; y++, dst += pw)
            memcpy(dst, pl[k] + (size_t)y * (size_t)stride[k], (size_t)pw);
    }
    img->width = w;
    img->height = h;
    img->bits = 8;
    img->cs = CP_CS_RGB;
    img->ycc420 = 1;
    return 0;
}

/* load: 0 decode to check, 1 decode and keep the pixels, 2 the header only
 * (the primary item's size after its transformations, no decode), 3 as 1
 * but as YCbCr planes (ycc420) when the picture has JPEG's colours and no
 * alpha. */
static int
heif_run(cp_image *img, const unsigned char *buf, size_t len, int load, const char *display,
         cp_diags *diags)
{
    const char *what = len >= 12 && (memcmp(buf + 8, "avif", 4) == 0 ||
                                     memcmp(buf + 8, "avis", 4) == 0) ? "AVIF" : "HEIC";
    struct heif_context *ctx = NULL;
    struct heif_image_handle *h = NULL;
    struct heif_image *im = NULL;
    struct heif_decoding_options *opt = NULL;
    int ret = -1;

    memset(img, 0, sizeof *img);
    img->orientation = 1;
    img->frames = 1;
    img->pages = 1;
    img->lossy = 1;
    if (heif_open(display, diags) < 0)
        return -1;
    ctx = hf.context_alloc();
    if (ctx == NULL) {
        cp_error(diags, CP_INPUT, display, 0, 0, "cannot start the HEIF decoder");
        return -1;
    }
    hf.context_set_maximum_image_size_limit(ctx, CP_IMAGE_MAX_SIDE);
    struct heif_error err = hf.context_read_from_memory_without_copy(ctx, buf, len, NULL);
    if (err.code != heif_error_Ok) {
        heif_fail(what, err, display, diags);
        goto cleanup;
    }
    err = hf.context_get_primary_image_handle(ctx, &h);
    if (err.code != heif_error_Ok) {
        heif_fail(what, err, display, diags);
        goto cleanup;
    }
    int w = hf.image_handle_get_width(h), hh = hf.image_handle_get_height(h);
    int iw = hf.image_handle_get_ispe_width(h), ih = hf.image_handle_get_ispe_height(h);
    if (cp_image_check_size(w, hh, what, display, diags) < 0 ||
        cp_image_check_size(iw > 0 ? iw : w, ih > 0 ? ih : hh, what, display, diags) < 0)
        goto cleanup;
    /* The stored picture's sides swapped: the file turns it a quarter. */
    if (iw == hh && ih == w && w != hh)
        img->rotated = 90;
    /* An image sequence (.avifs) carries its first frame as the still item. */
    if (len >= 12 && (memcmp(buf + 8, "avis", 4) == 0 || memcmp(buf + 8, "msf1", 4) == 0))
        img->frames = 2;

    if (load == 2) {
        img->width = w;
        img->height = hh;
        img->bits = 8;
        img->cs = CP_CS_RGB;
        img->size = (size_t)w * (size_t)hh * 3;
        ret = 0;
        goto cleanup;
    }
    int alpha = hf.image_handle_has_alpha_channel(h);
    opt = hf.decoding_options_alloc();
    if (load == 3 && !alpha && hf.image_handle_get_luma_bits_per_pixel(h) == 8 &&
        jpeg_colours(h)) {
        /* As the encoder takes them: no conversion to RGB and back. */
        err = hf.decode_image(h, &im, heif_colorspace_YCbCr, heif_chroma_420, opt);
        if (err.code != heif_error_Ok) {
            heif_fail(what, err, display, diags);
            goto cleanup;
        }
        int dw = hf.image_get_width(im, heif_channel_Y);
        int dh = hf.image_get_height(im, heif_channel_Y);
        if (cp_image_check_size(dw, dh, what, display, diags) < 0)
            goto cleanup;
        if (take_planes(img, im, dw, dh) < 0) {
            cp_error(diags, CP_INPUT, display, 0, 0, "damaged %s image: no picture decoded", what);
            goto cleanup;
        }
        ret = 0;
        goto cleanup;
    }
    err = hf.decode_image(h, &im, heif_colorspace_RGB,
                            alpha ? heif_chroma_interleaved_RGBA : heif_chroma_interleaved_RGB,
                            opt);
    if (err.code != heif_error_Ok) {
        heif_fail(what, err, display, diags);
        goto cleanup;
    }
    int stride = 0;
    const uint8_t *px = hf.image_get_plane_readonly(im, heif_channel_interleaved, &stride);
    int dw = hf.image_get_width(im, heif_channel_interleaved);
    int dh = hf.image_get_height(im, heif_channel_interleaved);
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
    hf.decoding_options_free(opt);
    hf.image_release(im);
    hf.image_handle_release(h);
    hf.context_free(ctx);
    return ret;
}

int
cp_image_heif(cp_image *img, const unsigned char *buf, size_t len, int load,
              const char *display, cp_diags *diags)
{
    return heif_run(img, buf, len, load ? 1 : 0, display, diags);
}

int
cp_image_heif_header(cp_image *img, const unsigned char *buf, size_t len, const char *display,
                     cp_diags *diags)
{
    return heif_run(img, buf, len, 2, display, diags);
}

int
cp_image_heif_planes(cp_image *img, const unsigned char *buf, size_t len, const char *display,
                     cp_diags *diags)
{
    return heif_run(img, buf, len, 3, display, diags);
}
