/* template.c: (being written) */
#include "config.h"
#include "claimpack/template.h"
