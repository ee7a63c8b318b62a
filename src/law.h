/* law.h: the consumer law of the claim's country, as data (data/law/).
 *
 * data/law/index.xml says which codes fall back to the EU paragraphs and
 * words the warning for a country claimpack has no law for; data/law/XX.xml
 * holds one jurisdiction's facts (each with its source and status) and its
 * legal paragraphs per letter type and language, as template text.
 * template-parse.c expands {{> law}} from here; load.c warns from here. */
#ifndef CP_LAW_H
#define CP_LAW_H

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

/* Every jurisdiction's paragraphs in language `lang` ("en"), in file name
 * order: *out is an array of *n texts the caller frees with
 * cp_law_texts_free. 0, or -1 with the problems in diags. */
int cp_law_texts(cp_law_text **out, size_t *n, const char *lang, cp_diags *diags);
void cp_law_texts_free(cp_law_text *t, size_t n);

/* Warn (check and build) when the claim names a jurisdiction whose letters
 * get no legal paragraph, in the claim's language. */
void cp_law_check(const cp_claim *c, cp_diags *diags);

#endif
