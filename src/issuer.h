/* issuer.h: the billing-error notice to the card issuer under the Fair
 * Credit Billing Act (claimpack build --issuer-letter): which claims have
 * one, what it needs from <card-issuer>, and the claim as that notice
 * sees it. The notice's wording is the template fcba-notice.en; what it
 * may say of the law is ../shared/LAW.md §11's verified FCBA row. */
#ifndef CP_ISSUER_H
#define CP_ISSUER_H

#include "claimpack/checklist.h"
#include "claimpack/claim.h"
#include "claimpack/diag.h"

/* The notice's template (claimpack-template(5)), looked up like --template. */
#define CP_ISSUER_TEMPLATE "fcba-notice"

/* Can this claim have the notice? A claim that is not US billing is a
 * CP_USAGE error (the option does not fit it); a <card-issuer> that is
 * missing or lacks the issuer's name, its address, the statement date or
 * the card's last four digits, CP_INVALID errors located in the claim.
 * 0 or -1. */
int cp_issuer_check(const cp_claim *c, cp_diags *diags);

/* The claim as the notice sees it, filled into *view: a shallow copy of c
 * (it owns nothing; never cp_claim_free it) whose recipient is the issuer
 * and which has no exhibits: the notice goes alone, so no evidence meant
 * for the seller reaches the issuer unasked. */
void cp_issuer_view(cp_claim *view, const cp_claim *c);

/* The day the issuer must receive the notice by: the checklist's fcba
 * deadline (data/checklist.xml), or an invalid date when it does not apply. */
cp_date cp_issuer_deadline(const cp_checklist *cl);

#endif
