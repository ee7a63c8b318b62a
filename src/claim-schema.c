/* claim-schema.c: data/claim.rng read as data (struct rng) and walked
 * alongside the claim, so that every place the claim departs from it is
 * found and named in data/messages.xml's words; libxml2's own RELAX NG
 * verdict is taken too, and anything it finds that the walk did not explain
 * is reported (claim.c says why both). */
#include "config.h"
#include "claimpack/claimpack.h"
#include "claim-int.h"
#include "util.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

/* ---- the schema as data ------------------------------------------------ */





static bool
rng_is(xmlNodePtr n, const char *name)
{
    return n->type == XML_ELEMENT_NODE && n->ns && strcmp((const char *)n->ns->href, RNG_NS) == 0
        && (name == NULL || strcmp((const char *)n->name, name) == 0);
}

void
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

long
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
            a->values[a->n_values++] = claim_text_collapse(xml_node_text_raw(c));
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
            a->name = xml_prop_dup(c, "name");
            a->required = !optional;
            xmlChar *chk = xmlGetNsProp(c, (const xmlChar *)"check", (const xmlChar *)ANNOT_NS);
            a->check = chk ? xstrdup((const char *)chk) : NULL;
            xmlFree(chk);
            rng_collect_values(a, c);
            if (a->name == NULL)
                return -1;
        } else if (strcmp(k, "ref") == 0) {
            char *def = xml_prop_dup(c, "name");
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

int
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
        e->define = xml_prop_dup(d, "name");
        e->name = xml_prop_dup(el, "name");
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
    char *sname = xml_prop_dup(sref, "name");
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


void
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

cp_loc
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


/* Remember that the schema check reported `name` of `element` missing or
 * invalid. */
static void
walk_missing(struct walk *w, const char *element, const char *name)
{
    w->missing = xreallocarray(w->missing, w->n_missing + 1, sizeof *w->missing);
    w->missing[w->n_missing++] = xasprintf("%s.%s", element, name);
}

void
walk_report(struct walk *w, xmlNodePtr n, const char *id, ...)
{
    const char *tmpl = msgs_sentence(w->m, id);
    va_list ap;
    va_start(ap, id);
    char *msg = cp_fill_v(tmpl ? tmpl : id, ap);
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
        char *v = xml_attr_value(n, ra->name);
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
        } else if (ra->check && !claim_value_ok(ra->check, val)) {
            char id[32];
            snprintf(id, sizeof id, "bad-%s", ra->check);
            /* A whole card number is said so, and not echoed to the terminal. */
            if (strcmp(ra->check, "last-four") == 0 && claim_card_number_like(val))
                snprintf(id, sizeof id, "card-number");
            walk_report(w, n, id, "element", e->name, "attribute", ra->name, "value", val, NULL);
            walk_missing(w, e->name, ra->name);
        } else if (v == NULL && ra->required) {
            char *ex = msgs_explain(w->m, e->name, ra->name);
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
        char *ex = msgs_explain(w->m, e->name, e->attrs[i].name);
        walk_report(w, n, "missing-attribute", "element", e->name, "attribute", e->attrs[i].name,
                    "explain", ex, NULL);
        walk_missing(w, e->name, e->attrs[i].name);
        free(ex);
    }
}

void
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
            char *t = claim_text_collapse(xstrdup(c->content ? (const char *)c->content : ""));
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
        char *ex = msgs_explain(w->m, e->children[k].name, NULL);
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
    E->msg[E->n++] = msgs_err_detail(err);
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
void
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

