/* The whole pipeline behind `claimpack build`, as one library call.
 *
 * cp_build reads the claim, applies the profile, evaluates the checklist,
 * checks the evidence, renders the letter (with opts->text: writes it as
 * text and stops there), lays out the pack, typesets the
 * pages and assembles the PDF (searching for the picture reduction that
 * fits opts->max_size when one is set). Every problem goes to diags; the
 * exit status is cp_diags_status(diags). Nothing is left at opts->output
 * when the build fails.
 *
 * cp_build_opts is meant to grow: initialise it with cp_build_opts_init()
 * (or CP_BUILD_OPTS_INIT) so that a field added later has its default,
 * and set only what you need.
 */
#ifndef CLAIMPACK_BUILD_H
#define CLAIMPACK_BUILD_H

#include <stdbool.h>
#include <stdio.h>
#include "claimpack/diag.h"

/* What the progress callback is told. */
enum cp_build_event {
    CP_BUILD_STEP,   /* a new stage begins ("typesetting"): transient */
    CP_BUILD_NOTE    /* a detail worth a line with --verbose */
};

typedef void cp_build_progress_fn(void *data, enum cp_build_event event, const char *text);

typedef struct cp_build_opts {
    const char *claim_path;      /* the claim file (required) */
    const char *output;          /* the PDF; "-" = standard output; NULL = CLAIM.pdf beside it */
    const char *template_name;   /* a built-in template's name or a file; NULL = by type */
    const char *stamp;           /* page-stamp prefix; NULL = none */
    int lang;                    /* an enum cp_lang, or -1 = the claim's */
    int paper;                   /* an enum cp_paper, or -1 = from the jurisdiction */
    long long max_size;          /* bytes; 0 = no limit */
    long long split_size;        /* --split: OUT-1.pdf ... OUT-n.pdf of at most this many
                                  * bytes each (OUT: output or the claim without its
                                  * extension); 0 = one PDF */
    bool print;                  /* for printing: postal addresses required, parts on right-hand pages */
    bool force;                  /* missing required items become warnings */
    bool keep_metadata;          /* pictures keep their EXIF, XMP, ICC ... segments */
    bool text;                   /* the letter as plain UTF-8 text instead of the PDF
                                  * (output NULL = CLAIM.txt); no evidence is read */
    size_t max_chars;            /* with text or channel: at most this many characters;
                                  * 0 = no limit */
    bool eml;                    /* an RFC 5322 message instead of the PDF (output NULL =
                                  * CLAIM.eml): the text as its body, the PDF attached */
    bool issuer_letter;          /* also the Fair Credit Billing Act notice to the card
                                  * issuer of a US billing claim: STEM-issuer.pdf (with
                                  * text: .txt), STEM = output or the claim without its
                                  * extension; both files are put in place together */
    const char *channel;         /* a channel's name (claimpack/channel.h): what it takes,
                                  * STEM.txt, STEM.pdf, STEM.eml, STEM = output or the claim
                                  * without its extension; its limits apply with
                                  * max_size and max_chars, the stricter winning */
    FILE *report;                /* with channel: the files and the steps are printed
                                  * here; NULL = not printed */
    cp_build_progress_fn *progress;  /* NULL = none */
    void *progress_data;
} cp_build_opts;

#define CP_BUILD_OPTS_INIT { .lang = -1, .paper = -1 }

/* The defaults: everything zero or NULL, but lang and paper -1. */
void cp_build_opts_init(cp_build_opts *opts);

/* Build the PDF. Returns 0 when it was written, -1 otherwise (diags says
 * why). Warnings may be added either way. */
int cp_build(const cp_build_opts *opts, cp_diags *diags);

#endif
