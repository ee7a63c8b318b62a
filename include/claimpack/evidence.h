/* Evidence files: glob expansion and checking before anything is built.
 *
 * The check fills document->files (owned by the claim, freed by
 * cp_claim_free) and never hands a file to a third-party library before its
 * bytes have been sniffed and checked here.
 */
#ifndef CLAIMPACK_EVIDENCE_H
#define CLAIMPACK_EVIDENCE_H

#include <stdbool.h>
#include "claimpack/claim.h"

/* Expand every document's @file (sorted by name, relative to the claim's
 * directory) and check each file: exists, readable, not empty, its content
 * is a format its kind accepts (every kind: JPEG, PNG or PDF; correspondence
 * also e-mail or UTF-8 text), and it decodes. Each problem is one CP_INPUT error at the document's line in the
 * claim, naming the file. Returns 0 when every file is fine, else -1. */
int cp_evidence_check(cp_claim *c, cp_diags *diags);

/* At most this many evidence files in one claim (all documents and glob
 * matches together); more is one CP_INPUT error and no file is checked. */
#define CP_EVIDENCE_MAX_FILES 1000

/* The same; with `fast`, pictures are checked by their structure only
 * (JPEG markers, PNG chunks and checksums) without decoding every pixel:
 * what `build` does, so that forty photos cost milliseconds, not seconds.
 * `check` decodes everything. */
int cp_evidence_check_opt(cp_claim *c, bool fast, cp_diags *diags);

/* Whether st (a stat or fstat) is the file f was when the check found it:
 * the same file, size, modification and change time. */
struct stat;
bool cp_evidence_file_is(const cp_evidence_file *f, const struct stat *st);
/* The same for a stamp (cp_evidence_file.stamp). */
bool cp_file_stamp_is(const struct cp_file_stamp *s, const struct stat *st);

/* Free the files cp_evidence_check found for a document (d->files) and
 * leave it with none. */
void cp_evidence_files_free(cp_document *d);

/* Sniff a buffer's format from its first bytes (and, for text, all of it). */
enum cp_format cp_format_sniff(const unsigned char *buf, size_t len);
const char *cp_format_name(enum cp_format f);

#endif
