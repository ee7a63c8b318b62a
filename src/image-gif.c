/* image-gif.c: GIF pictures, decoded with giflib record by record: the
 * first frame is decoded onto the logical screen (what a viewer shows
 * before it animates), every later frame is only read through, to count
 * it and to find a file cut short. Nothing is allocated from a size that
 * has not passed the limits. GIF is lossless and few-coloured: deflated. */
#include "config.h"
#include "image.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

#include <gif_lib.h>

struct gif_src {
    const unsigned char *buf;
    size_t len, pos;
};

static int
gif_read(GifFileType *gif, GifByteType *out, int n)
{
    struct gif_src *s = gif->UserData;
    size_t k = n < 0 ? 0 : (size_t)n;
    if (k > s->len - s->pos)
        k = s->len - s->pos;
    memcpy(out, s->buf + s->pos, k);
    s->pos += k;
    return (int)k;
}

/* Decode the frame just described onto the RGBA canvas. */
static int
gif_first_frame(GifFileType *gif, unsigned char *canvas, int transparent)
{
    const GifImageDesc *d = &gif->Image;
    const ColorMapObject *map = d->ColorMap ? d->ColorMap : gif->SColorMap;
    GifPixelType *line = xmalloc((size_t)d->Width);
    static const int start[4] = { 0, 4, 2, 1 }, step[4] = { 8, 8, 4, 2 };
    int passes = d->Interlace ? 4 : 1, rc = 0;
    for (int p = 0; p < passes && rc == 0; p++)
        for (int y = d->Interlace ? start[p] : 0; y < d->Height && rc == 0;
             y += d->Interlace ? step[p] : 1) {
            if (DGifGetLine(gif, line, d->Width) == GIF_ERROR) {
                rc = -1;
                break;
            }
            int cy = d->Top + y;
            if (cy < 0 || cy >= gif->SHeight)
                continue;
            for (int x = 0; x < d->Width; x++) {
                int cx = d->Left + x;
                if (cx < 0 || cx >= gif->SWidth || line[x] == transparent)
                    continue;
                unsigned char *o = canvas + ((size_t)cy * (size_t)gif->SWidth + (size_t)cx) * 4;
                if (map != NULL && line[x] < map->ColorCount) {
                    o[0] = map->Colors[line[x]].Red;
                    o[1] = map->Colors[line[x]].Green;
                    o[2] = map->Colors[line[x]].Blue;
                } else {
                    o[0] = o[1] = o[2] = 0;
                }
                o[3] = 0xFF;
            }
        }
    free(line);
    return rc;
}

int
cp_image_gif(cp_image *img, const unsigned char *buf, size_t len, int load,
             const char *display, cp_diags *diags)
{
    struct gif_src src = { buf, len, 0 };
    int err = 0, ret = -1, frames = 0, transparent = -1;
    unsigned char *canvas = NULL;
    const char *problem = NULL;

    memset(img, 0, sizeof *img);
    img->orientation = 1;
    img->pages = 1;
    GifFileType *gif = DGifOpen(&src, gif_read, &err);
    if (gif == NULL) {
        cp_error(diags, CP_INPUT, display, 0, 0, "damaged GIF image: %s",
                 GifErrorString(err) ? GifErrorString(err) : "the header cannot be read");
        return -1;
    }
    if (cp_image_check_size(gif->SWidth, gif->SHeight, "GIF", display, diags) < 0)
        goto cleanup;
    /* Transparent to begin with: what the first frame leaves uncovered is
     * the page's white. */
    canvas = xcalloc((size_t)gif->SWidth * (size_t)gif->SHeight, 4);
    GifRecordType rec;
    do {
        if (DGifGetRecordType(gif, &rec) == GIF_ERROR) {
            problem = "the file is cut short";
            goto fail;
        }
        if (rec == IMAGE_DESC_RECORD_TYPE) {
            if (DGifGetImageDesc(gif) == GIF_ERROR) {
                problem = "a frame's description is damaged";
                goto fail;
            }
            if (cp_image_check_size(gif->Image.Width, gif->Image.Height, "GIF", display,
                                    diags) < 0)
                goto cleanup;
            if (frames++ == 0) {
                if (gif->Image.ColorMap == NULL && gif->SColorMap == NULL) {
                    problem = "the first frame has no colour table";
                    goto fail;
                }
                if (gif_first_frame(gif, canvas, transparent) < 0) {
                    problem = "the picture data is cut short or damaged";
                    goto fail;
                }
            } else {
                int size;
                GifByteType *block;
                if (DGifGetCode(gif, &size, &block) == GIF_ERROR) {
                    problem = "a later frame is cut short";
                    goto fail;
                }
                while (block != NULL)
                    if (DGifGetCodeNext(gif, &block) == GIF_ERROR) {
                        problem = "a later frame is cut short";
                        goto fail;
                    }
            }
        } else if (rec == EXTENSION_RECORD_TYPE) {
            int code;
            GifByteType *ext;
            if (DGifGetExtension(gif, &code, &ext) == GIF_ERROR) {
                problem = "an extension block is cut short";
                goto fail;
            }
            /* The graphic control block before the first frame names its
             * transparent colour. */
            if (code == GRAPHICS_EXT_FUNC_CODE && ext != NULL && frames == 0) {
                GraphicsControlBlock gcb;
                if (DGifExtensionToGCB(ext[0], ext + 1, &gcb) == GIF_OK)
                    transparent = gcb.TransparentColor;
            }
            while (ext != NULL)
                if (DGifGetExtensionNext(gif, &ext) == GIF_ERROR) {
                    problem = "an extension block is cut short";
                    goto fail;
                }
        }
    } while (rec != TERMINATE_RECORD_TYPE);
    if (frames == 0) {
        problem = "there is no picture in it";
        goto fail;
    }
    img->frames = frames;
    if (load) {
        cp_image_take_pixels(img, canvas, (size_t)gif->SWidth * 4, gif->SWidth, gif->SHeight, 4);
    } else {
        img->width = gif->SWidth;
        img->height = gif->SHeight;
        img->bits = 8;
        img->cs = CP_CS_RGB;
        img->size = (size_t)gif->SWidth * (size_t)gif->SHeight * 3;
    }
    ret = 0;
    goto cleanup;
fail:
    cp_error(diags, CP_INPUT, display, 0, 0, "damaged GIF image: %s", problem);
cleanup:
    free(canvas);
    DGifCloseFile(gif, &err);
    return ret;
}
