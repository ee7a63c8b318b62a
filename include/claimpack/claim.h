/* The claim file (claimpack-claim(5)) as a model.
 *
 * cp_claim_parse builds a cp_claim that owns every string and array in it;
 * cp_claim_free releases the whole tree (and accepts NULL). Strings are UTF-8
 * with surrounding white space trimmed; a field the file leaves out is NULL
 * (strings), 0-count (arrays) or an invalid date.
 */
#ifndef CLAIMPACK_CLAIM_H
#define CLAIMPACK_CLAIM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "claimpack/diag.h"
#include "claimpack/date.h"

/* Where an element or attribute stands in the claim file. */
typedef struct cp_loc { int line, col; } cp_loc;

enum cp_claim_type {
    CP_TYPE_DEFECTIVE, CP_TYPE_DAMAGED, CP_TYPE_WRONG_ITEM, CP_TYPE_NOT_RECEIVED,
    CP_TYPE_LATE_DELIVERY, CP_TYPE_BILLING, CP_TYPE_REFUND_MISSING, CP_TYPE_APPEAL,
    CP_TYPE_ESCALATION, CP_TYPE_REMINDER, CP_TYPE__COUNT
};

enum cp_lang { CP_LANG_EN, CP_LANG_NL, CP_LANG_FY, CP_LANG_ES, CP_LANG_DE, CP_LANG_FR, CP_LANG__COUNT };

enum cp_resolution_kind {
    CP_RES_REFUND, CP_RES_REPLACEMENT, CP_RES_REPAIR, CP_RES_COMPENSATION,
    CP_RES_PRICE_REDUCTION, CP_RES_OTHER, CP_RES__COUNT
};

enum cp_doc_kind {
    CP_DOC_PROOF_OF_PURCHASE, CP_DOC_PHOTO, CP_DOC_SCREENSHOT, CP_DOC_CORRESPONDENCE,
    CP_DOC_TECHNICAL_REPORT, CP_DOC_TRACKING, CP_DOC_OTHER, CP_DOC__COUNT
};

/* Names as written in the claim file ("wrong-item"); NULL / -1 when unknown. */
const char *cp_claim_type_name(enum cp_claim_type t);
int cp_claim_type_from_name(const char *s);
const char *cp_lang_name(enum cp_lang l);
int cp_lang_from_name(const char *s);
const char *cp_resolution_kind_name(enum cp_resolution_kind k);
int cp_resolution_kind_from_name(const char *s);
const char *cp_doc_kind_name(enum cp_doc_kind k);
int cp_doc_kind_from_name(const char *s);

/* A money amount: "349.00" -> minor = 34900, digits = 2. */
typedef struct cp_amount {
    bool present;
    long long minor;     /* value in 1/10^digits units */
    int digits;          /* decimals written in the file (0..3) */
    char currency[4];    /* ISO 4217, "" when not given */
} cp_amount;

typedef struct cp_party {
    char *name, *department, *address, *email, *phone;
    char *country;       /* @country (a recipient's, ISO 3166-1), NULL when absent */
    cp_loc loc;          /* the element; line 0 when absent */
} cp_party;

typedef struct cp_product {
    char *description;
    cp_amount price;
    int quantity;        /* default 1 */
    cp_loc loc;
} cp_product;

typedef struct cp_order {
    char *number;
    cp_date placed, expected, delivered;
    char *seller, *marketplace;
    char *seller_country; /* @seller-country: where the seller is established (ISO 3166-1) */
    cp_product *products;
    size_t n_products;
    char *tracking, *carrier;
    cp_loc loc, tracking_loc;
} cp_order;

typedef struct cp_text_item {      /* a <fact>, a history <event> or an <answer> */
    cp_date date;                  /* events only */
    char *text;
    size_t *cites;                 /* @evidence: the documents it names, as indices
                                    * into cp_claim.documents, in the order written */
    size_t n_cites;
    cp_loc loc;
} cp_text_item;

/* <card-issuer>: who issued the card the order was paid with, for the
 * Fair Credit Billing Act notice (claimpack build --issuer-letter). Only
 * the card's last four digits are ever held. */
typedef struct cp_card {
    bool present;
    cp_party issuer;     /* name and billing-inquiries address; issuer.loc is the element's */
    cp_date statement;   /* the first statement showing the charge */
    char *ending;        /* @card-ending: four digits, NULL when absent or invalid */
} cp_card;

typedef struct cp_problem {
    cp_date noticed;
    char *type;          /* @type: the problem an appeal or reminder is about, as a
                          * first letter's type ("defective"); NULL when absent */
    char *summary;
    cp_text_item *facts;
    size_t n_facts;
    cp_loc loc;
} cp_problem;

typedef struct cp_previous_claim {
    bool present;
    char *ref;
    cp_date date;
    char *outcome;       /* e.g. "rejected" */
    char *reason;        /* <reason>: what the rejection said; NULL when absent */
    cp_text_item *answers;   /* <answer>: why the decision is wrong */
    size_t n_answers;
    cp_loc loc;
} cp_previous_claim;

typedef struct cp_resolution {
    bool present;
    enum cp_resolution_kind kind;
    cp_amount amount;
    char *text;
    cp_loc loc;
} cp_resolution;

typedef struct cp_message {        /* one line of a typed-in chat */
    char *from;
    cp_datetime date;
    char *text;
    cp_loc loc;
} cp_message;

/* What an evidence file's bytes are (sniffed, never from the name). */
/* CP_FMT_PICTURE: HEIC, AVIF, WebP, GIF or TIFF, decoded to pixels (image.h). */
/* CP_FMT_CHAT: a chat export (WhatsApp's text or .zip, chat.h). */
enum cp_format { CP_FMT_UNKNOWN, CP_FMT_JPEG, CP_FMT_PNG, CP_FMT_PDF, CP_FMT_EMAIL, CP_FMT_TEXT,
                 CP_FMT_PICTURE, CP_FMT_CHAT };

enum cp_found { CP_FOUND_NONE, CP_FOUND_PICTURE, CP_FOUND_PDF, CP_FOUND_EMAIL, CP_FOUND_OUTLOOK,
                CP_FOUND_PAGE, CP_FOUND_TEXT, CP_FOUND_WHATSAPP, CP_FOUND_TELEGRAM };

typedef struct cp_evidence_file {
    char *path;          /* as resolved: claim dir + pattern match */
    char *display;       /* as the user would name it: relative to the claim dir */
    char *shown;         /* as the PDF names it: display, from the claim's folder; a file
                          * outside it by its base name only (evidence.c) */
    enum cp_format format;   /* set by cp_evidence_check */
    struct cp_image *image;  /* a picture's probe by cp_evidence_check (sizes, orientation),
                              * kept so that the pack does not walk the file again; owned */
    struct cp_chat *chat;    /* a chat export as cp_evidence_check read it (its messages,
                              * its pictures checked and hashed): what the pack lays out,
                              * so that it is read and decoded once; owned */
    struct cp_pdfdoc *pdf;   /* a PDF as cp_evidence_check opened it with qpdf: what the
                              * pack imports, so that qpdf reads it once; owned */
    struct cp_mail *mail;    /* an e-mail (Outlook message, saved page) as cp_evidence_check
                              * read it: what the pack lays out, parsed once; owned */
    char *text;              /* a text file as cp_evidence_check read it, likewise; owned */
    uint64_t read_sum;       /* of mail, text and a chat's text, the checksum of the bytes that
                              * reading read (src/reread.h): the pack's hash must be of
                              * them; 0 otherwise */
    struct cp_file_stamp {   /* the file as the check found it: the pack refuses to hash */
        unsigned long long dev, ino;    /* or embed another one (cp_evidence_file_is) */
        long long size, mtime_ns;
        long long ctime_ns;  /* set by every write and metadata change, and never
                              * back: a copy over the file that keeps its size and
                              * modification time still changes it */
    } stamp;
    /* What the check found in it, for `claimpack check`'s list (counts -1
     * when they do not apply): */
    enum cp_found found;
    int n_items;             /* a chat's messages, an e-mail's attachments, a PDF's or a
                              * TIFF scan's pages (-1 for a picture of one page) */
    int n_pictures;          /* a chat's pictures */
    int n_missing;           /* files a chat names that its export lacks */
    int width, height;       /* a picture's, upright */
    const char *picture;     /* a picture's format: "JPEG", "HEIC" ... (static) */
} cp_evidence_file;

typedef struct cp_document {
    enum cp_doc_kind kind;
    char *id;            /* @id, what facts and answers cite it by; NULL when absent */
    char *file;          /* @file as written (may be a glob); NULL for a transcript */
    char *title;         /* @title, else the element's text; may be NULL */
    cp_date date;        /* @date, optional */
    cp_message *messages;
    size_t n_messages;
    cp_evidence_file *files;   /* filled by cp_evidence_check: the glob's matches */
    size_t n_files;
    cp_loc loc;
} cp_document;

typedef struct cp_claim {
    char *path;          /* the claim file as given */
    char *dir;           /* its directory: base for relative paths */
    int version;
    enum cp_claim_type type;
    enum cp_lang lang;
    char *jurisdiction;  /* "EU", "UK", "US", or anything else; NULL if absent */
    cp_date date;        /* the letter's date: @date, else today */
    bool date_given;
    bool letter_before_claim; /* @letter-before-claim="yes": a UK reminder as the letter
                               * before claim (law.c checks where it may be) */
    cp_party claimant, recipient;
    cp_order order;
    cp_card card;
    cp_problem problem;
    cp_text_item *history;
    size_t n_history;
    cp_previous_claim previous;
    cp_resolution resolution;
    cp_document *documents;
    size_t n_documents;
    cp_loc evidence_loc; /* the <evidence> element; line 0 when absent */
    cp_loc loc;          /* the <claim> element */
    char **schema_missing;   /* "order.number", "claim.type": attributes and children the
                              * schema check reported missing or invalid, so that the
                              * checklist does not report them a second time */
    size_t n_schema_missing;
} cp_claim;

/* Parse and validate (well-formedness, the RELAX NG schema in the data
 * directory, then value checks: dates, amounts, enumerations). Every problem
 * is added to diags as "claim.xml:LINE:COL: error: ..." with CP_INVALID (or
 * CP_INPUT when the file cannot be read). On success *out holds the model; on
 * failure *out is NULL and -1 is returned. Never loads DTDs, entities or
 * anything from the network. */
int cp_claim_parse(cp_claim **out, const char *path, cp_diags *diags);

/* Same, but an invalid claim that is well-formed XML with a <claim> root
 * still yields its model (what could be read; the errors say what is
 * wrong), so that the checklist and the evidence check can run on it and
 * every problem is reported in one run. Returns -1 when the claim is
 * invalid; *out may then still hold a model, which the caller frees. */
int cp_claim_parse_all(cp_claim **out, const char *path, cp_diags *diags);

/* Same, from memory; `name` is what diagnostics call the file and `dir` the
 * base for relative paths. */
int cp_claim_parse_memory(cp_claim **out, const char *buf, size_t len,
                          const char *name, const char *dir, cp_diags *diags);

/* Fill claimant fields the claim leaves out from a profile file holding a
 * <claimant> element (claimpack(1), FILES). A missing profile is not an error. */
int cp_claim_apply_profile(cp_claim *c, const char *profile_path, cp_diags *diags);

/* The schema check reported this field ("order.number", "claim.type")
 * missing or invalid: the model's value for it is a stand-in. */
bool cp_claim_schema_said(const cp_claim *c, const char *field);

void cp_claim_free(cp_claim *c);

#endif
