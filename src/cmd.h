/* The subcommands, one file each (cmd-*.c). Each takes the arguments after
 * its name (argv[0] is the command name) and returns the exit status. */
#ifndef CP_CMD_H
#define CP_CMD_H

#include <stdio.h>

int cmd_build(int argc, char **argv);
int cmd_check(int argc, char **argv);
int cmd_init(int argc, char **argv);
int cmd_templates(int argc, char **argv);
int cmd_channels(int argc, char **argv);

/* Print "claimpack: MESSAGE" and the usage hint to stderr; returns 2. */
int cmd_usage_error(const char *command, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* The claim's language/verbosity as chosen on the command line. */
extern int cmd_verbosity;   /* -1 quiet, 0 normal, 1 verbose */

#endif
