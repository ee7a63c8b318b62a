/* chat.c: WhatsApp exports, as the chat's text or as the .zip the app
 * writes, and Telegram Desktop's JSON export (result.json), read into a
 * conversation (chat.h).
 *
 * A WhatsApp export is one line a message, each starting with the date and
 * time in the phone's own format, then the sender:
 *
 *   Android  "18/03/2022, 14:56 - Dmitry S: Hello"
 *   iOS      "[3/18/22, 14:56:01] Elon Musk: Hello"
 *
 * Dates are day-first, month-first or year-first, two- or four-digit
 * years, Buddhist years on Thai phones; times 24-hour or 12-hour with the
 * locale's marker ("PM", "p. m."); iOS puts U+200E marks before lines
 * with media. A line that does not start so continues the message before
 * it. Whether "03/04/2022" is the 3rd of April or the 4th of March is
 * decided once for the whole file: a first number over 12 anywhere means
 * day-first, a second number over 12 month-first, and when nothing tells,
 * the order in which the messages' dates run forward.
 *
 * Media: "<attached: NAME>" (iOS), "NAME (file attached)" (Android), in
 * the phone's language; "<Media omitted>" when exported without media.
 * Pictures named are taken from the .zip, or from beside the text file,
 * and checked as every picture is (image.c); the other files are named.
 *
 * A .zip is checked as a whole before any member is read: member names
 * that leave the folder, more members or more unpacked bytes than the
 * limits, a member that unpacks to far more than it takes (a zip bomb),
 * are refused. Nothing is ever written to disk.
 *
 * Telegram's JSON is parsed by json-c (nesting limited); see below.
 */
#include "config.h"
#include "chat.h"
#include "dynlib.h"
#include "mail.h"
#include "reread.h"
#include "util.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <json-c/json.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <zip.h>

/* --- the libraries -------------------------------------------------------- */

/* libzip and json-c are opened with dlopen on the first .zip or Telegram
 * export (dynlib.h): linked, libzip brought OpenSSL's libcrypto, loaded and
 * initialised at every start. Pictures may be read again from a .zip two at
 * a time: each library is opened once. */
#define ZIP_SONAME "libzip.so.4"
#define ZIP_FNS(X) \
    X(zip_discard) X(zip_error_fini) X(zip_error_init) X(zip_error_init_with_code) \
    X(zip_error_strerror) X(zip_fclose) X(zip_file_strerror) X(zip_fopen_index) X(zip_fread) \
    X(zip_get_name) X(zip_get_num_entries) X(zip_name_locate) X(zip_open) \
    X(zip_open_from_source) X(zip_source_buffer_create) X(zip_source_free) X(zip_stat_index) \
    X(zip_strerror)
static struct { ZIP_FNS(CP_DL_SLOT) } zl;
#define ZL_FN(f) CP_DL_FN(zl, f),
static const cp_dl_fn zl_fns[] = { ZIP_FNS(ZL_FN) };
#undef ZL_FN
static char *zl_why;            /* NULL: loaded */
static pthread_once_t zl_once = PTHREAD_ONCE_INIT;

static void
zl_load(void)
{
    zl_why = cp_dl_open(ZIP_SONAME, zl_fns, CP_ARRAY_LEN(zl_fns));
}

#define JSONC_SONAME "libjson-c.so.5"
#define JSONC_FNS(X) \
    X(json_object_array_get_idx) X(json_object_array_length) X(json_object_get_string) \
    X(json_object_is_type) X(json_object_object_get_ex) X(json_object_put) \
    X(json_tokener_error_desc) X(json_tokener_free) X(json_tokener_get_error) \
    X(json_tokener_get_parse_end) X(json_tokener_new_ex) X(json_tokener_parse_ex)
static struct { JSONC_FNS(CP_DL_SLOT) } js;
#define JS_FN(f) CP_DL_FN(js, f),
static const cp_dl_fn js_fns[] = { JSONC_FNS(JS_FN) };
#undef JS_FN
static char *js_why;            /* NULL: loaded */
static pthread_once_t js_once = PTHREAD_ONCE_INIT;

static void
js_load(void)
{
    js_why = cp_dl_open(JSONC_SONAME, js_fns, CP_ARRAY_LEN(js_fns));
}

/* Whether libzip is there (opening it the first time). */
static bool
zip_loaded(void)
{
    pthread_once(&zl_once, zl_load);
    return zl_why == NULL;
}

/* 0, or -1 with a CP_INPUT error on `display` saying that library `lib`
 * (Debian package `pkg`) cannot be loaded, and why. */
static int
lib_missing(const char *what, const char *lib, const char *why, const char *pkg,
            const char *display, cp_diags *diags)
{
    if (!why)
        return 0;
    cp_error(diags, CP_INPUT, display, 0, 0, "cannot read %s: the %s library cannot be loaded "
             "(%s); install %s", what, lib, why, pkg);
    return -1;
}

static int
zip_lib(const char *display, cp_diags *diags)
{
    zip_loaded();
    return lib_missing("ZIP archives", "libzip", zl_why, "libzip4", display, diags);
}

static int
json_lib(const char *display, cp_diags *diags)
{
    pthread_once(&js_once, js_load);
    return lib_missing("Telegram exports", "json-c", js_why, "libjson-c5", display, diags);
}

/* --- the text ------------------------------------------------------------ */

/* Invisible direction marks WhatsApp writes around names and media lines
 * (U+200E, U+200F, U+202A..U+202E, U+2066..U+2069): they carry nothing a
 * reader sees, and fonts draw them as boxes. Their UTF-8 length, or 0. */
static size_t
bidi_mark(const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    if (n < 3 || u[0] != 0xE2)
        return 0;
    if (u[1] == 0x80 && (u[2] == 0x8E || u[2] == 0x8F || (u[2] >= 0xAA && u[2] <= 0xAE)))
        return 3;
    if (u[1] == 0x81 && u[2] >= 0xA6 && u[2] <= 0xA9)
        return 3;
    return 0;
}

/* A space as WhatsApp writes one between date, time and marker: ASCII,
 * U+00A0 or U+202F. Its length, or 0. */
static size_t
wa_space(const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    if (n >= 1 && u[0] == ' ')
        return 1;
    if (n >= 2 && u[0] == 0xC2 && u[1] == 0xA0)
        return 2;
    if (n >= 3 && u[0] == 0xE2 && u[1] == 0x80 && u[2] == 0xAF)
        return 3;
    return 0;
}

static size_t
skip_marks(const char *s, size_t n)
{
    size_t i = 0, k;
    while ((k = bidi_mark(s + i, n - i)) > 0)
        i += k;
    return i;
}

static size_t
digits(const char *s, size_t n, size_t max, int *value)
{
    size_t i = 0;
    int v = 0;
    while (i < n && i < max && s[i] >= '0' && s[i] <= '9')
        v = v * 10 + (s[i++] - '0');
    *value = v;
    return i;
}

/* A message's first line, as written: the three numbers of the date and
 * their widths, the time, the 12-hour marker (0 none, 1 am, 2 pm). */
typedef struct wa_head {
    int n[3], w[3];
    int hour, minute, second;
    int half;
    size_t rest;            /* where the sender (or WhatsApp's own text) starts */
} wa_head;

/* "am"/"pm" in the spellings phones use: "AM", "am", "a.m.", "a. m.". */
static size_t
half_marker(const char *s, size_t n, int *half)
{
    char c = n ? (char)(s[0] | 0x20) : 0;
    if (c != 'a' && c != 'p')
        return 0;
    size_t i = 1;
    if (i < n && s[i] == '.')
        i++;
    i += wa_space(s + i, n - i);
    if (i >= n || (s[i] | 0x20) != 'm')
        return 0;
    i++;
    if (i < n && s[i] == '.')
        i++;
    *half = c == 'a' ? 1 : 2;
    return i;
}

static bool
parse_head(const char *s, size_t n, wa_head *h)
{
    size_t i = skip_marks(s, n);
    bool bracket = i < n && s[i] == '[';
    if (bracket)
        i++;
    char sep = 0;
    for (int k = 0; k < 3; k++) {
        size_t d = digits(s + i, n - i, 4, &h->n[k]);
        if (d == 0)
            return false;
        h->w[k] = (int)d;
        i += d;
        if (k < 2) {
            if (i >= n || (s[i] != '/' && s[i] != '.' && s[i] != '-'))
                return false;
            if (sep && s[i] != sep)
                return false;
            sep = s[i++];
        }
    }
    if (h->w[1] > 2 || (h->w[0] != 4 && h->w[0] > 2) || (h->w[0] == 4 && h->w[2] > 2) ||
        (h->w[0] != 4 && h->w[2] != 2 && h->w[2] != 4))
        return false;
    if (i < n && s[i] == '.')
        i++;
    if (i < n && s[i] == ',')
        i++;
    size_t sp;
    while ((sp = wa_space(s + i, n - i)) > 0)
        i += sp;
    size_t d = digits(s + i, n - i, 2, &h->hour);
    if (d == 0 || i + d >= n || s[i + d] != ':')
        return false;
    i += d + 1;
    if (digits(s + i, n - i, 2, &h->minute) != 2)
        return false;
    i += 2;
    h->second = 0;
    if (i < n && s[i] == ':') {
        if (digits(s + i + 1, n - i - 1, 2, &h->second) != 2)
            return false;
        i += 3;
    }
    h->half = 0;
    size_t j = i;
    while ((sp = wa_space(s + j, n - j)) > 0)
        j += sp;
    size_t m = half_marker(s + j, n - j, &h->half);
    if (m > 0)
        i = j + m;
    if (bracket) {
        if (i >= n || s[i] != ']')
            return false;
        i++;
        if ((sp = wa_space(s + i, n - i)) == 0)
            return false;
        i += sp;
    } else {
        while ((sp = wa_space(s + i, n - i)) > 0)
            i += sp;
        if (i >= n || s[i] != '-')
            return false;
        i++;
        if ((sp = wa_space(s + i, n - i)) == 0)
            return false;
        i += sp;
    }
    if (h->minute > 59 || h->second > 59 || h->hour > (h->half ? 12 : 23))
        return false;
    h->rest = i;
    return true;
}

/* One line at a time: [*pos, end of line), "\r\n" or "\n". */
static bool
next_line(const char *s, size_t len, size_t *pos, size_t *start, size_t *n)
{
    if (*pos >= len)
        return false;
    const char *nl = memchr(s + *pos, '\n', len - *pos);
    size_t e = nl ? (size_t)(nl - s) : len;
    *start = *pos;
    *n = e - *pos;
    if (*n && s[e - 1] == '\r')
        (*n)--;
    *pos = nl ? e + 1 : len;
    return true;
}

static bool
looks_like_whatsapp(const char *s, size_t len)
{
    if (len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) {
        s += 3;
        len -= 3;
    }
    size_t pos = 0, st, n;
    int lines = 0, heads = 0;
    bool first = true;
    while (lines < 30 && next_line(s, len, &pos, &st, &n)) {
        if (n == 0 && first)
            continue;
        wa_head h;
        bool is = parse_head(s + st, n, &h);
        if (first && !is)
            return false;
        first = false;
        lines++;
        heads += is;
    }
    return heads >= 2 || (heads == 1 && lines <= 2);
}

/* The date of a head in the order chosen: 'Y' year-first, 'D' day-first,
 * 'M' month-first. Two-digit years are this century's; years past 2400
 * are Buddhist (543 ahead). A real calendar day, else invalid. */
static cp_date
head_date(const wa_head *h, char order)
{
    int y, m, d;
    if (h->w[0] == 4) {
        y = h->n[0];
        m = h->n[1];
        d = h->n[2];
    } else {
        y = h->n[2];
        m = order == 'M' ? h->n[0] : h->n[1];
        d = order == 'M' ? h->n[1] : h->n[0];
    }
    if (y < 100)
        y += 2000;
    if (y > 2400)
        y -= 543;
    cp_date out = { 0, 0, 0 };
    char buf[48];
    snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
    if (y >= 1970 && y <= 9999 && cp_date_parse(&out, buf) == 0)
        return out;
    return (cp_date){ 0, 0, 0 };
}

/* Day-first or month-first, for the whole file (see the top). */
static char
date_order(const wa_head *heads, size_t n)
{
    bool day_first = true, month_first = true;
    for (size_t i = 0; i < n; i++) {
        if (heads[i].w[0] == 4)
            continue;
        if (!cp_date_valid(head_date(&heads[i], 'D')))
            day_first = false;
        if (!cp_date_valid(head_date(&heads[i], 'M')))
            month_first = false;
    }
    if (day_first != month_first)
        return day_first ? 'D' : 'M';
    if (!day_first)
        return 'D';       /* neither reads: the error names the first bad line */
    long back_d = 0, back_m = 0, prev_d = -1, prev_m = -1;
    for (size_t i = 0; i < n; i++) {
        if (heads[i].w[0] == 4)
            continue;
        long dd = cp_date_to_days(head_date(&heads[i], 'D'));
        long dm = cp_date_to_days(head_date(&heads[i], 'M'));
        back_d += prev_d >= 0 && dd < prev_d;
        back_m += prev_m >= 0 && dm < prev_m;
        prev_d = dd;
        prev_m = dm;
    }
    return back_m < back_d ? 'M' : 'D';
}

static char *
strip_marks(const char *s, size_t n)
{
    cp_buf b = CP_BUF_INIT;
    for (size_t i = 0; i < n;) {
        size_t k = bidi_mark(s + i, n - i);
        if (k) {
            i += k;
            continue;
        }
        cp_buf_putc(&b, s[i++]);
    }
    cp_buf_putc(&b, '\0');
    b.len--;
    return cp_buf_detach(&b);
}

/* A file name as a chat names one: no folder, an extension. */
static bool
file_name_ok(const char *s, size_t n)
{
    if (n == 0 || n > 255 || memchr(s, '/', n) || memchr(s, '\\', n) || s[0] == '.')
        return false;
    const char *dot = NULL;
    for (size_t i = 0; i < n; i++)
        if (s[i] == '.')
            dot = s + i;
    size_t ext = dot ? n - (size_t)(dot - s) - 1 : 0;
    return ext >= 2 && ext <= 5;
}

/* "NAME (file attached)" in the languages of the phones we know. */
static const char *const attached_android[] = {
    "file attached", "\xD1\x84\xD0\xB0\xD0\xB9\xD0\xBB \xD0\xB4\xD0\xBE\xD0\xB1\xD0\xB0\xD0\xB2"
    "\xD0\xBB\xD0\xB5\xD0\xBD" /* файл добавлен */, "Datei angeh\xC3\xA4ngt", "bestand bijgevoegd",
    "fichier joint", "archivo adjunto", "arquivo anexado", "file allegato",
};

/* The media a message's first line names: sets *name (newly allocated) and
 * returns true, or false when the line is text. *omitted: exported without
 * media ("<Media omitted>", "<Без медиафайлов>"). */
static bool
media_line(const char *t, size_t n, char **name, bool *omitted)
{
    *name = NULL;
    *omitted = false;
    if (n >= 3 && t[0] == '<' && t[n - 1] == '>' && !memchr(t + 1, '<', n - 2) &&
        !memchr(t + 1, '>', n - 2)) {
        const char *colon = memchr(t, ':', n);
        if (colon == NULL) {
            *omitted = n <= 80;
            return *omitted;
        }
        const char *v = colon + 1;
        size_t sp;
        while ((sp = wa_space(v, (size_t)(t + n - 1 - v))) > 0)
            v += sp;
        size_t vn = (size_t)(t + n - 1 - v);
        if ((size_t)(colon - t) <= 40 && file_name_ok(v, vn)) {
            *name = xstrndup(v, vn);
            return true;
        }
        return false;
    }
    if (n < 4 || t[n - 1] != ')')
        return false;
    for (size_t k = 0; k < CP_ARRAY_LEN(attached_android); k++) {
        const char *a = attached_android[k];
        size_t an = strlen(a);
        if (n < an + 4 || memcmp(t + n - 1 - an, a, an) != 0 || t[n - 2 - an] != '(' ||
            t[n - 3 - an] != ' ')
            continue;
        size_t vn = n - 3 - an;
        if (file_name_ok(t, vn)) {
            *name = xstrndup(t, vn);
            return true;
        }
    }
    return false;
}

typedef struct chat_src {
    const char *path, *display;
    zip_t *zip;               /* the .zip, or NULL: files beside path */
    char *dir;                /* path's folder */
} chat_src;

static void
add_msg(cp_chat *c, size_t *cap, cp_chat_msg *m)
{
    if (c->n_msgs == *cap) {
        *cap = *cap ? *cap * 2 : 64;
        c->msgs = xreallocarray(c->msgs, *cap, sizeof *c->msgs);
    }
    c->msgs[c->n_msgs++] = *m;
}

/* Split "Sender: text" (the sender ends at the first colon; WhatsApp's own
 * lines have none) and find the media the text names. */
static void
finish_msg(cp_chat_msg *m, cp_buf *body, bool has_sender_part)
{
    char *all = strip_marks(body->data ? body->data : "", body->len);
    cp_buf_free(body);
    char *text = all;
    if (has_sender_part) {
        char *colon = strchr(all, ':');
        char *nl = strchr(all, '\n');
        if (colon && (nl == NULL || colon < nl) && colon > all && colon - all <= 100) {
            m->from = xstrndup(all, (size_t)(colon - all));
            cp_trim(m->from);
            text = colon + 1;
            if (*text == ' ')
                text++;
        }
    }
    size_t first = strcspn(text, "\n");
    char *name = NULL;
    bool omitted = false;
    if (m->from && media_line(text, first, &name, &omitted)) {
        m->media = name;
        m->media_kind = omitted ? CP_CHAT_OMITTED : CP_CHAT_MISSING;
        text += first;
        if (*text == '\n')
            text++;
        m->text = xstrdup(text);
        free(all);
        return;
    }
    /* iOS names a document before its tag: "Some file.txt <attached: 00000046-Some
     * file.txt>"; the words before stay as the text. */
    char *lt = first ? memrchr(text, '<', first) : NULL;
    if (m->from && lt && lt > text && lt[-1] == ' ' &&
        media_line(lt, first - (size_t)(lt - text), &name, &omitted) && name) {
        m->media = name;
        m->media_kind = CP_CHAT_MISSING;
        memmove(lt - 1, text + first, strlen(text + first) + 1);
    }
    m->text = xstrdup(text);
    free(all);
}

/* --- the .zip ------------------------------------------------------------ */

static bool
member_name_ok(const char *s)
{
    if (s[0] == '/' || s[0] == '\\' || strchr(s, '\\') || (s[0] && s[1] == ':'))
        return false;
    for (const char *p = s; *p;) {
        size_t k = strcspn(p, "/");
        if (k == 2 && p[0] == '.' && p[1] == '.')
            return false;
        p += k;
        if (*p == '/')
            p++;
    }
    return true;
}

static bool
ignored_member(const char *name)
{
    return strncmp(name, "__MACOSX/", 9) == 0 || cp_path_base(name)[0] == '.';
}

/* The member holding the chat: "_chat.txt" (iOS), else the only text file
 * (Android names it after the chat). -1 when none. */
static zip_int64_t
chat_member(zip_t *z)
{
    zip_int64_t n = zl.zip_get_num_entries(z, 0), txt = -1;
    int n_txt = 0;
    for (zip_int64_t i = 0; i < n; i++) {
        const char *name = zl.zip_get_name(z, (zip_uint64_t)i, ZIP_FL_ENC_GUESS);
        if (name == NULL || ignored_member(name))
            continue;
        if (strcmp(cp_path_base(name), "_chat.txt") == 0)
            return i;
        size_t len = strlen(name);
        if (len > 4 && strcmp(name + len - 4, ".txt") == 0) {
            txt = i;
            n_txt++;
        }
    }
    return n_txt == 1 ? txt : -1;
}

/* Read a member whole (size known and checked by the caller); the CRC is
 * checked by libzip at the end. 0 or -1 with errno-free message in *why. */
static int
zip_read_member(zip_t *z, zip_uint64_t index, zip_uint64_t size, char **buf, size_t *len,
                const char **why)
{
    zip_file_t *zf = zl.zip_fopen_index(z, index, 0);
    *buf = NULL;
    if (zf == NULL) {
        *why = zl.zip_strerror(z);
        return -1;
    }
    char *b = xmalloc(size + 1);
    zip_uint64_t got = 0;
    while (got < size) {
        zip_int64_t r = zl.zip_fread(zf, b + got, size - got);
        if (r <= 0)
            break;
        got += (zip_uint64_t)r;
    }
    char extra;
    bool more = got == size && zl.zip_fread(zf, &extra, 1) != 0;
    bool bad = got != size || more;
    *why = bad ? zl.zip_file_strerror(zf) : NULL;
    if (bad && (*why == NULL || strcmp(*why, "No error") == 0))
        *why = "its data does not match its recorded size";
    zl.zip_fclose(zf);
    if (bad) {
        free(b);
        return -1;
    }
    b[size] = '\0';
    *buf = b;
    *len = (size_t)size;
    return 0;
}

/* Every member's name and size, before anything is unpacked. */
static int
zip_check(zip_t *z, const char *display, cp_diags *d)
{
    zip_int64_t n = zl.zip_get_num_entries(z, 0);
    if (n < 0 || n > CP_ZIP_MAX_ENTRIES) {
        cp_error(d, CP_INPUT, display, 0, 0, "the ZIP archive has more than %d members; "
                 "export the chat again", CP_ZIP_MAX_ENTRIES);
        return -1;
    }
    unsigned long long total = 0;
    for (zip_int64_t i = 0; i < n; i++) {
        zip_stat_t st;
        if (zl.zip_stat_index(z, (zip_uint64_t)i, ZIP_FL_ENC_GUESS, &st) < 0 ||
            !(st.valid & ZIP_STAT_NAME) || !(st.valid & ZIP_STAT_SIZE) ||
            !(st.valid & ZIP_STAT_COMP_SIZE)) {
            cp_error(d, CP_INPUT, display, 0, 0, "the ZIP archive is damaged: member %lld "
                     "cannot be read (%s)", (long long)i + 1, zl.zip_strerror(z));
            return -1;
        }
        if (!member_name_ok(st.name)) {
            cp_error(d, CP_INPUT, display, 0, 0, "the ZIP archive holds a member named "
                     "\"%s\", which points outside its folder; claimpack does not read "
                     "such archives (export the chat again)", st.name);
            return -1;
        }
        total += st.size;
        if (total > CP_ZIP_MAX_TOTAL ||
            (st.size > (1u << 20) && st.size / CP_ZIP_MAX_RATIO > st.comp_size)) {
            cp_error(d, CP_INPUT, display, 0, 0, "the ZIP archive unpacks to more than it "
                     "can hold (member \"%s\": %llu bytes from %llu); claimpack does not "
                     "unpack it", st.name, (unsigned long long)st.size,
                     (unsigned long long)st.comp_size);
            return -1;
        }
    }
    return 0;
}

static zip_int64_t
zip_find(zip_t *z, const char *name)
{
    zip_int64_t i = zl.zip_name_locate(z, name, ZIP_FL_ENC_GUESS);
    if (i >= 0)
        return i;
    /* Some exports put everything in a folder. */
    zip_int64_t n = zl.zip_get_num_entries(z, 0);
    for (zip_int64_t k = 0; k < n; k++) {
        const char *m = zl.zip_get_name(z, (zip_uint64_t)k, ZIP_FL_ENC_GUESS);
        if (m && !ignored_member(m) && strcmp(cp_path_base(m), name) == 0)
            return k;
    }
    return -1;
}

/* --- the media ----------------------------------------------------------- */

/* The bytes of a file the chat names: in the .zip, or beside the text.
 * 1 found, 0 absent, -1 an error said. */
static int
media_bytes(chat_src *src, const char *name, char **buf, size_t *len, char **member,
            cp_diags *d)
{
    *buf = NULL;
    *member = NULL;
    if (src->zip) {
        zip_int64_t i = zip_find(src->zip, name);
        if (i < 0)
            return 0;
        zip_stat_t st;
        zl.zip_stat_index(src->zip, (zip_uint64_t)i, ZIP_FL_ENC_GUESS, &st);
        if (st.size > CP_IMAGE_MAX_BYTES) {
            cp_error(d, CP_INPUT, src->display, 0, 0, "%s in the ZIP archive is too large "
                     "(the limit is %ld MB)", name, (long)(CP_IMAGE_MAX_BYTES >> 20));
            return -1;
        }
        const char *why = NULL;
        if (zip_read_member(src->zip, (zip_uint64_t)i, st.size, buf, len, &why) < 0) {
            cp_error(d, CP_INPUT, src->display, 0, 0, "%s in the ZIP archive cannot be "
                     "read: %s", name, why);
            return -1;
        }
        *member = xstrdup(zl.zip_get_name(src->zip, (zip_uint64_t)i, ZIP_FL_ENC_GUESS));
        return 1;
    }
    char *p = cp_path_join(src->dir, name);
    struct stat st;
    int rc = 0;
    if (stat(p, &st) == 0 && S_ISREG(st.st_mode)) {
        if (cp_read_file(buf, len, p, CP_IMAGE_MAX_BYTES) < 0) {
            cp_error(d, CP_INPUT, src->display, 0, 0, "%s, which the chat names, cannot be "
                     "read: %s", name, errno == EFBIG ? "it is too large" : strerror(errno));
            rc = -1;
        } else {
            rc = 1;
        }
    }
    free(p);
    return rc;
}

static int
add_media(cp_chat *c, chat_src *src, cp_chat_msg *m, cp_diags *d)
{
    char *buf = NULL, *member = NULL;
    size_t len = 0;
    int found = media_bytes(src, m->media, &buf, &len, &member, d);
    if (found <= 0) {
        free(member);
        if (found == 0)
            c->n_missing++;
        return found;
    }
    const unsigned char *u = (const unsigned char *)buf;
    if (cp_image_sniff(u, len) < 0) {
        m->media_kind = CP_CHAT_FILE;   /* a video, a voice message, a document */
        free(buf);
        free(member);
        return 0;
    }
    if (c->n_pics >= CP_CHAT_MAX_PICTURES) {
        cp_error(d, CP_INPUT, src->display, 0, 0, "the chat shows more than %d pictures; "
                 "export it in parts", CP_CHAT_MAX_PICTURES);
        free(buf);
        free(member);
        return -1;
    }
    cp_chat_pic pic;
    memset(&pic, 0, sizeof pic);
    pic.display = xasprintf("%s (in %s)", m->media, src->display);
    int rc = cp_image_decode_buf(&pic.image, u, len, 0, pic.display, d);
    if (rc < 0) {
        free(pic.display);
        free(buf);
        free(member);
        return -1;
    }
    if (pic.image.is_jpeg)
        pic.image.size = len;
    /* A message shows one picture: a TIFF of pages shows its first. */
    free(pic.image.page_dims);
    pic.image.page_dims = NULL;
    cp_sha256_hex(pic.sha256, buf, len);
    pic.name = xstrdup(m->media);
    pic.path = src->zip ? xstrdup(src->path) : cp_path_join(src->dir, m->media);
    pic.member = member;
    free(buf);
    c->pics = xreallocarray(c->pics, c->n_pics + 1, sizeof *c->pics);
    c->pics[c->n_pics] = pic;
    m->picture = (int)c->n_pics++;
    m->media_kind = CP_CHAT_PICTURE;
    return 0;
}

/* --- Telegram ------------------------------------------------------------ */

/* Telegram Desktop's "Export chat history" as JSON (result.json): an
 * object with "messages", each with "type" ("message" or "service"),
 * "date" (local time, ISO 8601) or "date_unixtime", "from" (or "actor"
 * for a service line), "text" as a string or an array of strings and
 * entities ({"type": "link", "text": ...}), "photo" or "file" as a path
 * beside result.json, or a note that the file was not exported. */

static bool
looks_like_telegram(const char *s, size_t len)
{
    size_t i = 0;
    if (len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
        i = 3;
    while (i < len && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n'))
        i++;
    if (i >= len || s[i] != '{')
        return false;
    size_t n = len < 8192 ? len : 8192;
    const char *m = memmem(s, n, "\"messages\"", 10);
    if (m == NULL)
        return false;
    const char *p = m + 10;
    while (p < s + n && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n' || *p == ':'))
        p++;
    return p < s + n && *p == '[' &&
           (memmem(s, n, "\"from\"", 6) || memmem(s, n, "\"actor\"", 7)) &&
           (memmem(s, n, "\"date\"", 6) || memmem(s, n, "\"date_unixtime\"", 15));
}

static const char *
tg_string(json_object *o, const char *key)
{
    json_object *v;
    if (!js.json_object_object_get_ex(o, key, &v) || !js.json_object_is_type(v, json_type_string))
        return NULL;
    return js.json_object_get_string(v);
}

/* "text": a string, or parts: strings and entities whose "text" is shown
 * (a text link keeps its address in brackets, as HTML mail does). */
static void
tg_text(cp_buf *b, json_object *t)
{
    if (t == NULL)
        return;
    if (js.json_object_is_type(t, json_type_string)) {
        cp_buf_puts(b, js.json_object_get_string(t));
        return;
    }
    if (!js.json_object_is_type(t, json_type_array))
        return;
    size_t n = js.json_object_array_length(t);
    for (size_t i = 0; i < n; i++) {
        json_object *part = js.json_object_array_get_idx(t, i);
        if (js.json_object_is_type(part, json_type_string)) {
            cp_buf_puts(b, js.json_object_get_string(part));
            continue;
        }
        if (!js.json_object_is_type(part, json_type_object))
            continue;
        const char *s = tg_string(part, "text"), *href = tg_string(part, "href");
        if (s)
            cp_buf_puts(b, s);
        if (href && (s == NULL || strcmp(s, href) != 0))
            cp_buf_printf(b, " [%s]", href);
    }
}

static bool
tg_when(json_object *o, cp_datetime *when)
{
    const char *d = tg_string(o, "date");
    if (d && strlen(d) >= 16) {
        cp_datetime t;
        char buf[17];
        memcpy(buf, d, 16);
        buf[16] = '\0';
        if (cp_datetime_parse(&t, buf) == 0) {
            *when = t;
            return true;
        }
    }
    const char *u = tg_string(o, "date_unixtime");
    if (u) {
        char *end;
        errno = 0;
        long long v = strtoll(u, &end, 10);
        struct tm tm;
        time_t tt = (time_t)v;
        if (errno == 0 && *end == '\0' && v >= 0 && v < 253402300800LL &&
            localtime_r(&tt, &tm)) {
            when->date.year = tm.tm_year + 1900;
            when->date.month = tm.tm_mon + 1;
            when->date.day = tm.tm_mday;
            when->hour = tm.tm_hour;
            when->minute = tm.tm_min;
            return true;
        }
    }
    return false;
}

/* A service line in words: "Ben: create group “test” (Ben, BenBot)". */
static char *
tg_service(json_object *o)
{
    cp_buf b = CP_BUF_INIT;
    const char *actor = tg_string(o, "actor"), *action = tg_string(o, "action");
    const char *title = tg_string(o, "title");
    if (actor)
        cp_buf_printf(&b, "%s: ", actor);
    for (const char *p = action ? action : ""; *p; p++)
        cp_buf_putc(&b, *p == '_' ? ' ' : *p);
    if (title && *title)
        cp_buf_printf(&b, " \xE2\x80\x9C%s\xE2\x80\x9D", title);
    json_object *mem;
    if (js.json_object_object_get_ex(o, "members", &mem) && js.json_object_is_type(mem, json_type_array)) {
        size_t n = js.json_object_array_length(mem);
        for (size_t i = 0; i < n; i++) {
            json_object *x = js.json_object_array_get_idx(mem, i);
            if (js.json_object_is_type(x, json_type_string))
                cp_buf_printf(&b, "%s%s", i ? ", " : " (", js.json_object_get_string(x));
        }
        if (n)
            cp_buf_putc(&b, ')');
    }
    json_object *t;
    if (js.json_object_object_get_ex(o, "text", &t)) {
        cp_buf tb = CP_BUF_INIT;
        tg_text(&tb, t);
        if (tb.len)
            cp_buf_printf(&b, "%s%s", b.len ? "\n" : "", tb.data);
        cp_buf_free(&tb);
    }
    cp_buf_putc(&b, '\0');
    return cp_buf_detach(&b);
}

static int
parse_telegram(cp_chat *c, chat_src *src, const char *text, size_t len, cp_diags *d)
{
    if (!cp_utf8_valid(text, len)) {
        cp_error(d, CP_INPUT, src->display, 0, 0, "the Telegram export is not UTF-8");
        return -1;
    }
    json_tokener *tok = js.json_tokener_new_ex(64);
    json_object *root = js.json_tokener_parse_ex(tok, text, (int)len);
    enum json_tokener_error jerr = js.json_tokener_get_error(tok);
    if (root == NULL || jerr != json_tokener_success) {
        size_t at = js.json_tokener_get_parse_end(tok), line = 1;
        for (size_t i = 0; i < at && i < len; i++)
            line += text[i] == '\n';
        cp_error(d, CP_INPUT, src->display, (int)line, 0, "the Telegram export is not valid "
                 "JSON (%s); export the chat again", jerr == json_tokener_success
                 ? "it ends too early" : js.json_tokener_error_desc(jerr));
        js.json_object_put(root);
        js.json_tokener_free(tok);
        return -1;
    }
    js.json_tokener_free(tok);
    json_object *msgs;
    int rc = 0;
    if (!js.json_object_object_get_ex(root, "messages", &msgs) ||
        !js.json_object_is_type(msgs, json_type_array)) {
        cp_error(d, CP_INPUT, src->display, 0, 0, "the Telegram export has no \"messages\" list");
        js.json_object_put(root);
        return -1;
    }
    size_t n = js.json_object_array_length(msgs), cap = 0;
    if (n > CP_CHAT_MAX_MESSAGES) {
        cp_error(d, CP_INPUT, src->display, 0, 0, "the chat has more than %d messages; "
                 "export it in parts", CP_CHAT_MAX_MESSAGES);
        js.json_object_put(root);
        return -1;
    }
    for (size_t i = 0; i < n; i++) {
        json_object *o = js.json_object_array_get_idx(msgs, i);
        if (!js.json_object_is_type(o, json_type_object))
            continue;
        cp_chat_msg m;
        memset(&m, 0, sizeof m);
        m.picture = -1;
        m.when.hour = m.when.minute = -1;
        if (!tg_when(o, &m.when)) {
            cp_error(d, CP_INPUT, src->display, 0, 0, "message %zu of the Telegram export "
                     "has no date", i + 1);
            rc = -1;
            break;
        }
        const char *type = tg_string(o, "type");
        if (type && strcmp(type, "service") == 0) {
            m.text = tg_service(o);
            add_msg(c, &cap, &m);
            continue;
        }
        const char *from = tg_string(o, "from");
        m.from = xstrdup(from && *from ? from : "?");
        cp_buf b = CP_BUF_INIT;
        json_object *t;
        if (js.json_object_object_get_ex(o, "text", &t))
            tg_text(&b, t);
        cp_buf_putc(&b, '\0');
        m.text = cp_buf_detach(&b);
        const char *media = tg_string(o, "photo");
        if (media == NULL)
            media = tg_string(o, "file");
        if (media && media[0] == '(') {
            m.media_kind = CP_CHAT_OMITTED;      /* "(File not included. ...)" */
        } else if (media && *media) {
            if (!member_name_ok(media) || strlen(media) > 1024) {
                cp_error(d, CP_INPUT, src->display, 0, 0, "message %zu names the file \"%s\", "
                         "which is not beside the export; claimpack does not read it",
                         i + 1, media);
                free(m.from);
                free(m.text);
                rc = -1;
                break;
            }
            m.media = xstrdup(media);
            m.media_kind = CP_CHAT_MISSING;
        }
        add_msg(c, &cap, &m);
    }
    js.json_object_put(root);
    for (size_t i = 0; rc == 0 && i < c->n_msgs; i++)
        if (c->msgs[i].media_kind == CP_CHAT_MISSING && add_media(c, src, &c->msgs[i], d) < 0)
            rc = -1;
    return rc;
}

/* --- reading ------------------------------------------------------------- */

static int
parse_chat(cp_chat *c, chat_src *src, const char *text, size_t len, cp_diags *d)
{
    if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) {
        text += 3;
        len -= 3;
    }
    if (!cp_utf8_valid(text, len) || memchr(text, '\0', len)) {
        cp_error(d, CP_INPUT, src->display, 0, 0, "the chat's text is not UTF-8; export the "
                 "chat again");
        return -1;
    }
    /* First the heads, to choose the date order; then the messages. */
    wa_head *heads = NULL;
    size_t n_heads = 0, cap_heads = 0, pos = 0, st, n;
    while (next_line(text, len, &pos, &st, &n)) {
        wa_head h;
        if (!parse_head(text + st, n, &h))
            continue;
        if (n_heads >= CP_CHAT_MAX_MESSAGES) {
            cp_error(d, CP_INPUT, src->display, 0, 0, "the chat has more than %d messages; "
                     "export it in parts", CP_CHAT_MAX_MESSAGES);
            free(heads);
            return -1;
        }
        if (n_heads == cap_heads) {
            cap_heads = cap_heads ? cap_heads * 2 : 256;
            heads = xreallocarray(heads, cap_heads, sizeof *heads);
        }
        heads[n_heads++] = h;
    }
    if (n_heads == 0) {
        cp_error(d, CP_INPUT, src->display, 0, 0, "holds no WhatsApp messages");
        return -1;
    }
    char order = date_order(heads, n_heads);
    size_t cap = 0, k = 0, line = 0;
    cp_chat_msg cur;
    cp_buf body = CP_BUF_INIT;
    bool open = false;
    int rc = 0;
    pos = 0;
    while (next_line(text, len, &pos, &st, &n)) {
        line++;
        wa_head h;
        if (!parse_head(text + st, n, &h)) {
            if (!open)
                continue;   /* before the first message: nothing it belongs to */
            cp_buf_putc(&body, '\n');
            cp_buf_add(&body, text + st, n);
            continue;
        }
        if (open) {
            finish_msg(&cur, &body, true);
            add_msg(c, &cap, &cur);
        }
        memset(&cur, 0, sizeof cur);
        cur.picture = -1;
        cur.when.date = head_date(&heads[k++], order);
        if (!cp_date_valid(cur.when.date)) {
            cp_error(d, CP_INPUT, src->display, (int)line, 0, "the date at the start of "
                     "the line is not a calendar day");
            rc = -1;
        }
        cur.when.hour = h.half == 0 ? h.hour : h.hour % 12 + (h.half == 2 ? 12 : 0);
        cur.when.minute = h.minute;
        cp_buf_add(&body, text + st + h.rest, n - h.rest);
        open = true;
    }
    if (open) {
        finish_msg(&cur, &body, true);
        add_msg(c, &cap, &cur);
    }
    free(heads);
    for (size_t i = 0; rc == 0 && i < c->n_msgs; i++)
        if (c->msgs[i].media_kind == CP_CHAT_MISSING && add_media(c, src, &c->msgs[i], d) < 0)
            rc = -1;
    return rc;
}

static void
say_missing(const cp_chat *c, const char *display, cp_diags *d)
{
    if (c->n_missing == 0)
        return;
    cp_buf b = CP_BUF_INIT;
    size_t shown = 0;
    for (size_t i = 0; i < c->n_msgs && shown < 5; i++)
        if (c->msgs[i].media_kind == CP_CHAT_MISSING) {
            cp_buf_puts(&b, shown++ ? ", " : "");
            cp_buf_puts(&b, c->msgs[i].media);
        }
    cp_warning(d, display, 0, 0, "%zu file%s the chat names %s not in the export (%s%s); the "
               "pack says so where each was", c->n_missing, c->n_missing == 1 ? "" : "s",
               c->n_missing == 1 ? "is" : "are", b.data, c->n_missing > shown ? ", ..." : "");
    cp_buf_free(&b);
}

int
cp_chat_read(cp_chat **out, const char *path, const char *display, cp_diags *diags)
{
    *out = NULL;
    char *data = NULL;
    size_t len = 0;
    int rc = -1;
    cp_chat *c = xcalloc(1, sizeof *c);
    c->app = "WhatsApp";
    chat_src src = { path, display, NULL, cp_path_dir(path) };

    /* A .zip is read through its directory, member by member (a chat
     * with its photos is often hundreds of megabytes); a chat's text is
     * read whole. */
    unsigned char magic[4];
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    ssize_t got = fd < 0 ? -1 : read(fd, magic, sizeof magic);
    int e = errno;
    if (fd >= 0)
        close(fd);
    if (got < 0) {
        cp_error(diags, CP_INPUT, display, 0, 0, "cannot be read: %s", strerror(e));
        goto cleanup;
    }
    bool zipped = got == 4 && memcmp(magic, "PK\3\4", 4) == 0;
    if (!zipped && cp_read_file(&data, &len, path, CP_MAIL_MAX_FILE) < 0) {
        if (errno == EFBIG)
            cp_error(diags, CP_INPUT, display, 0, 0, "the chat is larger than %u MB, the most "
                     "a chat's text may be; export the part the claim is about (a shorter "
                     "period) and enclose that", CP_MAIL_MAX_FILE >> 20);
        else
            cp_error(diags, CP_INPUT, display, 0, 0, "cannot be read: %s", strerror(errno));
        goto cleanup;
    }
    if (!zipped)
        c->sum = cp_sum64(CP_SUM64_INIT, data, len);
    if (zipped) {
        if (zip_lib(display, diags) < 0)
            goto cleanup;
        int err = 0;
        src.zip = zl.zip_open(path, ZIP_RDONLY, &err);
        if (src.zip == NULL) {
            zip_error_t ze;
            zl.zip_error_init_with_code(&ze, err);
            cp_error(diags, CP_INPUT, display, 0, 0, "is a damaged ZIP archive: %s",
                     zl.zip_error_strerror(&ze));
            zl.zip_error_fini(&ze);
            goto cleanup;
        }
        c->zipped = true;
        if (zip_check(src.zip, display, diags) < 0)
            goto cleanup;
        zip_int64_t i = chat_member(src.zip);
        zip_stat_t st;
        if (i < 0 || zl.zip_stat_index(src.zip, (zip_uint64_t)i, 0, &st) < 0) {
            cp_error(diags, CP_INPUT, display, 0, 0, "the ZIP archive holds no WhatsApp chat "
                     "(_chat.txt)");
            goto cleanup;
        }
        if (st.size > CP_MAIL_MAX_FILE) {
            cp_error(diags, CP_INPUT, display, 0, 0, "the chat in the ZIP archive is larger "
                     "than %u MB", CP_MAIL_MAX_FILE >> 20);
            goto cleanup;
        }
        free(data);
        const char *why = NULL;
        if (zip_read_member(src.zip, (zip_uint64_t)i, st.size, &data, &len, &why) < 0) {
            cp_error(diags, CP_INPUT, display, 0, 0, "the chat in the ZIP archive cannot be "
                     "read: %s", why);
            goto cleanup;
        }
        if (!looks_like_whatsapp(data, len)) {
            cp_error(diags, CP_INPUT, display, 0, 0, "%s in the ZIP archive is not a WhatsApp "
                     "chat", st.name);
            goto cleanup;
        }
    }
    if (!c->zipped && looks_like_telegram(data, len)) {
        c->app = "Telegram";
        if (json_lib(display, diags) < 0 || parse_telegram(c, &src, data, len, diags) < 0)
            goto cleanup;
    } else if (parse_chat(c, &src, data, len, diags) < 0) {
        goto cleanup;
    }
    /* The same bound as an e-mail's text (about 1,500 pages); a chat is
     * not cut short, which would hide its end: it is refused. */
    size_t total = 0;
    for (size_t i = 0; i < c->n_msgs; i++)
        total += strlen(c->msgs[i].text) + (c->msgs[i].from ? strlen(c->msgs[i].from) : 0);
    if (total > CP_MAIL_MAX_TEXT) {
        cp_error(diags, CP_INPUT, display, 0, 0, "the chat's text is longer than %u MB; export "
                 "the part the claim is about (a shorter period) and enclose that",
                 CP_MAIL_MAX_TEXT >> 20);
        goto cleanup;
    }
    say_missing(c, display, diags);
    *out = c;
    c = NULL;
    rc = 0;

cleanup:
    if (src.zip)
        zl.zip_discard(src.zip);
    free(src.dir);
    free(data);
    cp_chat_free(c);
    return rc;
}

void
cp_chat_free(cp_chat *c)
{
    if (c == NULL)
        return;
    for (size_t i = 0; i < c->n_msgs; i++) {
        free(c->msgs[i].from);
        free(c->msgs[i].text);
        free(c->msgs[i].media);
    }
    for (size_t i = 0; i < c->n_pics; i++) {
        free(c->pics[i].name);
        free(c->pics[i].display);
        free(c->pics[i].path);
        free(c->pics[i].member);
    }
    free(c->msgs);
    free(c->pics);
    free(c);
}

int
cp_chat_pic_read(char **buf, size_t *len, const char *path, const char *member,
                 const char *display, cp_diags *diags)
{
    *buf = NULL;
    if (member == NULL) {
        if (cp_read_file(buf, len, path, CP_IMAGE_MAX_BYTES) == 0)
            return 0;
        cp_error(diags, CP_INPUT, display, 0, 0, "could not read the picture again: %s",
                 strerror(errno));
        return -1;
    }
    if (zip_lib(display, diags) < 0)
        return -1;
    int err = 0;
    zip_t *z = zl.zip_open(path, ZIP_RDONLY, &err);
    zip_int64_t i = z ? zl.zip_name_locate(z, member, ZIP_FL_ENC_GUESS) : -1;
    zip_stat_t st;
    const char *why = "the member is gone";
    int rc = -1;
    if (i >= 0 && zl.zip_stat_index(z, (zip_uint64_t)i, 0, &st) == 0 &&
        (st.valid & ZIP_STAT_SIZE) && st.size <= CP_IMAGE_MAX_BYTES &&
        zip_read_member(z, (zip_uint64_t)i, st.size, buf, len, &why) == 0)
        rc = 0;
    if (rc < 0)
        cp_error(diags, CP_INPUT, display, 0, 0, "could not read the picture again from the "
                 "ZIP archive: %s", why);
    if (z)
        zl.zip_discard(z);
    return rc;
}

/* --- sniffing ------------------------------------------------------------ */

/* Whether an open archive (NULL: one that did not open) holds a WhatsApp
 * chat; it is closed. */
static bool
zip_holds_chat(zip_t *z)
{
    if (z == NULL)
        return false;
    bool yes = false;
    zip_int64_t i = chat_member(z);
    zip_file_t *f = i >= 0 ? zl.zip_fopen_index(z, (zip_uint64_t)i, 0) : NULL;
    if (f) {
        char head[4096];
        zip_int64_t n = zl.zip_fread(f, head, sizeof head);
        /* A cut at 4 KB may split a character: judge whole lines only. */
        if (n > 0)
            yes = looks_like_whatsapp(head, (size_t)n);
        zl.zip_fclose(f);
    }
    zl.zip_discard(z);
    return yes;
}

bool
cp_chat_sniff(const unsigned char *buf, size_t len)
{
    if (len < 4 || memcmp(buf, "PK\3\4", 4) != 0)
        return looks_like_whatsapp((const char *)buf, len) ||
               looks_like_telegram((const char *)buf, len);
    /* A .zip that cannot be looked into is taken for a chat, so that
     * reading it says what is missing. */
    if (!zip_loaded())
        return true;
    zip_error_t ze;
    zl.zip_error_init(&ze);
    zip_source_t *s = zl.zip_source_buffer_create(buf, len, 0, &ze);
    zip_t *z = s ? zl.zip_open_from_source(s, ZIP_RDONLY, &ze) : NULL;
    if (z == NULL && s)
        zl.zip_source_free(s);
    zl.zip_error_fini(&ze);
    return zip_holds_chat(z);
}

bool
cp_chat_sniff_zip(const char *path)
{
    if (!zip_loaded())
        return true;
    int err = 0;
    return zip_holds_chat(zl.zip_open(path, ZIP_RDONLY, &err));
}
