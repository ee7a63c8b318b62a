/* claim.c: the claim file (claimpack-claim(5)). Reading it safely, telling the user in
 * plain words every place where it departs from data/claim.rng, and turning
 * it into the cp_claim model.
 *
 * libxml2's RELAX NG validator stops at the first problem inside an element
 * and words it for schema authors ("Invalid sequence in interleave"). So
 * the schema is also read as data here (struct rng) and walked alongside the
 * claim, which finds every problem and names it with the wording of
 * data/messages.xml. libxml2's verdict still counts: anything it finds that
 * the walk did not explain is reported too. */
#include "config.h"
#include "claimpack/claimpack.h"
#include "util.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

#define CLAIM_MAX_SIZE ((size_t)8 * 1024 * 1024)
#define CLAIM_MAX_SIZE_TEXT "8 MB"
#define RNG_NS "http://relaxng.org/ns/structure/1.0"
#define ANNOT_NS "urn:x-claimpack:schema-annotations"

/* ---- enumeration names ------------------------------------------------ */

static const char *const type_names[CP_TYPE__COUNT] = {
    "defective", "damaged", "wrong-item", "not-received", "late-delivery",
    "billing", "refund-missing", "appeal", "escalation"
};
static const char *const lang_names[CP_LANG__COUNT] = { "en", "nl", "fy", "es", "de", "fr" };
static const char *const res_names[CP_RES__COUNT] = {
    "refund", "replacement", "repair", "compensation", "price-reduction", "other"
};
static const char *const doc_names[CP_DOC__COUNT] = {
    "proof-of-purchase", "photo", "screenshot", "correspondence", "technical-report",
    "tracking", "other"
};

static int
name_index(const char *const *names, int n, const char *s)
{
    if (s == NULL)
        return -1;
    for (int i = 0; i < n; i++)
        if (strcmp(names[i], s) == 0)
            return i;
    return -1;
}

static const char *
name_at(const char *const *names, int n, int i)
{
    return i >= 0 && i < n ? names[i] : NULL;
}

const char *cp_claim_type_name(enum cp_claim_type t) { return name_at(type_names, CP_TYPE__COUNT, (int)t); }
int cp_claim_type_from_name(const char *s) { return name_index(type_names, CP_TYPE__COUNT, s); }
const char *cp_lang_name(enum cp_lang l) { return name_at(lang_names, CP_LANG__COUNT, (int)l); }
int cp_lang_from_name(const char *s) { return name_index(lang_names, CP_LANG__COUNT, s); }
const char *cp_resolution_kind_name(enum cp_resolution_kind k) { return name_at(res_names, CP_RES__COUNT, (int)k); }
int cp_resolution_kind_from_name(const char *s) { return name_index(res_names, CP_RES__COUNT, s); }
const char *cp_doc_kind_name(enum cp_doc_kind k) { return name_at(doc_names, CP_DOC__COUNT, (int)k); }
int cp_doc_kind_from_name(const char *s) { return name_index(doc_names, CP_DOC__COUNT, s); }

/* ---- small text helpers ----------------------------------------------- */

static bool
is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Runs of white space become one space, none at the ends; NULL when empty.
 * Takes ownership of s (malloc'd). */
static char *
text_collapse(char *s)
{
    size_t j = 0;
    bool space = false;
    for (size_t i = 0; s[i]; i++) {
        if (is_space(s[i])) {
            space = j > 0;
            continue;
        }
        if (space)
            s[j++] = ' ';
        space = false;
        s[j++] = s[i];
    }
    s[j] = '\0';
    if (j == 0) {
        free(s);
        return NULL;
    }
    return s;
}

/* Each line trimmed, blank lines at the ends dropped and inside kept as one:
 * for addresses and typed-in messages, whose line breaks mean something. */
static char *
text_lines(char *s)
{
    cp_buf b = CP_BUF_INIT;
    int blank = 0;
    for (char *line = s; line != NULL;) {
        char *nl = strchr(line, '\n');
        if (nl)
            *nl = '\0';
        cp_trim(line);
        if (*line == '\0') {
            blank += b.len > 0;
        } else {
            if (b.len > 0)
                cp_buf_puts(&b, blank ? "\n\n" : "\n");
            cp_buf_puts(&b, line);
            blank = 0;
        }
        line = nl ? nl + 1 : NULL;
    }
    free(s);
    if (b.len == 0) {
        cp_buf_free(&b);
        return NULL;
    }
    return cp_buf_detach(&b);
}

/* The element's own text (not its child elements'), malloc'd. */
static char *
node_text_raw(xmlNodePtr n)
{
    cp_buf b = CP_BUF_INIT;
    for (xmlNodePtr c = n->children; c; c = c->next)
        if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content)
            cp_buf_puts(&b, (const char *)c->content);
    return cp_buf_detach(&b);
}

static char *
node_text(xmlNodePtr n, bool keep_lines)
{
    char *s = node_text_raw(n);
    return keep_lines ? text_lines(s) : text_collapse(s);
}

/* An attribute's value, white space collapsed; NULL when absent or empty. */
static char *
attr_value(xmlNodePtr n, const char *name)
{
    xmlChar *v = xmlGetNoNsProp(n, (const xmlChar *)name);
    if (v == NULL)
        return NULL;
    char *s = xstrdup((const char *)v);
    xmlFree(v);
    return text_collapse(s);
}

static bool
node_is(xmlNodePtr n, const char *name)
{
    return n->type == XML_ELEMENT_NODE && n->ns == NULL && strcmp((const char *)n->name, name) == 0;
}

/* ---- value syntax --------------------------------------------------- */

/* "349.00": digits, optionally a point and 1..3 decimals. */
static int
amount_parse(cp_amount *out, const char *s)
{
    long long v = 0;
    int digits = 0, ints = 0;
    const char *p = s;
    for (; *p >= '0' && *p <= '9'; p++, ints++) {
        if (ints >= 15)
            return -1;
        v = v * 10 + (*p - '0');
    }
    if (ints == 0)
        return -1;
    if (*p == '.') {
        for (p++; *p >= '0' && *p <= '9'; p++, digits++) {
            if (digits >= 3)
                return -1;
            v = v * 10 + (*p - '0');
        }
        if (digits == 0)
            return -1;
    }
    if (*p != '\0')
        return -1;
    out->present = true;
    out->minor = v;
    out->digits = digits;
    return 0;
}

static bool
currency_ok(const char *s)
{
    return strlen(s) == 3 && s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'A' && s[1] <= 'Z'
        && s[2] >= 'A' && s[2] <= 'Z';
}

static int
quantity_parse(const char *s)
{
    if (s[0] < '1' || s[0] > '9' || strlen(s) > 9)
        return -1;
    int v = 0;
    for (const char *p = s; *p; p++) {
        if (*p < '0' || *p > '9')
            return -1;
        v = v * 10 + (*p - '0');
    }
    return v;
}

/* True when the value passes the schema annotation's check (cp:check). */
/* A document id: what a fact's evidence attribute names it by, so one word
 * of letters, digits, '-', '_' or '.'. */
static bool
id_ok(const char *v)
{
    if (*v == '\0')
        return false;
    for (; *v; v++)
        if (!((*v >= 'a' && *v <= 'z') || (*v >= 'A' && *v <= 'Z') || (*v >= '0' && *v <= '9') ||
              *v == '-' || *v == '_' || *v == '.'))
            return false;
    return true;
}

static bool
value_ok(const char *check, const char *v)
{
    cp_date d;
    cp_datetime t;
    cp_amount a;
    if (strcmp(check, "date") == 0)
        return cp_date_parse(&d, v) == 0;
    if (strcmp(check, "datetime") == 0)
        return cp_datetime_parse(&t, v) == 0;
    if (strcmp(check, "amount") == 0)
        return amount_parse(&a, v) == 0;
    if (strcmp(check, "currency") == 0)
        return currency_ok(v);
    if (strcmp(check, "quantity") == 0)
        return quantity_parse(v) > 0;
    if (strcmp(check, "version") == 0)
        return strcmp(v, "1") == 0;
    if (strcmp(check, "id") == 0)
        return id_ok(v);
    return true;
}

/* ---- reading XML safely --------------------------------------------- */

struct msgs;

/* One document being read: where its problems go. */
struct xml_read {
    const char *name;            /* the file as diagnostics name it */
    enum cp_status status;       /* what its problems cost */
    cp_diags *diags;
    const struct msgs *msgs;     /* NULL while reading messages.xml itself */
    const char *buf;
    size_t len;
    bool doctype;
    size_t errors;
};

static char *msgs_xml_error(const struct msgs *m, const xmlError *err);
static char *msgs_format(const struct msgs *m, const char *id, ...);

static void
line_col_at(const char *buf, size_t off, int *line, int *col)
{
    int l = 1;
    size_t start = 0;
    for (size_t i = 0; i < off; i++)
        if (buf[i] == '\n') {
            l++;
            start = i + 1;
        }
    int c = 1;
    for (size_t i = start; i < off; i++)
        c += ((unsigned char)buf[i] & 0xC0) != 0x80;
    *line = l;
    *col = c;
}

/* Where the first byte that is not UTF-8 stands (len when none). */
static size_t
utf8_bad_offset(const char *buf, size_t len)
{
    size_t off = 0;
    while (off < len) {
        unsigned char c = (unsigned char)buf[off];
        size_t k = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3
            : (c & 0xF8) == 0xF0 ? 4 : 0;
        if (k == 0 || off + k > len || !cp_utf8_valid(buf + off, k))
            return off;
        off += k;
    }
    return len;
}

/* A DOCTYPE is refused before its internal subset is read: that is where
 * entity bombs and external entities live. */
static void
on_doctype(void *ctx, const xmlChar *name, const xmlChar *ext, const xmlChar *sys)
{
    xmlParserCtxtPtr ctxt = ctx;
    struct xml_read *r = ctxt->_private;
    r->doctype = true;
    xmlStopParser(ctxt);
}

static void
on_parse_error(void *data, xmlErrorPtr err)
{
    xmlParserCtxtPtr ctxt = data;
    struct xml_read *r = ctxt->_private;
    if (err->level == XML_ERR_WARNING || r->doctype)
        return;
    /* After the first syntax error the rest are mostly its echoes. */
    if (r->errors++ > 0)
        return;
    char *msg = msgs_xml_error(r->msgs, err);
    cp_error(r->diags, r->status, r->name, err->line > 0 ? err->line : 1,
             err->int2 > 0 ? err->int2 : 1, "%s", msg);
    free(msg);
}

/* Parse buf, refusing DTDs and never touching the network or other files.
 * NULL (with diagnostics) when the document is not usable. */
static xmlDocPtr
xml_read(struct xml_read *r, const char *buf, size_t len)
{
    r->buf = buf;
    r->len = len;
    if (len == 0) {
        char *msg = msgs_format(r->msgs, "empty", NULL);
        cp_error(r->diags, r->status, r->name, 0, 0, "%s", msg);
        free(msg);
        return NULL;
    }
    if (len > CLAIM_MAX_SIZE) {
        char *msg = msgs_format(r->msgs, "too-large", "value", CLAIM_MAX_SIZE_TEXT, NULL);
        cp_error(r->diags, CP_INPUT, r->name, 0, 0, "%s", msg);
        free(msg);
        return NULL;
    }
    if (!cp_utf8_valid(buf, len)) {
        size_t off = utf8_bad_offset(buf, len);
        int line, col;
        line_col_at(buf, off, &line, &col);
        char hex[3];
        snprintf(hex, sizeof hex, "%02X", (unsigned char)buf[off]);
        char *msg = msgs_format(r->msgs, "not-utf8", "value", hex, NULL);
        cp_error(r->diags, r->status, r->name, line, col, "%s", msg);
        free(msg);
        return NULL;
    }
    xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
    if (ctxt == NULL) {
        fprintf(stderr, "claimpack: error: out of memory\n");
        exit(CP_OUTPUT);
    }
    ctxt->_private = r;
    ctxt->sax->internalSubset = on_doctype;
    ctxt->sax->serror = on_parse_error;
    /* No XML_PARSE_NOENT, no XML_PARSE_DTDLOAD: entities stay unexpanded
     * and no external subset is ever fetched. */
    xmlDocPtr doc = xmlCtxtReadMemory(ctxt, buf, (int)len, r->name, "UTF-8",
                                      XML_PARSE_NONET | XML_PARSE_BIG_LINES);
    if (r->doctype) {
        const char *p = strstr(buf, "<!DOCTYPE");
        int line = 1, col = 1;
        if (p)
            line_col_at(buf, (size_t)(p - buf), &line, &col);
        char *msg = msgs_format(r->msgs, "doctype", NULL);
        cp_error(r->diags, r->status, r->name, line, col, "%s", msg);
        free(msg);
    } else if (!ctxt->wellFormed && r->errors == 0) {
        xmlError err = { 0 };
        err.code = XML_ERR_DOCUMENT_EMPTY;
        char *msg = msgs_xml_error(r->msgs, &err);
        cp_error(r->diags, r->status, r->name, 1, 1, "%s", msg);
        free(msg);
    }
    if (r->doctype || !ctxt->wellFormed || r->errors > 0 || (doc && !xmlDocGetRootElement(doc))) {
        xmlFreeDoc(doc);
        doc = NULL;
    }
    xmlFreeParserCtxt(ctxt);
    return doc;
}

/* ---- wording: data/messages.xml ---------------------------------------- */

struct msg_sentence {
    char *id;        /* NULL for an xml-error */
    int code;        /* libxml2's error number for an xml-error, else -1 */
    char *match;     /* an xml-error's condition on libxml2's message, or NULL */
    char *text;
};

struct msg_entry {
    char *element, *attribute;   /* attribute NULL for an element entry */
    char *what, *example, *noun;
};

struct msgs {
    struct msg_sentence *s;
    size_t n_s;
    struct msg_entry *e;
    size_t n_e;
};

static char *
prop_dup(xmlNodePtr n, const char *name)
{
    xmlChar *v = xmlGetNoNsProp(n, (const xmlChar *)name);
    if (v == NULL)
        return NULL;
    char *s = xstrdup((const char *)v);
    xmlFree(v);
    return s;
}

static void
msgs_free(struct msgs *m)
{
    for (size_t i = 0; i < m->n_s; i++) {
        free(m->s[i].id);
        free(m->s[i].match);
        free(m->s[i].text);
    }
    for (size_t i = 0; i < m->n_e; i++) {
        free(m->e[i].element);
        free(m->e[i].attribute);
        free(m->e[i].what);
        free(m->e[i].example);
        free(m->e[i].noun);
    }
    free(m->s);
    free(m->e);
    memset(m, 0, sizeof *m);
}

static int
msgs_load(struct msgs *m, cp_diags *diags)
{
    memset(m, 0, sizeof *m);
    char *path = cp_data_path("data/messages.xml");
    char *buf = NULL;
    size_t len = 0;
    int rc = -1;
    xmlDocPtr doc = NULL;
    if (cp_read_file(&buf, &len, path, CLAIM_MAX_SIZE) < 0) {
        /* The wording itself is missing, so this one is said in C. */
        cp_error(diags, CP_INPUT, path, 0, 0, "cannot read claimpack's message file: %s",
                 strerror(errno));
        goto cleanup;
    }
    struct xml_read r = { .name = path, .status = CP_INPUT, .diags = diags };
    doc = xml_read(&r, buf, len);
    if (doc == NULL)
        goto cleanup;
    for (xmlNodePtr n = xmlDocGetRootElement(doc)->children; n; n = n->next) {
        if (node_is(n, "sentence") || node_is(n, "xml-error")) {
            m->s = xreallocarray(m->s, m->n_s + 1, sizeof *m->s);
            struct msg_sentence *s = &m->s[m->n_s++];
            s->id = prop_dup(n, "id");
            s->match = prop_dup(n, "match");
            char *code = prop_dup(n, "code");
            s->code = code ? atoi(code) : -1;
            free(code);
            s->text = text_collapse(node_text_raw(n));
            if (s->text == NULL)
                s->text = xstrdup("");
        } else if (node_is(n, "element") || node_is(n, "attribute")) {
            m->e = xreallocarray(m->e, m->n_e + 1, sizeof *m->e);
            struct msg_entry *e = &m->e[m->n_e++];
            bool attr = node_is(n, "attribute");
            e->element = prop_dup(n, attr ? "element" : "name");
            e->attribute = attr ? prop_dup(n, "name") : NULL;
            e->what = prop_dup(n, "what");
            e->example = prop_dup(n, "example");
            e->noun = prop_dup(n, "noun");
        }
    }
    rc = 0;
cleanup:
    xmlFreeDoc(doc);
    free(buf);
    free(path);
    return rc;
}

static const char *
msgs_sentence(const struct msgs *m, const char *id)
{
    for (size_t i = 0; m && i < m->n_s; i++)
        if (m->s[i].id && strcmp(m->s[i].id, id) == 0)
            return m->s[i].text;
    return NULL;
}

static const struct msg_entry *
msgs_entry(const struct msgs *m, const char *element, const char *attribute)
{
    for (size_t i = 0; m && i < m->n_e; i++)
        if (m->e[i].element && strcmp(m->e[i].element, element) == 0
            && cp_streq(m->e[i].attribute, attribute))
            return &m->e[i];
    return NULL;
}

/* Fill {key} placeholders from NULL-terminated key, value pairs. */
static char *
fill(const char *tmpl, va_list ap)
{
    const char *keys[16], *vals[16];
    size_t n = 0;
    for (const char *k; n < CP_ARRAY_LEN(keys) && (k = va_arg(ap, const char *)) != NULL; n++) {
        keys[n] = k;
        vals[n] = va_arg(ap, const char *);
    }
    cp_buf b = CP_BUF_INIT;
    for (const char *p = tmpl; *p;) {
        const char *close = *p == '{' ? strchr(p, '}') : NULL;
        bool done = false;
        for (size_t i = 0; close && i < n; i++)
            if (strlen(keys[i]) == (size_t)(close - p - 1) && strncmp(p + 1, keys[i], (size_t)(close - p - 1)) == 0) {
                cp_buf_puts(&b, vals[i] ? vals[i] : "");
                p = close + 1;
                done = true;
                break;
            }
        if (!done)
            cp_buf_putc(&b, *p++);
    }
    return cp_buf_detach(&b);
}

static char *
format_tmpl(const char *tmpl, ...)
{
    va_list ap;
    va_start(ap, tmpl);
    char *s = fill(tmpl, ap);
    va_end(ap);
    return s;
}

/* The sentence `id` filled in; the id itself when the data lacks it, so a
 * gap shows rather than a silent empty message. */
static char *
msgs_format(const struct msgs *m, const char *id, ...)
{
    const char *tmpl = msgs_sentence(m, id);
    va_list ap;
    va_start(ap, id);
    char *s = fill(tmpl ? tmpl : id, ap);
    va_end(ap);
    return s;
}

static char *
err_detail(const xmlError *err)
{
    char *d = xstrdup(err->message ? err->message : "not well-formed");
    return text_collapse(d);
}

static char *
msgs_xml_error(const struct msgs *m, const xmlError *err)
{
    const char *tmpl = NULL;
    for (size_t i = 0; m && i < m->n_s && tmpl == NULL; i++)
        if (m->s[i].id == NULL && m->s[i].code == err->code
            && (m->s[i].match == NULL || (err->message && strstr(err->message, m->s[i].match))))
            tmpl = m->s[i].text;
    char *detail = err_detail(err);
    char *s;
    if (tmpl) {
        char line[16];
        snprintf(line, sizeof line, "%d", err->int1);
        s = format_tmpl(tmpl, "str1", err->str1, "str2", err->str2, "int1", line,
                        "detail", detail, NULL);
    } else if (m) {
        s = msgs_format(m, "xml-error", "detail", detail, NULL);
    } else {
        s = xstrdup(detail);
    }
    free(detail);
    return s;
}

/* ": what, such as example" for an element or attribute, or "". */
static char *
explain(const struct msgs *m, const char *element, const char *attribute)
{
    const struct msg_entry *e = msgs_entry(m, element, attribute);
    if (e == NULL || e->what == NULL)
        return xstrdup("");
    if (e->example)
        return msgs_format(m, "explain-example", "what", e->what, "example", e->example, NULL);
    return msgs_format(m, "explain", "what", e->what, NULL);
}

/* ---- the schema as data ------------------------------------------------ */

struct rng_attr {
    char *name;
    bool required;
    char **values;       /* a <choice> of <value>s, or none */
    size_t n_values;
    char *check;         /* cp:check annotation, or NULL */
};

struct rng_child {
    char *name;
    bool required, many;
    size_t elem;         /* index into rng.elems */
};

struct rng_elem {
    char *define;
    char *name;
    struct rng_attr *attrs;
    size_t n_attrs;
    struct rng_child *children;
    size_t n_children;
    bool text;
};

struct rng {
    struct rng_elem *elems;
    size_t n_elems;
    size_t start;
    char *path;
    char *buf;           /* the schema's bytes, for libxml2's validator */
    size_t len;
};

static bool
rng_is(xmlNodePtr n, const char *name)
{
    return n->type == XML_ELEMENT_NODE && n->ns && strcmp((const char *)n->ns->href, RNG_NS) == 0
        && (name == NULL || strcmp((const char *)n->name, name) == 0);
}

static void
rng_free(struct rng *g)
{
    for (size_t i = 0; i < g->n_elems; i++) {
        struct rng_elem *e = &g->elems[i];
        for (size_t j = 0; j < e->n_attrs; j++) {
            for (size_t k = 0; k < e->attrs[j].n_values; k++)
                free(e->attrs[j].values[k]);
            free(e->attrs[j].values);
            free(e->attrs[j].name);
            free(e->attrs[j].check);
        }
        for (size_t j = 0; j < e->n_children; j++)
            free(e->children[j].name);
        free(e->attrs);
        free(e->children);
        free(e->define);
        free(e->name);
    }
    free(g->elems);
    free(g->path);
    free(g->buf);
    memset(g, 0, sizeof *g);
}

static long
rng_find_define(const struct rng *g, const char *define)
{
    for (size_t i = 0; define && i < g->n_elems; i++)
        if (strcmp(g->elems[i].define, define) == 0)
            return (long)i;
    return -1;
}

static void
rng_collect_values(struct rng_attr *a, xmlNodePtr n)
{
    for (xmlNodePtr c = n->children; c; c = c->next) {
        if (rng_is(c, "value")) {
            a->values = xreallocarray(a->values, a->n_values + 1, sizeof *a->values);
            a->values[a->n_values++] = text_collapse(node_text_raw(c));
            if (a->values[a->n_values - 1] == NULL)
                a->values[a->n_values - 1] = xstrdup("");
        } else if (rng_is(c, NULL)) {
            rng_collect_values(a, c);
        }
    }
}

/* Gather what an element's content pattern allows; -1 on a construct this
 * walk does not understand (the schema must then be simplified). */
static int
rng_compile(struct rng *g, size_t ei, xmlNodePtr pat, bool optional, bool many)
{
    for (xmlNodePtr c = pat->children; c; c = c->next) {
        if (!rng_is(c, NULL))
            continue;
        const char *k = (const char *)c->name;
        struct rng_elem *e = &g->elems[ei];
        if (strcmp(k, "attribute") == 0) {
            e->attrs = xreallocarray(e->attrs, e->n_attrs + 1, sizeof *e->attrs);
            struct rng_attr *a = &e->attrs[e->n_attrs++];
            memset(a, 0, sizeof *a);
            a->name = prop_dup(c, "name");
            a->required = !optional;
            xmlChar *chk = xmlGetNsProp(c, (const xmlChar *)"check", (const xmlChar *)ANNOT_NS);
            a->check = chk ? xstrdup((const char *)chk) : NULL;
            xmlFree(chk);
            rng_collect_values(a, c);
            if (a->name == NULL)
                return -1;
        } else if (strcmp(k, "ref") == 0) {
            char *def = prop_dup(c, "name");
            long target = rng_find_define(g, def);
            free(def);
            if (target < 0)
                return -1;
            e->children = xreallocarray(e->children, e->n_children + 1, sizeof *e->children);
            struct rng_child *ch = &e->children[e->n_children++];
            ch->name = xstrdup(g->elems[target].name);
            ch->required = !optional;
            ch->many = many;
            ch->elem = (size_t)target;
        } else if (strcmp(k, "optional") == 0 || strcmp(k, "choice") == 0) {
            if (rng_compile(g, ei, c, true, many) < 0)
                return -1;
        } else if (strcmp(k, "zeroOrMore") == 0) {
            if (rng_compile(g, ei, c, true, true) < 0)
                return -1;
        } else if (strcmp(k, "oneOrMore") == 0) {
            if (rng_compile(g, ei, c, optional, true) < 0)
                return -1;
        } else if (strcmp(k, "interleave") == 0 || strcmp(k, "group") == 0) {
            if (rng_compile(g, ei, c, optional, many) < 0)
                return -1;
        } else if (strcmp(k, "mixed") == 0) {
            g->elems[ei].text = true;
            if (rng_compile(g, ei, c, optional, many) < 0)
                return -1;
        } else if (strcmp(k, "text") == 0 || strcmp(k, "data") == 0 || strcmp(k, "value") == 0
                   || strcmp(k, "list") == 0) {
            e->text = true;
        } else if (strcmp(k, "empty") != 0) {
            return -1;
        }
    }
    return 0;
}

static int
rng_load(struct rng *g, const struct msgs *m, cp_diags *diags)
{
    memset(g, 0, sizeof *g);
    g->path = cp_data_path("data/claim.rng");
    xmlDocPtr doc = NULL;
    int rc = -1;
    const char *why = NULL;
    if (cp_read_file(&g->buf, &g->len, g->path, CLAIM_MAX_SIZE) < 0) {
        char *msg = msgs_format(m, "data-broken", "file", g->path, "detail", strerror(errno), NULL);
        cp_error(diags, CP_INPUT, g->path, 0, 0, "%s", msg);
        free(msg);
        goto cleanup;
    }
    struct xml_read r = { .name = g->path, .status = CP_INPUT, .diags = diags, .msgs = m };
    doc = xml_read(&r, g->buf, g->len);
    if (doc == NULL)
        goto cleanup;
    xmlNodePtr root = xmlDocGetRootElement(doc);
    why = "the schema is not a RELAX NG <grammar> of <define>s";
    if (!rng_is(root, "grammar"))
        goto broken;
    xmlNodePtr start = NULL;
    for (xmlNodePtr d = root->children; d; d = d->next) {
        if (rng_is(d, "start"))
            start = d;
        if (!rng_is(d, "define"))
            continue;
        xmlNodePtr el = d->children;
        while (el && !rng_is(el, NULL))
            el = el->next;
        if (el == NULL || !rng_is(el, "element"))
            goto broken;
        g->elems = xreallocarray(g->elems, g->n_elems + 1, sizeof *g->elems);
        struct rng_elem *e = &g->elems[g->n_elems++];
        memset(e, 0, sizeof *e);
        e->define = prop_dup(d, "name");
        e->name = prop_dup(el, "name");
        if (e->define == NULL || e->name == NULL)
            goto broken;
    }
    size_t i = 0;
    for (xmlNodePtr d = root->children; d; d = d->next) {
        if (!rng_is(d, "define"))
            continue;
        xmlNodePtr el = d->children;
        while (!rng_is(el, NULL))
            el = el->next;
        why = "a <define> uses a pattern claimpack's walk does not read";
        if (rng_compile(g, i++, el, false, false) < 0)
            goto broken;
    }
    why = "the schema has no <start><ref/></start>";
    xmlNodePtr sref = start ? start->children : NULL;
    while (sref && !rng_is(sref, NULL))
        sref = sref->next;
    if (sref == NULL || !rng_is(sref, "ref"))
        goto broken;
    char *sname = prop_dup(sref, "name");
    long s = rng_find_define(g, sname);
    free(sname);
    if (s < 0)
        goto broken;
    g->start = (size_t)s;
    rc = 0;
    goto cleanup;
broken: {
        char *msg = msgs_format(m, "data-broken", "file", g->path, "detail", why, NULL);
        cp_error(diags, CP_INPUT, g->path, 0, 0, "%s", msg);
        free(msg);
    }
cleanup:
    xmlFreeDoc(doc);
    return rc;
}

/* ---- where elements stand ------------------------------------------- */

/* Start tags in the source, in document order, skipping comments, CDATA
 * and processing instructions; libxml2 only knows lines, and for a start
 * tag spread over lines it gives the last one. */
struct scan {
    const char *buf;
    size_t len, off, line_start;
    int line;
};

static void
scan_skip_to(struct scan *s, const char *end)
{
    size_t n = strlen(end);
    while (s->off < s->len && !(s->off + n <= s->len && memcmp(s->buf + s->off, end, n) == 0)) {
        if (s->buf[s->off] == '\n') {
            s->line++;
            s->line_start = s->off + 1;
        }
        s->off++;
    }
    s->off = s->off + n <= s->len ? s->off + n : s->len;
}

static bool
scan_starts(const struct scan *s, const char *p)
{
    size_t n = strlen(p);
    return s->off + n <= s->len && memcmp(s->buf + s->off, p, n) == 0;
}

static bool
scan_next_tag(struct scan *s, size_t *at, int *line, int *col)
{
    while (s->off < s->len) {
        char c = s->buf[s->off];
        if (c == '\n') {
            s->line++;
            s->line_start = ++s->off;
        } else if (c != '<') {
            s->off++;
        } else if (scan_starts(s, "<!--")) {
            scan_skip_to(s, "-->");
        } else if (scan_starts(s, "<![CDATA[")) {
            scan_skip_to(s, "]]>");
        } else if (scan_starts(s, "<?")) {
            scan_skip_to(s, "?>");
        } else if (scan_starts(s, "<!") || scan_starts(s, "</")) {
            s->off++;
        } else {
            *at = s->off;
            *line = s->line;
            int k = 1;
            size_t from = s->line_start;
            if (from == 0 && s->len >= 3 && memcmp(s->buf, "\xEF\xBB\xBF", 3) == 0)
                from = 3;
            for (size_t i = from; i < s->off; i++)
                k += ((unsigned char)s->buf[i] & 0xC0) != 0x80;
            *col = k;
            s->off++;
            return true;
        }
    }
    return false;
}

struct locs {
    cp_loc *v;
    size_t n;
};

static void
locs_assign(struct locs *L, struct scan *s, xmlNodePtr n)
{
    for (; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        size_t at;
        cp_loc loc = { (int)xmlGetLineNo(n), 1 };
        if (scan_next_tag(s, &at, &loc.line, &loc.col)) {
            /* Trust the scan only when it found this very element. */
            const char *name = (const char *)n->name;
            size_t k = strlen(name), p = at + 1;
            if (n->ns && n->ns->prefix)
                p += strlen((const char *)n->ns->prefix) + 1;
            if (!(p + k <= s->len && memcmp(s->buf + p, name, k) == 0)) {
                loc.line = (int)xmlGetLineNo(n);
                loc.col = 1;
            }
        }
        L->v = xreallocarray(L->v, L->n + 1, sizeof *L->v);
        L->v[L->n++] = loc;
        n->_private = (void *)(uintptr_t)L->n;
        locs_assign(L, s, n->children);
    }
}

static cp_loc
loc_of(const struct locs *L, xmlNodePtr n)
{
    while (n && n->type != XML_ELEMENT_NODE)
        n = n->parent;
    uintptr_t i = n ? (uintptr_t)n->_private : 0;
    if (i >= 1 && i <= L->n)
        return L->v[i - 1];
    cp_loc none = { n ? (int)xmlGetLineNo(n) : 1, 1 };
    return none;
}

/* ---- walking the claim against the schema --------------------------- */

struct walk {
    const struct rng *g;
    const struct msgs *m;
    const struct locs *locs;
    cp_diags *diags;
    const char *file;
    enum cp_status status;
    xmlNodePtr *bad;     /* elements a problem was reported at */
    size_t n_bad;
    char **missing;      /* "element.name" of each attribute or child reported
                          * missing or invalid: handed to the model */
    size_t n_missing;
};

/* Remember that the schema check reported `name` of `element` missing or
 * invalid. */
static void
walk_missing(struct walk *w, const char *element, const char *name)
{
    w->missing = xreallocarray(w->missing, w->n_missing + 1, sizeof *w->missing);
    w->missing[w->n_missing++] = xasprintf("%s.%s", element, name);
}

static void
walk_report(struct walk *w, xmlNodePtr n, const char *id, ...)
{
    const char *tmpl = msgs_sentence(w->m, id);
    va_list ap;
    va_start(ap, id);
    char *msg = fill(tmpl ? tmpl : id, ap);
    va_end(ap);
    cp_loc loc = loc_of(w->locs, n);
    cp_error(w->diags, w->status, w->file, loc.line, loc.col, "%s", msg);
    free(msg);
    w->bad = xreallocarray(w->bad, w->n_bad + 1, sizeof *w->bad);
    w->bad[w->n_bad++] = n;
}

static char *
list_children(const struct rng_elem *e)
{
    cp_buf b = CP_BUF_INIT;
    for (size_t i = 0; i < e->n_children; i++)
        cp_buf_printf(&b, "%s<%s>", i ? ", " : "", e->children[i].name);
    return cp_buf_detach(&b);
}

static char *
list_words(char *const *v, size_t n)
{
    cp_buf b = CP_BUF_INIT;
    for (size_t i = 0; i < n; i++)
        cp_buf_printf(&b, "%s%s", i ? ", " : "", v[i]);
    return cp_buf_detach(&b);
}

static char *
list_attrs(const struct rng_elem *e)
{
    cp_buf b = CP_BUF_INIT;
    for (size_t i = 0; i < e->n_attrs; i++)
        cp_buf_printf(&b, "%s%s", i ? ", " : "", e->attrs[i].name);
    return cp_buf_detach(&b);
}

static void
walk_attrs(struct walk *w, xmlNodePtr n, const struct rng_elem *e)
{
    for (xmlAttrPtr a = n->properties; a; a = a->next) {
        char aname[128];
        snprintf(aname, sizeof aname, "%s%s%s", a->ns && a->ns->prefix ? (const char *)a->ns->prefix : "",
                 a->ns && a->ns->prefix ? ":" : "", (const char *)a->name);
        const struct rng_attr *ra = NULL;
        for (size_t i = 0; a->ns == NULL && i < e->n_attrs; i++)
            if (strcmp(e->attrs[i].name, (const char *)a->name) == 0)
                ra = &e->attrs[i];
        if (ra == NULL) {
            char *allowed = list_attrs(e);
            walk_report(w, n, e->n_attrs ? "unknown-attribute" : "unknown-attribute-none",
                        "element", e->name, "attribute", aname, "allowed", allowed, NULL);
            free(allowed);
            continue;
        }
        char *v = attr_value(n, ra->name);
        const char *val = v ? v : "";
        if (ra->n_values) {
            bool found = false;
            for (size_t i = 0; i < ra->n_values; i++)
                found |= strcmp(ra->values[i], val) == 0;
            if (!found) {
                const struct msg_entry *me = msgs_entry(w->m, e->name, ra->name);
                const char *noun = me && me->noun ? me->noun : msgs_sentence(w->m, "noun-default");
                char *allowed = list_words(ra->values, ra->n_values);
                walk_report(w, n, "bad-choice", "element", e->name, "attribute", ra->name,
                            "value", val, "noun", noun, "allowed", allowed, NULL);
                walk_missing(w, e->name, ra->name);
                free(allowed);
            }
        } else if (ra->check && !value_ok(ra->check, val)) {
            char id[32];
            snprintf(id, sizeof id, "bad-%s", ra->check);
            walk_report(w, n, id, "element", e->name, "attribute", ra->name, "value", val, NULL);
            walk_missing(w, e->name, ra->name);
        } else if (v == NULL && ra->required) {
            char *ex = explain(w->m, e->name, ra->name);
            walk_report(w, n, "empty-attribute", "element", e->name, "attribute", ra->name,
                        "explain", ex, NULL);
            walk_missing(w, e->name, ra->name);
            free(ex);
        }
        free(v);
    }
    for (size_t i = 0; i < e->n_attrs; i++) {
        if (!e->attrs[i].required || xmlHasNsProp(n, (const xmlChar *)e->attrs[i].name, NULL))
            continue;
        char *ex = explain(w->m, e->name, e->attrs[i].name);
        walk_report(w, n, "missing-attribute", "element", e->name, "attribute", e->attrs[i].name,
                    "explain", ex, NULL);
        walk_missing(w, e->name, e->attrs[i].name);
        free(ex);
    }
}

static void
walk_elem(struct walk *w, xmlNodePtr n, size_t ei)
{
    const struct rng_elem *e = &w->g->elems[ei];
    if (n->ns)
        walk_report(w, n, "namespace", "element", (const char *)n->name,
                    "value", (const char *)n->ns->href, NULL);
    walk_attrs(w, n, e);
    size_t *count = xcalloc(e->n_children + 1, sizeof *count);
    bool text_reported = false;
    for (xmlNodePtr c = n->children; c; c = c->next) {
        if (c->type == XML_ELEMENT_NODE) {
            size_t k = 0;
            while (k < e->n_children && strcmp(e->children[k].name, (const char *)c->name) != 0)
                k++;
            if (k == e->n_children) {
                char *allowed = list_children(e);
                const char *id = e->n_children ? "unknown-element"
                    : e->text ? "unknown-element-leaf" : "unknown-element-empty";
                walk_report(w, c, id, "element", (const char *)c->name, "parent", e->name,
                            "allowed", allowed, NULL);
                free(allowed);
                continue;
            }
            if (++count[k] == 2 && !e->children[k].many)
                walk_report(w, c, "duplicate-child", "element", (const char *)c->name,
                            "parent", e->name, NULL);
            walk_elem(w, c, e->children[k].elem);
        } else if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE)
                   && !e->text && !text_reported) {
            char *t = text_collapse(xstrdup(c->content ? (const char *)c->content : ""));
            if (t) {
                if (strlen(t) > 40) {
                    size_t cut = 37;
                    while (cut > 0 && ((unsigned char)t[cut] & 0xC0) == 0x80)
                        cut--;
                    strcpy(t + cut, "...");
                }
                char *allowed = list_children(e);
                walk_report(w, n, e->n_children ? "text-not-allowed" : "text-not-allowed-empty",
                            "element", e->name, "value", t, "allowed", allowed, NULL);
                free(allowed);
                text_reported = true;
            }
            free(t);
        }
    }
    for (size_t k = 0; k < e->n_children; k++) {
        if (!e->children[k].required || count[k] > 0)
            continue;
        char *ex = explain(w->m, e->children[k].name, NULL);
        walk_report(w, n, "missing-child", "element", e->name, "child", e->children[k].name,
                    "explain", ex, NULL);
        walk_missing(w, e->name, e->children[k].name);
        free(ex);
    }
    free(count);
}

/* ---- libxml2's own verdict ------------------------------------------ */

struct rng_errors {
    xmlNodePtr *node;
    char **msg;
    size_t n;
};

static void
on_rng_error(void *data, xmlErrorPtr err)
{
    struct rng_errors *E = data;
    if (err->level == XML_ERR_WARNING)
        return;
    E->node = xreallocarray(E->node, E->n + 1, sizeof *E->node);
    E->msg = xreallocarray(E->msg, E->n + 1, sizeof *E->msg);
    E->node[E->n] = err->node;
    E->msg[E->n++] = err_detail(err);
}

static bool
same_branch(xmlNodePtr a, xmlNodePtr b)
{
    for (xmlNodePtr p = a; p; p = p->parent)
        if (p == b)
            return true;
    for (xmlNodePtr p = b; p; p = p->parent)
        if (p == a)
            return true;
    return false;
}

/* Validate with libxml2 and report what the walk did not already explain
 * (the walk's wording is better, libxml2's judgement is the reference). */
static void
rng_validate(struct walk *w, xmlDocPtr doc)
{
    struct rng_errors E = { 0 };
    xmlRelaxNGParserCtxtPtr pc = xmlRelaxNGNewMemParserCtxt(w->g->buf, (int)w->g->len);
    xmlRelaxNGSetParserStructuredErrors(pc, on_rng_error, &E);
    xmlRelaxNGPtr schema = xmlRelaxNGParse(pc);
    xmlRelaxNGFreeParserCtxt(pc);
    if (schema == NULL) {
        char *msg = msgs_format(w->m, "data-broken", "file", w->g->path, "detail",
                                E.n ? E.msg[0] : "libxml2 cannot read it", NULL);
        cp_error(w->diags, CP_INPUT, w->g->path, 0, 0, "%s", msg);
        free(msg);
        goto cleanup;
    }
    for (size_t i = 0; i < E.n; i++)
        free(E.msg[i]);
    E.n = 0;
    xmlRelaxNGValidCtxtPtr vc = xmlRelaxNGNewValidCtxt(schema);
    xmlRelaxNGSetValidStructuredErrors(vc, on_rng_error, &E);
    int rc = xmlRelaxNGValidateDoc(vc, doc);
    xmlRelaxNGFreeValidCtxt(vc);
    xmlRelaxNGFree(schema);
    size_t reported = 0;
    for (size_t i = 0; i < E.n; i++) {
        xmlNodePtr n = E.node[i];
        bool explained = n == NULL && w->n_bad > 0;
        for (size_t j = 0; n && !explained && j < w->n_bad; j++)
            explained = same_branch(n, w->bad[j]);
        if (explained)
            continue;
        if (n == NULL)
            n = xmlDocGetRootElement(doc);
        while (n && n->type != XML_ELEMENT_NODE)
            n = n->parent;
        walk_report(w, n, "schema", "element", n ? (const char *)n->name : "claim",
                    "detail", E.msg[i], NULL);
        reported++;
    }
    if (rc != 0 && w->n_bad == 0 && reported == 0)
        walk_report(w, xmlDocGetRootElement(doc), "schema", "element", "claim",
                    "detail", "libxml2 found it invalid", NULL);
cleanup:
    for (size_t i = 0; i < E.n; i++)
        free(E.msg[i]);
    free(E.msg);
    free(E.node);
}

/* ---- the model -------------------------------------------------------- */

static cp_date
date_attr(xmlNodePtr n, const char *name)
{
    cp_date d = { 0, 0, 0 };
    char *v = attr_value(n, name);
    if (v)
        cp_date_parse(&d, v);
    free(v);
    return d;
}

static cp_amount
amount_attrs(xmlNodePtr n, const char *name)
{
    cp_amount a;
    memset(&a, 0, sizeof a);
    char *v = attr_value(n, name), *cur = attr_value(n, "currency");
    if (v && amount_parse(&a, v) < 0)
        memset(&a, 0, sizeof a);
    if (cur && currency_ok(cur))
        memcpy(a.currency, cur, 4);
    free(v);
    free(cur);
    return a;
}

static void
party_fill(cp_party *p, xmlNodePtr n, const struct locs *L)
{
    p->loc = loc_of(L, n);
    for (xmlNodePtr c = n->children; c; c = c->next) {
        char **field = node_is(c, "name") ? &p->name
            : node_is(c, "department") ? &p->department
            : node_is(c, "address") ? &p->address
            : node_is(c, "email") ? &p->email
            : node_is(c, "phone") ? &p->phone : NULL;
        if (field && *field == NULL)
            *field = node_text(c, field == &p->address);
    }
}

static void
order_fill(cp_order *o, xmlNodePtr n, const struct locs *L)
{
    o->loc = loc_of(L, n);
    o->number = attr_value(n, "number");
    o->placed = date_attr(n, "placed");
    o->expected = date_attr(n, "expected");
    o->delivered = date_attr(n, "delivered");
    o->seller = attr_value(n, "seller");
    o->marketplace = attr_value(n, "marketplace");
    for (xmlNodePtr c = n->children; c; c = c->next) {
        if (node_is(c, "product")) {
            o->products = xreallocarray(o->products, o->n_products + 1, sizeof *o->products);
            cp_product *p = &o->products[o->n_products++];
            memset(p, 0, sizeof *p);
            p->description = node_text(c, false);
            p->price = amount_attrs(c, "price");
            char *q = attr_value(c, "quantity");
            int qv = q ? quantity_parse(q) : -1;
            p->quantity = qv > 0 ? qv : 1;
            free(q);
            p->loc = loc_of(L, c);
        } else if (node_is(c, "tracking") && o->tracking_loc.line == 0) {
            o->tracking = node_text(c, false);
            o->carrier = attr_value(c, "carrier");
            o->tracking_loc = loc_of(L, c);
        }
    }
}

static void
items_add(cp_text_item **v, size_t *n, xmlNodePtr c, const struct locs *L, bool dated)
{
    *v = xreallocarray(*v, *n + 1, sizeof **v);
    cp_text_item *t = &(*v)[(*n)++];
    memset(t, 0, sizeof *t);
    if (dated)
        t->date = date_attr(c, "date");
    t->text = node_text(c, false);
    t->loc = loc_of(L, c);
}

static void
document_fill(struct walk *w, cp_document *d, xmlNodePtr n)
{
    char *kind = attr_value(n, "kind");
    int k = cp_doc_kind_from_name(kind);
    free(kind);
    d->kind = k >= 0 ? (enum cp_doc_kind)k : CP_DOC_OTHER;
    d->id = attr_value(n, "id");
    if (d->id && !id_ok(d->id)) {          /* reported by the walk */
        free(d->id);
        d->id = NULL;
    }
    d->file = attr_value(n, "file");
    d->title = attr_value(n, "title");
    if (d->title == NULL)
        d->title = node_text(n, false);
    d->date = date_attr(n, "date");
    d->loc = loc_of(w->locs, n);
    for (xmlNodePtr c = n->children; c; c = c->next) {
        if (!node_is(c, "message"))
            continue;
        d->messages = xreallocarray(d->messages, d->n_messages + 1, sizeof *d->messages);
        cp_message *m = &d->messages[d->n_messages++];
        memset(m, 0, sizeof *m);
        m->from = attr_value(c, "from");
        m->date.hour = m->date.minute = -1;
        char *dt = attr_value(c, "date");
        if (dt)
            cp_datetime_parse(&m->date, dt);
        free(dt);
        m->text = node_text(c, true);
        m->loc = loc_of(w->locs, c);
    }
    if (d->file == NULL && d->n_messages == 0)
        walk_report(w, n, "document-empty", "element", "document", NULL);
}

/* Values the schema does not express: the rest of the model is filled even
 * when something is wrong, so that every problem is found in one pass. */
static void
claim_fill(struct walk *w, cp_claim *c, xmlNodePtr root)
{
    const struct locs *L = w->locs;
    c->loc = loc_of(L, root);
    char *v = attr_value(root, "version");
    c->version = v && strcmp(v, "1") == 0 ? 1 : 0;
    free(v);
    v = attr_value(root, "type");
    int t = cp_claim_type_from_name(v);
    c->type = t >= 0 ? (enum cp_claim_type)t : CP_TYPE_DEFECTIVE;
    free(v);
    v = attr_value(root, "lang");
    int l = cp_lang_from_name(v);
    c->lang = l >= 0 ? (enum cp_lang)l : CP_LANG_EN;
    free(v);
    c->jurisdiction = attr_value(root, "jurisdiction");
    for (char *p = c->jurisdiction; p && *p; p++)
        if (*p >= 'a' && *p <= 'z')
            *p = (char)(*p - 'a' + 'A');
    c->date = date_attr(root, "date");
    c->date_given = cp_date_valid(c->date);
    if (!c->date_given)
        c->date = cp_date_today();

    for (xmlNodePtr n = root->children; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE || n->ns)
            continue;
        if (node_is(n, "claimant") && c->claimant.loc.line == 0) {
            party_fill(&c->claimant, n, L);
        } else if (node_is(n, "recipient") && c->recipient.loc.line == 0) {
            party_fill(&c->recipient, n, L);
        } else if (node_is(n, "order") && c->order.loc.line == 0) {
            order_fill(&c->order, n, L);
        } else if (node_is(n, "problem") && c->problem.loc.line == 0) {
            c->problem.loc = loc_of(L, n);
            c->problem.noticed = date_attr(n, "noticed");
            for (xmlNodePtr x = n->children; x; x = x->next) {
                if (node_is(x, "summary") && c->problem.summary == NULL)
                    c->problem.summary = node_text(x, false);
                else if (node_is(x, "fact"))
                    items_add(&c->problem.facts, &c->problem.n_facts, x, L, false);
            }
        } else if (node_is(n, "history")) {
            for (xmlNodePtr x = n->children; x; x = x->next)
                if (node_is(x, "event"))
                    items_add(&c->history, &c->n_history, x, L, true);
        } else if (node_is(n, "previous-claim") && !c->previous.present) {
            c->previous.present = true;
            c->previous.ref = attr_value(n, "ref");
            c->previous.date = date_attr(n, "date");
            c->previous.outcome = attr_value(n, "outcome");
            c->previous.loc = loc_of(L, n);
            for (xmlNodePtr x = n->children; x; x = x->next) {
                if (node_is(x, "reason") && c->previous.reason == NULL)
                    c->previous.reason = node_text(x, false);
                else if (node_is(x, "answer"))
                    items_add(&c->previous.answers, &c->previous.n_answers, x, L, false);
            }
        } else if (node_is(n, "resolution") && !c->resolution.present) {
            c->resolution.present = true;
            v = attr_value(n, "kind");
            int k = cp_resolution_kind_from_name(v);
            c->resolution.kind = k >= 0 ? (enum cp_resolution_kind)k : CP_RES_OTHER;
            free(v);
            c->resolution.amount = amount_attrs(n, "amount");
            c->resolution.text = node_text(n, false);
            c->resolution.loc = loc_of(L, n);
        } else if (node_is(n, "evidence")) {
            if (c->evidence_loc.line == 0)
                c->evidence_loc = loc_of(L, n);
            for (xmlNodePtr x = n->children; x; x = x->next) {
                if (!node_is(x, "document"))
                    continue;
                c->documents = xreallocarray(c->documents, c->n_documents + 1, sizeof *c->documents);
                cp_document *d = &c->documents[c->n_documents++];
                memset(d, 0, sizeof *d);
                document_fill(w, d, x);
            }
        }
    }
}

/* The documents a fact or an answer cites (@evidence="ID ..."): each id
 * must be a document's. Documents come after the facts in the file, so this
 * runs once the model holds them all. */
static void
cites_resolve(struct walk *w, const cp_claim *c, cp_text_item *t, xmlNodePtr n)
{
    char *v = attr_value(n, "evidence");
    for (char *save = NULL, *id = v ? strtok_r(v, " ", &save) : NULL; id;
         id = strtok_r(NULL, " ", &save)) {
        size_t k = 0;
        while (k < c->n_documents && !(c->documents[k].id && strcmp(c->documents[k].id, id) == 0))
            k++;
        if (k == c->n_documents) {
            cp_buf ids = CP_BUF_INIT;
            for (size_t j = 0; j < c->n_documents; j++) {
                bool listed = false;
                for (size_t i = 0; c->documents[j].id && i < j; i++)
                    listed |= c->documents[i].id && strcmp(c->documents[i].id, c->documents[j].id) == 0;
                if (c->documents[j].id && !listed)
                    cp_buf_printf(&ids, "%s%s", ids.len ? ", " : "", c->documents[j].id);
            }
            walk_report(w, n, ids.len ? "unknown-id" : "unknown-id-none", "element",
                        (const char *)n->name, "value", id, "allowed", ids.len ? ids.data : "",
                        NULL);
            cp_buf_free(&ids);
            continue;
        }
        bool again = false;
        for (size_t j = 0; j < t->n_cites; j++)
            again |= t->cites[j] == k;
        if (again)
            continue;
        t->cites = xreallocarray(t->cites, t->n_cites + 1, sizeof *t->cites);
        t->cites[t->n_cites++] = k;
    }
    free(v);
}

static void
cross_references(struct walk *w, cp_claim *c, xmlNodePtr root)
{
    for (size_t i = 0; i < c->n_documents; i++)
        for (size_t j = 0; c->documents[i].id && j < i; j++)
            if (c->documents[j].id && strcmp(c->documents[i].id, c->documents[j].id) == 0) {
                char line[24];
                snprintf(line, sizeof line, "%d", c->documents[j].loc.line);
                cp_loc at = c->documents[i].loc;
                char *msg = msgs_format(w->m, "duplicate-id", "value", c->documents[i].id,
                                        "line", line, NULL);
                cp_error(w->diags, w->status, w->file, at.line, at.col, "%s", msg);
                free(msg);
                break;
            }
    bool problem_seen = false, previous_seen = false;
    for (xmlNodePtr n = root->children; n; n = n->next) {
        size_t k = 0;
        if (node_is(n, "problem") && !problem_seen) {
            problem_seen = true;
            for (xmlNodePtr x = n->children; x; x = x->next)
                if (node_is(x, "fact") && k < c->problem.n_facts)
                    cites_resolve(w, c, &c->problem.facts[k++], x);
        } else if (node_is(n, "previous-claim") && !previous_seen) {
            previous_seen = true;
            for (xmlNodePtr x = n->children; x; x = x->next)
                if (node_is(x, "answer") && k < c->previous.n_answers)
                    cites_resolve(w, c, &c->previous.answers[k++], x);
        }
    }
}

/* ---- the claim file ---------------------------------------------------- */

struct claim_data {
    struct msgs msgs;
    struct rng rng;
};

static int
claim_data_load(struct claim_data *d, cp_diags *diags)
{
    memset(d, 0, sizeof *d);
    if (msgs_load(&d->msgs, diags) < 0)
        return -1;
    return rng_load(&d->rng, &d->msgs, diags);
}

static void
claim_data_free(struct claim_data *d)
{
    msgs_free(&d->msgs);
    rng_free(&d->rng);
}

static void
read_failed(const struct msgs *m, cp_diags *diags, const char *file, int err)
{
    char *msg;
    if (err == ENOENT)
        msg = msgs_format(m, "no-such-file", NULL);
    else if (err == EISDIR)
        msg = msgs_format(m, "is-directory", NULL);
    else if (err == EFBIG)
        msg = msgs_format(m, "too-large", "value", CLAIM_MAX_SIZE_TEXT, NULL);
    else
        msg = msgs_format(m, "unreadable", "reason", strerror(err), NULL);
    cp_error(diags, CP_INPUT, file, 0, 0, "%s", msg);
    free(msg);
}

/* keep: hand back the model of an invalid claim too (see cp_claim_parse_all). */
static int
claim_parse_data(cp_claim **out, const char *buf, size_t len, const char *name,
                 const char *dir, struct claim_data *cd, bool keep, cp_diags *diags)
{
    size_t errors_before = cp_diags_errors(diags);
    struct locs L = { NULL, 0 };
    struct walk w = { 0 };
    cp_claim *c = NULL;
    struct xml_read r = { .name = name, .status = CP_INVALID, .diags = diags, .msgs = &cd->msgs };
    xmlDocPtr doc = xml_read(&r, buf, len);
    if (doc == NULL)
        goto cleanup;
    struct scan s = { buf, len, 0, 0, 1 };
    xmlNodePtr root = xmlDocGetRootElement(doc);
    locs_assign(&L, &s, root);
    w = (struct walk){ &cd->rng, &cd->msgs, &L, diags, name, CP_INVALID, NULL, 0, NULL, 0 };
    const struct rng_elem *top = &cd->rng.elems[cd->rng.start];
    if (strcmp((const char *)root->name, top->name) != 0) {
        walk_report(&w, root, "wrong-root", "element", (const char *)root->name, NULL);
        goto cleanup;
    }
    walk_elem(&w, root, cd->rng.start);
    c = xcalloc(1, sizeof *c);
    c->path = xstrdup(name);
    c->dir = xstrdup(dir ? dir : ".");
    claim_fill(&w, c, root);
    cross_references(&w, c, root);
    rng_validate(&w, doc);
    c->schema_missing = w.missing;
    c->n_schema_missing = w.n_missing;
    w.missing = NULL;
    w.n_missing = 0;
cleanup:
    free(w.bad);
    for (size_t i = 0; i < w.n_missing; i++)
        free(w.missing[i]);
    free(w.missing);
    free(L.v);
    xmlFreeDoc(doc);
    bool invalid = cp_diags_errors(diags) > errors_before;
    if (invalid && !keep) {
        cp_claim_free(c);
        c = NULL;
    }
    *out = c;
    return c && !invalid ? 0 : -1;
}

int
cp_claim_parse_memory(cp_claim **out, const char *buf, size_t len, const char *name,
                      const char *dir, cp_diags *diags)
{
    *out = NULL;
    struct claim_data cd;
    int rc = -1;
    if (claim_data_load(&cd, diags) == 0)
        rc = claim_parse_data(out, buf, len, name, dir, &cd, false, diags);
    claim_data_free(&cd);
    return rc;
}

static int
claim_parse_file(cp_claim **out, const char *path, bool keep, cp_diags *diags)
{
    *out = NULL;
    struct claim_data cd;
    char *buf = NULL, *dir = NULL;
    size_t len = 0;
    int rc = -1;
    if (claim_data_load(&cd, diags) < 0)
        goto cleanup;
    if (cp_read_file(&buf, &len, path, CLAIM_MAX_SIZE) < 0) {
        read_failed(&cd.msgs, diags, path, errno);
        goto cleanup;
    }
    dir = cp_path_dir(path);
    rc = claim_parse_data(out, buf, len, path, dir, &cd, keep, diags);
cleanup:
    free(dir);
    free(buf);
    claim_data_free(&cd);
    return rc;
}

bool
cp_claim_schema_said(const cp_claim *c, const char *field)
{
    for (size_t i = 0; i < c->n_schema_missing; i++)
        if (strcmp(c->schema_missing[i], field) == 0)
            return true;
    return false;
}

int
cp_claim_parse(cp_claim **out, const char *path, cp_diags *diags)
{
    return claim_parse_file(out, path, false, diags);
}

int
cp_claim_parse_all(cp_claim **out, const char *path, cp_diags *diags)
{
    return claim_parse_file(out, path, true, diags);
}

int
cp_claim_apply_profile(cp_claim *c, const char *profile_path, cp_diags *diags)
{
    char *path = profile_path ? xstrdup(profile_path) : cp_config_path("profile.xml");
    char *buf = NULL;
    size_t len = 0;
    struct claim_data cd;
    struct locs L = { NULL, 0 };
    struct walk w = { 0 };
    xmlDocPtr doc = NULL;
    size_t errors_before = cp_diags_errors(diags);
    int rc = -1;
    memset(&cd, 0, sizeof cd);
    /* Most people have no profile: then the schema and the wording are
     * not even loaded. */
    if (cp_read_file(&buf, &len, path, CLAIM_MAX_SIZE) < 0) {
        int err = errno;
        if (err == ENOENT)
            rc = 0;   /* no profile: nothing to fill in */
        else if (claim_data_load(&cd, diags) == 0)
            read_failed(&cd.msgs, diags, path, err);
        goto cleanup;
    }
    if (claim_data_load(&cd, diags) < 0)
        goto cleanup;
    struct xml_read r = { .name = path, .status = CP_INPUT, .diags = diags, .msgs = &cd.msgs };
    doc = xml_read(&r, buf, len);
    if (doc == NULL)
        goto cleanup;
    xmlNodePtr root = xmlDocGetRootElement(doc);
    struct scan s = { buf, len, 0, 0, 1 };
    locs_assign(&L, &s, root);
    w = (struct walk){ &cd.rng, &cd.msgs, &L, diags, path, CP_INPUT, NULL, 0, NULL, 0 };
    long ei = rng_find_define(&cd.rng, "claimant");
    if (ei < 0 || !node_is(root, "claimant")) {
        walk_report(&w, root, "profile-root", "element", (const char *)root->name, NULL);
        goto cleanup;
    }
    walk_elem(&w, root, (size_t)ei);
    if (cp_diags_errors(diags) > errors_before)
        goto cleanup;
    cp_party p;
    memset(&p, 0, sizeof p);
    party_fill(&p, root, &L);
    char **mine[] = { &c->claimant.name, &c->claimant.department, &c->claimant.address,
                      &c->claimant.email, &c->claimant.phone };
    char **theirs[] = { &p.name, &p.department, &p.address, &p.email, &p.phone };
    for (size_t i = 0; i < CP_ARRAY_LEN(mine); i++) {
        if (*mine[i] == NULL) {
            *mine[i] = *theirs[i];
            *theirs[i] = NULL;
        }
        free(*theirs[i]);
    }
    rc = 0;
cleanup:
    free(w.bad);
    free(L.v);
    xmlFreeDoc(doc);
    claim_data_free(&cd);
    free(buf);
    free(path);
    return rc;
}

static void
party_free(cp_party *p)
{
    free(p->name);
    free(p->department);
    free(p->address);
    free(p->email);
    free(p->phone);
}

void
cp_claim_free(cp_claim *c)
{
    if (c == NULL)
        return;
    free(c->path);
    free(c->dir);
    free(c->jurisdiction);
    party_free(&c->claimant);
    party_free(&c->recipient);
    free(c->order.number);
    free(c->order.seller);
    free(c->order.marketplace);
    for (size_t i = 0; i < c->order.n_products; i++)
        free(c->order.products[i].description);
    free(c->order.products);
    free(c->order.tracking);
    free(c->order.carrier);
    free(c->problem.summary);
    for (size_t i = 0; i < c->problem.n_facts; i++) {
        free(c->problem.facts[i].text);
        free(c->problem.facts[i].cites);
    }
    free(c->problem.facts);
    for (size_t i = 0; i < c->n_history; i++)
        free(c->history[i].text);
    free(c->history);
    free(c->previous.ref);
    free(c->previous.outcome);
    free(c->previous.reason);
    for (size_t i = 0; i < c->previous.n_answers; i++) {
        free(c->previous.answers[i].text);
        free(c->previous.answers[i].cites);
    }
    free(c->previous.answers);
    free(c->resolution.text);
    for (size_t i = 0; i < c->n_documents; i++) {
        cp_document *d = &c->documents[i];
        free(d->id);
        free(d->file);
        free(d->title);
        for (size_t j = 0; j < d->n_messages; j++) {
            free(d->messages[j].from);
            free(d->messages[j].text);
        }
        free(d->messages);
        cp_evidence_files_free(d);
    }
    free(c->documents);
    for (size_t i = 0; i < c->n_schema_missing; i++)
        free(c->schema_missing[i]);
    free(c->schema_missing);
    free(c);
}
