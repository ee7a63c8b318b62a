/* skeleton.c: the commented starting claims of `claimpack init`.
 *
 * The skeletons are data: data/init/<lang>.xml, one per language, with the
 * parts that belong to some types only between marker lines
 *     <!--@if TYPE TYPE ...-->   ...   <!--@end-->
 * and {{type}} / {{lang}} replaced. */
#include "config.h"
#include "claimpack/claimpack.h"
#include "claimpack/init.h"
#include "util.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#define SKELETON_LIMIT (256 * 1024)

/* If the marker line `line` (len bytes) opens a block, its type list (a
 * pointer into line, *n bytes); else NULL. */
static const char *
marker_if(const char *line, size_t len, size_t *n)
{
    while (len && (*line == ' ' || *line == '\t'))
        line++, len--;
    while (len && (line[len - 1] == ' ' || line[len - 1] == '\t' || line[len - 1] == '\r'))
        len--;
    static const char open[] = "<!--@if ", close[] = "-->";
    if (len < sizeof open - 1 + sizeof close - 1 || strncmp(line, open, sizeof open - 1) != 0 ||
        strncmp(line + len - (sizeof close - 1), close, sizeof close - 1) != 0)
        return NULL;
    *n = len - (sizeof open - 1) - (sizeof close - 1);
    return line + sizeof open - 1;
}

static bool
marker_end(const char *line, size_t len)
{
    while (len && (*line == ' ' || *line == '\t'))
        line++, len--;
    while (len && (line[len - 1] == ' ' || line[len - 1] == '\t' || line[len - 1] == '\r'))
        len--;
    return len == 11 && strncmp(line, "<!--@end-->", 11) == 0;
}

static bool
type_listed(const char *list, size_t n, const char *type)
{
    size_t tl = strlen(type);
    for (size_t i = 0; i < n;) {
        while (i < n && list[i] == ' ')
            i++;
        size_t s = i;
        while (i < n && list[i] != ' ')
            i++;
        if (i - s == tl && strncmp(list + s, type, tl) == 0)
            return true;
    }
    return false;
}

static void
put_expanded(cp_buf *b, const char *line, size_t len, const char *type, const char *lang)
{
    for (size_t i = 0; i < len;) {
        if (len - i >= 8 && strncmp(line + i, "{{type}}", 8) == 0) {
            cp_buf_puts(b, type);
            i += 8;
        } else if (len - i >= 8 && strncmp(line + i, "{{lang}}", 8) == 0) {
            cp_buf_puts(b, lang);
            i += 8;
        } else {
            cp_buf_putc(b, line[i++]);
        }
    }
}

/* The skeleton of `type` from the language's data file into *out. */
static int
skeleton_render(char **out, const char *path, const char *type, const char *lang,
                cp_diags *diags)
{
    char *src = NULL;
    size_t len = 0;
    *out = NULL;
    if (cp_read_file(&src, &len, path, SKELETON_LIMIT) < 0) {
        cp_error(diags, CP_INPUT, path, 0, 0, "cannot read the skeleton: %s", strerror(errno));
        return -1;
    }
    cp_buf b = CP_BUF_INIT;
    int lineno = 0, open_line = 0, rc = 0;
    bool in_block = false, keep = true;
    for (const char *p = src; p < src + len;) {
        const char *nl = memchr(p, '\n', (size_t)(src + len - p));
        size_t l = nl ? (size_t)(nl - p) : (size_t)(src + len - p);
        size_t n;
        const char *types;
        lineno++;
        if ((types = marker_if(p, l, &n))) {
            if (in_block) {
                cp_error(diags, CP_INPUT, path, lineno, 0, "@if inside the @if of line %d",
                         open_line);
                rc = -1;
            }
            in_block = true;
            open_line = lineno;
            keep = type_listed(types, n, type);
        } else if (marker_end(p, l)) {
            if (!in_block) {
                cp_error(diags, CP_INPUT, path, lineno, 0, "@end without @if");
                rc = -1;
            }
            in_block = false;
            keep = true;
        } else if (keep) {
            put_expanded(&b, p, l, type, lang);
            cp_buf_putc(&b, '\n');
        }
        p += l + (nl != NULL);
    }
    if (in_block) {
        cp_error(diags, CP_INPUT, path, open_line, 0, "@if without @end");
        rc = -1;
    }
    free(src);
    if (rc < 0) {
        cp_buf_free(&b);
        return -1;
    }
    if (!b.data)
        cp_buf_puts(&b, "");
    *out = cp_buf_detach(&b);
    return 0;
}


int
cp_init_skeleton(char **out, enum cp_claim_type type, enum cp_lang lang, cp_diags *diags)
{
    const char *t = cp_claim_type_name(type), *l = cp_lang_name(lang);
    *out = NULL;
    if (!t || !l) {
        cp_error(diags, CP_USAGE, NULL, 0, 0, "no skeleton for this type or language");
        return -1;
    }
    char *rel = xasprintf("data/init/%s.xml", l);
    char *path = cp_data_path(rel);
    int rc = skeleton_render(out, path, t, l, diags);
    free(rel);
    free(path);
    return rc;
}
