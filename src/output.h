/* output.h: writing the result without ever leaving half a file.
 *
 * The data stays the caller's.
 */
#ifndef CP_OUTPUT_H
#define CP_OUTPUT_H

#include <stddef.h>
#include "claimpack/diag.h"

/* Write `len` bytes to `path` atomically: a temporary file in the same
 * directory ("NAME.XXXXXX"), fsync, rename over the target. On any failure
 * the temporary file is removed, an existing target is untouched and a
 * CP_OUTPUT error names the path and the reason. "-" writes to standard
 * output. 0 or -1. */
int cp_output_write(const char *path, const void *data, size_t len, cp_diags *diags);

/* Write `len` bytes to a new file `path` through a temporary file beside
 * it (".claimpack-init.XXXXXX"), fsync, then link(2): an existing path is
 * never replaced, since link fails on it atomically. SIGINT, SIGTERM and
 * SIGHUP while it runs remove the temporary file before they end the
 * program. A CP_OUTPUT error names the path on failure. 0 or -1. */
int cp_output_write_new(const char *path, const void *data, size_t len, cp_diags *diags);

#endif
