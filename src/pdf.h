/* pdf.h: a cp_layout rendered to PDF bytes with libharu. This is the only
 * place that includes hpdf.h, so libharu's quirks (src/README.md) live here.
 *
 * The bytes come back in a newly allocated buffer the caller frees. The
 * layout and images stay the caller's; rendering records the text it draws
 * in the layout's fontset (for the subsets).
 */
#ifndef CP_PDF_H
#define CP_PDF_H

#include <stddef.h>
#include "claimpack/diag.h"
#include "layout.h"
#include "image.h"

/* Draw every page of L: text in the fontset's faces (each embedded as a
 * subset of the code points drawn), lines, rectangles and images[item.image]
 * (JPEG passed through; raw 8-bit gray/RGB/CMYK with an optional alpha
 * mask). Pages only: links, the outline and the document information are
 * written by assemble.c into the final document. Same layout = same bytes.
 * Errors are CP_OUTPUT diagnostics (CP_INPUT for a font). 0 or -1. */
int cp_pdf_render(unsigned char **out, size_t *len, cp_layout *L,
                  const cp_image *const *images, size_t n_images, cp_diags *diags);

#endif
