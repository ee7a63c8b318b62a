/* Wording and formats of one letter language (templates/<lang>/phrases,
 * see claimpack-template(5)).
 *
 * A cp_l10n owns its phrase table; cp_l10n_free releases it (NULL is fine).
 * Strings returned by the _get/_lookup functions belong to the table; strings
 * from the formatting functions are newly allocated and the caller frees them.
 */
#ifndef CLAIMPACK_L10N_H
#define CLAIMPACK_L10N_H

#include <stdbool.h>
#include <stddef.h>
#include "claimpack/claim.h"

typedef struct cp_l10n cp_l10n;

/* Load the phrases of `lang`: the built-in templates/<lang>/phrases, the
 * shared templates/currencies, then the user's own
 * $XDG_CONFIG_HOME/claimpack/templates/<lang>/phrases (its keys win).
 * `jurisdiction` ("US" picks the "key@US" variants: US date style and letter
 * conventions) may be NULL. CP_INPUT error "FILE:LINE: message" on failure. */
int cp_l10n_load(cp_l10n **out, enum cp_lang lang, const char *jurisdiction, cp_diags *diags);
void cp_l10n_free(cp_l10n *l);

enum cp_lang cp_l10n_lang(const cp_l10n *l);

/* A phrase by key ("exhibit", "page-of", "kind.photo" ...); the key itself
 * when the table lacks it, so a gap shows in the output rather than crashing. */
const char *cp_l10n_get(const cp_l10n *l, const char *key);
/* The same, NULL when the table lacks the key. */
const char *cp_l10n_lookup(const cp_l10n *l, const char *key);
/* A phrase with "{name}" fields filled in: the arguments after `key` are
 * name, value pairs ending with NULL. Newly allocated. */
char *cp_l10n_format(const cp_l10n *l, const char *key, ...);

/* "16 November 2026", "16 de noviembre de 2026", US "November 16, 2026";
 * "" for an invalid date. */
char *cp_l10n_date(const cp_l10n *l, cp_date d);
/* "€59.99", "59,99 €", "£129.00", "$64.99", "59.99 CHF"; "" when absent. */
char *cp_l10n_amount(const cp_l10n *l, const cp_amount *a);
/* "page 3 of 12" in the language. */
char *cp_l10n_page_of(const cp_l10n *l, int page, int pages);

/* For checking templates: the i-th phrase of the table, where it was
 * defined; false past the end. */
bool cp_l10n_entry(const cp_l10n *l, size_t i, const char **key, const char **value,
                   const char **file, int *line);

/* The language of the locale (LC_ALL, LC_MESSAGES, LANG: the first set),
 * for what claimpack says when no claim gives one; English when it is none
 * of the six. */
enum cp_lang cp_lang_from_locale(void);

/* The directory name of a language ("fy"); NULL when out of range. Same
 * spelling as the claim file's lang attribute. */
const char *cp_l10n_lang_code(enum cp_lang lang);

#endif
