/* law.h: the consumer law of the claim's country, as data (data/law/).
 *
 * data/law/index.xml says which codes fall back to the EU paragraphs and
 * words the warning for a country claimpack has no law for; data/law/XX.xml
 * holds one jurisdiction's facts (each with its source and status) and its
 * legal paragraphs per letter type and language, as template text.
 * template-parse.c expands {{> law}} from here; load.c warns from here. */
#ifndef CP_LAW_H
#define CP_LAW_H

#include <stdbool.h>
#include <stddef.h>
#include "claimpack/claim.h"
#include "claimpack/diag.h"

/* One legal paragraph: template text for the letter types `types` (words)
 * of jurisdiction `code`, read from `file` at `line` (the text's first
 * line). The <cite ref> elements are already replaced by their citations. */
typedef struct cp_law_text {
    char *code;
    char *types;
    char *file;
    int line;
    char *text;
} cp_law_text;

/* The law a claim's jurisdiction (upper case, as claim.c keeps it) is
 * written under: its own code when data/law/CODE.xml exists, "EU" for an EU
 * country without one, NULL for any other or none. Newly allocated. */
char *cp_law_code(const char *jurisdiction);

/* Every jurisdiction's paragraphs in language `lang` ("en") of `part`
 * (<text part=>; NULL: the texts without one), in file name order, or only
 * those of jurisdiction `only` (a cp_law_code; "" for none) when it is not
 * NULL: *out is an array of *n texts the caller frees with
 * cp_law_texts_free. 0, or -1 with the problems in diags. */
int cp_law_texts(cp_law_text **out, size_t *n, const char *lang, const char *part,
                 const char *only, cp_diags *diags);
void cp_law_texts_free(cp_law_text *t, size_t n);

/* The body the next step after a reminder or an appeal goes to, from the
 * jurisdiction's <escalation> (data/law/index.xml says how): the
 * consumer's European Consumer Centre when the dispute is cross-border
 * (cp_law_cross_border), else the dispute body for a trader at home. */
typedef struct cp_law_body {
    char *name;      /* in language `lang` where the data has it so */
    char *fact;      /* the fact's id and its file's code: where to look it up */
    char *code;
    char *source;    /* the fact's source URL(s) */
    bool ecc;        /* the European Consumer Centre */
} cp_law_body;

/* Fill *out and return true when the claim's jurisdiction names a body for
 * its case, false (out zeroed) when it names none: the letters then keep
 * their general sentence. cp_law_body_free frees what it holds. */
bool cp_law_body_get(cp_law_body *out, const cp_claim *c, const char *lang);
void cp_law_body_free(cp_law_body *b);

/* Where the claim's seller is established: <order seller-country>, else
 * <recipient country>, else data/law/index.xml's <seller> whose name is in
 * the recipient's name or the order's seller (an escalation's recipient is
 * the body: only the order counts); NULL when unknown. Newly allocated. */
char *cp_law_seller_country(const cp_claim *c);

/* Whether the seller is established in another country than the claim's
 * jurisdiction (false when either is unknown). */
bool cp_law_cross_border(const cp_claim *c);

/* Warn (check and build) when the claim names a jurisdiction whose letters
 * get no legal paragraph, in the claim's language; and refuse (a located
 * error) letter-before-claim="yes" anywhere but a UK reminder. */
void cp_law_check(const cp_claim *c, cp_diags *diags);

#endif
