/* image-png.c: (being written) */
#include "config.h"
#include "image.h"
