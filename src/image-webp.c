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

int
cp_image_webp(cp_image *img, const unsigned char *buf, size_t len, int load,
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

    unsigned char *px = NULL;
    int w = 0, h = 0, ok = 0, said = 0;
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
        if (dec != NULL && WebPAnimDecoderGetInfo(dec, &info) &&
            !(said = cp_image_check_size((long)info.canvas_width, (long)info.canvas_height,
                                         "WebP", display, diags) < 0) &&
            WebPAnimDecoderGetNext(dec, &frame, &ts)) {
            px = frame;
            w = (int)info.canvas_width;
            h = (int)info.canvas_height;
            img->frames = info.frame_count > 1 ? (int)info.frame_count : 2;
            ok = 1;
        }
    } else {
        px = WebPDecodeRGBA(buf, len, &w, &h);
        ok = px != NULL;
    }
    int ret = -1;
    if (!ok) {
        if (!said)
            cp_error(diags, CP_INPUT, display, 0, 0, "damaged WebP image: the picture data "
                     "cannot be decoded");
    } else if (load) {
        cp_image_take_pixels(img, px, (size_t)w * 4, w, h, 4);
        ret = 0;
    } else {
        img->width = w;
        img->height = h;
        img->bits = 8;
        img->cs = CP_CS_RGB;
        img->size = (size_t)w * (size_t)h * 3;
        ret = 0;
    }
    if (dec != NULL)
        WebPAnimDecoderDelete(dec);   /* owns the frame */
    else
        WebPFree(px);
    return ret;
}
