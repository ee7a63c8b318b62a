/* shape.c: a line of text into positioned glyph runs, with FriBidi for the
 * order and HarfBuzz for the glyphs (shape.h). */
#include "config.h"
#include "shape.h"
#include "textlibs.h"
#include "unicode.h"
#include "util.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>


#define PUA_FIRST 0xE000
#define PUA_LAST 0xF8FF

/* The line as code points, each with the face and script it is set in. */
typedef struct line {
    uint32_t *u;
    int *face;
    hb_script_t *script;
    FriBidiLevel *level;
    size_t n;
} line;

typedef struct out {
    cp_shaped *s;
    cp_fontset *fs;
    double size;
    double pen;              /* font-independent pen position, points */
    cp_buf codes;            /* the run being built */
    int face;
    double start, dy, end;   /* its start, baseline shift and where its next glyph would go */
} out;

static bool
is_mark(uint32_t cp)
{
    if (cp < 0x300)              /* the first marks */
        return false;
    hb_unicode_general_category_t gc =
        hb.hb_unicode_general_category(hb.hb_unicode_funcs_get_default(), cp);
    return gc == HB_UNICODE_GENERAL_CATEGORY_NON_SPACING_MARK
        || gc == HB_UNICODE_GENERAL_CATEGORY_ENCLOSING_MARK
        || gc == HB_UNICODE_GENERAL_CATEGORY_SPACING_MARK;
}

/* The code points of text in NFC, what cannot be drawn replaced (control
 * characters by spaces, code points no face has and private-use ones by
 * '?'), each given its face: a mark, a space or an ignorable goes with
 * what precedes it. */
static void
line_read(line *ln, cp_fontset *fs, int primary, const char *text, size_t len)
{
    char *nfc = cp_unicode_nfc(text, len);
    size_t n8 = strlen(nfc);
    ln->u = xcalloc(n8 + 1, sizeof *ln->u);
    ln->face = xcalloc(n8 + 1, sizeof *ln->face);
    ln->script = xcalloc(n8 + 1, sizeof *ln->script);
    ln->level = xcalloc(n8 + 1, sizeof *ln->level);
    size_t n = 0;
    int prev = -1;
    for (size_t i = 0; i < n8;) {
        uint32_t cp;
        i += cp_utf8_next(nfc + i, n8 - i, &cp);
        int f;
        if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0))
            cp = ' ';
        if (cp_unicode_ignorable(cp) || cp == ' ') {
            f = prev;                 /* -1 at the start: see below */
        } else if (cp >= PUA_FIRST && cp <= PUA_LAST) {
            cp_font_note_missing(fs, cp);
            cp = '?';
            f = primary;
        } else if (prev >= 0 && is_mark(cp) && cp_font_advance(fs, (enum cp_face)prev, cp) >= 0) {
            f = prev;
        } else if ((f = cp_font_face_for(fs, (enum cp_face)primary, cp)) < 0) {
            cp_font_note_missing(fs, cp);
            cp = '?';
            f = primary;
        }
        ln->u[n] = cp;
        ln->face[n++] = f;
        if (f >= 0)
            prev = f;
    }
    free(nfc);
    ln->n = n;
    /* Leading spaces and ignorables: the face of what follows them. */
    int next = primary;
    for (size_t i = n; i-- > 0;) {
        if (ln->face[i] < 0)
            ln->face[i] = next;
        else
            next = ln->face[i];
    }
    /* Scripts: common and inherited characters take their neighbours'. */
    hb_unicode_funcs_t *uf = hb.hb_unicode_funcs_get_default();
    hb_script_t cur = HB_SCRIPT_INVALID;
    for (size_t i = 0; i < n; i++) {
        uint32_t c = ln->u[i];
        hb_script_t sc = (c | 0x20) >= 'a' && (c | 0x20) <= 'z' ? HB_SCRIPT_LATIN
                       : c < 0x80 ? HB_SCRIPT_COMMON : hb.hb_unicode_script(uf, c);
        if (sc == HB_SCRIPT_COMMON || sc == HB_SCRIPT_INHERITED || sc == HB_SCRIPT_UNKNOWN)
            sc = cur;
        ln->script[i] = cur = sc;
    }
    cur = HB_SCRIPT_COMMON;
    for (size_t i = n; i-- > 0;) {
        if (ln->script[i] == HB_SCRIPT_INVALID)
            ln->script[i] = cur;
        else
            cur = ln->script[i];
    }
}

static void
line_free(line *ln)
{
    free(ln->u);
    free(ln->face);
    free(ln->script);
    free(ln->level);
}

/* Nothing from U+0590 up: no right-to-left character, no explicit
 * direction: every level 0, no reordering. */
static bool
all_ltr(const line *ln)
{
    for (size_t i = 0; i < ln->n; i++)
        if (ln->u[i] >= 0x590)
            return false;
    return true;
}

/* Levels (UAX #9 up to L1) into ln->level; the visual order into map
 * (map[v] = the logical index at visual position v). */
static bool
line_bidi(line *ln, enum cp_dir dir, FriBidiStrIndex *map)
{
    size_t n = ln->n;
    for (size_t i = 0; i < n; i++)
        map[i] = (FriBidiStrIndex)i;
    if (n == 0 || (dir != CP_DIR_RTL && all_ltr(ln)))
        return n == 0 && dir == CP_DIR_RTL;
    FriBidiCharType *types = xcalloc(n + 1, sizeof *types);
    FriBidiBracketType *brackets = xcalloc(n + 1, sizeof *brackets);
    bidi.fribidi_get_bidi_types(ln->u, (FriBidiStrIndex)n, types);
    bidi.fribidi_get_bracket_types(ln->u, (FriBidiStrIndex)n, types, brackets);
    FriBidiParType base = dir == CP_DIR_RTL ? FRIBIDI_PAR_RTL
                        : dir == CP_DIR_LTR ? FRIBIDI_PAR_LTR : FRIBIDI_PAR_ON;
    if (bidi.fribidi_get_par_embedding_levels_ex(types, brackets, (FriBidiStrIndex)n, &base,
                                            ln->level) == 0)
        cp_out_of_memory(n * sizeof *ln->level);
    bool rtl = FRIBIDI_IS_RTL(base);
    /* No flags: marks stay after their letters in a reversed run, which
     * HarfBuzz shapes as a whole (FRIBIDI_FLAG_REORDER_NSM would move
     * them). */
    if (bidi.fribidi_reorder_line(0, types, (FriBidiStrIndex)n, 0, base, ln->level, NULL, map) == 0)
        cp_out_of_memory(n * sizeof *map);
    free(types);
    free(brackets);
    return rtl;
}

static void
run_flush(out *o)
{
    if (o->codes.len == 0)
        return;
    cp_shaped *s = o->s;
    s->runs = xreallocarray(s->runs, s->n + 1, sizeof *s->runs);
    cp_glyph_run *r = &s->runs[s->n++];
    r->face = (enum cp_face)o->face;
    r->x = o->start;
    r->dy = o->dy;
    r->w = o->end - o->start;
    r->codes = cp_buf_detach(&o->codes);
}

/* One glyph of code point `cluster` (its index in the line) drawn as
 * `code` at (pen + dx, dy), advancing the pen by adv; nominal is the
 * advance the PDF gives the glyph (its hmtx width). All in points. A glyph
 * that does not start where the PDF's own advance leaves the run starts a
 * new run at its place. */
static void
put_glyph(out *o, size_t cluster, int face, uint32_t code, double dx, double dy, double adv,
          double nominal)
{
    double *e = &o->s->ext[2 * cluster];
    if (e[0] == e[1]) {
        e[0] = o->pen;
        e[1] = o->pen + adv;
    } else {
        e[0] = fmin(e[0], o->pen);
        e[1] = fmax(e[1], o->pen + adv);
    }
    double at = o->pen + dx;
    if (o->codes.len && (face != o->face || fabs(at - o->end) > 1e-4 || fabs(dy - o->dy) > 1e-4))
        run_flush(o);
    if (o->codes.len == 0) {
        o->face = face;
        o->start = at;
        o->dy = dy;
        o->end = at;
    }
    char u[3] = { (char)(0xE0 | (code >> 12)), (char)(0x80 | ((code >> 6) & 0x3F)),
                  (char)(0x80 | (code & 0x3F)) };
    if (code < 0x80)
        cp_buf_putc(&o->codes, (char)code);
    else if (code < 0x800) {
        u[0] = (char)(0xC0 | (code >> 6));
        u[1] = (char)(0x80 | (code & 0x3F));
        cp_buf_add(&o->codes, u, 2);
    } else
        cp_buf_add(&o->codes, u, 3);
    o->end = at + nominal;
    o->pen += adv;
}

/* A run of left-to-right text below U+0300 set as the PDF draws it
 * unshaped: one glyph per code point, its nominal advance, no kerning
 * (the letters' own text: Liberation Sans has no ligatures there). */
static bool
run_simple(const line *ln, size_t lo, size_t hi)
{
    if (ln->level[lo] & 1)
        return false;
    for (size_t i = lo; i < hi; i++)
        if (ln->u[i] >= 0x300)
            return false;
    return true;
}

static void
shape_simple(out *o, const line *ln, size_t lo, size_t hi)
{
    int f = ln->face[lo];
    double scale = o->size / cp_font_upem(o->fs, (enum cp_face)f);
    for (size_t i = lo; i < hi; i++) {
        if (cp_unicode_ignorable(ln->u[i]))
            continue;
        int32_t adv = cp_font_advance(o->fs, (enum cp_face)f, ln->u[i]);
        double w = adv > 0 ? adv * scale : 0;
        put_glyph(o, i, f, ln->u[i], 0, 0, w, w);
    }
}

/* The code that draws glyph gid of face f for the cluster's text: the code
 * point itself when that is what its cmap draws, else a private-use code
 * (font.h) whose ToUnicode entry gives the text. */
static uint32_t
glyph_code(cp_fontset *fs, int f, hb_font_t *font, hb_codepoint_t gid, const uint32_t *text,
           size_t n)
{
    hb_codepoint_t nominal;
    if (n == 1 && !(text[0] >= PUA_FIRST && text[0] <= PUA_LAST)
        && hb.hb_font_get_nominal_glyph(font, text[0], &nominal) && nominal == gid) {
        if (text[0] <= 0xFFFF)
            return text[0];
        uint32_t c = cp_font_astral_code(fs, text[0]);
        if (c)
            return c;
    }
    uint32_t c = cp_font_glyph_code(fs, (enum cp_face)f, gid, text, n);
    return c ? c : '?';
}

/* What a cluster's first glyph gives back to text extraction (at most max
 * code points): its n code points without the default-ignorable ones (a
 * joiner between two letters is no part of the words), but whole where
 * one glyph draws several characters (an emoji sequence that the font
 * draws as one, a ligature), which say what that glyph is. */
static size_t
cluster_text(uint32_t *dst, size_t max, const uint32_t *u, size_t n, unsigned glyphs, bool rtl)
{
    size_t visible = 0, k = 0;
    for (size_t i = 0; i < n; i++)
        visible += !cp_unicode_ignorable(u[i]);
    bool whole = glyphs == 1 && visible > 1;
    for (size_t i = 0; i < n && k < max; i++)
        if (whole || !cp_unicode_ignorable(u[i]))
            dst[k++] = u[i];
    /* pdftotext (poppler) puts a right-to-left word back into logical order
     * glyph by glyph and turns the text of each glyph round too: a lam-alef
     * ligature mapped to "lam alef" came out "alef lam". Such a glyph's text
     * is given in visual order, so that it comes out as written. */
    for (size_t i = 0; rtl && i < k / 2; i++) {
        uint32_t t = dst[i];
        dst[i] = dst[k - 1 - i];
        dst[k - 1 - i] = t;
    }
    return k;
}

static void
shape_run(out *o, const line *ln, size_t lo, size_t hi)
{
    int f = ln->face[lo];
    hb_font_t *font = cp_font_hb(o->fs, (enum cp_face)f);
    double scale = o->size / cp_font_upem(o->fs, (enum cp_face)f);
    bool rtl = ln->level[lo] & 1;
    hb_buffer_t *buf = hb.hb_buffer_create();
    /* The whole line as context: letters join across a change of face. */
    hb.hb_buffer_add_utf32(buf, ln->u, (int)ln->n, (unsigned)lo, (int)(hi - lo));
    hb.hb_buffer_set_direction(buf, rtl ? HB_DIRECTION_RTL : HB_DIRECTION_LTR);
    hb.hb_buffer_set_script(buf, ln->script[lo]);
    /* Each character its own cluster but where glyphs merge them, so that
     * every glyph can be given back the text it draws. */
    hb.hb_buffer_set_cluster_level(buf, HB_BUFFER_CLUSTER_LEVEL_MONOTONE_CHARACTERS);
    hb.hb_buffer_set_flags(buf, HB_BUFFER_FLAG_REMOVE_DEFAULT_IGNORABLES
                             | (lo == 0 ? HB_BUFFER_FLAG_BOT : 0)
                             | (hi == ln->n ? HB_BUFFER_FLAG_EOT : 0));
    /* No kerning, as in the unshaped text beside it. */
    hb_feature_t nokern = { HB_TAG('k', 'e', 'r', 'n'), 0, HB_FEATURE_GLOBAL_START,
                            HB_FEATURE_GLOBAL_END };
    hb.hb_shape(font, buf, &nokern, 1);
    if (!hb.hb_buffer_allocation_successful(buf))
        cp_out_of_memory((hi - lo) * 64);
    unsigned ng;
    hb_glyph_info_t *info = hb.hb_buffer_get_glyph_infos(buf, &ng);
    hb_glyph_position_t *pos = hb.hb_buffer_get_glyph_positions(buf, &ng);
    for (unsigned g = 0; g < ng; g++) {
        /* The cluster's text: from its first character to the next
         * cluster's (clusters rise in logical order, along the glyphs
         * left to right, or right to left in a right-to-left run). */
        uint32_t c = info[g].cluster, end = (uint32_t)hi;
        unsigned k = g, glyphs = 0;
        if (rtl) {
            while (k > 0 && info[k - 1].cluster == c)
                k--;
            unsigned e = k;
            while (e < ng && info[e].cluster == c)
                e++, glyphs++;
            if (k > 0)
                end = info[k - 1].cluster;
            k = e - 1;                /* the cluster's logically first glyph */
        } else {
            while (k > 0 && info[k - 1].cluster == c)
                k--;
            unsigned e = k;
            while (e < ng && info[e].cluster == c)
                e++, glyphs++;
            if (e < ng)
                end = info[e].cluster;
        }
        uint32_t text[64];
        size_t nt = k == g ? cluster_text(text, CP_ARRAY_LEN(text), ln->u + c, end - c, glyphs, rtl) : 0;
        uint32_t code = glyph_code(o->fs, f, font, info[g].codepoint, text, nt);
        double nominal = hb.hb_font_get_glyph_h_advance(font, info[g].codepoint) * scale;
        put_glyph(o, info[g].cluster, f, code, pos[g].x_offset * scale, pos[g].y_offset * scale,
                  pos[g].x_advance * scale, nominal);
    }
    hb.hb_buffer_destroy(buf);
}

void
cp_shape_line(cp_shaped *s, cp_fontset *fs, enum cp_face face, double size, const char *text,
              size_t len, enum cp_dir dir)
{
    memset(s, 0, sizeof *s);
    line ln;
    line_read(&ln, fs, face, text, len);
    FriBidiStrIndex *map = xcalloc(ln.n + 1, sizeof *map);
    s->rtl = line_bidi(&ln, dir, map);
    s->ext = xcalloc(2 * ln.n + 2, sizeof *s->ext);
    s->n_ext = ln.n;
    out o = { s, fs, size, 0, CP_BUF_INIT, 0, 0, 0, 0 };
    /* Runs in visual order: visual neighbours that are logical neighbours
     * in the run's direction, of one face, script and level. */
    for (size_t v = 0; v < ln.n;) {
        size_t first = (size_t)map[v], last = first, w = v + 1;
        bool rtl = ln.level[first] & 1;
        while (w < ln.n) {
            size_t l = (size_t)map[w];
            if (l != (rtl ? last - 1 : last + 1) || ln.level[l] != ln.level[first]
                || ln.face[l] != ln.face[first] || ln.script[l] != ln.script[first])
                break;
            last = l;
            w++;
        }
        size_t lo = rtl ? last : first, hi = (rtl ? first : last) + 1;
        if (run_simple(&ln, lo, hi))
            shape_simple(&o, &ln, lo, hi);
        else
            shape_run(&o, &ln, lo, hi);
        v = w;
    }
    run_flush(&o);
    cp_buf_free(&o.codes);
    s->width = o.pen;
    free(map);
    line_free(&ln);
}

void
cp_shaped_free(cp_shaped *s)
{
    for (size_t i = 0; i < s->n; i++)
        free(s->runs[i].codes);
    free(s->runs);
    free(s->ext);
    memset(s, 0, sizeof *s);
}

/* How many code points the first n bytes of text have in NFC: the index
 * in the shaped line (line_read makes one of each) of the one at byte n. */
static size_t
nfc_index(const char *text, size_t n)
{
    char *nfc = cp_unicode_nfc(text, n);
    size_t k = 0;
    for (const char *p = nfc; *p; p++)
        k += ((unsigned char)*p & 0xC0) != 0x80;
    free(nfc);
    return k;
}

static int
cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

size_t
cp_shaped_span(const cp_shaped *s, const char *text, size_t a, size_t b, double *x0, double *x1,
               size_t max)
{
    size_t ia = nfc_index(text, a), ib = nfc_index(text, b);
    if (ib > s->n_ext)
        ib = s->n_ext;
    /* The drawn code points' extents, left to right, joined where they
     * touch: visual neighbours of the span, whatever their logical order. */
    double *v = xcalloc(2 * (ib > ia ? ib - ia : 0) + 2, sizeof *v);
    size_t n = 0;
    for (size_t i = ia; i < ib; i++)
        if (s->ext[2 * i] != s->ext[2 * i + 1]) {
            v[2 * n] = s->ext[2 * i];
            v[2 * n + 1] = s->ext[2 * i + 1];
            n++;
        }
    qsort(v, n, 2 * sizeof *v, cmp_double);
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        if (k > 0 && v[2 * i] <= x1[k - 1] + 1e-3) {
            x1[k - 1] = fmax(x1[k - 1], v[2 * i + 1]);
            continue;
        }
        if (k == max)
            break;
        x0[k] = v[2 * i];
        x1[k++] = v[2 * i + 1];
    }
    free(v);
    return k;
}

enum cp_dir
cp_shape_direction(const char *text, size_t len)
{
    /* Only laid-out text asks, once the fonts are loaded (cp_fontset_load
     * opens FriBidi); left to right without it, as it cannot be set then. */
    if (cp_textlibs_open())
        return CP_DIR_LTR;
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        i += cp_utf8_next(text + i, len - i, &cp);
        if (cp == '\n')
            break;
        FriBidiCharType t = bidi.fribidi_get_bidi_type(cp);
        if (t == FRIBIDI_TYPE_LTR)
            return CP_DIR_LTR;
        if (t == FRIBIDI_TYPE_RTL || t == FRIBIDI_TYPE_AL)
            return CP_DIR_RTL;
    }
    return CP_DIR_LTR;
}
