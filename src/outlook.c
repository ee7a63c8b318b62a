/* outlook.c: Outlook .msg files (an OLE2 compound file of MAPI properties,
 * [MS-OXMSG]) read into the e-mail model of mail.h, through libgsf.
 *
 * A property is a stream "__substg1.0_IIIITTTT" (id, type) in the
 * message's storage: 001F UTF-16LE text, 001E 8-bit text in the message's
 * code page (PR_MESSAGE_CODEPAGE or PR_INTERNET_CPID, in the fixed-size
 * property stream "__properties_version1.0"), 0102 binary. Shown: sender,
 * recipients, subject, the date (the transport headers' Date: as sent,
 * else the submit or delivery time), the plain body, else the HTML body,
 * else the compressed RTF body ([MS-OXRTFCP]) as text; attachments
 * ("__attach_version1.0_#N") by name.
 *
 * libgsf is opened on first use, as GMime is (mail.c): it brings GLib and
 * GObject, which only a claim with an Outlook message needs.
 */
#include "config.h"
#include "mail.h"
#include "util.h"

#include <dlfcn.h>
#include <gsf/gsf-infile-msole.h>
#include <gsf/gsf-infile.h>
#include <gsf/gsf-input-memory.h>
#include <gsf/gsf-input.h>
#include <gsf/gsf-utils.h>

#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define GSF_SONAME "libgsf-1.so.114"
#define GF(f) __typeof__(f) *f

static struct {
    GF(gsf_init);
    GF(gsf_input_memory_new);
    GF(gsf_infile_msole_new);
    GF(gsf_infile_num_children);
    GF(gsf_infile_name_by_index);
    GF(gsf_infile_child_by_index);
    GF(gsf_infile_child_by_name);
    GF(gsf_infile_get_type);
    GF(gsf_input_size);
    GF(gsf_input_read);
    GF(g_object_unref);
    GF(g_error_free);
    GF(g_type_check_instance_is_a);
    GF(g_log_set_handler);
    GF(g_log_remove_handler);
} gf;

/* An Outlook message has at most this many attachments and recipients
 * that claimpack lists; a property stream at most this many bytes. */
#define MSG_MAX_ATTACHMENTS 1000
#define MSG_MAX_PROP (2u * CP_MAIL_MAX_TEXT)

static const unsigned char ole_magic[8] = { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 };

static void
quiet_log(const gchar *domain, GLogLevelFlags level, const gchar *message, gpointer data)
{
}

static guint
quiet_begin(void)
{
    return gf.g_log_set_handler(NULL, G_LOG_LEVEL_MASK | G_LOG_FLAG_FATAL | G_LOG_FLAG_RECURSION,
                                quiet_log, NULL);
}

static int
gsf_open_lib(const char *display, cp_diags *diags)
{
    static int state;       /* 0 not yet, 1 ready, -1 failed */
    static char *why;
    if (state == 0) {
        void *h = dlopen(GSF_SONAME, RTLD_NOW | RTLD_LOCAL);
#define GF_NAME(f) { #f, (void **)&gf.f }
        struct { const char *name; void **slot; } fns[] = {
            GF_NAME(gsf_init), GF_NAME(gsf_input_memory_new), GF_NAME(gsf_infile_msole_new),
            GF_NAME(gsf_infile_num_children), GF_NAME(gsf_infile_name_by_index),
            GF_NAME(gsf_infile_child_by_index), GF_NAME(gsf_infile_child_by_name),
            GF_NAME(gsf_infile_get_type), GF_NAME(gsf_input_size), GF_NAME(gsf_input_read),
            GF_NAME(g_object_unref), GF_NAME(g_error_free),
            GF_NAME(g_type_check_instance_is_a), GF_NAME(g_log_set_handler),
            GF_NAME(g_log_remove_handler),
        };
#undef GF_NAME
        state = h ? 1 : -1;
        for (size_t i = 0; state == 1 && i < CP_ARRAY_LEN(fns); i++)
            if ((*fns[i].slot = dlsym(h, fns[i].name)) == NULL)
                state = -1;
        if (state < 0) {
            const char *e = dlerror();
            why = xstrdup(e ? e : GSF_SONAME);
        } else {
            gf.gsf_init();
            /* libgsf says what it finds damaged on stderr (g_critical);
             * claimpack's own messages say it, naming the file. Its
             * generic messages have no domain: quieted only while libgsf
             * works (quiet_begin). */
            GLogLevelFlags all = G_LOG_LEVEL_MASK | G_LOG_FLAG_FATAL | G_LOG_FLAG_RECURSION;
            gf.g_log_set_handler("libgsf:msole", all, quiet_log, NULL);
            gf.g_log_set_handler("libgsf", all, quiet_log, NULL);
        }
    }
    if (state < 0) {
        cp_error(diags, CP_INPUT, display, 0, 0, "cannot read Outlook messages: the libgsf "
                 "library cannot be loaded (%s); install libgsf-1-114", why);
        return -1;
    }
    return 0;
}

/* A storage (a folder of the compound file), not a stream: libgsf makes
 * both GsfInfiles, a stream with no children (-1). */
static bool
is_storage(GsfInput *in)
{
    return in && gf.g_type_check_instance_is_a((GTypeInstance *)in, gf.gsf_infile_get_type()) &&
           gf.gsf_infile_num_children((GsfInfile *)in) >= 0;
}

/* --- properties ---------------------------------------------------------- */

typedef struct msg_store {
    GsfInfile *dir;
    unsigned codepage;
} msg_store;

/* A stream's bytes (at most MSG_MAX_PROP), or NULL when absent. */
static unsigned char *
stream_bytes(GsfInfile *dir, const char *name, size_t *len)
{
    GsfInput *in = gf.gsf_infile_child_by_name(dir, name);
    if (in == NULL)
        return NULL;
    unsigned char *out = NULL;
    gsf_off_t size = is_storage(in) ? -1 : gf.gsf_input_size(in);
    if (size >= 0 && (uint64_t)size <= MSG_MAX_PROP) {
        out = xmalloc((size_t)size + 1);
        if (size > 0 && gf.gsf_input_read(in, (size_t)size, out) == NULL) {
            free(out);
            out = NULL;
        } else {
            out[size] = 0;
            *len = (size_t)size;
        }
    }
    gf.g_object_unref(in);
    return out;
}

static char *
convert(const char *from, const unsigned char *in, size_t n)
{
    iconv_t cd = iconv_open("UTF-8", from);
    if (cd == (iconv_t)-1)
        return NULL;
    cp_buf b = CP_BUF_INIT;
    char out[4096];
    char *ip = (char *)in;
    size_t il = n;
    while (il > 0) {
        char *op = out;
        size_t ol = sizeof out;
        size_t r = iconv(cd, &ip, &il, &op, &ol);
        cp_buf_add(&b, out, (size_t)(op - out));
        if (r == (size_t)-1 && errno != E2BIG) {
            cp_buf_puts(&b, "\xEF\xBF\xBD");   /* a byte the code page lacks */
            ip++;
            il--;
        }
    }
    iconv_close(cd);
    cp_buf_putc(&b, '\0');
    return cp_buf_detach(&b);
}

static char *
codepage_text(unsigned cp, const unsigned char *s, size_t n)
{
    char name[24];
    if (cp == 65001)
        snprintf(name, sizeof name, "UTF-8");
    else if (cp == 20127)
        snprintf(name, sizeof name, "ASCII");
    else if (cp == 28591 || cp == 28592 || cp == 28595 || cp == 28605)
        snprintf(name, sizeof name, "ISO-8859-%u", cp == 28605 ? 15 : cp - 28590);
    else
        snprintf(name, sizeof name, "CP%u", cp);
    char *t = convert(name, s, n);
    return t ? t : convert("CP1252", s, n);
}

/* Property `id` as UTF-8 text: the Unicode stream, else the 8-bit one in
 * the message's code page. NULL when absent; the string ends at its NUL. */
static char *
prop_text(const msg_store *st, unsigned id)
{
    char name[32];
    size_t len = 0;
    snprintf(name, sizeof name, "__substg1.0_%04X001F", id);
    unsigned char *b = stream_bytes(st->dir, name, &len);
    char *t = NULL;
    if (b) {
        size_t n = 0;
        while (n + 1 < len && (b[n] || b[n + 1]))
            n += 2;
        t = convert("UTF-16LE", b, n);
    } else {
        snprintf(name, sizeof name, "__substg1.0_%04X001E", id);
        if ((b = stream_bytes(st->dir, name, &len)) != NULL)
            t = codepage_text(st->codepage, b, strnlen((char *)b, len));
    }
    free(b);
    if (t && *cp_trim(t) == '\0') {
        free(t);
        t = NULL;
    }
    return t;
}

/* The fixed-size properties of the message storage: 32 bytes of header,
 * then 16 a property (type, id, flags, 8 bytes of value). */
static bool
fixed_prop(GsfInfile *dir, size_t header, unsigned id, uint64_t *value)
{
    size_t len = 0;
    unsigned char *b = stream_bytes(dir, "__properties_version1.0", &len);
    bool found = false;
    for (size_t i = header; b && i + 16 <= len && !found; i += 16)
        if ((unsigned)(b[i + 2] | b[i + 3] << 8) == id) {
            uint64_t v = 0;
            for (int k = 7; k >= 0; k--)
                v = v << 8 | b[i + 8 + k];
            *value = v;
            found = true;
        }
    free(b);
    return found;
}

/* A FILETIME (100 ns since 1601) as "2017-02-28 18:48 UTC". */
static char *
filetime_text(uint64_t ft)
{
    if (ft < 116444736000000000ULL)
        return NULL;
    time_t t = (time_t)((ft - 116444736000000000ULL) / 10000000ULL);
    struct tm tm;
    if (gmtime_r(&t, &tm) == NULL)
        return NULL;
    return xasprintf("%04d-%02d-%02d %02d:%02d UTC", tm.tm_year + 1900, tm.tm_mon + 1,
                     tm.tm_mday, tm.tm_hour, tm.tm_min);
}

/* The Date: field of the transport headers, as the message was sent. */
static char *
header_date(const char *headers)
{
    for (const char *p = headers; p && *p;) {
        if ((p == headers || p[-1] == '\n') && strncasecmp(p, "Date:", 5) == 0) {
            const char *v = p + 5;
            size_t n = strcspn(v, "\r\n");
            char *d = xstrndup(v, n);
            return *cp_trim(d) ? d : (free(d), NULL);
        }
        p = strchr(p, '\n');
        if (p)
            p++;
    }
    return NULL;
}

/* The same property stored under two types is damage (a fuzzed file), not
 * something Outlook writes. */
static int
check_streams(GsfInfile *dir, const char *display, cp_diags *d)
{
    int n = gf.gsf_infile_num_children(dir);
    unsigned *ids = xcalloc(n > 0 ? (size_t)n : 1, sizeof *ids), *types = xcalloc(n > 0 ? (size_t)n : 1, sizeof *types);
    size_t k = 0;
    int rc = 0;
    for (int i = 0; i < n && rc == 0; i++) {
        const char *name = gf.gsf_infile_name_by_index(dir, i);
        unsigned id, type;
        if (name == NULL || sscanf(name, "__substg1.0_%4X%4X", &id, &type) != 2)
            continue;
        for (size_t j = 0; j < k; j++)
            if (ids[j] == id && types[j] != type && (types[j] | type) != 0x001F &&
                !((types[j] == 0x001E && type == 0x001F) || (types[j] == 0x001F && type == 0x001E))) {
                cp_error(d, CP_INPUT, display, 0, 0, "the Outlook message is damaged: its "
                         "property 0x%04X is stored twice, as types 0x%04X and 0x%04X",
                         id, types[j], type);
                rc = -1;
            }
        ids[k] = id;
        types[k++] = type;
    }
    free(ids);
    free(types);
    return rc;
}

/* --- compressed RTF ([MS-OXRTFCP]) and RTF as text ----------------------- */

static const char rtf_preset[] =
    "{\\rtf1\\ansi\\mac\\deff0\\deftab720{\\fonttbl;}{\\f0\\fnil \\froman \\fswiss "
    "\\fmodern \\fscript \\fdecor MS Sans SerifSymbolArialTimes New RomanCourier"
    "{\\colortbl\\red0\\green0\\blue0\r\n\\par \\pard\\plain\\f0\\fs20\\b\\i\\u\\tab\\tx";

static uint32_t
le32(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

/* The RTF, or NULL when the data is damaged. */
static char *
rtf_decompress(const unsigned char *in, size_t len, size_t *out_len)
{
    if (len < 16)
        return NULL;
    uint32_t comp = le32(in), raw = le32(in + 4), type = le32(in + 8);
    if (comp < 12 || comp - 12 > len - 16 || raw > CP_MAIL_MAX_TEXT * 4)
        return NULL;
    const unsigned char *p = in + 16, *end = in + 4 + comp;
    if (type == 0x414C454DU) {            /* "MELA": stored as it is */
        if ((size_t)(end - p) < raw)
            return NULL;
        *out_len = raw;
        return xstrndup((const char *)p, raw);
    }
    if (type != 0x75465A4CU)              /* "LZFu" */
        return NULL;
    unsigned char dict[4096];
    size_t wp = sizeof rtf_preset - 1;
    memcpy(dict, rtf_preset, wp);
    memset(dict + wp, 0, sizeof dict - wp);
    cp_buf b = CP_BUF_INIT;
    while (p < end && b.len < raw) {
        unsigned control = *p++;
        for (int bit = 0; bit < 8 && b.len < raw; bit++) {
            if (!(control & (1u << bit))) {
                if (p >= end)
                    goto done;
                dict[wp] = *p;
                wp = (wp + 1) % sizeof dict;
                cp_buf_putc(&b, (char)*p++);
                continue;
            }
            if (end - p < 2)
                goto done;
            unsigned token = (unsigned)p[0] << 8 | p[1];
            p += 2;
            size_t off = token >> 4, n = (token & 0xF) + 2;
            if (off == wp)
                goto done;                /* the end marker */
            for (size_t i = 0; i < n && b.len < raw; i++) {
                unsigned char c = dict[(off + i) % sizeof dict];
                dict[wp] = c;
                wp = (wp + 1) % sizeof dict;
                cp_buf_putc(&b, (char)c);
            }
        }
    }
done:
    if (b.len != raw) {
        cp_buf_free(&b);
        return NULL;
    }
    *out_len = b.len;
    cp_buf_putc(&b, '\0');
    return cp_buf_detach(&b);
}

static void
flush_bytes(cp_buf *out, cp_buf *bytes, unsigned cp)
{
    if (bytes->len == 0)
        return;
    char *t = codepage_text(cp, (const unsigned char *)bytes->data, bytes->len);
    if (t)
        cp_buf_puts(out, t);
    free(t);
    bytes->len = 0;
}

/* RTF's text: paragraphs and line breaks as lines, \'hh in the document's
 * code page, \uN as itself; font tables, pictures, other destinations and
 * the RTF-only parts of an HTML body (\htmlrtf) left out. */
static char *
rtf_text(const char *s, size_t n)
{
    cp_buf out = CP_BUF_INIT, bytes = CP_BUF_INIT;
    unsigned cp = 1252;
    int depth = 0, skip_depth = -1, uc = 1, skip_chars = 0;
    bool htmlrtf = false;
    for (size_t i = 0; i < n && depth < 200; i++) {
        char c = s[i];
        bool skipping = skip_depth >= 0 || htmlrtf;
        if (c == '{' && skip_depth < 0 && n - i > 10 && memcmp(s + i + 1, "\\*\\htmltag", 10) == 0) {
            /* An HTML body kept in RTF: the tags are left out, but a tag
             * that starts a block or breaks a line is a line break. */
            size_t k = i + 11;
            while (k < n && s[k] != '}')
                k += s[k] == '\\' ? 2 : 1;
            static const char *const breaks[] = { "<br", "<p", "</p", "<div", "</div", "<li",
                                                  "</tr", "<tr" };
            bool brk = false;
            for (size_t t = 0; t < CP_ARRAY_LEN(breaks) && !brk; t++) {
                size_t bl = strlen(breaks[t]);
                for (size_t q = i; q + bl <= k && !brk; q++)
                    brk = strncasecmp(s + q, breaks[t], bl) == 0 &&
                          (q + bl >= k || !((s[q + bl] | 0x20) >= 'a' && (s[q + bl] | 0x20) <= 'z'));
            }
            if (brk)
                cp_buf_putc(&bytes, '\n');
            i = k;
            continue;
        }
        if (c == '{') {
            depth++;
            if (i + 2 < n && s[i + 1] == '\\' && s[i + 2] == '*' && skip_depth < 0)
                skip_depth = depth;
            continue;
        }
        if (c == '}') {
            if (skip_depth == depth)
                skip_depth = -1;
            depth--;
            continue;
        }
        if (c == '\r' || c == '\n')
            continue;
        if (c != '\\') {
            if (skip_chars > 0)
                skip_chars--;
            else if (!skipping)
                cp_buf_putc(&bytes, c);
            continue;
        }
        if (i + 1 >= n)
            break;
        char e = s[++i];
        if (e == '\\' || e == '{' || e == '}') {
            if (!skipping)
                cp_buf_putc(&bytes, e);
            continue;
        }
        if (e == '\'') {
            if (i + 2 < n) {
                char hex[3] = { s[i + 1], s[i + 2], 0 };
                i += 2;
                if (skip_chars > 0)
                    skip_chars--;
                else if (!skipping)
                    cp_buf_putc(&bytes, (char)strtol(hex, NULL, 16));
            }
            continue;
        }
        if (!((e >= 'a' && e <= 'z') || (e >= 'A' && e <= 'Z'))) {
            if (e == '~' && !skipping)
                cp_buf_puts(&bytes, " ");
            continue;
        }
        size_t w = i;
        while (i < n && ((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z')))
            i++;
        char word[32];
        size_t wl = i - w < sizeof word - 1 ? i - w : sizeof word - 1;
        memcpy(word, s + w, wl);
        word[wl] = '\0';
        bool has_arg = false;
        long arg = 0;
        int sign = 1;
        if (i < n && s[i] == '-') {
            sign = -1;
            i++;
        }
        while (i < n && s[i] >= '0' && s[i] <= '9' && arg < 1000000) {
            arg = arg * 10 + (s[i++] - '0');
            has_arg = true;
        }
        arg *= sign;
        if (i < n && s[i] != ' ')
            i--;                          /* the delimiter is not part of the word */
        if (strcmp(word, "htmlrtf") == 0) {
            htmlrtf = !has_arg || arg != 0;
            continue;
        }
        if (skipping)
            continue;
        if (strcmp(word, "ansicpg") == 0 && has_arg && arg > 0)
            cp = (unsigned)arg;
        else if (strcmp(word, "uc") == 0 && has_arg)
            uc = (int)(arg < 0 ? 0 : arg > 8 ? 8 : arg);
        else if (strcmp(word, "u") == 0 && has_arg) {
            flush_bytes(&out, &bytes, cp);
            long u = arg < 0 ? arg + 65536 : arg;
            char buf[8];
            int k = 0;
            if (u < 0x80)
                buf[k++] = (char)u;
            else if (u < 0x800) {
                buf[k++] = (char)(0xC0 | u >> 6);
                buf[k++] = (char)(0x80 | (u & 0x3F));
            } else if (u < 0xD800 || u > 0xDFFF) {
                buf[k++] = (char)(0xE0 | u >> 12);
                buf[k++] = (char)(0x80 | ((u >> 6) & 0x3F));
                buf[k++] = (char)(0x80 | (u & 0x3F));
            }
            cp_buf_add(&out, buf, (size_t)k);
            skip_chars = uc;
        } else if (strcmp(word, "par") == 0 || strcmp(word, "line") == 0 ||
                   strcmp(word, "row") == 0) {
            cp_buf_putc(&bytes, '\n');
        } else if (strcmp(word, "tab") == 0 || strcmp(word, "cell") == 0) {
            cp_buf_putc(&bytes, '\t');
        } else if (strcmp(word, "fonttbl") == 0 || strcmp(word, "colortbl") == 0 ||
                   strcmp(word, "stylesheet") == 0 || strcmp(word, "info") == 0 ||
                   strcmp(word, "pict") == 0 || strcmp(word, "header") == 0 ||
                   strcmp(word, "footer") == 0) {
            skip_depth = depth;
        }
        if (strcmp(word, "u") != 0)
            flush_bytes(&out, &bytes, cp);
    }
    flush_bytes(&out, &bytes, cp);
    cp_buf_free(&bytes);
    cp_buf_putc(&out, '\0');
    return cp_buf_detach(&out);
}

/* --- the message --------------------------------------------------------- */

static char *tidy(char *s);

char *
cp_outlook_rtf_text(const unsigned char *data, size_t len)
{
    size_t n = 0;
    char *raw = rtf_decompress(data, len, &n);
    if (raw == NULL)
        return NULL;
    char *t = rtf_text(raw, n);
    free(raw);
    /* Blank lines as a reader sees them: none before the text, at most one
     * in a row (an HTML body's tags give many). */
    char *w = t, *r = t;
    while (*r == '\n' || *r == ' ')
        r++;
    int nl = 0;
    for (; *r; r++) {
        nl = *r == '\n' ? nl + 1 : *r == ' ' && nl ? nl : 0;
        if (nl <= 2 && !(*r == ' ' && nl))
            *w++ = *r;
    }
    *w = '\0';
    return tidy(t);
}

/* "\r\n" and "\r" to "\n", no trailing blanks at line ends or the end. */
static char *
tidy(char *s)
{
    cp_buf b = CP_BUF_INIT;
    for (const char *p = s; *p; p++) {
        if (*p == '\r') {
            if (p[1] != '\n')
                cp_buf_putc(&b, '\n');
            continue;
        }
        if (*p == '\n')
            while (b.len && (b.data[b.len - 1] == ' ' || b.data[b.len - 1] == '\t'))
                b.len--;
        cp_buf_putc(&b, *p);
    }
    while (b.len && (b.data[b.len - 1] == '\n' || b.data[b.len - 1] == ' '))
        b.len--;
    cp_buf_putc(&b, '\0');
    free(s);
    return cp_buf_detach(&b);
}

/* Whether the stream is there and larger than stream_bytes reads. */
static bool
stream_too_large(GsfInfile *dir, const char *name)
{
    GsfInput *in = gf.gsf_infile_child_by_name(dir, name);
    if (in == NULL)
        return false;
    bool big = !is_storage(in) && (uint64_t)gf.gsf_input_size(in) > MSG_MAX_PROP;
    gf.g_object_unref(in);
    return big;
}

static const char too_long[] = "the e-mail's text is longer than %u MB; enclose the part the "
                               "claim is about (the messages it is about, saved on their own)";

/* The body as text, or NULL with an error: one that is too long is
 * refused, never cut short or left out (its end may be what the claim is
 * about). A text stream larger than MSG_MAX_PROP is longer than
 * CP_MAIL_MAX_TEXT as text in any encoding. */
static char *
msg_body(const msg_store *st, const char *display, cp_diags *d)
{
    static const char *const forms[] = { "__substg1.0_1000001F", "__substg1.0_1000001E",
                                         "__substg1.0_10130102", "__substg1.0_10090102" };
    for (size_t k = 0; k < sizeof forms / sizeof *forms; k++)
        if (stream_too_large(st->dir, forms[k])) {
            if (k < 2)
                cp_error(d, CP_INPUT, display, 0, 0, too_long, CP_MAIL_MAX_TEXT >> 20);
            else
                cp_error(d, CP_INPUT, display, 0, 0, "the e-mail's %s body is larger than %u MB, "
                         "more than claimpack reads; enclose the part the claim is about (the "
                         "messages it is about, saved on their own)", k == 2 ? "HTML" : "RTF",
                         MSG_MAX_PROP >> 20);
            return NULL;
        }
    char *text = prop_text(st, 0x1000);
    if (text)
        return tidy(text);
    size_t len = 0;
    unsigned char *html = stream_bytes(st->dir, "__substg1.0_10130102", &len);
    char *utf8 = NULL;
    if (html)
        utf8 = codepage_text(st->codepage, html, len);
    else if ((utf8 = prop_text(st, 0x1013)) == NULL) {
        free(html);
        html = NULL;
    }
    free(html);
    if (utf8) {
        char *t = cp_mail_html_to_text(utf8, strlen(utf8), CP_MAIL_MAX_TEXT);
        free(utf8);
        return tidy(t);
    }
    unsigned char *rtf = stream_bytes(st->dir, "__substg1.0_10090102", &len);
    if (rtf == NULL)
        return xstrdup("");
    char *t = cp_outlook_rtf_text(rtf, len);
    free(rtf);
    if (t == NULL) {
        cp_warning(d, display, 0, 0, "the Outlook message's RTF body is damaged; it is left out");
        return xstrdup("");
    }
    return t;
}

static void
add_name(cp_mail *m, char *name)
{
    m->attachments = xreallocarray(m->attachments, m->n_attachments + 1, sizeof *m->attachments);
    m->attachments[m->n_attachments++] = name;
}

static void
msg_attachments(cp_mail *m, GsfInfile *top, unsigned codepage)
{
    int n = gf.gsf_infile_num_children(top);
    for (int i = 0; i < n && m->n_attachments < MSG_MAX_ATTACHMENTS; i++) {
        const char *name = gf.gsf_infile_name_by_index(top, i);
        if (name == NULL || strncmp(name, "__attach_version1.0_#", 21) != 0)
            continue;
        GsfInput *child = gf.gsf_infile_child_by_index(top, i);
        if (!is_storage(child)) {
            if (child)
                gf.g_object_unref(child);
            continue;
        }
        msg_store at = { (GsfInfile *)child, codepage };
        char *s = prop_text(&at, 0x3707);
        if (s == NULL)
            s = prop_text(&at, 0x3704);
        if (s == NULL)
            s = prop_text(&at, 0x3001);
        add_name(m, s ? s : xasprintf("attachment %d", (int)m->n_attachments + 1));
        gf.g_object_unref(child);
    }
}

/* The bytes the compound file's header says it has at least: its FAT
 * sectors (the first 109 are listed in the header) and its directory's
 * first sector. Less is a prefix (the sniffer's first look) or a cut file,
 * which libgsf is not given. */
static bool
ole_complete(const unsigned char *buf, size_t len)
{
    unsigned shift = (unsigned)(buf[0x1E] | buf[0x1F] << 8);
    if (shift != 9 && shift != 12)
        return false;
    uint32_t top = le32(buf + 0x30);          /* the directory's first sector */
    for (size_t i = 0; i < 109; i++) {
        uint32_t sect = le32(buf + 0x4C + 4 * i);
        if (sect < 0xFFFFFFFAU && sect > top)
            top = sect;
    }
    if (top >= 0xFFFFFFFAU)
        return false;
    return (uint64_t)len >= ((uint64_t)top + 2) << shift;
}

bool
cp_outlook_sniff(const unsigned char *buf, size_t len)
{
    if (len < 512 || memcmp(buf, ole_magic, 8) != 0 || !ole_complete(buf, len))
        return false;
    cp_diags quiet = CP_DIAGS_INIT;
    bool yes = false;
    if (gsf_open_lib(NULL, &quiet) == 0) {
        guint q = quiet_begin();
        GsfInput *in = gf.gsf_input_memory_new(buf, (gsf_off_t)len, FALSE);
        GError *err = NULL;
        GsfInfile *ole = in ? gf.gsf_infile_msole_new(in, &err) : NULL;
        if (ole) {
            GsfInput *p = gf.gsf_infile_child_by_name(ole, "__properties_version1.0");
            yes = p != NULL;
            if (p)
                gf.g_object_unref(p);
            gf.g_object_unref(ole);
        }
        if (err)
            gf.g_error_free(err);
        if (in)
            gf.g_object_unref(in);
        gf.g_log_remove_handler(NULL, q);
    }
    cp_diags_free(&quiet);
    return yes;
}

int
cp_outlook_read(cp_mail **out, const unsigned char *data, size_t len, const char *display,
                cp_diags *diags)
{
    *out = NULL;
    if (gsf_open_lib(display, diags) < 0)
        return -1;
    guint q = quiet_begin();
    GsfInput *in = gf.gsf_input_memory_new(data, (gsf_off_t)len, FALSE);
    GError *err = NULL;
    GsfInfile *ole = in ? gf.gsf_infile_msole_new(in, &err) : NULL;
    int rc = -1;
    if (ole == NULL) {
        cp_error(diags, CP_INPUT, display, 0, 0, "is a damaged Outlook message: %s",
                 err && err->message ? err->message : "not an OLE2 compound file");
        goto cleanup;
    }
    if (check_streams(ole, display, diags) < 0)
        goto cleanup;
    uint64_t v = 0;
    msg_store st = { ole, 1252 };
    if ((fixed_prop(ole, 32, 0x3FFD, &v) || fixed_prop(ole, 32, 0x3FDE, &v)) && v > 0 &&
        v < 70000)
        st.codepage = (unsigned)v;
    cp_mail *m = xcalloc(1, sizeof *m);
    m->outlook = true;
    char *name = prop_text(&st, 0x0C1A), *addr = prop_text(&st, 0x5D01);
    if (addr == NULL)
        addr = prop_text(&st, 0x0C1F);
    if (addr && (addr[0] == '/' || strchr(addr, '@') == NULL)) {
        free(addr);                       /* an Exchange X.500 address says nothing */
        addr = NULL;
    }
    if (name && addr && strcmp(name, addr) != 0)
        m->from = xasprintf("%s <%s>", name, addr);
    else
        m->from = name ? xstrdup(name) : addr ? xstrdup(addr) : NULL;
    free(name);
    free(addr);
    m->to = prop_text(&st, 0x0E04);
    m->cc = prop_text(&st, 0x0E03);
    m->subject = prop_text(&st, 0x0037);
    char *headers = prop_text(&st, 0x007D);
    m->date = header_date(headers);
    free(headers);
    if (m->date == NULL && (fixed_prop(ole, 32, 0x0039, &v) || fixed_prop(ole, 32, 0x0E06, &v)))
        m->date = filetime_text(v);
    m->body = msg_body(&st, display, diags);
    /* Refused past the bound of an e-mail's text, as cp_mail_read refuses
     * a long e-mail, not cut short. */
    if (m->body && strlen(m->body) > CP_MAIL_MAX_TEXT)
        cp_error(diags, CP_INPUT, display, 0, 0, too_long, CP_MAIL_MAX_TEXT >> 20);
    if (m->body == NULL || strlen(m->body) > CP_MAIL_MAX_TEXT) {
        cp_mail_free(m);
        goto cleanup;
    }
    msg_attachments(m, ole, st.codepage);
    *out = m;
    rc = 0;

cleanup:
    if (err)
        gf.g_error_free(err);
    if (ole)
        gf.g_object_unref(ole);
    if (in)
        gf.g_object_unref(in);
    gf.g_log_remove_handler(NULL, q);
    return rc;
}
