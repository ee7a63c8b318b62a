/* tests/samestamp.c: an LD_PRELOAD shim that changes an evidence file's
 * bytes without changing what stat(2) says of it, for tests/reread.test.
 * It stands in for what a stamp (size, modification and change time) does
 * not see: a rewrite within one tick of the file system's clock, or a file
 * on a network share whose attributes the client caches. Built by the test
 * with $CC -shared -fPIC.
 *
 * Environment:
 *   SAMESTAMP_MATCH   fnmatch(3) pattern for a file's base name: a target
 *   SAMESTAMP_AT      at the N-th opening of a target (open, openat, fopen;
 *                     1 is the first), before the caller gets it, the byte
 *                     at SAMESTAMP_OFFSET is changed in place (its bits
 *                     inverted); 0 or unset: never
 *   SAMESTAMP_OFFSET  that byte's offset in the file
 *   SAMESTAMP_LOG     a file to which each opening of a target is appended
 *                     as "open N PATH", and the change as "changed N PATH"
 *
 * stat, lstat, fstat and fstatat report every target with the modification
 * and change times its first stat gave, so the change keeps its stamp. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <fcntl.h>
#include <fnmatch.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#define REAL(name) \
    static __typeof__(name) *real_##name; \
    if (!real_##name) \
        real_##name = (__typeof__(name) *)dlsym(RTLD_NEXT, #name)

static int opened;      /* openings of targets so far */

/* The first times seen, per target file (by device and inode). */
#define MAX_FROZEN 64
static struct frozen {
    dev_t dev;
    ino_t ino;
    struct timespec mtim, ctim;
} frozen[MAX_FROZEN];
static int n_frozen;

static int
is_target(const char *path)
{
    const char *pat = getenv("SAMESTAMP_MATCH");
    if (pat == NULL || *pat == '\0' || path == NULL)
        return 0;
    const char *base = strrchr(path, '/');
    return fnmatch(pat, base ? base + 1 : path, 0) == 0;
}

static int
fd_is_target(int fd)
{
    char link[64], path[4096];
    snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
    ssize_t n = readlink(link, path, sizeof path - 1);
    if (n <= 0)
        return 0;
    path[n] = '\0';
    return is_target(path);
}

static void
log_line(const char *what, int n, const char *path)
{
    const char *log = getenv("SAMESTAMP_LOG");
    if (log == NULL || *log == '\0')
        return;
    REAL(open);
    int fd = real_open(log, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0)
        return;
    char line[4200];
    int len = snprintf(line, sizeof line, "%s %d %s\n", what, n, path);
    if (len > 0)
        (void)!write(fd, line, (size_t)len < sizeof line ? (size_t)len : sizeof line - 1);
    close(fd);
}

/* The stat of a target as its first one was. */
static void
freeze(struct stat *st)
{
    for (int i = 0; i < n_frozen; i++)
        if (frozen[i].dev == st->st_dev && frozen[i].ino == st->st_ino) {
            st->st_mtim = frozen[i].mtim;
            st->st_ctim = frozen[i].ctim;
            return;
        }
    if (n_frozen < MAX_FROZEN)
        frozen[n_frozen++] = (struct frozen){ st->st_dev, st->st_ino, st->st_mtim, st->st_ctim };
}

/* Called before a target is opened: the change, at its opening. */
static void
opening(const char *path)
{
    if (!is_target(path))
        return;
    int n = ++opened;
    log_line("open", n, path);
    const char *at = getenv("SAMESTAMP_AT"), *off = getenv("SAMESTAMP_OFFSET");
    if (at == NULL || atoi(at) != n || off == NULL)
        return;
    /* Its times are frozen before they change. */
    struct stat st;
    if (stat(path, &st) < 0)
        return;
    REAL(open);
    int fd = real_open(path, O_RDWR | O_CLOEXEC);
    if (fd < 0)
        return;
    unsigned char b;
    off_t o = (off_t)atoll(off);
    if (pread(fd, &b, 1, o) == 1) {
        b = (unsigned char)~b;
        if (pwrite(fd, &b, 1, o) == 1)
            log_line("changed", n, path);
    }
    close(fd);
}

/* open's third argument, given when it creates a file; `flags` must be the
 * caller's last named parameter. */
#define MODE_ARG(flags, mode) \
    do { \
        if ((flags) & (O_CREAT | O_TMPFILE)) { \
            va_list ap_; \
            va_start(ap_, flags); \
            (mode) = (mode_t)va_arg(ap_, int); \
            va_end(ap_); \
        } \
    } while (0)

int
open(const char *path, int flags, ...)
{
    REAL(open);
    mode_t mode = 0;
    MODE_ARG(flags, mode);
    opening(path);
    return real_open(path, flags, mode);
}

int
open64(const char *path, int flags, ...)
{
    REAL(open64);
    mode_t mode = 0;
    MODE_ARG(flags, mode);
    opening(path);
    return real_open64(path, flags, mode);
}

int
openat(int dirfd, const char *path, int flags, ...)
{
    REAL(openat);
    mode_t mode = 0;
    MODE_ARG(flags, mode);
    opening(path);
    return real_openat(dirfd, path, flags, mode);
}

FILE *
fopen(const char *path, const char *how)
{
    REAL(fopen);
    opening(path);
    return real_fopen(path, how);
}

FILE *
fopen64(const char *path, const char *how)
{
    REAL(fopen64);
    opening(path);
    return real_fopen64(path, how);
}

int
stat(const char *path, struct stat *st)
{
    REAL(stat);
    int rc = real_stat(path, st);
    if (rc == 0 && is_target(path))
        freeze(st);
    return rc;
}

int
lstat(const char *path, struct stat *st)
{
    REAL(lstat);
    int rc = real_lstat(path, st);
    if (rc == 0 && is_target(path))
        freeze(st);
    return rc;
}

int
fstat(int fd, struct stat *st)
{
    REAL(fstat);
    int rc = real_fstat(fd, st);
    if (rc == 0 && fd_is_target(fd))
        freeze(st);
    return rc;
}

int
fstatat(int dirfd, const char *path, struct stat *st, int flags)
{
    REAL(fstatat);
    int rc = real_fstatat(dirfd, path, st, flags);
    if (rc == 0 && is_target(path))
        freeze(st);
    return rc;
}
