/* mail.h: e-mail (.eml, RFC 5322 + MIME via GMime; Outlook .msg via libgsf) and plain-text
 * correspondence, read into a simple model for typesetting.
 *
 * A cp_mail owns every string in it and its nested messages; cp_mail_free
 * releases it (NULL is fine). Strings returned through `out` belong to the
 * caller (free()).
 */
#ifndef CP_MAIL_H
#define CP_MAIL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "claimpack/diag.h"

/* Limits: larger files and longer text are refused (exit 3). */
#define CP_MAIL_MAX_FILE  (50u * 1024 * 1024)
#define CP_MAIL_MAX_TEXT  (4u * 1024 * 1024)
#define CP_MAIL_MAX_DEPTH 8     /* message/rfc822 inside message/rfc822 ... */

typedef struct cp_mail {
    char *from, *to, *cc, *date, *subject;   /* decoded to UTF-8; NULL if absent */
    char *url;                               /* a web page saved as MHTML: its address
                                                (subject: its title, from: NULL);
                                                NULL for an e-mail */
    char *body;                              /* readable UTF-8 text, "\n" lines, never NULL */
    char **attachments;                      /* file names, UTF-8 (the MIME type when unnamed) */
    size_t n_attachments;
    bool outlook;                            /* read from an Outlook .msg */
    struct cp_mail **messages;               /* attached or forwarded messages
                                                (message/rfc822), in order */
    size_t n_messages;
    uint64_t sum;                            /* cp_sum64 of the file's bytes as read
                                                (reread.h): what the pack's hash must
                                                be of; 0 in an attached message */
} cp_mail;

/* Read an RFC 5322 message, or a web page a browser saved as MHTML (a
 * multipart/related message with a Snapshot-Content-Location header or
 * "From: <Saved by ...>": url set, its HTML part the body; one without an
 * HTML part is refused). CP_INPUT diagnostics naming `display`. 0 or -1. */
int cp_mail_read(cp_mail **out, const char *path, const char *display, cp_diags *diags);
void cp_mail_free(cp_mail *m);

/* Outlook .msg (outlook.c, through libgsf): true when the bytes are an
 * OLE2 compound file holding MAPI message properties (the whole file);
 * read into the same model: sender, recipients, subject, date, the plain,
 * else HTML, else RTF body as text, attachments by name. cp_mail_sniff and
 * cp_mail_read hand such files over. CP_INPUT errors naming `display`. */
bool cp_outlook_sniff(const unsigned char *buf, size_t len);
int cp_outlook_read(cp_mail **out, const unsigned char *data, size_t len, const char *display,
                    cp_diags *diags);
/* A compressed RTF body ([MS-OXRTFCP], the PR_RTF_COMPRESSED property) as
 * text, or NULL when it is damaged (for the tests: outlook.c uses it for
 * messages that have no other body). */
char *cp_outlook_rtf_text(const unsigned char *data, size_t len);

/* True when the bytes look like an RFC 5322 message (or an Outlook .msg): the first non-empty
 * lines (after an optional mbox "From " line) are header fields, and a
 * well-known one (From, To, Subject, Date, Received, Message-ID,
 * MIME-Version, Return-Path) is among them. `buf` may be a prefix. */
int cp_mail_sniff(const unsigned char *buf, size_t len);

/* True when the bytes are UTF-8 text: valid, with at most one NUL byte in
 * a hundred (cp_text_read shows those as U+FFFD). `buf` may be a prefix. */
int cp_text_sniff(const unsigned char *buf, size_t len);

/* Read plain-text correspondence: UTF-8 (a BOM is dropped; UTF-16 with a
 * BOM is converted), line endings made "\n", trailing white space removed,
 * NUL bytes shown as U+FFFD with a warning; *sum (when not NULL) the
 * cp_sum64 of the file's bytes as read (reread.h).
 * Not text or not UTF-8 is a CP_INPUT error naming `display`. 0 or -1. */
int cp_text_read(char **out, uint64_t *sum, const char *path, const char *display,
                 cp_diags *diags);

/* A message to write: one text part and one PDF attached. */
typedef struct cp_mail_msg {
    const char *target;               /* the file it goes to, for messages; NULL = stdout */
    const char *from_name, *from_addr;
    const char *to_name, *to_addr;    /* addresses checked by cp_mail_address_ok */
    const char *subject;
    const char *body;                 /* UTF-8 text */
    const char *attachment_name;
    const unsigned char *attachment;
    size_t attachment_len;
    long long date;                   /* seconds since 1970, UTC */
    const char *message_id;           /* without the angle brackets */
    const char *boundary;             /* the multipart's boundary */
} cp_mail_msg;

/* An address GMime and a mail program take as it is: ASCII, one '@', a
 * dot in the domain, no white space, quotes, brackets, commas or
 * semicolons (so no second address and no header can come with it). */
bool cp_mail_address_ok(const char *s);

/* The RFC 5322 message of m into *out (malloc'd, *len bytes; lines end in
 * CRLF): From, To, Subject (RFC 2047 when not ASCII; CR, LF and other
 * control characters in names and the subject become spaces, so no header
 * can be added through them), Date, Message-ID, MIME-Version, then a
 * multipart/mixed of the text (quoted-printable UTF-8) and the PDF
 * (base64). Nothing random: the same m gives the same bytes. CP_OUTPUT
 * error naming m->target. 0 or -1. */
int cp_mail_write(char **out, size_t *len, const cp_mail_msg *m, cp_diags *diags);

/* HTML to readable text: blocks become lines, <li> a bullet, links keep
 * their URL in brackets when it differs from the text. `html` is valid
 * UTF-8 and html[len] is '\0' (it is parsed in place). Reading stops past
 * `max` bytes of text: the text returned begins with the first max bytes
 * of the whole and is longer than max exactly when the whole is. Memory
 * does not grow with nesting. Always returns a string (caller frees). */
char *cp_mail_html_to_text(const char *html, size_t len, size_t max);

#endif
