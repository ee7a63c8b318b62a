/* claimpack: one claim file in, one PDF out. The public API. */
#ifndef CLAIMPACK_H
#define CLAIMPACK_H

#include "claimpack/diag.h"
#include "claimpack/date.h"
#include "claimpack/claim.h"
#include "claimpack/checklist.h"
#include "claimpack/evidence.h"

/* Where the built-in data lives: $CLAIMPACK_DATADIR, else the
 * source tree when running from the build tree, else the installed data
 * directory. Returns a newly allocated path below it ("data/claim.rng"). */
char *cp_data_path(const char *relative);
/* The user's configuration directory: $XDG_CONFIG_HOME/claimpack, else
 * ~/.config/claimpack. Newly allocated. */
char *cp_config_path(const char *relative);

#endif
