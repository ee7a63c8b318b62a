/* output.c: atomic output through a temporary file and rename(2). */
#include "config.h"
#include "output.h"
#include "util.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int
write_all(int fd, const void *data, size_t len)
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

int
cp_output_write(const char *path, const void *data, size_t len, cp_diags *diags)
{
    if (strcmp(path, "-") == 0) {
        if (write_all(STDOUT_FILENO, data, len) < 0) {
            cp_error(diags, CP_OUTPUT, NULL, 0, 0, "cannot write to standard output: %s",
                     strerror(errno));
            return -1;
        }
        return 0;
    }

    int rc = -1, fd = -1;
    bool created = false;
    char *tmp = xasprintf("%s.XXXXXX", path);
    struct stat st;
    /* A directory or other non-file target would be replaced by rename. */
    if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
        cp_error(diags, CP_OUTPUT, path, 0, 0, "cannot write output: %s",
                 S_ISDIR(st.st_mode) ? strerror(EISDIR) : "not a regular file");
        goto cleanup;
    }
    fd = mkstemp(tmp);
    if (fd < 0) {
        cp_error(diags, CP_OUTPUT, path, 0, 0, "cannot write output: %s", strerror(errno));
        goto cleanup;
    }
    created = true;
    /* mkstemp makes the file 0600; an output is an ordinary document. */
    mode_t mask = umask(0);
    umask(mask);
    if (fchmod(fd, 0666 & ~mask) < 0 || write_all(fd, data, len) < 0 || fsync(fd) < 0) {
        cp_error(diags, CP_OUTPUT, path, 0, 0, "cannot write output: %s", strerror(errno));
        goto cleanup;
    }
    int e = close(fd);
    fd = -1;
    if (e < 0) {
        cp_error(diags, CP_OUTPUT, path, 0, 0, "cannot write output: %s", strerror(errno));
        goto cleanup;
    }
    if (rename(tmp, path) < 0) {
        cp_error(diags, CP_OUTPUT, path, 0, 0, "cannot write output: %s", strerror(errno));
        goto cleanup;
    }
    rc = 0;
cleanup:
    if (fd >= 0)
        close(fd);
    if (rc < 0 && created)
        unlink(tmp);
    free(tmp);
    return rc;
}

/* The temporary file being written, removed if a signal cuts the run
 * short so that nothing half-written is left behind. */
static char *volatile tmp_path;

static void
on_signal(int sig)
{
    if (tmp_path)
        unlink(tmp_path);
    signal(sig, SIG_DFL);
    raise(sig);
}

int
cp_output_write_new(const char *path, const void *data, size_t len, cp_diags *diags)
{
    struct stat st;
    if (lstat(path, &st) == 0) {
        cp_error(diags, CP_OUTPUT, path, 0, 0, "already exists; not overwriting it");
        return -1;
    }
    char *dir = cp_path_dir(path);
    char *tmpl = cp_path_join(dir, ".claimpack-init.XXXXXX");
    free(dir);
    struct sigaction sa, old_int, old_term, old_hup;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, &old_int);
    sigaction(SIGTERM, &sa, &old_term);
    sigaction(SIGHUP, &sa, &old_hup);

    int rc = -1, fd = mkstemp(tmpl);
    if (fd < 0) {
        cp_error(diags, CP_OUTPUT, path, 0, 0, "cannot create a file beside it: %s",
                 strerror(errno));
        goto cleanup;
    }
    tmp_path = tmpl;
    /* mkstemp makes 0600; a claim file is an ordinary document. */
    mode_t mask = umask(0);
    umask(mask);
    (void)fchmod(fd, 0666 & ~mask);
    if (write_all(fd, data, len) < 0 || fsync(fd) < 0) {
        cp_error(diags, CP_OUTPUT, path, 0, 0, "cannot write: %s", strerror(errno));
        close(fd);
        goto cleanup;
    }
    if (close(fd) < 0) {
        cp_error(diags, CP_OUTPUT, path, 0, 0, "cannot write: %s", strerror(errno));
        goto cleanup;
    }
    if (link(tmpl, path) < 0) {
        if (errno == EEXIST)
            cp_error(diags, CP_OUTPUT, path, 0, 0, "already exists; not overwriting it");
        else
            cp_error(diags, CP_OUTPUT, path, 0, 0, "cannot create: %s", strerror(errno));
        goto cleanup;
    }
    rc = 0;
cleanup:
    if (tmp_path)
        unlink(tmpl);
    tmp_path = NULL;
    sigaction(SIGINT, &old_int, NULL);
    sigaction(SIGTERM, &old_term, NULL);
    sigaction(SIGHUP, &old_hup, NULL);
    free(tmpl);
    return rc;
}
