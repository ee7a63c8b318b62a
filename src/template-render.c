/* template-render.c: a checked template (template-int.h's tree) walked
 * against a claim into the letter's blocks (cp_letter, template.h): values
 * put in, sections chosen and repeated, phrases looked up in the letter's
 * language, citations of exhibits linked to their pages. */
#include "config.h"
#include "claimpack/claimpack.h"
#include "claimpack/template.h"
#include "claim-fields.h"
#include "law.h"
#include "template-int.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

/* What the letter's text may grow to (phrases within phrases): a letter of
 * the built-in templates is some 10 KB of text; 4 MB is a thousand pages. */
#define LETTER_TEXT_LIMIT (4 * 1024 * 1024)

typedef struct frame {
    const char *list;
    size_t index;
} frame;

/* A citation put into the text being built ("(Exhibits B, C)"), found again
 * in the block's final text to place its links: each label (or, for one
 * exhibit, the whole citation) links to that exhibit's first page. */
typedef struct cite {
    char *text;
    cp_block_link *parts;    /* start: offset within text */
    size_t n_parts;
} cite;

typedef struct render {
    const cp_letter_input *in;
    const cp_claim *c;
    const cp_l10n *l;
    char *law;               /* cp_law_code of the claim's jurisdiction */
    cp_law_body body;        /* where the next step goes (cp_law_body_get); name NULL: none */
    cp_field_letter letter;  /* the fields the letter adds to the claim's */
    frame frames[NESTING_MAX];
    int n_frames;
    int depth;
    cp_diags *diags;
    int errors;
    size_t text_total;       /* bytes of the blocks made so far */
    bool too_long;           /* LETTER_TEXT_LIMIT reached: said once, nothing more made */
    /* the letter being built */
    cp_block *blocks;
    size_t n_blocks, cap_blocks;
    cp_buf para;
    cite *cites;             /* citations rendered since the last block */
    size_t n_cites;
    unsigned from;           /* CP_FROM_* of the text rendered since the last block */
    const char *section;     /* the current heading's phrase name */
    char *directives[D__COUNT];
} render;

static size_t
list_count(const render *r, const char *list)
{
    return cp_field_count(root_field(list), r->c, &r->letter);
}

static void
put_str(cp_buf *b, const char *s)
{
    if (s)
        cp_buf_puts(b, s);
}

/* "(Exhibit B)", "(Exhibits B, C)": the exhibits of the documents that t
 * cites, in the letter's language; nothing when none of them is enclosed.
 * record: remember it for the block's links. */
static void
put_cites(render *r, cp_buf *b, const cp_text_item *t, bool record)
{
    cp_buf labels = CP_BUF_INIT;
    cp_block_link *parts = NULL;
    size_t n = 0;
    for (size_t i = 0; i < t->n_cites; i++) {
        const cp_document *d = &r->c->documents[t->cites[i]];
        for (size_t k = 0; k < r->in->n_enclosures; k++) {
            const cp_enclosure *e = &r->in->enclosures[k];
            if (e->doc != d)
                continue;
            /* a no-break space: "(Exhibits B, C)" is not split after its comma */
            if (labels.len)
                cp_buf_puts(&labels, ",\u00a0");
            parts = xreallocarray(parts, n + 1, sizeof *parts);
            parts[n++] = (cp_block_link){ labels.len, strlen(e->label), e->first_page };
            cp_buf_puts(&labels, e->label);
            /* The letter is in part 1: an exhibit in another part is named
             * with its part, since no link can reach it (build --split). */
            if (e->part > 1) {
                char num[16];
                snprintf(num, sizeof num, "%d", e->part);
                char *in = cp_l10n_format(r->l, "cite.part", "part", num, NULL);
                cp_buf_printf(&labels, " %s", in);
                free(in);
            }
        }
    }
    if (n == 0) {
        cp_buf_free(&labels);
        return;
    }
    char *text = cp_l10n_format(r->l, n == 1 ? "cite" : "cite.many", "labels", labels.data,
                                NULL);
    /* The labels' offsets were within the list; the list sits where the
     * phrase has {labels}. */
    const char *at = strstr(text, labels.data);
    size_t shift = at ? (size_t)(at - text) : 0;
    if (n == 1)
        parts[0] = (cp_block_link){ 0, strlen(text), parts[0].page };
    else
        for (size_t i = 0; i < n; i++)
            parts[i].start += shift;
    cp_buf_puts(b, text);
    if (record && at) {
        r->cites = xreallocarray(r->cites, r->n_cites + 1, sizeof *r->cites);
        r->cites[r->n_cites++] = (cite){ text, parts, n };
        text = NULL;
        parts = NULL;
    }
    free(text);
    free(parts);
    cp_buf_free(&labels);
}

/* A field of the current item of `list`; false when the list has no such
 * field. */
static bool
item_value(render *r, const frame *f, const char *name, bool raw, cp_buf *b)
{
    if (!item_field(f->list, name))
        return false;
    if (strcmp(name, "index") == 0) {
        cp_buf_printf(b, "%zu", f->index + 1);
        return true;
    }
    const cp_l10n *l = raw ? NULL : r->l;
    if (strcmp(f->list, "problem.fact") == 0 || strcmp(f->list, "previous-claim.answer") == 0) {
        const cp_text_item *t = strcmp(f->list, "problem.fact") == 0
                                    ? &r->c->problem.facts[f->index]
                                    : &r->c->previous.answers[f->index];
        if (strcmp(name, "cites") == 0)
            put_cites(r, b, t, false);
        else
            put_str(b, t->text);
    } else if (strcmp(f->list, "history.event") == 0) {
        const cp_text_item *e = &r->c->history[f->index];
        if (strcmp(name, "date") == 0)
            cp_field_put_date(b, e->date, l);
        else
            put_str(b, e->text);
    } else if (strcmp(f->list, "order.product") == 0) {
        const cp_product *p = &r->c->order.products[f->index];
        if (strcmp(name, "description") == 0)
            put_str(b, p->description);
        else if (strcmp(name, "price") == 0)
            cp_field_put_amount(b, &p->price, l);
        else if (strcmp(name, "quantity") == 0)
            cp_buf_printf(b, "%d", p->quantity > 0 ? p->quantity : 1);
        else {
            cp_amount t = cp_product_total(p);
            cp_field_put_amount(b, &t, l);
        }
    } else {
        const cp_enclosure *e = &r->in->enclosures[f->index];
        if (strcmp(name, "label") == 0)
            put_str(b, e->label);
        else if (strcmp(name, "title") == 0)
            put_str(b, e->title);
        else if (strcmp(name, "kind") == 0)
            put_str(b, e->kind);
        else if (strcmp(name, "first_page") == 0 && e->first_page > 0)
            cp_buf_printf(b, "%d", e->first_page);
        else if (strcmp(name, "page_count") == 0 && e->page_count > 0)
            cp_buf_printf(b, "%d", e->page_count);
        else if (strcmp(name, "part") == 0 && e->part > 0)
            cp_buf_printf(b, "%d", e->part);
        else if (strcmp(name, "part_page") == 0 && e->part_page > 0)
            cp_buf_printf(b, "%d", e->part_page);
    }
    return true;
}

/* Append the value of `name` (raw: as in the claim file, for comparisons):
 * the current item's field of that name, else the claim's or the letter's
 * field (claim-fields.c). */
static void
value(render *r, const char *name, bool raw, cp_buf *b)
{
    for (int i = r->n_frames - 1; i >= 0; i--)
        if (item_value(r, &r->frames[i], name, raw, b))
            return;
    const cp_field *f = root_field(name);
    if (f)
        cp_field_value(f, r->c, &r->letter, raw ? NULL : r->l, b);
}

static bool
condition(render *r, const node *n)
{
    cp_buf b = CP_BUF_INIT;
    value(r, n->str, n->n_values > 0, &b);
    bool yes;
    if (n->n_values == 0) {
        yes = b.len > 0;
    } else {
        yes = false;
        for (size_t i = 0; i < n->n_values && !yes; i++)
            yes = strcmp(n->values[i], b.data ? b.data : "") == 0;
    }
    cp_buf_free(&b);
    return yes;
}

static void render_inline(render *r, const nodes *ns, cp_buf *b);

static void
render_phrase(render *r, const node *n, cp_buf *b)
{
    const char *v = cp_l10n_lookup(r->l, n->str);
    if (!v) {
        /* A template checked against one language, rendered in another. */
        cp_error(r->diags, CP_INPUT, n->file, n->line, n->col, "unknown phrase '{{@%s}}'",
                 n->str);
        r->errors++;
        return;
    }
    if (!strstr(v, "{{")) {
        cp_buf_puts(b, v);
        return;
    }
    if (r->depth >= INCLUDE_DEPTH_MAX) {
        cp_error(r->diags, CP_INPUT, n->file, n->line, n->col,
                 "phrases nested deeper than %d", INCLUDE_DEPTH_MAX);
        r->errors++;
        return;
    }
    /* Parse it again in the context we are in: the jurisdiction's variant
     * may differ from the phrase checked at load. */
    const char *lists[NESTING_MAX];
    for (int i = 0; i < r->n_frames; i++)
        lists[i] = r->frames[i].list;
    nodes ns = { NULL, 0, 0 };
    if (template_parse_phrase(&ns, v, n->file, n->line, n->col, r->l, lists, r->n_frames,
                              r->depth, r->diags) < 0) {
        r->errors++;
    } else {
        r->depth++;
        render_inline(r, &ns, b);
        r->depth--;
    }
    nodes_free(&ns);
}

/* Whether the letter has grown past LETTER_TEXT_LIMIT with b (the text
 * being made); said once, at the node where it happened. */
static bool
too_long(render *r, const node *n, const cp_buf *b)
{
    if (r->too_long)
        return true;
    if (r->text_total + b->len + (b == &r->para ? 0 : r->para.len) <= LETTER_TEXT_LIMIT)
        return false;
    cp_error(r->diags, CP_INPUT, n->file, n->line, n->col,
             "the letter grows beyond %d MB of text here: do phrases or sections repeat "
             "each other over and over?", LETTER_TEXT_LIMIT >> 20);
    r->errors++;
    r->too_long = true;
    return true;
}

static void
render_inline(render *r, const nodes *ns, cp_buf *b)
{
    for (size_t i = 0; i < ns->n; i++) {
        const node *n = &ns->v[i];
        if (too_long(r, n, b))
            return;
        switch (n->kind) {
        case N_TEXT:
            cp_buf_puts(b, n->str);
            break;
        case N_VAR:
            if (strcmp(n->str, "cites") == 0 && r->n_frames > 0 &&
                item_field(r->frames[r->n_frames - 1].list, "cites")) {
                const frame *f = &r->frames[r->n_frames - 1];
                put_cites(r, b, strcmp(f->list, "problem.fact") == 0
                                    ? &r->c->problem.facts[f->index]
                                    : &r->c->previous.answers[f->index],
                          true);
            } else {
                value(r, n->str, false, b);
            }
            if (strcmp(n->str, "order.number") == 0)
                r->from |= CP_FROM_ORDER_NUMBER;
            else if (strcmp(n->str, "deadline") == 0)
                r->from |= CP_FROM_DEADLINE;
            break;
        case N_PHRASE:
            render_phrase(r, n, b);
            break;
        case N_IF:
            render_inline(r, condition(r, n) ? &n->body : &n->alt, b);
            break;
        case N_EACH: {
            size_t count = list_count(r, n->str);
            if (r->n_frames >= NESTING_MAX)
                break;
            for (size_t k = 0; k < count; k++) {
                r->frames[r->n_frames++] = (frame){ n->str, k };
                render_inline(r, &n->body, b);
                r->n_frames--;
            }
            break;
        }
        default:
            break;
        }
    }
}

/* Collapse runs of blanks (left by empty placeholders) and trim every line. */
static char *
tidy(const char *s)
{
    cp_buf b = CP_BUF_INIT;
    bool space = false;
    for (; *s; s++) {
        if (*s == ' ' || *s == '\t') {
            space = b.len > 0 && b.data[b.len - 1] != '\n';
            continue;
        }
        if (*s == '\n') {
            space = false;
            cp_buf_putc(&b, '\n');
            continue;
        }
        if (space)
            cp_buf_putc(&b, ' ');
        space = false;
        cp_buf_putc(&b, *s);
    }
    while (b.len && b.data[b.len - 1] == '\n')
        b.data[--b.len] = '\0';
    char *out = cp_buf_detach(&b);
    char *start = out;
    while (*start == '\n')
        start++;
    memmove(out, start, strlen(start) + 1);
    return out;
}

static void
cites_clear(render *r)
{
    for (size_t i = 0; i < r->n_cites; i++) {
        free(r->cites[i].text);
        free(r->cites[i].parts);
    }
    free(r->cites);
    r->cites = NULL;
    r->n_cites = 0;
}

/* The links of the citations rendered into `text` (found in order), with
 * offsets into text. */
static void
block_links(render *r, cp_block *blk)
{
    size_t from = 0;
    for (size_t i = 0; i < r->n_cites; i++) {
        const cite *ct = &r->cites[i];
        const char *at = strstr(blk->text + from, ct->text);
        if (!at)
            continue;
        size_t base = (size_t)(at - blk->text);
        for (size_t k = 0; k < ct->n_parts; k++) {
            if (ct->parts[k].page <= 0)
                continue;
            blk->links = xreallocarray(blk->links, blk->n_links + 1, sizeof *blk->links);
            blk->links[blk->n_links++] = (cp_block_link){ base + ct->parts[k].start,
                                                          ct->parts[k].len, ct->parts[k].page };
        }
        from = base + strlen(ct->text);
    }
    cites_clear(r);
}

static void
add_block(render *r, enum cp_block_kind kind, char *label, char *text, int level)
{
    if (r->n_blocks == r->cap_blocks) {
        r->cap_blocks = r->cap_blocks ? r->cap_blocks * 2 : 32;
        r->blocks = xreallocarray(r->blocks, r->cap_blocks, sizeof *r->blocks);
    }
    /* Inside {{#each enclosures}} the block names an exhibit: the letter
     * links it to the exhibit's first page. */
    int link = 0;
    unsigned from = r->from;
    r->from = 0;
    for (size_t i = r->n_frames; i > 0; i--) {
        if (strcmp(r->frames[i - 1].list, "enclosures") == 0) {
            link = r->in->enclosures[r->frames[i - 1].index].first_page;
            from |= CP_FROM_ENCLOSURE;
            break;
        }
        if (strcmp(r->frames[i - 1].list, "problem.fact") == 0)
            from |= CP_FROM_FACT;
    }
    r->text_total += strlen(text) + (label ? strlen(label) : 0);
    r->blocks[r->n_blocks++] = (cp_block){ kind, label, text, level, link, NULL, 0,
                                           xstrdup(r->section ? r->section : ""), from };
    block_links(r, &r->blocks[r->n_blocks - 1]);
}

static void
flush_paragraph(render *r)
{
    if (!r->para.len)
        return;
    char *text = tidy(r->para.data);
    cp_buf_free(&r->para);
    if (*text)
        add_block(r, CP_BLOCK_PARAGRAPH, NULL, text, 0);
    else
        free(text);
}

static void
render_blocks(render *r, const nodes *ns)
{
    for (size_t i = 0; i < ns->n; i++) {
        const node *n = &ns->v[i];
        if (too_long(r, n, &r->para))
            return;
        switch (n->kind) {
        case N_BLANK:
            flush_paragraph(r);
            break;
        case N_IF:
            render_blocks(r, condition(r, n) ? &n->body : &n->alt);
            break;
        case N_EACH: {
            size_t count = list_count(r, n->str);
            if (r->n_frames >= NESTING_MAX)
                break;
            for (size_t k = 0; k < count; k++) {
                r->frames[r->n_frames++] = (frame){ n->str, k };
                render_blocks(r, &n->body);
                r->n_frames--;
            }
            break;
        }
        case N_DIRECTIVE: {
            cp_buf b = CP_BUF_INIT;
            unsigned from = r->from;
            render_inline(r, &n->body, &b);
            r->from = from;   /* the subject is not part of the body */
            free(r->directives[n->what]);
            r->directives[n->what] = tidy(b.data ? b.data : "");
            cp_buf_free(&b);
            cites_clear(r);
            break;
        }
        case N_LINE: {
            cp_buf b = CP_BUF_INIT;
            /* What came before ends here, so that the citations this line
             * renders are this line's. */
            if (n->what != CP_BLOCK_PARAGRAPH)
                flush_paragraph(r);
            render_inline(r, &n->body, &b);
            if (n->what == CP_BLOCK_PARAGRAPH) {
                char *t = tidy(b.data ? b.data : "");
                if (*t) {
                    if (r->para.len)
                        cp_buf_putc(&r->para, ' ');
                    cp_buf_puts(&r->para, t);
                }
                free(t);
                cp_buf_free(&b);
                break;
            }
            if (n->what == CP_BLOCK_HEADING)
                r->section = n->body.n > 0 && n->body.v[0].kind == N_PHRASE &&
                                     strncmp(n->body.v[0].str, "heading.", 8) == 0
                                 ? n->body.v[0].str + 8
                                 : "";
            char *text = tidy(b.data ? b.data : "");
            cp_buf_free(&b);
            char *label = NULL;
            if (n->what == CP_BLOCK_FIELD) {
                render_inline(r, &n->label, &b);
                label = tidy(b.data ? b.data : "");
                cp_buf_free(&b);
            }
            /* An empty line of markup (its data absent) is left out. */
            if (n->what != CP_BLOCK_GAP && !*text) {
                free(text);
                free(label);
                cites_clear(r);
                r->from = 0;
                break;
            }
            add_block(r, (enum cp_block_kind)n->what, label, text, n->level);
            break;
        }
        default:
            break;
        }
    }
}

int
cp_template_render(cp_letter **out, const cp_template *t, const cp_letter_input *in,
                   cp_diags *diags)
{
    *out = NULL;
    render r = { .in = in, .c = in->claim, .l = in->l10n, .diags = diags };
    r.law = cp_law_code(in->claim->jurisdiction);
    cp_law_body_get(&r.body, in->claim, cp_l10n_lang_code(cp_l10n_lang(in->l10n)));
    r.letter = (cp_field_letter){
        .deadline = cp_date_valid(in->deadline) ? in->deadline
                    : cp_date_valid(in->claim->date) ? cp_date_add_days(in->claim->date, 14)
                                                     : in->deadline,
        .law = r.law,
        .lang = cp_l10n_lang_code(cp_l10n_lang(in->l10n)),
        .n_enclosures = in->n_enclosures,
        .body = r.body.name,
        .ecc = r.body.ecc,
    };
    render_blocks(&r, &t->root);
    flush_paragraph(&r);
    cites_clear(&r);
    free(r.law);
    cp_law_body_free(&r.body);
    cp_letter *l = xcalloc(1, sizeof *l);
    l->blocks = r.blocks;
    l->n_blocks = r.n_blocks;
    char **d = r.directives;
    l->subject = d[D_SUBJECT] ? d[D_SUBJECT] : xstrdup("");
    l->salutation = d[D_SALUTATION] ? d[D_SALUTATION] : xstrdup("");
    l->closing = d[D_CLOSING] ? d[D_CLOSING] : xstrdup("");
    l->date_line = d[D_DATE] ? d[D_DATE] : cp_l10n_date(in->l10n, in->claim->date);
    if (r.errors) {
        cp_letter_free(l);
        return -1;
    }
    *out = l;
    return 0;
}

void
cp_letter_free(cp_letter *l)
{
    if (!l)
        return;
    for (size_t i = 0; i < l->n_blocks; i++) {
        free(l->blocks[i].label);
        free(l->blocks[i].text);
        free(l->blocks[i].links);
        free(l->blocks[i].section);
    }
    free(l->blocks);
    free(l->subject);
    free(l->salutation);
    free(l->closing);
    free(l->date_line);
    free(l);
}
