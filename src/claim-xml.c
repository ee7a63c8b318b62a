/* claim-xml.c: reading an XML file safely (no network, no entities, no DTD,
 * a size limit, its problems located and worded for a person), and the
 * wording itself: data/messages.xml, the sentences every claim, profile and
 * schema problem is told in. Used by claim.c and claim-schema.c. */
#include "config.h"
#include "claimpack/claimpack.h"
#include "claim-int.h"
#include "dataxml.h"
#include "util.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

/* ---- reading XML safely --------------------------------------------- */

xmlDoc *
cp_data_xml_load(const char *path, const char *root, const char *what, size_t limit,
                 cp_diags *diags)
{
    char *buf = NULL;
    size_t len = 0;
    if (cp_read_file(&buf, &len, path, limit) < 0) {
        cp_error(diags, CP_INPUT, path, 0, 0, "cannot read %s: %s", what, strerror(errno));
        return NULL;
    }
    xmlParserCtxt *ctx = xmlNewParserCtxt();
    if (!ctx) {
        free(buf);
        cp_error(diags, CP_INPUT, path, 0, 0, "cannot read %s", what);
        return NULL;
    }
    xmlDoc *doc = len > (size_t)INT32_MAX ? NULL :
        xmlCtxtReadMemory(ctx, buf, (int)len, path, NULL,
                          XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING
                          | XML_PARSE_BIG_LINES);
    if (!doc) {
        const xmlError *err = xmlCtxtGetLastError(ctx);
        char *msg = xstrdup(err && err->message ? err->message : "not well-formed XML");
        cp_trim(msg);
        cp_error(diags, CP_INPUT, path, err ? err->line : 0, 0, "%s: %s", what, msg);
        free(msg);
    } else if (doc->intSubset || !xmlDocGetRootElement(doc) ||
               strcmp((const char *)xmlDocGetRootElement(doc)->name, root) != 0) {
        cp_error(diags, CP_INPUT, path, 0, 0, "%s: expected a <%s> element and no DOCTYPE",
                 what, root);
        xmlFreeDoc(doc);
        doc = NULL;
    }
    xmlFreeParserCtxt(ctx);
    free(buf);
    return doc;
}

static char *msgs_xml_error(const struct msgs *m, const xmlError *err);

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
xmlDocPtr
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
        size_t off = cp_utf8_valid_prefix(buf, len);
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




char *
xml_prop_dup(xmlNodePtr n, const char *name)
{
    xmlChar *v = xmlGetNoNsProp(n, (const xmlChar *)name);
    if (v == NULL)
        return NULL;
    char *s = xstrdup((const char *)v);
    xmlFree(v);
    return s;
}

void
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

int
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
        if (xml_node_is(n, "sentence") || xml_node_is(n, "xml-error")) {
            m->s = xreallocarray(m->s, m->n_s + 1, sizeof *m->s);
            struct msg_sentence *s = &m->s[m->n_s++];
            s->id = xml_prop_dup(n, "id");
            s->match = xml_prop_dup(n, "match");
            char *code = xml_prop_dup(n, "code");
            s->code = code ? atoi(code) : -1;
            free(code);
            s->text = claim_text_collapse(xml_node_text_raw(n));
            if (s->text == NULL)
                s->text = xstrdup("");
        } else if (xml_node_is(n, "element") || xml_node_is(n, "attribute")) {
            m->e = xreallocarray(m->e, m->n_e + 1, sizeof *m->e);
            struct msg_entry *e = &m->e[m->n_e++];
            bool attr = xml_node_is(n, "attribute");
            e->element = xml_prop_dup(n, attr ? "element" : "name");
            e->attribute = attr ? xml_prop_dup(n, "name") : NULL;
            e->what = xml_prop_dup(n, "what");
            e->example = xml_prop_dup(n, "example");
            e->noun = xml_prop_dup(n, "noun");
        }
    }
    rc = 0;
cleanup:
    xmlFreeDoc(doc);
    free(buf);
    free(path);
    return rc;
}

const char *
msgs_sentence(const struct msgs *m, const char *id)
{
    for (size_t i = 0; m && i < m->n_s; i++)
        if (m->s[i].id && strcmp(m->s[i].id, id) == 0)
            return m->s[i].text;
    return NULL;
}

const struct msg_entry *
msgs_entry(const struct msgs *m, const char *element, const char *attribute)
{
    for (size_t i = 0; m && i < m->n_e; i++)
        if (m->e[i].element && strcmp(m->e[i].element, element) == 0
            && cp_streq(m->e[i].attribute, attribute))
            return &m->e[i];
    return NULL;
}

static char *
format_tmpl(const char *tmpl, ...)
{
    va_list ap;
    va_start(ap, tmpl);
    char *s = cp_fill_v(tmpl, ap);
    va_end(ap);
    return s;
}

/* The sentence `id` filled in; the id itself when the data lacks it, so a
 * gap shows rather than a silent empty message. */
char *
msgs_format(const struct msgs *m, const char *id, ...)
{
    const char *tmpl = msgs_sentence(m, id);
    va_list ap;
    va_start(ap, id);
    char *s = cp_fill_v(tmpl ? tmpl : id, ap);
    va_end(ap);
    return s;
}

char *
msgs_err_detail(const xmlError *err)
{
    char *d = xstrdup(err->message ? err->message : "not well-formed");
    return claim_text_collapse(d);
}

static char *
msgs_xml_error(const struct msgs *m, const xmlError *err)
{
    const char *tmpl = NULL;
    for (size_t i = 0; m && i < m->n_s && tmpl == NULL; i++)
        if (m->s[i].id == NULL && m->s[i].code == err->code
            && (m->s[i].match == NULL || (err->message && strstr(err->message, m->s[i].match))))
            tmpl = m->s[i].text;
    char *detail = msgs_err_detail(err);
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
char *
msgs_explain(const struct msgs *m, const char *element, const char *attribute)
{
    const struct msg_entry *e = msgs_entry(m, element, attribute);
    if (e == NULL || e->what == NULL)
        return xstrdup("");
    if (e->example)
        return msgs_format(m, "explain-example", "what", e->what, "example", e->example, NULL);
    return msgs_format(m, "explain", "what", e->what, NULL);
}

char *
cp_data_xml_prop(const xmlNode *n, const char *name)
{
    xmlChar *v = xmlGetNoNsProp(n, (const xmlChar *)name);
    char *s = v ? xstrdup((const char *)v) : NULL;
    xmlFree(v);
    return s;
}

bool
cp_data_xml_prop_is(const xmlNode *n, const char *name, const char *value)
{
    const xmlAttr *a = xmlHasNsProp(n, (const xmlChar *)name, NULL);
    if (a == NULL)
        return false;
    /* One text node as a rule; anything else as xmlGetNoNsProp puts it
     * together. */
    const xmlNode *t = a->children;
    if (t && t->type == XML_TEXT_NODE && t->next == NULL && t->content)
        return strcmp((const char *)t->content, value) == 0;
    xmlChar *v = xmlGetNoNsProp(n, (const xmlChar *)name);
    bool same = v && strcmp((const char *)v, value) == 0;
    xmlFree(v);
    return same;
}
