/* output.h: writing the result without ever leaving half a file.
 *
 * Every file claimpack writes goes through a temporary file: created 0600
 * beside the target (in $TMPDIR for standard output, where it is removed
 * before its bytes are copied out), written, synced, given its final mode
 * and only then renamed (or linked) into place. While a temporary file
 * exists, SIGINT, SIGTERM, SIGHUP and SIGPIPE remove it and then end the
 * program by the same signal, and any exit (running out of memory too)
 * removes it. Messages name the target, never the temporary file.
 *
 * A cp_output is the caller's until cp_output_commit or cp_output_abort,
 * which both free it. The data handed to the write functions stays the
 * caller's.
 */
#ifndef CP_OUTPUT_H
#define CP_OUTPUT_H

#include <stddef.h>
#include "claimpack/diag.h"

typedef struct cp_output cp_output;

/* Start writing `path` ("-" = standard output): the temporary file is
 * created and registered. A directory (or a name ending in '/') and a
 * target that is not a regular file are refused. CP_OUTPUT error naming
 * path. 0 or -1. */
int cp_output_begin(cp_output **out, const char *path, cp_diags *diags);

/* The temporary file's name, to write into; it stays o's. */
const char *cp_output_temp(const cp_output *o);

/* The folder an output to path ("-" = standard output) has its temporary
 * file in: the target's, or $TMPDIR. For what is set aside beside it before
 * the output is begun (imagestore.c's scratch files). The caller frees it. */
char *cp_output_dir(const char *path);

/* Bytes [from, to) of a temporary file being written through fd start going
 * to disk, without waiting for them: the fsync before the rename
 * (cp_output_commit) then waits for what was written last, not for the
 * whole file. A hint only: where the system has no such call, or it
 * fails, the fsync does it all. */
void cp_output_writeback(int fd, long long from, long long to);

/* The target as messages name it: its path, or NULL for standard output. */
const char *cp_output_target(const cp_output *o);

/* The temporary file's size in bytes so far. */
long long cp_output_size(const cp_output *o);

/* Finish: fsync, the final mode (an existing target's own mode, else
 * 0666 less the umask), then rename over the target; for standard output
 * the bytes are copied there. On failure the temporary file is removed,
 * an existing target is untouched and a CP_OUTPUT error names the target.
 * o is freed either way. 0 or -1. */
int cp_output_commit(cp_output *o, cp_diags *diags);

/* Finish several outputs as one: each is synced and given its mode, then
 * all are renamed into place. When one rename fails, the targets already
 * renamed get their old contents back (an existing target is kept as a
 * second link until the end) or, when they were new, are removed: either
 * every target holds its new bytes or none does. A CP_OUTPUT error names
 * the target that failed. Standard output cannot be one of them. Every
 * v[i] is freed either way. 0 or -1. */
int cp_output_commit_all(cp_output **v, size_t n, cp_diags *diags);

/* Write `len` bytes into the temporary file (once, before commit). */
int cp_output_put(cp_output *o, const void *data, size_t len, cp_diags *diags);

/* Give up: the temporary file is removed and o freed. NULL is fine. */
void cp_output_abort(cp_output *o);

/* `len` bytes to `path` in one call: begin, write, commit. 0 or -1. */
int cp_output_write(const char *path, const void *data, size_t len, cp_diags *diags);

/* `len` bytes to a new file `path`, written as above but put in place with
 * link(2): an existing path is never replaced, since link fails on it
 * atomically. A CP_OUTPUT error names the path on failure. 0 or -1. */
int cp_output_write_new(const char *path, const void *data, size_t len, cp_diags *diags);

/* A scratch file for a library that reads only from a file (libharu's
 * font loader): $TMPDIR/PREFIX.XXXXXX, created 0600 and removed on a signal
 * or at exit like a temporary output; *fd is open for writing. *path is
 * the caller's, for cp_scratch_remove. CP_OUTPUT error. 0 or -1. */
int cp_scratch_create(char **path, int *fd, const char *prefix, cp_diags *diags);

/* Write all len bytes to fd, through short writes and EINTR. 0, or -1
 * with errno set. */
int cp_write_all(int fd, const void *data, size_t len);
/* A scratch file without a name, for what is too large to hold in memory
 * (imagestore.c's compressed pictures): created 0600 in dir ($TMPDIR when
 * NULL) with O_TMPFILE, or, where the file system lacks it, created and
 * removed at once, registered meanwhile like a temporary output. Nothing
 * is left of it whatever ends the program. Safe to call from any thread.
 * An open read-write descriptor, or -1 with errno set. */
int cp_scratch_unnamed(const char *dir);
/* Remove a scratch file, forget it, free path. NULL is fine. */
void cp_scratch_remove(char *path);

#endif
