/* util.c: allocation, buffers, files and paths. */
#include "config.h"
#include "util.h"

#include <nettle/sha2.h>

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

void
cp_out_of_memory(size_t n)
{
    fprintf(stderr, "claimpack: error: out of memory (%zu bytes)\n", n);
    exit(CP_OUTPUT);
}

void *
xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (p == NULL)
        cp_out_of_memory(n);
    return p;
}

void *
xcalloc(size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size ? size : 1);
    if (p == NULL)
        cp_out_of_memory(n * size);
    return p;
}

void *
xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);
    if (q == NULL)
        cp_out_of_memory(n);
    return q;
}

void *
xreallocarray(void *p, size_t n, size_t size)
{
    if (size != 0 && n > SIZE_MAX / size)
        cp_out_of_memory(SIZE_MAX);
    return xrealloc(p, n * size);
}

char *
xstrdup(const char *s)
{
    return xstrndup(s, strlen(s));
}

char *
xstrndup(const char *s, size_t n)
{
    char *p = xmalloc(n + 1);
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *
xvasprintf(const char *fmt, va_list ap)
{
    va_list aq;
    va_copy(aq, ap);
    int n = vsnprintf(NULL, 0, fmt, aq);
    va_end(aq);
    if (n < 0)
        cp_out_of_memory(0);
    char *p = xmalloc((size_t)n + 1);
    vsnprintf(p, (size_t)n + 1, fmt, ap);
    return p;
}

char *
xasprintf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *p = xvasprintf(fmt, ap);
    va_end(ap);
    return p;
}

static void
buf_reserve(cp_buf *b, size_t extra)
{
    if (b->len + extra + 1 <= b->cap)
        return;
    size_t cap = b->cap ? b->cap : 64;
    while (cap < b->len + extra + 1) {
        if (cap > SIZE_MAX / 2)
            cp_out_of_memory(SIZE_MAX);
        cap *= 2;
    }
    b->data = xrealloc(b->data, cap);
    b->cap = cap;
}

void
cp_buf_add(cp_buf *b, const void *p, size_t n)
{
    buf_reserve(b, n);
    if (n)
        memcpy(b->data + b->len, p, n);
    b->len += n;
    b->data[b->len] = '\0';
}

void
cp_buf_puts(cp_buf *b, const char *s)
{
    cp_buf_add(b, s, strlen(s));
}

void
cp_buf_putc(cp_buf *b, char c)
{
    cp_buf_add(b, &c, 1);
}

void
cp_buf_printf(cp_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *s = xvasprintf(fmt, ap);
    va_end(ap);
    cp_buf_puts(b, s);
    free(s);
}

char *
cp_buf_detach(cp_buf *b)
{
    char *p = b->data ? b->data : xstrdup("");
    b->data = NULL;
    b->len = b->cap = 0;
    return p;
}

void
cp_buf_free(cp_buf *b)
{
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
}

int
cp_read_file(char **out, size_t *len, const char *path, size_t limit)
{
    struct stat before, after;
    return cp_read_file_stat(out, len, path, limit, &before, &after);
}

int
cp_read_file_stat(char **out, size_t *len, const char *path, size_t limit,
                  struct stat *before, struct stat *after)
{
    *out = NULL;
    *len = 0;
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return -1;
    struct stat st;
    if (fstat(fd, &st) < 0) {
        int e = errno;
        close(fd);
        errno = e;
        return -1;
    }
    if (S_ISDIR(st.st_mode)) {
        close(fd);
        errno = EISDIR;
        return -1;
    }
    cp_buf b = CP_BUF_INIT;
    /* Read straight into the buffer, sized to the file when it is a regular
     * one (fonts are 400 KB: no growing and copying); a file that grows
     * meanwhile, or a pipe, grows the buffer as it goes. */
    if (S_ISREG(st.st_mode) && (unsigned long long)st.st_size > limit) {
        close(fd);
        errno = EFBIG;
        return -1;
    }
    if (S_ISREG(st.st_mode) && st.st_size > 0)
        buf_reserve(&b, (size_t)st.st_size + 1);
    for (;;) {
        if (b.cap - b.len < 2)
            buf_reserve(&b, 65536);
        ssize_t n = read(fd, b.data + b.len, b.cap - b.len - 1);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            int e = errno;
            close(fd);
            cp_buf_free(&b);
            errno = e;
            return -1;
        }
        if (n == 0)
            break;
        b.len += (size_t)n;
        if (b.len > limit) {
            close(fd);
            cp_buf_free(&b);
            errno = EFBIG;
            return -1;
        }
    }
    if (b.data == NULL)
        buf_reserve(&b, 0);
    b.data[b.len] = '\0';
    *before = st;
    if (fstat(fd, after) < 0) {
        int e = errno;
        close(fd);
        cp_buf_free(&b);
        errno = e;
        return -1;
    }
    close(fd);
    *len = b.len;
    *out = cp_buf_detach(&b);
    return 0;
}

char *
cp_path_join(const char *dir, const char *rel)
{
    if (rel[0] == '/' || dir == NULL || dir[0] == '\0' || strcmp(dir, ".") == 0)
        return xstrdup(rel);
    size_t n = strlen(dir);
    return xasprintf("%s%s%s", dir, dir[n - 1] == '/' ? "" : "/", rel);
}

char *
cp_path_dir(const char *path)
{
    const char *slash = strrchr(path, '/');
    if (slash == NULL)
        return xstrdup(".");
    if (slash == path)
        return xstrdup("/");
    return xstrndup(path, (size_t)(slash - path));
}

const char *
cp_path_base(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

char *
cp_glob_escape(const char *path)
{
    cp_buf b = CP_BUF_INIT;
    for (; *path; path++) {
        if (strchr("*?[]\\", *path))
            cp_buf_putc(&b, '\\');
        cp_buf_putc(&b, *path);
    }
    return cp_buf_detach(&b);
}

char *
cp_trim(char *s)
{
    char *p = s;
    while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
        p++;
    size_t n = strlen(p);
    while (n > 0 && (p[n - 1] == ' ' || p[n - 1] == '\t' || p[n - 1] == '\n' || p[n - 1] == '\r'))
        n--;
    memmove(s, p, n);
    s[n] = '\0';
    return s;
}

bool
cp_streq(const char *a, const char *b)
{
    if (a == NULL || b == NULL)
        return a == b;
    return strcmp(a, b) == 0;
}

char *
cp_fill(const char *tmpl, const char *const *pairs, size_t n)
{
    cp_buf b = CP_BUF_INIT;
    for (const char *p = tmpl; *p;) {
        const char *close = *p == '{' ? strchr(p, '}') : NULL;
        size_t k = n;
        for (size_t i = 0; close && i < n && k == n; i++)
            if (strlen(pairs[2 * i]) == (size_t)(close - p - 1) &&
                strncmp(p + 1, pairs[2 * i], (size_t)(close - p - 1)) == 0)
                k = i;
        if (k < n) {
            cp_buf_puts(&b, pairs[2 * k + 1] ? pairs[2 * k + 1] : "");
            p = close + 1;
        } else {
            cp_buf_putc(&b, *p++);
        }
    }
    return cp_buf_detach(&b);
}

char *
cp_fill_v(const char *tmpl, va_list ap)
{
    const char *pairs[32];
    size_t n = 0;
    for (const char *k; n < CP_ARRAY_LEN(pairs) / 2 && (k = va_arg(ap, const char *)) != NULL;
         n++) {
        pairs[2 * n] = k;
        pairs[2 * n + 1] = va_arg(ap, const char *);
    }
    return cp_fill(tmpl, pairs, n);
}

size_t
cp_utf8_next(const char *s, size_t len, uint32_t *cp)
{
    const unsigned char *p = (const unsigned char *)s;
    unsigned c = p[0];
    size_t k;
    uint32_t min;
    if (c < 0x80) {
        *cp = c;
        return 1;
    } else if ((c & 0xE0) == 0xC0) {
        k = 1; min = 0x80; c &= 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
        k = 2; min = 0x800; c &= 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
        k = 3; min = 0x10000; c &= 0x07;
    } else {
        *cp = 0xFFFD;
        return 1;
    }
    if (len <= k) {
        *cp = 0xFFFD;
        return 1;
    }
    for (size_t i = 1; i <= k; i++) {
        if ((p[i] & 0xC0) != 0x80) {
            *cp = 0xFFFD;
            return 1;
        }
        c = (c << 6) | (p[i] & 0x3F);
    }
    if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) {
        *cp = 0xFFFD;
        return 1;
    }
    *cp = c;
    return k + 1;
}

size_t
cp_utf8_valid_prefix(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        uint32_t cp;
        size_t k = cp_utf8_next(s + i, n - i, &cp);
        if (cp == 0xFFFD && k == 1)
            break;
        i += k;
    }
    return i;
}

bool
cp_utf8_valid(const char *s, size_t n)
{
    return cp_utf8_valid_prefix(s, n) == n;
}

void
cp_sha256_digest_hex(char out[65], const unsigned char d[32])
{
    static const char hex[] = "0123456789abcdef";
    for (size_t i = 0; i < 32; i++) {
        out[2 * i] = hex[d[i] >> 4];
        out[2 * i + 1] = hex[d[i] & 15];
    }
    out[64] = '\0';
}

void
cp_sha256_hex(char out[65], const void *p, size_t n)
{
    struct sha256_ctx ctx;
    unsigned char d[SHA256_DIGEST_SIZE];
    sha256_init(&ctx);
    sha256_update(&ctx, n, p);
    sha256_digest(&ctx, sizeof d, d);
    cp_sha256_digest_hex(out, d);
}
