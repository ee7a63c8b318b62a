/* law.c: the consumer law of the claim's country as data (law.h). The
 * legal paragraphs are template text, so the template engine (template*.c)
 * parses and renders them like any fragment; this file only finds them,
 * resolves their <cite ref> to the fact's citation (written once, with its
 * source) and decides which jurisdiction's law a claim is written under. */
#include "config.h"
#include "claimpack/claimpack.h"
#include "dataxml.h"
#include "law.h"
#include "util.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libxml/tree.h>

#define LAW_FILE_LIMIT (1024 * 1024)

static bool
is_element(const xmlNode *n, const char *name)
{
    return n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, name) == 0;
}

static bool
word_in(const char *word, const char *words)
{
    size_t len = strlen(word);
    for (const char *p = words; p && *p;) {
        p += strspn(p, " \t\n");
        size_t n = strcspn(p, " \t\n");
        if (n == len && n > 0 && strncmp(p, word, n) == 0)
            return true;
        p += n;
    }
    return false;
}

static bool
code_syntax(const char *code)
{
    return code && strlen(code) == 2 && code[0] >= 'A' && code[0] <= 'Z' && code[1] >= 'A'
           && code[1] <= 'Z';
}

/* data/law/CODE.xml, the user's copy first (claimpack(1), FILES). */
static char *
law_file(const char *code)
{
    char *rel = xasprintf("law/%s.xml", code);
    char *path = cp_config_path(rel);
    if (access(path, F_OK) != 0) {
        free(path);
        char *drel = xasprintf("data/%s", rel);
        path = cp_data_path(drel);
        free(drel);
    }
    free(rel);
    return path;
}

static xmlDoc *
index_load(cp_diags *diags)
{
    char *path = cp_data_path("data/law/index.xml");
    xmlDoc *doc = cp_data_xml_load(path, "laws", "the law index", LAW_FILE_LIMIT, diags);
    free(path);
    return doc;
}

/* The codes that fall back to the EU paragraphs (index.xml <fallback>). */
static char *
eu_codes(const xmlDoc *doc)
{
    for (const xmlNode *n = xmlDocGetRootElement(doc)->children; n; n = n->next)
        if (is_element(n, "fallback"))
            return cp_data_xml_prop(n, "codes");
    return NULL;
}

char *
cp_law_code(const char *jurisdiction)
{
    if (!code_syntax(jurisdiction))
        return NULL;
    char *path = law_file(jurisdiction);
    bool own = access(path, F_OK) == 0;
    free(path);
    if (own)
        return xstrdup(jurisdiction);
    cp_diags quiet = CP_DIAGS_INIT;
    xmlDoc *doc = index_load(&quiet);
    cp_diags_free(&quiet);
    char *codes = doc ? eu_codes(doc) : NULL;
    bool eu = word_in(jurisdiction, codes);
    free(codes);
    xmlFreeDoc(doc);
    return eu ? xstrdup("EU") : NULL;
}

/* The built-in jurisdictions: data/law/XX.xml, sorted. */
static char **
law_codes(size_t *n)
{
    *n = 0;
    char *dir = cp_data_path("data/law");
    DIR *d = opendir(dir);
    free(dir);
    char **v = NULL;
    if (!d)
        return NULL;
    for (struct dirent *e; (e = readdir(d));) {
        if (strlen(e->d_name) != 6 || strcmp(e->d_name + 2, ".xml") != 0)
            continue;
        char *code = xstrndup(e->d_name, 2);
        if (!code_syntax(code)) {
            free(code);
            continue;
        }
        v = xreallocarray(v, *n + 1, sizeof *v);
        v[(*n)++] = code;
    }
    closedir(d);
    for (size_t i = 1; i < *n; i++)
        for (size_t j = i; j > 0 && strcmp(v[j - 1], v[j]) > 0; j--) {
            char *t = v[j];
            v[j] = v[j - 1];
            v[j - 1] = t;
        }
    return v;
}

static const xmlNode *
find_fact(const xmlNode *root, const char *id)
{
    for (const xmlNode *n = root->children; n; n = n->next)
        if (is_element(n, "fact")) {
            char *fid = cp_data_xml_prop(n, "id");
            bool same = cp_streq(fid, id);
            free(fid);
            if (same)
                return n;
        }
    return NULL;
}

/* A <text>'s template text, its <cite ref> replaced by the fact's citation
 * in the text's language (cite-LANG=, as the EU Directives are named in
 * each language) or as the country writes it (cite=); NULL after an error. */
static char *
text_of(const xmlNode *root, const xmlNode *t, const char *lang, const char *path,
        cp_diags *diags)
{
    char *cite_lang = xasprintf("cite-%s", lang);
    cp_buf b = CP_BUF_INIT;
    bool ok = true;
    for (const xmlNode *n = t->children; n; n = n->next) {
        if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
            cp_buf_puts(&b, (const char *)n->content);
        } else if (is_element(n, "cite")) {
            char *ref = cp_data_xml_prop(n, "ref");
            const xmlNode *f = ref ? find_fact(root, ref) : NULL;
            char *cite = f ? cp_data_xml_prop(f, cite_lang) : NULL;
            if (f && !cite)
                cite = cp_data_xml_prop(f, "cite");
            if (!cite) {
                cp_error(diags, CP_INPUT, path, (int)xmlGetLineNo(n), 0,
                         "<cite ref=\"%s\"> names no <fact> with a cite=", ref ? ref : "");
                ok = false;
            } else {
                cp_buf_puts(&b, cite);
            }
            free(cite);
            free(ref);
        } else if (n->type == XML_ELEMENT_NODE) {
            cp_error(diags, CP_INPUT, path, (int)xmlGetLineNo(n), 0,
                     "<%s> does not belong in <text>", (const char *)n->name);
            ok = false;
        }
    }
    free(cite_lang);
    if (!ok) {
        cp_buf_free(&b);
        return NULL;
    }
    return b.data ? cp_buf_detach(&b) : xstrdup("");
}

/* Every fact says where it comes from and how sure that source is. */
static bool
facts_ok(const xmlNode *root, const char *path, cp_diags *diags)
{
    bool ok = true;
    for (const xmlNode *n = root->children; n; n = n->next) {
        if (!is_element(n, "fact"))
            continue;
        char *id = cp_data_xml_prop(n, "id"), *src = cp_data_xml_prop(n, "source"), *st = cp_data_xml_prop(n, "status");
        if (!id || !src || strncmp(src, "http", 4) != 0 || !st
            || !(strcmp(st, "verified") == 0 || strcmp(st, "secondary") == 0)) {
            cp_error(diags, CP_INPUT, path, (int)xmlGetLineNo(n), 0,
                     "a <fact> needs id=, source= (a URL) and status=\"verified\" or "
                     "\"secondary\"");
            ok = false;
        }
        free(id);
        free(src);
        free(st);
    }
    return ok;
}

int
cp_law_texts(cp_law_text **out, size_t *n, const char *lang, const char *part,
             const char *only, cp_diags *diags)
{
    *out = NULL;
    *n = 0;
    size_t n_codes;
    char **codes = law_codes(&n_codes);
    int rc = 0;
    for (size_t i = 0; i < n_codes; i++) {
        if (only && strcmp(codes[i], only) != 0) {
            free(codes[i]);
            continue;
        }
        char *path = law_file(codes[i]);
        xmlDoc *doc = cp_data_xml_load(path, "law", "the law file", LAW_FILE_LIMIT, diags);
        const xmlNode *root = doc ? xmlDocGetRootElement(doc) : NULL;
        if (!root || !facts_ok(root, path, diags))
            rc = -1;
        for (const xmlNode *t = root ? root->children : NULL; t; t = t->next) {
            if (!is_element(t, "text"))
                continue;
            char *tl = cp_data_xml_prop(t, "lang"), *types = cp_data_xml_prop(t, "types");
            char *tp = cp_data_xml_prop(t, "part");
            bool same_part = cp_streq(tp, part);
            free(tp);
            if (!tl || !types) {
                cp_error(diags, CP_INPUT, path, (int)xmlGetLineNo(t), 0,
                         "a <text> needs lang= and types=");
                rc = -1;
            } else if (strcmp(tl, lang) == 0 && same_part) {
                char *text = text_of(root, t, lang, path, diags);
                if (!text) {
                    rc = -1;
                } else {
                    *out = xreallocarray(*out, *n + 1, sizeof **out);
                    (*out)[(*n)++] = (cp_law_text){ xstrdup(codes[i]), types, xstrdup(path),
                                                    (int)xmlGetLineNo(t), text };
                    types = NULL;
                }
            }
            free(tl);
            free(types);
        }
        xmlFreeDoc(doc);
        free(path);
        free(codes[i]);
    }
    free(codes);
    if (rc < 0) {
        cp_law_texts_free(*out, *n);
        *out = NULL;
        *n = 0;
    }
    return rc;
}

void
cp_law_texts_free(cp_law_text *t, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free(t[i].code);
        free(t[i].types);
        free(t[i].file);
        free(t[i].text);
    }
    free(t);
}

/* A fact's name for a letter in `lang`: name-LANG=, name=, cite-LANG=,
 * cite=, the first there is (data/law/index.xml). */
static char *
fact_name(const xmlNode *f, const char *lang)
{
    char *name_lang = xasprintf("name-%s", lang), *cite_lang = xasprintf("cite-%s", lang);
    const char *const attrs[] = { name_lang, "name", cite_lang, "cite" };
    char *found = NULL;
    for (size_t i = 0; i < CP_ARRAY_LEN(attrs) && !found; i++) {
        char *v = cp_data_xml_prop(f, attrs[i]);
        if (v && *v)
            found = v;
        else
            free(v);
    }
    free(name_lang);
    free(cite_lang);
    return found;
}

static const xmlNode *
child_element(const xmlNode *root, const char *name)
{
    for (const xmlNode *n = root->children; n; n = n->next)
        if (is_element(n, name))
            return n;
    return NULL;
}

char *
cp_law_seller_country(const cp_claim *c)
{
    if (c->order.seller_country && *c->order.seller_country)
        return xstrdup(c->order.seller_country);
    /* an escalation's recipient is the body, not the seller */
    if (c->type != CP_TYPE_ESCALATION && c->recipient.country && *c->recipient.country)
        return xstrdup(c->recipient.country);
    cp_diags quiet = CP_DIAGS_INIT;
    xmlDoc *doc = index_load(&quiet);
    cp_diags_free(&quiet);
    char *found = NULL;
    for (const xmlNode *n = doc ? xmlDocGetRootElement(doc)->children : NULL; n && !found;
         n = n->next) {
        if (!is_element(n, "seller"))
            continue;
        char *name = cp_data_xml_prop(n, "name");
        bool named = name && *name
                     && ((c->type != CP_TYPE_ESCALATION && c->recipient.name
                          && strstr(c->recipient.name, name))
                         || (c->order.seller && strstr(c->order.seller, name)));
        if (named)
            found = cp_data_xml_prop(n, "country");
        free(name);
    }
    xmlFreeDoc(doc);
    return found;
}

bool
cp_law_cross_border(const cp_claim *c)
{
    char *law = cp_law_code(c->jurisdiction), *seller = law ? cp_law_seller_country(c) : NULL;
    /* the law's code is the consumer's country but for the EU fallback,
     * where it is the claim's own code */
    bool cross = seller && !cp_streq(seller, strcmp(law, "EU") == 0 ? c->jurisdiction : law);
    free(seller);
    free(law);
    return cross;
}

bool
cp_law_body_get(cp_law_body *out, const cp_claim *c, const char *lang)
{
    memset(out, 0, sizeof *out);
    char *code = cp_law_code(c->jurisdiction);
    if (!code)
        return false;
    char *path = law_file(code);
    cp_diags quiet = CP_DIAGS_INIT;
    /* the letter's {{> law}} reads the same file and says what is wrong */
    xmlDoc *doc = cp_data_xml_load(path, "law", "the law file", LAW_FILE_LIMIT, &quiet);
    cp_diags_free(&quiet);
    free(path);
    const xmlNode *root = doc ? xmlDocGetRootElement(doc) : NULL;
    const xmlNode *e = root ? child_element(root, "escalation") : NULL;
    bool ecc = cp_law_cross_border(c);
    char *id = NULL;
    if (e && ecc) {
        id = cp_data_xml_prop(e, "ecc");
    } else if (e) {
        char *a = xasprintf("body-%s", lang);
        id = cp_data_xml_prop(e, a);
        free(a);
        if (!id)
            id = cp_data_xml_prop(e, "body");
    }
    const xmlNode *f = id ? find_fact(root, id) : NULL;
    char *name = f ? fact_name(f, lang) : NULL;
    if (name) {
        *out = (cp_law_body){ name, id, code, cp_data_xml_prop(f, "source"), ecc };
        id = code = NULL;
    }
    free(id);
    free(code);
    xmlFreeDoc(doc);
    return out->name != NULL;
}

void
cp_law_body_free(cp_law_body *b)
{
    free(b->name);
    free(b->fact);
    free(b->code);
    free(b->source);
    memset(b, 0, sizeof *b);
}

/* The index's <message id lang> in the claim's language, else English. */
static char *
message(const xmlDoc *doc, const char *id, const char *lang)
{
    char *found = NULL;
    for (const xmlNode *n = xmlDocGetRootElement(doc)->children; n; n = n->next) {
        if (!is_element(n, "message"))
            continue;
        char *mid = cp_data_xml_prop(n, "id"), *ml = cp_data_xml_prop(n, "lang");
        if (cp_streq(mid, id) && (cp_streq(ml, lang) || (!ml && !found))) {
            free(found);
            xmlChar *c = xmlNodeGetContent(n);
            found = xstrdup(c ? (const char *)c : "");
            xmlFree(c);
        }
        free(mid);
        free(ml);
    }
    return found;
}

/* letter-before-claim="yes" outside a UK reminder: the Practice Direction
 * is England and Wales procedure (LAW.md §10), and only the reminder
 * template says it. */
static void
check_pre_action(const cp_claim *c, const xmlDoc *doc, cp_diags *diags)
{
    if (!c->letter_before_claim
        || (c->type == CP_TYPE_REMINDER && cp_streq(c->jurisdiction, "UK")))
        return;
    char *m = message(doc, "pre-action", cp_lang_name(c->lang));
    cp_error(diags, CP_INVALID, c->path, c->loc.line, c->loc.col, "%s",
             m ? m : "letter-before-claim=\"yes\" belongs to a reminder with jurisdiction=\"UK\"");
    free(m);
}

void
cp_law_check(const cp_claim *c, cp_diags *diags)
{
    if (c->letter_before_claim) {
        xmlDoc *doc = index_load(diags);
        if (doc)
            check_pre_action(c, doc, diags);
        xmlFreeDoc(doc);
    }
    if (!c->jurisdiction || !*c->jurisdiction)
        return;
    char *code = cp_law_code(c->jurisdiction);
    if (code) {
        free(code);
        return;
    }
    xmlDoc *doc = index_load(diags);
    if (!doc)
        return;
    char *m = message(doc, "no-law", cp_lang_name(c->lang));
    size_t n_codes;
    char **codes = law_codes(&n_codes);
    cp_buf known = CP_BUF_INIT;
    for (size_t i = 0; i < n_codes; i++) {
        cp_buf_printf(&known, "%s%s", i ? " " : "", codes[i]);
        free(codes[i]);
    }
    free(codes);
    cp_buf out = CP_BUF_INIT;
    for (const char *p = m ? m : "no-law"; *p;) {
        if (strncmp(p, "{code}", 6) == 0) {
            cp_buf_puts(&out, c->jurisdiction);
            p += 6;
        } else if (strncmp(p, "{known}", 7) == 0) {
            cp_buf_puts(&out, known.data ? known.data : "");
            p += 7;
        } else {
            cp_buf_putc(&out, *p++);
        }
    }
    cp_warning(diags, c->path, c->loc.line, c->loc.col, "%s", out.data);
    cp_buf_free(&out);
    cp_buf_free(&known);
    free(m);
    xmlFreeDoc(doc);
}
