/* main.c: the command line. A thin layer: it picks the subcommand and leaves
 * the work to the library. */
#include "config.h"
#include "cmd.h"
#include "claimpack/diag.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int cmd_verbosity;

static const struct command {
    const char *name;
    int (*run)(int, char **);
    const char *summary;
} commands[] = {
    { "build", cmd_build, "build [OPTIONS] CLAIM.xml   write the claim letter and evidence as one PDF" },
    { "check", cmd_check, "check [--json] CLAIM.xml    validate the claim and show the checklist" },
    { "init", cmd_init, "init [--type T] [--lang L] [-o FILE]   write a starting claim file\n"
                        "  claimpack init --from CLAIM.xml --type T [-o FILE]   the next letter's claim" },
    { "templates", cmd_templates, "templates                   list the letter templates" },
    { "channels", cmd_channels, "channels [--lang CODE]      list where claims go and what each takes" },
};

static void
usage(FILE *fp)
{
    fprintf(fp, "Usage: claimpack COMMAND [OPTIONS] ...\n\n");
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        fprintf(fp, "  claimpack %s\n", commands[i].summary);
    fprintf(fp,
            "\nbuild options:\n"
            "  -o, --output FILE         output path (\"-\" = standard output)\n"
            "  -t, --template NAME|FILE  letter template\n"
            "  -l, --lang CODE           letter language (en nl fy es de fr)\n"
            "  -p, --paper a4|letter     paper size\n"
            "      --max-size SIZE       make the PDF fit SIZE (e.g. 10M)\n"
            "      --print               postal layout\n"
            "      --stamp PREFIX        page stamp PREFIX-0001 on every page\n"
            "      --text [--max-chars N] the letter as text for a claim form's box\n"
            "      --eml                 a ready e-mail (CLAIM.eml), the PDF attached\n"
            "      --for CHANNEL         what that channel takes, and the steps\n"
            "      --force               build although checklist items are missing\n"
            "  -q, --quiet  -v, --verbose\n"
            "\nExit status: 0 done, 1 claim invalid or incomplete, 2 usage,\n"
            "3 an input file is missing or corrupt, 4 the output could not be written.\n"
            "\n'claimpack COMMAND --help' shows one command's options. The manual:\n"
            "claimpack(1), claimpack-claim(5) (the claim file), claimpack-template(5).\n");
}

int
cmd_usage_error(const char *command, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("claimpack: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    fprintf(stderr, "Try 'claimpack %s%s--help' or 'man claimpack' for more information.\n",
            command ? command : "", command ? " " : "");
    return CP_USAGE;
}

int
main(int argc, char **argv)
{
    if (argc < 2)
        return cmd_usage_error(NULL, "no command given (build, check, init, templates or channels)");
    const char *cmd = argv[1];
    if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0 || strcmp(cmd, "help") == 0) {
        usage(stdout);
        return 0;
    }
    if (strcmp(cmd, "--version") == 0 || strcmp(cmd, "-V") == 0) {
        printf("claimpack %s\n", PACKAGE_VERSION);
        return 0;
    }
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        if (strcmp(cmd, commands[i].name) == 0)
            return commands[i].run(argc - 1, argv + 1);
    if (cmd[0] == '-')
        return cmd_usage_error(NULL, "unknown option '%s'", cmd);
    return cmd_usage_error(NULL, "unknown command '%s' (build, check, init, templates or channels)", cmd);
}
