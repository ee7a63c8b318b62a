/* tests/failio.c: an LD_PRELOAD shim that makes output fail, for
 * tests/output-failure.test. Built by the test with $CC -shared -fPIC.
 *
 * Environment:
 *   FAILIO_MATCH  fnmatch(3) pattern; a file whose base name matches it (its
 *                 whole path when the pattern holds a '/') is a target
 *   FAILIO_OPS    comma-separated operations to fail on targets: open, write
 *                 (write, pwrite, writev, copy_file_range, fwrite, fputs,
 *                 fprintf, fflush),
 *                 fsync (fsync, fdatasync), close (close, fclose), rename,
 *                 link, copy_file_range (that alone). Default "write".
 *   FAILIO_ERRNO  ENOSPC (default), EIO, EDQUOT or EROFS
 *   FAILIO_LOG    a file to which every injected failure is appended as
 *                 "OP PATH", so a test can tell the failure was reached
 *
 * Descriptors opened on a target (open, openat, creat, mkstemp family,
 * fopen) are remembered; operations on them fail as configured. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <fnmatch.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/uio.h>
#include <unistd.h>

#undef fwrite_unlocked   /* a macro when optimizing */

#define MAX_FD 4096
static char tracked[MAX_FD];
static char *paths[MAX_FD];

#define REAL(name) \
    static __typeof__(name) *real_##name; \
    if (!real_##name) \
        real_##name = (__typeof__(name) *)dlsym(RTLD_NEXT, #name)

static int
fail_errno(void)
{
    const char *e = getenv("FAILIO_ERRNO");
    if (e && strcmp(e, "EIO") == 0)
        return EIO;
    if (e && strcmp(e, "EDQUOT") == 0)
        return EDQUOT;
    if (e && strcmp(e, "EROFS") == 0)
        return EROFS;
    return ENOSPC;
}

static int
op_enabled(const char *op)
{
    const char *ops = getenv("FAILIO_OPS");
    if (ops == NULL || *ops == '\0')
        ops = "write";
    size_t n = strlen(op);
    for (const char *p = ops; *p;) {
        size_t len = strcspn(p, ",");
        if (len == n && strncmp(p, op, n) == 0)
            return 1;
        p += len;
        if (*p == ',')
            p++;
    }
    return 0;
}

static int
path_matches(const char *path)
{
    const char *pat = getenv("FAILIO_MATCH");
    if (pat == NULL || *pat == '\0' || path == NULL)
        return 0;
    if (strchr(pat, '/'))
        return fnmatch(pat, path, 0) == 0;
    const char *base = strrchr(path, '/');
    return fnmatch(pat, base ? base + 1 : path, 0) == 0;
}

static void
log_failure(const char *op, const char *path)
{
    const char *log = getenv("FAILIO_LOG");
    if (log == NULL || *log == '\0')
        return;
    REAL(open);
    REAL(write);
    REAL(close);
    int fd = real_open(log, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0)
        return;
    char line[4096];
    int n = snprintf(line, sizeof line, "%s %s\n", op, path ? path : "?");
    if (n > 0)
        (void)!real_write(fd, line, (size_t)n < sizeof line ? (size_t)n : sizeof line - 1);
    real_close(fd);
}

/* True (errno set, failure logged) when `op` on descriptor fd must fail. */
static int
fd_fails(int fd, const char *op)
{
    if (fd < 0 || fd >= MAX_FD || !tracked[fd] || !op_enabled(op))
        return 0;
    log_failure(op, paths[fd]);
    errno = fail_errno();
    return 1;
}

static int
path_fails(const char *path, const char *op)
{
    if (!op_enabled(op) || !path_matches(path))
        return 0;
    log_failure(op, path);
    errno = fail_errno();
    return 1;
}

static void
track(int fd, const char *path)
{
    if (fd < 0 || fd >= MAX_FD || !path_matches(path))
        return;
    tracked[fd] = 1;
    free(paths[fd]);
    paths[fd] = strdup(path);
}

static void
untrack(int fd)
{
    if (fd < 0 || fd >= MAX_FD)
        return;
    tracked[fd] = 0;
    free(paths[fd]);
    paths[fd] = NULL;
}

static int
file_fails(FILE *fp, const char *op)
{
    return fp && fd_fails(fileno(fp), op);
}

/* --- opening ----------------------------------------------------------- */

static mode_t
mode_arg(int flags, va_list ap)
{
    return (flags & O_CREAT) || (flags & O_TMPFILE) == O_TMPFILE ? (mode_t)va_arg(ap, int) : 0;
}

int
open(const char *path, int flags, ...)
{
    REAL(open);
    va_list ap;
    va_start(ap, flags);
    mode_t mode = mode_arg(flags, ap);
    va_end(ap);
    if ((flags & O_ACCMODE) != O_RDONLY && path_fails(path, "open"))
        return -1;
    int fd = real_open(path, flags, mode);
    track(fd, path);
    return fd;
}

int
open64(const char *path, int flags, ...)
{
    REAL(open64);
    va_list ap;
    va_start(ap, flags);
    mode_t mode = mode_arg(flags, ap);
    va_end(ap);
    if ((flags & O_ACCMODE) != O_RDONLY && path_fails(path, "open"))
        return -1;
    int fd = real_open64(path, flags, mode);
    track(fd, path);
    return fd;
}

int
openat(int dirfd, const char *path, int flags, ...)
{
    REAL(openat);
    va_list ap;
    va_start(ap, flags);
    mode_t mode = mode_arg(flags, ap);
    va_end(ap);
    if ((flags & O_ACCMODE) != O_RDONLY && path_fails(path, "open"))
        return -1;
    int fd = real_openat(dirfd, path, flags, mode);
    track(fd, path);
    return fd;
}

int
openat64(int dirfd, const char *path, int flags, ...)
{
    REAL(openat64);
    va_list ap;
    va_start(ap, flags);
    mode_t mode = mode_arg(flags, ap);
    va_end(ap);
    if ((flags & O_ACCMODE) != O_RDONLY && path_fails(path, "open"))
        return -1;
    int fd = real_openat64(dirfd, path, flags, mode);
    track(fd, path);
    return fd;
}

int
creat(const char *path, mode_t mode)
{
    return open(path, O_WRONLY | O_CREAT | O_TRUNC, mode);
}

/* mkstemp and friends open through glibc's internal open: wrap them. */
#define WRAP_MKSTEMP(name, params, args) \
    int name params \
    { \
        REAL(name); \
        if (path_fails(tmpl, "open")) \
            return -1; \
        int fd = real_##name args; \
        track(fd, tmpl); \
        return fd; \
    }
WRAP_MKSTEMP(mkstemp, (char *tmpl), (tmpl))
WRAP_MKSTEMP(mkstemp64, (char *tmpl), (tmpl))
WRAP_MKSTEMP(mkostemp, (char *tmpl, int flags), (tmpl, flags))
WRAP_MKSTEMP(mkstemps, (char *tmpl, int suffixlen), (tmpl, suffixlen))
WRAP_MKSTEMP(mkostemps, (char *tmpl, int suffixlen, int flags), (tmpl, suffixlen, flags))

static int
mode_writes(const char *mode)
{
    return strpbrk(mode, "wa+") != NULL;
}

FILE *
fopen(const char *path, const char *mode)
{
    REAL(fopen);
    if (mode_writes(mode) && path_fails(path, "open"))
        return NULL;
    FILE *fp = real_fopen(path, mode);
    if (fp)
        track(fileno(fp), path);
    return fp;
}

FILE *
fopen64(const char *path, const char *mode)
{
    REAL(fopen64);
    if (mode_writes(mode) && path_fails(path, "open"))
        return NULL;
    FILE *fp = real_fopen64(path, mode);
    if (fp)
        track(fileno(fp), path);
    return fp;
}

/* --- writing ----------------------------------------------------------- */

ssize_t
write(int fd, const void *buf, size_t n)
{
    REAL(write);
    if (fd_fails(fd, "write"))
        return -1;
    return real_write(fd, buf, n);
}

ssize_t
pwrite(int fd, const void *buf, size_t n, off_t off)
{
    REAL(pwrite);
    if (fd_fails(fd, "write"))
        return -1;
    return real_pwrite(fd, buf, n, off);
}

ssize_t
pwrite64(int fd, const void *buf, size_t n, off64_t off)
{
    REAL(pwrite64);
    if (fd_fails(fd, "write"))
        return -1;
    return real_pwrite64(fd, buf, n, off);
}

/* The pictures go into the output this way (imagestore.c). */
ssize_t
copy_file_range(int in, off64_t *in_off, int out, off64_t *out_off, size_t n, unsigned flags)
{
    REAL(copy_file_range);
    if (fd_fails(out, "copy_file_range") || fd_fails(out, "write"))
        return -1;
    return real_copy_file_range(in, in_off, out, out_off, n, flags);
}

ssize_t
writev(int fd, const struct iovec *iov, int n)
{
    REAL(writev);
    if (fd_fails(fd, "write"))
        return -1;
    return real_writev(fd, iov, n);
}

/* stdio writes through glibc's internal write: fail at the FILE level. */
size_t
fwrite(const void *p, size_t size, size_t n, FILE *fp)
{
    REAL(fwrite);
    if (size && n && file_fails(fp, "write"))
        return 0;
    return real_fwrite(p, size, n, fp);
}

size_t
fwrite_unlocked(const void *p, size_t size, size_t n, FILE *fp)
{
    REAL(fwrite_unlocked);
    if (size && n && file_fails(fp, "write"))
        return 0;
    return real_fwrite_unlocked(p, size, n, fp);
}

int
fputs(const char *s, FILE *fp)
{
    REAL(fputs);
    if (*s && file_fails(fp, "write"))
        return EOF;
    return real_fputs(s, fp);
}

int
vfprintf(FILE *fp, const char *fmt, va_list ap)
{
    REAL(vfprintf);
    if (file_fails(fp, "write"))
        return -1;
    return real_vfprintf(fp, fmt, ap);
}

int
fprintf(FILE *fp, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int r = vfprintf(fp, fmt, ap);
    va_end(ap);
    return r;
}

int __vfprintf_chk(FILE *fp, int flag, const char *fmt, va_list ap);
int
__vfprintf_chk(FILE *fp, int flag, const char *fmt, va_list ap)
{
    (void)flag;
    return vfprintf(fp, fmt, ap);
}

int __fprintf_chk(FILE *fp, int flag, const char *fmt, ...);
int
__fprintf_chk(FILE *fp, int flag, const char *fmt, ...)
{
    (void)flag;
    va_list ap;
    va_start(ap, fmt);
    int r = vfprintf(fp, fmt, ap);
    va_end(ap);
    return r;
}

int
fflush(FILE *fp)
{
    REAL(fflush);
    if (file_fails(fp, "write"))
        return EOF;
    return real_fflush(fp);
}

int
fsync(int fd)
{
    REAL(fsync);
    if (fd_fails(fd, "fsync"))
        return -1;
    return real_fsync(fd);
}

int
fdatasync(int fd)
{
    REAL(fdatasync);
    if (fd_fails(fd, "fsync"))
        return -1;
    return real_fdatasync(fd);
}

/* --- closing, renaming, linking ------------------------------------------ */

int
close(int fd)
{
    REAL(close);
    int fails = fd_fails(fd, "close");
    int saved = errno;
    untrack(fd);
    int r = real_close(fd);
    if (fails) {
        errno = saved;
        return -1;
    }
    return r;
}

int
fclose(FILE *fp)
{
    REAL(fclose);
    int fd = fp ? fileno(fp) : -1;
    int fails = fd_fails(fd, "close");
    int saved = errno;
    untrack(fd);
    int r = real_fclose(fp);
    if (fails) {
        errno = saved;
        return EOF;
    }
    return r;
}

int
rename(const char *from, const char *to)
{
    REAL(rename);
    if (path_fails(to, "rename") || path_fails(from, "rename"))
        return -1;
    return real_rename(from, to);
}

int
renameat(int fromfd, const char *from, int tofd, const char *to)
{
    REAL(renameat);
    if (path_fails(to, "rename") || path_fails(from, "rename"))
        return -1;
    return real_renameat(fromfd, from, tofd, to);
}

int
link(const char *from, const char *to)
{
    REAL(link);
    if (path_fails(to, "link") || path_fails(from, "link"))
        return -1;
    return real_link(from, to);
}

int
linkat(int fromfd, const char *from, int tofd, const char *to, int flags)
{
    REAL(linkat);
    if (path_fails(to, "link") || path_fails(from, "link"))
        return -1;
    return real_linkat(fromfd, from, tofd, to, flags);
}
