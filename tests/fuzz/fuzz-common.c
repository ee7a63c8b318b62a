/* tests/fuzz/fuzz-common.c: helpers for the fuzz targets (see fuzz.h). */
#include "config.h"
#include "fuzz.h"
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char *temp_dir;

static void
remove_temp_dir(void)
{
    /* The targets write one file per suffix; remove what is left. */
    static const char *const names[] = { "input", "input.tpl", "input.eml", "input.pdf", "input.xml" };
    for (size_t i = 0; temp_dir && i < CP_ARRAY_LEN(names); i++) {
        char *p = cp_path_join(temp_dir, names[i]);
        unlink(p);
        free(p);
    }
    if (temp_dir)
        rmdir(temp_dir);
    free(temp_dir);
    temp_dir = NULL;
}

void
fuzz_init_datadir(void)
{
    setenv("CLAIMPACK_DATADIR", CP_SRCDIR, 0);
}

const char *
fuzz_temp_file(const uint8_t *data, size_t size, const char *suffix)
{
    static char *path;
    if (temp_dir == NULL) {
        const char *tmp = getenv("TMPDIR");
        char *tmpl = xasprintf("%s/cp-fuzz.XXXXXX", tmp && *tmp ? tmp : "/tmp");
        if (mkdtemp(tmpl) == NULL) {
            perror(tmpl);
            exit(99);
        }
        temp_dir = tmpl;
        atexit(remove_temp_dir);
    }
    free(path);
    char *name = xasprintf("input%s", suffix ? suffix : "");
    path = cp_path_join(temp_dir, name);
    free(name);
    FILE *fp = fopen(path, "wb");
    if (fp == NULL || (size && fwrite(data, 1, size, fp) != size) || fclose(fp) != 0) {
        perror(path);
        exit(99);
    }
    return path;
}
