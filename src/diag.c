/* diag.c: collecting and printing diagnostics. */
#include "config.h"
#include "claimpack/diag.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

static void
diag_add(cp_diags *d, enum cp_severity sev, enum cp_status status, const char *file,
         int line, int col, const char *fmt, va_list ap)
{
    if (d->count == d->cap) {
        d->cap = d->cap ? d->cap * 2 : 8;
        d->items = xreallocarray(d->items, d->cap, sizeof *d->items);
    }
    cp_diag *x = &d->items[d->count++];
    x->severity = sev;
    x->status = status;
    x->file = file ? xstrdup(file) : NULL;
    x->line = line;
    x->col = col;
    x->message = xvasprintf(fmt, ap);
}

void
cp_error(cp_diags *d, enum cp_status status, const char *file, int line, int col,
         const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    diag_add(d, CP_ERROR, status, file, line, col, fmt, ap);
    va_end(ap);
}

void
cp_warning(cp_diags *d, const char *file, int line, int col, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    diag_add(d, CP_WARNING, CP_OK, file, line, col, fmt, ap);
    va_end(ap);
}

enum cp_status
cp_diags_status(const cp_diags *d)
{
    enum cp_status s = CP_OK;
    for (size_t i = 0; i < d->count; i++)
        if (d->items[i].severity == CP_ERROR && d->items[i].status > s)
            s = d->items[i].status;
    return s;
}

size_t
cp_diags_errors(const cp_diags *d)
{
    size_t n = 0;
    for (size_t i = 0; i < d->count; i++)
        n += d->items[i].severity == CP_ERROR;
    return n;
}

/* Diagnostics about one file in file order; others keep the order found. */
static int
diag_cmp(const void *pa, const void *pb)
{
    const cp_diag *a = pa, *b = pb;
    int fa = a->file != NULL, fb = b->file != NULL;
    if (fa != fb)
        return fb - fa;
    if (fa) {
        int c = strcmp(a->file, b->file);
        if (c)
            return c;
    }
    if (a->line != b->line)
        return a->line < b->line ? -1 : 1;
    if (a->col != b->col)
        return a->col < b->col ? -1 : 1;
    return 0;
}

void
cp_diags_print(cp_diags *d, FILE *fp)
{
    /* A stable sort: insertion, the lists are short. */
    for (size_t i = 1; i < d->count; i++) {
        cp_diag x = d->items[i];
        size_t j = i;
        while (j > 0 && diag_cmp(&d->items[j - 1], &x) > 0) {
            d->items[j] = d->items[j - 1];
            j--;
        }
        d->items[j] = x;
    }
    for (size_t i = 0; i < d->count; i++) {
        const cp_diag *x = &d->items[i];
        const char *sev = x->severity == CP_ERROR ? "error" : "warning";
        if (x->file && x->line > 0)
            fprintf(fp, "%s:%d:%d: %s: %s\n", x->file, x->line, x->col, sev, x->message);
        else if (x->file)
            fprintf(fp, "%s: %s: %s\n", x->file, sev, x->message);
        else
            fprintf(fp, "claimpack: %s: %s\n", sev, x->message);
    }
}

void
cp_diags_free(cp_diags *d)
{
    for (size_t i = 0; i < d->count; i++) {
        free(d->items[i].file);
        free(d->items[i].message);
    }
    free(d->items);
    d->items = NULL;
    d->count = d->cap = 0;
}
