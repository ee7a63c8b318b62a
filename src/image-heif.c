/* image-heif.c: HEIC (iPhone and Android photos) and AVIF pictures, decoded
 * with libheif.
 *
 * The transformations the file declares (irot, imir, clap) are applied
 * while decoding, as heif-convert shows the picture: by libheif, but for
 * the turn of an 8-bit picture without alpha, whose RGB planes are turned
 * as they are read (cp_image_plane_row) rather than copied; the EXIF
 * orientation tag such files also carry describes the same turn again,
 * so it is not read (orientation stays 1 and nothing is applied twice).
 * The size limits are checked on the item's declared size before any
 * decode. A photo decoded for the JPEG encoder comes out as RGB planes,
 * through a decoder plugin of ours where the file allows (below). */
#include "config.h"
#include "image.h"
#include "util.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include <malloc.h>
#include <string.h>
#include <sys/mman.h>

#include <libde265/de265.h>
#include <libheif/heif.h>
#include <libheif/heif_plugin.h>

/* libheif is opened with dlopen on the first HEIC or AVIF picture, as mail.c
 * opens GMime: linked, it and the codecs it brings (x265, libde265, aom,
 * dav1d) were relocated and initialised at every start, a quarter of the
 * instructions of build --text, which reads no picture. Pictures may be
 * decoded two at a time: the library is opened once (pthread_once). */
#define HEIF_SONAME "libheif.so.1"

/* Built with AddressSanitizer: gcc says so with __SANITIZE_ADDRESS__,
 * clang (make fuzz) with __has_feature. */
#if defined(__SANITIZE_ADDRESS__)
#define CP_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define CP_ASAN 1
#endif
#endif
#ifndef CP_ASAN
#define CP_ASAN 0
#endif

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
    __typeof__(heif_image_add_plane) *image_add_plane;
    __typeof__(heif_image_create) *image_create;
    __typeof__(heif_image_get_height) *image_get_height;
    __typeof__(heif_image_get_plane) *image_get_plane;
    __typeof__(heif_image_get_plane_readonly) *image_get_plane_readonly;
    __typeof__(heif_image_get_width) *image_get_width;
    __typeof__(heif_image_handle_get_chroma_bits_per_pixel) *image_handle_get_chroma_bits_per_pixel;
    __typeof__(heif_image_handle_get_height) *image_handle_get_height;
    __typeof__(heif_image_handle_get_ispe_height) *image_handle_get_ispe_height;
    __typeof__(heif_image_handle_get_ispe_width) *image_handle_get_ispe_width;
    __typeof__(heif_image_handle_get_luma_bits_per_pixel) *image_handle_get_luma_bits_per_pixel;
    __typeof__(heif_image_handle_get_nclx_color_profile) *image_handle_get_nclx_color_profile;
    __typeof__(heif_image_handle_get_width) *image_handle_get_width;
    __typeof__(heif_image_handle_has_alpha_channel) *image_handle_has_alpha_channel;
    __typeof__(heif_image_handle_release) *image_handle_release;
    __typeof__(heif_image_release) *image_release;
    __typeof__(heif_image_set_nclx_color_profile) *image_set_nclx_color_profile;
    __typeof__(heif_nclx_color_profile_alloc) *nclx_color_profile_alloc;
    __typeof__(heif_nclx_color_profile_free) *nclx_color_profile_free;
    __typeof__(heif_register_decoder) *register_decoder;
} hf;
static const char *hf_why;      /* NULL: loaded */
static pthread_once_t hf_once = PTHREAD_ONCE_INIT;

/* --- HEVC to RGB planes in one step ---------------------------------------
 *
 * libheif converts each picture its decoder gives it from YCbCr into RGB
 * planes (src/README.md), with a per-pixel loop that was the largest part
 * of a phone photo's decode after the HEVC decoding itself. This decoder
 * plugin, registered on the context of a photo decoded for the JPEG
 * encoder, decodes with the same libde265 (found through libheif, which
 * brings it) and gives libheif the RGB planes itself, so libheif converts
 * nothing: the same arithmetic as libheif 1.15's conversion (its colour
 * matrices, range and rounding, from the stream's colour description as
 * libheif's own plugin passes it on), done from tables. A picture it does
 * not convert (not 8-bit, monochrome, a matrix it does not know) it gives
 * as YCbCr, as libheif's own plugin does, and libheif converts it. It is
 * used only when the file declares no colours of its own (no nclx), which
 * libheif would apply instead of the stream's. */
static struct {
    __typeof__(de265_decode) *decode;
    __typeof__(de265_flush_data) *flush_data;
    __typeof__(de265_free_decoder) *free_decoder;
    __typeof__(de265_get_bits_per_pixel) *get_bits_per_pixel;
    __typeof__(de265_get_chroma_format) *get_chroma_format;
    __typeof__(de265_get_image_colour_primaries) *get_image_colour_primaries;
    __typeof__(de265_get_image_full_range_flag) *get_image_full_range_flag;
    __typeof__(de265_get_image_height) *get_image_height;
    __typeof__(de265_get_image_matrix_coefficients) *get_image_matrix_coefficients;
    __typeof__(de265_get_image_plane) *get_image_plane;
    __typeof__(de265_get_image_transfer_characteristics) *get_image_transfer_characteristics;
    __typeof__(de265_get_image_width) *get_image_width;
    __typeof__(de265_get_next_picture) *get_next_picture;
    __typeof__(de265_new_decoder) *new_decoder;
    __typeof__(de265_push_NAL) *push_NAL;
    __typeof__(de265_release_next_picture) *release_next_picture;
    __typeof__(de265_start_worker_threads) *start_worker_threads;
} de;
static bool de_loaded;

/* libde265 as libheif brought it in: looked up through libheif's handle,
 * whose dependencies dlsym searches too. Without it the plugin is not
 * used and libheif decodes as it does alone. */
static void
de_load(void *heif)
{
#define DE_NAME(f) { "de265_" #f, (void **)&de.f }
    struct { const char *name; void **slot; } fns[] = {
    DE_NAME(decode),
    DE_NAME(flush_data),
    DE_NAME(free_decoder),
    DE_NAME(get_bits_per_pixel),
    DE_NAME(get_chroma_format),
    DE_NAME(get_image_colour_primaries),
    DE_NAME(get_image_full_range_flag),
    DE_NAME(get_image_height),
    DE_NAME(get_image_matrix_coefficients),
    DE_NAME(get_image_plane),
    DE_NAME(get_image_transfer_characteristics),
    DE_NAME(get_image_width),
    DE_NAME(get_next_picture),
    DE_NAME(new_decoder),
    DE_NAME(push_NAL),
    DE_NAME(release_next_picture),
    DE_NAME(start_worker_threads),
    };
#undef DE_NAME
    bool ok = true;
    for (size_t i = 0; ok && i < CP_ARRAY_LEN(fns); i++)
        ok = (*fns[i].slot = dlsym(heif, fns[i].name)) != NULL;
    de_loaded = ok;
}

static const struct heif_error hp_ok = { heif_error_Ok, heif_suberror_Unspecified, "" };
static const struct heif_error hp_failed = { heif_error_Decoder_plugin_error,
                                             heif_suberror_Unspecified, "" };
static const struct heif_error hp_short = { heif_error_Decoder_plugin_error,
                                            heif_suberror_End_of_data, "" };

static const char *
hp_name(void)
{
    return "claimpack: libde265 to RGB planes";
}

/* Above libde265's own plugin (100), so the context takes this one. */
static int
hp_supports(enum heif_compression_format format)
{
    return format == heif_compression_HEVC ? 200 : 0;
}

/* The decoder, which hp_decode frees (ctx NULL) as soon as it has the
 * picture, before making the RGB planes: libde265 holds as much again of
 * its own beside the picture (its frames, a copy for the sample adaptive
 * offset, each block's modes and motion). */
typedef struct hp_dec {
    de265_decoder_context *ctx;
} hp_dec;

static struct heif_error
hp_new(void **dec)
{
    de265_decoder_context *ctx = de.new_decoder();
    if (ctx == NULL)
        return hp_failed;
    de.start_worker_threads(ctx, 1);        /* as libheif's plugin decodes */
    hp_dec *d = xmalloc(sizeof *d);
    d->ctx = ctx;
    *dec = d;
    return hp_ok;
}

static void
hp_free(void *dec)
{
    hp_dec *d = dec;
    if (d->ctx)
        de.free_decoder(d->ctx);
    free(d);
}

/* The NAL units as libheif gives them: each after its 4-byte length. */
static struct heif_error
hp_push(void *dec, const void *data, size_t size)
{
    hp_dec *d = dec;
    const uint8_t *p = data;
    size_t at = 0;
    while (at < size) {
        if (size - at < 4)
            return hp_short;
        uint32_t n = (uint32_t)p[at] << 24 | (uint32_t)p[at + 1] << 16 |
                     (uint32_t)p[at + 2] << 8 | p[at + 3];
        at += 4;
        if (n > size - at)
            return hp_short;
        de.push_NAL(d->ctx, p + at, (int)n, 0, NULL);
        at += n;
    }
    return hp_ok;
}

/* libheif's YCbCr to RGB coefficients for a matrix (nclx.cc), in its float
 * arithmetic; -1 for the matrices it treats apart (0 GBR, 8 YCgCo, 12 and
 * 13 from the primaries): those are left to it. */
typedef struct ycc_coeffs {
    float r_cr, g_cb, g_cr, b_cb;
} ycc_coeffs;

static int
ycc_coeffs_of(int matrix, ycc_coeffs *c)
{
    float kr = 0, kb = 0;
    switch (matrix) {
    case 0: case 8: case 12: case 13:
        return -1;
    case 1: kr = 0.2126f; kb = 0.0722f; break;
    case 4: kr = 0.30f; kb = 0.11f; break;
    case 5: case 6: kr = 0.299f; kb = 0.114f; break;
    case 7: kr = 0.212f; kb = 0.087f; break;
    case 9: case 10: kr = 0.2627f; kb = 0.0593f; break;
    default: break;
    }
    if (kb != 0 || kr != 0) {
        c->r_cr = 2 * (-kr + 1);
        c->g_cb = 2 * kb * (-kb + 1) / (kb + kr - 1);
        c->g_cr = 2 * kr * (-kr + 1) / (kb + kr - 1);
        c->b_cb = 2 * (-kb + 1);
    } else {                    /* libheif's defaults: BT.601 */
        c->r_cr = 1.402f;
        c->g_cb = -0.344136f;
        c->g_cr = -0.714136f;
        c->b_cb = 1.772f;
    }
    return 0;
}

static inline uint8_t
hp_clip(float f)
{
    long x = (long)(f + 0.5f);
    return x < 0 ? 0 : x > 255 ? 255 : (uint8_t)x;
}

/* The colours the file gives the picture (nclx), which libheif converts
 * with instead of the stream's: set by heif_run while it decodes a coded
 * picture, which libheif 1.15 decodes on the thread that asks for it (a
 * grid's tiles are decoded on threads of its own, which would not see
 * them, and with colours of their own: a grid, or any picture made of
 * others, with colours of its own is left to libheif's plugin). */
static __thread struct {
    bool set;
    int matrix, full;
} hp_colours;

/* A picture's samples copied out of libde265, so that the decoder, which
 * holds as much again of its own (hp_dec), can be freed before the RGB
 * planes are made. libheif's planes are filled with zeros as they are
 * added (Debian's libheif 1.15), so each is memory from the start: R and
 * G are made first and B is written over the copy's Y, then the chroma is
 * freed and the B plane added. At 7000x7000 4:2:0 that is at most 147 MB
 * of planes beside 49 MB of the copy, where converting from the decoder's
 * own picture held the planes beside its 140 MB. */
typedef struct hp_copy {
    int w, h, sh, sv, cw, ch;
    int full;
    ycc_coeffs c;
    unsigned char *plane[3];     /* Y, Cb, Cr, rows packed; plane[0] NULL: none */
} hp_copy;

/* Each plane of the copy is mapped on its own, so that freeing it gives it
 * back to the system: malloc would keep a freed plane of 12 MB for itself
 * once freed blocks of that size have raised its threshold for mapping. */
static size_t
hp_plane_len(const hp_copy *cp, int k)
{
    return k ? (size_t)cp->cw * (size_t)cp->ch : (size_t)cp->w * (size_t)cp->h;
}

static void
hp_plane_free(hp_copy *cp, int k)
{
    if (cp->plane[k])
        munmap(cp->plane[k], hp_plane_len(cp, k));
    cp->plane[k] = NULL;
}

static void
hp_copy_free(hp_copy *cp)
{
    for (int k = 0; k < 3; k++)
        hp_plane_free(cp, k);
}

/* The picture into cp (whose planes must be NULL), if it is one converted
 * here (8-bit, with chroma, a matrix libheif converts with from the
 * stream): 0, or -1 (cp untouched). */
static int
hp_copy_of(const struct de265_image *pic, hp_copy *cp)
{
    hp_copy n;
    memset(&n, 0, sizeof n);
    n.w = de.get_image_width(pic, 0);
    n.h = de.get_image_height(pic, 0);
    enum de265_chroma chroma = de.get_chroma_format(pic);
    n.sh = chroma == de265_chroma_444 ? 0 : 1;
    n.sv = chroma == de265_chroma_420 ? 1 : 0;
    int matrix = hp_colours.set ? hp_colours.matrix : de.get_image_matrix_coefficients(pic);
    if (chroma == de265_chroma_mono || n.w <= 0 || n.h <= 0 || ycc_coeffs_of(matrix, &n.c) < 0)
        return -1;
    for (int k = 0; k < 3; k++)
        if (de.get_bits_per_pixel(pic, k) != 8)
            return -1;
    n.cw = ((n.w - 1) >> n.sh) + 1;
    n.ch = ((n.h - 1) >> n.sv) + 1;
    for (int k = 1; k < 3; k++)
        if (de.get_image_width(pic, k) < n.cw || de.get_image_height(pic, k) < n.ch)
            return -1;
    n.full = hp_colours.set ? hp_colours.full : de.get_image_full_range_flag(pic);
    for (int k = 0; k < 3; k++) {
        void *map = mmap(NULL, hp_plane_len(&n, k), PROT_READ | PROT_WRITE,
                         MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (map == MAP_FAILED) {
            hp_copy_free(&n);
            return -1;
        }
        n.plane[k] = map;
        int stride;
        const uint8_t *src = de.get_image_plane(pic, k, &stride);
        size_t w = (size_t)(k ? n.cw : n.w), h = (size_t)(k ? n.ch : n.h);
        for (size_t y = 0; y < h; y++)
            memcpy(n.plane[k] + y * w, src + y * (size_t)stride, w);
    }
    *cp = n;
    return 0;
}

/* The copy as 8-bit RGB planes, converted as libheif converts; the copy
 * is freed either way. 0, or -1. */
static int
hp_rgb(hp_copy *cp, struct heif_image **out)
{
    int w = cp->w, h = cp->h, sh = cp->sh, sv = cp->sv;
    /* Each product libheif computes per pixel, once per sample value. */
    float ty[256], trcr[256], tgcb[256], tgcr[256], tbcb[256];
    for (int v = 0; v < 256; v++) {
        float yv = (float)v, cv = (float)(v - 128);
        if (!cp->full) {
            yv = (yv - 16.0f) * 1.1689f;
            cv = cv * 1.1429f;
        }
        ty[v] = yv;
        trcr[v] = cp->c.r_cr * cv;
        tgcb[v] = cp->c.g_cb * cv;
        tgcr[v] = cp->c.g_cr * cv;
        tbcb[v] = cp->c.b_cb * cv;
    }
    static const enum heif_channel chans[3] = { heif_channel_R, heif_channel_G,
                                                heif_channel_B };
    struct heif_image *im = NULL;
    uint8_t *o[3];
    int os[3];
    if (hf.image_create(w, h, heif_colorspace_RGB, heif_chroma_444, &im).code != heif_error_Ok)
        goto failed;
    for (int k = 0; k < 2; k++)
        if (hf.image_add_plane(im, chans[k], w, h, 8).code != heif_error_Ok ||
            (o[k] = hf.image_get_plane(im, chans[k], &os[k])) == NULL)
            goto failed;
    /* R and G into their planes, B over the copy's Y, which nothing needs
     * any more; the chroma is freed before the B plane is added. */
    for (int y = 0; y < h; y++) {
        uint8_t *yr = cp->plane[0] + (size_t)y * (size_t)w;
        const uint8_t *br = cp->plane[1] + (size_t)(y >> sv) * (size_t)cp->cw;
        const uint8_t *rr = cp->plane[2] + (size_t)(y >> sv) * (size_t)cp->cw;
        uint8_t *R = o[0] + (size_t)y * (size_t)os[0], *G = o[1] + (size_t)y * (size_t)os[1];
        for (int x = 0; x < w; x++) {
            float yv = ty[yr[x]];
            int cb = br[x >> sh], cr = rr[x >> sh];
            R[x] = hp_clip(yv + trcr[cr]);
            G[x] = hp_clip(yv + tgcb[cb] + tgcr[cr]);
            yr[x] = hp_clip(yv + tbcb[cb]);
        }
    }
    hp_plane_free(cp, 1);
    hp_plane_free(cp, 2);
    if (hf.image_add_plane(im, chans[2], w, h, 8).code != heif_error_Ok ||
        (o[2] = hf.image_get_plane(im, chans[2], &os[2])) == NULL)
        goto failed;
    for (int y = 0; y < h; y++)
        memcpy(o[2] + (size_t)y * (size_t)os[2], cp->plane[0] + (size_t)y * (size_t)w,
               (size_t)w);
    hp_copy_free(cp);
    *out = im;
    return 0;
failed:
    hf.image_release(im);
    hp_copy_free(cp);
    return -1;
}

/* Any other picture as libheif's own plugin gives it: its planes as they
 * are, and the stream's colour description, for libheif to convert. */
static struct heif_error
hp_ycc(const struct de265_image *pic, struct heif_image **out)
{
    bool mono = de.get_chroma_format(pic) == de265_chroma_mono;
    int bpp = de.get_bits_per_pixel(pic, 0);
    static const enum heif_channel chans[3] = { heif_channel_Y, heif_channel_Cb,
                                                heif_channel_Cr };
    struct heif_image *im = NULL;
    struct heif_error err = hf.image_create(de.get_image_width(pic, 0),
                                            de.get_image_height(pic, 0),
                                            mono ? heif_colorspace_monochrome
                                                 : heif_colorspace_YCbCr,
                                            (enum heif_chroma)de.get_chroma_format(pic), &im);
    if (err.code != heif_error_Ok)
        return err;
    for (int k = 0; k < (mono ? 1 : 3); k++) {
        int stride, w = de.get_image_width(pic, k), h = de.get_image_height(pic, k);
        const uint8_t *src = de.get_image_plane(pic, k, &stride);
        if (de.get_bits_per_pixel(pic, k) != bpp || w <= 0 || h <= 0 || src == NULL ||
            hf.image_add_plane(im, chans[k], w, h, bpp).code != heif_error_Ok) {
            hf.image_release(im);
            return hp_failed;
        }
        int ds;
        uint8_t *dst = hf.image_get_plane(im, chans[k], &ds);
        size_t row = (size_t)w * (size_t)((bpp + 7) / 8);
        for (int y = 0; y < h; y++)
            memcpy(dst + (size_t)y * (size_t)ds, src + (size_t)y * (size_t)stride, row);
    }
    struct heif_color_profile_nclx *nclx = hf.nclx_color_profile_alloc();
    if (nclx) {
        nclx->color_primaries = (enum heif_color_primaries)de.get_image_colour_primaries(pic);
        nclx->transfer_characteristics = (enum heif_transfer_characteristics)
                                         de.get_image_transfer_characteristics(pic);
        nclx->matrix_coefficients = (enum heif_matrix_coefficients)
                                    de.get_image_matrix_coefficients(pic);
        nclx->full_range_flag = (uint8_t)(de.get_image_full_range_flag(pic) != 0);
        hf.image_set_nclx_color_profile(im, nclx);
        hf.nclx_color_profile_free(nclx);
    }
    *out = im;
    return hp_ok;
}

/* The last picture the stream decodes to, as libheif's own plugin takes
 * it; a stream that gives none is an error. The decoder is freed before
 * the RGB planes are made (hp_copy). */
static struct heif_error
hp_decode(void *dec, struct heif_image **out)
{
    hp_dec *d = dec;
    hp_copy cp;
    struct heif_error err = hp_ok;
    int more;
    *out = NULL;
    memset(&cp, 0, sizeof cp);
    de.flush_data(d->ctx);
    do {
        more = 0;
        if (de.decode(d->ctx, &more) != DE265_OK)
            break;
        const struct de265_image *pic = de.get_next_picture(d->ctx);
        if (pic) {
            hf.image_release(*out);
            *out = NULL;
            hp_copy_free(&cp);
            if (hp_copy_of(pic, &cp) < 0)
                err = hp_ycc(pic, out);
            de.release_next_picture(d->ctx);
            if (err.code != heif_error_Ok)
                return err;
        }
    } while (more);
    de.free_decoder(d->ctx);
    d->ctx = NULL;
    /* What libde265 freed goes back to the system before the planes are
     * made: malloc keeps freed blocks of its size for itself, which left
     * a second decode in one run (--max-size) some 25 MB higher. Not
     * under AddressSanitizer, whose allocator is the program's malloc
     * then: glibc's has nothing to give back, and this call would be its
     * first use, made on libheif's threads rather than the main one,
     * where glibc sets its allocator up without a lock: about one check
     * in a hundred crashed in the trim or aborted at a thread's exit
     * ("a->attached_threads > 0"). */
#if !CP_ASAN
    malloc_trim(0);
#endif
    if (cp.plane[0] && hp_rgb(&cp, out) < 0)
        return hp_failed;
    return *out ? hp_ok : hp_failed;
}

static const struct heif_decoder_plugin hevc_rgb = {
    .plugin_api_version = 1,
    .get_plugin_name = hp_name,
    .does_support_format = hp_supports,
    .new_decoder = hp_new,
    .free_decoder = hp_free,
    .push_data = hp_push,
    .decode_image = hp_decode,
};

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
    HF_NAME(image_add_plane),
    HF_NAME(image_create),
    HF_NAME(image_get_height),
    HF_NAME(image_get_plane),
    HF_NAME(image_get_plane_readonly),
    HF_NAME(image_get_width),
    HF_NAME(image_handle_get_chroma_bits_per_pixel),
    HF_NAME(image_handle_get_height),
    HF_NAME(image_handle_get_ispe_height),
    HF_NAME(image_handle_get_ispe_width),
    HF_NAME(image_handle_get_luma_bits_per_pixel),
    HF_NAME(image_handle_get_nclx_color_profile),
    HF_NAME(image_handle_get_width),
    HF_NAME(image_handle_has_alpha_channel),
    HF_NAME(image_handle_release),
    HF_NAME(image_release),
    HF_NAME(image_set_nclx_color_profile),
    HF_NAME(nclx_color_profile_alloc),
    HF_NAME(nclx_color_profile_free),
    HF_NAME(register_decoder),
    };
#undef HF_NAME
    void *h = dlopen(HEIF_SONAME, RTLD_NOW | RTLD_LOCAL);
    bool ok = h != NULL;
    for (size_t i = 0; ok && i < CP_ARRAY_LEN(fns); i++)
        ok = (*fns[i].slot = dlsym(h, fns[i].name)) != NULL;
    if (!ok) {
        const char *e = dlerror();
        hf_why = xstrdup(e ? e : HEIF_SONAME);
        return;
    }
    de_load(h);
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

/* img's planes (take_planes) through rows, a row interleaved at a time
 * (cp_rows_begin ... cp_rows_end). 0, or -1 when fn stopped it. */
static int
planes_rows(cp_rows *rows, cp_image *img)
{
    int w = img->width, h = img->height;
    unsigned char *row = xmalloc((size_t)w * 3);
    cp_rows_begin(rows, img, w, h, 3);
    int rc = 0;
    for (int y = 0; y < h && rc == 0; y++) {
        cp_image_plane_row(img, y, row);
        rc = cp_rows_put(rows, row);
    }
    cp_rows_end(rows);
    free(row);
    return rc;
}

/* What the file says of its primary picture that libheif 1.15 does not
 * say before decoding, from the boxes walked within the file's bytes (the
 * top level, meta, its pitm, iinf and iprp's ipco and ipma). */
typedef struct heif_props {
    /* Chroma samples for every two luma samples: 0 (grey), 1 (4:2:0), 2
     * (4:2:2) or 4 (4:4:4), the most of any decoder configuration in the
     * file (hvcC's chroma_format_idc, av1C's monochrome and subsampling
     * bits), 4 when none is found. */
    int chroma;
    bool known;                 /* the primary item's properties were found */
    bool coded;                 /* it is a coded picture (hvc1, av01), not one
                                 * made of others (a grid of tiles) */
    int turn;                   /* its irot: degrees counter-clockwise */
    bool other;                 /* it is mirrored (imir) or cropped (clap) */
} heif_props;

static uint32_t
be32(const unsigned char *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

/* The box at *pos, before end: 1 with its type and its contents [*at,
 * *to), *pos moved past it; 0 when none is left whole. */
static int
box_next(const unsigned char *buf, size_t end, size_t *pos, const unsigned char **type,
         size_t *at, size_t *to)
{
    if (*pos > end || end - *pos < 8)
        return 0;
    uint64_t n = be32(buf + *pos);
    size_t head = 8;
    if (n == 1 && end - *pos >= 16) {           /* a 64-bit size */
        n = (uint64_t)be32(buf + *pos + 8) << 32 | be32(buf + *pos + 12);
        head = 16;
    }
    if (n < head || n > end - *pos)
        return 0;
    *type = buf + *pos + 4;
    *at = *pos + head;
    *to = *pos + (size_t)n;
    *pos = *to;
    return 1;
}

/* The primary item's properties in ipma (at..to, a full box's contents):
 * into p, given ipco's boxes [from, to) indexed from 1. */
static void
heif_item_props(const unsigned char *buf, size_t at, size_t to, uint32_t item,
                size_t ipco_at, size_t ipco_to, heif_props *p)
{
    if (to - at < 8)
        return;
    int version = buf[at], wide = buf[at + 3] & 1;
    uint32_t entries = be32(buf + at + 4);
    size_t q = at + 8;
    for (uint32_t e = 0; e < entries; e++) {
        size_t idn = version ? 4 : 2;
        if (to - q < idn + 1)
            return;
        uint32_t id = version ? be32(buf + q) : (uint32_t)buf[q] << 8 | buf[q + 1];
        int count = buf[q + idn];
        q += idn + 1;
        if (to - q < (size_t)count * (wide ? 2 : 1))
            return;
        for (int k = 0; k < count; k++, q += wide ? 2 : 1) {
            if (id != item)
                continue;
            unsigned index = wide ? ((unsigned)buf[q] << 8 | buf[q + 1]) & 0x7FFF
                                  : buf[q] & 0x7Fu;
            const unsigned char *type = NULL, *t;
            size_t pos = ipco_at, pa = 0, pt = 0, a2, t2;
            for (unsigned i = 1; index && box_next(buf, ipco_to, &pos, &t, &a2, &t2); i++)
                if (i == index) {
                    type = t;
                    pa = a2;
                    pt = t2;
                    break;
                }
            if (type == NULL)
                continue;
            if (memcmp(type, "irot", 4) == 0 && pt > pa)
                p->turn = (p->turn + (buf[pa] & 3) * 90) % 360;
            else if (memcmp(type, "imir", 4) == 0 || memcmp(type, "clap", 4) == 0)
                p->other = true;
        }
        if (id == item) {
            p->known = true;
            return;
        }
    }
}

static void
heif_props_of(const unsigned char *buf, size_t len, heif_props *p)
{
    memset(p, 0, sizeof *p);
    p->chroma = -1;
    const unsigned char *type;
    size_t pos = 0, at, to, meta_at = 0, meta_to = 0;
    while (box_next(buf, len, &pos, &type, &at, &to))
        if (memcmp(type, "meta", 4) == 0 && to - at >= 4) {
            meta_at = at + 4;
            meta_to = to;
            break;
        }
    uint32_t item = 0;
    size_t iinf_at = 0, iinf_to = 0, ipco_at = 0, ipco_to = 0, ipma_at = 0, ipma_to = 0;
    pos = meta_at;
    while (meta_to && box_next(buf, meta_to, &pos, &type, &at, &to)) {
        if (memcmp(type, "pitm", 4) == 0 && to - at >= 6)
            item = buf[at] ? (to - at >= 8 ? be32(buf + at + 4) : 0)
                           : (uint32_t)buf[at + 4] << 8 | buf[at + 5];
        else if (memcmp(type, "iinf", 4) == 0 && to - at >= 6) {
            iinf_at = at + (buf[at] ? 8 : 6);
            iinf_to = to;
        } else if (memcmp(type, "iprp", 4) == 0) {
            size_t q = at, a2, t2;
            const unsigned char *ty;
            while (box_next(buf, to, &q, &ty, &a2, &t2)) {
                if (memcmp(ty, "ipco", 4) == 0) {
                    ipco_at = a2;
                    ipco_to = t2;
                } else if (memcmp(ty, "ipma", 4) == 0 && ipma_to == 0) {
                    ipma_at = a2;
                    ipma_to = t2;
                }
            }
        }
    }
    pos = ipco_at;
    while (ipco_to && box_next(buf, ipco_to, &pos, &type, &at, &to)) {
        const unsigned char *d = buf + at;
        size_t dn = to - at;
        if (memcmp(type, "hvcC", 4) == 0 && dn > 16) {
            static const int of_idc[4] = { 0, 1, 2, 4 };
            int c = of_idc[d[16] & 3];
            p->chroma = c > p->chroma ? c : p->chroma;
        } else if (memcmp(type, "av1C", 4) == 0 && dn > 2) {
            int c = d[2] & 0x10 ? 0 : (d[2] & 0x08) && (d[2] & 0x04) ? 1 : d[2] & 0x08 ? 2 : 4;
            p->chroma = c > p->chroma ? c : p->chroma;
        }
    }
    if (p->chroma < 0)
        p->chroma = 4;
    /* The item's type: infe of version 2 (16-bit item_ID) or 3 (32-bit). */
    pos = iinf_at;
    while (iinf_to && box_next(buf, iinf_to, &pos, &type, &at, &to)) {
        if (memcmp(type, "infe", 4) != 0 || to - at < 12 || buf[at] < 2)
            continue;
        bool v3 = buf[at] >= 3;
        uint32_t id = v3 ? be32(buf + at + 4) : (uint32_t)buf[at + 4] << 8 | buf[at + 5];
        size_t t = at + (v3 ? 10 : 8);
        if (id == item && to - t >= 4)
            p->coded = memcmp(buf + t, "hvc1", 4) == 0 || memcmp(buf + t, "av01", 4) == 0;
    }
    if (ipma_to && ipco_to && item)
        heif_item_props(buf, ipma_at, ipma_to, item, ipco_at, ipco_to, p);
}

/* libheif decodes a picture whole and holds it more than once: the
 * decoder's frames, its planes as the file codes them (as deep as the
 * picture, chroma as coded: heif_props) and the RGB planes it makes of
 * them, then a turned or mirrored or cropped copy of those where it
 * applies the file's transformations (a turn alone is applied here, as
 * the planes are read: cp_image_plane_row), and an interleaved copy where
 * one is asked for (a picture with alpha or deeper than 8 bits).
 * Measured with GNU time (bench/memory.sh), 8-bit 4:2:0: a build of a
 * 7000x7000 HEIC photo took 212 MB, turned or with the file's own
 * colours alike (libde265 through hp_decode; 264 MB before it freed the
 * decoder first, 308 MB turned by libheif), a grid of 512x512 tiles
 * 171 MB; a 5670x5670 AVIF photo (dav1d) 237 MB. That is some 20 MB of
 * the program's own and less than three times the coded planes for HEIC,
 * four and a half for AVIF, which the reckoning counts as five and a half
 * for a margin. That reckoning with the file, made from the header before
 * decoding for the decode the PDF writer does (check and --max-size
 * decode the same way), is bounded by HEIF_MAX_BYTES so that a build
 * stays within 256 MB (claimpack-claim(5)). */
#define HEIF_MAX_BYTES (230L << 20)

static int
heif_bound(const struct heif_image_handle *h, const heif_props *p, size_t len, int w, int hh,
           bool planes, bool own_turn, bool alpha, const char *what, const char *display,
           cp_diags *diags)
{
    uint64_t px = (uint64_t)w * (uint64_t)hh;
    int deep = hf.image_handle_get_luma_bits_per_pixel(h) > 8 ||
               hf.image_handle_get_chroma_bits_per_pixel(h) > 8;
    uint64_t sample = deep ? 2 : 1;
    uint64_t coded = px * sample * (uint64_t)(2 + p->chroma) / 2 +
                     (alpha ? px * sample : 0);
    /* libheif transforms what the file may transform and is not turned
     * here (a file whose properties were not found may be). */
    bool copy = !own_turn && (p->turn != 0 || p->other || !p->known);
    uint64_t bytes = coded * (strcmp(what, "AVIF") == 0 ? 11 : 6) / 2 +
                     (planes ? 0 : px * (alpha ? 4 : 3)) +
                     (copy ? px * sample * (alpha ? 4 : 3) : 0) + len;
    if (bytes <= (uint64_t)HEIF_MAX_BYTES)
        return 0;
    cp_error(diags, CP_INPUT, display, 0, 0, "%s image too large: %dx%d pixels take %llu MB to "
             "decode with the file, more than the %ld MB such a picture may take; save it as "
             "JPEG", what, w, hh, (unsigned long long)(bytes >> 20), HEIF_MAX_BYTES >> 20);
    return -1;
}

/* Row y of the upright picture img's planes make (img->plane_turn
 * applied, as libheif's HeifPixelImage::rotate_ccw turns), as img->width
 * interleaved RGB pixels into rgb. */
void
cp_image_plane_row(const cp_image *img, int y, unsigned char *rgb)
{
    int w = img->width;
    /* The planes as stored: sw x sh samples. */
    int turned = img->plane_turn == 90 || img->plane_turn == 270;
    size_t sw = (size_t)(turned ? img->height : img->width);
    size_t sh = (size_t)(turned ? img->width : img->height);
    for (int k = 0; k < 3; k++) {
        const unsigned char *pl = img->plane[k];
        size_t st = img->stride[k];
        unsigned char *o = rgb + k;
        switch (img->plane_turn) {
        case 90: {              /* out(x, y) = in(w_in - 1 - y, x) */
            const unsigned char *c = pl + (sw - 1 - (size_t)y);
            for (int x = 0; x < w; x++, o += 3)
                *o = c[(size_t)x * st];
            break;
        }
        case 180: {
            const unsigned char *r = pl + (sh - 1 - (size_t)y) * st + sw - 1;
            for (int x = 0; x < w; x++, o += 3)
                *o = r[-x];
            break;
        }
        case 270: {             /* out(x, y) = in(y, h_in - 1 - x) */
            const unsigned char *c = pl + (size_t)y + (sh - 1) * st;
            for (int x = 0; x < w; x++, o += 3)
                *o = c[-(ptrdiff_t)((size_t)x * st)];
            break;
        }
        default: {
            const unsigned char *r = pl + (size_t)y * st;
            for (int x = 0; x < w; x++, o += 3)
                *o = r[x];
            break;
        }
        }
    }
}

/* load: 0 decode to check, as 1 or 3 would, keeping nothing; 1 decode and
 * hand the rows to rows (from the planes 3 decodes to, where it does); 2 the header only (the primary item's size after
 * its transformations, no decode); 3 decode as the decoder's RGB planes
 * (take_planes) when the picture is 8-bit without alpha, else return 1
 * without decoding. */
static int
heif_run(cp_image *img, const unsigned char *buf, size_t len, int load, cp_rows *rows,
         const char *display, cp_diags *diags)
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

    /* The build's check (the header) refuses what the decode would. */
    int alpha = hf.image_handle_has_alpha_channel(h);
    bool planes = !alpha && hf.image_handle_get_luma_bits_per_pixel(h) == 8 &&
                  hf.image_handle_get_chroma_bits_per_pixel(h) == 8;
    heif_props props;
    heif_props_of(buf, len, &props);
    /* The planes' turn (irot) is applied as they are read rather than by
     * libheif, which would turn a copy of them (147 MB more at 7000x7000);
     * a picture also mirrored or cropped is left to libheif. */
    bool own_turn = planes && props.known && !props.other && props.turn != 0;
    if (heif_bound(h, &props, len, w, hh, planes, own_turn, alpha, what, display, diags) < 0)
        goto cleanup;
    if (load == 2) {
        img->width = w;
        img->height = hh;
        img->bits = 8;
        img->cs = CP_CS_RGB;
        img->size = (size_t)w * (size_t)hh * 3;
        ret = 0;
        goto cleanup;
    }
    opt = hf.decoding_options_alloc();
    if (load == 3 && !planes) {
        ret = 1;
        goto cleanup;
    }
    /* check decodes as the PDF writer will, and keeps nothing; --max-size
     * (rows) takes the same planes a row at a time, so that no picture
     * is held twice (an interleaved copy beside them was 147 MB more at
     * 7000x7000). */
    if (load == 3 || planes) {
        /* libheif 1.15 turns every picture it decodes into RGB planes
         * (HeifContext::decode_image_planar), and any other form asked for
         * is converted from those, YCbCr 4:2:0 too: asked for the planes,
         * it converts nothing more, a quarter fewer instructions (callgrind,
         * src/README.md). Its conversion to RGB applies the file's colour
         * matrix and range, so the planes are what heif-convert shows. */
        struct heif_color_profile_nclx *nclx = NULL;
        if (hf.image_handle_get_nclx_color_profile(h, &nclx).code != heif_error_Ok)
            nclx = NULL;
        if (de_loaded && (nclx == NULL || (props.known && props.coded))) {
            hp_colours.set = nclx != NULL;
            if (nclx) {
                hp_colours.matrix = nclx->matrix_coefficients;
                hp_colours.full = nclx->full_range_flag;
            }
            hf.register_decoder(ctx, &hevc_rgb);
        }
        hf.nclx_color_profile_free(nclx);
        opt->ignore_transformations = own_turn;
        err = hf.decode_image(h, &im, heif_colorspace_RGB, heif_chroma_444, opt);
        hp_colours.set = false;
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
        if (own_turn) {
            img->plane_turn = props.turn;
            if (props.turn != 180) {
                img->width = dh;
                img->height = dw;
            }
        }
        if (load == 1)
            ret = planes_rows(rows, img);
        if (load != 3) {
            img->release(img->owner);
            memset(img->plane, 0, sizeof img->plane);
            img->owner = NULL;
            img->release = NULL;
        }
        if (load != 1)
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
    ret = cp_rows_put_all(rows, img, px, (size_t)stride, dw, dh, alpha ? 4 : 3);

cleanup:
    hf.decoding_options_free(opt);
    hf.image_release(im);
    hf.image_handle_release(h);
    hf.context_free(ctx);
    return ret;
}

int
cp_image_heif(cp_image *img, const unsigned char *buf, size_t len, cp_rows *rows,
              const char *display, cp_diags *diags)
{
    return heif_run(img, buf, len, rows->fn ? 1 : 0, rows, display, diags);
}

int
cp_image_heif_header(cp_image *img, const unsigned char *buf, size_t len, const char *display,
                     cp_diags *diags)
{
    return heif_run(img, buf, len, 2, NULL, display, diags);
}

int
cp_image_heif_planes(cp_image *img, const unsigned char *buf, size_t len, const char *display,
                     cp_diags *diags)
{
    return heif_run(img, buf, len, 3, NULL, display, diags);
}
