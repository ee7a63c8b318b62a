/* output.c: atomic output through a temporary file (see output.h). */
#include "config.h"
#include "output.h"
#include "split.h"
#include "util.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

struct cp_output {
    char *path;                 /* the target; "-" for standard output */
    char *temp;
    int slot;                   /* in `pending` */
};

/* ---- temporary files removed on a signal or at exit ----
 *
 * The handler may run at any moment, so it reads only this table: each
 * slot is a name set before the file is created and cleared before the
 * name is freed. At most CP_SPLIT_MAX_PARTS parts and two more outputs
 * are written at once (build --for with --split, split.h), each with a
 * second link to the file it replaces while they are renamed
 * (cp_output_commit_all), or the output and, for init, a profile. */
#define PENDING_MAX (2 * (CP_SPLIT_MAX_PARTS + 2) + 4)
static const char *volatile pending[PENDING_MAX];
static const int caught[] = { SIGINT, SIGTERM, SIGHUP, SIGPIPE };

static void
remove_pending(void)
{
    for (int i = 0; i < PENDING_MAX; i++) {
        const char *p = pending[i];
        if (p != NULL) {
            pending[i] = NULL;
            unlink(p);
        }
    }
}

/* Remove the files, then die by the same signal, as if it had not been
 * caught: the parent (a shell, make) sees what happened. The signal is
 * blocked while this runs; it is delivered again, now with its default
 * action, as soon as the handler returns. */
static void
on_signal(int sig)
{
    int saved = errno;
    remove_pending();
    signal(sig, SIG_DFL);
    raise(sig);
    errno = saved;
}

/* Once per process: the handlers (a signal the caller ignores, as nohup
 * does with SIGHUP, stays ignored) and the exit hook. */
static void
install_handlers(void)
{
    for (size_t i = 0; i < CP_ARRAY_LEN(caught); i++) {
        struct sigaction old, sa;
        if (sigaction(caught[i], NULL, &old) == 0 && old.sa_handler == SIG_IGN)
            continue;
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = on_signal;
        sigemptyset(&sa.sa_mask);
        for (size_t j = 0; j < CP_ARRAY_LEN(caught); j++)
            sigaddset(&sa.sa_mask, caught[j]);
        sigaction(caught[i], &sa, NULL);
    }
    atexit(remove_pending);
}

static void
install_cleanup(void)
{
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    pthread_once(&once, install_handlers);
}

/* A free slot for name. The pictures' helper threads take slots too
 * (cp_scratch_unnamed), so a slot is taken by compare-and-swap. */
static int
claim_slot(const char *name)
{
    install_cleanup();
    for (int i = 0; i < PENDING_MAX; i++) {
        const char *none = NULL;
        if (__atomic_compare_exchange_n(&pending[i], &none, name, false, __ATOMIC_SEQ_CST,
                                        __ATOMIC_SEQ_CST))
            return i;
    }
    return -1;
}

static void
release_slot(int slot)
{
    if (slot >= 0)
        pending[slot] = NULL;
}

/* Where temporary files go that are not beside a target. */
static const char *
tmp_dir(void)
{
    const char *t = getenv("TMPDIR");
    return t && *t ? t : "/tmp";
}

int
cp_write_all(int fd, const void *data, size_t len)
{
    const char *p = data;
    while (len > 0) {
        ssize_t n = write(fd, p, len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return -1;
        if (n == 0) {
            errno = EIO;
            return -1;
        }
        p += n;
        len -= (size_t)n;
    }
    return 0;
}

static bool
is_stdout(const char *path)
{
    return strcmp(path, "-") == 0;
}

char *
cp_output_dir(const char *path)
{
    return is_stdout(path) ? xstrdup(tmp_dir()) : cp_path_dir(path);
}

/* Create the temporary file for `path`, 0600 (mkstemp's mode), and
 * register it. The open descriptor through *fd, or -1 and an error. */
static char *
create_temp(const char *path, int *slot, int *fd, cp_diags *diags)
{
    char *dir = cp_output_dir(path);
    char *tmpl = is_stdout(path) ? xasprintf("%s/claimpack.tmp.XXXXXX", dir)
                                 : xasprintf("%s/.%s.tmp.XXXXXX", dir, cp_path_base(path));
    *slot = claim_slot(tmpl);
    if (*slot < 0) {
        cp_error(diags, CP_OUTPUT, is_stdout(path) ? NULL : path, 0, 0,
                 "internal error: too many files being written at once");
        free(tmpl);
        free(dir);
        return NULL;
    }
    *fd = mkstemp(tmpl);
    if (*fd < 0) {
        int e = errno;
        release_slot(*slot);
        if (is_stdout(path))
            cp_error(diags, CP_OUTPUT, NULL, 0, 0, "cannot create a temporary file in %s "
                     "(for standard output): %s", dir, strerror(e));
        else if (e == ENOENT)
            cp_error(diags, CP_OUTPUT, path, 0, 0, "cannot write: the folder %s does not exist",
                     dir);
        else
            cp_error(diags, CP_OUTPUT, path, 0, 0, "cannot write: %s", strerror(e));
        free(tmpl);
        free(dir);
        return NULL;
    }
    free(dir);
    return tmpl;
}

int
cp_output_begin(cp_output **out, const char *path, cp_diags *diags)
{
    *out = NULL;
    if (!is_stdout(path)) {
        struct stat st;
        size_t n = strlen(path);
        bool dir = (n > 0 && path[n - 1] == '/') || (stat(path, &st) == 0 && S_ISDIR(st.st_mode));
        if (dir) {
            cp_error(diags, CP_OUTPUT, path, 0, 0, "is a folder; give the file to write, "
                     "such as -o %s%sclaim.pdf", path, n > 0 && path[n - 1] == '/' ? "" : "/");
            return -1;
        }
        /* rename would replace a device or a pipe by a plain file. */
        if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
            cp_error(diags, CP_OUTPUT, path, 0, 0, "cannot write: not a regular file");
            return -1;
        }
    }
    int slot, fd;
    char *temp = create_temp(path, &slot, &fd, diags);
    if (temp == NULL)
        return -1;
    close(fd);
    cp_output *o = xcalloc(1, sizeof *o);
    o->path = xstrdup(path);
    o->temp = temp;
    o->slot = slot;
    *out = o;
    return 0;
}

const char *
cp_output_temp(const cp_output *o)
{
    return o->temp;
}

const char *
cp_output_target(const cp_output *o)
{
    return is_stdout(o->path) ? NULL : o->path;
}

long long
cp_output_size(const cp_output *o)
{
    struct stat st;
    return stat(o->temp, &st) == 0 ? (long long)st.st_size : 0;
}

static void
output_free(cp_output *o)
{
    release_slot(o->slot);
    free(o->temp);
    free(o->path);
    free(o);
}

void
cp_output_abort(cp_output *o)
{
    if (o == NULL)
        return;
    unlink(o->temp);
    output_free(o);
}

/* The mode the target gets: an existing file's own, else what a new file
 * gets under the umask. */
static mode_t
final_mode(const char *path)
{
    struct stat st;
    if (stat(path, &st) == 0 && S_ISREG(st.st_mode))
        return st.st_mode & 07777;
    mode_t mask = umask(0);
    umask(mask);
    return 0666 & ~mask;
}

/* The temporary file's bytes to standard output. The name is removed
 * first: from then on nothing is left behind whatever happens, even if
 * the reader stops early and SIGPIPE ends the program. */
static int
copy_out(cp_output *o, cp_diags *diags)
{
    int fd = open(o->temp, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        cp_error(diags, CP_OUTPUT, NULL, 0, 0, "cannot write to standard output: %s",
                 strerror(errno));
        return -1;
    }
    unlink(o->temp);
    fflush(stdout);
    char buf[65536];
    int rc = 0;
    for (;;) {
        ssize_t n = read(fd, buf, sizeof buf);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            rc = n < 0 ? -1 : 0;
            break;
        }
        if (cp_write_all(STDOUT_FILENO, buf, (size_t)n) < 0) {
            rc = -1;
            break;
        }
    }
    if (rc < 0)
        cp_error(diags, CP_OUTPUT, NULL, 0, 0, "cannot write to standard output: %s",
                 strerror(errno));
    close(fd);
    return rc;
}

void
cp_output_writeback(int fd, long long from, long long to)
{
#ifdef HAVE_SYNC_FILE_RANGE
    if (to > from)
        (void)sync_file_range(fd, (off_t)from, (off_t)(to - from), SYNC_FILE_RANGE_WRITE);
#else
    (void)fd;
    (void)from;
    (void)to;
#endif
}

/* fsync and the final mode, on the temporary file. */
static int
settle(cp_output *o, mode_t mode, cp_diags *diags)
{
    int fd = open(o->temp, O_RDONLY | O_CLOEXEC);
    int rc = fd >= 0 && fchmod(fd, mode) == 0 && fsync(fd) == 0 ? 0 : -1;
    int e = errno;
    if (fd >= 0 && close(fd) != 0 && rc == 0) {
        rc = -1;
        e = errno;
    }
    if (rc < 0)
        cp_error(diags, CP_OUTPUT, o->path, 0, 0, "cannot write: %s", strerror(e));
    return rc;
}

int
cp_output_commit(cp_output *o, cp_diags *diags)
{
    int rc = -1;
    if (is_stdout(o->path)) {
        rc = copy_out(o, diags);
    } else if (settle(o, final_mode(o->path), diags) == 0) {
        if (rename(o->temp, o->path) == 0)
            rc = 0;
        else
            cp_error(diags, CP_OUTPUT, o->path, 0, 0, "cannot write: %s", strerror(errno));
    }
    if (rc < 0)
        unlink(o->temp);
    output_free(o);
    return rc;
}

/* `len` bytes into the temporary file. */
int
cp_output_put(cp_output *o, const void *data, size_t len, cp_diags *diags)
{
    int fd = open(o->temp, O_WRONLY | O_CLOEXEC);
    int rc = fd >= 0 && cp_write_all(fd, data, len) == 0 ? 0 : -1;
    int e = errno;
    if (fd >= 0 && close(fd) != 0 && rc == 0) {
        rc = -1;
        e = errno;
    }
    if (rc < 0)
        cp_error(diags, CP_OUTPUT, o->path, 0, 0, "cannot write: %s", strerror(e));
    return rc;
}

/* A second name for an existing target, beside it, registered like a
 * temporary file; NULL when the target does not exist (or on failure, with
 * *failed set). */
static char *
keep_old(const char *path, int *slot, bool *failed, cp_diags *diags)
{
    struct stat st;
    *failed = false;
    *slot = -1;
    if (lstat(path, &st) != 0)
        return NULL;
    char *dir = cp_path_dir(path);
    char *name = xasprintf("%s/.%s.old.XXXXXX", dir, cp_path_base(path));
    free(dir);
    *slot = claim_slot(name);
    int fd = *slot >= 0 ? mkstemp(name) : -1;
    /* mkstemp chose a free name; link needs it free again. */
    if (fd < 0 || close(fd) != 0 || unlink(name) != 0 || link(path, name) != 0) {
        cp_error(diags, CP_OUTPUT, path, 0, 0, "cannot write: %s",
                 *slot < 0 ? "too many files being written at once" : strerror(errno));
        if (fd >= 0)
            unlink(name);
        release_slot(*slot);
        free(name);
        *failed = true;
        return NULL;
    }
    return name;
}

int
cp_output_commit_all(cp_output **v, size_t n, cp_diags *diags)
{
    if (n == 1)
        return cp_output_commit(v[0], diags);
    char **old = xcalloc(n ? n : 1, sizeof *old);
    int *old_slot = xcalloc(n ? n : 1, sizeof *old_slot);
    size_t renamed = 0;
    int rc = 0;
    for (size_t i = 0; i < n; i++)
        old_slot[i] = -1;
    for (size_t i = 0; i < n && rc == 0; i++) {
        if (is_stdout(v[i]->path)) {
            cp_error(diags, CP_OUTPUT, NULL, 0, 0, "internal error: standard output among "
                     "several outputs");
            rc = -1;
        } else if (settle(v[i], final_mode(v[i]->path), diags) < 0) {
            rc = -1;
        }
    }
    for (size_t i = 0; i < n && rc == 0; i++) {
        bool failed;
        old[i] = keep_old(v[i]->path, &old_slot[i], &failed, diags);
        if (failed)
            rc = -1;
    }
    for (; rc == 0 && renamed < n; renamed++)
        if (rename(v[renamed]->temp, v[renamed]->path) != 0) {
            cp_error(diags, CP_OUTPUT, v[renamed]->path, 0, 0, "cannot write: %s",
                     strerror(errno));
            rc = -1;
            break;
        }
    if (rc < 0) {
        /* Back to what was there: the old file's second name takes its
         * place again, a new file goes. */
        for (size_t i = 0; i < renamed; i++) {
            if (old[i] && rename(old[i], v[i]->path) == 0) {
                release_slot(old_slot[i]);
                free(old[i]);
                old[i] = NULL;
                old_slot[i] = -1;
            } else if (!old[i]) {
                unlink(v[i]->path);
            }
        }
    }
    for (size_t i = 0; i < n; i++) {
        if (old[i])
            unlink(old[i]);
        release_slot(old_slot[i]);
        free(old[i]);
        unlink(v[i]->temp);
        output_free(v[i]);
    }
    free(old);
    free(old_slot);
    return rc;
}

int
cp_output_write(const char *path, const void *data, size_t len, cp_diags *diags)
{
    if (is_stdout(path)) {
        fflush(stdout);
        if (cp_write_all(STDOUT_FILENO, data, len) < 0) {
            cp_error(diags, CP_OUTPUT, NULL, 0, 0, "cannot write to standard output: %s",
                     strerror(errno));
            return -1;
        }
        return 0;
    }
    cp_output *o;
    if (cp_output_begin(&o, path, diags) < 0)
        return -1;
    if (cp_output_put(o, data, len, diags) < 0) {
        cp_output_abort(o);
        return -1;
    }
    return cp_output_commit(o, diags);
}

int
cp_output_write_new(const char *path, const void *data, size_t len, cp_diags *diags)
{
    struct stat st;
    if (lstat(path, &st) == 0) {
        cp_error(diags, CP_OUTPUT, path, 0, 0, "already exists; not overwriting it");
        return -1;
    }
    cp_output *o;
    if (cp_output_begin(&o, path, diags) < 0)
        return -1;
    int rc = -1;
    if (cp_output_put(o, data, len, diags) < 0)
        goto cleanup;
    if (settle(o, final_mode(path), diags) < 0)
        goto cleanup;
    if (link(o->temp, path) < 0) {
        if (errno == EEXIST)
            cp_error(diags, CP_OUTPUT, path, 0, 0, "already exists; not overwriting it");
        else
            cp_error(diags, CP_OUTPUT, path, 0, 0, "cannot create: %s", strerror(errno));
        goto cleanup;
    }
    rc = 0;
cleanup:
    cp_output_abort(o);         /* the temporary name goes; a link keeps the file */
    return rc;
}

int
cp_scratch_create(char **path, int *fd, const char *prefix, cp_diags *diags)
{
    char *tmpl = xasprintf("%s/%s.XXXXXX", tmp_dir(), prefix);
    *path = NULL;
    if (claim_slot(tmpl) < 0 || (*fd = mkstemp(tmpl)) < 0) {
        int e = errno;
        for (int i = 0; i < PENDING_MAX; i++)
            if (pending[i] == tmpl)
                release_slot(i);
        cp_error(diags, CP_OUTPUT, NULL, 0, 0, "cannot create a temporary file in %s: %s",
                 tmp_dir(), strerror(e));
        free(tmpl);
        return -1;
    }
    *path = tmpl;
    return 0;
}

int
cp_scratch_unnamed(const char *dir)
{
    if (dir == NULL)
        dir = tmp_dir();
    int fd = open(dir, O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
    if (fd >= 0 || (errno != EOPNOTSUPP && errno != EISDIR && errno != EINVAL))
        return fd;
    /* A file system without O_TMPFILE: a name for as long as it takes to
     * remove it, registered meanwhile so that a signal removes it too. */
    char *tmpl = xasprintf("%s/.claimpack-scratch.XXXXXX", dir);
    int slot = claim_slot(tmpl);
    if (slot < 0) {
        free(tmpl);
        errno = EMFILE;
        return -1;
    }
    fd = mkostemp(tmpl, O_CLOEXEC);
    int e = errno;
    if (fd >= 0)
        unlink(tmpl);
    release_slot(slot);
    free(tmpl);
    errno = e;
    return fd;
}

void
cp_scratch_remove(char *path)
{
    if (path == NULL)
        return;
    for (int i = 0; i < PENDING_MAX; i++)
        if (pending[i] == path)
            release_slot(i);
    unlink(path);
    free(path);
}
