/* letter.c: the letter's page layout. */
#include "config.h"
#include "letter.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Page geometry, in points measured from the page's TOP edge (as the
 * standards give them); converted when drawing. */
typedef struct geom {
    double w, h;
    double left, right;            /* text column */
    double sender_top;             /* sender block, right-aligned at `right` */
    double win_x, win_top, win_w, win_h;
    double addr_x, addr_w;         /* text inside the window */
    double return_base;            /* baseline of the return-address line */
    double addr_top;               /* top of the recipient lines */
    double addr_size, addr_leading;
    double date_base;              /* baseline of the date line (right-aligned) */
    double body_top;               /* subject and body on the first page */
    double next_header_base;       /* running header on following pages */
    double next_top;
    double bottom;                 /* lowest line box edge, from the top */
    int fold_marks;             /* 0 none, 1 DIN 5008 (A4), 2 thirds (US letter) */
} geom;

static void
geom_for(geom *g, enum cp_paper paper)
{
    memset(g, 0, sizeof *g);
    if (paper == CP_PAPER_LETTER) {
        /* US letter, 8.5 x 11 in. The #10 envelope (4 1/8 x 9 1/2 in) has
         * its standard window, 4 1/2 x 1 1/8 in, 7/8 in from the left and
         * 1/2 in from the bottom edge (USPS Publication 25 "Designing Letter
         * and Reply Mail"; envelope makers' #10 window spec). A sheet folded
         * in thirds shows through it the area 7/8 in from the left and 2 to
         * 3 1/8 in from its top, the position word processors' window-letter
         * templates use; the recipient sits inside with 1/8 in to spare. */
        g->w = CP_IN(8.5);
        g->h = CP_IN(11);
        g->left = CP_IN(1);
        g->right = CP_IN(7.5);
        g->sender_top = CP_IN(0.5);
        g->win_x = CP_IN(0.875);
        g->win_top = CP_IN(2);
        g->win_w = CP_IN(4.5);
        g->win_h = CP_IN(1.125);
        g->addr_x = CP_IN(1);
        g->addr_w = CP_IN(4.25);
        g->return_base = g->win_top + 10;
        g->addr_top = g->win_top + 14;
        g->addr_size = 10;
        g->addr_leading = 11.5;
        g->date_base = CP_IN(3.55);
        g->body_top = CP_IN(3.8);
        g->next_header_base = CP_IN(0.6);
        g->next_top = CP_IN(0.95);
        g->bottom = CP_IN(10.1);
        g->fold_marks = 2;   /* thirds: 3 2/3 and 7 1/3 in from the top */
    } else {
        /* A4 per DIN 5008 form B: address field 85 x 45 mm, 20 mm from the
         * left and 45 mm from the top, its first 17.7 mm for the return
         * address and notes, then 27.3 mm for up to six address lines;
         * text from 25 mm; subject at 98.46 mm; fold marks at 105 and 210 mm
         * and the hole mark at 148.5 mm. */
        g->w = CP_MM(210);
        g->h = CP_MM(297);
        g->left = CP_MM(25);
        g->right = CP_MM(190);
        g->sender_top = CP_MM(12);
        g->win_x = CP_MM(20);
        g->win_top = CP_MM(45);
        g->win_w = CP_MM(85);
        g->win_h = CP_MM(45);
        g->addr_x = CP_MM(25);
        g->addr_w = CP_MM(78);
        g->return_base = CP_MM(45 + 17.7) - 4;
        g->addr_top = CP_MM(45 + 17.7);
        g->addr_size = 10;
        g->addr_leading = CP_MM(27.3) / 6;
        g->date_base = CP_MM(93);
        g->body_top = CP_MM(98.46);
        g->next_header_base = CP_MM(15);
        g->next_top = CP_MM(25);
        g->bottom = CP_MM(297 - 22);
        g->fold_marks = 1;
    }
}

int
cp_paper_from_name(const char *s)
{
    if (s && strcasecmp(s, "a4") == 0)
        return CP_PAPER_A4;
    if (s && strcasecmp(s, "letter") == 0)
        return CP_PAPER_LETTER;
    return -1;
}

enum cp_paper
cp_paper_for_jurisdiction(const char *j)
{
    if (j && (strcasecmp(j, "US") == 0 || strcasecmp(j, "CA") == 0))
        return CP_PAPER_LETTER;
    return CP_PAPER_A4;
}

void
cp_paper_size(enum cp_paper p, double *w, double *h)
{
    geom g;
    geom_for(&g, p);
    *w = g.w;
    *h = g.h;
}

void
cp_letter_window(enum cp_paper p, double *x, double *y, double *w, double *h)
{
    geom g;
    geom_for(&g, p);
    *x = g.win_x;
    *y = g.h - g.win_top - g.win_h;
    *w = g.win_w;
    *h = g.win_h;
}

/* Lines of a multi-line field, with empty lines dropped, appended to v. */
static void
add_lines(char ***v, size_t *n, const char *s)
{
    if (s == NULL)
        return;
    const char *p = s;
    while (*p) {
        const char *e = strchr(p, '\n');
        size_t len = e ? (size_t)(e - p) : strlen(p);
        char *line = cp_trim(xstrndup(p, len));
        if (line[0]) {
            *v = xreallocarray(*v, *n + 1, sizeof **v);
            (*v)[(*n)++] = line;
        } else {
            free(line);
        }
        p += len;
        if (*p == '\n')
            p++;
    }
}

static void
free_lines(char **v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(v[i]);
    free(v);
}

typedef struct letter_ctx {
    geom g;
    const cp_letter *letter;
    const cp_claim *claim;
    const cp_l10n *l10n;
    int sig_page;                  /* where the space for a signature is */
    double sig_bottom, sig_h;
} letter_ctx;

/* Following pages: sender and date at the top, a rule below; the page
 * number goes in once the page count is known. */
static void
on_new_page(cp_flow *f, void *data)
{
    letter_ctx *c = data;
    const geom *g = &c->g;
    double y = g->h - g->next_header_base;
    if (c->claim->claimant.name) {
        /* Clear of the page number set in the middle later: room for the
         * widest one a letter has ("page 999 of 999"). */
        char *pg = cp_l10n_page_of(c->l10n, 999, 999);
        double room = (g->right - g->left) / 2 -
                      cp_font_width(f->L->fonts, CP_FACE_REGULAR, 9, pg, strlen(pg)) / 2 - 8;
        char *name = cp_layout_fit(f->L->fonts, CP_FACE_BOLD, 9, c->claim->claimant.name, room);
        cp_layout_text(f->L, f->page, CP_FACE_BOLD, 9, g->left, y, name);
        free(name);
        free(pg);
    }
    cp_layout_text_right(f->L, f->page, CP_FACE_REGULAR, 9, g->right, y, c->letter->date_line);
    cp_lay_item *rule = cp_layout_line(f->L, f->page, g->left, y - 5, g->right, y - 5, 0.4);
    rule->gray = 0.5;
    f->top = g->h - g->next_top;
}

static void
draw_sender(cp_layout *L, int page, const geom *g, const cp_party *p)
{
    double y = g->h - g->sender_top - 11;
    if (p->name) {
        cp_layout_text_right(L, page, CP_FACE_BOLD, 11, g->right, y, p->name);
        y -= 13;
    }
    char **v = NULL;
    size_t n = 0;
    add_lines(&v, &n, p->address);
    add_lines(&v, &n, p->email);
    add_lines(&v, &n, p->phone);
    for (size_t i = 0; i < n; i++) {
        cp_layout_text_right(L, page, CP_FACE_REGULAR, 9, g->right, y, v[i]);
        y -= 11;
    }
    free_lines(v, n);
}

/* The return address in one small line: name and address joined. */
static char *
return_line(const cp_party *p)
{
    cp_buf b = CP_BUF_INIT;
    char **v = NULL;
    size_t n = 0;
    add_lines(&v, &n, p->name);
    add_lines(&v, &n, p->address);
    for (size_t i = 0; i < n; i++) {
        if (i)
            cp_buf_puts(&b, " \xC2\xB7 ");   /* middle dot */
        cp_buf_puts(&b, v[i]);
    }
    free_lines(v, n);
    return cp_buf_detach(&b);
}

static void
draw_window(cp_layout *L, int page, const geom *g, const cp_claim *c, cp_diags *diags)
{
    char *ret = return_line(&c->claimant);
    if (ret[0]) {
        double size = 7;
        double w = cp_font_width(L->fonts, CP_FACE_REGULAR, size, ret, strlen(ret));
        if (w > g->addr_w)
            size = size * g->addr_w / w;
        if (size >= 4.5) {
            cp_lay_item *it;
            double base = g->h - g->return_base;
            cp_layout_text(L, page, CP_FACE_REGULAR, size, g->addr_x, base, ret);
            w = cp_font_width(L->fonts, CP_FACE_REGULAR, size, ret, strlen(ret));
            it = cp_layout_line(L, page, g->addr_x, base - 1.5, g->addr_x + w, base - 1.5, 0.3);
            it->gray = 0.4;
        }
    }
    free(ret);

    char **v = NULL;
    size_t n = 0;
    add_lines(&v, &n, c->recipient.name);
    add_lines(&v, &n, c->recipient.department);
    add_lines(&v, &n, c->recipient.address);
    if (n == 0) {
        free(v);
        return;
    }
    /* Shrink to fit the window rather than let the address be cut off. */
    double size = g->addr_size, leading = g->addr_leading;
    double room = g->win_top + g->win_h - g->addr_top - 2;
    for (size_t i = 0; i < n; i++) {
        double w = cp_font_width(L->fonts, i == 0 ? CP_FACE_BOLD : CP_FACE_REGULAR, size,
                                 v[i], strlen(v[i]));
        if (w > g->addr_w)
            size = size * g->addr_w / w;
    }
    if (n * leading > room)
        leading = room / (double)n;
    if (size > leading / 1.12)
        size = leading / 1.12;
    if (size < 6) {
        size = 6;
        cp_warning(diags, c->path, c->recipient.loc.line, c->recipient.loc.col,
                   "the recipient's address is too long for the envelope window");
    }
    double top = g->h - g->addr_top;
    for (size_t i = 0; i < n; i++) {
        enum cp_face face = i == 0 ? CP_FACE_BOLD : CP_FACE_REGULAR;
        double asc = cp_font_ascent(L->fonts, face, size);
        cp_layout_text(L, page, face, size, g->addr_x, top - (double)i * leading - asc, v[i]);
    }
    free_lines(v, n);
}

static void
draw_marks(cp_layout *L, int page, const geom *g)
{
    if (!g->fold_marks)
        return;
    if (g->fold_marks == 2) {
        cp_layout_line(L, page, CP_IN(0.15), g->h - CP_IN(11.0 / 3), CP_IN(0.35),
                       g->h - CP_IN(11.0 / 3), 0.4);
        cp_layout_line(L, page, CP_IN(0.15), g->h - CP_IN(22.0 / 3), CP_IN(0.35),
                       g->h - CP_IN(22.0 / 3), 0.4);
        return;
    }
    cp_layout_line(L, page, CP_MM(4), g->h - CP_MM(105), CP_MM(9), g->h - CP_MM(105), 0.4);
    cp_layout_line(L, page, CP_MM(4), g->h - CP_MM(210), CP_MM(9), g->h - CP_MM(210), 0.4);
    cp_layout_line(L, page, CP_MM(4), g->h - CP_MM(148.5), CP_MM(11), g->h - CP_MM(148.5), 0.4);
}

/* The label column of a run of FIELD blocks: the widest label plus a gap,
 * at most 40% of the column. */
static double
field_label_width(const cp_layout *L, const cp_style *st, const cp_block *b, size_t n,
                  double column)
{
    double w = 0;
    for (size_t i = 0; i < n && b[i].kind == CP_BLOCK_FIELD; i++) {
        const char *s = b[i].label ? b[i].label : "";
        double x = cp_font_width(L->fonts, st->face, st->size, s, strlen(s));
        if (x > w)
            w = x;
    }
    w += st->size;
    return w > column * 0.4 ? column * 0.4 : w;
}

static void
draw_body(cp_flow *f, letter_ctx *c)
{
    const cp_letter *lt = c->letter;
    const cp_style body = { CP_FACE_REGULAR, 10.5, 13 };
    const cp_style bold = { CP_FACE_BOLD, 10.5, 13 };
    const cp_style subject = { CP_FACE_BOLD, 11.5, 14 };
    const cp_style label = { CP_FACE_ITALIC, 10.5, 13 };
    const double para_gap = 6, item_gap = 2, hang = 12;
    double label_w = 0;
    const cp_party *p = &c->claim->claimant;
    double w = f->right - f->left, sig_h = 32;

    /* The closing group: closing, signature space, the sender's name and
     * contacts, kept together on one page. */
    const char *contacts[3] = { p->name, p->email, p->phone };
    double group_h = cp_flow_measure(f, &body, w, lt->closing) + sig_h;
    for (size_t i = 0; i < 3; i++)
        if (contacts[i])
            group_h += cp_flow_measure(f, &body, w, contacts[i]);

    if (lt->subject[0]) {
        cp_flow_paragraph(f, &subject, 0, lt->subject);
        cp_flow_space(f, 2 * para_gap);
    }
    if (lt->salutation[0]) {
        cp_flow_paragraph(f, &body, 0, lt->salutation);
        cp_flow_space(f, para_gap);
    }
    for (size_t i = 0; i < lt->n_blocks; i++) {
        const cp_block *b = &lt->blocks[i];
        const cp_block *next = i + 1 < lt->n_blocks ? &lt->blocks[i + 1] : NULL;
        bool run_ends = next == NULL || next->kind != b->kind;
        int level = b->level < 0 ? 0 : b->level > 3 ? 3 : b->level;
        /* The exhibits the text cites link to their first pages. */
        size_t n_spans = b->n_links;
        cp_link_span *spans = n_spans ? xreallocarray(NULL, n_spans, sizeof *spans) : NULL;
        for (size_t k = 0; k < n_spans; k++)
            spans[k] = (cp_link_span){ b->links[k].start, b->links[k].len, b->links[k].page - 1 };
        switch (b->kind) {
        case CP_BLOCK_PARAGRAPH:
            if (next == NULL) {
                /* A short last paragraph goes with the closing rather
                 * than leave the closing alone on a page. */
                double h = cp_flow_measure(f, &body, w, b->text);
                if (h <= 4 * body.leading)
                    cp_flow_need(f, h + 2 * para_gap + group_h);
            }
            cp_flow_paragraph_links(f, &body, 0, b->text, spans, n_spans);
            cp_flow_space(f, para_gap);
            break;
        case CP_BLOCK_BULLET: {
            if (next == NULL) {
                /* The last item of a closing list (the enclosures) goes
                 * with the closing too, as a short last paragraph does. */
                double h = cp_flow_measure(f, &body, w - (level + 1) * hang, b->text);
                if (h <= 4 * body.leading)
                    cp_flow_need(f, h + 2 * para_gap + group_h);
            }
            int page0 = f->page;
            double y0 = f->y;
            cp_flow_bullet_links(f, &body, level * hang, hang,
                                 level ? "\xE2\x80\x93" : "\xE2\x80\xA2", b->text, spans,
                                 n_spans);
            /* An enclosure links to its exhibit (when it stayed on one page). */
            if (b->link > 0 && f->page == page0)
                cp_layout_link(f->L, f->page, f->left, f->y, f->right - f->left, y0 - f->y,
                               b->link - 1);
            cp_flow_space(f, run_ends ? para_gap : item_gap);
            break;
        }
        case CP_BLOCK_HEADING: {
            /* Kept with the first two lines of what follows, or with all
             * of a short last paragraph, which goes with the closing. */
            double need = cp_flow_measure(f, &bold, w, b->text) + 2 * body.leading;
            if (next && next->kind == CP_BLOCK_PARAGRAPH && i + 2 == lt->n_blocks) {
                double h = cp_flow_measure(f, &body, w, next->text);
                if (h <= 4 * body.leading)
                    need = cp_flow_measure(f, &bold, w, b->text) + item_gap + h + 2 * para_gap +
                           group_h;
            }
            cp_flow_need(f, need);
            cp_flow_paragraph(f, &bold, 0, b->text);
            cp_flow_space(f, item_gap);
            break;
        }
        case CP_BLOCK_FIELD:
            if (i == 0 || lt->blocks[i - 1].kind != CP_BLOCK_FIELD)
                label_w = field_label_width(f->L, &label, b, lt->n_blocks - i,
                                            f->right - f->left);
            cp_flow_field(f, &label, &body, label_w, b->label ? b->label : "", b->text);
            cp_flow_space(f, run_ends ? para_gap : 1);
            break;
        case CP_BLOCK_GAP:
            cp_flow_space(f, body.leading);
            break;
        }
        free(spans);
    }

    cp_flow_space(f, para_gap);
    cp_flow_need(f, group_h);
    cp_flow_paragraph(f, &body, 0, lt->closing);
    f->fresh = false;
    f->y -= sig_h;
    c->sig_page = f->page;
    c->sig_bottom = f->y;
    c->sig_h = sig_h;
    if (p->name)
        cp_flow_paragraph(f, &bold, 0, p->name);
    if (p->email)
        cp_flow_paragraph(f, &body, 0, p->email);
    if (p->phone)
        cp_flow_paragraph(f, &body, 0, p->phone);
}

int
cp_letter_layout(cp_layout *L, const cp_letter *letter, const cp_claim *claim,
                 const cp_l10n *l10n, const cp_letter_opts *opts, int *first, int *count,
                 cp_diags *diags)
{
    letter_ctx c;
    geom_for(&c.g, opts->paper);
    c.letter = letter;
    c.claim = claim;
    c.l10n = l10n;
    const geom *g = &c.g;

    int page = cp_layout_add_page(L, g->w, g->h);
    draw_marks(L, page, g);
    draw_sender(L, page, g, &claim->claimant);
    draw_window(L, page, g, claim, diags);
    cp_layout_text_right(L, page, CP_FACE_REGULAR, 10.5, g->right, g->h - g->date_base,
                         letter->date_line);

    cp_flow f;
    cp_flow_init(&f, L, page, g->left, g->right, g->h - g->body_top, g->h - g->bottom);
    f.on_page = on_new_page;
    f.ctx = &c;
    draw_body(&f, &c);

    if (opts->signature >= 0 && opts->signature_aspect > 0) {
        double h = c.sig_h - 4, w = h * opts->signature_aspect;
        if (w > 180) {
            w = 180;
            h = w / opts->signature_aspect;
        }
        cp_layout_image(L, c.sig_page, g->left, c.sig_bottom + 2, w, h, opts->signature);
    }

    int n = f.page - page + 1;
    int m = opts->total_pages > 0 ? opts->total_pages : (int)L->n_pages + opts->page_offset;
    for (int i = 0; i < n; i++) {
        char *s = cp_l10n_page_of(l10n, opts->page_offset + page + i + 1, m);
        double y = i == 0 ? CP_MM(10) : g->h - g->next_header_base;
        if (i == 0)
            cp_layout_text_right(L, page, CP_FACE_REGULAR, 8, g->right, y, s);
        else
            cp_layout_text(L, page + i, CP_FACE_REGULAR, 9,
                           (g->left + g->right) / 2 - cp_font_width(L->fonts, CP_FACE_REGULAR, 9,
                                                                    s, strlen(s)) / 2,
                           y, s);
        free(s);
    }
    const char *bm = cp_l10n_lookup(l10n, "letter");
    cp_layout_outline(L, bm ? bm : letter->subject, page, 0);
    *first = page;
    *count = n;
    return 0;
}
