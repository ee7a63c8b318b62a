/* pdf.c: the libharu wrapper. */
#include "config.h"
#include "pdf.h"
#include "output.h"
#include "tounicode.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <hpdf.h>

/* libharu reports through a callback and keeps the error until
 * HPDF_ResetError: we note the first one and check after each step. */
typedef struct hpdf_err {
    HPDF_STATUS code, detail;
} hpdf_err;

static void
on_error(HPDF_STATUS code, HPDF_STATUS detail, void *data)
{
    hpdf_err *e = data;
    if (e->code == 0) {
        e->code = code;
        e->detail = detail;
    }
}

typedef struct render {
    HPDF_Doc pdf;
    hpdf_err err;
    cp_diags *diags;
    HPDF_Font fonts[CP_FACE_MAX];
    HPDF_Page *pages;
    HPDF_Image *images;
} render;

static int
check(render *r, const char *what)
{
    if (r->err.code == 0)
        return 0;
    cp_error(r->diags, CP_OUTPUT, NULL, 0, 0, "PDF writer failed to %s (libharu error 0x%04X, %u)",
             what, (unsigned)r->err.code, (unsigned)r->err.detail);
    return -1;
}

/* libharu gives every Identity-H font a CID CMap as its /ToUnicode
 * (begincidrange), which text extraction cannot use: its stream, still
 * unwritten, gets a real ToUnicode CMap for the codes drawn instead (our
 * codes are the BMP code points themselves, or private-use codes that stand
 * for emoji and shaped glyphs: font.h). */
static int
fix_tounicode(render *r, const cp_fontset *fs, enum cp_face face)
{
    HPDF_Dict tu = HPDF_Dict_GetItem(r->fonts[face], "ToUnicode", HPDF_OCLASS_DICT);
    if (tu == NULL || tu->stream == NULL) {
        HPDF_ResetError(r->pdf);
        cp_error(r->diags, CP_OUTPUT, NULL, 0, 0, "PDF writer: a font has no ToUnicode map");
        return -1;
    }
    uint32_t *codes;
    size_t n = cp_font_used_codes(&codes, fs, face), len;
    cp_tounicode_entry *v = xcalloc(n ? n : 1, sizeof *v);
    for (size_t i = 0; i < n; i++) {
        v[i].code = codes[i];
        v[i].n = cp_font_code_text(&v[i].text, fs, codes[i]);
    }
    char *cmap = cp_tounicode_cmap(&len, v, n);
    free(v);
    HPDF_MemStream_FreeData(tu->stream);
    HPDF_Stream_Write(tu->stream, (const HPDF_BYTE *)cmap, (HPDF_UINT)len);
    free(cmap);
    free(codes);
    return check(r, "write a ToUnicode map");
}

static int
load_fonts(render *r, cp_layout *L)
{
    for (size_t p = 0; p < L->n_pages; p++)
        for (size_t i = 0; i < L->pages[p].n_items; i++) {
            const cp_lay_item *it = &L->pages[p].items[i];
            if (it->kind == CP_LAY_TEXT)
                cp_font_use(L->fonts, it->face, it->text);
        }
    for (int f = 0; f < CP_FACE_MAX; f++) {
        if (!cp_font_used(L->fonts, (enum cp_face)f))
            continue;
        char *path;
        size_t hidden;
        if (cp_font_subset_file(&path, &hidden, L->fonts, (enum cp_face)f, r->diags) < 0)
            return -1;
        const char *name = HPDF_LoadTTFontFromFile(r->pdf, path, HPDF_TRUE);
        /* libharu keeps the file open for embedding at save time; the name
         * can go now. */
        cp_scratch_remove(path);
        /* check() first: it reports libharu's error. */
        if (check(r, "load a font") < 0 || name == NULL) {
            if (r->err.code == 0)
                cp_error(r->diags, CP_INPUT, NULL, 0, 0, "PDF writer cannot use the font subset");
            return -1;
        }
        r->fonts[f] = HPDF_GetFont(r->pdf, name, "UTF-8");
        if (check(r, "load a font") < 0 || r->fonts[f] == NULL) {
            if (r->err.code == 0)
                cp_error(r->diags, CP_OUTPUT, NULL, 0, 0, "PDF writer cannot use the font");
            return -1;
        }
        /* libharu embeds the outlines of the glyphs it measured (font.h). */
        for (size_t i = 0; i < hidden; i++)
            HPDF_Font_GetUnicodeWidth(r->fonts[f], (HPDF_UNICODE)(0xD800 + i));
        if (check(r, "load a font") < 0 || fix_tounicode(r, L->fonts, (enum cp_face)f) < 0)
            return -1;
    }
    return 0;
}

static int
load_images(render *r, const cp_image *const *images, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        const cp_image *img = images[i];
        HPDF_Image im = NULL;
        if (img == NULL)
            continue;
        if (img->is_jpeg) {
            im = HPDF_LoadJpegImageFromMem(r->pdf, img->data, (HPDF_UINT)img->size);
        } else {
            static const HPDF_ColorSpace cs[] = { HPDF_CS_DEVICE_GRAY, HPDF_CS_DEVICE_RGB,
                                                  HPDF_CS_DEVICE_CMYK };
            static const size_t comps[] = { 1, 3, 4 };
            /* libharu writes 16-bit samples garbled (src/README.md). */
            if (img->bits != 8 || img->width <= 0 || img->height <= 0
                || img->size < (size_t)img->width * (size_t)img->height * comps[img->cs]) {
                cp_error(r->diags, CP_OUTPUT, NULL, 0, 0, "PDF writer: unsupported image data");
                return -1;
            }
            im = HPDF_LoadRawImageFromMem(r->pdf, img->data, (HPDF_UINT)img->width,
                                          (HPDF_UINT)img->height, cs[img->cs], 8);
            if (im && img->alpha) {
                if (img->alpha_size < (size_t)img->width * (size_t)img->height) {
                    cp_error(r->diags, CP_OUTPUT, NULL, 0, 0, "PDF writer: bad image mask");
                    return -1;
                }
                HPDF_Image mask = HPDF_LoadRawImageFromMem(r->pdf, img->alpha,
                                                           (HPDF_UINT)img->width,
                                                           (HPDF_UINT)img->height,
                                                           HPDF_CS_DEVICE_GRAY, 8);
                if (mask)
                    HPDF_Image_AddSMask(im, mask);
            }
        }
        if (im == NULL || check(r, "load an image") < 0) {
            if (r->err.code == 0)
                cp_error(r->diags, CP_OUTPUT, NULL, 0, 0, "PDF writer cannot load an image");
            return -1;
        }
        r->images[i] = im;
    }
    return 0;
}

static void
draw_page(render *r, const cp_layout *L, size_t p, size_t n_images)
{
    const cp_page *pg = &L->pages[p];
    HPDF_Page page = r->pages[p];
    bool in_text = false;
    HPDF_Font cur_font = NULL;
    double cur_size = 0, cur_fill = 0, cur_stroke = 0;

    for (size_t i = 0; i < pg->n_items; i++) {
        const cp_lay_item *it = &pg->items[i];
        if (it->kind != CP_LAY_TEXT && in_text) {
            HPDF_Page_EndText(page);
            in_text = false;
        }
        switch (it->kind) {
        case CP_LAY_TEXT:
            if (!in_text) {
                HPDF_Page_BeginText(page);
                in_text = true;
                cur_font = NULL;
            }
            if (it->gray != cur_fill) {
                HPDF_Page_SetGrayFill(page, (HPDF_REAL)it->gray);
                cur_fill = it->gray;
            }
            if (r->fonts[it->face] != cur_font || it->size != cur_size) {
                HPDF_Page_SetFontAndSize(page, r->fonts[it->face], (HPDF_REAL)it->size);
                cur_font = r->fonts[it->face];
                cur_size = it->size;
            }
            if (it->w > 0) {
                HPDF_Page_TextOut(page, (HPDF_REAL)it->x, (HPDF_REAL)it->y, it->text);
            } else {
                /* Marks set apart from their letter (shape.c) advance by
                 * nothing, and libharu writes no text whose width is 0
                 * (src/README.md): a character spacing of a thousandth of
                 * a point makes it write them. */
                HPDF_Page_SetCharSpace(page, 0.001f);
                HPDF_Page_TextOut(page, (HPDF_REAL)it->x, (HPDF_REAL)it->y, it->text);
                HPDF_Page_SetCharSpace(page, 0);
            }
            break;
        case CP_LAY_LINE:
            if (it->gray != cur_stroke) {
                HPDF_Page_SetGrayStroke(page, (HPDF_REAL)it->gray);
                cur_stroke = it->gray;
            }
            HPDF_Page_SetLineWidth(page, (HPDF_REAL)it->stroke);
            HPDF_Page_MoveTo(page, (HPDF_REAL)it->x, (HPDF_REAL)it->y);
            HPDF_Page_LineTo(page, (HPDF_REAL)(it->x + it->w), (HPDF_REAL)(it->y + it->h));
            HPDF_Page_Stroke(page);
            break;
        case CP_LAY_RECT:
            if (it->stroke > 0) {
                if (it->gray != cur_stroke) {
                    HPDF_Page_SetGrayStroke(page, (HPDF_REAL)it->gray);
                    cur_stroke = it->gray;
                }
                HPDF_Page_SetLineWidth(page, (HPDF_REAL)it->stroke);
            } else if (it->gray != cur_fill) {
                HPDF_Page_SetGrayFill(page, (HPDF_REAL)it->gray);
                cur_fill = it->gray;
            }
            HPDF_Page_Rectangle(page, (HPDF_REAL)it->x, (HPDF_REAL)it->y, (HPDF_REAL)it->w,
                                (HPDF_REAL)it->h);
            if (it->stroke > 0)
                HPDF_Page_Stroke(page);
            else
                HPDF_Page_Fill(page);
            break;
        case CP_LAY_LINK:
            /* build.c takes the links out before rendering; assemble.c
             * writes them, as it writes the outline and the document
             * information: this file draws pages and nothing else. */
            break;
        case CP_LAY_IMAGE:
            if (it->image >= 0 && (size_t)it->image < n_images && r->images[it->image])
                HPDF_Page_DrawImage(page, r->images[it->image], (HPDF_REAL)it->x,
                                    (HPDF_REAL)it->y, (HPDF_REAL)it->w, (HPDF_REAL)it->h);
            break;
        }
    }
    if (in_text)
        HPDF_Page_EndText(page);
}

int
cp_pdf_render(unsigned char **out, size_t *len, cp_layout *L,
              const cp_image *const *images, size_t n_images, cp_diags *diags)
{
    render r;
    int rc = -1;
    unsigned char *buf = NULL;
    memset(&r, 0, sizeof r);
    r.diags = diags;
    *out = NULL;
    *len = 0;

    r.pdf = HPDF_New(on_error, &r.err);
    if (r.pdf == NULL) {
        cp_error(diags, CP_OUTPUT, NULL, 0, 0, "PDF writer cannot start: out of memory");
        return -1;
    }
    r.pages = xcalloc(L->n_pages ? L->n_pages : 1, sizeof *r.pages);
    r.images = xcalloc(n_images ? n_images : 1, sizeof *r.images);
    /* Uncompressed: qpdf compresses every stream as it writes the final
     * file (assemble.c), after trimming each font's 128 KB CIDToGIDMap;
     * compressing here too would be done twice. */
    HPDF_SetCompressionMode(r.pdf, HPDF_COMP_NONE);
    /* Info strings and text are UTF-8 (else mojibake: src/README.md). */
    HPDF_UseUTFEncodings(r.pdf);
    HPDF_SetCurrentEncoder(r.pdf, "UTF-8");
    if (check(&r, "set up the document") < 0)
        goto cleanup;
    if (load_fonts(&r, L) < 0 || load_images(&r, images, n_images) < 0)
        goto cleanup;
    cp_fontset_report(L->fonts, diags);
    for (size_t p = 0; p < L->n_pages; p++) {
        r.pages[p] = HPDF_AddPage(r.pdf);
        if (r.pages[p] == NULL || check(&r, "add a page") < 0)
            goto cleanup;
        HPDF_Page_SetWidth(r.pages[p], (HPDF_REAL)L->pages[p].width);
        HPDF_Page_SetHeight(r.pages[p], (HPDF_REAL)L->pages[p].height);
    }
    for (size_t p = 0; p < L->n_pages; p++) {
        draw_page(&r, L, p, n_images);
        if (check(&r, "draw a page") < 0)
            goto cleanup;
    }
    /* check() reports libharu's error, when it has given one. */
    if (HPDF_SaveToStream(r.pdf) != HPDF_OK || r.err.code != 0) {
        if (check(&r, "write the document") == 0)
            cp_error(diags, CP_OUTPUT, NULL, 0, 0, "PDF writer failed to write the document");
        goto cleanup;
    }
    HPDF_UINT32 size = HPDF_GetStreamSize(r.pdf);
    buf = xmalloc(size ? size : 1);
    HPDF_UINT32 got = size;
    if (HPDF_GetContents(r.pdf, buf, &got) != HPDF_OK || got != size) {
        cp_error(diags, CP_OUTPUT, NULL, 0, 0, "PDF writer failed to hand over the document");
        goto cleanup;
    }
    *out = buf;
    *len = size;
    buf = NULL;
    rc = 0;
cleanup:
    free(buf);
    free(r.pages);
    free(r.images);
    HPDF_Free(r.pdf);
    return rc;
}
