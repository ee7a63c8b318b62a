/* Letter templates (claimpack-template(5)): the letter's wording, expanded
 * against a claim into a list of blocks for the layout.
 *
 * cp_template and cp_letter own everything they point to; the _free
 * functions release them and accept NULL.
 */
#ifndef CLAIMPACK_TEMPLATE_H
#define CLAIMPACK_TEMPLATE_H

#include <stdio.h>
#include "claimpack/claim.h"
#include "claimpack/l10n.h"

typedef struct cp_template cp_template;

/* `name` is a template name ("defective.nl"; a user's copy in
 * $XDG_CONFIG_HOME/claimpack/templates/NAME wins over the built-in
 * templates/NAME; a bare type name "defective" means TYPE.LANG), a path to a
 * file (any name holding a '/'), or NULL for TYPE.LANG of the claim's type and
 * language. The template is checked completely here (placeholders, phrases of
 * `lang`, sections, includes), so rendering cannot fail on its account.
 * `law` is the law the letter is written under (cp_law_code of the claim's
 * jurisdiction, law.h; "" for none): {{> law}} then reads and checks that
 * jurisdiction's paragraphs only, which is all a letter can use. NULL reads
 * and checks every jurisdiction's (the template as claimpack ships it).
 * Errors are "TEMPLATE:LINE:COL: message", CP_INPUT. */
int cp_template_load(cp_template **out, const char *name, enum cp_claim_type type,
                     enum cp_lang lang, const char *law, cp_diags *diags);
void cp_template_free(cp_template *t);
/* The file the template was read from (owned by t). */
const char *cp_template_path(const cp_template *t);

/* One entry of the letter's list of enclosures (filled in once the evidence
 * pack is laid out: first_page 0 = not known yet). */
typedef struct cp_enclosure {
    const char *label;       /* "A", "B", ... */
    const char *title;
    const char *kind;        /* the document kind's name in the letter's language */
    int first_page, page_count;
    const cp_document *doc;  /* the claim's document it is (a glob's file or a chat),
                              * for the facts that cite it; may be NULL */
    int part, part_page;     /* build --split into several parts: the part it begins
                              * in (1, 2 ...) and its first page there; 0 = one PDF */
} cp_enclosure;

typedef struct cp_letter_input {
    const cp_claim *claim;
    const cp_l10n *l10n;
    cp_date deadline;        /* response deadline (cp_checklist_reply_by); invalid: letter date + 14 days */
    const cp_enclosure *enclosures;
    size_t n_enclosures;
} cp_letter_input;

enum cp_block_kind {
    CP_BLOCK_PARAGRAPH,      /* running text */
    CP_BLOCK_BULLET,         /* one bullet item, hanging indent */
    CP_BLOCK_HEADING,        /* a short bold line */
    CP_BLOCK_FIELD,          /* "label: text" in a compact two-column list */
    CP_BLOCK_GAP             /* extra vertical space */
};

typedef struct cp_block {
    enum cp_block_kind kind;
    char *label;             /* FIELD only, else NULL */
    char *text;              /* UTF-8, never NULL ("" for GAP); may hold '\n'
                              * for forced line breaks */
    int level;               /* BULLET nesting, 0 = top */
    int link;                /* a block that lists an enclosure: its first page
                              * (1-based), for a link to it; else 0 */
    struct cp_block_link *links;   /* exhibits cited in the text ("(Exhibit B)"):
                                    * where, and the page each links to */
    size_t n_links;
    char *section;           /* the heading it comes under, by its phrase name
                              * ("facts", "request", "legal", "enclosures"...);
                              * "" before the first heading or under a heading
                              * of the template's own words */
    unsigned from;           /* CP_FROM_* bits: what of the claim it holds */
} cp_block;

/* Bytes [start, start + len) of a block's text name an exhibit whose first
 * page (1-based) is `page`. */
typedef struct cp_block_link {
    size_t start, len;
    int page;
} cp_block_link;

/* What a block was made from, so that a shorter version of the letter
 * (lettertext.h) knows what it must keep. */
enum {
    CP_FROM_ORDER_NUMBER = 1u << 0,   /* {{order.number}} */
    CP_FROM_DEADLINE = 1u << 1,       /* {{deadline}} */
    CP_FROM_FACT = 1u << 2,           /* inside {{#each facts}} */
    CP_FROM_ENCLOSURE = 1u << 3       /* inside {{#each enclosures}} */
};

/* The expanded letter: the parts a layout places. No string is NULL. */
typedef struct cp_letter {
    char *subject;           /* one line, bold */
    char *salutation;        /* "Dear Sir or Madam," */
    cp_block *blocks;        /* the body in order */
    size_t n_blocks;
    char *closing;           /* "Yours faithfully," */
    char *date_line;         /* the letter date, localized */
} cp_letter;

/* Expand t against in->claim in the language of in->l10n (which should be
 * the `lang` t was loaded for). An invalid in->deadline means letter date +
 * 14 days. */
int cp_template_render(cp_letter **out, const cp_template *t, const cp_letter_input *in,
                       cp_diags *diags);
void cp_letter_free(cp_letter *l);

/* For `claimpack templates`: every template known, one line each, with
 * where it comes from (built-in or the user's directory). */
int cp_template_list(FILE *fp, cp_diags *diags);

#endif
