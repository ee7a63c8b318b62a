/* template.c: letter templates (claimpack-template(5)). A template is read
 * and checked once into a tree of nodes (lines of block markup holding
 * inline text, placeholders, phrases and sections, template-parse.c);
 * rendering walks the tree against a claim and collects the letter's
 * blocks (template-render.c). This file holds the tree, the placeholders a
 * template may name (the fields of claim-fields.c), where a template is
 * found, and the listing of them;
 * template-int.h is what the three share.
 *
 * Block markup is recognised in the template text only, never in the values
 * put in, so a fact starting with "* " stays a fact. */
#include "config.h"
#include "claimpack/claimpack.h"
#include "claimpack/template.h"
#include "template-int.h"
#include "util.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* A placeholder names a field of claim-fields.c's table, by its name or
 * its alias; template-parse.c stores the name, so rendering meets one
 * name for each field. */
const cp_field *
root_field(const char *name)
{
    return cp_field_find(name, strlen(name));
}

bool
value_field(const cp_field *f)
{
    return f->kind != CP_FIELD_FLAG && f->kind != CP_FIELD_LIST;
}

bool
item_field(const char *list, const char *name)
{
    const cp_field *f = root_field(list);
    return f && cp_field_has_item(f, name);
}

/* ---- the tree ---- */

node *
nodes_add(nodes *ns, enum node_kind kind, const char *file, int line, int col)
{
    if (ns->n == ns->cap) {
        ns->cap = ns->cap ? ns->cap * 2 : 8;
        ns->v = xreallocarray(ns->v, ns->cap, sizeof *ns->v);
    }
    node *n = &ns->v[ns->n++];
    memset(n, 0, sizeof *n);
    n->kind = kind;
    n->file = file;
    n->line = line;
    n->col = col;
    return n;
}

void
nodes_free(nodes *ns)
{
    for (size_t i = 0; i < ns->n; i++) {
        node *n = &ns->v[i];
        free(n->str);
        for (size_t j = 0; j < n->n_values; j++)
            free(n->values[j]);
        free(n->values);
        nodes_free(&n->label);
        nodes_free(&n->body);
        nodes_free(&n->alt);
    }
    free(ns->v);
    ns->v = NULL;
    ns->n = ns->cap = 0;
}

void
cp_template_free(cp_template *t)
{
    if (!t)
        return;
    nodes_free(&t->root);
    for (size_t i = 0; i < t->n_files; i++)
        free(t->files[i]);
    free(t->files);
    free(t);
}

const char *
cp_template_path(const cp_template *t)
{
    return t->n_files ? t->files[0] : "";
}

/* ---- finding and loading ---- */

static bool
is_file(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* Where template `name` comes from: the user's copy, else the built-in.
 * Newly allocated, NULL when neither exists; *user says which. */
static char *
find_template(const char *name, bool *user)
{
    char *rel = xasprintf("templates/%s", name);
    char *path = cp_config_path(rel);
    *user = true;
    if (!is_file(path)) {
        free(path);
        path = cp_data_path(rel);
        *user = false;
        if (!is_file(path)) {
            free(path);
            path = NULL;
        }
    }
    free(rel);
    return path;
}

int
cp_template_load(cp_template **out, const char *name, enum cp_claim_type type,
                 enum cp_lang lang, const char *law, cp_diags *diags)
{
    *out = NULL;
    const char *code = cp_l10n_lang_code(lang);
    if (!code || (int)type < 0 || type >= CP_TYPE__COUNT) {
        cp_error(diags, CP_INPUT, NULL, 0, 0, "no template for this claim type or language");
        return -1;
    }
    char *path = NULL;
    bool user;
    if (name && strchr(name, '/')) {
        path = xstrdup(name);
    } else {
        char *want = name ? xstrdup(name) : xasprintf("%s.%s", cp_claim_type_name(type), code);
        path = find_template(want, &user);
        if (!path && name && !strchr(name, '.')) {
            /* "-t escalation": that type in the letter's language. */
            char *typed = xasprintf("%s.%s", name, code);
            path = find_template(typed, &user);
            free(typed);
        }
        if (!path) {
            char *udir = cp_config_path("templates");
            char *bdir = cp_data_path("templates");
            cp_error(diags, CP_INPUT, want, 0, 0, "no such template (looked in %s and %s)",
                     udir, bdir);
            free(udir);
            free(bdir);
            free(want);
            return -1;
        }
        free(want);
    }
    cp_l10n *l10n = NULL;
    if (cp_l10n_load(&l10n, lang, NULL, diags) < 0) {
        free(path);
        return -1;
    }
    cp_template *t = xcalloc(1, sizeof *t);
    t->lang = lang;
    int rc = template_parse(t, path, l10n, law, diags);
    cp_l10n_free(l10n);
    free(path);
    if (rc < 0) {
        cp_template_free(t);
        return -1;
    }
    *out = t;
    return 0;
}

/* ---- listing ---- */

static int
name_cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

int
cp_template_list(FILE *fp, cp_diags *diags)
{
    (void)diags;
    for (int ty = 0; ty < CP_TYPE__COUNT; ty++) {
        for (int lg = 0; lg < CP_LANG__COUNT; lg++) {
            char *name = xasprintf("%s.%s", cp_claim_type_name((enum cp_claim_type)ty),
                                   cp_l10n_lang_code((enum cp_lang)lg));
            bool user = false;
            char *path = find_template(name, &user);
            fprintf(fp, "%-22s %-9s %s\n", name, !path ? "missing" : user ? "user" : "built-in",
                    path ? path : "");
            free(path);
            free(name);
        }
    }
    /* The user's own templates under other names. */
    char *dir = cp_config_path("templates");
    DIR *dp = opendir(dir);
    char **extra = NULL;
    size_t n_extra = 0;
    if (dp) {
        struct dirent *e;
        while ((e = readdir(dp))) {
            if (e->d_name[0] == '.')
                continue;
            char *path = cp_path_join(dir, e->d_name);
            bool known = false;
            for (int ty = 0; ty < CP_TYPE__COUNT && !known; ty++)
                for (int lg = 0; lg < CP_LANG__COUNT && !known; lg++) {
                    char *name = xasprintf("%s.%s", cp_claim_type_name((enum cp_claim_type)ty),
                                           cp_l10n_lang_code((enum cp_lang)lg));
                    known = strcmp(name, e->d_name) == 0;
                    free(name);
                }
            if (!known && is_file(path)) {
                extra = xreallocarray(extra, n_extra + 1, sizeof *extra);
                extra[n_extra++] = xstrdup(e->d_name);
            }
            free(path);
        }
        closedir(dp);
    }
    if (n_extra > 1)
        qsort(extra, n_extra, sizeof *extra, name_cmp);
    for (size_t i = 0; i < n_extra; i++) {
        char *path = cp_path_join(dir, extra[i]);
        fprintf(fp, "%-22s %-9s %s\n", extra[i], "user", path);
        free(path);
        free(extra[i]);
    }
    free(extra);
    free(dir);
    return ferror(fp) ? -1 : 0;
}
