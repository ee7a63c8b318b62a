/* template-int.h: what the three files of the template engine share, and
 * nothing else includes: template.c (the tree, the placeholders a template
 * may name as claim-fields.c's fields, finding and loading a template,
 * listing them),
 * template-parse.c (reading and checking a template into the tree) and
 * template-render.c (walking the tree against a claim into a letter). */
#ifndef CLAIMPACK_TEMPLATE_INT_H
#define CLAIMPACK_TEMPLATE_INT_H

#include "claimpack/claimpack.h"
#include "claimpack/template.h"
#include "claim-fields.h"

#include <stdbool.h>
#include <stddef.h>

#define INCLUDE_DEPTH_MAX 16     /* includes and phrases within phrases */
#define NESTING_MAX 64           /* sections within sections */

enum node_kind { N_TEXT, N_VAR, N_PHRASE, N_IF, N_EACH, N_LINE, N_BLANK, N_DIRECTIVE };
enum directive { D_SUBJECT, D_SALUTATION, D_CLOSING, D_DATE, D__COUNT };

typedef struct node node;
typedef struct nodes {
    node *v;
    size_t n, cap;
} nodes;

struct node {
    enum node_kind kind;
    const char *file;        /* one of cp_template.files */
    int line, col;
    char *str;               /* TEXT text, VAR path, PHRASE key, IF path, EACH list */
    char **values;           /* IF "path = a b": the values compared with */
    size_t n_values;
    int what;                /* LINE: enum cp_block_kind; DIRECTIVE: enum directive */
    int level;               /* LINE: bullet level */
    nodes label;             /* LINE (FIELD): the label */
    nodes body;              /* LINE, DIRECTIVE: the text; IF: then; EACH: the body */
    nodes alt;               /* IF: else */
};

struct cp_template {
    enum cp_lang lang;
    char **files;            /* the template and every fragment it includes */
    size_t n_files;
    nodes root;
};

/* template.c: what a placeholder may name, the claim's and the letter's
 * fields of claim-fields.c (NULL when `name` is none); whether a field is
 * a value (a flag is for #if only, a list for #each and #if); whether the
 * items of list `list` (a list field's name) have a field `name`. And the
 * tree. */
const cp_field *root_field(const char *name);
bool value_field(const cp_field *f);
bool item_field(const char *list, const char *name);
node *nodes_add(nodes *ns, enum node_kind kind, const char *file, int line, int col);
void nodes_free(nodes *ns);

/* template-parse.c: read template file `path` and what it includes into
 * t, checking its phrases against l10n, {{> law}} as cp_template_load's
 * `law` says; -1 when it has errors (in diags). */
int template_parse(cp_template *t, const char *path, const cp_l10n *l10n, const char *law,
                   cp_diags *diags);
/* Parse a phrase's text (v, from file:line:col) as inline text into out, at
 * rendering: inside the #each lists `lists`, `depth` phrases deep. -1 when
 * it has errors (in diags). */
int template_parse_phrase(nodes *out, const char *v, const char *file, int line, int col,
                          const cp_l10n *l10n, const char *const *lists, int n_lists,
                          int depth, cp_diags *diags);

#endif
