/* template-parse.c: reading a template (claimpack-template(5)) and what
 * it includes into the tree of template-int.h, checking every placeholder,
 * section and phrase as it goes, so that rendering meets no surprise but a
 * phrase of another language. */
#include "config.h"
#include "claimpack/claimpack.h"
#include "claimpack/template.h"
#include "law.h"
#include "template-int.h"
#include "util.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define TEMPLATE_FILE_LIMIT (1024 * 1024)
/* What a template may grow to: its files as included (a fragment included
 * ten times in a fragment included ten times ... is read each time). The
 * letter's text has its own limit (template-render.c). */
#define TEMPLATE_TOTAL_LIMIT (4 * 1024 * 1024)
/* Phrases within phrases are checked where they are used, each time: ten
 * phrases of ten phrases, eight deep, would be checked 10^8 times. The
 * built-in templates check a few hundred. */
#define PHRASE_CHECKS_MAX 100000
#define ERRORS_MAX 20            /* diagnostics reported per template */

static const char *const directive_names[D__COUNT] = { "subject", "salutation", "closing",
                                                      "date" };

typedef struct parser {
    cp_template *t;
    const cp_l10n *l10n;     /* phrases are checked against it */
    const char *law;         /* {{> law}} of this jurisdiction only; NULL: every one */
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

/* Is `name` usable here as a value (for_if: in a condition)? The name to
 * keep in the tree: an item's field as written, a field of the claim or
 * the letter by its name in claim-fields.c (an alias becomes the name);
 * NULL, with a complaint, when it is not usable. */
static const char *
check_name(parser *p, const char *file, int line, int col, const char *name, bool for_if)
{
    for (int i = p->n_lists - 1; i >= 0; i--)
        if (item_field(p->lists[i], name))
            return name;
    const cp_field *f = root_field(name);
    if (!f) {
        perr(p, file, line, col, "unknown placeholder '{{%s}}'", name);
        return NULL;
    }
    if (!value_field(f) && !for_if) {
        perr(p, file, line, col, "'%s' can only be tested with '{{#if %s}}'", name, name);
        return NULL;
    }
    return f->name;
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
    const char *kept = NULL;
    bool ok = valid_name(path);
    if (!ok)
        perr(p, n->file, n->line, n->col, "bad condition '{{#if %s}}'", arg);
    else
        ok = (kept = check_name(p, n->file, n->line, n->col, path, true)) != NULL;
    if (ok && eq) {
        const cp_field *f = root_field(kept);
        if (f && !value_field(f)) {
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
    n->str = xstrdup(kept ? kept : path);
    free(copy);
    return ok;
}

/* Is `name` a list? Sets n->str to the list's name in claim-fields.c. */
static bool
known_list(parser *p, node *n, const char *name)
{
    const cp_field *f = root_field(name);
    n->str = xstrdup(f ? f->name : name);
    if (!f || f->kind != CP_FIELD_LIST) {
        perr(p, n->file, n->line, n->col, "unknown list '{{#each %s}}'", name);
        return false;
    }
    for (int i = 0; i < p->n_lists; i++)
        if (strcmp(p->lists[i], f->name) == 0) {
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
        case T_VAR: {
            const char *kept = check_name(p, file, line, col, arg, false);
            if (kept) {
                node *n = nodes_add(out, N_VAR, file, line, col);
                n->str = xstrdup(kept);
            }
            break;
        }
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
static int parse_law(parser *p, const char *part, nodes *out);

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
            if (strcmp(name, "law") == 0 || strncmp(name, "law ", 4) == 0) {
                /* Not a file: data/law/'s paragraphs (law.h), those of a
                 * part with "law PART". */
                int rc = parse_law(p, name[3] ? name + 4 : NULL, out);
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

/* {{> law}}, {{> law PART}}: every jurisdiction's legal paragraphs (of
 * that part, data/law/index.xml) in the letter's language (or only those
 * of the law the letter is written under, p->law), each inside "if law =
 * CODE" and "if basis = TYPES" (the letter's type, for an appeal or a
 * reminder the problem's), so the claim decides at rendering and every
 * paragraph read is checked now. */
static int
parse_law(parser *p, const char *part, nodes *out)
{
    cp_law_text *texts;
    size_t n;
    if (cp_law_texts(&texts, &n, cp_l10n_lang_code(p->t->lang), part, p->law, p->diags) < 0) {
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
        cond = xasprintf("basis = %s", texts[i].types);
        parse_condition(p, type, cond);
        free(cond);
        p->depth++;
        rc = parse_text(p, file, texts[i].text, texts[i].line, &out->v[idx].body.v[0].body);
        p->depth--;
    }
    cp_law_texts_free(texts, n);
    return rc;
}

int
template_parse(cp_template *t, const char *path, const cp_l10n *l10n, const char *law,
               cp_diags *diags)
{
    parser p = { .t = t, .l10n = l10n, .law = law, .diags = diags };
    int rc = parse_file(&p, path, &t->root, NULL, 0, 0, NULL);
    return rc < 0 || p.errors ? -1 : 0;
}

int
template_parse_phrase(nodes *out, const char *v, const char *file, int line, int col,
                      const cp_l10n *l10n, const char *const *lists, int n_lists, int depth,
                      cp_diags *diags)
{
    cp_template tmp = { 0 };
    parser p = { .t = &tmp, .l10n = l10n, .diags = diags, .phrase_depth = depth };
    for (int i = 0; i < n_lists; i++)
        p.lists[p.n_lists++] = lists[i];
    size_t pos = 0;
    return parse_inline(&p, file, line, col, v, &pos, out) != T_NONE || p.errors ? -1 : 0;
}
