/* pdfimport.c: (being written) */
#include "config.h"
#include "pdfimport.h"
