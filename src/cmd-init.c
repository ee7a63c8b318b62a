/* cmd-init.c: claimpack init [--type TYPE] [--lang CODE] [-o FILE].
 *
 * The skeletons are data: data/init/<lang>.xml, one per language, with the
 * parts that belong to some types only between marker lines
 *     <!--@if TYPE TYPE ...-->   ...   <!--@end-->
 * and {{type}} / {{lang}} replaced.
 *
 * A person at a terminal is asked questions instead (wizard.c): when
 * standard input and standard error are terminals and the claim goes to a
 * file (-o FILE, or no -o while standard output is a terminal too; then the
 * file name is asked). Redirected input, redirected output without -o, or
 * -o - give the skeleton exactly as before, so scripts see no change. The
 * wizard writes nothing until the last answer: end of input exits 1 and
 * Ctrl-C dies of SIGINT, both saying that nothing was written. */
#include "config.h"
#include "cmd.h"
#include "claimpack/claimpack.h"
#include "output.h"
#include "util.h"
#include "wizard.h"

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define SKELETON_LIMIT (256 * 1024)

/* If the marker line `line` (len bytes) opens a block, its type list (a
 * pointer into line, *n bytes); else NULL. */
static const char *
marker_if(const char *line, size_t len, size_t *n)
{
    while (len && (*line == ' ' || *line == '\t'))
        line++, len--;
    while (len && (line[len - 1] == ' ' || line[len - 1] == '\t' || line[len - 1] == '\r'))
        len--;
    static const char open[] = "<!--@if ", close[] = "-->";
    if (len < sizeof open - 1 + sizeof close - 1 || strncmp(line, open, sizeof open - 1) != 0 ||
        strncmp(line + len - (sizeof close - 1), close, sizeof close - 1) != 0)
        return NULL;
    *n = len - (sizeof open - 1) - (sizeof close - 1);
    return line + sizeof open - 1;
}

static bool
marker_end(const char *line, size_t len)
{
    while (len && (*line == ' ' || *line == '\t'))
        line++, len--;
    while (len && (line[len - 1] == ' ' || line[len - 1] == '\t' || line[len - 1] == '\r'))
        len--;
    return len == 11 && strncmp(line, "<!--@end-->", 11) == 0;
}

static bool
type_listed(const char *list, size_t n, const char *type)
{
    size_t tl = strlen(type);
    for (size_t i = 0; i < n;) {
        while (i < n && list[i] == ' ')
            i++;
        size_t s = i;
        while (i < n && list[i] != ' ')
            i++;
        if (i - s == tl && strncmp(list + s, type, tl) == 0)
            return true;
    }
    return false;
}

static void
put_expanded(cp_buf *b, const char *line, size_t len, const char *type, const char *lang)
{
    for (size_t i = 0; i < len;) {
        if (len - i >= 8 && strncmp(line + i, "{{type}}", 8) == 0) {
            cp_buf_puts(b, type);
            i += 8;
        } else if (len - i >= 8 && strncmp(line + i, "{{lang}}", 8) == 0) {
            cp_buf_puts(b, lang);
            i += 8;
        } else {
            cp_buf_putc(b, line[i++]);
        }
    }
}

/* The skeleton of `type` from the language's data file into *out. */
static int
skeleton_render(char **out, const char *path, const char *type, const char *lang,
                cp_diags *diags)
{
    char *src = NULL;
    size_t len = 0;
    *out = NULL;
    if (cp_read_file(&src, &len, path, SKELETON_LIMIT) < 0) {
        cp_error(diags, CP_INPUT, path, 0, 0, "cannot read the skeleton: %s", strerror(errno));
        return -1;
    }
    cp_buf b = CP_BUF_INIT;
    int lineno = 0, open_line = 0, rc = 0;
    bool in_block = false, keep = true;
    for (const char *p = src; p < src + len;) {
        const char *nl = memchr(p, '\n', (size_t)(src + len - p));
        size_t l = nl ? (size_t)(nl - p) : (size_t)(src + len - p);
        size_t n;
        const char *types;
        lineno++;
        if ((types = marker_if(p, l, &n))) {
            if (in_block) {
                cp_error(diags, CP_INPUT, path, lineno, 0, "@if inside the @if of line %d",
                         open_line);
                rc = -1;
            }
            in_block = true;
            open_line = lineno;
            keep = type_listed(types, n, type);
        } else if (marker_end(p, l)) {
            if (!in_block) {
                cp_error(diags, CP_INPUT, path, lineno, 0, "@end without @if");
                rc = -1;
            }
            in_block = false;
            keep = true;
        } else if (keep) {
            put_expanded(&b, p, l, type, lang);
            cp_buf_putc(&b, '\n');
        }
        p += l + (nl != NULL);
    }
    if (in_block) {
        cp_error(diags, CP_INPUT, path, open_line, 0, "@if without @end");
        rc = -1;
    }
    free(src);
    if (rc < 0) {
        cp_buf_free(&b);
        return -1;
    }
    if (!b.data)
        cp_buf_puts(&b, "");
    *out = cp_buf_detach(&b);
    return 0;
}

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
        { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 },
    };
    const char *type = NULL, *lang = NULL, *output = NULL;
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
        case 'h':
            printf("Usage: claimpack init [--type TYPE] [--lang CODE] [-o FILE]\n"
                   "Write a commented starting claim file (default: standard output).\n"
                   "At a terminal, with -o FILE or without -o, it asks questions instead\n"
                   "and writes a complete claim; -o - or redirected input gives the skeleton.\n");
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

    /* A person at a terminal is asked; anything else (a pipe, a script,
     * -o - on purpose) gets the skeleton exactly as before. stderr, not
     * stdout, must be the terminal: the questions go there, and with -o
     * FILE stdout plays no part. */
    bool to_stdout = output && strcmp(output, "-") == 0;
    if (isatty(STDIN_FILENO) && isatty(STDERR_FILENO) && !to_stdout &&
        (output || isatty(STDOUT_FILENO)))
        return wizard_run(output, type, lang);
    if (!type)
        type = "defective";
    if (!lang)
        lang = "en";

    cp_diags diags = CP_DIAGS_INIT;
    char *rel = xasprintf("data/init/%s.xml", lang);
    char *path = cp_data_path(rel);
    char *text = NULL;
    free(rel);
    if (skeleton_render(&text, path, type, lang, &diags) == 0) {
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
    free(path);
    return status;
}
