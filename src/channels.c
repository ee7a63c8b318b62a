/* channels.c: where a claim goes (claimpack/channel.h). The channels are
 * data (data/channels.xml, its vocabulary described at its top); this file
 * reads them (dataxml.h: no DTD, no entities, no network, a size limit),
 * checks them and words them. */
#include "config.h"
#include "claimpack/channel.h"
#include "claimpack/claimpack.h"
#include "dataxml.h"
#include "util.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libxml/tree.h>

#define CHANNELS_MAX_SIZE ((size_t)1024 * 1024)

/* The placeholders a step may hold, and what the channel must take for it. */
static const char *const step_fields[] = { "txt", "pdf", "eml" };

typedef struct reader {
    const char *path;
    bool user;
    cp_diags *diags;
    int errors;
} reader;

static void bad(reader *r, xmlNodePtr n, const char *fmt, ...) CP_PRINTF(3, 4);

static void
bad(reader *r, xmlNodePtr n, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *m = xvasprintf(fmt, ap);
    va_end(ap);
    /* libxml2 gives elements a line only: column 1 stands for the line. */
    cp_error(r->diags, CP_INPUT, r->path, n ? (int)xmlGetLineNo(n) : 0, n ? 1 : 0, "channels: %s", m);
    free(m);
    r->errors++;
}

static bool
is(xmlNodePtr n, const char *name)
{
    return n && n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, name) == 0;
}

/* The text of n on one line: runs of white space (the file's line breaks
 * and indentation) become one space. */
static char *
text_of(xmlNodePtr n)
{
    xmlChar *v = xmlNodeGetContent(n);
    cp_buf b = CP_BUF_INIT;
    bool space = false;
    for (const char *p = v ? (const char *)v : ""; *p; p++) {
        if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r') {
            space = b.len > 0;
            continue;
        }
        if (space)
            cp_buf_putc(&b, ' ');
        space = false;
        cp_buf_putc(&b, *p);
    }
    xmlFree(v);
    return b.data ? cp_buf_detach(&b) : xstrdup("");
}

/* The language index of n's lang= (English without it), or -1. */
static int
lang_of(reader *r, xmlNodePtr n)
{
    char *l = cp_data_xml_prop(n, "lang");
    if (l == NULL)
        return CP_LANG_EN;
    int k = cp_lang_from_name(l);
    if (k < 0)
        bad(r, n, "<%s lang=\"%s\">: the languages are en nl fy es de fr", (const char *)n->name, l);
    free(l);
    return k;
}

/* A positive whole number attribute no larger than max; 0 when absent. */
static long long
number_attr(reader *r, xmlNodePtr n, const char *name, long long max)
{
    char *v = cp_data_xml_prop(n, name);
    if (v == NULL)
        return 0;
    char *end = NULL;
    errno = 0;
    long long x = v[0] >= '0' && v[0] <= '9' ? strtoll(v, &end, 10) : 0;
    if (x <= 0 || errno || *end || x > max) {
        bad(r, n, "%s=\"%s\": a whole number from 1 to %lld", name, v, max);
        x = 0;
    }
    free(v);
    return x;
}

/* Put the text of n into a language slot, refusing a second one. */
static void
put_text(reader *r, xmlNodePtr n, char **slots, const char *what)
{
    int l = lang_of(r, n);
    if (l < 0)
        return;
    if (slots[l]) {
        bad(r, n, "a second %s in %s", what, cp_lang_name((enum cp_lang)l));
        return;
    }
    slots[l] = text_of(n);
}

static cp_channel_text *
text_by_id(cp_channel_text **v, size_t *n, const char *id)
{
    for (size_t i = 0; i < *n; i++)
        if (strcmp((*v)[i].id, id) == 0)
            return &(*v)[i];
    *v = xreallocarray(*v, *n + 1, sizeof **v);
    cp_channel_text *t = &(*v)[(*n)++];
    memset(t, 0, sizeof *t);
    t->id = xstrdup(id);
    return t;
}

static void
texts_free(cp_channel_text *v, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free(v[i].id);
        for (int l = 0; l < CP_LANG__COUNT; l++)
            free(v[i].text[l]);
    }
    free(v);
}

static void
channel_clear(cp_channel *ch)
{
    free(ch->name);
    free(ch->formats);
    free(ch->file);
    for (int l = 0; l < CP_LANG__COUNT; l++) {
        free(ch->label[l]);
        free(ch->sent[l]);
    }
    for (size_t i = 0; i < ch->n_sources; i++) {
        free(ch->sources[i].what);
        free(ch->sources[i].href);
    }
    free(ch->sources);
    texts_free(ch->steps, ch->n_steps);
    memset(ch, 0, sizeof *ch);
}

static bool
name_ok(const char *s)
{
    if (!s || !*s || strlen(s) > 40 || *s == '-')
        return false;
    for (; *s; s++)
        if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '-'))
            return false;
    return true;
}

/* Every {field} of a step is one the channel writes. */
static void
check_fields(reader *r, xmlNodePtr n, const cp_channel *ch, const char *text)
{
    for (const char *p = strchr(text, '{'); p; p = strchr(p + 1, '{')) {
        const char *close = strchr(p, '}');
        if (!close)
            break;
        size_t len = (size_t)(close - p - 1);
        size_t k = 0;
        while (k < CP_ARRAY_LEN(step_fields) &&
               !(strlen(step_fields[k]) == len && strncmp(p + 1, step_fields[k], len) == 0))
            k++;
        if (k == CP_ARRAY_LEN(step_fields))
            bad(r, n, "step of '%s': unknown field {%.*s} (known: {txt} {pdf} {eml})", ch->name,
                (int)len, p + 1);
        else if (k == 0 && !ch->text)
            bad(r, n, "step of '%s' names {txt}, but the channel has no <text/>", ch->name);
        else if (k == 1 && !ch->files && !ch->print)
            bad(r, n, "step of '%s' names {pdf}, but the channel has no <files/> or <print/>",
                ch->name);
        else if (k == 2 && !ch->eml)
            bad(r, n, "step of '%s' names {eml}, but the channel has no <eml/>", ch->name);
    }
}

static int
read_channel(reader *r, xmlNodePtr cn, cp_channel *ch)
{
    int before = r->errors;
    memset(ch, 0, sizeof *ch);
    ch->name = cp_data_xml_prop(cn, "name");
    ch->file = xstrdup(r->path);
    ch->user = r->user;
    if (!name_ok(ch->name)) {
        bad(r, cn, "<channel name=\"%s\">: a name of lower-case letters, digits and '-'",
            ch->name ? ch->name : "");
        return -1;
    }
    for (xmlNodePtr n = cn->children; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        if (is(n, "label")) {
            put_text(r, n, ch->label, "<label>");
        } else if (is(n, "text")) {
            ch->text = true;
            ch->max_chars = (size_t)number_attr(r, n, "max-chars", 1000000);
        } else if (is(n, "files")) {
            ch->files = true;
            ch->formats = cp_data_xml_prop(n, "formats");
            if (!ch->formats || strcmp(ch->formats, "pdf") != 0)
                bad(r, n, "<files formats=\"%s\">: claimpack writes \"pdf\"",
                    ch->formats ? ch->formats : "");
            ch->max_bytes = number_attr(r, n, "max-bytes", 1LL << 40);
            ch->max_pages = (int)number_attr(r, n, "max-pages", 100000);
            ch->max_count = (int)number_attr(r, n, "max-count", 1000);
        } else if (is(n, "print")) {
            ch->print = true;
        } else if (is(n, "eml")) {
            ch->eml = true;
        } else if (is(n, "source")) {
            char *what = cp_data_xml_prop(n, "for"), *href = cp_data_xml_prop(n, "href");
            if (!what || (strcmp(what, "text") && strcmp(what, "files") && strcmp(what, "print")) ||
                !href || strncmp(href, "http", 4) != 0) {
                bad(r, n, "<source> needs for=\"text|files|print\" and an href=\"https://...\"");
                free(what);
                free(href);
            } else {
                ch->sources = xreallocarray(ch->sources, ch->n_sources + 1, sizeof *ch->sources);
                ch->sources[ch->n_sources++] = (cp_channel_source){ what, href };
            }
        } else if (is(n, "message")) {
            char *id = cp_data_xml_prop(n, "id");
            if (!cp_streq(id, "sent"))
                bad(r, n, "<message id=\"%s\"> in a channel: only id=\"sent\"", id ? id : "");
            else
                put_text(r, n, ch->sent, "<message id=\"sent\">");
            free(id);
        } else if (is(n, "step")) {
            char *id = cp_data_xml_prop(n, "id");
            if (!id || !*id) {
                bad(r, n, "<step> needs an id");
            } else {
                cp_channel_text *t = text_by_id(&ch->steps, &ch->n_steps, id);
                put_text(r, n, t->text, "<step>");
            }
            free(id);
        } else {
            bad(r, n, "<%s> in <channel>: expected label, text, files, print, eml, source, "
                "message or step", (const char *)n->name);
        }
    }
    if (!ch->label[CP_LANG_EN])
        bad(r, cn, "channel '%s' has no English <label>", ch->name);
    if (!ch->text && !ch->files && !ch->print)
        bad(r, cn, "channel '%s' takes nothing: give <text/>, <files/> or <print/>", ch->name);
    if (ch->eml && (!ch->text || !ch->files))
        bad(r, cn, "channel '%s': <eml/> needs <text/> (the message) and <files/> (the PDF "
            "attached)", ch->name);
    if (ch->n_steps == 0)
        bad(r, cn, "channel '%s' has no <step>", ch->name);
    for (size_t i = 0; i < ch->n_steps; i++) {
        if (!ch->steps[i].text[CP_LANG_EN])
            bad(r, cn, "step %s of '%s' has no English text", ch->steps[i].id, ch->name);
        for (int l = 0; l < CP_LANG__COUNT; l++)
            if (ch->steps[i].text[l])
                check_fields(r, cn, ch, ch->steps[i].text[l]);
    }
    return r->errors > before ? -1 : 0;
}

static void
add_channel(cp_channels *c, cp_channel *ch)
{
    for (size_t i = 0; i < c->n; i++)
        if (strcmp(c->v[i].name, ch->name) == 0) {
            channel_clear(&c->v[i]);
            c->v[i] = *ch;
            return;
        }
    c->v = xreallocarray(c->v, c->n + 1, sizeof *c->v);
    c->v[c->n++] = *ch;
}

static int
read_file(cp_channels *c, const char *path, bool user, cp_diags *diags)
{
    xmlDocPtr doc = cp_data_xml_load(path, "channels", "the channels", CHANNELS_MAX_SIZE, diags);
    if (doc == NULL)
        return -1;
    reader r = { path, user, diags, 0 };
    xmlNodePtr root = xmlDocGetRootElement(doc);
    cp_channels mine = { NULL, 0, NULL, 0 };
    for (xmlNodePtr n = root->children; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        if (is(n, "message")) {
            char *id = cp_data_xml_prop(n, "id");
            if (!id || !*id) {
                bad(&r, n, "<message> needs an id");
            } else {
                cp_channel_text *t = text_by_id(&mine.msgs, &mine.n_msgs, id);
                put_text(&r, n, t->text, "<message>");
            }
            free(id);
        } else if (is(n, "channel")) {
            cp_channel ch;
            int rc = read_channel(&r, n, &ch);
            if (rc == 0 && cp_channel_find(&mine, ch.name)) {
                bad(&r, n, "a second channel '%s' in the same file", ch.name);
                rc = -1;
            }
            if (rc < 0)
                channel_clear(&ch);
            else
                add_channel(&mine, &ch);
        } else {
            bad(&r, n, "<%s> in <channels>: expected message or channel", (const char *)n->name);
        }
    }
    xmlFreeDoc(doc);
    if (r.errors > 0) {
        for (size_t i = 0; i < mine.n; i++)
            channel_clear(&mine.v[i]);
        free(mine.v);
        texts_free(mine.msgs, mine.n_msgs);
        return -1;
    }
    for (size_t i = 0; i < mine.n; i++)
        add_channel(c, &mine.v[i]);
    free(mine.v);
    for (size_t i = 0; i < mine.n_msgs; i++) {
        cp_channel_text *t = text_by_id(&c->msgs, &c->n_msgs, mine.msgs[i].id);
        for (int l = 0; l < CP_LANG__COUNT; l++)
            if (mine.msgs[i].text[l]) {
                free(t->text[l]);
                t->text[l] = mine.msgs[i].text[l];
                mine.msgs[i].text[l] = NULL;
            }
    }
    texts_free(mine.msgs, mine.n_msgs);
    return 0;
}

int
cp_channels_load(cp_channels **out, cp_diags *diags)
{
    *out = NULL;
    cp_channels *c = xcalloc(1, sizeof *c);
    char *builtin = cp_data_path("data/channels.xml");
    char *user = cp_config_path("channels.xml");
    int rc = read_file(c, builtin, false, diags);
    if (rc == 0 && access(user, F_OK) == 0)
        rc = read_file(c, user, true, diags);
    free(builtin);
    free(user);
    if (rc < 0) {
        cp_channels_free(c);
        return -1;
    }
    *out = c;
    return 0;
}

void
cp_channels_free(cp_channels *c)
{
    if (c == NULL)
        return;
    for (size_t i = 0; i < c->n; i++)
        channel_clear(&c->v[i]);
    free(c->v);
    texts_free(c->msgs, c->n_msgs);
    free(c);
}

const cp_channel *
cp_channel_find(const cp_channels *c, const char *name)
{
    for (size_t i = 0; i < c->n; i++)
        if (strcmp(c->v[i].name, name) == 0)
            return &c->v[i];
    return NULL;
}

char *
cp_channels_names(const cp_channels *c)
{
    cp_buf b = CP_BUF_INIT;
    for (size_t i = 0; i < c->n; i++)
        cp_buf_printf(&b, "%s%s", i ? ", " : "", c->v[i].name);
    return b.data ? cp_buf_detach(&b) : xstrdup("");
}

const char *
cp_channel_text_in(const cp_channel_text *t, enum cp_lang lang)
{
    return t->text[lang] ? t->text[lang] : t->text[CP_LANG_EN];
}

const char *
cp_channel_label(const cp_channel *ch, enum cp_lang lang)
{
    return ch->label[lang] ? ch->label[lang] : ch->label[CP_LANG_EN];
}

static char *
format_v(const char *tmpl, ...)
{
    va_list ap;
    va_start(ap, tmpl);
    char *s = cp_fill_v(tmpl, ap);
    va_end(ap);
    return s;
}

char *
cp_channels_format(const cp_channels *c, enum cp_lang lang, const char *id, ...)
{
    const char *tmpl = id;
    for (size_t i = 0; i < c->n_msgs; i++)
        if (strcmp(c->msgs[i].id, id) == 0 && cp_channel_text_in(&c->msgs[i], lang))
            tmpl = cp_channel_text_in(&c->msgs[i], lang);
    va_list ap;
    va_start(ap, id);
    char *s = cp_fill_v(tmpl, ap);
    va_end(ap);
    return s;
}

/* 10000000 -> "10 MB", 512000 -> "512 KB": the units the sources use. */
static char *
size_words(long long n)
{
    if (n % 1000000 == 0)
        return xasprintf("%lld MB", n / 1000000);
    if (n % 1000 == 0)
        return xasprintf("%lld KB", n / 1000);
    return xasprintf("%lld B", n);
}

char *
cp_channel_takes(const cp_channels *c, const cp_channel *ch, enum cp_lang lang)
{
    cp_buf b = CP_BUF_INIT;
    char num[32];
    char *s;
    if (ch->text) {
        snprintf(num, sizeof num, "%zu", ch->max_chars);
        s = ch->max_chars ? cp_channels_format(c, lang, "text-max", "chars", num, (char *)NULL)
                          : cp_channels_format(c, lang, "text", (char *)NULL);
        cp_buf_puts(&b, s);
        free(s);
    }
    if (ch->files) {
        s = cp_channels_format(c, lang, "files", "formats", "PDF", (char *)NULL);
        cp_buf_printf(&b, "%s%s", b.len ? "; " : "", s);
        free(s);
        if (ch->max_bytes) {
            char *size = size_words(ch->max_bytes);
            s = cp_channels_format(c, lang, "max-bytes", "size", size, (char *)NULL);
            cp_buf_printf(&b, ", %s", s);
            free(s);
            free(size);
        }
        if (ch->max_pages) {
            snprintf(num, sizeof num, "%d", ch->max_pages);
            s = cp_channels_format(c, lang, "max-pages", "pages", num, (char *)NULL);
            cp_buf_printf(&b, ", %s", s);
            free(s);
        }
        if (ch->max_count == 1) {
            /* "at most 1 files" reads as a mistake; one file has its own words */
            s = cp_channels_format(c, lang, "max-one", (char *)NULL);
            cp_buf_printf(&b, ", %s", s);
            free(s);
        } else if (ch->max_count) {
            snprintf(num, sizeof num, "%d", ch->max_count);
            s = cp_channels_format(c, lang, "max-count", "count", num, (char *)NULL);
            cp_buf_printf(&b, ", %s", s);
            free(s);
        }
    }
    if (ch->print) {
        s = cp_channels_format(c, lang, "print", (char *)NULL);
        cp_buf_printf(&b, "%s%s", b.len ? "; " : "", s);
        free(s);
    }
    if (ch->eml) {
        s = cp_channels_format(c, lang, "eml", (char *)NULL);
        cp_buf_printf(&b, "%s%s", b.len ? "; " : "", s);
        free(s);
    }
    return cp_buf_detach(&b);
}

char *
cp_channel_step(const cp_channel *ch, size_t i, enum cp_lang lang, const char *txt,
                const char *pdf, const char *eml)
{
    return format_v(cp_channel_text_in(&ch->steps[i], lang), "txt", txt, "pdf", pdf, "eml", eml,
                    (char *)NULL);
}

char *
cp_channel_sent(const cp_channel *ch, enum cp_lang lang, const char *file)
{
    const char *t = ch->sent[lang] ? ch->sent[lang] : ch->sent[CP_LANG_EN];
    return t ? format_v(t, "file", file, (char *)NULL) : NULL;
}

int
cp_channels_list(FILE *fp, const cp_channels *c, enum cp_lang lang)
{
    for (size_t i = 0; i < c->n; i++) {
        const cp_channel *ch = &c->v[i];
        char *takes = cp_channel_takes(c, ch, lang);
        fprintf(fp, "%-16s %s\n%-16s %s\n", ch->name, cp_channel_label(ch, lang), "", takes);
        free(takes);
        for (size_t k = 0; k < ch->n_sources; k++)
            fprintf(fp, "%-16s %s\n", "", ch->sources[k].href);
        if (ch->user) {
            char *u = cp_channels_format(c, lang, "user", "file", ch->file, (char *)NULL);
            fprintf(fp, "%-16s %s\n", "", u);
            free(u);
        }
    }
    return ferror(fp) ? -1 : 0;
}
