/* cmd-init.c: claimpack init (being written) */
#include "config.h"
#include "cmd.h"
int cmd_init(int argc, char **argv) { (void)argc; (void)argv; return cmd_usage_error("init", "'init' is not written yet"); }
