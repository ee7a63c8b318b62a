/* tests/build-hook.c: cp_build with a shell command run when the build
 * reaches one of its steps, for tests that change an evidence file in the
 * middle of a build without depending on timing (tests/chat.test).
 *
 *   build-hook STEP COMMAND CLAIM OUTPUT [MAX-SIZE]
 *
 * When cp_build's progress callback announces STEP (such as "reading the
 * evidence", after the evidence check), COMMAND runs once through sh -c;
 * the build then goes on. The claim is built with --force, and within
 * MAX-SIZE bytes when given. Diagnostics go to stderr; the exit status is
 * the build's (0, or cp_diags_status), 99 when STEP never came. */
#include "config.h"
#include "claimpack/build.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct hook {
    const char *step, *command;
    int ran;
};

static void
on_progress(void *data, enum cp_build_event event, const char *text)
{
    struct hook *h = data;
    if (event != CP_BUILD_STEP || h->ran || strcmp(text, h->step) != 0)
        return;
    h->ran = 1;
    if (system(h->command) != 0)
        fprintf(stderr, "build-hook: the command failed: %s\n", h->command);
}

int
main(int argc, char **argv)
{
    if (argc != 5 && argc != 6) {
        fprintf(stderr, "usage: build-hook STEP COMMAND CLAIM OUTPUT [MAX-SIZE]\n");
        return 2;
    }
    struct hook h = { argv[1], argv[2], 0 };
    cp_build_opts o;
    cp_build_opts_init(&o);
    o.claim_path = argv[3];
    o.output = argv[4];
    o.force = true;
    o.max_size = argc == 6 ? atoll(argv[5]) : 0;
    o.progress = on_progress;
    o.progress_data = &h;
    cp_diags diags = CP_DIAGS_INIT;
    int rc = cp_build(&o, &diags);
    cp_diags_print(&diags, stderr);
    int status = rc == 0 ? 0 : (int)cp_diags_status(&diags);
    cp_diags_free(&diags);
    if (!h.ran) {
        fprintf(stderr, "build-hook: the build never reached '%s'\n", h.step);
        return 99;
    }
    return status;
}
