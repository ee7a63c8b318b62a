/* qpdfdoc.h: where qpdf's type crosses from one file to another, and only
 * there: the reader (pdfimport.c) hands an open document's qpdf object to
 * the writer (assemble.c), which copies its pages into the output. No other
 * file includes this header or qpdf's, so qpdf stays behind those two. */
#ifndef CP_QPDFDOC_H
#define CP_QPDFDOC_H

#include <qpdf/qpdf-c.h>

#include "pdfimport.h"

/* The document's qpdf object (still owned by d). */
qpdf_data cp_pdfdoc_qpdf(cp_pdfdoc *d);

#endif
