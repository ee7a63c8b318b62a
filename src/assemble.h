/* assemble.h: the final PDF, put together with libqpdf.
 *
 * Three sources meet here: the pages we typeset (letter, index, e-mails,
 * captions and stamps: one PDF in memory, written by libharu through pdf.c),
 * the photos and screenshots (streamed from their files into an "image
 * store", a scratch PDF next to the output, so that no more than one picture
 * is in memory at a time), and imported PDF evidence (pdfimport.c). qpdf
 * copies stream data lazily from its sources while it writes, so memory
 * stays flat however large the evidence is.
 *
 * The plan is borrowed: cp_assemble reads it and frees nothing in it.
 */
#ifndef CP_ASSEMBLE_H
#define CP_ASSEMBLE_H

#include <stdbool.h>
#include <stddef.h>
#include "claimpack/diag.h"
#include "image.h"
#include "pdfimport.h"

enum cp_asm_kind {
    CP_ASM_GENERATED,   /* a typeset page, as it is */
    CP_ASM_IMAGE,       /* a typeset page (caption, label) with a picture drawn on it */
    CP_ASM_IMPORTED     /* a page of imported PDF evidence, with a typeset overlay */
};

typedef struct cp_asm_page {
    enum cp_asm_kind kind;
    int gen_page;              /* 0-based page of the typeset PDF: the page itself
                                * (GENERATED, IMAGE) or the overlay (IMPORTED) */
    /* IMAGE */
    int image;                 /* index into plan->images */
    double x, y, w, h;         /* the upright picture's box on the page, in points */
    /* IMPORTED */
    cp_pdfdoc *doc;
    int doc_page;              /* 0-based */
    double strip;              /* points freed at the foot of the visible page for
                                * the overlay's stamp: the content is scaled down
                                * into the rest, so nothing of it is covered */
} cp_asm_page;

typedef struct cp_asm_image {
    const char *path;          /* the evidence file */
    const char *display;       /* its name for messages */
    const cp_image *info;      /* probed: size, colour space, orientation, format */
    const unsigned char *data; /* when not NULL: JPEG data used instead of the file
                                * (--max-size), described by info */
    size_t size;
} cp_asm_image;

typedef struct cp_asm_outline {
    const char *title;         /* UTF-8 */
    int page;                  /* 0-based final page */
    int level;                 /* 0 = top; each entry's parent is the nearest
                                * earlier entry one level up */
} cp_asm_outline;

typedef struct cp_asm_link {
    int page;                  /* where the link sits (final page, 0-based) */
    double x0, y0, x1, y1;     /* its rectangle in points */
    int target;                /* the final page it goes to */
} cp_asm_link;

typedef struct cp_asm_plan {
    const unsigned char *gen_pdf;   /* the typeset PDF (libharu's output) */
    size_t gen_len;
    cp_asm_page *pages;
    size_t n_pages;
    cp_asm_image *images;
    size_t n_images;
    cp_asm_outline *outlines;
    size_t n_outlines;
    cp_asm_link *links;
    size_t n_links;
    const char *title, *author, *subject, *keywords, *creator;   /* document info, UTF-8 */
    long long date_epoch;      /* creation/modification date (seconds since 1970) */
} cp_asm_plan;

/* Write the PDF described by plan to `path` ("-" = standard output),
 * atomically: a temporary file in the same directory, renamed into place
 * only when everything succeeded. Errors: CP_INPUT for a source that fails
 * to read, CP_OUTPUT for the output. 0 or -1. */
int cp_assemble(const cp_asm_plan *plan, const char *path, cp_diags *diags);

/* Copy a finished file to standard output (the output is "-" or a
 * device). CP_OUTPUT error on failure. 0 or -1. */
int cp_copy_to_stdout(const char *path, cp_diags *diags);

/* The image store (imagestore.c): a scratch PDF holding one image XObject
 * per picture (JPEG data passed through, PNG rows re-used or re-encoded,
 * alpha as a soft mask). On success *ids holds, per image, the object
 * number of its XObject in the file. */
int cp_imagestore_write(const char *path, const cp_asm_image *images, size_t n,
                        int **ids, cp_diags *diags);

#endif
