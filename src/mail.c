/* mail.c: (being written) */
#include "config.h"
#include "mail.h"
