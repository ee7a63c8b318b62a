/* layout.c: the page model, the line breaker and the text flow. */
#include "config.h"
#include "layout.h"
#include "util.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

cp_layout *
cp_layout_new(cp_fontset *fonts)
{
    cp_layout *L = xcalloc(1, sizeof *L);
    L->fonts = fonts;
    return L;
}

void
cp_layout_free(cp_layout *L)
{
    if (L == NULL)
        return;
    for (size_t i = 0; i < L->n_pages; i++) {
        cp_page *p = &L->pages[i];
        for (size_t j = 0; j < p->n_items; j++)
            free(p->items[j].text);
        free(p->items);
    }
    free(L->pages);
    for (size_t i = 0; i < L->n_outline; i++)
        free(L->outline[i].title);
    free(L->outline);
    free(L);
}

int
cp_layout_add_page(cp_layout *L, double width, double height)
{
    if (L->n_pages == L->cap) {
        L->cap = L->cap ? L->cap * 2 : 4;
        L->pages = xreallocarray(L->pages, L->cap, sizeof *L->pages);
    }
    cp_page *p = &L->pages[L->n_pages];
    memset(p, 0, sizeof *p);
    p->width = width;
    p->height = height;
    return (int)L->n_pages++;
}

static cp_lay_item *
item_add(cp_layout *L, int page, enum cp_lay_kind kind)
{
    cp_page *p = &L->pages[page];
    if (p->n_items == p->cap) {
        p->cap = p->cap ? p->cap * 2 : 32;
        p->items = xreallocarray(p->items, p->cap, sizeof *p->items);
    }
    cp_lay_item *it = &p->items[p->n_items++];
    memset(it, 0, sizeof *it);
    it->kind = kind;
    it->target = -1;
    it->image = -1;
    return it;
}

/* A shaped line's glyph runs placed with the line's start at (x, y). */
static void
place_shaped(cp_layout *L, int page, double size, double x, double y, cp_shaped *sh)
{
    /* One item per glyph run: a face, a place (shape.h). */
    for (size_t i = 0; i < sh->n; i++) {
        cp_lay_item *it = item_add(L, page, CP_LAY_TEXT);
        it->x = x + sh->runs[i].x;
        it->y = y + sh->runs[i].dy;
        it->face = sh->runs[i].face;
        it->size = size;
        it->text = sh->runs[i].codes;
        sh->runs[i].codes = NULL;
        it->w = sh->runs[i].w;
        it->h = size;
    }
}

double
cp_layout_text_dir(cp_layout *L, int page, enum cp_face face, double size, double x, double y,
                   const char *text, enum cp_dir dir)
{
    cp_shaped sh;
    cp_shape_line(&sh, L->fonts, face, size, text, strlen(text), dir);
    place_shaped(L, page, size, x, y, &sh);
    double w = sh.width;
    cp_shaped_free(&sh);
    return w;
}

double
cp_layout_text(cp_layout *L, int page, enum cp_face face, double size, double x, double y,
               const char *text)
{
    return cp_layout_text_dir(L, page, face, size, x, y, text, CP_DIR_AUTO);
}

double
cp_layout_text_right(cp_layout *L, int page, enum cp_face face, double size, double x_right,
                     double y, const char *text)
{
    double w = cp_font_width(L->fonts, face, size, text, strlen(text));
    return cp_layout_text(L, page, face, size, x_right - w, y, text);
}

cp_lay_item *
cp_layout_line(cp_layout *L, int page, double x1, double y1, double x2, double y2,
               double stroke)
{
    cp_lay_item *it = item_add(L, page, CP_LAY_LINE);
    it->x = x1;
    it->y = y1;
    it->w = x2 - x1;
    it->h = y2 - y1;
    it->stroke = stroke;
    return it;
}

cp_lay_item *
cp_layout_rect(cp_layout *L, int page, double x, double y, double w, double h, double stroke)
{
    cp_lay_item *it = item_add(L, page, CP_LAY_RECT);
    it->x = x;
    it->y = y;
    it->w = w;
    it->h = h;
    it->stroke = stroke;
    return it;
}

void
cp_layout_link(cp_layout *L, int page, double x, double y, double w, double h, int target)
{
    cp_lay_item *it = item_add(L, page, CP_LAY_LINK);
    it->x = x;
    it->y = y;
    it->w = w;
    it->h = h;
    it->target = target;
}

void
cp_layout_image(cp_layout *L, int page, double x, double y, double w, double h, int image)
{
    cp_lay_item *it = item_add(L, page, CP_LAY_IMAGE);
    it->x = x;
    it->y = y;
    it->w = w;
    it->h = h;
    it->image = image;
}

void
cp_layout_outline(cp_layout *L, const char *title, int page, int level)
{
    if (L->n_outline == L->outline_cap) {
        L->outline_cap = L->outline_cap ? L->outline_cap * 2 : 8;
        L->outline = xreallocarray(L->outline, L->outline_cap, sizeof *L->outline);
    }
    cp_outline_entry *e = &L->outline[L->n_outline++];
    e->title = xstrdup(title);
    e->page = page;
    e->level = level;
}

/* --- line breaking --- */

typedef struct line_list {
    cp_line *v;
    size_t n, cap;
} line_list;

static void
line_push(line_list *ll, size_t start, size_t len, double width)
{
    if (ll->n == ll->cap) {
        ll->cap = ll->cap ? ll->cap * 2 : 8;
        ll->v = xreallocarray(ll->v, ll->cap, sizeof *ll->v);
    }
    ll->v[ll->n].start = start;
    ll->v[ll->n].len = len;
    ll->v[ll->n].width = width;
    ll->n++;
}

static bool
is_space(uint32_t c)
{
    return c == ' ' || c == '\t';
}

/* Scripts written without spaces between words (UAX #14 classes ID, H2,
 * H3 and their punctuation): a line may break between two characters. */
static bool
is_ideographic(uint32_t c)
{
    return (c >= 0x2E80 && c <= 0x9FFF)      /* radicals, CJK punctuation, kana, ideographs */
        || (c >= 0xAC00 && c <= 0xD7AF)      /* Hangul syllables */
        || (c >= 0xF900 && c <= 0xFAFF)      /* compatibility ideographs */
        || (c >= 0xFE30 && c <= 0xFE4F)      /* vertical and compatibility forms */
        || (c >= 0xFF00 && c <= 0xFFEF);     /* fullwidth forms */
}

/* Kinsoku: what may not start a line (closing marks, small kana, the
 * prolonged sound mark) and what may not end one (opening brackets). */
static bool
no_line_start(uint32_t c)
{
    static const char *const set = ",.:;!?)]}%"
        "\xE3\x80\x81\xE3\x80\x82\xE3\x80\x89\xE3\x80\x8B\xE3\x80\x8D\xE3\x80\x8F"
        "\xE3\x80\x91\xE3\x80\x95\xE3\x80\x97\xE3\x80\x99\xE3\x83\xBC\xE3\x83\xBB"
        "\xEF\xBC\x8C\xEF\xBC\x8E\xEF\xBC\x9A\xEF\xBC\x9B\xEF\xBC\x81\xEF\xBC\x9F"
        "\xEF\xBC\x89\xEF\xBC\xBD\xEF\xBD\x9D\xE2\x80\xA6\xE3\x80\x9C";
    if (c >= 0x3041 && c <= 0x30FA) {
        /* The small kana: ぁぃぅぇぉっゃゅょゎゕゖ and their katakana. */
        uint32_t k = c >= 0x30A1 ? c - 0x60 : c;
        if (k == 0x3041 || k == 0x3043 || k == 0x3045 || k == 0x3047 || k == 0x3049
            || k == 0x3063 || k == 0x3083 || k == 0x3085 || k == 0x3087 || k == 0x308E
            || k == 0x3095 || k == 0x3096)
            return true;
    }
    for (size_t i = 0; set[i];) {
        uint32_t s;
        i += cp_utf8_next(set + i, strlen(set + i), &s);
        if (s == c)
            return true;
    }
    return false;
}

static bool
no_line_end(uint32_t c)
{
    return c == '(' || c == '[' || c == '{' || c == 0x3008 || c == 0x300A || c == 0x300C
        || c == 0x300E || c == 0x3010 || c == 0x3014 || c == 0x3016 || c == 0x3018
        || c == 0xFF08 || c == 0xFF3B || c == 0xFF5B || c == 0x201C || c == 0x2018;
}

/* A break between prev and c, neither of them a space. */
static bool
ideographic_break(uint32_t prev, uint32_t c)
{
    return (is_ideographic(prev) || is_ideographic(c)) && !is_space(prev)
        && !no_line_start(c) && !no_line_end(prev);
}

size_t
cp_layout_break(cp_line **out, const cp_fontset *fs, enum cp_face face, double size,
                const char *text, double width)
{
    line_list ll = { NULL, 0, 0 };
    size_t len = strlen(text);
    size_t pos = 0;
    /* Rounding in the widths must not push a line that fits exactly over. */
    double limit = width + 1e-6;

    for (;;) {
        size_t start = pos;
        double w = 0;
        size_t fit_end = 0, fit_next = 0;   /* last break that fits */
        double fit_w = 0;
        bool have_fit = false, done = false;
        uint32_t prev = ' ';
        size_t i = start;
        while (i < len) {
            uint32_t c;
            size_t k = cp_utf8_next(text + i, len - i, &c);
            if (c == '\n') {
                line_push(&ll, start, i - start, w);
                pos = i + 1;
                done = true;
                break;
            }
            if (is_space(c)) {
                if (w <= limit) {
                    fit_end = i;
                    fit_w = w;
                    have_fit = true;
                }
                size_t j = i;
                while (j < len && (text[j] == ' ' || text[j] == '\t'))
                    j++;
                fit_next = j;
                /* Spaces take room only between words on one line. */
                w += cp_font_width(fs, face, size, text + i, j - i);
                prev = ' ';
                i = j;
                continue;
            }
            if (i > start && w <= limit && (c >= 0x2E80 || prev >= 0x2E80)
                && ideographic_break(prev, c)) {
                fit_end = i;
                fit_next = i;
                fit_w = w;
                have_fit = true;
            }
            double cw = cp_font_width(fs, face, size, text + i, k);
            if (w + cw > limit && i > start) {
                if (have_fit && fit_end > start) {
                    line_push(&ll, start, fit_end - start, fit_w);
                    pos = fit_next;
                } else if (have_fit && fit_end == start) {
                    /* Only leading spaces fit: drop them. */
                    pos = fit_next;
                    done = true;
                    goto next_line;
                } else {
                    /* One word wider than the line: break between characters. */
                    line_push(&ll, start, i - start, w);
                    pos = i;
                }
                done = true;
                break;
            }
            w += cw;
            i += k;
            /* A break after a hyphen or slash that joins two word parts. */
            /* Not between digits or after one letter: order numbers, dates
             * and codes like "SN-0042" stay whole. Not before a capital
             * letter: pdftotext joins a word broken after its hyphen, so a
             * name like "Magnuson-Moss" would be read back "MagnusonMoss". */
            if ((c == '-' || c == '/' || c == 0x2010 || c == 0x2013) && !is_space(prev)
                && i < len && text[i] != ' ' && text[i] != '\n' && text[i] != '-'
                && text[i] != '/' && !(text[i] >= '0' && text[i] <= '9')
                && !(text[i] >= 'A' && text[i] <= 'Z')
                && !(prev >= '0' && prev <= '9') && i - start > 3 + k && w <= limit) {
                fit_end = i;
                fit_next = i;
                fit_w = w;
                have_fit = true;
            }
            prev = c;
        }
        if (!done) {
            /* End of text: the last line, without trailing spaces. */
            size_t end = len;
            while (end > start && (text[end - 1] == ' ' || text[end - 1] == '\t'))
                end--;
            line_push(&ll, start, end - start,
                      cp_font_width(fs, face, size, text + start, end - start));
            break;
        }
    next_line:
        if (pos >= len)      /* a text ending in '\n' ends with that line */
            break;
    }
    if (ll.n == 0)
        line_push(&ll, 0, 0, 0);
    *out = ll.v;
    return ll.n;
}

/* --- the flow --- */

void
cp_flow_init(cp_flow *f, cp_layout *L, int page, double left, double right, double top,
             double bottom)
{
    memset(f, 0, sizeof *f);
    f->L = L;
    f->page = page;
    f->page_w = L->pages[page].width;
    f->page_h = L->pages[page].height;
    f->left = left;
    f->right = right;
    f->top = top;
    f->bottom = bottom;
    f->y = top;
    f->fresh = true;
}

void
cp_flow_new_page(cp_flow *f)
{
    f->page = cp_layout_add_page(f->L, f->page_w, f->page_h);
    if (f->on_page)
        f->on_page(f, f->ctx);
    f->y = f->top;
    f->fresh = true;
}

void
cp_flow_need(cp_flow *f, double height)
{
    if (!f->fresh && f->y - height < f->bottom - 1e-6)
        cp_flow_new_page(f);
}

void
cp_flow_space(cp_flow *f, double height)
{
    if (f->fresh)
        return;
    f->y -= height;
}

/* Baseline of a line whose box (leading high) starts at `top`: the glyphs'
 * ascent-to-descent band centred in the box. */
static double
baseline(const cp_flow *f, const cp_style *st, double top)
{
    double asc = cp_font_ascent(f->L->fonts, st->face, st->size);
    double desc = cp_font_descent(f->L->fonts, st->face, st->size);
    return top - (st->leading - (asc - desc)) / 2 - asc;
}

/* How many of the n - i lines left to place go on this page, given widow
 * and orphan control; 0 = start a new page first. */
static size_t
lines_here(const cp_flow *f, double leading, size_t i, size_t n)
{
    double room = (f->y - f->bottom) / leading + 1e-6;
    size_t avail = room > 0 ? (size_t)floor(room) : 0;
    size_t left = n - i;
    if (avail >= left)
        return left;
    size_t take = avail;
    if (left - take < 2 && left >= 2)      /* the last line would be alone */
        take = left >= 2 ? left - 2 : 0;
    if (i == 0 && take < 2)                /* the first line would be alone */
        take = 0;
    if (take == 0 && f->fresh)             /* an empty page: progress anyway */
        take = avail > 0 ? avail : 1;
    return take;
}

/* The direction of the paragraph each line of a text belongs to: that of
 * the first strong character after the '\n' before it (UAX #9 P2), so
 * that a Hebrew paragraph's second line, starting with a Latin word, still
 * runs right to left. Lines are asked in order; the text is scanned once. */
typedef struct par_dir {
    const char *text;
    size_t scanned;      /* bytes looked at for '\n' */
    bool known;
    enum cp_dir dir;
} par_dir;

static enum cp_dir
line_dir(par_dir *pd, const cp_line *ln)
{
    bool fresh = !pd->known;
    size_t seg = 0;
    for (; pd->scanned < ln->start; pd->scanned++)
        if (pd->text[pd->scanned] == '\n') {
            seg = pd->scanned + 1;
            fresh = true;
        }
    if (fresh) {
        if (!pd->known)
            seg = ln->start;
        /* A first line: its paragraph may start before it. */
        while (!pd->known && seg > 0 && pd->text[seg - 1] != '\n')
            seg--;
        pd->dir = cp_shape_direction(pd->text + seg, strcspn(pd->text + seg, "\n"));
        pd->known = true;
    }
    return pd->dir;
}

/* One column of place_columns: the lines of `text`, set in st. A line
 * starts at x; one of a right-to-left paragraph ends at `right` instead,
 * when right > x: such a paragraph starts at the right margin. */
typedef struct column {
    const char *text;
    const cp_line *lines;
    size_t n;
    const cp_style *st;
    double x, right;
} column;

/* Line i of a column, its box's top at `top`, and link areas over the
 * parts of the spans on it where their glyphs are drawn: by visual
 * position, so that "(Exhibit B)" at the end of a Hebrew sentence, drawn
 * at its left, is linked there. */
static void
column_line(cp_flow *f, const column *c, size_t i, par_dir *pd, double top,
            const cp_link_span *spans, size_t n_spans)
{
    const cp_line *ln = &c->lines[i];
    const char *s = c->text + ln->start;
    cp_shaped sh;
    cp_shape_line(&sh, f->L->fonts, c->st->face, c->st->size, s, ln->len, line_dir(pd, ln));
    double x = sh.rtl && c->right > c->x ? c->right - sh.width : c->x;
    place_shaped(f->L, f->page, c->st->size, x, baseline(f, c->st, top), &sh);
    for (size_t k = 0; k < n_spans; k++) {
        size_t a = spans[k].start, b = spans[k].start + spans[k].len;
        if (a < ln->start)
            a = ln->start;
        if (b > ln->start + ln->len)
            b = ln->start + ln->len;
        if (a >= b)
            continue;
        double x0[8], x1[8];
        size_t np = cp_shaped_span(&sh, s, a - ln->start, b - ln->start, x0, x1, 8);
        for (size_t j = 0; j < np; j++)
            cp_layout_link(f->L, f->page, x + x0[j], top - c->st->leading, x1[j] - x0[j],
                           c->st->leading, spans[k].target);
    }
    cp_shaped_free(&sh);
}

/* Place the lines of one or two columns side by side; c2 may be NULL. The
 * spans are links over the text of the last column (c2, else c1). */
static void
place_columns(cp_flow *f, const column *c1, const column *c2, const cp_link_span *spans,
              size_t n_spans)
{
    size_t n = c2 && c2->n > c1->n ? c2->n : c1->n;
    double leading = c1->st->leading;
    if (c2 && c2->st->leading > leading)
        leading = c2->st->leading;
    par_dir d1 = { c1->text, 0, false, CP_DIR_AUTO }, d2 = { c2 ? c2->text : NULL, 0, false,
                                                             CP_DIR_AUTO };
    size_t i = 0;
    while (i < n) {
        size_t take = lines_here(f, leading, i, n);
        if (take == 0) {
            cp_flow_new_page(f);
            continue;
        }
        for (size_t k = 0; k < take; k++, i++) {
            if (i < c1->n && c1->lines[i].len)
                column_line(f, c1, i, &d1, f->y, c2 ? NULL : spans, c2 ? 0 : n_spans);
            if (c2 && i < c2->n && c2->lines[i].len)
                column_line(f, c2, i, &d2, f->y, spans, n_spans);
            f->y -= leading;
        }
        f->fresh = false;
        if (i < n)
            cp_flow_new_page(f);
    }
}

void
cp_flow_paragraph_links(cp_flow *f, const cp_style *st, double indent, const char *text,
                        const cp_link_span *spans, size_t n_spans)
{
    cp_line *lines;
    double x = f->left + indent;
    size_t n = cp_layout_break(&lines, f->L->fonts, st->face, st->size, text, f->right - x);
    column c = { text, lines, n, st, x, f->right - indent };
    place_columns(f, &c, NULL, spans, n_spans);
    free(lines);
}

void
cp_flow_paragraph(cp_flow *f, const cp_style *st, double indent, const char *text)
{
    cp_flow_paragraph_links(f, st, indent, text, NULL, 0);
}

void
cp_flow_bullet_links(cp_flow *f, const cp_style *st, double indent, double hang,
                     const char *bullet, const char *text, const cp_link_span *spans,
                     size_t n_spans)
{
    cp_line *lines;
    double x = f->left + indent + hang;
    size_t n = cp_layout_break(&lines, f->L->fonts, st->face, st->size, text, f->right - x);
    /* The bullet is a one-line first column, so it lands with the first
     * line. An item that runs right to left is mirrored: the bullet at the
     * right, the text ending at the indent from it. */
    cp_line bl = { 0, strlen(bullet), 0 };
    column b = { bullet, &bl, 1, st, f->left + indent, 0 };
    column c = { text, lines, n, st, x, f->right };
    if (cp_shape_direction(text, strcspn(text, "\n")) == CP_DIR_RTL) {
        b.x = f->right - indent - cp_font_width(f->L->fonts, st->face, st->size, bullet, bl.len);
        c.x = f->left;
        c.right = f->right - indent - hang;
    }
    place_columns(f, &b, &c, spans, n_spans);
    free(lines);
}

void
cp_flow_bullet(cp_flow *f, const cp_style *st, double indent, double hang, const char *bullet,
               const char *text)
{
    cp_flow_bullet_links(f, st, indent, hang, bullet, text, NULL, 0);
}

void
cp_flow_field(cp_flow *f, const cp_style *label_st, const cp_style *st, double label_w,
              const char *label, const char *text)
{
    cp_line *l1, *l2;
    double gap = st->size * 0.8;
    size_t n1 = cp_layout_break(&l1, f->L->fonts, label_st->face, label_st->size, label,
                                label_w - gap);
    double x2 = f->left + label_w;
    size_t n2 = cp_layout_break(&l2, f->L->fonts, st->face, st->size, text, f->right - x2);
    /* Both start where their column does, whatever their direction: a
     * value runs beside its label. */
    column c1 = { label, l1, n1, label_st, f->left, 0 }, c2 = { text, l2, n2, st, x2, 0 };
    place_columns(f, &c1, &c2, NULL, 0);
    free(l1);
    free(l2);
}

double
cp_flow_measure(const cp_flow *f, const cp_style *st, double width, const char *text)
{
    cp_line *lines;
    size_t n = cp_layout_break(&lines, f->L->fonts, st->face, st->size, text, width);
    free(lines);
    return (double)n * st->leading;
}

char *
cp_layout_fit(const cp_fontset *fs, enum cp_face face, double size, const char *text,
              double width)
{
    size_t len = strlen(text);
    if (cp_font_width(fs, face, size, text, len) <= width)
        return xstrdup(text);
    static const char dots[] = "…";
    double room = width - cp_font_width(fs, face, size, dots, strlen(dots));
    /* The longest start that fits, cut between characters, not inside one. */
    size_t keep = 0;
    for (size_t i = 1; i <= len; i++) {
        if (i < len && ((unsigned char)text[i] & 0xC0) == 0x80)
            continue;
        if (cp_font_width(fs, face, size, text, i) > room)
            break;
        keep = i;
    }
    while (keep > 0 && text[keep - 1] == ' ')
        keep--;
    return xasprintf("%.*s%s", (int)keep, text, dots);
}
