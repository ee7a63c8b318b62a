/* pdf.h: (being written) */
#ifndef CP_PDF_H
#define CP_PDF_H
#endif
