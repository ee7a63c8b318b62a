/* Wording and formats of one letter language (templates/<lang>/phrases).
 *
 * A cp_l10n owns its phrase table; cp_l10n_free releases it (NULL is fine).
 * Strings returned by the _get function belong to the table; strings from
 * the formatting functions are newly allocated and the caller frees them.
 */
#ifndef CLAIMPACK_L10N_H
#define CLAIMPACK_L10N_H

#include "claimpack/claim.h"

typedef struct cp_l10n cp_l10n;

/* Load the phrases of `lang`; `jurisdiction` ("US" picks US English date
 * style and letter conventions) may be NULL. CP_INPUT error on failure. */
int cp_l10n_load(cp_l10n **out, enum cp_lang lang, const char *jurisdiction, cp_diags *diags);
void cp_l10n_free(cp_l10n *l);

/* A phrase by key ("exhibit", "page-of", "kind.photo" ...); the key itself
 * when the table lacks it, so a gap shows in the output rather than crashing. */
const char *cp_l10n_get(const cp_l10n *l, const char *key);
/* "16 November 2026", "16 de noviembre de 2026", US "November 16, 2026". */
char *cp_l10n_date(const cp_l10n *l, cp_date d);
/* "€59.99", "59,99 €", "£129.00", "$64.99". */
char *cp_l10n_amount(const cp_l10n *l, const cp_amount *a);
/* "page 3 of 12" in the language. */
char *cp_l10n_page_of(const cp_l10n *l, int page, int pages);

#endif
