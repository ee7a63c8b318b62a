/* pack.h: the evidence pack: every evidence file and typed
 * chat becomes an exhibit A, B, C ... with pages of its own, listed in an
 * index after the letter.
 *
 * cp_pack_load reads and checks what each exhibit needs (picture sizes,
 * PDF pages and bookmarks, decoded e-mail) and hashes every file; the pack
 * owns all of it until cp_pack_free. cp_pack_layout appends the index and
 * the exhibits' pages to a layout and records, per page, what the assembler
 * has to add (a picture, an imported PDF page).
 */
#ifndef CP_PACK_H
#define CP_PACK_H

#include <stdbool.h>
#include <stdint.h>
#include "claimpack/claim.h"
#include "claimpack/l10n.h"
#include "claimpack/diag.h"
#include "assemble.h"
#include "image.h"
#include "chat.h"
#include "layout.h"
#include "mail.h"
#include "pdfimport.h"

/* CP_EX_CHAT: typed into the claim; CP_EX_EXPORT: a chat export file (chat.h). */
enum cp_exhibit_type { CP_EX_IMAGE, CP_EX_PDF, CP_EX_MAIL, CP_EX_TEXT, CP_EX_CHAT, CP_EX_EXPORT };

typedef struct cp_exhibit {
    char label[8];                   /* "A" ... "Z", "AA" ... */
    enum cp_exhibit_type type;
    const cp_document *doc;          /* borrowed from the claim */
    const cp_evidence_file *file;    /* NULL for a typed chat */
    const char *title;               /* the document's title, else the file name */
    char sha256[65];                 /* hex; "" for a typed chat */
    uint64_t sum;                    /* cp_sum64 of the bytes hashed (reread.h) */
    cp_asm_source source;            /* CP_EX_PDF: what its file must still be once
                                      * qpdf has read it (assemble.h) */
    cp_date date;
    int first_page, n_pages;         /* 0-based first page in the whole PDF */
    cp_image image;                  /* CP_EX_IMAGE: probed */
    int image_index;                 /* into the plan's images */
    cp_image *page_images;           /* CP_EX_IMAGE of several pages (a TIFF scan): each
                                      * page's probe, the plan's images image_index,
                                      * image_index + 1 ...; owned. NULL for one page */
    int n_pictures;                  /* CP_EX_IMAGE: its pages (plan images), 1 or more */
    cp_pdfdoc *pdf;                  /* CP_EX_PDF: the evidence check's document
                                      * (file->pdf), else own_pdf */
    cp_pdfdoc *own_pdf;              /* a PDF opened by cp_pack_load itself; owned */
    cp_outline *outline;             /* CP_EX_PDF: its own bookmarks */
    size_t n_outline;
    const cp_mail *mail;             /* CP_EX_MAIL: the evidence check's reading
                                      * (file->mail), else own_mail */
    cp_mail *own_mail;               /* an e-mail read by cp_pack_load itself; owned */
    const char *text;                /* CP_EX_TEXT: the evidence check's reading
                                      * (file->text), else own_text */
    char *own_text;                  /* a text read by cp_pack_load itself; owned */
    const cp_chat *chat;             /* CP_EX_EXPORT: the evidence check's reading
                                      * (file->chat), else own_chat */
    cp_chat *own_chat;               /* a chat read by cp_pack_load itself; owned */
    int first_image;                 /* CP_EX_EXPORT: its pictures are the plan's images
                                      * first_image, first_image + 1 ... */
    char *note;                      /* shown in the index under the checksum (a picture
                                      * reduced for --max-size); NULL when none */
} cp_exhibit;

/* What a page of the layout needs from the assembler beyond its typeset
 * content. Pages without an entry (the letter, the index, typeset text) are
 * CP_ASM_GENERATED. */
typedef struct cp_pack {
    cp_exhibit *items;
    size_t n;
    cp_asm_image *images;            /* one per picture exhibit */
    size_t n_images;
    cp_asm_page *roles;              /* one per layout page, after cp_pack_layout */
    size_t n_roles;
    cp_asm_place *places;            /* pictures among typeset text (chats) */
    size_t n_places, cap_places;
    cp_asm_link *links;
    size_t n_links, cap_links;
} cp_pack;

int cp_pack_load(cp_pack **out, const cp_claim *claim, cp_diags *diags);
/* The exhibits, labelled and titled as cp_pack_load makes them, with
 * nothing read (for the letter as text). Freed with cp_pack_free. */
cp_pack *cp_pack_list(const cp_claim *claim);
void cp_pack_free(cp_pack *p);

typedef struct cp_pack_opts {
    const cp_claim *claim;
    const cp_l10n *l10n;
    double paper_w, paper_h;         /* portrait size of the paper */
    const char *stamp;               /* --stamp PREFIX, or NULL */
    bool print;                      /* --print: every part on a right-hand page */
    bool keep_metadata;              /* --keep-metadata: JPEG metadata embedded as it is */
    int letter_first, letter_pages;  /* where the letter is (for links into it) */
    /* build --split (split.h), n_parts > 1: the first page of each part;
     * each exhibit's part (1, 2 ...) and first page in it, from the layout
     * before (build.c lays out until they stop moving) */
    const int *part_first;
    int n_parts;
    const int *ex_part, *ex_page;
} cp_pack_opts;

/* Append the index and every exhibit to L; fill each exhibit's first_page
 * and n_pages, the roles of all pages and the links. Call once per layout
 * (a new layout resets what the pack recorded). */
int cp_pack_layout(cp_pack *p, cp_layout *L, const cp_pack_opts *o, cp_diags *diags);

/* Footers on every page the pack made: "page n of m", the exhibit label,
 * and the --stamp sequence (which the letter's pages get too); split into
 * parts, "part k of n" on every page, the letter's too, and the pages
 * counted within the part. */
void cp_pack_footers(cp_pack *p, cp_layout *L, const cp_pack_opts *o, int index_first);

#endif
