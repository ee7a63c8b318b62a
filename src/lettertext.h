/* lettertext.h: the letter as plain text, for a claim form's text box or a
 * chat (claimpack(1), --text).
 *
 * The text is made from the same expanded letter the PDF shows
 * (cp_template_render): subject, date, salutation, body, closing and the
 * sender's name and contacts, one paragraph per line (the form wraps),
 * "- " bullets, "label: text" fields, blank lines between parts.
 */
#ifndef CP_LETTERTEXT_H
#define CP_LETTERTEXT_H

#include <stddef.h>
#include "claimpack/claim.h"
#include "claimpack/diag.h"
#include "claimpack/l10n.h"
#include "claimpack/template.h"

typedef struct cp_text_opts {
    const char *evidence_in;   /* the file the exhibits are sent in, said after
                                * the list of enclosures; NULL = not said */
    const char *sent;          /* with evidence_in: the sentence saying so;
                                * NULL = the phrase text.sent */
    size_t max_chars;          /* at most this many characters; 0 = no limit */
} cp_text_opts;

/* The text of `letter` into *out (malloc'd, ends with a newline).
 *
 * With o->max_chars, parts are left out whole, in this order, until the
 * text fits: 1 the list of enclosures, 2 the legal basis, 3 the history,
 * 4 the order details other than the order number, 5 the opening
 * paragraphs, 6 the date, salutation, closing and contact details (the name
 * stays). The subject, the facts, the request, the order number and the
 * deadline are never left out. A warning says what was left out; when even
 * those do not fit, a CP_USAGE error says how many characters they need
 * and *out stays NULL. Characters are Unicode code points. 0 or -1. */
int cp_letter_text(char **out, const cp_letter *letter, const cp_claim *claim,
                   const cp_l10n *l10n, const cp_text_opts *o, cp_diags *diags);

#endif
