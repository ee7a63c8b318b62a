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

/* The first frame as a viewer shows it: each pixel of the logical screen
 * the frame covers (its colour index) or not (transparent). One byte a
 * pixel and a bit, where RGBA would be four bytes: the canvas is held
 * whole because an interlaced frame's rows come in four passes. */
struct canvas {
    int w, h;
    unsigned char *index;        /* w x h colour indices */
    unsigned char *covered;      /* w x h bits */
    unsigned char rgb[256][3];   /* the frame's colour table, black past its end */
};

/* Decode the frame just described onto the canvas. */
static int
gif_first_frame(GifFileType *gif, struct canvas *cv, int transparent)
{
    const GifImageDesc *d = &gif->Image;
    const ColorMapObject *map = d->ColorMap ? d->ColorMap : gif->SColorMap;
    for (int i = 0; map != NULL && i < map->ColorCount && i < 256; i++) {
        cv->rgb[i][0] = map->Colors[i].Red;
        cv->rgb[i][1] = map->Colors[i].Green;
        cv->rgb[i][2] = map->Colors[i].Blue;
    }
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
            if (cy < 0 || cy >= cv->h)
                continue;
            for (int x = 0; x < d->Width; x++) {
                int cx = d->Left + x;
                if (cx < 0 || cx >= cv->w || line[x] == transparent)
                    continue;
                size_t i = (size_t)cy * (size_t)cv->w + (size_t)cx;
                cv->index[i] = line[x];
                cv->covered[i / 8] |= (unsigned char)(1u << (i % 8));
            }
        }
    free(line);
    return rc;
}

/* The canvas's rows as RGBA to rows: what the frame leaves uncovered is
 * transparent (the page's white). */
static int
gif_rows(const struct canvas *cv, cp_image *img, cp_rows *rows)
{
    unsigned char *line = xmalloc((size_t)cv->w * 4);
    int rc = 0;
    cp_rows_begin(rows, img, cv->w, cv->h, 4);
    for (int y = 0; y < cv->h && rc == 0 && rows->fn != NULL; y++) {
        for (int x = 0; x < cv->w; x++) {
            size_t i = (size_t)y * (size_t)cv->w + (size_t)x;
            unsigned char *o = line + (size_t)x * 4;
            if (cv->covered[i / 8] & (1u << (i % 8))) {
                memcpy(o, cv->rgb[cv->index[i]], 3);
                o[3] = 0xFF;
            } else {
                memset(o, 0, 4);
            }
        }
        rc = cp_rows_put(rows, line);
    }
    cp_rows_end(rows);
    free(line);
    return rc;
}

int
cp_image_gif(cp_image *img, const unsigned char *buf, size_t len, cp_rows *rows,
             const char *display, cp_diags *diags)
{
    struct gif_src src = { buf, len, 0 };
    int err = 0, ret = -1, frames = 0, transparent = -1;
    struct canvas cv;
    memset(&cv, 0, sizeof cv);
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
    cv.w = gif->SWidth;
    cv.h = gif->SHeight;
    cv.index = xmalloc((size_t)cv.w * (size_t)cv.h);
    cv.covered = xcalloc(((size_t)cv.w * (size_t)cv.h + 7) / 8, 1);
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
                if (gif_first_frame(gif, &cv, transparent) < 0) {
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
    if (gif_rows(&cv, img, rows) < 0)
        goto cleanup;
    img->frames = frames;
    ret = 0;
    goto cleanup;
fail:
    cp_error(diags, CP_INPUT, display, 0, 0, "damaged GIF image: %s", problem);
cleanup:
    free(cv.index);
    free(cv.covered);
    DGifCloseFile(gif, &err);
    return ret;
}
