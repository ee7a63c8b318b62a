/* letter.c: (being written) */
#include "config.h"
#include "letter.h"
