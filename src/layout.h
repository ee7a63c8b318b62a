/* layout.h: pages of positioned items, and a flow that fills them with
 * text broken into lines over real font metrics.
 *
 * The model is what the PDF writer draws and what every typesetting stage
 * produces (letter, index, e-mail pages, captions): a list of pages, each a
 * list of items in drawing order. Coordinates are PDF points with the origin
 * at the page's bottom-left corner.
 *
 * A cp_layout owns its pages, items and strings (cp_layout_free releases
 * them, NULL is fine) and borrows its cp_fontset, which must outlive it.
 * Text given to it is UTF-8 and copied.
 */
#ifndef CP_LAYOUT_H
#define CP_LAYOUT_H

#include <stdbool.h>
#include <stddef.h>
#include "font.h"
#include "shape.h"

#define CP_MM(x) ((x) * 72.0 / 25.4)
#define CP_IN(x) ((x) * 72.0)

enum cp_lay_kind {
    CP_LAY_TEXT,     /* a run of text: baseline start (x, y), face, size, text; w = width */
    CP_LAY_LINE,     /* a line from (x, y) to (x + w, y + h), stroke wide */
    CP_LAY_RECT,     /* lower-left (x, y), size w x h; stroke 0 = filled */
    CP_LAY_LINK,     /* a link area (x, y, w, h) to page `target` (0-based) */
    CP_LAY_IMAGE     /* image `image` (the caller's index) placed at (x, y, w, h) */
};

typedef struct cp_lay_item {
    enum cp_lay_kind kind;
    double x, y, w, h;
    enum cp_face face;
    double size;
    char *text;
    double stroke;
    double gray;     /* 0 = black .. 1 = white, for text, lines and rectangles */
    int target;
    int image;
} cp_lay_item;

typedef struct cp_page {
    double width, height;
    cp_lay_item *items;
    size_t n_items, cap;
} cp_page;

typedef struct cp_outline_entry {
    char *title;
    int page;
    int level;       /* 0 = top; an entry nests under the previous one a level up */
} cp_outline_entry;

typedef struct cp_layout {
    cp_fontset *fonts;
    cp_page *pages;
    size_t n_pages, cap;
    cp_outline_entry *outline;
    size_t n_outline, outline_cap;
} cp_layout;

cp_layout *cp_layout_new(cp_fontset *fonts);
void cp_layout_free(cp_layout *L);

/* Append a page; returns its index. */
int cp_layout_add_page(cp_layout *L, double width, double height);

/* One line of text starting at x, shaped and in visual order (shape.h),
 * its direction that of its first strong character; returns its width. */
double cp_layout_text(cp_layout *L, int page, enum cp_face face, double size,
                      double x, double y, const char *text);
/* The same in a paragraph of the direction given (cp_shape_direction). */
double cp_layout_text_dir(cp_layout *L, int page, enum cp_face face, double size,
                          double x, double y, const char *text, enum cp_dir dir);
/* Same, ending at x (right-aligned). */
double cp_layout_text_right(cp_layout *L, int page, enum cp_face face, double size,
                            double x_right, double y, const char *text);
/* text, or its start and "…" where it is wider than width (never empty of
 * the ellipsis): for one-line fields beside others, so that a long order
 * number or name never runs over its neighbour. A new string. */
char *cp_layout_fit(const cp_fontset *fs, enum cp_face face, double size, const char *text,
                    double width);
cp_lay_item *cp_layout_line(cp_layout *L, int page, double x1, double y1, double x2,
                            double y2, double stroke);
cp_lay_item *cp_layout_rect(cp_layout *L, int page, double x, double y, double w, double h,
                            double stroke);
void cp_layout_link(cp_layout *L, int page, double x, double y, double w, double h,
                    int target);
void cp_layout_image(cp_layout *L, int page, double x, double y, double w, double h,
                     int image);
void cp_layout_outline(cp_layout *L, const char *title, int page, int level);

/* One line of broken text: bytes [start, start + len) of the input, without
 * the spaces at the break, and its width in points. */
typedef struct cp_line {
    size_t start, len;
    double width;
} cp_line;

/* Break `text` into lines no wider than `width`: greedy first fit at
 * spaces, after a hyphen or slash inside a word, at '\n' always; a word
 * wider than the line is broken between characters. Returns the number of
 * lines (at least 1; an empty text is one empty line); *out is newly
 * allocated. */
size_t cp_layout_break(cp_line **out, const cp_fontset *fs, enum cp_face face, double size,
                       const char *text, double width);

/* A text style: face, size and line distance (baseline to baseline). */
typedef struct cp_style {
    enum cp_face face;
    double size, leading;
} cp_style;

typedef struct cp_flow cp_flow;
/* Called after the flow starts a page (not the first): draw what repeats
 * and set f->top (and, if needed, left/right/bottom) for the new page. */
typedef void (*cp_flow_page_fn)(cp_flow *f, void *ctx);

/* A column of running text across pages. `y` is the top of the next line
 * box; lines go down from it while their box stays above `bottom`. */
struct cp_flow {
    cp_layout *L;
    double page_w, page_h;
    double left, right;        /* x range of the column */
    double top, bottom;        /* y range on the current page */
    double y;
    int page;
    bool fresh;                /* nothing placed on this page yet */
    cp_flow_page_fn on_page;
    void *ctx;
};

/* Start a flow on an existing page (`page`) at y = top. */
void cp_flow_init(cp_flow *f, cp_layout *L, int page, double left, double right,
                  double top, double bottom);
void cp_flow_new_page(cp_flow *f);
/* Start a new page unless `height` still fits on this one (keep-together). */
void cp_flow_need(cp_flow *f, double height);
/* Vertical space; dropped at the top of a page. */
void cp_flow_space(cp_flow *f, double height);

/* Bytes [start, start + len) of a text to be placed link to page `target`
 * (0-based): each line they fall on gets a link area over them. */
typedef struct cp_link_span {
    size_t start, len;
    int target;
} cp_link_span;

/* A paragraph at the column's left + indent, lines no wider than the rest
 * of the column. Widows and orphans are avoided: a page break never leaves
 * a paragraph's first or last line alone. */
void cp_flow_paragraph(cp_flow *f, const cp_style *st, double indent, const char *text);
/* A bullet item: `bullet` at left + indent, the text with a hanging indent
 * at left + indent + hang. */
void cp_flow_bullet(cp_flow *f, const cp_style *st, double indent, double hang,
                    const char *bullet, const char *text);
/* The same two with links over parts of the text. */
void cp_flow_paragraph_links(cp_flow *f, const cp_style *st, double indent, const char *text,
                             const cp_link_span *spans, size_t n_spans);
void cp_flow_bullet_links(cp_flow *f, const cp_style *st, double indent, double hang,
                          const char *bullet, const char *text, const cp_link_span *spans,
                          size_t n_spans);
/* A two-column entry: `label` in label_st at the left, `text` at
 * left + label_w, each broken within its column. */
void cp_flow_field(cp_flow *f, const cp_style *label_st, const cp_style *st, double label_w,
                   const char *label, const char *text);
/* Height the paragraph would take in a column `width` wide. */
double cp_flow_measure(const cp_flow *f, const cp_style *st, double width, const char *text);

#endif
