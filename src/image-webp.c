/* image-webp.c: WebP pictures (what browsers save), decoded with libwebp;
 * an animation through libwebpdemux, which composes its first frame.
 *
 * A lossy WebP is a photo (written anew as JPEG), a lossless one is
 * deflated. The EXIF orientation of an EXIF chunk is kept for the page's
 * matrix, as for a JPEG: libwebp itself never turns the pixels. */
#include "config.h"
#include "image.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

#include <webp/decode.h>
#include <webp/demux.h>

static uint32_t
le32(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

/* The EXIF chunk's orientation, if there is one (RIFF chunks are walked
 * within the file's bytes only). */
static void
webp_orientation(cp_image *img, const unsigned char *buf, size_t len)
{
    size_t pos = 12;
    while (len >= 8 && pos <= len - 8) {
        uint32_t n = le32(buf + pos + 4);
        if (n > len - pos - 8)
            return;
        if (memcmp(buf + pos, "EXIF", 4) == 0) {
            const unsigned char *e = buf + pos + 8;
            size_t en = n;
            /* Some writers put the JPEG-style "Exif\0\0" in front. */
            unsigned char *tmp = xmalloc(en + 6);
            size_t skip = en >= 6 && memcmp(e, "Exif\0\0", 6) == 0 ? 6 : 0;
            memcpy(tmp, "Exif\0\0", 6);
            memcpy(tmp + 6, e + skip, en - skip);
            double dx = 0, dy = 0;
            cp_image_exif_parse(img, tmp, en - skip + 6, &dx, &dy);
            free(tmp);
            return;
        }
        pos += 8 + (size_t)n + (n & 1);
    }
}

/* libwebp decodes a picture whole, into its output (RGB, or RGBA with
 * alpha), and holds more beside it: a lossless picture's every pixel as
 * 4 bytes of ARGB (its references reach back anywhere), a lossy one's
 * alpha plane; an animation's two RGBA canvases and its frame. The
 * file is held too. Refused before decoding when that comes to more than
 * CP_IMAGE_WHOLE_MAX_BYTES (image.h), check and build alike. */
static int
webp_bound(const WebPBitstreamFeatures *f, size_t len, const char *display, cp_diags *diags)
{
    uint64_t px = (uint64_t)f->width * (uint64_t)f->height;
    uint64_t per = f->has_animation ? 12 : (f->has_alpha ? 4 : 3) +
                   (f->format == 2 ? 4 : f->has_alpha ? 1 : 0);
    uint64_t bytes = px * per + len;
    if (bytes <= (uint64_t)CP_IMAGE_WHOLE_MAX_BYTES)
        return 0;
    cp_error(diags, CP_INPUT, display, 0, 0, "%s WebP image too large: %dx%d pixels take %llu MB "
             "to decode with the file, more than the %ld MB such a picture may take; %s",
             f->has_animation ? "animated" : f->format == 2 ? "lossless" : "lossy",
             f->width, f->height, (unsigned long long)(bytes >> 20),
             CP_IMAGE_WHOLE_MAX_BYTES >> 20,
             f->has_animation ? "save its first frame as a picture of its own"
                              : "save it as PNG or JPEG");
    return -1;
}

int
cp_image_webp(cp_image *img, const unsigned char *buf, size_t len, cp_rows *rows,
              const char *display, cp_diags *diags)
{
    WebPBitstreamFeatures f;
    memset(img, 0, sizeof *img);
    img->orientation = 1;
    img->frames = 1;
    img->pages = 1;
    if (WebPGetFeatures(buf, len, &f) != VP8_STATUS_OK) {
        cp_error(diags, CP_INPUT, display, 0, 0, "damaged WebP image: the header cannot be read");
        return -1;
    }
    if (cp_image_check_size(f.width, f.height, "WebP", display, diags) < 0)
        return -1;
    img->lossy = f.format != 2;   /* 2: lossless (VP8L) */
    webp_orientation(img, buf, len);
    if (webp_bound(&f, len, display, diags) < 0)
        return -1;

    unsigned char *px = NULL;
    int w = 0, h = 0, ok = 0, said = 0, channels = 4;
    WebPAnimDecoder *dec = NULL;
    if (f.has_animation) {
        WebPData data = { buf, len };
        WebPAnimDecoderOptions o;
        WebPAnimInfo info;
        WebPAnimDecoderOptionsInit(&o);
        o.color_mode = MODE_RGBA;
        o.use_threads = 0;
        dec = WebPAnimDecoderNew(&data, &o);
        uint8_t *frame = NULL;
        int ts = 0;
        if (dec != NULL && WebPAnimDecoderGetInfo(dec, &info)) {
            said = cp_image_check_size((long)info.canvas_width, (long)info.canvas_height,
                                       "WebP", display, diags) < 0;
            if (!said && WebPAnimDecoderGetNext(dec, &frame, &ts)) {
                px = frame;
                w = (int)info.canvas_width;
                h = (int)info.canvas_height;
                img->frames = info.frame_count > 1 ? (int)info.frame_count : 2;
                ok = 1;
            }
        }
    } else {
        /* Decoded once, into the one buffer; without alpha as RGB, a
         * quarter less (the same colour samples as RGBA's). */
        channels = f.has_alpha ? 4 : 3;
        if (rows->fn == NULL && !f.has_alpha) {
            /* To check, as YUV: the same decode, half the memory (YUV has
             * no alpha: a picture with alpha is checked as it is loaded). */
            int uvs = 0, ys = 0;
            uint8_t *u = NULL, *v = NULL;
            px = WebPDecodeYUV(buf, len, &w, &h, &u, &v, &ys, &uvs);
            if (px != NULL) {
                cp_rows_begin(rows, img, w, h, channels);
                cp_rows_end(rows);
                WebPFree(px);
                return 0;
            }
        } else {
            px = f.has_alpha ? WebPDecodeRGBA(buf, len, &w, &h)
                             : WebPDecodeRGB(buf, len, &w, &h);
        }
        ok = px != NULL;
    }
    int ret = -1;
    if (!ok) {
        if (!said)
            cp_error(diags, CP_INPUT, display, 0, 0, "damaged WebP image: the picture data "
                     "cannot be decoded");
    } else {
        ret = cp_rows_put_all(rows, img, px, (size_t)w * (size_t)channels, w, h, channels);
    }
    if (dec != NULL)
        WebPAnimDecoderDelete(dec);   /* owns the frame */
    else
        WebPFree(px);
    return ret;
}
