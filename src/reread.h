/* reread.h: an evidence file read again, to be embedded (imagestore.c) or
 * reduced (downsample.c), held to what the check and the pack found, so
 * that the PDF holds the bytes the index hashes.
 *
 * A file of the evidence must have, before and after its reading, the
 * stamp the check took (device, inode, size, modification and change
 * time: cp_file_stamp), and its bytes the checksum the pack took in the
 * same pass as their SHA-256 (cp_sum64). The stamp alone does not tell a
 * rewrite within one tick of the file system's clock, a file on a network
 * share whose attributes are cached, or a change while the pack was
 * hashing; the checksum does. It is a checksum, not the SHA-256 again,
 * because the question is whether the file changed between two readings,
 * not whether someone forged it, and a second SHA-256 of every picture
 * would cost several times what the checksums do (bench/pack.sh measures
 * the build). A picture of a chat (a member of its .zip, or a file beside
 * it) has no stamp: its bytes are held to the SHA-256 its chat's reading
 * took.
 */
#ifndef CLAIMPACK_REREAD_H
#define CLAIMPACK_REREAD_H

#include <stddef.h>
#include <stdint.h>
#include <nettle/sha2.h>

#include "claimpack/claim.h"
#include "claimpack/diag.h"

struct stat;

/* CRC-32 in the high half, Adler-32 in the low (libdeflate's, which use
 * the processor's vector and carry-less multiply instructions), of the
 * bytes so far: start from CP_SUM64_INIT. */
#define CP_SUM64_INIT 1u
uint64_t cp_sum64(uint64_t sum, const void *p, size_t n);

/* What the bytes read again must be. */
typedef struct cp_reread_want {
    const struct cp_file_stamp *stamp;  /* the file as the check found it, or NULL */
    uint64_t sum;                       /* with stamp: cp_sum64 of the bytes the pack hashed */
    const char *sha256;                 /* without stamp: the bytes' SHA-256 (hex), or NULL
                                         * or "": not held to anything */
} cp_reread_want;

/* The bytes as they are read. */
typedef struct cp_reread {
    const cp_reread_want *want;
    uint64_t sum;
    struct sha256_ctx sha;
} cp_reread;

void cp_reread_begin(cp_reread *r, const cp_reread_want *want);
void cp_reread_add(cp_reread *r, const void *p, size_t n);
/* 0 when the bytes added are the ones wanted, read from a file that was,
 * before and after (fstat or stat; NULL when there is no stamp), the one
 * the check found; else one CP_INPUT error naming `display` and -1. */
int cp_reread_end(cp_reread *r, const struct stat *before, const struct stat *after,
                  const char *display, cp_diags *diags);

/* The refusal of a file that is no longer the one the check found (its
 * stamp differs), naming `display`: one CP_INPUT error. */
void cp_reread_say_replaced(const char *display, cp_diags *diags);

/* Whether two readings' cp_sum64 agree; if not, the error of a file
 * changed with its stamp kept, naming `display`, and -1. */
int cp_reread_sum_ok(uint64_t want, uint64_t got, const char *display, cp_diags *diags);

/* The same for n bytes read whole. */
int cp_reread_check(const cp_reread_want *want, const void *p, size_t n,
                    const struct stat *before, const struct stat *after, const char *display,
                    cp_diags *diags);

/* The same for the file at path, read here (a PDF that qpdf read as it
 * wrote, checked once the writing is done). */
int cp_reread_file(const cp_reread_want *want, const char *path, const char *display,
                   cp_diags *diags);

#endif
