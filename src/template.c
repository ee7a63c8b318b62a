/* template.c: letter templates (claimpack-template(5)). A template is read
 * and checked once into a tree of nodes (lines of block markup holding
 * inline text, placeholders, phrases and sections); rendering walks the tree
 * against a claim and collects the letter's blocks.
 *
 * Block markup is recognised in the template text only, never in the values
 * put in, so a fact starting with "* " stays a fact. */
#include "config.h"
#include "claimpack/claimpack.h"
#include "claimpack/template.h"
#include "law.h"
#include "util.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define TEMPLATE_FILE_LIMIT (1024 * 1024)
/* What a template may grow to: its files as included (a fragment included
 * ten times in a fragment included ten times ... is read each time), and the
 * letter's text as rendered (phrases within phrases). A letter of the
 * built-in templates is some 10 KB of text; 4 MB is a thousand pages. */
#define TEMPLATE_TOTAL_LIMIT (4 * 1024 * 1024)
#define LETTER_TEXT_LIMIT (4 * 1024 * 1024)
/* Phrases within phrases are checked where they are used, each time: ten
 * phrases of ten phrases, eight deep, would be checked 10^8 times. The
 * built-in templates check a few hundred. */
#define PHRASE_CHECKS_MAX 100000
#define INCLUDE_DEPTH_MAX 16     /* includes and phrases within phrases */
#define NESTING_MAX 64           /* sections within sections */
#define ERRORS_MAX 20            /* diagnostics reported per template */

enum node_kind { N_TEXT, N_VAR, N_PHRASE, N_IF, N_EACH, N_LINE, N_BLANK, N_DIRECTIVE };
enum directive { D_SUBJECT, D_SALUTATION, D_CLOSING, D_DATE };
static const char *const directive_names[] = { "subject", "salutation", "closing", "date" };

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

/* What a placeholder may name. Lists are usable in #each and #if; "flags"
 * (previous, resolution) in #if only. */
enum field_use { F_VALUE, F_LIST, F_FLAG };
typedef struct field {
    const char *name;
    enum field_use use;
} field;

static const field root_fields[] = {
    { "claimant.name", F_VALUE }, { "claimant.department", F_VALUE },
    { "claimant.address", F_VALUE }, { "claimant.email", F_VALUE },
    { "claimant.phone", F_VALUE },
    { "recipient.name", F_VALUE }, { "recipient.department", F_VALUE },
    { "recipient.address", F_VALUE }, { "recipient.email", F_VALUE },
    { "recipient.phone", F_VALUE },
    { "order.number", F_VALUE }, { "order.placed", F_VALUE }, { "order.expected", F_VALUE },
    { "order.delivered", F_VALUE }, { "order.seller", F_VALUE },
    { "order.marketplace", F_VALUE }, { "order.tracking", F_VALUE },
    { "order.carrier", F_VALUE }, { "order.total", F_VALUE }, { "product", F_VALUE },
    { "problem.summary", F_VALUE }, { "problem.noticed", F_VALUE },
    { "previous", F_FLAG }, { "previous.ref", F_VALUE }, { "previous.date", F_VALUE },
    { "previous.outcome", F_VALUE }, { "previous.reason", F_VALUE },
    { "resolution", F_FLAG }, { "resolution.kind", F_VALUE },
    { "resolution.amount", F_VALUE }, { "resolution.text", F_VALUE },
    { "date", F_VALUE }, { "deadline", F_VALUE }, { "jurisdiction", F_VALUE },
    { "type", F_VALUE }, { "lang", F_VALUE }, { "law", F_VALUE },
    { "facts", F_LIST }, { "history", F_LIST }, { "products", F_LIST },
    { "enclosures", F_LIST }, { "answers", F_LIST },
};

/* The fields of one item of each list. */
static const char *const item_fields[][7] = {
    { "facts", "text", "cites", "index", NULL },
    { "answers", "text", "cites", "index", NULL },
    { "history", "date", "text", "index", NULL },
    { "products", "description", "price", "quantity", "total", "index", NULL },
    { "enclosures", "label", "title", "kind", "first_page", "page_count", "index" },
};

static const field *
root_field(const char *name)
{
    for (size_t i = 0; i < CP_ARRAY_LEN(root_fields); i++)
        if (strcmp(root_fields[i].name, name) == 0)
            return &root_fields[i];
    return NULL;
}

static bool
item_field(const char *list, const char *name)
{
    for (size_t i = 0; i < CP_ARRAY_LEN(item_fields); i++) {
        if (strcmp(item_fields[i][0], list) != 0)
            continue;
        for (size_t j = 1; j < CP_ARRAY_LEN(item_fields[i]) && item_fields[i][j]; j++)
            if (strcmp(item_fields[i][j], name) == 0)
                return true;
    }
    return false;
}

/* ---- the tree ---- */

static node *
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

static void
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

/* ---- parsing ---- */

typedef struct parser {
    cp_template *t;
    const cp_l10n *l10n;     /* phrases are checked against it */
    cp_diags *diags;
    int errors;
    const char *lists[NESTING_MAX];   /* the #each sections we are in */
    int n_lists;
    int nesting;
    int depth;               /* includes within includes */
    int phrase_depth;        /* phrases within phrases */
    size_t read_total;       /* bytes of template read, every include counted */
    size_t phrase_checks;    /* phrases checked, those within phrases counted each time */
} parser;

static void CP_PRINTF(5, 6)
perr(parser *p, const char *file, int line, int col, const char *fmt, ...)
{
    /* A file that is not a template at all would bury the first, useful
     * messages. */
    p->errors++;
    if (p->errors > ERRORS_MAX) {
        if (p->errors == ERRORS_MAX + 1)
            cp_error(p->diags, CP_INPUT, file, line, col, "too many errors, giving up");
        return;
    }
    va_list ap;
    va_start(ap, fmt);
    char *msg = xvasprintf(fmt, ap);
    va_end(ap);
    cp_error(p->diags, CP_INPUT, file, line, col, "%s", msg);
    free(msg);
}

static bool
valid_name(const char *s)
{
    if (!*s)
        return false;
    for (; *s; s++)
        if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '.' || *s == '-'
              || *s == '_'))
            return false;
    return true;
}

/* Is `name` usable here as a value (for_if: in a condition)? Complains. */
static bool
check_name(parser *p, const char *file, int line, int col, const char *name, bool for_if)
{
    for (int i = p->n_lists - 1; i >= 0; i--)
        if (item_field(p->lists[i], name))
            return true;
    const field *f = root_field(name);
    if (!f) {
        perr(p, file, line, col, "unknown placeholder '{{%s}}'", name);
        return false;
    }
    if (f->use != F_VALUE && !for_if) {
        perr(p, file, line, col, "'%s' can only be tested with '{{#if %s}}'", name, name);
        return false;
    }
    return true;
}

/* Tag kinds found by the lexer. */
enum tag { T_NONE, T_TEXT, T_VAR, T_PHRASE, T_IF, T_EACH, T_ELSE, T_ENDIF, T_ENDEACH,
           T_INCLUDE, T_COMMENT, T_BAD };

/* Read the tag starting at s ("{{"); *len = its length, *arg = its argument
 * (newly allocated, trimmed). */
static enum tag
lex_tag(const char *s, size_t *len, char **arg)
{
    *arg = NULL;
    /* A plain scan: strstr may look at the whole rest of the file. */
    const char *end = s + 2;
    while (*end && !(end[0] == '}' && end[1] == '}'))
        end++;
    if (!*end)
        return T_NONE;
    *len = (size_t)(end + 2 - s);
    char *in = xstrndup(s + 2, (size_t)(end - s - 2));
    char *t = cp_trim(in);
    enum tag tag;
    const char *a = "";
    if (*t == '!')
        tag = T_COMMENT;
    else if (strncmp(t, "#if", 3) == 0 && (t[3] == ' ' || t[3] == '\t'))
        tag = T_IF, a = t + 4;
    else if (strncmp(t, "#each", 5) == 0 && (t[5] == ' ' || t[5] == '\t'))
        tag = T_EACH, a = t + 6;
    else if (strcmp(t, "else") == 0)
        tag = T_ELSE;
    else if (strcmp(t, "/if") == 0)
        tag = T_ENDIF;
    else if (strcmp(t, "/each") == 0)
        tag = T_ENDEACH;
    else if (*t == '>')
        tag = T_INCLUDE, a = t + 1;
    else if (*t == '@')
        tag = T_PHRASE, a = t + 1;
    else if (valid_name(t))
        tag = T_VAR, a = t;
    else
        tag = T_BAD, a = t;
    char *copy = xstrdup(a);
    *arg = xstrdup(cp_trim(copy));
    free(copy);
    free(in);
    return tag;
}

static const char *
tag_text(enum tag t)
{
    switch (t) {
    case T_ELSE: return "{{else}}";
    case T_ENDIF: return "{{/if}}";
    case T_ENDEACH: return "{{/each}}";
    case T_IF: return "{{#if}}";
    case T_EACH: return "{{#each}}";
    default: return "tag";
    }
}

/* "path" or "path = a b c" into an IF node; false (and a complaint) when bad. */
static bool
parse_condition(parser *p, node *n, const char *arg)
{
    char *copy = xstrdup(arg);
    char *eq = strchr(copy, '=');
    if (eq)
        *eq = '\0';
    char *path = cp_trim(copy);
    bool ok = valid_name(path);
    if (!ok)
        perr(p, n->file, n->line, n->col, "bad condition '{{#if %s}}'", arg);
    else
        ok = check_name(p, n->file, n->line, n->col, path, true);
    if (ok && eq) {
        const field *f = root_field(path);
        if (f && f->use != F_VALUE) {
            perr(p, n->file, n->line, n->col, "'%s' cannot be compared with a value", path);
            ok = false;
        }
        char *save = NULL;
        for (char *v = strtok_r(eq + 1, " \t", &save); ok && v; v = strtok_r(NULL, " \t", &save)) {
            n->values = xreallocarray(n->values, n->n_values + 1, sizeof *n->values);
            n->values[n->n_values++] = xstrdup(v);
        }
        if (ok && n->n_values == 0) {
            perr(p, n->file, n->line, n->col, "'{{#if %s}}' compares with nothing", arg);
            ok = false;
        }
    }
    n->str = xstrdup(path);
    free(copy);
    return ok;
}

static bool
known_list(parser *p, node *n, const char *name)
{
    const field *f = root_field(name);
    if (!f || f->use != F_LIST) {
        perr(p, n->file, n->line, n->col, "unknown list '{{#each %s}}'", name);
        return false;
    }
    for (int i = 0; i < p->n_lists; i++)
        if (strcmp(p->lists[i], name) == 0) {
            perr(p, n->file, n->line, n->col, "'{{#each %s}}' inside itself", name);
            return false;
        }
    return true;
}

static void check_phrase(parser *p, const char *file, int line, int col, const char *key);

/* Parse inline text s from *pos until its end or a closing tag; returns the
 * closing tag met (T_NONE at the end) or T_BAD after an error that ends the
 * line. col0: the column of s[0] in its source line. */
static enum tag
parse_inline(parser *p, const char *file, int line, int col0, const char *s, size_t *pos,
             nodes *out)
{
    cp_buf text = CP_BUF_INIT;
    int text_col = col0 + (int)*pos;
    enum tag result = T_NONE;
    while (s[*pos]) {
        if (!(s[*pos] == '{' && s[*pos + 1] == '{')) {
            if (!text.len)
                text_col = col0 + (int)*pos;
            cp_buf_putc(&text, s[(*pos)++]);
            continue;
        }
        int col = col0 + (int)*pos;
        size_t len = 0;
        char *arg = NULL;
        enum tag tag = lex_tag(s + *pos, &len, &arg);
        if (tag == T_NONE) {
            perr(p, file, line, col, "unclosed '{{'");
            result = T_BAD;
            break;
        }
        *pos += len;
        if (text.len) {
            node *tn = nodes_add(out, N_TEXT, file, line, text_col);
            tn->str = cp_buf_detach(&text);
        }
        if (tag == T_ELSE || tag == T_ENDIF || tag == T_ENDEACH) {
            free(arg);
            result = tag;
            break;
        }
        switch (tag) {
        case T_COMMENT:
            break;
        case T_VAR:
            if (check_name(p, file, line, col, arg, false)) {
                node *n = nodes_add(out, N_VAR, file, line, col);
                n->str = xstrdup(arg);
            }
            break;
        case T_PHRASE: {
            node *n = nodes_add(out, N_PHRASE, file, line, col);
            n->str = xstrdup(arg);
            check_phrase(p, file, line, col, arg);
            break;
        }
        case T_IF:
        case T_EACH: {
            node *n = nodes_add(out, tag == T_IF ? N_IF : N_EACH, file, line, col);
            bool ok = tag == T_IF ? parse_condition(p, n, arg) : known_list(p, n, arg);
            if (tag == T_EACH)
                n->str = xstrdup(arg);
            if (p->nesting >= NESTING_MAX) {
                perr(p, file, line, col, "sections nested deeper than %d", NESTING_MAX);
                free(arg);
                result = T_BAD;
                goto done;
            }
            p->nesting++;
            if (tag == T_EACH && ok)
                p->lists[p->n_lists++] = n->str;
            enum tag end = parse_inline(p, file, line, col0, s, pos, &n->body);
            if (end == T_ELSE && tag == T_IF)
                end = parse_inline(p, file, line, col0, s, pos, &n->alt);
            if (tag == T_EACH && ok)
                p->n_lists--;
            p->nesting--;
            enum tag want = tag == T_IF ? T_ENDIF : T_ENDEACH;
            if (end != want) {
                if (end == T_NONE)
                    perr(p, file, line, col, "unclosed '%s' (a section that spans lines needs "
                         "its tags on lines of their own)", tag_text(tag));
                else if (end != T_BAD)
                    perr(p, file, line, col, "'%s' is closed by '%s'", tag_text(tag),
                         tag_text(end));
                free(arg);
                result = T_BAD;
                goto done;
            }
            break;
        }
        case T_INCLUDE:
            perr(p, file, line, col, "'{{> %s}}' must stand on a line of its own", arg);
            break;
        default:
            perr(p, file, line, col, "bad placeholder '{{%s}}'", arg);
            break;
        }
        free(arg);
    }
done:
    if (text.len) {
        node *tn = nodes_add(out, N_TEXT, file, line, text_col);
        tn->str = cp_buf_detach(&text);
    }
    cp_buf_free(&text);
    return result;
}

/* A phrase used in a template must exist, and it and its jurisdiction
 * variants ("key@US") must be valid inline text here. */
static void
check_phrase(parser *p, const char *file, int line, int col, const char *key)
{
    if (!valid_name(key)) {
        perr(p, file, line, col, "bad phrase name '{{@%s}}'", key);
        return;
    }
    const char *k, *v, *pfile;
    int pline;
    bool found = false;
    if (p->phrase_depth >= INCLUDE_DEPTH_MAX) {
        perr(p, file, line, col, "phrases nested deeper than %d (a phrase that uses itself?)",
             INCLUDE_DEPTH_MAX);
        return;
    }
    if (++p->phrase_checks > PHRASE_CHECKS_MAX) {
        if (p->phrase_checks == PHRASE_CHECKS_MAX + 1)
            perr(p, file, line, col, "phrases use other phrases more than %d times over: "
                 "do they repeat each other?", PHRASE_CHECKS_MAX);
        return;
    }
    size_t klen = strlen(key);
    for (size_t i = 0; cp_l10n_entry(p->l10n, i, &k, &v, &pfile, &pline); i++) {
        if (strncmp(k, key, klen) != 0 || (k[klen] != '\0' && k[klen] != '@'))
            continue;
        found |= k[klen] == '\0';
        if (!strstr(v, "{{"))
            continue;
        nodes tmp = { NULL, 0, 0 };
        size_t pos = 0;
        p->phrase_depth++;
        /* Columns in a phrase count from its value; good enough to find it. */
        enum tag end = parse_inline(p, pfile, pline, 1, v, &pos, &tmp);
        p->phrase_depth--;
        if (end != T_NONE && end != T_BAD)
            perr(p, pfile, pline, 1, "'%s' without its opening tag", tag_text(end));
        nodes_free(&tmp);
    }
    if (!found)
        perr(p, file, line, col, "unknown phrase '{{@%s}}'", key);
}

/* Line reader over one file's text. */
typedef struct src {
    const char *file;
    char *buf, *next;
    int line;
} src;

static char *
src_line(src *s)
{
    if (!s->next || !*s->next)
        return NULL;
    char *l = s->next;
    char *nl = strchr(l, '\n');
    if (nl) {
        *nl = '\0';
        s->next = nl + 1;
    } else {
        s->next = NULL;
    }
    size_t n = strlen(l);
    if (n && l[n - 1] == '\r')
        l[n - 1] = '\0';
    s->line++;
    return l;
}

/* A line that is one block tag and nothing else (blank around it). */
static enum tag
standalone_tag(const char *line, char **arg, int *col)
{
    const char *s = line;
    while (*s == ' ' || *s == '\t')
        s++;
    *arg = NULL;
    if (s[0] != '{' || s[1] != '{')
        return T_NONE;
    size_t len;
    enum tag t = lex_tag(s, &len, arg);
    if (t == T_NONE)
        return T_NONE;
    const char *rest = s + len;
    while (*rest == ' ' || *rest == '\t')
        rest++;
    if (*rest || !(t == T_IF || t == T_EACH || t == T_ELSE || t == T_ENDIF
                   || t == T_ENDEACH || t == T_INCLUDE || t == T_COMMENT)) {
        free(*arg);
        *arg = NULL;
        return T_NONE;
    }
    *col = (int)(s - line) + 1;
    return t;
}

static int parse_file(parser *p, const char *path, nodes *out, const char *from_file,
                      int from_line, int from_col, const char *include_name);
static int parse_law(parser *p, nodes *out);

/* The split point of "+ label: value": the first ": " (or a final ':')
 * outside tags; -1 when none. */
static long
field_split(const char *s)
{
    int depth = 0;
    for (size_t i = 0; s[i]; i++) {
        if (s[i] == '{' && s[i + 1] == '{')
            depth++, i++;
        else if (s[i] == '}' && s[i + 1] == '}' && depth > 0)
            depth--, i++;
        else if (depth == 0 && s[i] == ':' && (s[i + 1] == ' ' || s[i + 1] == '\0'))
            return (long)i;
    }
    return -1;
}

/* Parse one content line (not a block tag) into out. */
static void
parse_content_line(parser *p, src *s, char *l, nodes *out)
{
    const char *file = s->file;
    int line = s->line;
    enum tag end = T_NONE;
    size_t i = 0;
    while (l[i] == ' ')
        i++;
    const char *t = l + i;
    bool blank = true;
    for (const char *q = t; *q; q++)
        if (*q != ' ' && *q != '\t')
            blank = false;
    if (blank) {
        nodes_add(out, N_BLANK, file, line, 1);
        return;
    }
    if (strcmp(t, "~") == 0 || (t[0] == '~' && strspn(t + 1, " \t") == strlen(t + 1))) {
        node *n = nodes_add(out, N_LINE, file, line, 1);
        n->what = CP_BLOCK_GAP;
        return;
    }
    if (t[0] == '*' && t[1] == ' ' && i % 2 == 0) {
        node *n = nodes_add(out, N_LINE, file, line, (int)i + 1);
        n->what = CP_BLOCK_BULLET;
        n->level = (int)(i / 2);
        size_t pos = 0;
        end = parse_inline(p, file, line, (int)i + 3, t + 2, &pos, &n->body);
        goto finish;
    }
    if (i > 0) {   /* an indented line of running text */
        node *n = nodes_add(out, N_LINE, file, line, 1);
        n->what = CP_BLOCK_PARAGRAPH;
        size_t pos = 0;
        end = parse_inline(p, file, line, (int)i + 1, t, &pos, &n->body);
        goto finish;
    }
    if (l[0] == '#' && l[1] == ' ') {
        node *n = nodes_add(out, N_LINE, file, line, 1);
        n->what = CP_BLOCK_HEADING;
        size_t pos = 0;
        end = parse_inline(p, file, line, 3, l + 2, &pos, &n->body);
        goto finish;
    }
    if (l[0] == '+' && l[1] == ' ') {
        long split = field_split(l + 2);
        if (split < 0) {
            perr(p, file, line, 1, "a field line needs '+ label: value'");
            return;
        }
        node *n = nodes_add(out, N_LINE, file, line, 1);
        n->what = CP_BLOCK_FIELD;
        char *label = xstrndup(l + 2, (size_t)split);
        size_t pos = 0;
        enum tag e1 = parse_inline(p, file, line, 3, label, &pos, &n->label);
        free(label);
        const char *value = l + 2 + split + 1;
        int vcol = 3 + (int)split + 1;
        pos = 0;
        enum tag e2 = parse_inline(p, file, line, vcol, value, &pos, &n->body);
        end = e1 == T_BAD || e2 == T_BAD ? T_BAD : e1 != T_NONE ? e1 : e2;
        goto finish;
    }
    if (l[0] == '%') {
        size_t w = strcspn(l + 1, " \t");
        int d = -1;
        for (size_t k = 0; k < CP_ARRAY_LEN(directive_names); k++)
            if (strlen(directive_names[k]) == w && strncmp(l + 1, directive_names[k], w) == 0)
                d = (int)k;
        if (d < 0) {
            perr(p, file, line, 1, "unknown directive '%%%.*s' (subject, salutation, closing, "
                 "date)", (int)w, l + 1);
            return;
        }
        node *n = nodes_add(out, N_DIRECTIVE, file, line, 1);
        n->what = d;
        size_t pos = 0;
        const char *rest = l + 1 + w;
        end = parse_inline(p, file, line, (int)(rest - l) + 1, rest, &pos, &n->body);
        goto finish;
    }
    {
        /* "\" escapes a line that would otherwise be markup. */
        size_t skip = l[0] == '\\' ? 1 : 0;
        node *n = nodes_add(out, N_LINE, file, line, 1);
        n->what = CP_BLOCK_PARAGRAPH;
        size_t pos = 0;
        end = parse_inline(p, file, line, (int)skip + 1, l + skip, &pos, &n->body);
        goto finish;
    }
finish:
    if (end == T_NONE || end == T_BAD)
        return;
    /* parse_inline returned a closing tag that opened nowhere on this line. */
    perr(p, file, line, 1, "a closing tag without its opening tag on this line (sections "
         "that span lines need their tags on lines of their own)");
}

/* Parse lines until the end of the file or a closing block tag, which is
 * returned (with its line) for the caller to check. T_BAD: stop. */
static enum tag
parse_blocks(parser *p, src *s, nodes *out, int *end_line)
{
    char *l;
    while (p->errors <= ERRORS_MAX && (l = src_line(s))) {
        char *arg = NULL;
        int col = 1;
        const char *lead = l + strspn(l, " \t");
        if (strncmp(lead, "{{!", 3) == 0 && !strstr(lead, "}}")) {
            /* A comment over several lines. */
            int start = s->line, start_col = (int)(lead - l) + 1;
            const char *end = NULL;
            while ((l = src_line(s)) && !(end = strstr(l, "}}")))
                ;
            if (!end) {
                perr(p, s->file, start, start_col, "unclosed comment '{{!'");
                return T_BAD;
            }
            if (end[2 + strspn(end + 2, " \t")] != '\0')
                perr(p, s->file, s->line, (int)(end - l) + 3,
                     "text after a comment that spans lines");
            continue;
        }
        enum tag tag = standalone_tag(l, &arg, &col);
        if (tag == T_NONE) {
            parse_content_line(p, s, l, out);
            continue;
        }
        int line = s->line;
        if (tag == T_ELSE || tag == T_ENDIF || tag == T_ENDEACH) {
            free(arg);
            *end_line = line;
            return tag;
        }
        if (tag == T_COMMENT) {
            free(arg);
            continue;
        }
        if (tag == T_INCLUDE) {
            char *name = arg;
            if (strcmp(name, "law") == 0) {
                /* Not a file: data/law/'s paragraphs (law.h). */
                int rc = parse_law(p, out);
                free(arg);
                if (rc < 0)
                    return T_BAD;
                continue;
            }
            if (!*name || strstr(name, "..")) {
                perr(p, s->file, line, col, "bad include '{{> %s}}'", name);
            } else if (p->depth >= INCLUDE_DEPTH_MAX) {
                perr(p, s->file, line, col, "includes nested deeper than %d (does '%s' "
                     "include itself?)", INCLUDE_DEPTH_MAX, name);
                free(arg);
                return T_BAD;
            } else {
                char *path;
                if (strchr(name, '/')) {
                    /* "./x" beside "./t" is "./x", not "././x": nested
                     * includes keep readable names. */
                    const char *rel = name;
                    while (rel[0] == '.' && rel[1] == '/')
                        rel += 2;
                    char *dir = cp_path_dir(s->file);
                    path = strcmp(dir, ".") == 0 && rel[0] != '/' ? xstrdup(rel)
                                                                   : cp_path_join(dir, rel);
                    free(dir);
                } else {
                    char *rel = xasprintf("templates/%s/%s", cp_l10n_lang_code(p->t->lang), name);
                    path = cp_config_path(rel);
                    if (access(path, F_OK) != 0) {
                        free(path);
                        path = cp_data_path(rel);
                    }
                    free(rel);
                }
                p->depth++;
                int rc = parse_file(p, path, out, s->file, line, col, name);
                p->depth--;
                free(path);
                if (rc < 0) {
                    free(arg);
                    return T_BAD;
                }
            }
            free(arg);
            continue;
        }
        /* #if or #each over lines. */
        node *n = nodes_add(out, tag == T_IF ? N_IF : N_EACH, s->file, line, col);
        bool ok = tag == T_IF ? parse_condition(p, n, arg) : known_list(p, n, arg);
        if (tag == T_EACH)
            n->str = xstrdup(arg);
        free(arg);
        if (p->nesting >= NESTING_MAX) {
            perr(p, s->file, line, col, "sections nested deeper than %d", NESTING_MAX);
            return T_BAD;
        }
        p->nesting++;
        if (tag == T_EACH && ok)
            p->lists[p->n_lists++] = n->str;
        int end_at = 0;
        /* n may move when `out` grows inside; keep its index. */
        size_t idx = (size_t)(n - out->v);
        enum tag end = parse_blocks(p, s, &out->v[idx].body, &end_at);
        if (end == T_ELSE && tag == T_IF)
            end = parse_blocks(p, s, &out->v[idx].alt, &end_at);
        if (tag == T_EACH && ok)
            p->n_lists--;
        p->nesting--;
        if (end == T_BAD)
            return T_BAD;
        enum tag want = tag == T_IF ? T_ENDIF : T_ENDEACH;
        if (end == T_NONE) {
            perr(p, s->file, line, col, "unclosed '%s'", tag_text(tag));
            return T_BAD;
        }
        if (end != want) {
            perr(p, s->file, end_at, 1, "'%s' closes '%s' of line %d", tag_text(end),
                 tag_text(tag), line);
            return T_BAD;
        }
    }
    return T_NONE;
}

/* Parse template text (modified in place) read from `file`, its first
 * line numbered first_line, appending to out. */
static int
parse_text(parser *p, const char *file, char *buf, int first_line, nodes *out)
{
    src s = { file, buf, buf, first_line - 1 };
    int end_line = 0;
    enum tag end = parse_blocks(p, &s, out, &end_line);
    if (end == T_BAD)
        return -1;
    if (end != T_NONE) {
        perr(p, s.file, end_line, 1, "'%s' without its opening tag", tag_text(end));
        return -1;
    }
    return 0;
}

/* Read and parse one template or fragment file, appending to out. */
static int
parse_file(parser *p, const char *path, nodes *out, const char *from_file, int from_line,
           int from_col, const char *include_name)
{
    char *buf = NULL;
    size_t len = 0;
    if (cp_read_file(&buf, &len, path, TEMPLATE_FILE_LIMIT) < 0) {
        if (from_file && errno == ENOENT)
            perr(p, from_file, from_line, from_col, "cannot include '%s': no such fragment",
                 include_name);
        else if (errno == EFBIG)
            perr(p, path, 0, 0, "the template is larger than %d MB", TEMPLATE_FILE_LIMIT >> 20);
        else if (from_file)
            perr(p, from_file, from_line, from_col, "cannot include '%s': %s", include_name,
                 strerror(errno));
        else
            perr(p, path, 0, 0, "cannot read the template: %s", strerror(errno));
        return -1;
    }
    p->read_total += len;
    if (p->read_total > TEMPLATE_TOTAL_LIMIT) {
        perr(p, from_file ? from_file : path, from_line, from_col,
             "the template grows to more than %d MB with its includes: is a fragment "
             "included over and over?", TEMPLATE_TOTAL_LIMIT >> 20);
        free(buf);
        return -1;
    }
    if (!cp_utf8_valid(buf, len) || memchr(buf, '\0', len)) {
        perr(p, path, 0, 0, "the template is not UTF-8 text");
        free(buf);
        return -1;
    }
    cp_template *t = p->t;
    t->files = xreallocarray(t->files, t->n_files + 1, sizeof *t->files);
    t->files[t->n_files++] = xstrdup(path);
    int rc = parse_text(p, t->files[t->n_files - 1], buf, 1, out);
    free(buf);
    return rc;
}

/* {{> law}}: every jurisdiction's legal paragraphs in the letter's
 * language, each inside "if law = CODE" and "if type = TYPES", so the
 * claim decides at rendering and every paragraph is checked now. */
static int
parse_law(parser *p, nodes *out)
{
    cp_law_text *texts;
    size_t n;
    if (cp_law_texts(&texts, &n, cp_l10n_lang_code(p->t->lang), p->diags) < 0) {
        p->errors++;
        return -1;
    }
    int rc = 0;
    for (size_t i = 0; i < n && rc == 0; i++) {
        cp_template *t = p->t;
        t->files = xreallocarray(t->files, t->n_files + 1, sizeof *t->files);
        t->files[t->n_files++] = xstrdup(texts[i].file);
        const char *file = t->files[t->n_files - 1];
        node *law = nodes_add(out, N_IF, file, texts[i].line, 1);
        char *cond = xasprintf("law = %s", texts[i].code);
        parse_condition(p, law, cond);
        free(cond);
        size_t idx = (size_t)(law - out->v);
        node *type = nodes_add(&out->v[idx].body, N_IF, file, texts[i].line, 1);
        cond = xasprintf("type = %s", texts[i].types);
        parse_condition(p, type, cond);
        free(cond);
        p->depth++;
        rc = parse_text(p, file, texts[i].text, texts[i].line, &out->v[idx].body.v[0].body);
        p->depth--;
    }
    cp_law_texts_free(texts, n);
    return rc;
}

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
                 enum cp_lang lang, cp_diags *diags)
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
    parser p = { .t = t, .l10n = l10n, .diags = diags };
    int rc = parse_file(&p, path, &t->root, NULL, 0, 0, NULL);
    cp_l10n_free(l10n);
    free(path);
    if (rc < 0 || p.errors) {
        cp_template_free(t);
        return -1;
    }
    *out = t;
    return 0;
}

/* ---- rendering ---- */

typedef struct frame {
    const char *list;
    size_t index;
} frame;

/* A citation put into the text being built ("(Exhibits B, C)"), found again
 * in the block's final text to place its links: each label (or, for one
 * exhibit, the whole citation) links to that exhibit's first page. */
typedef struct cite {
    char *text;
    cp_block_link *parts;    /* start: offset within text */
    size_t n_parts;
} cite;

typedef struct render {
    const cp_letter_input *in;
    const cp_claim *c;
    const cp_l10n *l;
    char *law;               /* cp_law_code of the claim's jurisdiction */
    cp_date deadline;
    frame frames[NESTING_MAX];
    int n_frames;
    int depth;
    cp_diags *diags;
    int errors;
    size_t text_total;       /* bytes of the blocks made so far */
    bool too_long;           /* LETTER_TEXT_LIMIT reached: said once, nothing more made */
    /* the letter being built */
    cp_block *blocks;
    size_t n_blocks, cap_blocks;
    cp_buf para;
    cite *cites;             /* citations rendered since the last block */
    size_t n_cites;
    unsigned from;           /* CP_FROM_* of the text rendered since the last block */
    const char *section;     /* the current heading's phrase name */
    char *directives[CP_ARRAY_LEN(directive_names)];
} render;

static size_t
list_count(const render *r, const char *list)
{
    if (strcmp(list, "facts") == 0)
        return r->c->problem.n_facts;
    if (strcmp(list, "history") == 0)
        return r->c->n_history;
    if (strcmp(list, "products") == 0)
        return r->c->order.n_products;
    if (strcmp(list, "enclosures") == 0)
        return r->in->n_enclosures;
    if (strcmp(list, "answers") == 0)
        return r->c->previous.n_answers;
    return 0;
}

static void
put_date(render *r, cp_buf *b, cp_date d, bool raw)
{
    if (!cp_date_valid(d))
        return;
    if (raw) {
        char iso[11];
        cp_date_format_iso(d, iso);
        cp_buf_puts(b, iso);
    } else {
        char *s = cp_l10n_date(r->l, d);
        cp_buf_puts(b, s);
        free(s);
    }
}

static void
put_amount(render *r, cp_buf *b, const cp_amount *a, bool raw)
{
    if (!a->present)
        return;
    if (raw) {
        cp_buf_printf(b, "%lld", a->minor);
        return;
    }
    char *s = cp_l10n_amount(r->l, a);
    cp_buf_puts(b, s);
    free(s);
}

static void
put_str(cp_buf *b, const char *s)
{
    if (s)
        cp_buf_puts(b, s);
}

/* price x quantity; not present when the price is missing. */
static cp_amount
line_total(const cp_product *p)
{
    cp_amount a = p->price;
    int q = p->quantity > 0 ? p->quantity : 1;
    if (a.present && a.minor <= 0x7fffffffffffffffLL / q)
        a.minor *= q;
    return a;
}

/* The sum of the products' prices, when they share a currency. */
static cp_amount
order_total(const cp_order *o)
{
    cp_amount sum = { 0 };
    for (size_t i = 0; i < o->n_products; i++) {
        cp_amount a = line_total(&o->products[i]);
        if (!a.present)
            return (cp_amount){ 0 };
        if (i == 0) {
            sum = a;
            continue;
        }
        if (strcmp(a.currency, sum.currency) != 0)
            return (cp_amount){ 0 };
        while (a.digits < sum.digits && a.minor < 0x7fffffffffffffffLL / 10)
            a.minor *= 10, a.digits++;
        while (sum.digits < a.digits && sum.minor < 0x7fffffffffffffffLL / 10)
            sum.minor *= 10, sum.digits++;
        sum.minor += a.minor;
    }
    return sum;
}

static void
put_party(cp_buf *b, const cp_party *p, const char *f)
{
    if (strcmp(f, "name") == 0)
        put_str(b, p->name);
    else if (strcmp(f, "department") == 0)
        put_str(b, p->department);
    else if (strcmp(f, "address") == 0)
        put_str(b, p->address);
    else if (strcmp(f, "email") == 0)
        put_str(b, p->email);
    else if (strcmp(f, "phone") == 0)
        put_str(b, p->phone);
}

/* "(Exhibit B)", "(Exhibits B, C)": the exhibits of the documents that t
 * cites, in the letter's language; nothing when none of them is enclosed.
 * record: remember it for the block's links. */
static void
put_cites(render *r, cp_buf *b, const cp_text_item *t, bool record)
{
    cp_buf labels = CP_BUF_INIT;
    cp_block_link *parts = NULL;
    size_t n = 0;
    for (size_t i = 0; i < t->n_cites; i++) {
        const cp_document *d = &r->c->documents[t->cites[i]];
        for (size_t k = 0; k < r->in->n_enclosures; k++) {
            const cp_enclosure *e = &r->in->enclosures[k];
            if (e->doc != d)
                continue;
            if (labels.len)
                cp_buf_puts(&labels, ", ");
            parts = xreallocarray(parts, n + 1, sizeof *parts);
            parts[n++] = (cp_block_link){ labels.len, strlen(e->label), e->first_page };
            cp_buf_puts(&labels, e->label);
        }
    }
    if (n == 0) {
        cp_buf_free(&labels);
        return;
    }
    char *text = cp_l10n_format(r->l, n == 1 ? "cite" : "cite.many", "labels", labels.data,
                                NULL);
    /* The labels' offsets were within the list; the list sits where the
     * phrase has {labels}. */
    const char *at = strstr(text, labels.data);
    size_t shift = at ? (size_t)(at - text) : 0;
    if (n == 1)
        parts[0] = (cp_block_link){ 0, strlen(text), parts[0].page };
    else
        for (size_t i = 0; i < n; i++)
            parts[i].start += shift;
    cp_buf_puts(b, text);
    if (record && at) {
        r->cites = xreallocarray(r->cites, r->n_cites + 1, sizeof *r->cites);
        r->cites[r->n_cites++] = (cite){ text, parts, n };
        text = NULL;
        parts = NULL;
    }
    free(text);
    free(parts);
    cp_buf_free(&labels);
}

/* A field of the current item of `list`; false when the list has no such
 * field. */
static bool
item_value(render *r, const frame *f, const char *name, bool raw, cp_buf *b)
{
    if (!item_field(f->list, name))
        return false;
    if (strcmp(name, "index") == 0) {
        cp_buf_printf(b, "%zu", f->index + 1);
        return true;
    }
    if (strcmp(f->list, "facts") == 0 || strcmp(f->list, "answers") == 0) {
        const cp_text_item *t = strcmp(f->list, "facts") == 0 ? &r->c->problem.facts[f->index]
                                                              : &r->c->previous.answers[f->index];
        if (strcmp(name, "cites") == 0)
            put_cites(r, b, t, false);
        else
            put_str(b, t->text);
    } else if (strcmp(f->list, "history") == 0) {
        const cp_text_item *e = &r->c->history[f->index];
        if (strcmp(name, "date") == 0)
            put_date(r, b, e->date, raw);
        else
            put_str(b, e->text);
    } else if (strcmp(f->list, "products") == 0) {
        const cp_product *p = &r->c->order.products[f->index];
        if (strcmp(name, "description") == 0)
            put_str(b, p->description);
        else if (strcmp(name, "price") == 0)
            put_amount(r, b, &p->price, raw);
        else if (strcmp(name, "quantity") == 0)
            cp_buf_printf(b, "%d", p->quantity > 0 ? p->quantity : 1);
        else {
            cp_amount t = line_total(p);
            put_amount(r, b, &t, raw);
        }
    } else {
        const cp_enclosure *e = &r->in->enclosures[f->index];
        if (strcmp(name, "label") == 0)
            put_str(b, e->label);
        else if (strcmp(name, "title") == 0)
            put_str(b, e->title);
        else if (strcmp(name, "kind") == 0)
            put_str(b, e->kind);
        else if (strcmp(name, "first_page") == 0 && e->first_page > 0)
            cp_buf_printf(b, "%d", e->first_page);
        else if (strcmp(name, "page_count") == 0 && e->page_count > 0)
            cp_buf_printf(b, "%d", e->page_count);
    }
    return true;
}

/* Append the value of `name` (raw: as in the claim file, for comparisons). */
static void
value(render *r, const char *name, bool raw, cp_buf *b)
{
    for (int i = r->n_frames - 1; i >= 0; i--)
        if (item_value(r, &r->frames[i], name, raw, b))
            return;
    const cp_claim *c = r->c;
    if (strncmp(name, "claimant.", 9) == 0) {
        put_party(b, &c->claimant, name + 9);
    } else if (strncmp(name, "recipient.", 10) == 0) {
        put_party(b, &c->recipient, name + 10);
    } else if (strcmp(name, "order.number") == 0) {
        put_str(b, c->order.number);
    } else if (strcmp(name, "order.placed") == 0) {
        put_date(r, b, c->order.placed, raw);
    } else if (strcmp(name, "order.expected") == 0) {
        put_date(r, b, c->order.expected, raw);
    } else if (strcmp(name, "order.delivered") == 0) {
        put_date(r, b, c->order.delivered, raw);
    } else if (strcmp(name, "order.seller") == 0) {
        put_str(b, c->order.seller);
    } else if (strcmp(name, "order.marketplace") == 0) {
        put_str(b, c->order.marketplace);
    } else if (strcmp(name, "order.tracking") == 0) {
        put_str(b, c->order.tracking);
    } else if (strcmp(name, "order.carrier") == 0) {
        put_str(b, c->order.carrier);
    } else if (strcmp(name, "order.total") == 0) {
        cp_amount t = order_total(&c->order);
        put_amount(r, b, &t, raw);
    } else if (strcmp(name, "product") == 0) {
        for (size_t i = 0; i < c->order.n_products; i++) {
            if (i)
                cp_buf_puts(b, "; ");
            put_str(b, c->order.products[i].description);
        }
    } else if (strcmp(name, "problem.summary") == 0) {
        put_str(b, c->problem.summary);
    } else if (strcmp(name, "problem.noticed") == 0) {
        put_date(r, b, c->problem.noticed, raw);
    } else if (strcmp(name, "previous") == 0) {
        if (c->previous.present)
            cp_buf_puts(b, "1");
    } else if (strcmp(name, "previous.ref") == 0) {
        put_str(b, c->previous.ref);
    } else if (strcmp(name, "previous.date") == 0) {
        put_date(r, b, c->previous.date, raw);
    } else if (strcmp(name, "previous.reason") == 0) {
        put_str(b, c->previous.reason);
    } else if (strcmp(name, "previous.outcome") == 0 && c->previous.outcome) {
        /* "rejected" is a word of the claim file: say it in the letter's
         * language when the phrases know it. */
        char *key = xasprintf("outcome.%s", c->previous.outcome);
        const char *v = raw ? NULL : cp_l10n_lookup(r->l, key);
        put_str(b, v ? v : c->previous.outcome);
        free(key);
    } else if (strcmp(name, "resolution") == 0) {
        if (c->resolution.present)
            cp_buf_puts(b, "1");
    } else if (strcmp(name, "resolution.kind") == 0 && c->resolution.present) {
        int k = (int)c->resolution.kind;
        const char *kn = cp_resolution_kind_name((enum cp_resolution_kind)k);
        if (!kn)
            kn = "other";
        if (raw) {
            cp_buf_puts(b, kn);
        } else {
            char *key = xasprintf("resolution.%s", kn);
            put_str(b, cp_l10n_get(r->l, key));
            free(key);
        }
    } else if (strcmp(name, "resolution.amount") == 0) {
        put_amount(r, b, &c->resolution.amount, raw);
    } else if (strcmp(name, "resolution.text") == 0) {
        put_str(b, c->resolution.text);
    } else if (strcmp(name, "date") == 0) {
        put_date(r, b, c->date, raw);
    } else if (strcmp(name, "deadline") == 0) {
        put_date(r, b, r->deadline, raw);
    } else if (strcmp(name, "jurisdiction") == 0) {
        put_str(b, c->jurisdiction);
    } else if (strcmp(name, "law") == 0) {
        put_str(b, r->law);
    } else if (strcmp(name, "type") == 0) {
        put_str(b, cp_claim_type_name(c->type));
    } else if (strcmp(name, "lang") == 0) {
        put_str(b, cp_l10n_lang_code(cp_l10n_lang(r->l)));
    } else {
        const field *f = root_field(name);
        if (f && f->use == F_LIST && list_count(r, name) > 0)
            cp_buf_puts(b, "1");
    }
}

static bool
condition(render *r, const node *n)
{
    cp_buf b = CP_BUF_INIT;
    value(r, n->str, n->n_values > 0, &b);
    bool yes;
    if (n->n_values == 0) {
        yes = b.len > 0;
    } else {
        yes = false;
        for (size_t i = 0; i < n->n_values && !yes; i++)
            yes = strcmp(n->values[i], b.data ? b.data : "") == 0;
    }
    cp_buf_free(&b);
    return yes;
}

static void render_inline(render *r, const nodes *ns, cp_buf *b);

static void
render_phrase(render *r, const node *n, cp_buf *b)
{
    const char *v = cp_l10n_lookup(r->l, n->str);
    if (!v) {
        /* A template checked against one language, rendered in another. */
        cp_error(r->diags, CP_INPUT, n->file, n->line, n->col, "unknown phrase '{{@%s}}'",
                 n->str);
        r->errors++;
        return;
    }
    if (!strstr(v, "{{")) {
        cp_buf_puts(b, v);
        return;
    }
    if (r->depth >= INCLUDE_DEPTH_MAX) {
        cp_error(r->diags, CP_INPUT, n->file, n->line, n->col,
                 "phrases nested deeper than %d", INCLUDE_DEPTH_MAX);
        r->errors++;
        return;
    }
    /* Parse it again in the context we are in: the jurisdiction's variant
     * may differ from the phrase checked at load. */
    cp_template tmp = { 0 };
    parser p = { .t = &tmp, .l10n = r->l, .diags = r->diags, .phrase_depth = r->depth };
    for (int i = 0; i < r->n_frames; i++)
        p.lists[p.n_lists++] = r->frames[i].list;
    nodes ns = { NULL, 0, 0 };
    size_t pos = 0;
    if (parse_inline(&p, n->file, n->line, n->col, v, &pos, &ns) != T_NONE || p.errors) {
        r->errors++;
    } else {
        r->depth++;
        render_inline(r, &ns, b);
        r->depth--;
    }
    nodes_free(&ns);
}

/* Whether the letter has grown past LETTER_TEXT_LIMIT with b (the text
 * being made); said once, at the node where it happened. */
static bool
too_long(render *r, const node *n, const cp_buf *b)
{
    if (r->too_long)
        return true;
    if (r->text_total + b->len + (b == &r->para ? 0 : r->para.len) <= LETTER_TEXT_LIMIT)
        return false;
    cp_error(r->diags, CP_INPUT, n->file, n->line, n->col,
             "the letter grows beyond %d MB of text here: do phrases or sections repeat "
             "each other over and over?", LETTER_TEXT_LIMIT >> 20);
    r->errors++;
    r->too_long = true;
    return true;
}

static void
render_inline(render *r, const nodes *ns, cp_buf *b)
{
    for (size_t i = 0; i < ns->n; i++) {
        const node *n = &ns->v[i];
        if (too_long(r, n, b))
            return;
        switch (n->kind) {
        case N_TEXT:
            cp_buf_puts(b, n->str);
            break;
        case N_VAR:
            if (strcmp(n->str, "cites") == 0 && r->n_frames > 0 &&
                item_field(r->frames[r->n_frames - 1].list, "cites")) {
                const frame *f = &r->frames[r->n_frames - 1];
                put_cites(r, b, strcmp(f->list, "facts") == 0 ? &r->c->problem.facts[f->index]
                                                               : &r->c->previous.answers[f->index],
                          true);
            } else {
                value(r, n->str, false, b);
            }
            if (strcmp(n->str, "order.number") == 0)
                r->from |= CP_FROM_ORDER_NUMBER;
            else if (strcmp(n->str, "deadline") == 0)
                r->from |= CP_FROM_DEADLINE;
            break;
        case N_PHRASE:
            render_phrase(r, n, b);
            break;
        case N_IF:
            render_inline(r, condition(r, n) ? &n->body : &n->alt, b);
            break;
        case N_EACH: {
            size_t count = list_count(r, n->str);
            if (r->n_frames >= NESTING_MAX)
                break;
            for (size_t k = 0; k < count; k++) {
                r->frames[r->n_frames++] = (frame){ n->str, k };
                render_inline(r, &n->body, b);
                r->n_frames--;
            }
            break;
        }
        default:
            break;
        }
    }
}

/* Collapse runs of blanks (left by empty placeholders) and trim every line. */
static char *
tidy(const char *s)
{
    cp_buf b = CP_BUF_INIT;
    bool space = false;
    for (; *s; s++) {
        if (*s == ' ' || *s == '\t') {
            space = b.len > 0 && b.data[b.len - 1] != '\n';
            continue;
        }
        if (*s == '\n') {
            space = false;
            cp_buf_putc(&b, '\n');
            continue;
        }
        if (space)
            cp_buf_putc(&b, ' ');
        space = false;
        cp_buf_putc(&b, *s);
    }
    while (b.len && b.data[b.len - 1] == '\n')
        b.data[--b.len] = '\0';
    char *out = cp_buf_detach(&b);
    char *start = out;
    while (*start == '\n')
        start++;
    memmove(out, start, strlen(start) + 1);
    return out;
}

static void
cites_clear(render *r)
{
    for (size_t i = 0; i < r->n_cites; i++) {
        free(r->cites[i].text);
        free(r->cites[i].parts);
    }
    free(r->cites);
    r->cites = NULL;
    r->n_cites = 0;
}

/* The links of the citations rendered into `text` (found in order), with
 * offsets into text. */
static void
block_links(render *r, cp_block *blk)
{
    size_t from = 0;
    for (size_t i = 0; i < r->n_cites; i++) {
        const cite *ct = &r->cites[i];
        const char *at = strstr(blk->text + from, ct->text);
        if (!at)
            continue;
        size_t base = (size_t)(at - blk->text);
        for (size_t k = 0; k < ct->n_parts; k++) {
            if (ct->parts[k].page <= 0)
                continue;
            blk->links = xreallocarray(blk->links, blk->n_links + 1, sizeof *blk->links);
            blk->links[blk->n_links++] = (cp_block_link){ base + ct->parts[k].start,
                                                          ct->parts[k].len, ct->parts[k].page };
        }
        from = base + strlen(ct->text);
    }
    cites_clear(r);
}

static void
add_block(render *r, enum cp_block_kind kind, char *label, char *text, int level)
{
    if (r->n_blocks == r->cap_blocks) {
        r->cap_blocks = r->cap_blocks ? r->cap_blocks * 2 : 32;
        r->blocks = xreallocarray(r->blocks, r->cap_blocks, sizeof *r->blocks);
    }
    /* Inside {{#each enclosures}} the block names an exhibit: the letter
     * links it to the exhibit's first page. */
    int link = 0;
    unsigned from = r->from;
    r->from = 0;
    for (size_t i = r->n_frames; i > 0; i--) {
        if (strcmp(r->frames[i - 1].list, "enclosures") == 0) {
            link = r->in->enclosures[r->frames[i - 1].index].first_page;
            from |= CP_FROM_ENCLOSURE;
            break;
        }
        if (strcmp(r->frames[i - 1].list, "facts") == 0)
            from |= CP_FROM_FACT;
    }
    r->text_total += strlen(text) + (label ? strlen(label) : 0);
    r->blocks[r->n_blocks++] = (cp_block){ kind, label, text, level, link, NULL, 0,
                                           xstrdup(r->section ? r->section : ""), from };
    block_links(r, &r->blocks[r->n_blocks - 1]);
}

static void
flush_paragraph(render *r)
{
    if (!r->para.len)
        return;
    char *text = tidy(r->para.data);
    cp_buf_free(&r->para);
    if (*text)
        add_block(r, CP_BLOCK_PARAGRAPH, NULL, text, 0);
    else
        free(text);
}

static void
render_blocks(render *r, const nodes *ns)
{
    for (size_t i = 0; i < ns->n; i++) {
        const node *n = &ns->v[i];
        if (too_long(r, n, &r->para))
            return;
        switch (n->kind) {
        case N_BLANK:
            flush_paragraph(r);
            break;
        case N_IF:
            render_blocks(r, condition(r, n) ? &n->body : &n->alt);
            break;
        case N_EACH: {
            size_t count = list_count(r, n->str);
            if (r->n_frames >= NESTING_MAX)
                break;
            for (size_t k = 0; k < count; k++) {
                r->frames[r->n_frames++] = (frame){ n->str, k };
                render_blocks(r, &n->body);
                r->n_frames--;
            }
            break;
        }
        case N_DIRECTIVE: {
            cp_buf b = CP_BUF_INIT;
            unsigned from = r->from;
            render_inline(r, &n->body, &b);
            r->from = from;   /* the subject is not part of the body */
            free(r->directives[n->what]);
            r->directives[n->what] = tidy(b.data ? b.data : "");
            cp_buf_free(&b);
            cites_clear(r);
            break;
        }
        case N_LINE: {
            cp_buf b = CP_BUF_INIT;
            /* What came before ends here, so that the citations this line
             * renders are this line's. */
            if (n->what != CP_BLOCK_PARAGRAPH)
                flush_paragraph(r);
            render_inline(r, &n->body, &b);
            if (n->what == CP_BLOCK_PARAGRAPH) {
                char *t = tidy(b.data ? b.data : "");
                if (*t) {
                    if (r->para.len)
                        cp_buf_putc(&r->para, ' ');
                    cp_buf_puts(&r->para, t);
                }
                free(t);
                cp_buf_free(&b);
                break;
            }
            if (n->what == CP_BLOCK_HEADING)
                r->section = n->body.n > 0 && n->body.v[0].kind == N_PHRASE &&
                                     strncmp(n->body.v[0].str, "heading.", 8) == 0
                                 ? n->body.v[0].str + 8
                                 : "";
            char *text = tidy(b.data ? b.data : "");
            cp_buf_free(&b);
            char *label = NULL;
            if (n->what == CP_BLOCK_FIELD) {
                render_inline(r, &n->label, &b);
                label = tidy(b.data ? b.data : "");
                cp_buf_free(&b);
            }
            /* An empty line of markup (its data absent) is left out. */
            if (n->what != CP_BLOCK_GAP && !*text) {
                free(text);
                free(label);
                cites_clear(r);
                r->from = 0;
                break;
            }
            add_block(r, (enum cp_block_kind)n->what, label, text, n->level);
            break;
        }
        default:
            break;
        }
    }
}

int
cp_template_render(cp_letter **out, const cp_template *t, const cp_letter_input *in,
                   cp_diags *diags)
{
    *out = NULL;
    render r = { .in = in, .c = in->claim, .l = in->l10n, .diags = diags };
    r.law = cp_law_code(in->claim->jurisdiction);
    r.deadline = cp_date_valid(in->deadline) ? in->deadline
                 : cp_date_valid(in->claim->date) ? cp_date_add_days(in->claim->date, 14)
                                                  : in->deadline;
    render_blocks(&r, &t->root);
    flush_paragraph(&r);
    cites_clear(&r);
    free(r.law);
    cp_letter *l = xcalloc(1, sizeof *l);
    l->blocks = r.blocks;
    l->n_blocks = r.n_blocks;
    char **d = r.directives;
    l->subject = d[D_SUBJECT] ? d[D_SUBJECT] : xstrdup("");
    l->salutation = d[D_SALUTATION] ? d[D_SALUTATION] : xstrdup("");
    l->closing = d[D_CLOSING] ? d[D_CLOSING] : xstrdup("");
    l->date_line = d[D_DATE] ? d[D_DATE] : cp_l10n_date(in->l10n, in->claim->date);
    if (r.errors) {
        cp_letter_free(l);
        return -1;
    }
    *out = l;
    return 0;
}

void
cp_letter_free(cp_letter *l)
{
    if (!l)
        return;
    for (size_t i = 0; i < l->n_blocks; i++) {
        free(l->blocks[i].label);
        free(l->blocks[i].text);
        free(l->blocks[i].links);
        free(l->blocks[i].section);
    }
    free(l->blocks);
    free(l->subject);
    free(l->salutation);
    free(l->closing);
    free(l->date_line);
    free(l);
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
