/* Loading a claim as build, check and the wizard all need it: the file
 * parsed, the user's profile applied (cp_config_path("profile.xml")), the
 * checklist evaluated and the evidence files found and checked. */
#ifndef CLAIMPACK_LOAD_H
#define CLAIMPACK_LOAD_H

#include <stdbool.h>
#include "claimpack/checklist.h"

typedef struct cp_load_opts {
    bool print;         /* postal addresses required (build --print, check --print) */
    bool force;         /* missing required items become warnings (build --force) */
    bool fast;          /* check pictures by their headers only: build reads them again */
    bool stop_early;    /* stop when the profile or the checklist's rules cannot be
                         * read (build: nothing to write anyway) */
    bool whole;         /* an invalid claim that could still be read gets the later
                         * stages too (cp_claim_parse_all): every problem in one run,
                         * as build and check report them */
} cp_load_opts;

/* Parse `path` into *claim and evaluate the checklist into *checklist
 * (either may be NULL on return; the caller frees both). Every problem goes
 * to diags. Stops when the claim is invalid (with opts->whole: when no
 * model could be read, and *claim is NULL; an invalid claim's model is
 * handed back with the errors); otherwise each stage runs, so that one run
 * reports everything, unless opts->stop_early. NULL opts: all false.
 * Returns 0 when no error was added, -1 otherwise. */
int cp_claim_load(cp_claim **claim, cp_checklist **checklist, const char *path,
                  const cp_load_opts *opts, cp_diags *diags);

#endif
