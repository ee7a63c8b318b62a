/* Small helpers shared by every stage. Allocation failure is handled here,
 * once: the x* functions print a message and exit(4) instead of returning
 * NULL. */
#ifndef CP_UTIL_H
#define CP_UTIL_H

#include <stddef.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include "claimpack/diag.h"

void *xmalloc(size_t n);
/* What the x* functions do when n bytes cannot be had (for a library that
 * allocates itself and says it failed). */
void cp_out_of_memory(size_t n) __attribute__((noreturn));
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
/* xreallocarray: p resized to n * size, overflow-checked. */
void *xreallocarray(void *p, size_t n, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
char *xasprintf(const char *fmt, ...) CP_PRINTF(1, 2);
char *xvasprintf(const char *fmt, va_list ap);

/* A growable byte buffer, always NUL-terminated. Owns data. */
typedef struct cp_buf {
    char *data;
    size_t len, cap;
} cp_buf;
#define CP_BUF_INIT { NULL, 0, 0 }
void cp_buf_add(cp_buf *b, const void *p, size_t n);
void cp_buf_puts(cp_buf *b, const char *s);
void cp_buf_putc(cp_buf *b, char c);
void cp_buf_printf(cp_buf *b, const char *fmt, ...) CP_PRINTF(2, 3);
/* Give the data away (caller frees); the buffer is left empty. */
char *cp_buf_detach(cp_buf *b);
void cp_buf_free(cp_buf *b);

/* Read a whole file, at most `limit` bytes (else fails with errno EFBIG).
 * On success *out is malloc'd, NUL-terminated (not counted in *len). 0 or -1
 * with errno set. */
int cp_read_file(char **out, size_t *len, const char *path, size_t limit);
/* The same, with the opened file's status (fstat) before and after the
 * reading in *before and *after: the bytes read are those of a file that
 * was the same before and after (imagestore.c compares both with the
 * evidence check's cp_file_stamp). */
struct stat;
int cp_read_file_stat(char **out, size_t *len, const char *path, size_t limit,
                      struct stat *before, struct stat *after);

/* The SHA-256 of n bytes as 64 lower-case hex digits and a NUL. */
void cp_sha256_hex(char out[65], const void *p, size_t n);
/* The same for a digest already computed (32 bytes). */
void cp_sha256_digest_hex(char out[65], const unsigned char d[32]);

/* "dir/rel" unless rel is absolute; newly allocated. */
char *cp_path_join(const char *dir, const char *rel);
/* The directory part of path ("." when none); newly allocated. */
char *cp_path_dir(const char *path);
/* The last component of path (points into path). */
const char *cp_path_base(const char *path);
/* path with glob(3)'s special characters escaped, so that a folder named
 * "claims [2026]" is taken literally in a pattern; newly allocated. */
char *cp_glob_escape(const char *path);

/* Trim leading/trailing ASCII white space in place; returns s. */
char *cp_trim(char *s);
bool cp_streq(const char *a, const char *b);   /* NULL-safe */
/* The placeholder filler: tmpl with each "{name}" whose name is one of the
 * n keys of pairs (key, value, key, value ...) replaced by its value (NULL:
 * nothing); the first key of a name wins, any other brace stays as
 * written. Newly allocated. */
char *cp_fill(const char *tmpl, const char *const *pairs, size_t n);
/* The same from NULL-terminated key, value arguments (16 pairs at most). */
char *cp_fill_v(const char *tmpl, va_list ap);

/* The UTF-8 decoder. Decode one sequence at s (len >= 1 bytes left); *cp
 * gets the code point, or 0xFFFD for a bad byte (an overlong form, a
 * surrogate, past U+10FFFF, cut short), which then consumes 1. Returns the
 * bytes consumed (>= 1). */
size_t cp_utf8_next(const char *s, size_t len, uint32_t *cp);
/* How many of the n bytes at s are valid UTF-8, up to the first bad one. */
size_t cp_utf8_valid_prefix(const char *s, size_t n);
/* True when s is valid UTF-8 (n bytes). */
bool cp_utf8_valid(const char *s, size_t n);

#define CP_ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

#endif
