/* font.c: (being written) */
#include "config.h"
#include "font.h"
