/* font.c: faces loaded with HarfBuzz for measuring, subset with hb-subset
 * for embedding. */
#include "config.h"
#include "font.h"
#include "output.h"
#include "shape.h"
#include "textlibs.h"
#include "unicode.h"
#include "claimpack/claimpack.h"
#include "util.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/stat.h>


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

/* A fallback face as data/fallback-fonts describes it. */
typedef struct fallback {
    char *name, *package;
    hb_script_t scripts[16];
    size_t n_scripts;
    char **files;
    size_t n_files;
    int state;                     /* 0 not opened yet, 1 open, -1 no usable file */
} fallback;

/* What a private-use code stands for: an astral code point in any face
 * (face -1, text its code point), or glyph `gid` of one face, drawn for
 * `text` (n code points; none for the second glyph of a cluster). */
typedef struct pua_entry {
    int face;
    hb_codepoint_t gid;
    uint32_t *text;
    size_t n;
} pua_entry;

typedef struct script_name {
    hb_script_t script;
    char *name;
} script_name;

struct cp_fontset {
    face faces[CP_FACE_MAX];       /* fallbacks: loaded when state is 1 */
    /* The fallbacks are read from the data file on first need (config 1;
     * -1 = the file is missing or unreadable: no fallbacks). */
    int config;
    fallback fb[CP_FALLBACK_MAX];
    size_t n_fb;
    script_name *names;
    size_t n_names;
    hb_set_t *missing;             /* code points drawn as '?' for want of a glyph */
    bool reported;
    /* libharu's UTF-8 encoder addresses the BMP only, and only the glyph a
     * font's cmap gives a code point: what else is drawn (code points above
     * the BMP such as emoji; glyphs that shaping chose, such as Arabic
     * joining forms and ligatures) is drawn as private-use code
     * PUA_FIRST + i for pua[i] instead. The embedded subset's cmap maps
     * that code to the glyph, the ToUnicode map to the text it stands for. */
    pua_entry *pua;
    size_t n_pua;
};

#define PUA_FIRST 0xE000
#define PUA_LAST 0xF8FF

/* The face in f->blob, opened; false when it is not a usable font. */
static bool
face_open(face *f)
{
    f->face = hb.hb_face_create(f->blob, 0);
    f->upem = hb.hb_face_get_upem(f->face);
    /* libharu embeds TrueType outlines only. */
    hb_blob_t *glyf = hb.hb_face_reference_table(f->face, HB_TAG('g', 'l', 'y', 'f'));
    unsigned glyf_len = hb.hb_blob_get_length(glyf);
    hb.hb_blob_destroy(glyf);
    if (hb.hb_face_get_glyph_count(f->face) == 0 || f->upem == 0 || glyf_len == 0)
        return false;
    f->font = hb.hb_font_create(f->face);
    hb.hb_font_set_scale(f->font, (int)f->upem, (int)f->upem);
    hb_font_extents_t ext;
    hb.hb_font_get_h_extents(f->font, &ext);
    f->ascent = ext.ascender;
    f->descent = ext.descender;
    for (size_t i = 0; i < CACHE_CPS; i++)
        f->cache[i] = -2;
    f->used = hb.hb_set_create();
    return true;
}

typedef struct font_map {
    void *data;
    size_t len;
} font_map;

static void
font_unmap(void *p)
{
    font_map *m = p;
    munmap(m->data, m->len);
    free(m);
}

/* The font file mapped, not read: a letter touches a small part of each
 * 400 KB face (reading all three was 6 % of its time). On failure errno
 * says why (hb_blob_create_from_file would hide it). */
static hb_blob_t *
font_map_file(const char *path)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    struct stat st;
    if (fd < 0)
        return NULL;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size <= 0 ||
        st.st_size > (64 << 20)) {
        int e = errno;
        close(fd);
        errno = S_ISDIR(st.st_mode) ? EISDIR : st.st_size <= 0 ? EINVAL : e ? e : EFBIG;
        return NULL;
    }
    font_map *m = xmalloc(sizeof *m);
    m->len = (size_t)st.st_size;
    m->data = mmap(NULL, m->len, PROT_READ, MAP_PRIVATE, fd, 0);
    int e = errno;
    close(fd);
    if (m->data == MAP_FAILED) {
        free(m);
        errno = e;
        return NULL;
    }
    return hb.hb_blob_create(m->data, (unsigned)m->len, HB_MEMORY_MODE_READONLY, m, font_unmap);
}

static int
face_load(face *f, const char *rel, cp_diags *diags)
{
    f->path = cp_data_path(rel);
    errno = 0;
    f->blob = font_map_file(f->path);
    if (f->blob == NULL) {
        cp_error(diags, CP_INPUT, f->path, 0, 0, "cannot read font: %s", strerror(errno));
        return -1;
    }
    if (!face_open(f)) {
        cp_error(diags, CP_INPUT, f->path, 0, 0, "not a usable TrueType font");
        return -1;
    }
    return 0;
}

static void
face_free(face *f)
{
    hb.hb_set_destroy(f->used);
    hb.hb_font_destroy(f->font);
    hb.hb_face_destroy(f->face);
    hb.hb_blob_destroy(f->blob);
    free(f->path);
    memset(f, 0, sizeof *f);
}

/* The tables of textlibs.h, opened once (layout may run on two threads). */
struct cp_hb hb;
struct cp_hb_subset hbs;
struct cp_fribidi bidi;
#define HB_FN(f) CP_DL_FN(hb, f),
#define HBS_FN(f) CP_DL_FN(hbs, f),
#define BIDI_FN(f) CP_DL_FN(bidi, f),
static const cp_dl_fn hb_fns[] = { HB_FNS(HB_FN) };
static const cp_dl_fn hbs_fns[] = { HB_SUBSET_FNS(HBS_FN) };
static const cp_dl_fn bidi_fns[] = { FRIBIDI_FNS(BIDI_FN) };
#undef HB_FN
#undef HBS_FN
#undef BIDI_FN
static char *textlibs_why;      /* NULL: loaded */
static pthread_once_t textlibs_once = PTHREAD_ONCE_INIT;

static void
textlibs_load(void)
{
    static const struct {
        const char *soname, *name, *package;
        const cp_dl_fn *fns;
        size_t n;
    } libs[] = {
        { "libharfbuzz.so.0", "HarfBuzz", "libharfbuzz0b", hb_fns, CP_ARRAY_LEN(hb_fns) },
        { "libharfbuzz-subset.so.0", "hb-subset", "libharfbuzz-subset0", hbs_fns,
          CP_ARRAY_LEN(hbs_fns) },
        { "libfribidi.so.0", "FriBidi", "libfribidi0", bidi_fns, CP_ARRAY_LEN(bidi_fns) },
    };
    for (size_t i = 0; i < CP_ARRAY_LEN(libs) && !textlibs_why; i++) {
        char *why = cp_dl_open(libs[i].soname, libs[i].fns, libs[i].n);
        if (why) {
            textlibs_why = xasprintf("the %s library cannot be loaded (%s); install %s",
                                     libs[i].name, why, libs[i].package);
            free(why);
        }
    }
}

const char *
cp_textlibs_open(void)
{
    pthread_once(&textlibs_once, textlibs_load);
    return textlibs_why;
}

int
cp_fontset_load(cp_fontset **out, cp_diags *diags)
{
    *out = NULL;
    const char *why = cp_textlibs_open();
    if (why) {
        cp_error(diags, CP_INPUT, NULL, 0, 0, "cannot set the letter's text: %s", why);
        return -1;
    }
    cp_fontset *fs = xcalloc(1, sizeof *fs);
    fs->missing = hb.hb_set_create();
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
    for (int i = 0; i < CP_FACE_MAX; i++)
        face_free(&fs->faces[i]);
    for (size_t i = 0; i < fs->n_fb; i++) {
        fallback *b = &fs->fb[i];
        free(b->name);
        free(b->package);
        for (size_t j = 0; j < b->n_files; j++)
            free(b->files[j]);
        free(b->files);
    }
    for (size_t i = 0; i < fs->n_names; i++)
        free(fs->names[i].name);
    free(fs->names);
    hb.hb_set_destroy(fs->missing);
    for (size_t i = 0; i < fs->n_pua; i++)
        free(fs->pua[i].text);
    free(fs->pua);
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
    if (hb.hb_font_get_nominal_glyph(f->font, cp, &gid))
        adv = hb.hb_font_get_glyph_h_advance(f->font, gid);
    if (cp < CACHE_CPS)
        f->cache[cp] = adv;
    return adv;
}

/* --- fallback faces --- */

static char *
next_word(char **p)
{
    char *s = *p;
    while (*s == ' ' || *s == '\t')
        s++;
    if (*s == '\0')
        return NULL;
    char *w = s;
    while (*s && *s != ' ' && *s != '\t')
        s++;
    if (*s)
        *s++ = '\0';
    *p = s;
    return w;
}

/* Read data/fallback-fonts. A missing or garbled file only means fewer
 * fallbacks: the text still prints, as '?', and cp_fontset_report says so. */
static void
fallback_config(cp_fontset *fs)
{
    if (fs->config != 0)
        return;
    fs->config = -1;
    char *path = cp_data_path("data/fallback-fonts");
    char *data;
    size_t len;
    if (cp_read_file(&data, &len, path, 1u << 20) < 0) {
        free(path);
        return;
    }
    free(path);
    fs->config = 1;
    fallback *cur = NULL;
    for (char *line = data, *nl; line && *line; line = nl) {
        nl = strchr(line, '\n');
        if (nl)
            *nl++ = '\0';
        char *p = line;
        char *key = next_word(&p);
        if (key == NULL || key[0] == '#')
            continue;
        if (strcmp(key, "face") == 0) {
            char *name = next_word(&p);
            cur = NULL;
            if (name == NULL || fs->n_fb == CP_FALLBACK_MAX)
                continue;
            cur = &fs->fb[fs->n_fb++];
            cur->name = xstrdup(name);
            for (char *w; (w = next_word(&p)) != NULL;)
                if (cur->n_scripts < CP_ARRAY_LEN(cur->scripts))
                    cur->scripts[cur->n_scripts++] = hb.hb_script_from_string(w, -1);
        } else if (strcmp(key, "file") == 0 && cur) {
            char *rest = cp_trim(p);
            if (*rest == '\0')
                continue;
            cur->files = xreallocarray(cur->files, cur->n_files + 1, sizeof *cur->files);
            cur->files[cur->n_files++] = rest[0] == '/' ? xstrdup(rest) : cp_data_path(rest);
        } else if (strcmp(key, "package") == 0 && cur) {
            char *w = next_word(&p);
            if (w) {
                free(cur->package);
                cur->package = xstrdup(w);
            }
        } else if (strcmp(key, "script") == 0) {
            char *code = next_word(&p);
            char *name = cp_trim(p);
            if (code == NULL || *name == '\0')
                continue;
            fs->names = xreallocarray(fs->names, fs->n_names + 1, sizeof *fs->names);
            fs->names[fs->n_names].script = hb.hb_script_from_string(code, -1);
            fs->names[fs->n_names++].name = xstrdup(name);
        }
    }
    free(data);
}

/* Fallback k, opened on first use; NULL when none of its files is usable. */
static face *
fallback_face(cp_fontset *fs, size_t k)
{
    fallback *b = &fs->fb[k];
    face *f = &fs->faces[CP_FACE__COUNT + k];
    if (b->state != 0)
        return b->state > 0 ? f : NULL;
    b->state = -1;
    for (size_t i = 0; i < b->n_files; i++) {
        if (access(b->files[i], R_OK) != 0)
            continue;
        /* Mapped, not read: a CJK face is megabytes of which a letter
         * needs a few glyphs. */
        f->blob = hb.hb_blob_create_from_file_or_fail(b->files[i]);
        if (f->blob && face_open(f)) {
            f->path = xstrdup(b->files[i]);
            b->state = 1;
            return f;
        }
        face_free(f);
    }
    return NULL;
}

static bool
fallback_prefers(const fallback *b, hb_script_t sc)
{
    for (size_t i = 0; i < b->n_scripts; i++)
        if (b->scripts[i] == sc)
            return true;
    return false;
}

/* The face for cp in text set in `primary`, with its advance in *adv. */
static int
resolve(const cp_fontset *cfs, int primary, uint32_t cp, int32_t *adv)
{
    cp_fontset *fs = (cp_fontset *)cfs;
    *adv = -1;
    if (cp >= PUA_FIRST && cp <= PUA_LAST) {
        if (cp - PUA_FIRST >= fs->n_pua || fs->pua[cp - PUA_FIRST].face >= 0)
            return -1;
        cp = fs->pua[cp - PUA_FIRST].text[0];
    }
    *adv = face_advance(&fs->faces[primary], cp);
    if (*adv >= 0)
        return primary;
    /* Control characters are drawn as spaces (shape.c): no reason
     * to open a fallback for them. */
    if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0) || primary >= CP_FACE__COUNT)
        return -1;
    fallback_config(fs);
    hb_script_t sc = hb.hb_unicode_script(hb.hb_unicode_funcs_get_default(), cp);
    for (int pass = 0; pass < 2; pass++)
        for (size_t k = 0; k < fs->n_fb; k++) {
            if (fallback_prefers(&fs->fb[k], sc) != (pass == 0))
                continue;
            face *f = fallback_face(fs, k);
            if (f && (*adv = face_advance(f, cp)) >= 0)
                return CP_FACE__COUNT + (int)k;
        }
    *adv = -1;
    return -1;
}

int
cp_font_face_for(const cp_fontset *fs, enum cp_face face_id, uint32_t cp)
{
    int32_t adv;
    return resolve(fs, face_id, cp, &adv);
}

double
cp_font_width(const cp_fontset *fs, enum cp_face face_id, double size, const char *s, size_t len)
{
    const face *f = &fs->faces[face_id];
    long units = 0;
    double other = 0;          /* em from fallback faces */
    int32_t notdef = -1;
    /* Text from U+0300 up is measured as it is drawn: shaped (shape.h). */
    for (size_t i = 0; i < len; i++)
        if ((unsigned char)s[i] >= 0xCC) {
            cp_shaped sh;
            cp_shape_line(&sh, (cp_fontset *)fs, face_id, size, s, len, CP_DIR_AUTO);
            double w = sh.width;
            cp_shaped_free(&sh);
            return w;
        }
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        i += cp_utf8_next(s + i, len - i, &cp);
        if (cp_unicode_ignorable(cp))
            continue;
        int32_t adv;
        int g = resolve(fs, face_id, cp, &adv);
        if (g < 0) {
            /* Drawn as '?' (shape.c). */
            if (notdef < 0)
                notdef = face_advance(f, '?');
            adv = notdef > 0 ? notdef : 0;
        } else if (g != (int)face_id) {
            other += (double)adv / fs->faces[g].upem;
            continue;
        }
        units += adv;
    }
    return ((double)units / f->upem + other) * size;
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

/* The private-use code for glyph gid of face (-1 and 0: astral code point
 * text[0]) drawn for text; 0 when the private use area is full. */
static uint32_t
pua_code(cp_fontset *fs, int face_id, hb_codepoint_t gid, const uint32_t *text, size_t n)
{
    for (size_t i = 0; i < fs->n_pua; i++) {
        const pua_entry *e = &fs->pua[i];
        if (e->face == face_id && e->gid == gid && e->n == n
            && (n == 0 || memcmp(e->text, text, n * sizeof *text) == 0))
            return PUA_FIRST + (uint32_t)i;
    }
    if (fs->n_pua > PUA_LAST - PUA_FIRST)
        return 0;
    fs->pua = xreallocarray(fs->pua, fs->n_pua + 1, sizeof *fs->pua);
    pua_entry *e = &fs->pua[fs->n_pua];
    e->face = face_id;
    e->gid = gid;
    e->n = n;
    e->text = xcalloc(n ? n : 1, sizeof *e->text);
    if (n)
        memcpy(e->text, text, n * sizeof *text);
    return PUA_FIRST + (uint32_t)fs->n_pua++;
}

uint32_t
cp_font_astral_code(cp_fontset *fs, uint32_t cp)
{
    return pua_code(fs, -1, 0, &cp, 1);
}

uint32_t
cp_font_glyph_code(cp_fontset *fs, enum cp_face face_id, uint32_t gid, const uint32_t *text,
                   size_t n)
{
    return pua_code(fs, (int)face_id, gid, text, n);
}

void
cp_font_note_missing(cp_fontset *fs, uint32_t cp)
{
    if (cp != 0xFFFD)
        hb.hb_set_add(fs->missing, cp);
}

struct hb_font_t *
cp_font_hb(const cp_fontset *fs, enum cp_face face_id)
{
    return fs->faces[face_id].font;
}

double
cp_font_upem(const cp_fontset *fs, enum cp_face face_id)
{
    return fs->faces[face_id].upem;
}

int32_t
cp_font_advance(const cp_fontset *fs, enum cp_face face_id, uint32_t cp)
{
    return face_advance(&fs->faces[face_id], cp);
}

uint32_t
cp_font_code_unicode(const cp_fontset *fs, uint32_t code)
{
    if (code >= PUA_FIRST && code - PUA_FIRST < fs->n_pua && fs->pua[code - PUA_FIRST].face < 0)
        return fs->pua[code - PUA_FIRST].text[0];
    return code;
}

size_t
cp_font_code_text(const uint32_t **text, const cp_fontset *fs, uint32_t code)
{
    if (code >= PUA_FIRST && code - PUA_FIRST < fs->n_pua) {
        *text = fs->pua[code - PUA_FIRST].text;
        return fs->pua[code - PUA_FIRST].n;
    }
    *text = NULL;
    return 0;
}

/* The glyph a code of face_id draws in the whole face (a shaped glyph's
 * own, else the cmap's); false when there is none. */
static bool
code_glyph(const cp_fontset *fs, enum cp_face face_id, hb_font_t *font, uint32_t code,
           hb_codepoint_t *gid)
{
    if (code >= PUA_FIRST && code - PUA_FIRST < fs->n_pua && fs->pua[code - PUA_FIRST].face >= 0) {
        *gid = fs->pua[code - PUA_FIRST].gid;
        return fs->pua[code - PUA_FIRST].face == (int)face_id;
    }
    return hb.hb_font_get_nominal_glyph(font, cp_font_code_unicode(fs, code), gid);
}

static const char *
script_label(const cp_fontset *fs, hb_script_t sc, char tag[5])
{
    for (size_t i = 0; i < fs->n_names; i++)
        if (fs->names[i].script == sc)
            return fs->names[i].name;
    hb.hb_tag_to_string(hb.hb_script_to_iso15924_tag(sc), tag);
    tag[4] = '\0';
    return tag;
}

void
cp_fontset_report(cp_fontset *fs, cp_diags *diags)
{
    if (fs->reported || hb.hb_set_is_empty(fs->missing))
        return;
    fs->reported = true;
    fallback_config(fs);
    hb_unicode_funcs_t *uf = hb.hb_unicode_funcs_get_default();
    hb_script_t seen[16];
    size_t n_seen = 0;
    cp_buf names = CP_BUF_INIT, pkgs = CP_BUF_INIT;
    bool pkg_seen[CP_FALLBACK_MAX] = { false };
    hb_codepoint_t cp = HB_SET_VALUE_INVALID;
    while (hb.hb_set_next(fs->missing, &cp)) {
        hb_script_t sc = hb.hb_unicode_script(uf, cp);
        if (cp > 0xFFFF)
            sc = HB_SCRIPT_COMMON;
        size_t j = 0;
        while (j < n_seen && seen[j] != sc)
            j++;
        if (j < n_seen || n_seen == CP_ARRAY_LEN(seen))
            continue;
        seen[n_seen++] = sc;
        char tag[5];
        cp_buf_printf(&names, "%s%s", names.len ? ", " : "", script_label(fs, sc, tag));
        /* A package to suggest: that of an absent face meant for the script. */
        for (size_t k = 0; k < fs->n_fb; k++)
            if (fallback_prefers(&fs->fb[k], sc) && fs->fb[k].package && !pkg_seen[k]
                && fallback_face(fs, k) == NULL) {
                pkg_seen[k] = true;
                cp_buf_printf(&pkgs, "%s%s", pkgs.len ? " " : "", fs->fb[k].package);
            }
    }
    unsigned n = hb.hb_set_get_population(fs->missing);
    hb_codepoint_t first = hb.hb_set_get_min(fs->missing);
    char more[48] = "";
    if (n > 1)
        snprintf(more, sizeof more, " and %u more", n - 1);
    if (pkgs.len)
        cp_warning(diags, NULL, 0, 0, "no font for %s text (U+%04X%s), shown as '?': install %s",
                   names.data, (unsigned)first, more, pkgs.data);
    else
        cp_warning(diags, NULL, 0, 0, "no font for %s text (U+%04X%s), shown as '?'",
                   names.data, (unsigned)first, more);
    cp_buf_free(&names);
    cp_buf_free(&pkgs);
}

void
cp_font_use(cp_fontset *fs, enum cp_face face_id, const char *s)
{
    face *f = &fs->faces[face_id];
    size_t len = strlen(s);
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        i += cp_utf8_next(s + i, len - i, &cp);
        hb.hb_set_add(f->used, cp);
    }
}

bool
cp_font_used(const cp_fontset *fs, enum cp_face face_id)
{
    return fs->faces[face_id].used && !hb.hb_set_is_empty(fs->faces[face_id].used);
}

size_t
cp_font_used_codes(uint32_t **out, const cp_fontset *fs, enum cp_face face_id)
{
    const hb_set_t *set = fs->faces[face_id].used;
    size_t n = set ? hb.hb_set_get_population(set) : 0;
    uint32_t *v = xcalloc(n ? n : 1, sizeof *v);
    size_t k = 0;
    hb_codepoint_t cp = HB_SET_VALUE_INVALID;
    while (set && k < n && hb.hb_set_next(set, &cp))
        v[k++] = cp;
    *out = v;
    return k;
}

static void
put16(unsigned char *p, unsigned v)
{
    p[0] = (unsigned char)(v >> 8);
    p[1] = (unsigned char)v;
}

/* A cmap table with one (3,1) format 4 subtable: code codes[i] -> gids[i],
 * one segment each (a few hundred codes at most), codes ascending. */
static hb_blob_t *
cmap_format4(const uint32_t *codes, const hb_codepoint_t *gids, size_t n)
{
    size_t segs = n + 1;                     /* + the final 0xFFFF segment */
    size_t sub_len = 16 + 8 * segs;
    size_t len = 12 + sub_len;
    unsigned char *t = xcalloc(1, len);
    put16(t + 2, 1);                         /* version 0, one subtable */
    put16(t + 4, 3);
    put16(t + 6, 1);
    t[8] = 0, t[9] = 0, put16(t + 10, 12);   /* its offset */
    unsigned char *p = t + 12;
    unsigned pow2 = 1, log2 = 0;
    while (pow2 * 2 <= segs)
        pow2 *= 2, log2++;
    put16(p, 4);
    put16(p + 2, (unsigned)sub_len);
    put16(p + 6, (unsigned)(2 * segs));
    put16(p + 8, 2 * pow2);
    put16(p + 10, log2);
    put16(p + 12, (unsigned)(2 * segs - 2 * pow2));
    unsigned char *end = p + 14, *start = end + 2 * segs + 2, *delta = start + 2 * segs;
    for (size_t i = 0; i < segs; i++) {
        unsigned c = i < n ? (unsigned)codes[i] : 0xFFFF;
        unsigned g = i < n ? (unsigned)gids[i] : 0;
        put16(end + 2 * i, c);
        put16(start + 2 * i, c);
        put16(delta + 2 * i, i < n ? (g - c) & 0xFFFF : 1);
    }
    return hb.hb_blob_create((const char *)t, (unsigned)len, HB_MEMORY_MODE_READONLY, t, free);
}

/* The subset `sub` with a cmap that maps the drawn codes (private-use
 * codes for astral code points included) to their glyphs: what libharu,
 * which reads format 4 only, needs to find the emoji. */
typedef struct code_gid {
    uint32_t code;
    hb_codepoint_t gid;
} code_gid;

static int
code_gid_cmp(const void *a, const void *b)
{
    uint32_t x = ((const code_gid *)a)->code, y = ((const code_gid *)b)->code;
    return x < y ? -1 : x > y;
}

static hb_face_t *
remap_cmap(hb_face_t *sub, const cp_fontset *fs, enum cp_face face_id, const hb_set_t *used,
           bool components, size_t *n_hidden)
{
    unsigned n = hb.hb_set_get_population(used);
    unsigned n_glyphs = hb.hb_face_get_glyph_count(sub);
    code_gid *v = xcalloc((size_t)n + n_glyphs + 1, sizeof *v);
    hb_font_t *font = hb.hb_font_create(sub);
    hb_set_t *reached = hb.hb_set_create();
    size_t k = 0;
    hb_codepoint_t c = HB_SET_VALUE_INVALID;
    while (hb.hb_set_next(used, &c))
        if (c <= 0xFFFF && code_glyph(fs, face_id, font, c, &v[k].gid)) {
            v[k].code = c;
            hb.hb_set_add(reached, v[k++].gid);
        }
    /* Glyphs that only other glyphs use (the parts of composite glyphs,
     * which shaped Arabic has two levels deep): libharu keeps only the glyf
     * data of glyphs whose width it was asked, and of their parts one
     * level down (src/README.md), so these get codes of their own, from
     * the surrogates, which no text has; pdf.c asks their widths. */
    size_t hidden = 0;
    for (hb_codepoint_t g = 1; components && g < n_glyphs && hidden < 0x800; g++) {
        hb_glyph_extents_t ext;
        if (hb.hb_set_has(reached, g) || !hb.hb_font_get_glyph_extents(font, g, &ext)
            || (ext.width == 0 && ext.height == 0))
            continue;
        v[k].code = 0xD800 + (uint32_t)hidden++;
        v[k++].gid = g;
    }
    *n_hidden = hidden;
    hb.hb_set_destroy(reached);
    hb.hb_font_destroy(font);
    qsort(v, k, sizeof *v, code_gid_cmp);
    uint32_t *codes = xcalloc(k ? k : 1, sizeof *codes);
    hb_codepoint_t *gids = xcalloc(k ? k : 1, sizeof *gids);
    for (size_t i = 0; i < k; i++) {
        codes[i] = v[i].code;
        gids[i] = v[i].gid;
    }
    free(v);
    hb_blob_t *cmap = cmap_format4(codes, gids, k);
    free(codes);
    free(gids);

    /* A subset is a builder face, which cannot list its tables: read back
     * what it serializes to. */
    hb_blob_t *sub_blob = hb.hb_face_reference_blob(sub);
    hb_face_t *flat = hb.hb_face_create(sub_blob, 0);
    hb_face_t *out = hb.hb_face_builder_create();
    hb_tag_t tags[64];
    unsigned count = CP_ARRAY_LEN(tags);
    hb.hb_face_get_table_tags(flat, 0, &count, tags);
    for (unsigned i = 0; i < count; i++) {
        if (tags[i] == HB_TAG('c', 'm', 'a', 'p')) {
            hb.hb_face_builder_add_table(out, tags[i], cmap);
            continue;
        }
        hb_blob_t *b = hb.hb_face_reference_table(flat, tags[i]);
        hb.hb_face_builder_add_table(out, tags[i], b);
        hb.hb_blob_destroy(b);
    }
    hb.hb_blob_destroy(cmap);
    hb.hb_face_destroy(flat);
    hb.hb_blob_destroy(sub_blob);
    hb.hb_face_destroy(sub);
    return out;
}

int
cp_font_subset_file(char **path_out, size_t *n_hidden, const cp_fontset *fs,
                    enum cp_face face_id, cp_diags *diags)
{
    const face *f = &fs->faces[face_id];
    int rc = -1, fd = -1;
    char *path = NULL;
    hb_face_t *sub = NULL;
    hb_blob_t *blob = NULL;
    *path_out = NULL;
    *n_hidden = 0;

    hb_subset_input_t *in = hbs.hb_subset_input_create_or_fail();
    if (in == NULL) {
        cp_error(diags, CP_OUTPUT, f->path, 0, 0, "cannot subset font: out of memory");
        goto cleanup;
    }
    bool astral = false, glyphs = false;
    hb_set_t *unicodes = hbs.hb_subset_input_unicode_set(in);
    hb_set_t *gids = hbs.hb_subset_input_glyph_set(in);
    for (hb_codepoint_t c = HB_SET_VALUE_INVALID; hb.hb_set_next(f->used, &c);) {
        hb_codepoint_t gid;
        if (c >= PUA_FIRST && c - PUA_FIRST < fs->n_pua && fs->pua[c - PUA_FIRST].face >= 0) {
            if (code_glyph(fs, face_id, f->font, c, &gid))
                hb.hb_set_add(gids, gid);
            glyphs = true;
            continue;
        }
        uint32_t u = cp_font_code_unicode(fs, c);
        hb.hb_set_add(unicodes, u);
        astral |= u != c;
    }
    /* libharu reads cmap (format 4), glyf/loca, hmtx, head, hhea, maxp,
     * post, OS/2 and name, all kept by default. Hinting and the OpenType
     * layout tables are no use in a PDF that positions every glyph itself
     * (and libharu does not shape), so they go: a third of the size. */
    /* Shaped glyphs keep their numbers, which the private-use codes'
     * cmap entries name (remap_cmap). */
    hbs.hb_subset_input_set_flags(in, HB_SUBSET_FLAGS_NO_HINTING
                                  | (glyphs ? HB_SUBSET_FLAGS_RETAIN_GIDS : 0));
    hb_set_t *drop = hbs.hb_subset_input_set(in, HB_SUBSET_SETS_DROP_TABLE_TAG);
    hb.hb_set_add(drop, HB_TAG('G', 'S', 'U', 'B'));
    hb.hb_set_add(drop, HB_TAG('G', 'P', 'O', 'S'));
    hb.hb_set_add(drop, HB_TAG('G', 'D', 'E', 'F'));
    hb.hb_set_add(drop, HB_TAG('k', 'e', 'r', 'n'));
    sub = hbs.hb_subset_or_fail(f->face, in);
    if (sub == NULL) {
        cp_error(diags, CP_OUTPUT, f->path, 0, 0, "cannot subset font");
        goto cleanup;
    }
    if (astral || glyphs)
        sub = remap_cmap(sub, fs, face_id, f->used, glyphs, n_hidden);
    /* libharu writes the 13 tables it needs in name order, a missing one
     * as empty at the end of what it has written, and then seeks to each
     * table's start in its memory buffers: a seek to the very end fails
     * where that end falls on a buffer's boundary (4096 bytes), and the
     * PDF is not written ("libharu error 0x1033"). Without hinting, the
     * last table, prep, would be missing: a prep that pushes a value and
     * pops it keeps it from being empty, and does nothing. */
    static const char prep[] = { '\xB0', 0, '\x21' };     /* PUSHB[0] 0, POP */
    hb_blob_t *prep_blob = hb.hb_blob_create(prep, sizeof prep, HB_MEMORY_MODE_READONLY,
                                             NULL, NULL);
    hb.hb_face_builder_add_table(sub, HB_TAG('p', 'r', 'e', 'p'), prep_blob);
    hb.hb_blob_destroy(prep_blob);
    blob = hb.hb_face_reference_blob(sub);
    unsigned len;
    const char *data = hb.hb_blob_get_data(blob, &len);
    if (len == 0) {
        cp_error(diags, CP_OUTPUT, f->path, 0, 0, "cannot subset font");
        goto cleanup;
    }
    if (cp_scratch_create(&path, &fd, "claimpack-font", diags) < 0)
        goto cleanup;
    for (size_t done = 0; done < len;) {
        ssize_t n = write(fd, data + done, len - done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            cp_error(diags, CP_OUTPUT, path, 0, 0, "cannot write temporary font file: %s",
                     n < 0 ? strerror(errno) : "short write");
            cp_scratch_remove(path);
            path = NULL;
            goto cleanup;
        }
        done += (size_t)n;
    }
    if (close(fd) < 0) {
        fd = -1;
        cp_error(diags, CP_OUTPUT, path, 0, 0, "cannot write temporary font file: %s",
                 strerror(errno));
        cp_scratch_remove(path);
        path = NULL;
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
    hb.hb_blob_destroy(blob);
    hb.hb_face_destroy(sub);
    hbs.hb_subset_input_destroy(in);
    return rc;
}
