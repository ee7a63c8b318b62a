/* evidence.c: every evidence file found and checked before anything is
 * written. A file is judged by its bytes, never by
 * its name, and handed to its decoder (images here, PDFs to qpdf, e-mail to
 * GMime) only once the bytes say what it is. Every bad file is reported. */
#include "config.h"
#include "claimpack/evidence.h"
#include "chat.h"
#include "image.h"
#include "mail.h"
#include "pdfimport.h"
#include "util.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <glob.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* The same bound as for images: nobody uploads a bigger claim. */
#define EVIDENCE_MAX_BYTES CP_IMAGE_MAX_BYTES
/* Enough for every magic number we look at (PDF allows 1024 bytes of junk). */
#define EVIDENCE_HEAD 8192

#define F_JPEG (1u << CP_FMT_JPEG)
#define F_PNG  (1u << CP_FMT_PNG)
#define F_PIC  (1u << CP_FMT_PICTURE)
#define F_PDF  (1u << CP_FMT_PDF)
#define F_MAIL (1u << CP_FMT_EMAIL)
#define F_TEXT (1u << CP_FMT_TEXT)
#define F_CHAT (1u << CP_FMT_CHAT)

#define PICTURES "a picture (JPEG, PNG, HEIC, AVIF, WebP, GIF, TIFF or BMP)"

/* What each kind accepts, and how a message names the kind and the list. */
static const struct kind_rule {
    unsigned formats;
    const char *subject;
    const char *accepted;
} kind_rules[CP_DOC__COUNT] = {
    [CP_DOC_PROOF_OF_PURCHASE] = { F_PDF | F_JPEG | F_PNG | F_PIC, "a proof of purchase",
                                   "a PDF document or " PICTURES },
    [CP_DOC_PHOTO] = { F_JPEG | F_PNG | F_PIC | F_PDF, "a photo",
                       PICTURES " or a PDF document" },
    [CP_DOC_SCREENSHOT] = { F_JPEG | F_PNG | F_PIC | F_PDF, "a screenshot",
                            PICTURES " or a PDF document" },
    [CP_DOC_CORRESPONDENCE] = { F_MAIL | F_CHAT | F_TEXT | F_PDF | F_JPEG | F_PNG | F_PIC,
                                "correspondence", "an e-mail message (.eml, .msg), a WhatsApp or Telegram chat "
                                "export, "
                                "UTF-8 text, a PDF document or " PICTURES },
    [CP_DOC_TECHNICAL_REPORT] = { F_PDF | F_JPEG | F_PNG | F_PIC, "a technical report",
                                  "a PDF document or " PICTURES },
    [CP_DOC_TRACKING] = { F_JPEG | F_PNG | F_PIC | F_PDF, "a tracking document",
                          PICTURES " or a PDF document" },
    [CP_DOC_OTHER] = { F_JPEG | F_PNG | F_PIC | F_PDF, "a document of kind 'other'",
                       PICTURES " or a PDF document" },
};

static const unsigned char png_sig[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };

enum cp_format
cp_format_sniff(const unsigned char *buf, size_t len)
{
    if (len >= 3 && buf[0] == 0xFF && buf[1] == 0xD8 && buf[2] == 0xFF)
        return CP_FMT_JPEG;
    if (len >= 8 && memcmp(buf, png_sig, 8) == 0)
        return CP_FMT_PNG;
    if (cp_image_sniff(buf, len) >= 0)
        return CP_FMT_PICTURE;
    /* Readers accept a PDF header anywhere in the first 1024 bytes. */
    size_t head = len < 1024 ? len : 1024;
    for (size_t i = 0; head >= 5 && i <= head - 5; i++)
        if (buf[i] == '%' && memcmp(buf + i, "%PDF-", 5) == 0)
            return CP_FMT_PDF;
    /* Before text: a chat export is text (or a .zip) of its own shape. */
    if (cp_chat_sniff(buf, len))
        return CP_FMT_CHAT;
    if (cp_mail_sniff(buf, len))
        return CP_FMT_EMAIL;
    if (cp_text_sniff(buf, len))
        return CP_FMT_TEXT;
    /* Windows editors save UTF-16 with a byte-order mark; cp_text_read
     * converts it. */
    if (len >= 2 && len % 2 == 0 &&
        ((buf[0] == 0xFF && buf[1] == 0xFE) || (buf[0] == 0xFE && buf[1] == 0xFF)))
        return CP_FMT_TEXT;
    return CP_FMT_UNKNOWN;
}

const char *
cp_format_name(enum cp_format f)
{
    switch (f) {
    case CP_FMT_JPEG: return "jpeg";
    case CP_FMT_PNG: return "png";
    case CP_FMT_PDF: return "pdf";
    case CP_FMT_EMAIL: return "email";
    case CP_FMT_TEXT: return "text";
    case CP_FMT_PICTURE: return "picture";
    case CP_FMT_CHAT: return "chat";
    default: return "unknown";
    }
}

/* What a file is, in words, including formats we cannot read: telling the
 * user "this is a HEIC image" says what to convert. */
static const char *
format_phrase(enum cp_format f, const unsigned char *buf, size_t len)
{
    switch (f) {
    case CP_FMT_JPEG: return "a JPEG image";
    case CP_FMT_PNG: return "a PNG image";
    case CP_FMT_PDF: return "a PDF document";
    case CP_FMT_EMAIL: return "an e-mail message";
    case CP_FMT_CHAT: return "a chat export";
    case CP_FMT_TEXT:
        return len >= 2 && (buf[0] == 0xFF || buf[0] == 0xFE) ? "UTF-16 text" : "UTF-8 text";
    default: break;
    }
    if (len >= 6 && (memcmp(buf, "GIF87a", 6) == 0 || memcmp(buf, "GIF89a", 6) == 0))
        return "a GIF image";
    if (len >= 12 && memcmp(buf, "RIFF", 4) == 0 && memcmp(buf + 8, "WEBP", 4) == 0)
        return "a WebP image";
    if (len >= 12 && memcmp(buf + 4, "ftyp", 4) == 0) {
        const unsigned char *b = buf + 8;
        if (memcmp(b, "heic", 4) == 0 || memcmp(b, "heix", 4) == 0 ||
            memcmp(b, "mif1", 4) == 0 || memcmp(b, "msf1", 4) == 0 ||
            memcmp(b, "hevc", 4) == 0)
            return "a HEIC image";
        if (memcmp(b, "avif", 4) == 0)
            return "an AVIF image";
        return "a video or other MPEG-4 file";
    }
    if (len >= 4 && (memcmp(buf, "II*\0", 4) == 0 || memcmp(buf, "MM\0*", 4) == 0))
        return "a TIFF image";
    if (len >= 14 && buf[0] == 'B' && buf[1] == 'M' && memcmp(buf + 6, "\0\0\0\0", 4) == 0)
        return "a BMP image";
    if (len >= 8 && memcmp(buf, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) == 0)
        return "an Office file (OLE2) that is not an Outlook message";
    if (len >= 4 && memcmp(buf, "PK\3\4", 4) == 0)
        return "a ZIP archive (or a Word or OpenDocument file)";
    if (len >= 4 && buf[0] == 0xFF && buf[1] == 0xD8)
        return "a damaged JPEG image";
    if (len >= 16 && memcmp(buf + 12, "IHDR", 4) == 0)
        return "a PNG image with a damaged signature";
    if (memchr(buf, '\0', len) == NULL)
        return "text that is not UTF-8";
    return "a file of unknown format";
}

static int
has_magic(const char *s)
{
    return strpbrk(s, "*?[") != NULL;
}

/* Where the bracket expression starting at s ("[...]") ends, or NULL when
 * it does not close (then '[' is an ordinary character). A ']' first in the
 * set, after any '!' or '^', is one of its members. */
static const char *
bracket_end(const char *s)
{
    const char *q = s + 1;
    if (*q == '!' || *q == '^')
        q++;
    if (*q == '\0')
        return NULL;
    return strchr(q + 1, ']');
}

/* The claim's pattern matching letters in either case, as a phone names
 * its photos IMG_0001.JPG and people write *.jpg: each letter x becomes
 * [xX], and a bracket expression gets its letters' other case added
 * ("[!a-c]" -> "[!a-cA-C]"). Escaped characters stay as they are. */
static char *
glob_caseless(const char *s)
{
    cp_buf b = CP_BUF_INIT;
    const char *end;
    for (; *s; s++) {
        unsigned char ch = (unsigned char)*s;
        if (ch == '\\' && s[1]) {
            cp_buf_putc(&b, *s++);
            cp_buf_putc(&b, *s);
        } else if (ch == '[' && (end = bracket_end(s))) {
            const char *set = s + 1 + (s[1] == '!' || s[1] == '^');
            if (memchr(set, '[', (size_t)(end - set))) {
                /* A class such as [[:alpha:]]: the rest as written. */
                cp_buf_puts(&b, s);
                break;
            }
            cp_buf_add(&b, s, (size_t)(end - s));
            /* Letters in the other case, and a '-' between two letters
             * (a range); nothing else, so a ']' member cannot close it. */
            for (const char *q = set; q < end; q++) {
                unsigned char x = (unsigned char)*q;
                if (x < 0x80 && isalpha(x))
                    cp_buf_putc(&b, (char)(isupper(x) ? tolower(x) : toupper(x)));
                else if (x == '-' && q > set && q + 1 < end && isalpha((unsigned char)q[-1]) &&
                         (unsigned char)q[-1] < 0x80 && (unsigned char)q[1] < 0x80 &&
                         isalpha((unsigned char)q[1]))
                    cp_buf_putc(&b, '-');
            }
            cp_buf_putc(&b, ']');
            s = end;
        } else if (ch < 0x80 && isalpha(ch)) {
            cp_buf_putc(&b, '[');
            cp_buf_putc(&b, (char)tolower(ch));
            cp_buf_putc(&b, (char)toupper(ch));
            cp_buf_putc(&b, ']');
        } else {
            cp_buf_putc(&b, *s);
        }
    }
    return cp_buf_detach(&b);
}

static int
str_cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* glob's error callback has no user pointer: the first unreadable folder
 * is kept here (the check runs on one thread). */
static char *glob_failed_dir;
static int glob_failed_errno;

static int
glob_error(const char *path, int err)
{
    if (glob_failed_dir == NULL && err != ENOENT && err != ENOTDIR) {
        glob_failed_dir = xstrdup(path);
        glob_failed_errno = err;
    }
    return 0;
}

static void
add_file(cp_document *d, char *path, char *display)
{
    d->files = xreallocarray(d->files, d->n_files + 1, sizeof *d->files);
    d->files[d->n_files].path = path;
    d->files[d->n_files].display = display;
    d->files[d->n_files].shown = xstrdup(display);
    d->files[d->n_files].format = CP_FMT_UNKNOWN;
    d->files[d->n_files].image = NULL;
    d->files[d->n_files].chat = NULL;
    d->files[d->n_files].pdf = NULL;
    d->files[d->n_files].mail = NULL;
    d->files[d->n_files].text = NULL;
    d->files[d->n_files].read_sum = 0;
    memset(&d->files[d->n_files].stamp, 0, sizeof d->files[d->n_files].stamp);
    d->files[d->n_files].found = CP_FOUND_NONE;
    d->files[d->n_files].n_items = -1;
    d->files[d->n_files].n_pictures = -1;
    d->files[d->n_files].n_missing = -1;
    d->files[d->n_files].width = d->files[d->n_files].height = 0;
    d->files[d->n_files].picture = NULL;
    d->n_files++;
}

/* Whether a path (relative to the claim's folder, or absolute) names a
 * file outside that folder. Decided on the names as written, like the
 * relative paths the PDF shows: a symbolic link the user put in the folder
 * is theirs. abs_dir is the folder as an absolute path. */
static bool
outside_folder(const char *abs_dir, const char *path)
{
    if (path[0] == '/') {
        size_t n = strlen(abs_dir);
        while (n > 1 && abs_dir[n - 1] == '/')
            n--;
        if (strncmp(path, abs_dir, n) != 0 || (path[n] != '/' && n > 1))
            return true;
        path += n;
    }
    /* Count the depth below the folder, component by component. */
    long depth = 0;
    for (const char *p = path; *p;) {
        while (*p == '/')
            p++;
        const char *e = strchrnul(p, '/');
        size_t len = (size_t)(e - p);
        if (len == 2 && p[0] == '.' && p[1] == '.') {
            if (--depth < 0)
                return true;
        } else if (len > 0 && !(len == 1 && p[0] == '.')) {
            depth++;
        }
        p = e;
    }
    return false;
}

/* The claim's folder as an absolute path (its name, not resolved). */
static char *
abs_folder(const char *dir)
{
    if (dir && dir[0] == '/') {
        char *r = xstrdup(dir);
        for (size_t n = strlen(r); n > 1 && r[n - 1] == '/'; n--)
            r[n - 1] = '\0';
        return r;
    }
    char *cwd = getcwd(NULL, 0);
    if (cwd == NULL)
        return NULL;
    char *r = dir && *dir && strcmp(dir, ".") != 0 ? cp_path_join(cwd, dir) : xstrdup(cwd);
    free(cwd);
    return r;
}

/* A file outside the claim's folder is enclosed, but the user hears of it,
 * and the PDF names it by its base name only: a path such as
 * /home/jelle/Downloads/... says where the person lives and how they keep
 * their files, which is not for the seller to read. An absolute name
 * inside the folder is shown from the folder. Messages keep the name as
 * the user wrote it (display). */
static void
mark_outside(const cp_claim *c, cp_document *d, size_t from, cp_diags *diags)
{
    char *abs_dir = NULL;
    for (size_t i = from; i < d->n_files; i++) {
        cp_evidence_file *f = &d->files[i];
        if (abs_dir == NULL && (abs_dir = abs_folder(c->dir)) == NULL)
            return;
        const char *shown = f->display;
        size_t n = strlen(abs_dir);
        if (!outside_folder(abs_dir, f->display)) {
            if (f->display[0] == '/' && n > 1 && strncmp(f->display, abs_dir, n) == 0 &&
                f->display[n] == '/' && f->display[n + 1])
                shown = f->display + n + 1;
        } else {
            const char *base = strrchr(f->display, '/');
            shown = base && base[1] ? base + 1 : f->display;
            cp_warning(diags, c->path, d->loc.line, d->loc.col,
                       "%s is outside the claim's folder: check that you mean to send it "
                       "(the PDF names it %s)", f->display, shown);
        }
        char *s = xstrdup(shown);
        free(f->shown);
        f->shown = s;
    }
    free(abs_dir);
}

#define DOC_ERROR(...) cp_error(diags, CP_INPUT, c->path, d->loc.line, d->loc.col, __VA_ARGS__)

/* Fill d->files from d->file. Sorted by byte order, not by the locale's
 * collation: the same claim must give the same PDF everywhere. */
static void doc_expand_files(const cp_claim *c, cp_document *d, cp_diags *diags);

static void
doc_expand(const cp_claim *c, cp_document *d, cp_diags *diags)
{
    size_t from = d->n_files;
    doc_expand_files(c, d, diags);
    mark_outside(c, d, from, diags);
}

static void
doc_expand_files(const cp_claim *c, cp_document *d, cp_diags *diags)
{
    const char *dir = c->dir && *c->dir && strcmp(c->dir, ".") != 0 ? c->dir : NULL;
    int absolute = d->file[0] == '/';
    size_t prefix = absolute || dir == NULL ? 0 : strlen(dir) + (dir[strlen(dir) - 1] != '/');

    if (!has_magic(d->file)) {
        add_file(d, cp_path_join(absolute ? NULL : dir, d->file), xstrdup(d->file));
        return;
    }
    char *edir = dir && !absolute ? cp_glob_escape(dir) : NULL;
    char *caseless = glob_caseless(d->file);
    char *pattern = cp_path_join(edir, caseless);
    free(caseless);
    glob_t g;
    int r = glob(pattern, GLOB_NOSORT, glob_error, &g);
    if (r == 0) {
        qsort(g.gl_pathv, g.gl_pathc, sizeof *g.gl_pathv, str_cmp);
        for (size_t i = 0; i < g.gl_pathc; i++) {
            const char *m = g.gl_pathv[i];
            add_file(d, xstrdup(m), xstrdup(strlen(m) > prefix ? m + prefix : m));
        }
    } else {
        /* A file really named "photo[1].jpg" is what the user meant. */
        struct stat st;
        char *literal = cp_path_join(absolute ? NULL : dir, d->file);
        if (stat(literal, &st) == 0) {
            add_file(d, literal, xstrdup(d->file));
            literal = NULL;
        } else if (r == GLOB_NOMATCH && glob_failed_dir) {
            const char *f = glob_failed_dir;
            DOC_ERROR("no file matches %s: cannot read the folder %s: %s", d->file,
                      strlen(f) > prefix ? f + prefix : f, strerror(glob_failed_errno));
        } else if (r == GLOB_NOMATCH) {
            DOC_ERROR("no file matches %s", d->file);
        } else {
            DOC_ERROR("cannot list the files matching %s", d->file);
        }
        free(literal);
    }
    globfree(&g);
    free(glob_failed_dir);
    glob_failed_dir = NULL;
    free(pattern);
    free(edir);
}

/* Pass a decoder's diagnostics on at the document's line in the claim. */
static void
relay(cp_diags *diags, cp_diags *from, const cp_claim *c, const cp_document *d)
{
    for (size_t i = 0; i < from->count; i++) {
        const cp_diag *x = &from->items[i];
        if (x->severity == CP_ERROR)
            cp_error(diags, x->status, c->path, d->loc.line, d->loc.col, "%s%s%s",
                     x->file ? x->file : "", x->file ? ": " : "", x->message);
        else
            cp_warning(diags, c->path, d->loc.line, d->loc.col, "%s%s%s",
                       x->file ? x->file : "", x->file ? ": " : "", x->message);
    }
}

/* Read the first EVIDENCE_HEAD bytes (fewer when the file is shorter). */
static int
read_head(unsigned char *buf, size_t *len, int fd)
{
    size_t n = 0;
    while (n < EVIDENCE_HEAD) {
        ssize_t r = read(fd, buf + n, EVIDENCE_HEAD - n);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0)
            return -1;
        if (r == 0)
            break;
        n += (size_t)r;
    }
    *len = n;
    return 0;
}

static void
file_check(const cp_claim *c, const cp_document *d, cp_evidence_file *f, bool fast,
           cp_diags *diags)
{
    const char *name = f->display;
    unsigned char head[EVIDENCE_HEAD];
    size_t len = 0;
    char *all = NULL;
    size_t all_len = 0;
    struct stat st;
    int fd = -1;
    cp_diags sub = CP_DIAGS_INIT;

    if (stat(f->path, &st) < 0) {
        if (errno == ENOENT || errno == ENOTDIR)
            DOC_ERROR("%s: file not found", name);
        else
            DOC_ERROR("%s: cannot be read: %s", name, strerror(errno));
        goto cleanup;
    }
    if (S_ISDIR(st.st_mode)) {
        DOC_ERROR("%s is a directory, not a file", name);
        goto cleanup;
    }
    if (!S_ISREG(st.st_mode)) {
        DOC_ERROR("%s is not a regular file", name);
        goto cleanup;
    }
    if (st.st_size == 0) {
        DOC_ERROR("%s is empty", name);
        goto cleanup;
    }
    if (st.st_size > EVIDENCE_MAX_BYTES) {
        DOC_ERROR("%s is too large (%.0f MB; the limit is %ld MB)", name,
                  st.st_size / 1048576.0, EVIDENCE_MAX_BYTES >> 20);
        goto cleanup;
    }
    f->stamp.dev = (unsigned long long)st.st_dev;
    f->stamp.ino = (unsigned long long)st.st_ino;
    f->stamp.size = (long long)st.st_size;
    f->stamp.mtime_ns = (long long)st.st_mtim.tv_sec * 1000000000LL + st.st_mtim.tv_nsec;
    f->stamp.ctime_ns = (long long)st.st_ctim.tv_sec * 1000000000LL + st.st_ctim.tv_nsec;
    fd = open(f->path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0 || read_head(head, &len, fd) < 0) {
        DOC_ERROR("%s: cannot be read: %s", name, strerror(errno));
        goto cleanup;
    }
    const unsigned char *bytes = head;
    bool zip = len >= 4 && memcmp(head, "PK\3\4", 4) == 0;
    f->format = cp_format_sniff(head, len);
    if (zip && (size_t)st.st_size > len)
        f->format = cp_chat_sniff_zip(f->path) ? CP_FMT_CHAT : CP_FMT_UNKNOWN;
    /* E-mail and text are judged on the whole file (UTF-8 to the end). */
    if (f->format != CP_FMT_JPEG && f->format != CP_FMT_PNG && f->format != CP_FMT_PDF &&
        f->format != CP_FMT_PICTURE && !zip &&
        (size_t)st.st_size > len) {
        if (cp_read_file(&all, &all_len, f->path, EVIDENCE_MAX_BYTES) < 0) {
            DOC_ERROR("%s: cannot be read: %s", name, strerror(errno));
            goto cleanup;
        }
        bytes = (const unsigned char *)all;
        len = all_len;
        f->format = cp_format_sniff(bytes, len);
    }
    const struct kind_rule *rule = &kind_rules[d->kind < CP_DOC__COUNT ? d->kind : CP_DOC_OTHER];
    if (f->format == CP_FMT_UNKNOWN || !(rule->formats & (1u << f->format))) {
        DOC_ERROR("%s is %s, but %s must be %s", name, format_phrase(f->format, bytes, len),
                  rule->subject, rule->accepted);
        goto cleanup;
    }
    /* The readers below read the file themselves: a 50 MB e-mail is not
     * held twice while it is read. */
    free(all);
    all = NULL;

    switch (f->format) {
    case CP_FMT_JPEG:
    case CP_FMT_PNG:
    case CP_FMT_PICTURE: {
        cp_image img;
        int rc = fast ? cp_image_probe_fast(&img, f->path, name, &sub)
                      : cp_image_probe(&img, f->path, name, &sub);
        if (rc == 0) {
            static const char *const names[] = {
                [CP_IMG_JPEG] = "JPEG", [CP_IMG_PNG] = "PNG", [CP_IMG_HEIC] = "HEIC",
                [CP_IMG_AVIF] = "AVIF", [CP_IMG_WEBP] = "WebP", [CP_IMG_GIF] = "GIF",
                [CP_IMG_TIFF] = "TIFF", [CP_IMG_BMP] = "BMP",
            };
            f->found = CP_FOUND_PICTURE;
            f->picture = (unsigned)img.format < CP_ARRAY_LEN(names) ? names[img.format] : "";
            f->width = img.orientation >= 5 ? img.height : img.width;
            f->height = img.orientation >= 5 ? img.width : img.height;
            cp_image_free(f->image);
            f->image = xmalloc(sizeof img);
            *f->image = img;
            if (img.page_dims)
                f->n_items = img.pages;   /* a scan of pages: each is an exhibit page */
        }
        break;
    }
    case CP_FMT_PDF: {
        cp_pdfdoc *pdf = NULL;
        if (cp_pdfdoc_open_opt(&pdf, f->path, name, !fast, &sub) == 0) {
            f->found = CP_FOUND_PDF;
            f->n_items = cp_pdfdoc_page_count(pdf);
            cp_pdfdoc_close(f->pdf);
            f->pdf = pdf;       /* the pack imports this document */
        }
        break;
    }
    case CP_FMT_EMAIL: {
        cp_mail *m = NULL;
        if (cp_mail_read(&m, f->path, name, &sub) == 0) {
            f->found = m->outlook ? CP_FOUND_OUTLOOK : m->url ? CP_FOUND_PAGE : CP_FOUND_EMAIL;
            f->n_items = m->url ? -1 : (int)m->n_attachments;
            cp_mail_free(f->mail);
            f->mail = m;        /* the pack lays out this reading */
            f->read_sum = m->sum;
        }
        break;
    }
    case CP_FMT_TEXT: {
        char *text = NULL;
        if (cp_text_read(&text, &f->read_sum, f->path, name, &sub) == 0) {
            f->found = CP_FOUND_TEXT;
            free(f->text);
            f->text = text;     /* the pack lays out this reading */
        }
        break;
    }
    case CP_FMT_CHAT: {
        cp_chat *chat = NULL;
        if (cp_chat_read(&chat, f->path, name, &sub) == 0) {
            f->found = strcmp(chat->app, "Telegram") == 0 ? CP_FOUND_TELEGRAM : CP_FOUND_WHATSAPP;
            f->n_items = (int)chat->n_msgs;
            f->n_pictures = (int)chat->n_pics;
            f->n_missing = (int)chat->n_missing;
            cp_chat_free(f->chat);
            f->chat = chat;     /* the pack lays out this reading */
            f->read_sum = chat->sum;
        }
        break;
    }
    default:
        break;
    }
    relay(diags, &sub, c, d);

cleanup:
    cp_diags_free(&sub);
    if (fd >= 0)
        close(fd);
    free(all);
}

bool
cp_evidence_file_is(const cp_evidence_file *f, const struct stat *st)
{
    return cp_file_stamp_is(&f->stamp, st);
}

bool
cp_file_stamp_is(const struct cp_file_stamp *s, const struct stat *st)
{
    return s->dev == (unsigned long long)st->st_dev && s->ino == (unsigned long long)st->st_ino &&
           s->size == (long long)st->st_size &&
           s->mtime_ns == (long long)st->st_mtim.tv_sec * 1000000000LL + st->st_mtim.tv_nsec &&
           s->ctime_ns == (long long)st->st_ctim.tv_sec * 1000000000LL + st->st_ctim.tv_nsec;
}

int
cp_evidence_check(cp_claim *c, cp_diags *diags)
{
    return cp_evidence_check_opt(c, false, diags);
}

void
cp_evidence_files_free(cp_document *d)
{
    for (size_t k = 0; k < d->n_files; k++) {
        free(d->files[k].path);
        free(d->files[k].display);
        free(d->files[k].shown);
        cp_image_free(d->files[k].image);
        cp_chat_free(d->files[k].chat);
        cp_pdfdoc_close(d->files[k].pdf);
        cp_mail_free(d->files[k].mail);
        free(d->files[k].text);
    }
    free(d->files);
    d->files = NULL;
    d->n_files = 0;
}

int
cp_evidence_check_opt(cp_claim *c, bool fast, cp_diags *diags)
{
    size_t before = cp_diags_errors(diags);
    size_t total = 0;
    for (size_t i = 0; i < c->n_documents; i++) {
        cp_document *d = &c->documents[i];
        /* Checked again (e.g. check, then build): start from the pattern. */
        cp_evidence_files_free(d);
        if (d->file == NULL)
            continue;
        doc_expand(c, d, diags);
        total += d->n_files;
    }
    /* Counted before any file is opened: a pattern like "*" in a home
     * directory must not start decoding thousands of files. */
    if (total > CP_EVIDENCE_MAX_FILES) {
        cp_loc at = c->evidence_loc.line > 0 ? c->evidence_loc : c->loc;
        cp_error(diags, CP_INPUT, c->path, at.line, at.col,
                 "the evidence names %zu files, more than the %d one claim can enclose; "
                 "narrow the file patterns or combine files", total, CP_EVIDENCE_MAX_FILES);
        return -1;
    }
    for (size_t i = 0; i < c->n_documents; i++) {
        cp_document *d = &c->documents[i];
        for (size_t k = 0; k < d->n_files; k++)
            file_check(c, d, &d->files[k], fast, diags);
    }
    return cp_diags_errors(diags) > before ? -1 : 0;
}
