/* pdfimport.h: PDF evidence read with libqpdf's C API (SPEC 6).
 *
 * A cp_pdfdoc owns its qpdf_data; keep it alive until the output is written
 * (qpdf reads stream data lazily). cp_pdfdoc_close releases it (NULL is fine).
 */
#ifndef CP_PDFIMPORT_H
#define CP_PDFIMPORT_H

#include "claimpack/diag.h"

typedef struct cp_pdfdoc cp_pdfdoc;

/* Open and check: a password-protected file (non-empty user password) is a
 * CP_INPUT error saying so; a damaged file qpdf repairs gives a warning; one
 * it cannot read is a CP_INPUT error. 0 or -1. */
int cp_pdfdoc_open(cp_pdfdoc **out, const char *path, const char *display, cp_diags *diags);
int cp_pdfdoc_page_count(const cp_pdfdoc *d);
void cp_pdfdoc_close(cp_pdfdoc *d);

#endif
