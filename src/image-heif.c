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
    __typeof__(heif_image_get_bits_per_pixel_range) *image_get_bits_per_pixel_range;
    __typeof__(heif_image_get_height) *image_get_height;
    __typeof__(heif_image_get_plane_readonly) *image_get_plane_readonly;
    __typeof__(heif_image_get_width) *image_get_width;
    __typeof__(heif_image_handle_get_chroma_bits_per_pixel) *image_handle_get_chroma_bits_per_pixel;
    __typeof__(heif_image_handle_get_height) *image_handle_get_height;
    __typeof__(heif_image_handle_get_ispe_height) *image_handle_get_ispe_height;
    __typeof__(heif_image_handle_get_ispe_width) *image_handle_get_ispe_width;
    __typeof__(heif_image_handle_get_luma_bits_per_pixel) *image_handle_get_luma_bits_per_pixel;
    __typeof__(heif_image_handle_get_width) *image_handle_get_width;
    __typeof__(heif_image_handle_has_alpha_channel) *image_handle_has_alpha_channel;
    __typeof__(heif_image_handle_release) *image_handle_release;
    __typeof__(heif_image_release) *image_release;
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
    HF_NAME(image_get_bits_per_pixel_range),
    HF_NAME(image_get_height),
    HF_NAME(image_get_plane_readonly),
    HF_NAME(image_get_width),
    HF_NAME(image_handle_get_chroma_bits_per_pixel),
    HF_NAME(image_handle_get_height),
    HF_NAME(image_handle_get_ispe_height),
    HF_NAME(image_handle_get_ispe_width),
    HF_NAME(image_handle_get_luma_bits_per_pixel),
    HF_NAME(image_handle_get_width),
    HF_NAME(image_handle_has_alpha_channel),
    HF_NAME(image_handle_release),
    HF_NAME(image_release),
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

static void
release_image(void *im)
{
    hf.image_release(im);
}

/* The R, G and B planes of an 8-bit picture of w x h into img, which keeps
 * im (cp_image_free gives it back). 0, or -1 (a plane missing or not as
 * asked) with im still the caller's. */
static int
take_planes(cp_image *img, struct heif_image *im, int w, int h)
{
    static const enum heif_channel chans[3] = { heif_channel_R, heif_channel_G,
                                                heif_channel_B };
    for (int k = 0; k < 3; k++) {
        int stride = 0;
        img->plane[k] = hf.image_get_plane_readonly(im, chans[k], &stride);
        img->stride[k] = stride > 0 ? (size_t)stride : 0;
        if (img->plane[k] == NULL || stride < w || hf.image_get_width(im, chans[k]) != w ||
            hf.image_get_height(im, chans[k]) != h ||
            hf.image_get_bits_per_pixel_range(im, chans[k]) != 8) {
            memset(img->plane, 0, sizeof img->plane);
            return -1;
        }
    }
    img->width = w;
    img->height = h;
    img->bits = 8;
    img->cs = CP_CS_RGB;
    img->size = (size_t)w * (size_t)h * 3;
    img->owner = im;
    img->release = release_image;
    return 0;
}

/* load: 0 decode to check, 1 decode and keep the pixels, 2 the header only
 * (the primary item's size after its transformations, no decode), 3 as 1
 * but as the decoder's RGB planes (take_planes) when the picture is 8-bit
 * without alpha. */
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
        hf.image_handle_get_chroma_bits_per_pixel(h) == 8) {
        /* libheif 1.15 turns every picture it decodes into RGB planes
         * (HeifContext::decode_image_planar), and any other form asked for
         * is converted from those, YCbCr 4:2:0 too: asked for the planes,
         * it converts nothing more, a quarter fewer instructions (callgrind,
         * src/README.md). Its conversion to RGB applies the file's colour
         * matrix and range, so the planes are what heif-convert shows. */
        err = hf.decode_image(h, &im, heif_colorspace_RGB, heif_chroma_444, opt);
        if (err.code != heif_error_Ok) {
            heif_fail(what, err, display, diags);
            goto cleanup;
        }
        int dw = hf.image_get_width(im, heif_channel_R);
        int dh = hf.image_get_height(im, heif_channel_R);
        if (cp_image_check_size(dw, dh, what, display, diags) < 0)
            goto cleanup;
        if (take_planes(img, im, dw, dh) < 0) {
            cp_error(diags, CP_INPUT, display, 0, 0, "damaged %s image: no picture decoded", what);
            goto cleanup;
        }
        im = NULL;              /* img's now */
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
