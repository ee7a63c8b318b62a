/* cmd-templates.c: claimpack templates (being written) */
#include "config.h"
#include "cmd.h"
int cmd_templates(int argc, char **argv) { (void)argc; (void)argv; return cmd_usage_error("templates", "'templates' is not written yet"); }
