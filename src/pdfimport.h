/* pdfimport.h: PDF evidence read with libqpdf's C API, whose types stay
 * behind this header (qpdfdoc.h hands them to the assembler only).
 *
 * A cp_pdfdoc owns its qpdf document; keep it alive until the output is
 * written (qpdf reads stream data lazily). cp_pdfdoc_close releases it (NULL is fine).
 * A cp_outline tree returned through `out` belongs to the caller:
 * cp_outline_free releases it.
 */
#ifndef CP_PDFIMPORT_H
#define CP_PDFIMPORT_H

#include <stdbool.h>
#include <stddef.h>
#include "claimpack/diag.h"

#define CP_PDF_MAX_PAGES 5000
#define CP_PDF_MAX_OUTLINE 10000    /* bookmarks read per document */

typedef struct cp_pdfdoc cp_pdfdoc;

/* Open and check: a password-protected file (non-empty user password) is a
 * CP_INPUT error saying so; a damaged file qpdf repairs gives a warning; one
 * it cannot read is a CP_INPUT error. Every page is visited, and every
 * stream a page takes along that qpdf can decode (Flate, LZW, ASCII; not
 * DCT, JPX, JBIG2) is decoded, because damage may show only then: data cut
 * short is kept as far as it goes (the stream is replaced in d, unfiltered,
 * with a warning), a stream that does not decode is a CP_INPUT error if the
 * page shows it and is emptied with a warning if not. 0 or -1. */
int cp_pdfdoc_open(cp_pdfdoc **out, const char *path, const char *display, cp_diags *diags);
/* The same; with streams false the streams are not decoded and no warning
 * is given (a quick look: `build`'s evidence check opens the document and
 * the pack imports that same document, cp_pdfdoc_check_streams decoding
 * its streams and warning then). */
int cp_pdfdoc_open_opt(cp_pdfdoc **out, const char *path, const char *display, bool streams,
                       cp_diags *diags);
/* What cp_pdfdoc_open does beyond a quick look: the streams decoded, the
 * warnings given; once (0 at once when it ran). 0 or -1. */
int cp_pdfdoc_check_streams(cp_pdfdoc *d, const char *display, cp_diags *diags);

int cp_pdfdoc_page_count(const cp_pdfdoc *d);
void cp_pdfdoc_close(cp_pdfdoc *d);

/* A page's visible area. The box is the CropBox (else the MediaBox, looked
 * up through inherited attributes too) clipped to the MediaBox, corners
 * ordered; a page without a usable box is US letter, as readers do. */
typedef struct cp_pdfbox {
    double x0, y0, x1, y1;      /* in the page's default user space */
    int rotate;                 /* /Rotate normalised to 0, 90, 180 or 270 */
    double width, height;       /* as displayed, after rotation, in points */
} cp_pdfbox;

/* What qpdf copies with page `index` (0-based): the stored bytes of every
 * stream the page reaches (build --split's estimate, split.c); 0 when out
 * of range. */
long long cp_pdfdoc_page_bytes(cp_pdfdoc *d, int index);

/* index is 0-based. 0, or -1 when index is out of range. */
int cp_pdfdoc_page_box(cp_pdfbox *out, cp_pdfdoc *d, int index);

/* The document outline (bookmarks) as a tree. page is the 0-based target
 * page, -1 when the item points nowhere in this document (a URI, another
 * file, a broken destination). Loops and absurd sizes are cut off. */
typedef struct cp_outline {
    char *title;                /* UTF-8, one line */
    int page;
    struct cp_outline *kids;
    size_t n_kids;
} cp_outline;

/* *out is NULL and *n 0 when there are no bookmarks. Always 0 for an open
 * document (a broken outline just yields fewer items). */
int cp_pdfdoc_outline(cp_outline **out, size_t *n, cp_pdfdoc *d);
void cp_outline_free(cp_outline *o, size_t n);

#endif
