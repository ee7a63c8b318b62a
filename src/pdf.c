/* pdf.c: (being written) */
#include "config.h"
#include "pdf.h"
