/* image-jpeg.c: (being written) */
#include "config.h"
#include "image.h"
