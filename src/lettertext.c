/* lettertext.c: the expanded letter as plain text (lettertext.h). */
#include "config.h"
#include "lettertext.h"
#include "unicode.h"
#include "util.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

/* The parts --max-chars leaves out, in order (stage 1 first); stage 0 is
 * never left out. The names are what standard error says. */
static const char *const stage_names[] = {
    NULL,
    "the list of enclosures",
    "the legal basis",
    "the history",
    "the order details other than the order number",
    "the opening paragraphs",
    "the date, salutation, closing and contact details",
};
enum { N_STAGES = CP_ARRAY_LEN(stage_names) };

/* How a piece joins the one before it. */
enum piece_kind { P_ALONE, P_HEADING, P_BULLET, P_FIELD, P_SIGN };

typedef struct piece {
    enum piece_kind kind;
    char *text;              /* owned */
    int stage;
} piece;

typedef struct pieces {
    piece *v;
    size_t n;
} pieces;

static void
add(pieces *ps, enum piece_kind kind, char *text, int stage)
{
    if (text == NULL || text[0] == '\0') {
        free(text);
        return;
    }
    ps->v = xreallocarray(ps->v, ps->n + 1, sizeof *ps->v);
    ps->v[ps->n++] = (piece){ kind, text, stage };
}

static int
block_stage(const cp_block *b)
{
    if (b->from & (CP_FROM_ORDER_NUMBER | CP_FROM_DEADLINE | CP_FROM_FACT))
        return 0;
    const char *s = b->section;
    if (strcmp(s, "facts") == 0 || strcmp(s, "request") == 0)
        return 0;
    if ((b->from & CP_FROM_ENCLOSURE) || strcmp(s, "enclosures") == 0)
        return 1;
    if (strcmp(s, "legal") == 0)
        return 2;
    if (strcmp(s, "history") == 0)
        return 3;
    if (strcmp(s, "order") == 0)
        return b->kind == CP_BLOCK_HEADING ? 0 : 4;
    return 5;
}

static void
collect(pieces *ps, const cp_letter *lt, const cp_claim *c, const cp_l10n *l10n,
        const cp_text_opts *o)
{
    add(ps, P_ALONE, xstrdup(lt->subject), 0);
    add(ps, P_ALONE, xstrdup(lt->date_line), 6);
    add(ps, P_ALONE, xstrdup(lt->salutation), 6);
    size_t last_enclosure = lt->n_blocks;
    for (size_t i = 0; i < lt->n_blocks; i++)
        if (lt->blocks[i].from & CP_FROM_ENCLOSURE)
            last_enclosure = i;
    for (size_t i = 0; i < lt->n_blocks; i++) {
        const cp_block *b = &lt->blocks[i];
        int stage = block_stage(b);
        switch (b->kind) {
        case CP_BLOCK_PARAGRAPH:
            add(ps, P_ALONE, xstrdup(b->text), stage);
            break;
        case CP_BLOCK_HEADING:
            add(ps, P_HEADING, xstrdup(b->text), stage);
            break;
        case CP_BLOCK_BULLET:
            add(ps, P_BULLET, xasprintf("%*s- %s", 2 * (b->level > 0 ? b->level : 0), "",
                                        b->text), stage);
            break;
        case CP_BLOCK_FIELD:
            add(ps, P_FIELD, b->label && b->label[0] ? xasprintf("%s: %s", b->label, b->text)
                                                       : xstrdup(b->text), stage);
            break;
        case CP_BLOCK_GAP:
            break;   /* parts are apart already */
        }
        if (i == last_enclosure && o->evidence_in && o->sent)
            add(ps, P_ALONE, xstrdup(o->sent), 1);
        else if (i == last_enclosure && o->evidence_in)
            add(ps, P_ALONE, cp_l10n_format(l10n, "text.sent", "file", o->evidence_in,
                                            (char *)NULL), 1);
    }
    add(ps, P_SIGN, xstrdup(lt->closing), 6);
    const cp_party *p = &c->claimant;
    add(ps, P_SIGN, p->name ? xstrdup(p->name) : NULL, 0);
    add(ps, P_SIGN, p->email ? xstrdup(p->email) : NULL, 6);
    add(ps, P_SIGN, p->phone ? xstrdup(p->phone) : NULL, 6);
}

/* No-break spaces (U+00A0, U+202F) keep a date or an amount on one line of
 * the PDF; a form wraps its own text, where they are only surprises (some
 * forms count or reject them): they become plain spaces. */
static void
put_plain(cp_buf *b, const char *s)
{
    for (; *s; s++) {
        if ((unsigned char)s[0] == 0xC2 && (unsigned char)s[1] == 0xA0) {
            cp_buf_putc(b, ' ');
            s++;
        } else if ((unsigned char)s[0] == 0xE2 && (unsigned char)s[1] == 0x80 &&
                   (unsigned char)s[2] == 0xAF) {
            cp_buf_putc(b, ' ');
            s += 2;
        } else {
            cp_buf_putc(b, *s);
        }
    }
}

/* The pieces of stage 0 and of stages above `dropped`, joined. */
static char *
join(const pieces *ps, int dropped)
{
    cp_buf b = CP_BUF_INIT;
    const piece *prev = NULL;
    for (size_t i = 0; i < ps->n; i++) {
        const piece *p = &ps->v[i];
        if (p->stage != 0 && p->stage <= dropped)
            continue;
        if (prev) {
            bool tight = prev->kind == P_HEADING ||
                         (prev->kind == p->kind && p->kind != P_ALONE);
            cp_buf_puts(&b, tight ? "\n" : "\n\n");
        }
        put_plain(&b, p->text);
        prev = p;
    }
    cp_buf_putc(&b, '\n');
    /* In NFC, as the PDF sets it (unicode.h): a name written decomposed
     * ("u" and U+0308, as macOS writes it) reaches the form precomposed,
     * and counts as the one character it is. */
    char *nfc = cp_unicode_nfc(b.data, b.len);
    cp_buf_free(&b);
    return nfc;
}

/* Unicode code points of valid UTF-8. */
static size_t
chars(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        if (((unsigned char)*s & 0xC0) != 0x80)
            n++;
    return n;
}

int
cp_letter_text(char **out, const cp_letter *letter, const cp_claim *claim,
               const cp_l10n *l10n, const cp_text_opts *o, cp_diags *diags)
{
    *out = NULL;
    pieces ps = { NULL, 0 };
    collect(&ps, letter, claim, l10n, o);
    int dropped = 0;
    char *text = join(&ps, 0);
    while (o->max_chars > 0 && chars(text) > o->max_chars && dropped + 1 < N_STAGES) {
        free(text);
        text = join(&ps, ++dropped);
    }
    int rc = 0;
    if (o->max_chars > 0 && chars(text) > o->max_chars) {
        cp_error(diags, CP_USAGE, NULL, 0, 0,
                 "--max-chars %zu: the subject, facts, request, order number and deadline "
                 "alone take %zu characters; nothing was written", o->max_chars, chars(text));
        free(text);
        text = NULL;
        rc = -1;
    } else if (dropped > 0) {
        cp_buf said = CP_BUF_INIT;
        for (int s = 1; s <= dropped; s++) {
            bool any = false;   /* name only what the letter had */
            for (size_t i = 0; i < ps.n && !any; i++)
                any = ps.v[i].stage == s;
            if (any)
                cp_buf_printf(&said, "%s%s", said.len ? ", " : "", stage_names[s]);
        }
        cp_warning(diags, NULL, 0, 0, "--max-chars %zu: left out %s (%zu characters remain)",
                   o->max_chars, said.len ? said.data : "nothing", chars(text));
        cp_buf_free(&said);
    }
    for (size_t i = 0; i < ps.n; i++)
        free(ps.v[i].text);
    free(ps.v);
    *out = text;
    return rc;
}
