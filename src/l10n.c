/* l10n.c: (being written) */
#include "config.h"
#include "claimpack/l10n.h"
