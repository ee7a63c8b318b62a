/* output.h: writing the result without ever leaving half a file (SPEC 1).
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

#endif
