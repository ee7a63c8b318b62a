/* cmd-check.c: claimpack check (being written) */
#include "config.h"
#include "cmd.h"
int cmd_check(int argc, char **argv) { (void)argc; (void)argv; return cmd_usage_error("check", "'check' is not written yet"); }
