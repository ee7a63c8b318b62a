/* cmd-init.c: claimpack init [--type TYPE] [--lang CODE] [-o FILE], and
 * claimpack init --from CLAIM.xml --type TYPE [-o FILE].
 *
 * The skeleton (skeleton.c) or the next letter's claim (claim-next.c) is
 * written to standard output or, with -o FILE, to a new file: an existing
 * one is never replaced.
 *
 * A person at a terminal is asked questions instead (wizard.c): when
 * standard input and standard error are terminals and the claim goes to a
 * file (-o FILE, or no -o while standard output is a terminal too; then the
 * file name is asked). Redirected input, redirected output without -o, or
 * -o - give the skeleton exactly as before, so scripts see no change. The
 * wizard writes nothing until the last answer: end of input exits 1 and
 * Ctrl-C dies of SIGINT, both saying that nothing was written. --from
 * never asks: everything it needs is in the earlier claim. */
#include "config.h"
#include "cmd.h"
#include "claimpack/claimpack.h"
#include "claimpack/init.h"
#include "output.h"
#include "util.h"
#include "wizard.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void
list_types(cp_buf *b)
{
    for (int t = 0; t < CP_TYPE__COUNT; t++)
        cp_buf_printf(b, "%s%s", t ? ", " : "", cp_claim_type_name((enum cp_claim_type)t));
}

static void
list_langs(cp_buf *b)
{
    for (int l = 0; l < CP_LANG__COUNT; l++)
        cp_buf_printf(b, "%s%s", l ? ", " : "", cp_lang_name((enum cp_lang)l));
}

int
cmd_init(int argc, char **argv)
{
    static const struct option longopts[] = {
        { "type", required_argument, NULL, 't' },
        { "lang", required_argument, NULL, 'l' },
        { "output", required_argument, NULL, 'o' },
        { "from", required_argument, NULL, 'f' },
        { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 },
    };
    const char *type = NULL, *lang = NULL, *output = NULL, *from = NULL;
    int ch;
    optind = 1;
    opterr = 0;
    while ((ch = getopt_long(argc, argv, ":t:l:o:h", longopts, NULL)) != -1) {
        switch (ch) {
        case 't':
            type = optarg;
            break;
        case 'l':
            lang = optarg;
            break;
        case 'o':
            output = optarg;
            break;
        case 'f':
            from = optarg;
            break;
        case 'h':
            printf("Usage: claimpack init [--type TYPE] [--lang CODE] [-o FILE]\n"
                   "       claimpack init --from CLAIM.xml --type TYPE [-o FILE]\n"
                   "Write a commented starting claim file (default: standard output).\n"
                   "At a terminal, with -o FILE or without -o, it asks questions instead\n"
                   "and writes a complete claim; -o - or redirected input gives the skeleton.\n"
                   "--from writes the next letter's claim from an earlier one: everything\n"
                   "carried over, the earlier letter as <previous-claim>.\n");
            return CP_OK;
        case ':':
            return cmd_usage_error("init", "init: option '%s' needs a value", argv[optind - 1]);
        default:
            if (optopt)
                return cmd_usage_error("init", "init: unknown option '-%c'", optopt);
            return cmd_usage_error("init", "init: unknown option '%s'", argv[optind - 1]);
        }
    }
    if (optind < argc)
        return cmd_usage_error("init", "init: unexpected argument '%s'", argv[optind]);
    if (type && cp_claim_type_from_name(type) < 0) {
        cp_buf b = CP_BUF_INIT;
        list_types(&b);
        int rc = cmd_usage_error("init", "init: unknown type '%s' (valid: %s)", type, b.data);
        cp_buf_free(&b);
        return rc;
    }
    if (lang && cp_lang_from_name(lang) < 0) {
        cp_buf b = CP_BUF_INIT;
        list_langs(&b);
        int rc = cmd_usage_error("init", "init: unknown language '%s' (valid: %s)", lang, b.data);
        cp_buf_free(&b);
        return rc;
    }

    if (from && !type) {
        cp_buf b = CP_BUF_INIT;
        list_types(&b);
        int rc = cmd_usage_error("init", "init: --from needs --type, the next letter's type (%s)",
                                 b.data);
        cp_buf_free(&b);
        return rc;
    }
    if (from && lang)
        return cmd_usage_error("init", "init: --from keeps the language of '%s'; leave out --lang",
                               from);

    /* A person at a terminal is asked; anything else (a pipe, a script,
     * -o - on purpose) gets the skeleton exactly as before. stderr, not
     * stdout, must be the terminal: the questions go there, and with -o
     * FILE stdout plays no part. */
    bool to_stdout = output && strcmp(output, "-") == 0;
    if (!from && isatty(STDIN_FILENO) && isatty(STDERR_FILENO) && !to_stdout &&
        (output || isatty(STDOUT_FILENO)))
        return wizard_run(output, type, lang);

    cp_diags diags = CP_DIAGS_INIT;
    char *text = NULL;
    enum cp_claim_type t = (enum cp_claim_type)(type ? cp_claim_type_from_name(type) : CP_TYPE_DEFECTIVE);
    int rc = from ? cp_init_from(&text, from, t, &diags)
                  : cp_init_skeleton(&text, t, (enum cp_lang)(lang ? cp_lang_from_name(lang) : CP_LANG_EN),
                                     &diags);
    if (rc == 0) {
        if (!output || strcmp(output, "-") == 0) {
            if (fputs(text, stdout) == EOF || fflush(stdout) != 0)
                cp_error(&diags, CP_OUTPUT, NULL, 0, 0, "cannot write to standard output");
        } else {
            cp_output_write_new(output, text, strlen(text), &diags);
        }
    }
    int status = (int)cp_diags_status(&diags);
    cp_diags_print(&diags, stderr);
    cp_diags_free(&diags);
    free(text);
    return status;
}
