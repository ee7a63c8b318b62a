/* claim-fields.h: the claim's fields by name, in one table (claim-fields.c)
 * that the checklist's rules (data/checklist.xml's field= and from=) and
 * the templates' placeholders (claimpack-template(5)) both read, so a
 * field has one name, one kind and one place it is read from.
 *
 * A field is named as the claim file spells its path
 * ("previous-claim.ref", "card-issuer.card-ending", claimpack-claim(5));
 * the templates' older short names ("previous.ref", "card.ending") are
 * its alias and mean the same field. A few values are computed from the
 * claim ("order.total", "basis") and a few belong to the letter rather
 * than the claim ("deadline", "enclosures"): templates only. */
#ifndef CLAIMPACK_CLAIM_FIELDS_H
#define CLAIMPACK_CLAIM_FIELDS_H

#include "claimpack/claim.h"
#include "claimpack/l10n.h"
#include "util.h"

#include <stdbool.h>
#include <stddef.h>

enum cp_field_kind {
    CP_FIELD_STRING,
    CP_FIELD_DATE,
    CP_FIELD_AMOUNT,
    CP_FIELD_FLAG,       /* a bool: the element is there (templates: in #if only) */
    CP_FIELD_LIST        /* a count of items (templates: #each, and #if) */
};

/* What a letter adds to the claim: the fields read from here. */
typedef struct cp_field_letter {
    cp_date deadline;
    const char *law;     /* cp_law_code of the claim's jurisdiction */
    const char *lang;    /* the letter's language code */
    size_t n_enclosures;
    const char *body;    /* the body the next step goes to (cp_law_body_get), or NULL */
    bool ecc;            /* that body is the European Consumer Centre */
} cp_field_letter;

/* Append a computed value: in the letter's language l, or (l NULL) as the
 * claim file writes it, for comparisons and the checklist. */
typedef void cp_field_fn(const cp_claim *c, const cp_l10n *l, cp_buf *b);

typedef struct cp_field {
    const char *name;
    const char *alias;           /* the templates' older name, or NULL */
    enum cp_field_kind kind;
    bool letter;                 /* off is into cp_field_letter, not cp_claim */
    size_t off;
    cp_field_fn *compute;        /* set: the value is this function's, off unused */
    const char *const *items;    /* a list: its items' fields, NULL-terminated */
} cp_field;

/* The field named `name` (its first len bytes) or aliased so; NULL when
 * none is. */
const cp_field *cp_field_find(const char *name, size_t len);
/* Every field, in the table's order: *n of them. */
const cp_field *cp_fields(size_t *n);
/* "string", "date", ...: the kind's name for listings. */
const char *cp_field_kind_name(enum cp_field_kind k);
/* Whether list field f's items have field `item`. */
bool cp_field_has_item(const cp_field *f, const char *item);

/* Whether the claim has field f (a letter's field: never): a string not
 * empty, a valid date, an amount given, a flag set, a list not empty, a
 * computed value not empty. */
bool cp_field_present(const cp_field *f, const cp_claim *c);
/* How many items list field f has (0 for other kinds). lv may be NULL
 * outside a letter. */
size_t cp_field_count(const cp_field *f, const cp_claim *c, const cp_field_letter *lv);
/* Append f's value: in the letter's language l (dates as "16 November
 * 2026", amounts with their currency) or, l NULL, as the claim file writes
 * it (dates YYYY-MM-DD, amounts in minor units). A flag or a list that is
 * there is "1". Nothing when it is absent. lv may be NULL outside a
 * letter. */
void cp_field_value(const cp_field *f, const cp_claim *c, const cp_field_letter *lv,
                    const cp_l10n *l, cp_buf *b);

/* A date or an amount written as cp_field_value writes one. */
void cp_field_put_date(cp_buf *b, cp_date d, const cp_l10n *l);
void cp_field_put_amount(cp_buf *b, const cp_amount *a, const cp_l10n *l);
/* A product's price times its quantity; not present without a price. */
cp_amount cp_product_total(const cp_product *p);

#endif
