/* assemble.h: the final PDF, put together with libqpdf.
 *
 * Three sources meet here: the pages we typeset (letter, index, e-mails,
 * captions and stamps: one PDF in memory, written by libharu through pdf.c),
 * imported PDF evidence (pdfimport.c), and the photos and screenshots. qpdf
 * writes the first two, copying stream data lazily from its sources, with a
 * one-pixel placeholder for each picture; imagestore.c then appends the
 * pictures themselves as an incremental update, streamed from their files
 * one at a time. Memory stays flat however large the evidence is, and the
 * photo data is copied once.
 *
 * The plan is borrowed: cp_assemble reads it and frees nothing in it.
 */
#ifndef CP_ASSEMBLE_H
#define CP_ASSEMBLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "claimpack/diag.h"
#include "image.h"
#include "output.h"
#include "pdfimport.h"
#include "reread.h"

enum cp_asm_kind {
    CP_ASM_GENERATED,   /* a typeset page, as it is */
    CP_ASM_IMAGE,       /* a typeset page (caption, label) with a picture drawn on it */
    CP_ASM_IMPORTED     /* a page of imported PDF evidence, with a typeset overlay */
};

/* An evidence file the assembly reads: an imported PDF, whose streams qpdf
 * reads from the file as it writes them. Once the writing is done, the file
 * must still be the one the index hashes (reread.h), or nothing is written:
 * a PDF rewritten in place after the pack hashed it would go in as a mix of
 * the two. */
typedef struct cp_asm_source {
    const char *path, *display;
    cp_reread_want want;
} cp_asm_source;

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
    const struct cp_asm_source *source;  /* the file doc was read from, or NULL */
    double strip;              /* points freed at the foot of the visible page for
                                * the overlay's stamp: the content is scaled down
                                * into the rest, so nothing of it is covered */
} cp_asm_page;

typedef struct cp_asm_image {
    const char *path;          /* the evidence file (a chat's .zip: see member) */
    const char *member;        /* when not NULL: the picture is this member of the
                                * .zip at path (chat.h), read from there */
    const char *display;       /* its name for messages */
    int page;                  /* the page of a file of pages (TIFF) this picture is */
    const cp_image *info;      /* probed: size, colour space, orientation, format */
    const cp_image *probed;    /* the picture as probed: info, unless --max-size
                                * put a reduced one there */
    const unsigned char *data; /* when not NULL: JPEG data used instead of the file
                                * (--max-size), described by info */
    size_t size;
    const char *sha256;        /* the file's SHA-256 as the index shows it (hex), or
                                * NULL: without stamp, the bytes embedded must have it */
    const struct cp_file_stamp *stamp;  /* the file as the evidence check found it
                                * and the pack hashed it (pack.c compares them), or
                                * NULL: with it, the bytes embedded must be read from
                                * a file that is still that one, and have sum */
    uint64_t sum;              /* with stamp: cp_sum64 of the bytes the pack hashed
                                * (reread.h) */
    bool keep_metadata;        /* JPEG: EXIF, XMP, comments ... go into the PDF too */
} cp_asm_image;

/* A picture drawn on a typeset page among its text (a chat's pictures). */
typedef struct cp_asm_place {
    int page;                  /* final page, 0-based */
    int image;                 /* index into plan->images */
    double x, y, w, h;         /* the upright picture's box, in points */
} cp_asm_place;

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

/* The pictures being prepared (imagestore.c), ahead of their writing. */
typedef struct cp_imgprep cp_imgprep;

typedef struct cp_asm_plan {
    const unsigned char *gen_pdf;   /* the typeset PDF (libharu's output) */
    size_t gen_len;
    cp_asm_page *pages;
    size_t n_pages;
    cp_asm_image *images;
    size_t n_images;
    const cp_asm_place *places;
    size_t n_places;
    cp_asm_outline *outlines;
    size_t n_outlines;
    cp_asm_link *links;
    size_t n_links;
    const char *title, *author, *subject, *keywords, *creator;   /* document info, UTF-8 */
    long long date_epoch;      /* creation/modification date (seconds since 1970) */
    int part;                  /* 0: the whole PDF; k: part k of a split one (split.h),
                                * mixed into the /ID so that no two parts share one */
    cp_imgprep *prep;          /* NULL, or the pictures of images, prepared since
                                * cp_imgprep_start: the one assembly that writes them
                                * takes them from there */
} cp_asm_plan;

/* Write the PDF described by plan into out's temporary file (output.h);
 * the caller commits or aborts out. Errors: CP_INPUT for a source that
 * fails to read, CP_OUTPUT for the output (naming the output, not the
 * temporary file). 0 or -1. */
int cp_assemble(const cp_asm_plan *plan, cp_output *out, cp_diags *diags);

/* Start preparing (reading again, checking, compressing: imagestore.c)
 * the n pictures of images, in order, on helper threads, while the caller
 * goes on: build.c starts them before it typesets a PDF it assembles once,
 * so that the cores the typesetting leaves idle prepare the first pictures.
 * What is prepared waits for its writing, a few pictures at most, within
 * the memory budget of the preparing; a stream too large to hold goes into
 * a scratch file in dir, the folder of the output's temporary file
 * (cp_output_dir). images must stay in place and unchanged until
 * cp_imgprep_free. NULL when n is 0. */
cp_imgprep *cp_imgprep_start(const cp_asm_image *images, size_t n, const char *dir);

/* Stop the helpers and free what they prepared. NULL is ignored. */
void cp_imgprep_free(cp_imgprep *prep);

/* The pictures (imagestore.c), appended as an incremental update to the
 * PDF that qpdf wrote at `path`; messages call it `name` (NULL: standard
 * output). qpdf wrote a placeholder image for each
 * picture i with placed[i] set, its dictionary marked /CpSlot (NONCE-i);
 * the picture is appended under the placeholder's object number, then a
 * cross-reference stream with /Prev to qpdf's and the file identifier `id`
 * (32 hex digits). The pictures come from prep when it was started on these
 * images with the folder of path and no writing took it yet, else they are
 * prepared here.
 * CP_OUTPUT errors, or CP_INPUT for a picture that no longer reads. 0 or
 * -1. */
int cp_imagestore_append(const char *path, const char *name, const cp_asm_image *images,
                         const bool *placed, size_t n, cp_imgprep *prep, const char *nonce,
                         const char *id, cp_diags *diags);

#endif
