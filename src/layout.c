/* layout.c: (being written) */
#include "config.h"
#include "layout.h"
