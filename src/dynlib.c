/* dynlib.c: a library opened with dlopen on first use (dynlib.h). */
#include "config.h"
#include "dynlib.h"
#include "util.h"

#include <dlfcn.h>

char *
cp_dl_open(const char *soname, const cp_dl_fn *fns, size_t n)
{
    /* RTLD_LOCAL: its symbols serve the table only, never interpose. */
    void *h = dlopen(soname, RTLD_NOW | RTLD_LOCAL);
    for (size_t i = 0; h && i < n; i++)
        if ((*fns[i].slot = dlsym(h, fns[i].name)) == NULL)
            h = NULL;
    if (h)
        return NULL;
    const char *e = dlerror();
    return xstrdup(e ? e : soname);
}
