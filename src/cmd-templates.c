/* cmd-templates.c: claimpack templates -- every letter template (type x
 * language) and where it comes from: the user's copy or the built-in. */
#include "config.h"
#include "cmd.h"
#include "claimpack/template.h"

#include <string.h>

int
cmd_templates(int argc, char **argv)
{
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            printf("Usage: claimpack templates\n"
                   "List the letter templates (TYPE.LANG) and where each comes from:\n"
                   "'user' (a copy in $XDG_CONFIG_HOME/claimpack/templates) or 'built-in'.\n"
                   "See claimpack-template(5).\n");
            return CP_OK;
        }
        if (argv[i][0] == '-')
            return cmd_usage_error("templates", "unknown option '%s'", argv[i]);
        return cmd_usage_error("templates", "'templates' takes no arguments");
    }
    cp_diags diags = CP_DIAGS_INIT;
    int rc = cp_template_list(stdout, &diags);
    if (fflush(stdout) != 0 || rc < 0)
        cp_error(&diags, CP_OUTPUT, NULL, 0, 0, "cannot write the list");
    cp_diags_print(&diags, stderr);
    int status = cp_diags_status(&diags);
    cp_diags_free(&diags);
    return status;
}
