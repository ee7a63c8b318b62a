/* mail.h: e-mail (.eml, RFC 5322 + MIME via GMime) and plain-text
 * correspondence, read into a simple model for typesetting.
 *
 * A cp_mail owns every string in it; cp_mail_free releases it (NULL is fine).
 */
#ifndef CP_MAIL_H
#define CP_MAIL_H

#include <stddef.h>
#include "claimpack/diag.h"

typedef struct cp_mail {
    char *from, *to, *cc, *date, *subject;   /* decoded to UTF-8; NULL if absent */
    char *body;                              /* readable UTF-8 text */
    char **attachments;                      /* file names, UTF-8 */
    size_t n_attachments;
} cp_mail;

/* Read an RFC 5322 message. CP_INPUT diagnostics naming `display`. 0 or -1. */
int cp_mail_read(cp_mail **out, const char *path, const char *display, cp_diags *diags);
void cp_mail_free(cp_mail *m);

/* True when the bytes look like an RFC 5322 message (header fields first). */
int cp_mail_sniff(const unsigned char *buf, size_t len);

#endif
