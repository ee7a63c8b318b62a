/* issuer.c: the billing-error notice to the card issuer (issuer.h). It is
 * the seller's letter's claim seen from the issuer's side: the same facts,
 * the issuer as the recipient, and nothing enclosed. */
#include "config.h"
#include "issuer.h"

#include <string.h>

int
cp_issuer_check(const cp_claim *c, cp_diags *diags)
{
    bool us = c->jurisdiction && strcmp(c->jurisdiction, "US") == 0;
    if (c->type != CP_TYPE_BILLING || !us) {
        cp_error(diags, CP_USAGE, NULL, 0, 0, "--issuer-letter writes the Fair Credit Billing "
                 "Act notice to a US card issuer, for a claim with type=\"billing\" and "
                 "jurisdiction=\"US\"; %s has type=\"%s\" and %s%s%s: leave out --issuer-letter",
                 c->path, cp_claim_type_name(c->type),
                 c->jurisdiction ? "jurisdiction=\"" : "no jurisdiction",
                 c->jurisdiction ? c->jurisdiction : "", c->jurisdiction ? "\"" : "");
        return -1;
    }
    const cp_card *k = &c->card;
    if (!k->present) {
        cp_error(diags, CP_INVALID, c->path, c->loc.line, c->loc.col, "--issuer-letter needs "
                 "<card-issuer statement=\"...\" card-ending=\"...\"> after <order>, with the "
                 "issuer's <name> and its <address> for billing inquiries, as your card "
                 "statement gives them");
        return -1;
    }
    int bad = 0;
    cp_loc at = k->issuer.loc;
    if (!k->issuer.name || !*k->issuer.name) {
        cp_error(diags, CP_INVALID, c->path, at.line, at.col, "<card-issuer> needs "
                 "<name>: the bank that issued the card, for --issuer-letter");
        bad = -1;
    }
    if (!k->issuer.address || !*k->issuer.address) {
        cp_error(diags, CP_INVALID, c->path, at.line, at.col, "<card-issuer> needs "
                 "<address>: the issuer's address for billing inquiries, printed on your "
                 "statement (not the one for payments), for --issuer-letter");
        bad = -1;
    }
    if (!cp_date_valid(k->statement) && !cp_claim_schema_said(c, "card-issuer.statement")) {
        cp_error(diags, CP_INVALID, c->path, at.line, at.col, "<card-issuer> needs "
                 "statement=\"YYYY-MM-DD\": the date of the first statement showing the "
                 "charge, from which the 60 days count, for --issuer-letter");
        bad = -1;
    }
    if (!k->ending && !cp_claim_schema_said(c, "card-issuer.card-ending")) {
        cp_error(diags, CP_INVALID, c->path, at.line, at.col, "<card-issuer> needs "
                 "card-ending=\"NNNN\": the card's last four digits, so that the issuer "
                 "finds the account, for --issuer-letter");
        bad = -1;
    }
    return bad;
}

void
cp_issuer_view(cp_claim *view, const cp_claim *c)
{
    *view = *c;
    view->recipient = c->card.issuer;
    view->lang = CP_LANG_EN;
    view->documents = NULL;
    view->n_documents = 0;
    view->evidence_loc = (cp_loc){ 0, 0 };
}

cp_date
cp_issuer_deadline(const cp_checklist *cl)
{
    for (size_t i = 0; cl && i < cl->n_deadlines; i++)
        if (strcmp(cl->deadlines[i].id, "fcba") == 0 && cl->deadlines[i].applies)
            return cl->deadlines[i].date;
    return (cp_date){ 0, 0, 0 };
}
