/* cmd-build.c: claimpack build (being written) */
#include "config.h"
#include "cmd.h"
int cmd_build(int argc, char **argv) { (void)argc; (void)argv; return cmd_usage_error("build", "'build' is not written yet"); }
