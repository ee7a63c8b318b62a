/* checklist.c: (being written) */
#include "config.h"
#include "claimpack/checklist.h"
