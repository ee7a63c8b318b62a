/* evidence.c: (being written) */
#include "config.h"
#include "claimpack/evidence.h"
