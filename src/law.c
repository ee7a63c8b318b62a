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
cp_law_texts(cp_law_text **out, size_t *n, const char *lang, cp_diags *diags)
{
    *out = NULL;
    *n = 0;
    size_t n_codes;
    char **codes = law_codes(&n_codes);
    int rc = 0;
    for (size_t i = 0; i < n_codes; i++) {
        char *path = law_file(codes[i]);
        xmlDoc *doc = cp_data_xml_load(path, "law", "the law file", LAW_FILE_LIMIT, diags);
        const xmlNode *root = doc ? xmlDocGetRootElement(doc) : NULL;
        if (!root || !facts_ok(root, path, diags))
            rc = -1;
        for (const xmlNode *t = root ? root->children : NULL; t; t = t->next) {
            if (!is_element(t, "text"))
                continue;
            char *tl = cp_data_xml_prop(t, "lang"), *types = cp_data_xml_prop(t, "types");
            if (!tl || !types) {
                cp_error(diags, CP_INPUT, path, (int)xmlGetLineNo(t), 0,
                         "a <text> needs lang= and types=");
                rc = -1;
            } else if (strcmp(tl, lang) == 0) {
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

void
cp_law_check(const cp_claim *c, cp_diags *diags)
{
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
