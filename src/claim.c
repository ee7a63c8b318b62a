/* claim.c: (being written) */
#include "config.h"
#include "claimpack/claim.h"
int cp_claim_parse(cp_claim **out, const char *path, cp_diags *diags)
{ *out = 0; cp_error(diags, CP_INPUT, path, 0, 0, "not implemented"); return -1; }
void cp_claim_free(cp_claim *c) { (void)c; }
