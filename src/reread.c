/* reread.c: an evidence file read again, held to what the check and the
 * pack found (see reread.h). */
#include "config.h"
#include "reread.h"
#include "claimpack/evidence.h"
#include "util.h"

#include <errno.h>
#include <fcntl.h>
#include <libdeflate.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

uint64_t
cp_sum64(uint64_t sum, const void *p, size_t n)
{
    uint32_t crc = (uint32_t)(sum >> 32), adler = (uint32_t)sum;
    crc = libdeflate_crc32(crc, p, n);
    adler = libdeflate_adler32(adler, p, n);
    return (uint64_t)crc << 32 | adler;
}

void
cp_reread_say_replaced(const char *display, cp_diags *diags)
{
    cp_error(diags, CP_INPUT, display, 0, 0, "the file changed while the PDF was being made "
             "(it is no longer the file it was checked as); build again");
}

int
cp_reread_sum_ok(uint64_t want, uint64_t got, const char *display, cp_diags *diags)
{
    if (want == got)
        return 0;
    cp_error(diags, CP_INPUT, display, 0, 0, "the file changed while the PDF was being made "
             "(its bytes are no longer the ones checked and hashed, though its size and "
             "times are); build again");
    return -1;
}

void
cp_reread_begin(cp_reread *r, const cp_reread_want *want)
{
    r->want = want;
    r->sum = CP_SUM64_INIT;
    if (want->stamp == NULL && want->sha256 && want->sha256[0])
        sha256_init(&r->sha);
}

void
cp_reread_add(cp_reread *r, const void *p, size_t n)
{
    if (r->want->stamp)
        r->sum = cp_sum64(r->sum, p, n);
    else if (r->want->sha256 && r->want->sha256[0])
        sha256_update(&r->sha, n, p);
}

int
cp_reread_end(cp_reread *r, const struct stat *before, const struct stat *after,
              const char *display, cp_diags *diags)
{
    const cp_reread_want *w = r->want;
    if (w->stamp) {
        if (!cp_file_stamp_is(w->stamp, before) || !cp_file_stamp_is(w->stamp, after)) {
            cp_reread_say_replaced(display, diags);
            return -1;
        }
        return cp_reread_sum_ok(w->sum, r->sum, display, diags);
    }
    if (w->sha256 && w->sha256[0]) {
        unsigned char d[SHA256_DIGEST_SIZE];
        char hex[65];
        sha256_digest(&r->sha, sizeof d, d);
        cp_sha256_digest_hex(hex, d);
        if (strcmp(hex, w->sha256) != 0) {
            cp_error(diags, CP_INPUT, display, 0, 0, "the file changed while the PDF was "
                     "being made (its SHA-256 is no longer the one it was checked with); "
                     "build again");
            return -1;
        }
    }
    return 0;
}

int
cp_reread_check(const cp_reread_want *want, const void *p, size_t n, const struct stat *before,
                const struct stat *after, const char *display, cp_diags *diags)
{
    cp_reread r;
    cp_reread_begin(&r, want);
    cp_reread_add(&r, p, n);
    return cp_reread_end(&r, before, after, display, diags);
}

int
cp_reread_file(const cp_reread_want *want, const char *path, const char *display,
               cp_diags *diags)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    struct stat before, after;
    if (fd < 0 || fstat(fd, &before) < 0) {
        cp_error(diags, CP_INPUT, display, 0, 0, "could not read the file again: %s",
                 strerror(errno));
        if (fd >= 0)
            close(fd);
        return -1;
    }
    cp_reread r;
    cp_reread_begin(&r, want);
    enum { PIECE = 1 << 20 };
    unsigned char *buf = xmalloc(PIECE);
    ssize_t n;
    while ((n = read(fd, buf, PIECE)) != 0) {
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            break;
        cp_reread_add(&r, buf, (size_t)n);
    }
    int err = n < 0 ? errno : 0;
    free(buf);
    if (err == 0 && fstat(fd, &after) < 0)
        err = errno;
    close(fd);
    if (err) {
        cp_error(diags, CP_INPUT, display, 0, 0, "could not read the file again: %s",
                 strerror(err));
        return -1;
    }
    return cp_reread_end(&r, &before, &after, display, diags);
}
