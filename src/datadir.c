/* datadir.c: where built-in templates, fonts, schema and rules are found
 * (claimpack(1), FILES), and where the user's own configuration lives. */
#include "config.h"
#include "claimpack/claimpack.h"
#include "util.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* The directory holding the running executable, or NULL. */
static char *
exe_dir(void)
{
    char buf[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
    if (n <= 0)
        return NULL;
    buf[n] = '\0';
    return cp_path_dir(buf);
}

static const char *
data_root(void)
{
    static char *root;
    if (root)
        return root;
    const char *env = getenv("CLAIMPACK_DATADIR");
    if (env && *env) {
        root = xstrdup(env);
        return root;
    }
    char *dir = exe_dir();
    if (dir) {
        /* Running from the build tree: the data is in the source tree. Test
         * programs live one level below the build root. */
        char *parent = cp_path_join(dir, "..");
        const char *cands[] = { dir, parent };
        for (size_t i = 0; i < CP_ARRAY_LEN(cands) && !root; i++) {
            char *real = realpath(cands[i], NULL);
            if (real && strcmp(real, CP_BUILDDIR) == 0)
                root = xstrdup(CP_SRCDIR);
            free(real);
        }
        free(parent);
        free(dir);
        if (root)
            return root;
    }
    root = xstrdup(CP_PKGDATADIR);
    return root;
}

char *
cp_data_path(const char *relative)
{
    return cp_path_join(data_root(), relative);
}

char *
cp_config_path(const char *relative)
{
    const char *xdg = getenv("XDG_CONFIG_HOME");
    char *base;
    if (xdg && *xdg && xdg[0] == '/')
        base = xasprintf("%s/claimpack", xdg);
    else {
        const char *home = getenv("HOME");
        base = xasprintf("%s/.config/claimpack", home && *home ? home : ".");
    }
    char *p = relative && *relative ? cp_path_join(base, relative) : xstrdup(base);
    free(base);
    return p;
}
