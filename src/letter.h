/* letter.h: the claim letter placed on pages: DIN 5008 form B on
 * A4, a US #10 window envelope on US letter.
 *
 * Everything is borrowed: the letter's text (template.h), the claim for the
 * sender and recipient, and the layout it adds pages to.
 */
#ifndef CP_LETTER_H
#define CP_LETTER_H

#include "claimpack/claim.h"
#include "claimpack/l10n.h"
#include "claimpack/template.h"
#include "claimpack/diag.h"
#include "layout.h"

enum cp_paper { CP_PAPER_A4, CP_PAPER_LETTER };

/* "a4" / "letter" (case-insensitive); -1 when unknown. */
int cp_paper_from_name(const char *s);
/* Letter for US and CA, else A4 (claimpack(1), --paper). */
enum cp_paper cp_paper_for_jurisdiction(const char *jurisdiction);
/* Size in points. */
void cp_paper_size(enum cp_paper p, double *w, double *h);

/* Where the recipient's address must sit: the envelope window, in points
 * from the page's bottom-left (as the layout). */
void cp_letter_window(enum cp_paper p, double *x, double *y, double *w, double *h);

typedef struct cp_letter_opts {
    enum cp_paper paper;
    int signature;            /* image index for the signature, -1 = none */
    double signature_aspect;  /* its width / height */
    int total_pages;          /* m in "page n of m"; 0 = the layout's page count */
    int page_offset;          /* pages before the letter in the final document */
} cp_letter_opts;

/* Add the letter's pages to L (from a new page on) and a bookmark to its
 * first page. *first and *count get the pages used. A recipient address too
 * big for the window is a warning. 0 or -1. */
int cp_letter_layout(cp_layout *L, const cp_letter *letter, const cp_claim *claim,
                     const cp_l10n *l10n, const cp_letter_opts *opts, int *first, int *count,
                     cp_diags *diags);

#endif
