/* Diagnostics: every problem found in one run, reported together.
 *
 * A cp_diags list owns its entries and their strings; cp_diags_free releases
 * them. Functions that can fail return 0 on success and a negative number on
 * failure, and add one or more diagnostics that say why.
 */
#ifndef CLAIMPACK_DIAG_H
#define CLAIMPACK_DIAG_H

#include <stdio.h>
#include <stddef.h>

/* Exit statuses (claimpack(1), EXIT STATUS); a run exits with the largest one it met. */
enum cp_status {
    CP_OK = 0,
    CP_INVALID = 1,   /* the claim is invalid or incomplete */
    CP_USAGE = 2,     /* command-line usage */
    CP_INPUT = 3,     /* an input file is missing, unreadable, unsupported or corrupt */
    CP_OUTPUT = 4     /* the output could not be written */
};

enum cp_severity { CP_WARNING, CP_ERROR };

typedef struct cp_diag {
    enum cp_severity severity;
    enum cp_status status;   /* what an error costs; CP_OK for warnings */
    char *file;              /* claim file, template or evidence file; may be NULL */
    int line, col;           /* 0 when unknown */
    char *message;
} cp_diag;

typedef struct cp_diags {
    cp_diag *items;
    size_t count, cap;
} cp_diags;

#define CP_DIAGS_INIT { NULL, 0, 0 }

#if defined(__GNUC__)
#define CP_PRINTF(a, b) __attribute__((format(printf, a, b)))
#else
#define CP_PRINTF(a, b)
#endif

/* Add an error that costs `status` (CP_INVALID, CP_INPUT, ...). */
void cp_error(cp_diags *d, enum cp_status status, const char *file, int line, int col,
              const char *fmt, ...) CP_PRINTF(6, 7);
void cp_warning(cp_diags *d, const char *file, int line, int col,
                const char *fmt, ...) CP_PRINTF(5, 6);

/* The largest status among the errors, CP_OK when there are none. */
enum cp_status cp_diags_status(const cp_diags *d);
size_t cp_diags_errors(const cp_diags *d);

/* Sort by file, line, column (stable), then print one per line:
 * "FILE:LINE:COL: error: message", "FILE: warning: message", "error: message". */
void cp_diags_print(cp_diags *d, FILE *fp);
void cp_diags_free(cp_diags *d);

#endif
