/* The claim files `claimpack init` writes (claimpack(1), COMMANDS: init).
 *
 * Both functions hand back a newly allocated UTF-8 claim file in *out (the
 * caller frees it; NULL on failure) and add every problem to diags. */
#ifndef CLAIMPACK_INIT_H
#define CLAIMPACK_INIT_H

#include "claimpack/claim.h"

/* The commented starting claim of `type` in `lang`: data/init/LANG.xml with
 * the parts of other types left out. CP_INPUT error when the skeleton
 * cannot be read or its markers are wrong. 0 or -1. */
int cp_init_skeleton(char **out, enum cp_claim_type type, enum cp_lang lang, cp_diags *diags);

/* The claim of the next letter after the claim file `from`, of `type`:
 * the earlier file's tree copied (claimant, recipient, order, problem,
 * history, resolution, evidence with their ids, and the user's comments),
 * the type changed, the letter's own date left out, and the earlier letter
 * added as <previous-claim date="..."> with a reference and an outcome to
 * fill in, commented as the skeleton of `type` comments it. A
 * <previous-claim> the earlier file had goes into the history as an
 * <event>; its <reason> and <answer>s move to the new one. Errors as
 * `claimpack check` gives them for a file it cannot read (CP_INPUT) or
 * that is not a claim (CP_INVALID); a claim with other errors is carried
 * over with a warning. 0 or -1. */
int cp_init_from(char **out, const char *from, enum cp_claim_type type, cp_diags *diags);

#endif
