/* font.c: faces loaded with HarfBuzz for measuring, subset with hb-subset
 * for embedding. */
#include "config.h"
#include "font.h"
#include "claimpack/claimpack.h"
#include "util.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <hb.h>
#include <hb-subset.h>

static const char *const face_files[CP_FACE__COUNT] = {
    "fonts/LiberationSans-Regular.ttf",
    "fonts/LiberationSans-Bold.ttf",
    "fonts/LiberationSans-Italic.ttf",
};

/* Advances of the first code points, cached: nearly all text is there. */
#define CACHE_CPS 0x600

typedef struct face {
    char *path;
    hb_blob_t *blob;
    hb_face_t *face;
    hb_font_t *font;
    unsigned upem;
    double ascent, descent;        /* font units */
    int32_t cache[CACHE_CPS];      /* advance in font units, -1 = no glyph, -2 = unknown */
    hb_set_t *used;
} face;

struct cp_fontset {
    face faces[CP_FACE__COUNT];
};

size_t
cp_utf8_next(const char *s, size_t len, uint32_t *cp)
{
    const unsigned char *p = (const unsigned char *)s;
    unsigned c = p[0];
    size_t k;
    uint32_t min;
    if (c < 0x80) {
        *cp = c;
        return 1;
    } else if ((c & 0xE0) == 0xC0) {
        k = 1; min = 0x80; c &= 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
        k = 2; min = 0x800; c &= 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
        k = 3; min = 0x10000; c &= 0x07;
    } else {
        *cp = 0xFFFD;
        return 1;
    }
    if (len <= k) {
        *cp = 0xFFFD;
        return 1;
    }
    for (size_t i = 1; i <= k; i++) {
        if ((p[i] & 0xC0) != 0x80) {
            *cp = 0xFFFD;
            return 1;
        }
        c = (c << 6) | (p[i] & 0x3F);
    }
    if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) {
        *cp = 0xFFFD;
        return 1;
    }
    *cp = c;
    return k + 1;
}

static int
face_load(face *f, const char *rel, cp_diags *diags)
{
    f->path = cp_data_path(rel);
    /* hb_blob_create_from_file returns the empty blob on any failure, which
     * hides the reason: read the file ourselves. */
    char *data;
    size_t len;
    if (cp_read_file(&data, &len, f->path, 64u << 20) < 0) {
        cp_error(diags, CP_INPUT, f->path, 0, 0, "cannot read font: %s", strerror(errno));
        return -1;
    }
    f->blob = hb_blob_create(data, (unsigned)len, HB_MEMORY_MODE_READONLY, data, free);
    f->face = hb_face_create(f->blob, 0);
    f->upem = hb_face_get_upem(f->face);
    if (hb_face_get_glyph_count(f->face) == 0 || f->upem == 0) {
        cp_error(diags, CP_INPUT, f->path, 0, 0, "not a usable TrueType font");
        return -1;
    }
    f->font = hb_font_create(f->face);
    hb_font_set_scale(f->font, (int)f->upem, (int)f->upem);
    hb_font_extents_t ext;
    hb_font_get_h_extents(f->font, &ext);
    f->ascent = ext.ascender;
    f->descent = ext.descender;
    for (size_t i = 0; i < CACHE_CPS; i++)
        f->cache[i] = -2;
    f->used = hb_set_create();
    return 0;
}

int
cp_fontset_load(cp_fontset **out, cp_diags *diags)
{
    cp_fontset *fs = xcalloc(1, sizeof *fs);
    int rc = 0;
    for (int i = 0; i < CP_FACE__COUNT; i++)
        if (face_load(&fs->faces[i], face_files[i], diags) < 0)
            rc = -1;
    if (rc < 0) {
        cp_fontset_free(fs);
        fs = NULL;
    }
    *out = fs;
    return rc;
}

void
cp_fontset_free(cp_fontset *fs)
{
    if (fs == NULL)
        return;
    for (int i = 0; i < CP_FACE__COUNT; i++) {
        face *f = &fs->faces[i];
        hb_set_destroy(f->used);
        hb_font_destroy(f->font);
        hb_face_destroy(f->face);
        hb_blob_destroy(f->blob);
        free(f->path);
    }
    free(fs);
}

/* Advance in font units, -1 when the face has no glyph. The cache is a
 * memo of a pure function, so it is filled in through a const pointer. */
static int32_t
face_advance(const face *cf, uint32_t cp)
{
    face *f = (face *)cf;
    if (cp < CACHE_CPS && f->cache[cp] != -2)
        return f->cache[cp];
    hb_codepoint_t gid;
    int32_t adv = -1;
    if (hb_font_get_nominal_glyph(f->font, cp, &gid))
        adv = hb_font_get_glyph_h_advance(f->font, gid);
    if (cp < CACHE_CPS)
        f->cache[cp] = adv;
    return adv;
}

double
cp_font_width(const cp_fontset *fs, enum cp_face face_id, double size, const char *s, size_t len)
{
    const face *f = &fs->faces[face_id];
    long units = 0;
    int32_t notdef = -1;
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        i += cp_utf8_next(s + i, len - i, &cp);
        int32_t adv = face_advance(f, cp);
        if (adv < 0) {
            /* Drawn as '?' after cp_font_sanitize. */
            if (notdef < 0)
                notdef = face_advance(f, '?');
            adv = notdef > 0 ? notdef : 0;
        }
        units += adv;
    }
    return (double)units * size / f->upem;
}

double
cp_font_ascent(const cp_fontset *fs, enum cp_face face_id, double size)
{
    const face *f = &fs->faces[face_id];
    return f->ascent * size / f->upem;
}

double
cp_font_descent(const cp_fontset *fs, enum cp_face face_id, double size)
{
    const face *f = &fs->faces[face_id];
    return f->descent * size / f->upem;
}

bool
cp_font_has(const cp_fontset *fs, enum cp_face face_id, uint32_t cp)
{
    return face_advance(&fs->faces[face_id], cp) >= 0;
}

char *
cp_font_sanitize(const cp_fontset *fs, enum cp_face face_id, const char *s)
{
    cp_buf b = CP_BUF_INIT;
    size_t len = strlen(s);
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        size_t k = cp_utf8_next(s + i, len - i, &cp);
        if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0))
            cp_buf_putc(&b, ' ');
        else if (cp == 0xFFFD || cp > 0xFFFF || !cp_font_has(fs, face_id, cp))
            cp_buf_putc(&b, '?');
        else
            cp_buf_add(&b, s + i, k);
        i += k;
    }
    return cp_buf_detach(&b);
}

void
cp_font_use(cp_fontset *fs, enum cp_face face_id, const char *s)
{
    face *f = &fs->faces[face_id];
    size_t len = strlen(s);
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        i += cp_utf8_next(s + i, len - i, &cp);
        hb_set_add(f->used, cp);
    }
}

bool
cp_font_used(const cp_fontset *fs, enum cp_face face_id)
{
    return !hb_set_is_empty(fs->faces[face_id].used);
}

int
cp_font_subset_file(char **path_out, const cp_fontset *fs, enum cp_face face_id,
                    cp_diags *diags)
{
    const face *f = &fs->faces[face_id];
    int rc = -1, fd = -1;
    char *path = NULL;
    hb_face_t *sub = NULL;
    hb_blob_t *blob = NULL;
    *path_out = NULL;

    hb_subset_input_t *in = hb_subset_input_create_or_fail();
    if (in == NULL) {
        cp_error(diags, CP_OUTPUT, f->path, 0, 0, "cannot subset font: out of memory");
        goto cleanup;
    }
    hb_set_union(hb_subset_input_unicode_set(in), f->used);
    /* libharu reads cmap (format 4), glyf/loca, hmtx, head, hhea, maxp,
     * post, OS/2 and name, all kept by default. Hinting and the OpenType
     * layout tables are no use in a PDF that positions every glyph itself
     * (and libharu does not shape), so they go: a third of the size. */
    hb_subset_input_set_flags(in, HB_SUBSET_FLAGS_NO_HINTING);
    hb_set_t *drop = hb_subset_input_set(in, HB_SUBSET_SETS_DROP_TABLE_TAG);
    hb_set_add(drop, HB_TAG('G', 'S', 'U', 'B'));
    hb_set_add(drop, HB_TAG('G', 'P', 'O', 'S'));
    hb_set_add(drop, HB_TAG('G', 'D', 'E', 'F'));
    hb_set_add(drop, HB_TAG('k', 'e', 'r', 'n'));
    sub = hb_subset_or_fail(f->face, in);
    if (sub == NULL) {
        cp_error(diags, CP_OUTPUT, f->path, 0, 0, "cannot subset font");
        goto cleanup;
    }
    blob = hb_face_reference_blob(sub);
    unsigned len;
    const char *data = hb_blob_get_data(blob, &len);
    if (len == 0) {
        cp_error(diags, CP_OUTPUT, f->path, 0, 0, "cannot subset font");
        goto cleanup;
    }
    const char *tmp = getenv("TMPDIR");
    path = xasprintf("%s/claimpack-font.XXXXXX", tmp && *tmp ? tmp : "/tmp");
    fd = mkstemp(path);
    if (fd < 0) {
        cp_error(diags, CP_OUTPUT, path, 0, 0, "cannot create temporary font file: %s",
                 strerror(errno));
        goto cleanup;
    }
    for (size_t done = 0; done < len;) {
        ssize_t n = write(fd, data + done, len - done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            cp_error(diags, CP_OUTPUT, path, 0, 0, "cannot write temporary font file: %s",
                     n < 0 ? strerror(errno) : "short write");
            unlink(path);
            goto cleanup;
        }
        done += (size_t)n;
    }
    if (close(fd) < 0) {
        fd = -1;
        cp_error(diags, CP_OUTPUT, path, 0, 0, "cannot write temporary font file: %s",
                 strerror(errno));
        unlink(path);
        goto cleanup;
    }
    fd = -1;
    *path_out = path;
    path = NULL;
    rc = 0;
cleanup:
    if (fd >= 0)
        close(fd);
    free(path);
    hb_blob_destroy(blob);
    hb_face_destroy(sub);
    hb_subset_input_destroy(in);
    return rc;
}
