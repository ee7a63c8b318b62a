/* mail.c: e-mail through GMime, HTML bodies through libxml2's HTML parser,
 * plain-text correspondence directly (see mail.h). */
#include "config.h"
#include "mail.h"
#include "unicode.h"
#include "reread.h"
#include "util.h"

#include <dlfcn.h>
#include <gmime/gmime.h>
#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>

#include <errno.h>
#include <iconv.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Nesting of multiparts inside one message; real mail stays far below. */
#define MAIL_MAX_MULTIPART_DEPTH 32

/* GMime is opened on first use, not linked: with its dependencies (GObject,
 * GIO, GPGME ...) it is ten of the shared libraries a run would otherwise
 * load, a measurable part of every letter's start-up (bench/letter.sh), and
 * only a claim with e-mail evidence needs it. Each function is declared with the type of its
 * prototype in <gmime/gmime.h>, so calls are checked as if linked. */
#define GMIME_SONAME "libgmime-3.0.so.0"
#define GM(f) __typeof__(f) *f

static struct {
    GM(g_free);
    GM(g_mime_charset_canon_name);
    GM(g_mime_charset_iconv_name);
    GM(g_mime_content_type_get_media_subtype);
    GM(g_mime_content_type_get_mime_type);
    GM(g_mime_content_type_is_type);
    GM(g_mime_data_wrapper_write_to_stream);
    GM(g_mime_header_get_raw_value);
    GM(g_mime_header_list_get_count);
    GM(g_mime_header_list_get_header);
    GM(g_mime_message_get_mime_part);
    GM(g_mime_message_part_get_message);
    GM(g_mime_message_part_get_type);
    GM(g_mime_multipart_get_count);
    GM(g_mime_multipart_get_part);
    GM(g_mime_multipart_get_type);
    GM(g_mime_object_get_content_type);
    GM(g_mime_object_get_content_type_parameter);
    GM(g_mime_object_get_header_list);
    GM(g_mime_parser_construct_message);
    GM(g_mime_parser_new_with_stream);
    GM(g_mime_parser_set_format);
    GM(g_mime_part_get_content);
    GM(g_mime_part_get_filename);
    GM(g_mime_part_get_type);
    GM(g_mime_part_is_attachment);
    GM(g_mime_stream_mem_get_byte_array);
    GM(g_mime_stream_mem_new);
    GM(g_mime_stream_mem_new_with_buffer);
    GM(g_mime_utils_decode_8bit);
    GM(g_object_unref);
    GM(g_mime_init);
    GM(g_type_check_instance_is_a);
    /* writing (cp_mail_write) */
    GM(g_date_time_new_from_unix_utc);
    GM(g_date_time_unref);
    GM(g_mime_data_wrapper_new_with_stream);
    GM(g_mime_format_options_free);
    GM(g_mime_format_options_new);
    GM(g_mime_format_options_set_newline_format);
    GM(g_mime_message_get_from);
    GM(g_mime_message_get_to);
    GM(g_mime_message_new);
    GM(g_mime_message_set_date);
    GM(g_mime_message_set_message_id);
    GM(g_mime_message_set_mime_part);
    GM(g_mime_message_set_subject);
    GM(g_mime_multipart_add);
    GM(g_mime_multipart_new_with_subtype);
    GM(g_mime_multipart_set_boundary);
    GM(g_mime_object_to_string);
    GM(g_mime_part_new_with_type);
    GM(g_mime_part_set_content);
    GM(g_mime_part_set_content_encoding);
    GM(g_mime_part_set_filename);
    GM(g_mime_text_part_new_with_subtype);
    GM(g_mime_text_part_set_text);
    GM(internet_address_list_add);
    GM(internet_address_mailbox_new);
} gm;

static bool
is_a(const void *obj, GType type)
{
    return obj && gm.g_type_check_instance_is_a((GTypeInstance *)obj, type);
}

/* ASCII letters compared without case, whatever the locale (header and
 * charset names). */
static int
ascii_ncasecmp(const char *a, const char *b, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        int x = (unsigned char)a[i], y = (unsigned char)b[i];
        x += x >= 'A' && x <= 'Z' ? 32 : 0;
        y += y >= 'A' && y <= 'Z' ? 32 : 0;
        if (x != y || x == 0)
            return x - y;
    }
    return 0;
}

static int
ascii_casecmp(const char *a, const char *b)
{
    return ascii_ncasecmp(a, b, SIZE_MAX);
}

/* How many bytes at s are valid UTF-8 and not NUL, stopping at the first
 * that is not. */
static size_t
utf8_valid_prefix(const char *s, size_t n)
{
    const char *nul = n ? memchr(s, '\0', n) : NULL;
    return cp_utf8_valid_prefix(s, nul ? (size_t)(nul - s) : n);
}

/* ASCII white space, as RFC 2047 means it (not the locale's). */
static bool
ascii_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* Open GMime and initialise it, once. 0, or -1 with an error of `status`
 * on the file that needed it, saying what could not be done. */
static int
mail_init(const char *display, enum cp_status status, const char *doing, cp_diags *diags)
{
    static int state;       /* 0 not yet, 1 ready, -1 failed */
    static char *why;
    if (state == 0) {
        void *h = dlopen(GMIME_SONAME, RTLD_NOW | RTLD_LOCAL);
#define GM_NAME(f) { #f, (void **)&gm.f }
        struct { const char *name; void **slot; } fns[] = {
        GM_NAME(g_free),
        GM_NAME(g_mime_charset_canon_name),
        GM_NAME(g_mime_charset_iconv_name),
        GM_NAME(g_mime_content_type_get_media_subtype),
        GM_NAME(g_mime_content_type_get_mime_type),
        GM_NAME(g_mime_content_type_is_type),
        GM_NAME(g_mime_data_wrapper_write_to_stream),
        GM_NAME(g_mime_header_get_raw_value),
        GM_NAME(g_mime_header_list_get_count),
        GM_NAME(g_mime_header_list_get_header),
        GM_NAME(g_mime_message_get_mime_part),
        GM_NAME(g_mime_message_part_get_message),
        GM_NAME(g_mime_message_part_get_type),
        GM_NAME(g_mime_multipart_get_count),
        GM_NAME(g_mime_multipart_get_part),
        GM_NAME(g_mime_multipart_get_type),
        GM_NAME(g_mime_object_get_content_type),
        GM_NAME(g_mime_object_get_content_type_parameter),
        GM_NAME(g_mime_object_get_header_list),
        GM_NAME(g_mime_parser_construct_message),
        GM_NAME(g_mime_parser_new_with_stream),
        GM_NAME(g_mime_parser_set_format),
        GM_NAME(g_mime_part_get_content),
        GM_NAME(g_mime_part_get_filename),
        GM_NAME(g_mime_part_get_type),
        GM_NAME(g_mime_part_is_attachment),
        GM_NAME(g_mime_stream_mem_get_byte_array),
        GM_NAME(g_mime_stream_mem_new),
        GM_NAME(g_mime_stream_mem_new_with_buffer),
        GM_NAME(g_mime_utils_decode_8bit),
        GM_NAME(g_object_unref),
        GM_NAME(g_mime_init),
        GM_NAME(g_type_check_instance_is_a),
        GM_NAME(g_date_time_new_from_unix_utc),
        GM_NAME(g_date_time_unref),
        GM_NAME(g_mime_data_wrapper_new_with_stream),
        GM_NAME(g_mime_format_options_free),
        GM_NAME(g_mime_format_options_new),
        GM_NAME(g_mime_format_options_set_newline_format),
        GM_NAME(g_mime_message_get_from),
        GM_NAME(g_mime_message_get_to),
        GM_NAME(g_mime_message_new),
        GM_NAME(g_mime_message_set_date),
        GM_NAME(g_mime_message_set_message_id),
        GM_NAME(g_mime_message_set_mime_part),
        GM_NAME(g_mime_message_set_subject),
        GM_NAME(g_mime_multipart_add),
        GM_NAME(g_mime_multipart_new_with_subtype),
        GM_NAME(g_mime_multipart_set_boundary),
        GM_NAME(g_mime_object_to_string),
        GM_NAME(g_mime_part_new_with_type),
        GM_NAME(g_mime_part_set_content),
        GM_NAME(g_mime_part_set_content_encoding),
        GM_NAME(g_mime_part_set_filename),
        GM_NAME(g_mime_text_part_new_with_subtype),
        GM_NAME(g_mime_text_part_set_text),
        GM_NAME(internet_address_list_add),
        GM_NAME(internet_address_mailbox_new),
        };
#undef GM_NAME
        state = h ? 1 : -1;
        for (size_t i = 0; state == 1 && i < CP_ARRAY_LEN(fns); i++)
            if ((*fns[i].slot = dlsym(h, fns[i].name)) == NULL)
                state = -1;
        if (state < 0) {
            const char *e = dlerror();
            why = xstrdup(e ? e : GMIME_SONAME);
        } else {
            gm.g_mime_init();
        }
    }
    if (state < 0) {
        cp_error(diags, status, display, 0, 0, "%s: the GMime library cannot be loaded (%s); "
                 "install libgmime-3.0-0", doing, why);
        return -1;
    }
    return 0;
}

/* ---- text helpers ---- */

static size_t
count_nuls(const char *s, size_t n)
{
    size_t k = 0;
    if (n == 0)
        return 0;   /* s may be NULL (an empty part's byte array) */
    for (const char *p = s; (p = memchr(p, '\0', n - (size_t)(p - s))) != NULL; p++)
        k++;
    return k;
}

/* Append n bytes of UTF-8 that may be invalid: bad bytes become U+FFFD. */
static void
add_utf8_repaired(cp_buf *b, const char *s, size_t n)
{
    if (n == 0)
        return;   /* s may be NULL (an empty part's byte array) */
    const char *end = s + n;
    while (s < end) {
        const char *bad = s + utf8_valid_prefix(s, (size_t)(end - s));
        if (bad == end) {
            cp_buf_add(b, s, (size_t)(end - s));
            return;
        }
        cp_buf_add(b, s, (size_t)(bad - s));
        /* A NUL too: dropped, the reader would not see that something
         * was there; kept, it would end the C string the text lives in. */
        cp_buf_puts(b, "\xEF\xBF\xBD");
        s = bad + 1;
    }
}

/* Convert from `charset` (iconv's name) to UTF-8, replacing what does not
 * convert with U+FFFD. Returns -1 when iconv does not know the charset. */
static int
iconv_to_utf8(cp_buf *out, const char *charset, const char *in, size_t n)
{
    iconv_t cd = iconv_open("UTF-8", charset);
    if (cd == (iconv_t)-1)
        return -1;
    char chunk[4096];
    char *ip = (char *)in;
    size_t ileft = n;
    while (ileft > 0) {
        char *op = chunk;
        size_t oleft = sizeof chunk;
        size_t r = iconv(cd, &ip, &ileft, &op, &oleft);
        add_utf8_repaired(out, chunk, (size_t)(op - chunk));
        if (r != (size_t)-1)
            continue;
        if (errno == E2BIG)
            continue;
        /* EILSEQ: skip one byte; EINVAL: a sequence cut off at the end. */
        cp_buf_puts(out, "\xEF\xBF\xBD");
        if (errno == EINVAL)
            break;
        ip++;
        ileft--;
    }
    /* Flush the shift state of stateful encodings (ISO-2022-JP). */
    char *op = chunk;
    size_t oleft = sizeof chunk;
    iconv(cd, NULL, NULL, &op, &oleft);
    add_utf8_repaired(out, chunk, (size_t)(op - chunk));
    iconv_close(cd);
    return 0;
}

/* The same from a MIME charset name (GMime knows the aliases). */
static int
charset_to_utf8(cp_buf *out, const char *charset, const char *in, size_t n)
{
    return iconv_to_utf8(out, gm.g_mime_charset_iconv_name(charset), in, n);
}

static int
charset_is(const char *charset, const char *name)
{
    const char *canon = gm.g_mime_charset_canon_name(charset);
    return ascii_casecmp(canon, name) == 0;
}

/* Decoded bytes of a text part, as UTF-8 whatever its declared charset. */
static void
text_to_utf8(cp_buf *out, const char *charset, const char *in, size_t n)
{
    int declared_utf8 = charset && charset_is(charset, "utf-8");
    int ascii = charset == NULL || charset_is(charset, "us-ascii");
    if (!declared_utf8 && !ascii && charset_to_utf8(out, charset, in, n) == 0)
        return;
    if (declared_utf8 || utf8_valid_prefix(in, n) == n) {
        add_utf8_repaired(out, in, n);
        return;
    }
    /* Undeclared, mislabelled as ASCII or unknown to iconv: GMime's
     * fallback list (UTF-8, then ISO-8859-1) never fails. It returns a C
     * string, so each run between NULs goes alone, a NUL as U+FFFD. */
    const char *end = in + n;
    for (;;) {
        const char *nul = memchr(in, '\0', (size_t)(end - in));
        size_t run = nul ? (size_t)(nul - in) : (size_t)(end - in);
        if (run > 0) {
            char *s = gm.g_mime_utils_decode_8bit(NULL, in, run);
            add_utf8_repaired(out, s, strlen(s));
            gm.g_free(s);
        }
        if (nul == NULL)
            break;
        cp_buf_puts(out, "\xEF\xBF\xBD");
        in = nul + 1;
    }
}

/* Make text tidy for typesetting: "\n" line ends, no trailing white space,
 * no control characters but tab, at most one blank line in a row, no blank
 * lines at either end. `s` must be valid UTF-8. */
static char *
text_tidy(const char *s, size_t n)
{
    cp_buf b = CP_BUF_INIT;
    size_t blank = 0;        /* blank lines seen and not yet written */
    size_t i = 0;
    while (i < n) {
        size_t j = i;
        while (j < n && s[j] != '\n' && s[j] != '\r')
            j++;
        size_t end = j;
        while (end > i && (s[end - 1] == ' ' || s[end - 1] == '\t'))
            end--;
        if (end == i) {
            blank++;
        } else {
            if (b.len > 0)
                cp_buf_add(&b, "\n\n", blank ? 2 : 1);
            blank = 0;
            for (size_t k = i; k < end; k++) {
                unsigned char c = (unsigned char)s[k];
                if (c < 0x20 && c != '\t')
                    continue;
                if (c == 0x7F)
                    continue;
                cp_buf_putc(&b, (char)c);
            }
        }
        if (j < n && s[j] == '\r' && j + 1 < n && s[j + 1] == '\n')
            j++;
        i = j + 1;
    }
    return cp_buf_detach(&b);
}

/* RFC 3676 format=flowed: a line ending in a space continues on the next
 * line (of the same quote depth); undo space-stuffing. The typesetter then
 * wraps paragraphs to its own width. */
static char *
text_unflow(const char *s, int delsp)
{
    cp_buf b = CP_BUF_INIT;
    int joining = 0, join_depth = 0;
    while (*s) {
        const char *nl = strchr(s, '\n');
        size_t n = nl ? (size_t)(nl - s) : strlen(s);
        if (n > 0 && s[n - 1] == '\r')
            n--;
        int depth = 0;
        while ((size_t)depth < n && s[depth] == '>')
            depth++;
        const char *t = s + depth;
        size_t tn = n - (size_t)depth;
        if (tn > 0 && t[0] == ' ')
            t++, tn--;
        if (joining && depth != join_depth)
            cp_buf_putc(&b, '\n');
        if (!joining || depth != join_depth)
            for (int i = 0; i < depth; i++)
                cp_buf_puts(&b, i + 1 == depth ? "> " : ">");
        int sig = tn == 3 && memcmp(t, "-- ", 3) == 0;
        int flowed = tn > 0 && t[tn - 1] == ' ' && !sig;
        cp_buf_add(&b, t, flowed && delsp ? tn - 1 : tn);
        if (!flowed)
            cp_buf_putc(&b, '\n');
        joining = flowed;
        join_depth = depth;
        s = nl ? nl + 1 : s + strlen(s);
    }
    return cp_buf_detach(&b);
}

/* A header value as one tidy line of valid UTF-8; NULL when empty. */
static char *
header_tidy(const char *v)
{
    if (v == NULL)
        return NULL;
    cp_buf b = CP_BUF_INIT;
    add_utf8_repaired(&b, v, strlen(v));
    cp_buf out = CP_BUF_INIT;
    int space = 0;
    for (size_t i = 0; i < b.len; i++) {
        unsigned char c = (unsigned char)b.data[i];
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
            space = 1;
            continue;
        }
        if (c < 0x20 || c == 0x7F)
            continue;
        if (space && out.len > 0)
            cp_buf_putc(&out, ' ');
        space = 0;
        cp_buf_putc(&out, (char)c);
    }
    cp_buf_free(&b);
    if (out.len == 0) {
        cp_buf_free(&out);
        return NULL;
    }
    return cp_buf_detach(&out);
}

/* ---- HTML to text ---- */

typedef struct html_out {
    cp_buf b;
    int breaks;        /* line breaks wanted before the next text (0..2) */
    int space;         /* a space wanted before the next text */
    int pre;           /* inside <pre>: keep white space */
    int lists;         /* depth of <ul>/<ol> */
} html_out;

static void
html_want_break(html_out *o, int n)
{
    if (o->breaks < n)
        o->breaks = n;
    o->space = 0;
}

/* Write what is pending before the next visible text. */
static void
html_flush(html_out *o)
{
    if (o->b.len == 0) {
        o->breaks = o->space = 0;
        return;
    }
    if (o->breaks > 0) {
        cp_buf_add(&o->b, "\n\n", o->breaks > 1 ? 2 : 1);
        o->breaks = o->space = 0;
    } else if (o->space) {
        cp_buf_putc(&o->b, ' ');
        o->space = 0;
    }
}

static void
html_raw(html_out *o, const char *s)
{
    html_flush(o);
    cp_buf_puts(&o->b, s);
}

static void
html_text(html_out *o, const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s, *end = p + n;
    if (o->pre) {
        for (; p < end; p++) {
            if (*p == '\n') {
                o->breaks++;
                continue;
            }
            if (*p == '\r')
                continue;
            html_flush(o);
            cp_buf_putc(&o->b, (char)*p);
        }
        return;
    }
    for (; p < end; p++) {
        if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '\f') {
            o->space = 1;
        } else if (p[0] == 0xC2 && p + 1 < end && p[1] == 0xA0) {   /* &nbsp; is layout, not text */
            o->space = 1;
            p++;
        } else {
            html_flush(o);
            cp_buf_putc(&o->b, (char)*p);
        }
    }
}

static int
name_in(const char *name, const char *const *list)
{
    for (; *list; list++)
        if (ascii_casecmp(name, *list) == 0)
            return 1;
    return 0;
}

static const char *const html_skip[] = {
    "head", "script", "style", "title", "template", NULL
};
/* Blocks that end a line, and those that also leave a blank line. */
static const char *const html_line[] = {
    "address", "article", "aside", "caption", "center", "dd", "details", "div",
    "dt", "fieldset", "figcaption", "figure", "footer", "form", "header",
    "legend", "li", "main", "nav", "section", "summary", "table", "tr", NULL
};
static const char *const html_para[] = {
    "blockquote", "dl", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "ol", "p",
    "pre", "ul", NULL
};

static int
html_break_of(const char *name, int lists)
{
    if (name_in(name, html_para)) {
        /* A list inside a list item stays in the list. */
        if (lists > 0 && (!ascii_casecmp(name, "ul") || !ascii_casecmp(name, "ol")))
            return 1;
        return 2;
    }
    return name_in(name, html_line) ? 1 : 0;
}

/* Whether a link's URL is worth printing beside its text: `text` is the
 * link's visible text, white space collapsed (NULL when it has none), tl
 * its length. Only lengths are compared before bytes, so a link around a
 * whole long mail costs nothing here. */
static int
html_url_shown(const char *href, const char *text, size_t tl)
{
    if (strncmp(href, "http:", 5) != 0 && strncmp(href, "https:", 6) != 0 &&
        strncmp(href, "ftp:", 4) != 0 && strncmp(href, "mailto:", 7) != 0)
        return 0;   /* anchors, cid:, javascript: mean nothing on paper */
    if (text == NULL)
        return 0;
    size_t len = strlen(href);
    if (tl == len && memcmp(href, text, tl) == 0)
        return 0;
    if (strncmp(href, "mailto:", 7) == 0 && tl == len - 7 && memcmp(href + 7, text, tl) == 0)
        return 0;
    /* "example.com/x" for "https://example.com/x", with or without a slash */
    const char *h = strstr(href, "://");
    h = h ? h + 3 : href;
    size_t hl = strlen(h);
    if (hl > 0 && h[hl - 1] == '/')
        hl--;
    if (tl > 0 && text[tl - 1] == '/')
        tl--;
    if (hl == tl && strncmp(h, text, hl) == 0)
        return 0;
    return 1;
}

/* An element's start: the breaks, bullets and state it begins. */
static void
html_start(html_out *o, const char *name)
{
    int br = html_break_of(name, o->lists);
    if (br)
        html_want_break(o, br);
    if (!ascii_casecmp(name, "br")) {
        if (o->breaks < 2)
            o->breaks++;
        o->space = 0;
    } else if (!ascii_casecmp(name, "li")) {
        html_flush(o);
        for (int i = 1; i < o->lists; i++)
            cp_buf_puts(&o->b, "  ");
        html_raw(o, "\xE2\x80\xA2 ");
    } else if (!ascii_casecmp(name, "td") || !ascii_casecmp(name, "th")) {
        o->space = 1;
    } else if (!ascii_casecmp(name, "ul") || !ascii_casecmp(name, "ol")) {
        o->lists++;
    } else if (!ascii_casecmp(name, "pre")) {
        o->pre++;
    }
}

/* An element's end; for a link, `url` is its href tidied (or NULL) and
 * `text` its visible text. */
static void
html_end(html_out *o, const char *name, const char *url, const char *text, size_t tl)
{
    if (!ascii_casecmp(name, "ul") || !ascii_casecmp(name, "ol")) {
        o->lists--;
    } else if (!ascii_casecmp(name, "pre")) {
        o->pre--;
    } else if (!ascii_casecmp(name, "a")) {
        if (url && html_url_shown(url, text, tl)) {
            o->space = 1;
            html_raw(o, "[");
            cp_buf_puts(&o->b, url);
            cp_buf_puts(&o->b, "]");
        }
    } else if (!ascii_casecmp(name, "td") || !ascii_casecmp(name, "th")) {
        o->space = 1;
    }
    int br = html_break_of(name, o->lists);
    if (br)
        html_want_break(o, br);
}

/* HTML is read as the parser's events (SAX), never as a tree: with
 * libxml2's tree, a thread of replies quoted inside each other a million
 * levels deep (a 42 MB mail, under CP_MAIL_MAX_FILE) took 543 MB to build,
 * and the events need only the names of the open elements. The events are
 * those from which libxml2 builds its tree, and they are read as a walk of
 * that tree read them: an element is named by its local part (libxml2 names the
 * node of <o:p> "p"), the first element is the root, text outside every
 * element is dropped, and a link's text is all the text inside it, that
 * of <style> and <script> too (xmlNodeGetContent's). One difference: what
 * comes after </html> is read as the root's children, where the tree
 * dropped it when a doctype or a comment came before <html>. */
typedef struct html_link {
    size_t depth;       /* its index in html_sax.open */
    char *url;          /* its href tidied, else NULL */
    size_t at;          /* where its text starts in html_sax.link_text */
} html_link;

typedef struct html_sax {
    htmlParserCtxtPtr ctxt;
    html_out o;
    const char **open;  /* the open elements' names (the parser's dictionary's); open[0] the root */
    size_t n_open, cap_open;
    int root_closed;    /* the root's end was seen; it is left at the end */
    size_t hidden;      /* 1 + the index of the outermost open <head>, <script> ..., else 0 */
    html_link *links;   /* the open links that are read */
    size_t n_links, cap_links;
    /* The text of the open links, as header_tidy makes it: a run of white
     * space one space, none leading, control characters dropped. */
    cp_buf link_text;
    int link_space;
    size_t max;         /* the text the caller keeps, in bytes */
    size_t check_at;    /* the length of o.b at which to see whether it has that */
    int enough;         /* it has: the parser is stopped */
} html_sax;

/* Stop once the text is longer than the caller takes: a 50 MB mail need
 * not be held as text whole to be found longer than 4 MB. text_tidy is line by line,
 * so the tidy text of what is written so far begins as the tidy text of
 * the whole does. */
static void
html_enough(html_sax *s)
{
    if (s->enough || s->o.b.len < s->check_at)
        return;
    char *t = text_tidy(s->o.b.data, s->o.b.len);
    size_t n = strlen(t);
    free(t);
    if (n > s->max) {
        s->enough = 1;
        xmlStopParser(s->ctxt);
    } else {
        s->check_at = 2 * s->o.b.len;   /* mostly white space so far */
    }
}

static void
link_text_add(html_sax *s, const char *t, size_t n)
{
    cp_buf fixed = CP_BUF_INIT;
    add_utf8_repaired(&fixed, t, n);
    for (size_t i = 0; i < fixed.len; i++) {
        unsigned char c = (unsigned char)fixed.data[i];
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
            s->link_space = 1;
            continue;
        }
        if (c < 0x20 || c == 0x7F)
            continue;
        if (s->link_space && s->link_text.len > 0)
            cp_buf_putc(&s->link_text, ' ');
        s->link_space = 0;
        cp_buf_putc(&s->link_text, (char)c);
    }
    cp_buf_free(&fixed);
}

static void
sax_start(void *ctx, const xmlChar *fullname, const xmlChar **atts)
{
    html_sax *s = ((htmlParserCtxtPtr)ctx)->_private;
    if (s->enough)
        return;
    xmlChar *prefix = NULL;
    xmlChar *local = xmlSplitQName(s->ctxt, fullname, &prefix);
    const char *name = (const char *)xmlDictLookup(s->ctxt->dict, local ? local : fullname, -1);
    xmlFree(prefix);
    xmlFree(local);
    if (name == NULL)
        cp_out_of_memory(0);
    if (s->n_open == s->cap_open) {
        s->cap_open = s->cap_open ? 2 * s->cap_open : 64;
        s->open = xreallocarray(s->open, s->cap_open, sizeof *s->open);
    }
    s->open[s->n_open++] = name;
    if (s->hidden)
        return;
    if (name_in(name, html_skip)) {
        s->hidden = s->n_open;
        return;
    }
    html_start(&s->o, name);
    if (!ascii_casecmp(name, "a")) {
        const xmlChar *href = NULL;
        /* The first href, by its exact name, as xmlGetProp finds it. */
        for (size_t i = 0; atts && atts[i]; i += 2)
            if (xmlStrEqual(atts[i], (const xmlChar *)"href")) {
                href = atts[i + 1];
                break;
            }
        if (s->n_links == s->cap_links) {
            s->cap_links = s->cap_links ? 2 * s->cap_links : 8;
            s->links = xreallocarray(s->links, s->cap_links, sizeof *s->links);
        }
        s->links[s->n_links++] = (html_link){ s->n_open - 1, header_tidy((const char *)href),
                                              s->link_text.len };
    }
    html_enough(s);
}

/* The end of the innermost open element (of the root, at the end). */
static void
sax_leave(html_sax *s)
{
    const char *name = s->open[--s->n_open];
    if (s->hidden == s->n_open + 1) {
        s->hidden = 0;   /* html_skip's elements end nothing */
        return;
    }
    if (s->hidden)
        return;
    if (s->n_links == 0 || s->links[s->n_links - 1].depth != s->n_open) {
        html_end(&s->o, name, NULL, NULL, 0);
        return;
    }
    html_link *l = &s->links[--s->n_links];
    /* link_text has no buffer yet when no link had text (NULL + 0 is
     * undefined: clang's UBSan, make fuzz) */
    const char *text = s->link_text.data ? s->link_text.data + l->at : "";
    size_t tl = s->link_text.len - l->at;
    if (tl > 0 && text[0] == ' ') {
        text++;
        tl--;
    }
    html_end(&s->o, name, l->url, tl ? text : NULL, tl);
    free(l->url);
    if (s->n_links == 0) {
        s->link_text.len = 0;
        s->link_space = 0;
    }
}

static void
sax_end(void *ctx, const xmlChar *name)
{
    (void)name;   /* the tree ends the node that is open, whatever the name */
    html_sax *s = ((htmlParserCtxtPtr)ctx)->_private;
    if (s->enough)
        return;
    if (s->n_open == 1)
        s->root_closed = 1;
    else if (s->n_open > 1)
        sax_leave(s);
    html_enough(s);
}

static void
sax_text(void *ctx, const xmlChar *ch, int len)
{
    html_sax *s = ((htmlParserCtxtPtr)ctx)->_private;
    if (s->enough || s->n_open == 0 || (s->n_open == 1 && s->root_closed) || len <= 0)
        return;   /* (outside every element: no node would hold it) */
    if (s->n_links)
        link_text_add(s, (const char *)ch, (size_t)len);
    if (!s->hidden)
        html_text(&s->o, (const char *)ch, (size_t)len);
    html_enough(s);
}

char *
cp_mail_html_to_text(const char *html, size_t len, size_t max)
{
    if (len > INT_MAX)
        len = INT_MAX;
    if (len == 0)
        return text_tidy("", 0);   /* libxml2 takes no empty buffer */
    html_sax s = { .o = { CP_BUF_INIT, 0, 0, 0, 0 }, .link_text = CP_BUF_INIT, .max = max,
                   .check_at = max > SIZE_MAX - 65536 ? SIZE_MAX : max + 65536 };
    s.ctxt = htmlNewParserCtxt();
    if (s.ctxt == NULL)
        cp_out_of_memory(0);
    /* These events only: the others (comments, the doctype ...) build the
     * tree and hold no text. */
    memset(s.ctxt->sax, 0, sizeof *s.ctxt->sax);
    s.ctxt->sax->initialized = 1;
    s.ctxt->sax->startElement = sax_start;
    s.ctxt->sax->endElement = sax_end;
    s.ctxt->sax->characters = sax_text;
    s.ctxt->sax->cdataBlock = sax_text;
    s.ctxt->_private = &s;
    /* htmlCtxtReadMemory's steps but one: told the text is UTF-8 by its
     * encoding argument, libxml2 2.9 copies it again through a UTF-8
     * "encoder". Marked UTF-8 here instead, it is read as it was, and a
     * <meta charset> in the mail changes nothing (GMime has decoded the
     * text). (xmlParserInputBufferCreateStatic would save the other copy
     * too, but libxml2 2.9.14's HTML parser misreads such a buffer past
     * its first chunk: pages came out with markup as text.) */
    xmlParserInputBufferPtr buf = xmlParserInputBufferCreateMem(html, (int)len,
                                                                XML_CHAR_ENCODING_NONE);
    xmlParserInputPtr in = buf ? xmlNewIOInputStream(s.ctxt, buf, XML_CHAR_ENCODING_NONE) : NULL;
    if (in == NULL)
        cp_out_of_memory(0);
    inputPush(s.ctxt, in);
    /* XML_PARSE_HUGE: without it libxml2 stops at 256 levels of nesting,
     * and under HTML_PARSE_RECOVER it says nothing, so a long thread of
     * replies quoted inside each other lost its oldest messages. */
    htmlCtxtUseOptions(s.ctxt, HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                               HTML_PARSE_RECOVER | XML_PARSE_HUGE);
    in->encoding = xmlStrdup((const xmlChar *)"UTF-8");
    s.ctxt->charset = XML_CHAR_ENCODING_UTF8;
    htmlParseDocument(s.ctxt);
    if (s.ctxt->myDoc)
        xmlFreeDoc(s.ctxt->myDoc);   /* none: no startDocument */
    s.ctxt->myDoc = NULL;
    /* What is still open ends here, the root last, as a walk of the tree
     * leaves each node after its children (past the text kept, it only
     * frees). */
    if (s.enough)
        s.n_open = 0;
    while (s.n_open > 0)
        sax_leave(&s);
    for (size_t i = 0; i < s.n_links; i++)
        free(s.links[i].url);
    htmlFreeParserCtxt(s.ctxt);
    free(s.open);
    free(s.links);
    cp_buf_free(&s.link_text);
    char *raw = cp_buf_detach(&s.o.b);
    char *text = text_tidy(raw, strlen(raw));
    free(raw);
    return text;
}

/* ---- MIME ---- */

typedef struct mail_ctx {
    const char *display;
    cp_diags *diags;
    size_t text_len;    /* body text so far, all messages together */
    int too_long;       /* the text passed CP_MAIL_MAX_TEXT: refused */
    int too_deep;       /* the nesting limit that was passed, else 0 */
    size_t nuls;        /* NUL bytes in the decoded text, shown as U+FFFD */
} mail_ctx;

typedef struct mail_acc {
    cp_mail *m;
    cp_buf body;
} mail_acc;

static int
type_is(GMimeObject *obj, const char *type, const char *subtype)
{
    GMimeContentType *ct = gm.g_mime_object_get_content_type(obj);
    return ct && gm.g_mime_content_type_is_type(ct, type, subtype);
}

static int
part_is_html(GMimeObject *obj)
{
    GMimeContentType *ct = gm.g_mime_object_get_content_type(obj);
    if (ct == NULL || !gm.g_mime_content_type_is_type(ct, "text", "*"))
        return 0;
    const char *sub = gm.g_mime_content_type_get_media_subtype(ct);
    size_t n = sub ? strlen(sub) : 0;
    /* text/html and relatives such as text/watch-html */
    return n >= 4 && ascii_casecmp(sub + n - 4, "html") == 0;
}

/* A part whose content is text meant to be read in the message. */
static int
part_is_body_text(GMimeObject *obj)
{
    if (!is_a(obj, gm.g_mime_part_get_type()))
        return 0;
    if (gm.g_mime_part_is_attachment((GMimePart *)(obj)))
        return 0;
    if (type_is(obj, "message", "delivery-status") ||
        type_is(obj, "message", "disposition-notification"))
        return 1;
    if (!type_is(obj, "text", "*"))
        return 0;
    /* A named text file other than the message's own text is an enclosure. */
    if (gm.g_mime_part_get_filename((GMimePart *)(obj)) != NULL &&
        !type_is(obj, "text", "plain") && !part_is_html(obj))
        return 0;
    return 1;
}

static void
add_attachment(cp_mail *m, GMimeObject *obj)
{
    const char *name = is_a(obj, gm.g_mime_part_get_type()) ? gm.g_mime_part_get_filename((GMimePart *)(obj)) : NULL;
    char *s = NULL;
    if (name) {
        /* Keep only the last path component (old clients sent C:\...\x.doc). */
        const char *slash = strrchr(name, '/');
        const char *bslash = strrchr(name, '\\');
        if (slash && (!bslash || slash > bslash))
            name = slash + 1;
        else if (bslash)
            name = bslash + 1;
        s = header_tidy(name);
    }
    if (s == NULL) {
        GMimeContentType *ct = gm.g_mime_object_get_content_type(obj);
        char *mime = ct ? gm.g_mime_content_type_get_mime_type(ct) : NULL;
        s = header_tidy(mime ? mime : "application/octet-stream");
        gm.g_free(mime);
        if (s == NULL)
            s = xstrdup("application/octet-stream");
    }
    m->attachments = xreallocarray(m->attachments, m->n_attachments + 1, sizeof *m->attachments);
    m->attachments[m->n_attachments++] = s;
}

static void
add_body_text(mail_ctx *ctx, mail_acc *acc, GMimeObject *obj)
{
    GMimeDataWrapper *content = gm.g_mime_part_get_content((GMimePart *)(obj));
    if (content == NULL)
        return;
    GMimeStream *mem = gm.g_mime_stream_mem_new();
    /* Writes the decoded content (quoted-printable, base64, uuencode). */
    gm.g_mime_data_wrapper_write_to_stream(content, mem);
    GByteArray *raw = gm.g_mime_stream_mem_get_byte_array((GMimeStreamMem *)(mem));
    const char *charset = gm.g_mime_object_get_content_type_parameter(obj, "charset");
    if (raw)
        ctx->nuls += count_nuls((const char *)raw->data, raw->len);
    cp_buf utf8 = CP_BUF_INIT;
    text_to_utf8(&utf8, charset, raw ? (const char *)raw->data : "", raw ? raw->len : 0);
    gm.g_object_unref(mem);

    const char *format = gm.g_mime_object_get_content_type_parameter(obj, "format");
    if (format && !part_is_html(obj) && ascii_casecmp(format, "flowed") == 0) {
        const char *delsp = gm.g_mime_object_get_content_type_parameter(obj, "delsp");
        char *joined = text_unflow(utf8.data ? utf8.data : "",
                                   delsp && ascii_casecmp(delsp, "yes") == 0);
        cp_buf_free(&utf8);
        cp_buf_puts(&utf8, joined);
        free(joined);
    }
    size_t room = ctx->too_long ? 0 : CP_MAIL_MAX_TEXT - ctx->text_len;
    char *text = part_is_html(obj) ? cp_mail_html_to_text(utf8.data ? utf8.data : "", utf8.len, room)
                                   : text_tidy(utf8.data ? utf8.data : "", utf8.len);
    cp_buf_free(&utf8);
    if (strlen(text) > room) {
        ctx->too_long = 1;
    } else if (text[0] != '\0') {
        if (acc->body.len > 0)
            cp_buf_puts(&acc->body, "\n\n");
        cp_buf_puts(&acc->body, text);
        ctx->text_len += strlen(text);
    }
    free(text);
}

/* How well a part of a multipart/alternative serves as the text:
 * plain text beats HTML beats other text beats anything else. */
static int
alternative_score(GMimeObject *obj, int depth)
{
    if (depth > MAIL_MAX_MULTIPART_DEPTH)
        return 0;
    if (is_a(obj, gm.g_mime_multipart_get_type())) {
        GMimeMultipart *mp = (GMimeMultipart *)(obj);
        int n = gm.g_mime_multipart_get_count(mp), best = 0;
        if (type_is(obj, "multipart", "related") && n > 0)
            n = 1;
        for (int i = 0; i < n; i++) {
            int s = alternative_score(gm.g_mime_multipart_get_part(mp, i), depth + 1);
            if (s > best)
                best = s;
        }
        return best;
    }
    if (!part_is_body_text(obj))
        return 0;
    if (type_is(obj, "text", "plain"))
        return 3;
    return part_is_html(obj) ? 2 : 1;
}

static cp_mail *mail_from_message(mail_ctx *ctx, GMimeMessage *msg, int depth);

static void
walk_part(mail_ctx *ctx, mail_acc *acc, GMimeObject *obj, int depth, int mp_depth)
{
    if (obj == NULL)
        return;
    if (is_a(obj, gm.g_mime_message_part_get_type())) {
        GMimeMessage *inner = gm.g_mime_message_part_get_message((GMimeMessagePart *)(obj));
        if (inner == NULL) {
            add_attachment(acc->m, obj);
            return;
        }
        if (depth + 1 > CP_MAIL_MAX_DEPTH) {
            ctx->too_deep = CP_MAIL_MAX_DEPTH;
            return;
        }
        cp_mail *child = mail_from_message(ctx, inner, depth + 1);
        cp_mail *m = acc->m;
        m->messages = xreallocarray(m->messages, m->n_messages + 1, sizeof *m->messages);
        m->messages[m->n_messages++] = child;
        return;
    }
    if (is_a(obj, gm.g_mime_multipart_get_type())) {
        if (mp_depth + 1 > MAIL_MAX_MULTIPART_DEPTH) {
            ctx->too_deep = MAIL_MAX_MULTIPART_DEPTH;
            return;
        }
        GMimeMultipart *mp = (GMimeMultipart *)(obj);
        int n = gm.g_mime_multipart_get_count(mp);
        if (type_is(obj, "multipart", "alternative")) {
            int best = -1, best_score = 0;
            for (int i = 0; i < n; i++) {
                int s = alternative_score(gm.g_mime_multipart_get_part(mp, i), mp_depth + 1);
                if (s > best_score) {
                    best = i;
                    best_score = s;
                }
            }
            if (best < 0 && n > 0)
                best = n - 1;   /* RFC 2046: the last is the richest */
            if (best >= 0)
                walk_part(ctx, acc, gm.g_mime_multipart_get_part(mp, best), depth, mp_depth + 1);
            return;
        }
        if (type_is(obj, "multipart", "related") && n > 0) {
            /* The root is the text; the rest are its pictures, listed when named. */
            walk_part(ctx, acc, gm.g_mime_multipart_get_part(mp, 0), depth, mp_depth + 1);
            for (int i = 1; i < n; i++) {
                GMimeObject *p = gm.g_mime_multipart_get_part(mp, i);
                if (is_a(p, gm.g_mime_part_get_type()) && gm.g_mime_part_get_filename((GMimePart *)(p)))
                    add_attachment(acc->m, p);
            }
            return;
        }
        for (int i = 0; i < n; i++)
            walk_part(ctx, acc, gm.g_mime_multipart_get_part(mp, i), depth, mp_depth + 1);
        return;
    }
    if (part_is_body_text(obj))
        add_body_text(ctx, acc, obj);
    else
        add_attachment(acc->m, obj);
}

/* ---- headers ---- */

/* Append text that is not an encoded word: UTF-8 (RFC 6532) as it is,
 * other 8-bit bytes through GMime's fallback charsets. */
static void
add_header_literal(cp_buf *b, const char *s, size_t n)
{
    if (utf8_valid_prefix(s, n) == n) {
        cp_buf_add(b, s, n);
        return;
    }
    char *t = gm.g_mime_utils_decode_8bit(NULL, s, n);
    add_utf8_repaired(b, t, strlen(t));
    gm.g_free(t);
}

static int
b64_value(int c)
{
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+') return 62;
    if (c == '/') return 63;
    return -1;
}

static int
hex_value(int c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
}

/* Decode the payload of one encoded word (B or Q) onto `out`. */
static void
encoded_word_bytes(cp_buf *out, char enc, const char *t, size_t n)
{
    if (enc == 'B' || enc == 'b') {
        unsigned acc = 0;
        int bits = 0;
        for (size_t i = 0; i < n && t[i] != '='; i++) {
            int v = b64_value((unsigned char)t[i]);
            if (v < 0)
                continue;
            acc = (acc << 6) | (unsigned)v;
            bits += 6;
            if (bits >= 8) {
                bits -= 8;
                cp_buf_putc(out, (char)((acc >> bits) & 0xFF));
            }
        }
        return;
    }
    for (size_t i = 0; i < n; i++) {
        int h1, h2;
        if (t[i] == '_')
            cp_buf_putc(out, ' ');
        else if (t[i] == '=' && i + 2 < n &&
                 (h1 = hex_value((unsigned char)t[i + 1])) >= 0 &&
                 (h2 = hex_value((unsigned char)t[i + 2])) >= 0) {
            cp_buf_putc(out, (char)(h1 * 16 + h2));
            i += 2;
        } else
            cp_buf_putc(out, t[i]);
    }
}

/* Parse "=?charset?e?text?=" at s (no white space inside). Fills the parts
 * and returns the length, or 0 when s is no encoded word. */
static size_t
encoded_word(const char *s, size_t n, const char **cs, size_t *csn, char *enc,
             const char **text, size_t *textn)
{
    if (n < 8 || s[0] != '=' || s[1] != '?')
        return 0;
    size_t i = 2;
    while (i < n && s[i] != '?' && !ascii_space(s[i]))
        i++;
    if (i >= n || s[i] != '?' || i == 2 || i + 3 >= n || s[i + 2] != '?')
        return 0;
    *cs = s + 2;
    *csn = i - 2;
    *enc = s[i + 1];
    if (*enc != 'B' && *enc != 'b' && *enc != 'Q' && *enc != 'q')
        return 0;
    size_t j = i + 3;
    while (j + 1 < n && !(s[j] == '?' && s[j + 1] == '=') && !ascii_space(s[j]))
        j++;
    if (j + 1 >= n || s[j] != '?' || s[j + 1] != '=')
        return 0;
    *text = s + i + 3;
    *textn = j - (i + 3);
    return j + 2;
}

static void
flush_encoded(cp_buf *out, cp_buf *bytes, const char *charset)
{
    if (bytes->len > 0)
        text_to_utf8(out, charset, bytes->data, bytes->len);
    bytes->len = 0;
}

/* RFC 2047 decoding of a raw header value. Adjacent encoded words in one
 * charset are decoded to bytes first and converted together, so a
 * character split across two words survives; each word is decoded on its
 * own, so padding inside a run of base64 words does no harm (GMime 3.2
 * loses the text after such padding). */
static char *
header_decode(const char *raw)
{
    cp_buf out = CP_BUF_INIT, bytes = CP_BUF_INIT;
    char charset[64] = "";
    size_t n = strlen(raw), i = 0, lit = 0;   /* lit: start of pending literal text */
    size_t after_word = SIZE_MAX;             /* where the last encoded word ended */
    while (i < n) {
        const char *cs, *text;
        size_t csn, textn;
        char enc;
        size_t len = raw[i] == '=' ? encoded_word(raw + i, n - i, &cs, &csn, &enc, &text, &textn) : 0;
        if (len == 0) {
            i++;
            continue;
        }
        /* White space only between two encoded words is not shown. */
        int adjacent = after_word == lit;
        for (size_t k = lit; adjacent && k < i; k++)
            if (!ascii_space(raw[k]))
                adjacent = 0;
        char this_cs[64];
        size_t m = csn < sizeof this_cs - 1 ? csn : sizeof this_cs - 1;
        memcpy(this_cs, cs, m);
        this_cs[m] = '\0';
        char *star = strchr(this_cs, '*');      /* RFC 2231 language */
        if (star)
            *star = '\0';
        if (!adjacent || ascii_casecmp(this_cs, charset) != 0) {
            flush_encoded(&out, &bytes, charset);
            if (!adjacent)
                add_header_literal(&out, raw + lit, i - lit);
            memcpy(charset, this_cs, sizeof charset);
        }
        encoded_word_bytes(&bytes, enc, text, textn);
        i += len;
        lit = after_word = i;
    }
    flush_encoded(&out, &bytes, charset);
    add_header_literal(&out, raw + lit, n - lit);
    cp_buf_free(&bytes);
    char *s = header_tidy(out.data ? out.data : "");
    cp_buf_free(&out);
    return s;
}

/* Address headers read better without the quoting of display names and
 * without angle brackets around a lone address. */
static char *
address_tidy(char *s)
{
    if (s == NULL)
        return NULL;
    char *w = s;
    for (char *r = s; *r; r++) {
        if (*r == '\\' && (r[1] == '"' || r[1] == '\\'))
            *w++ = *++r;
        else if (*r != '"')
            *w++ = *r;
    }
    *w = '\0';
    size_t n = strlen(s);
    if (n > 2 && s[0] == '<' && s[n - 1] == '>' && strpbrk(s + 1, "<>") == s + n - 1) {
        memmove(s, s + 1, n - 2);
        s[n - 2] = '\0';
    }
    if (s[0] == '\0') {
        free(s);
        return NULL;
    }
    return s;
}

/* A header of msg, decoded; NULL when absent or empty. */
static char *
message_header(GMimeMessage *msg, const char *name)
{
    GMimeHeaderList *hl = gm.g_mime_object_get_header_list((GMimeObject *)(msg));
    GMimeHeader *h = hl ? gm.g_mime_header_list_get_header(hl, name) : NULL;
    const char *raw = h ? gm.g_mime_header_get_raw_value(h) : NULL;
    return raw ? header_decode(raw) : NULL;
}

/* A web page saved by a browser (MHTML, RFC 2557): Chrome and Edge write
 * "From: <Saved by Blink>" and the page's address as
 * Snapshot-Content-Location; the address of its first part says the same
 * where that header is missing. The page is shown as a page: its title and
 * address, not a sender. */
static void
saved_page(cp_mail *m, GMimeMessage *msg, GMimeObject *top)
{
    char *snap = message_header(msg, "Snapshot-Content-Location");
    bool blink = m->from && strstr(m->from, "Saved by ") != NULL;
    if (top == NULL || !type_is(top, "multipart", "related") || (snap == NULL && !blink)) {
        free(snap);
        return;
    }
    if (snap == NULL && is_a(top, gm.g_mime_multipart_get_type()) &&
        gm.g_mime_multipart_get_count((GMimeMultipart *)(top)) > 0) {
        GMimeObject *root = gm.g_mime_multipart_get_part((GMimeMultipart *)(top), 0);
        GMimeHeaderList *hl = gm.g_mime_object_get_header_list(root);
        GMimeHeader *h = hl ? gm.g_mime_header_list_get_header(hl, "Content-Location") : NULL;
        const char *raw = h ? gm.g_mime_header_get_raw_value(h) : NULL;
        snap = raw ? header_decode(raw) : NULL;
    }
    m->url = snap ? snap : xstrdup("");
    cp_trim(m->url);
    free(m->from);
    m->from = NULL;
    if (m->subject == NULL || !*m->subject) {
        free(m->subject);
        m->subject = message_header(msg, "X-Snapshot-Title");
    }
}

static cp_mail *
mail_from_message(mail_ctx *ctx, GMimeMessage *msg, int depth)
{
    cp_mail *m = xcalloc(1, sizeof *m);
    /* Headers are shown as written, decoded: faithful for evidence, and
     * an address list that does not parse is still readable. */
    m->from = address_tidy(message_header(msg, "From"));
    m->to = address_tidy(message_header(msg, "To"));
    m->cc = address_tidy(message_header(msg, "Cc"));
    m->subject = message_header(msg, "Subject");
    m->date = message_header(msg, "Date");

    mail_acc acc = { m, CP_BUF_INIT };
    GMimeObject *top = gm.g_mime_message_get_mime_part(msg);
    walk_part(ctx, &acc, top, depth, 0);
    m->body = cp_buf_detach(&acc.body);
    if (depth == 0)
        saved_page(m, msg, top);
    return m;
}

static char *header_refold(const char *buf, size_t len, size_t *out_len);

/* Where the header starts: after blank lines and an mbox "From " line. */
static size_t
mail_header_start(const char *buf, size_t len)
{
    size_t i = 0;
    while (i < len && (buf[i] == '\r' || buf[i] == '\n'))
        i++;
    if (len - i >= 5 && memcmp(buf + i, "From ", 5) == 0) {
        const char *nl = memchr(buf + i, '\n', len - i);
        i = nl ? (size_t)(nl - buf) + 1 : len;
    }
    return i;
}

int
cp_mail_read(cp_mail **out, const char *path, const char *display, cp_diags *diags)
{
    *out = NULL;
    int rc = -1;
    char *data = NULL;
    size_t len = 0;
    GMimeStream *stream = NULL;
    GMimeParser *parser = NULL;
    GMimeMessage *msg = NULL;
    mail_ctx ctx = { display, diags, 0, 0, 0, 0 };
    char *refolded = NULL;

    if (cp_read_file(&data, &len, path, CP_MAIL_MAX_FILE) < 0) {
        if (errno == EFBIG)
            cp_error(diags, CP_INPUT, display, 0, 0,
                     "the e-mail is larger than %u MB", CP_MAIL_MAX_FILE / (1024 * 1024));
        else
            cp_error(diags, CP_INPUT, display, 0, 0, "cannot be read: %s", strerror(errno));
        goto cleanup;
    }
    /* Of the bytes as read: parsing them changes them in place. */
    uint64_t sum = cp_sum64(CP_SUM64_INIT, data, len);
    if (len >= 8 && memcmp(data, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) == 0) {
        rc = cp_outlook_read(out, (const unsigned char *)data, len, display, diags);
        if (rc == 0)
            (*out)->sum = sum;
        goto cleanup;   /* an Outlook message (outlook.c) */
    }
    size_t start = mail_header_start(data, len);
    if (start >= len) {
        cp_error(diags, CP_INPUT, display, 0, 0, "the e-mail is empty");
        goto cleanup;
    }

    if (mail_init(display, CP_INPUT, "cannot read e-mail", diags) < 0)
        goto cleanup;
    size_t refolded_len = 0;
    refolded = header_refold(data + start, len - start, &refolded_len);
    if (refolded)
        stream = gm.g_mime_stream_mem_new_with_buffer(refolded, refolded_len);
    else
        stream = gm.g_mime_stream_mem_new_with_buffer(data + start, len - start);
    /* The stream holds a copy: a 50 MB mail is not kept three times. */
    free(data);
    data = NULL;
    free(refolded);
    refolded = NULL;
    parser = gm.g_mime_parser_new_with_stream(stream);
    gm.g_mime_parser_set_format(parser, GMIME_FORMAT_MESSAGE);
    msg = gm.g_mime_parser_construct_message(parser, NULL);
    if (msg == NULL || gm.g_mime_header_list_get_count(gm.g_mime_object_get_header_list((GMimeObject *)(msg))) == 0) {
        cp_error(diags, CP_INPUT, display, 0, 0,
                 "not an e-mail message: it does not start with header fields");
        goto cleanup;
    }

    cp_mail *m = mail_from_message(&ctx, msg, 0);
    /* Refused past the bound, as a text file and a chat are, not cut
     * short: its end, which a cut would hide, may be what the claim is
     * about. */
    if (ctx.too_long) {
        cp_error(diags, CP_INPUT, display, 0, 0,
                 "the %s text is longer than %u MB; enclose the part the claim is about (%s)",
                 m->url ? "saved web page's" : "e-mail's", CP_MAIL_MAX_TEXT / (1024 * 1024),
                 m->url ? "that part of the page, saved on its own"
                        : "the messages it is about, saved on their own");
        cp_mail_free(m);
        goto cleanup;
    }
    if (m->url && m->body[0] == '\0') {
        cp_error(diags, CP_INPUT, display, 0, 0, "the saved web page (MHTML) holds no "
                 "readable page: its parts are missing (are the MIME boundary lines "
                 "gone?); save the page again");
        cp_mail_free(m);
        goto cleanup;
    }
    if (ctx.too_deep) {
        cp_error(diags, CP_INPUT, display, 0, 0,
                 "the e-mail nests messages or parts too deeply (more than %d levels)",
                 ctx.too_deep);
        cp_mail_free(m);
        goto cleanup;
    }
    if (ctx.nuls > 0)
        cp_warning(diags, display, 0, 0, "the e-mail's text has %zu NUL byte%s, shown as \xEF\xBF\xBD",
                   ctx.nuls, ctx.nuls == 1 ? "" : "s");
    m->sum = sum;
    *out = m;
    rc = 0;

cleanup:
    if (msg)
        gm.g_object_unref(msg);
    if (parser)
        gm.g_object_unref(parser);
    if (stream)
        gm.g_object_unref(stream);
    free(refolded);
    free(data);
    return rc;
}

void
cp_mail_free(cp_mail *m)
{
    if (m == NULL)
        return;
    free(m->from);
    free(m->to);
    free(m->cc);
    free(m->date);
    free(m->subject);
    free(m->url);
    free(m->body);
    for (size_t i = 0; i < m->n_attachments; i++)
        free(m->attachments[i]);
    free(m->attachments);
    for (size_t i = 0; i < m->n_messages; i++)
        cp_mail_free(m->messages[i]);
    free(m->messages);
    free(m);
}

/* ---- sniffing ---- */

static int
sniff_known_name(const unsigned char *s, size_t n)
{
    static const char *const names[] = {
        "From", "To", "Subject", "Date", "Received", "Message-ID", "MIME-Version",
        "Return-Path", NULL
    };
    for (size_t i = 0; names[i]; i++)
        if (strlen(names[i]) == n && ascii_ncasecmp((const char *)s, names[i], n) == 0)
            return 1;
    return 0;
}

/* Whether a header line leaves an encoded word open ("=?utf-8?Q?..."
 * without its "?="): Chrome saves a long page title in MHTML as an encoded
 * word broken over lines without the leading space that folds them, so the
 * next line, which has no colon, continues it. */
static bool
leaves_encoded_word_open(const unsigned char *s, size_t n, bool open)
{
    for (size_t i = 0; i + 1 < n; i++) {
        if (!open && s[i] == '=' && s[i + 1] == '?') {
            /* "=?charset?X?" then the text up to "?=" */
            size_t q = 0, k = i + 2;
            while (k < n && q < 2)
                q += s[k++] == '?';
            if (q < 2)
                return true;
            open = true;
            i = k - 1;
        } else if (open && s[i] == '?' && s[i + 1] == '=') {
            open = false;
            i++;
        }
    }
    return open;
}

/* The length of a header field's name before its colon, or 0. */
static size_t
field_name_len(const unsigned char *s, size_t n)
{
    size_t k = 0;
    while (k < n && s[k] > 32 && s[k] < 127 && s[k] != ':')
        k++;
    return k > 0 && k < n && s[k] == ':' ? k : 0;
}

/* The message with such unfolded continuation lines folded again (a space
 * before each), so that GMime reads the header block to its end; NULL when
 * nothing needs it. */
static char *
header_refold(const char *buf, size_t len, size_t *out_len)
{
    const unsigned char *u = (const unsigned char *)buf;
    cp_buf b = CP_BUF_INIT;
    bool open = false, changed = false;
    size_t i = 0;
    while (i < len) {
        const unsigned char *nl = memchr(u + i, '\n', len - i);
        size_t end = nl ? (size_t)(nl - u) : len, n = end - i;
        if (n > 0 && u[i + n - 1] == '\r')
            n--;
        if (n == 0)
            break;
        bool cont = u[i] == ' ' || u[i] == '\t';
        if (!cont && field_name_len(u + i, n) == 0 && open) {
            cp_buf_putc(&b, ' ');
            changed = true;
            cont = true;
        }
        open = leaves_encoded_word_open(u + i, n, cont && open);
        cp_buf_add(&b, u + i, (nl ? end + 1 : end) - i);
        i = nl ? end + 1 : len;
    }
    if (!changed) {
        cp_buf_free(&b);
        return NULL;
    }
    cp_buf_add(&b, u + i, len - i);
    *out_len = b.len;
    cp_buf_putc(&b, '\0');
    return cp_buf_detach(&b);
}

int
cp_mail_sniff(const unsigned char *buf, size_t len)
{
    if (len >= 8 && memcmp(buf, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) == 0)
        return cp_outlook_sniff(buf, len);
    size_t i = mail_header_start((const char *)buf, len);
    int fields = 0, known = 0;
    bool open = false;
    /* Look at the first few lines only: enough for any real message. */
    for (int line = 0; line < 32 && i < len; line++) {
        const unsigned char *nl = memchr(buf + i, '\n', len - i);
        size_t end = nl ? (size_t)(nl - buf) : len;
        size_t n = end - i;
        if (n > 0 && buf[i + n - 1] == '\r')
            n--;
        if (n == 0)
            break;                       /* end of the header block */
        if (nl == NULL && fields > 0)
            break;                       /* a line cut off by the prefix */
        const unsigned char *s = buf + i;
        bool cont = s[0] == ' ' || s[0] == '\t';
        if (cont) {
            if (fields == 0)
                return 0;                /* a continuation of nothing */
        } else {
            size_t k = field_name_len(s, n);
            if (k == 0 && !open)
                return 0;
            if (k > 0) {
                fields++;
                known |= sniff_known_name(s, k);
            }
            cont = k == 0;
        }
        open = leaves_encoded_word_open(s, n, cont && open);
        i = end + 1;
    }
    return fields > 0 && known;
}

/* ---- plain text ---- */

int
cp_text_sniff(const unsigned char *buf, size_t len)
{
    /* A stray NUL (a log's padding, an editor's slip) leaves text text; a
     * file of more than one NUL in a hundred bytes is not meant to be read. */
    return cp_utf8_valid((const char *)buf, len) &&
           count_nuls((const char *)buf, len) <= len / 100;
}

int
cp_text_read(char **out, uint64_t *sum, const char *path, const char *display, cp_diags *diags)
{
    *out = NULL;
    char *data = NULL;
    size_t len = 0;
    int rc = -1;
    cp_buf utf8 = CP_BUF_INIT;

    if (cp_read_file(&data, &len, path, CP_MAIL_MAX_FILE) < 0) {
        if (errno == EFBIG)
            cp_error(diags, CP_INPUT, display, 0, 0,
                     "the text file is larger than %u MB", CP_MAIL_MAX_FILE / (1024 * 1024));
        else
            cp_error(diags, CP_INPUT, display, 0, 0, "cannot be read: %s", strerror(errno));
        goto cleanup;
    }
    uint64_t read_sum = cp_sum64(CP_SUM64_INIT, data, len);
    const unsigned char *u = (const unsigned char *)data;
    if (len >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF))) {
        /* Windows editors still save "Unicode" text as UTF-16. */
        if (iconv_to_utf8(&utf8, u[0] == 0xFF ? "UTF-16LE" : "UTF-16BE",
                            data + 2, len - 2) < 0) {
            cp_error(diags, CP_INPUT, display, 0, 0, "cannot convert UTF-16 text");
            goto cleanup;
        }
    } else {
        size_t skip = len >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF ? 3 : 0;
        size_t nuls = count_nuls(data, len);
        if (nuls > 0 && !cp_text_sniff(u, len)) {
            cp_error(diags, CP_INPUT, display, 0, 0, "not a text file: it contains binary data");
            goto cleanup;
        }
        if (!cp_utf8_valid(data + skip, len - skip)) {
            cp_error(diags, CP_INPUT, display, 0, 0,
                     "the text is not UTF-8; save the file as UTF-8 and try again");
            goto cleanup;
        }
        add_utf8_repaired(&utf8, data + skip, len - skip);
        if (nuls > 0)
            cp_warning(diags, display, 0, 0, "the text has %zu NUL byte%s, shown as \xEF\xBF\xBD",
                       nuls, nuls == 1 ? "" : "s");
    }
    char *text = text_tidy(utf8.data ? utf8.data : "", utf8.len);
    if (text[0] == '\0') {
        cp_error(diags, CP_INPUT, display, 0, 0, "the text file is empty");
        free(text);
        goto cleanup;
    }
    /* The bound of an e-mail's text (some 1,500 pages). A text file is
     * refused past it, as a chat is, not cut short: its end, which a cut
     * would hide, may be what the claim is about. */
    if (strlen(text) > CP_MAIL_MAX_TEXT) {
        cp_error(diags, CP_INPUT, display, 0, 0,
                 "the text is longer than %u MB; enclose the part the claim is about "
                 "(a shorter file)", CP_MAIL_MAX_TEXT / (1024 * 1024));
        free(text);
        goto cleanup;
    }
    if (sum)
        *sum = read_sum;
    *out = text;
    rc = 0;

cleanup:
    cp_buf_free(&utf8);
    free(data);
    return rc;
}

/* ---- writing a message ---- */

/* Text for a header, as one line: control characters (CR and LF above all,
 * which would start a header of their own) and runs of white space become
 * one space; in NFC, as the letter is (unicode.h). GMime encodes what is
 * not ASCII (RFC 2047). */
static char *
one_line(const char *s)
{
    cp_buf b = CP_BUF_INIT;
    bool space = false;
    char *nfc = cp_unicode_nfc(s ? s : "", s ? strlen(s) : 0);
    for (const unsigned char *p = (const unsigned char *)nfc; *p; p++) {
        if (*p <= 0x20 || *p == 0x7F) {
            space = b.len > 0;
            continue;
        }
        if (space)
            cp_buf_putc(&b, ' ');
        space = false;
        cp_buf_putc(&b, (char)*p);
    }
    free(nfc);
    return b.data ? cp_buf_detach(&b) : xstrdup("");
}

bool
cp_mail_address_ok(const char *s)
{
    size_t n = s ? strlen(s) : 0;
    const char *at = n ? strchr(s, '@') : NULL;
    if (n < 3 || n > 254 || !at || at == s || !at[1] || strchr(at + 1, '@') || !strchr(at, '.'))
        return false;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        if (*p <= 0x20 || *p >= 0x7F || strchr("()<>[]\\,;:\"", *p))
            return false;
    return true;
}

static void
add_mailbox(InternetAddressList *list, const char *name, const char *addr)
{
    char *n = one_line(name);
    InternetAddress *ia = gm.internet_address_mailbox_new(n[0] ? n : NULL, addr);
    gm.internet_address_list_add(list, ia);
    gm.g_object_unref(ia);
    free(n);
}

int
cp_mail_write(char **out, size_t *len, const cp_mail_msg *m, cp_diags *diags)
{
    *out = NULL;
    *len = 0;
    if (mail_init(m->target, CP_OUTPUT, "cannot write the e-mail", diags) < 0)
        return -1;
    if (!cp_mail_address_ok(m->from_addr) || !cp_mail_address_ok(m->to_addr)) {
        cp_error(diags, CP_OUTPUT, m->target, 0, 0, "internal error: an address not checked");
        return -1;
    }
    GMimeMessage *msg = gm.g_mime_message_new(TRUE);
    add_mailbox(gm.g_mime_message_get_from(msg), m->from_name, m->from_addr);
    add_mailbox(gm.g_mime_message_get_to(msg), m->to_name, m->to_addr);
    char *subject = one_line(m->subject);
    gm.g_mime_message_set_subject(msg, subject, "utf-8");
    free(subject);
    GDateTime *date = gm.g_date_time_new_from_unix_utc(m->date);
    gm.g_mime_message_set_date(msg, date);
    gm.g_date_time_unref(date);
    gm.g_mime_message_set_message_id(msg, m->message_id);

    GMimeTextPart *body = gm.g_mime_text_part_new_with_subtype("plain");
    gm.g_mime_text_part_set_text(body, m->body);
    gm.g_mime_part_set_content_encoding((GMimePart *)body, GMIME_CONTENT_ENCODING_QUOTEDPRINTABLE);

    GMimePart *pdf = gm.g_mime_part_new_with_type("application", "pdf");
    char *fname = one_line(m->attachment_name);
    gm.g_mime_part_set_filename(pdf, fname);
    free(fname);
    GMimeStream *st = gm.g_mime_stream_mem_new_with_buffer((const char *)m->attachment,
                                                            m->attachment_len);
    GMimeDataWrapper *w = gm.g_mime_data_wrapper_new_with_stream(st, GMIME_CONTENT_ENCODING_DEFAULT);
    gm.g_mime_part_set_content(pdf, w);
    gm.g_object_unref(w);
    gm.g_object_unref(st);
    gm.g_mime_part_set_content_encoding(pdf, GMIME_CONTENT_ENCODING_BASE64);

    GMimeMultipart *mixed = gm.g_mime_multipart_new_with_subtype("mixed");
    /* GMime makes a random boundary; a given one keeps rebuilds identical. */
    gm.g_mime_multipart_set_boundary(mixed, m->boundary);
    gm.g_mime_multipart_add(mixed, (GMimeObject *)body);
    gm.g_mime_multipart_add(mixed, (GMimeObject *)pdf);
    gm.g_object_unref(body);
    gm.g_object_unref(pdf);
    gm.g_mime_message_set_mime_part(msg, (GMimeObject *)mixed);
    gm.g_object_unref(mixed);

    /* RFC 5322 lines end in CRLF. */
    GMimeFormatOptions *fo = gm.g_mime_format_options_new();
    gm.g_mime_format_options_set_newline_format(fo, GMIME_NEWLINE_FORMAT_DOS);
    char *s = gm.g_mime_object_to_string((GMimeObject *)msg, fo);
    gm.g_mime_format_options_free(fo);
    gm.g_object_unref(msg);
    if (s == NULL) {
        cp_error(diags, CP_OUTPUT, m->target, 0, 0, "cannot write the e-mail: GMime failed");
        return -1;
    }
    *out = xstrdup(s);
    *len = strlen(s);
    gm.g_free(s);
    return 0;
}
