/* dynlib.h: a library opened with dlopen on first use instead of linked.
 *
 * A linked library is loaded, relocated and initialised at every start,
 * with everything it brings (qpdf: GnuTLS and its crypto; libzip: OpenSSL's
 * libcrypto), though most runs call none of it: build --text reads no
 * evidence and writes no PDF. The file that owns such a library (src/README.md,
 * "Who owns which library") keeps a table of the functions it calls, each
 * typed from the library's own header, and calls them through it once
 * cp_dl_open has filled it:
 *
 *     #define TIFF_FNS(X) X(TIFFClose) X(TIFFClientOpen) ...
 *     static struct { TIFF_FNS(CP_DL_SLOT) } tf;
 *     #define TF_FN(f) CP_DL_FN(tf, f),
 *     static const cp_dl_fn tf_fns[] = { TIFF_FNS(TF_FN) };
 *     ... cp_dl_open("libtiff.so.6", tf_fns, CP_ARRAY_LEN(tf_fns)) ...
 *     tf.TIFFClose(t);
 *
 * configure still checks every such library (its headers and pkg-config
 * file), and sanitizer builds link them (Makefile.am says why). */
#ifndef CP_DYNLIB_H
#define CP_DYNLIB_H

#include <stddef.h>

typedef struct cp_dl_fn {
    const char *name;        /* the library's symbol */
    void **slot;             /* where its address goes */
} cp_dl_fn;

/* A table member for the library's function f, of f's own type. */
#define CP_DL_SLOT(f) __typeof__(f) *f;
/* The entry of cp_dl_open's list that fills table.f. */
#define CP_DL_FN(table, f) { #f, (void **)&(table).f }

/* Opens library `soname` and fills every slot of fns[0 .. n-1]. NULL, or
 * why it cannot be used (dlerror's sentence, newly allocated; the slots are
 * then not to be used). Not thread-safe: callers open once, with
 * pthread_once where threads may race to it. */
char *cp_dl_open(const char *soname, const cp_dl_fn *fns, size_t n);

#endif
