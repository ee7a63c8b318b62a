/* cmd-build.c: claimpack build: the options into a cp_build_opts, the
 * progress display, and the diagnostics. The pipeline is cp_build (build.c). */
#include "config.h"
#include "cmd.h"
#include "claimpack/build.h"
#include "claimpack/claim.h"
#include "letter.h"

#include <ctype.h>
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum { OPT_MAX_SIZE = 256, OPT_PRINT, OPT_STAMP, OPT_FORCE, OPT_KEEP_METADATA, OPT_TEXT,
       OPT_MAX_CHARS, OPT_FOR, OPT_EML, OPT_SPLIT, OPT_ISSUER_LETTER, OPT_HELP };

static const struct option long_opts[] = {
    { "output", required_argument, NULL, 'o' },
    { "template", required_argument, NULL, 't' },
    { "lang", required_argument, NULL, 'l' },
    { "paper", required_argument, NULL, 'p' },
    { "max-size", required_argument, NULL, OPT_MAX_SIZE },
    { "print", no_argument, NULL, OPT_PRINT },
    { "stamp", required_argument, NULL, OPT_STAMP },
    { "force", no_argument, NULL, OPT_FORCE },
    { "keep-metadata", no_argument, NULL, OPT_KEEP_METADATA },
    { "text", no_argument, NULL, OPT_TEXT },
    { "max-chars", required_argument, NULL, OPT_MAX_CHARS },
    { "for", required_argument, NULL, OPT_FOR },
    { "eml", no_argument, NULL, OPT_EML },
    { "split", required_argument, NULL, OPT_SPLIT },
    { "issuer-letter", no_argument, NULL, OPT_ISSUER_LETTER },
    { "quiet", no_argument, NULL, 'q' },
    { "verbose", no_argument, NULL, 'v' },
    { "help", no_argument, NULL, OPT_HELP },
    { NULL, 0, NULL, 0 }
};

/* "10M", "512K", "2G", "1000000": bytes, or -1. */
static long long
parse_size(const char *s)
{
    char *end;
    errno = 0;
    if (!isdigit((unsigned char)s[0]))
        return -1;
    unsigned long long v = strtoull(s, &end, 10);
    if (errno || v == 0)
        return -1;
    unsigned long long mul = 1;
    if (*end) {
        switch (toupper((unsigned char)*end)) {
        case 'K': mul = 1ULL << 10; break;
        case 'M': mul = 1ULL << 20; break;
        case 'G': mul = 1ULL << 30; break;
        default: return -1;
        }
        end++;
        if (toupper((unsigned char)*end) == 'B' || toupper((unsigned char)*end) == 'I') {
            if (toupper((unsigned char)*end) == 'I' && toupper((unsigned char)end[1]) == 'B')
                end++;
            end++;
        }
        if (*end)
            return -1;
    }
    if (v > (1ULL << 50) / mul)
        return -1;
    return (long long)(v * mul);
}

static bool
stamp_ok(const char *s)
{
    if (s[0] == '\0' || strlen(s) > 32)
        return false;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        if (*p < 0x20 || *p == 0x7F)
            return false;
    return true;
}

static int
parse_args(cp_build_opts *o, int argc, char **argv)
{
    cp_build_opts_init(o);
    optind = 1;
    opterr = 0;
    int ch;
    while ((ch = getopt_long(argc, argv, ":o:t:l:p:qv", long_opts, NULL)) != -1) {
        switch (ch) {
        case 'o':
            if (optarg[0] == '\0')
                return cmd_usage_error("build", "--output needs a file name");
            o->output = optarg;
            break;
        case 't':
            if (optarg[0] == '\0')
                return cmd_usage_error("build", "--template needs a name or a file");
            o->template_name = optarg;
            break;
        case 'l':
            o->lang = cp_lang_from_name(optarg);
            if (o->lang < 0)
                return cmd_usage_error("build", "unknown language '%s' (en nl fy es de fr)", optarg);
            break;
        case 'p':
            o->paper = cp_paper_from_name(optarg);
            if (o->paper < 0)
                return cmd_usage_error("build", "unknown paper '%s' (a4 or letter)", optarg);
            break;
        case OPT_MAX_SIZE:
            o->max_size = parse_size(optarg);
            if (o->max_size < 0)
                return cmd_usage_error("build", "invalid size '%s' (e.g. 10M, 500K)", optarg);
            break;
        case OPT_SPLIT:
            o->split_size = parse_size(optarg);
            if (o->split_size <= 0)
                return cmd_usage_error("build", "invalid size '%s' (e.g. 10M, 500K)", optarg);
            break;
        case OPT_PRINT:
            o->print = true;
            break;
        case OPT_STAMP:
            if (!stamp_ok(optarg))
                return cmd_usage_error("build", "invalid stamp prefix '%s' (1-32 printable characters)",
                                       optarg);
            o->stamp = optarg;
            break;
        case OPT_FORCE:
            o->force = true;
            break;
        case OPT_KEEP_METADATA:
            o->keep_metadata = true;
            break;
        case OPT_TEXT:
            o->text = true;
            break;
        case OPT_MAX_CHARS: {
            char *end = NULL;
            errno = 0;
            unsigned long v = isdigit((unsigned char)optarg[0]) ? strtoul(optarg, &end, 10) : 0;
            if (v == 0 || errno || *end || v > 1000000)
                return cmd_usage_error("build", "invalid --max-chars '%s' (a number of characters, "
                                       "1 to 1000000)", optarg);
            o->max_chars = v;
            break;
        }
        case OPT_FOR:
            if (optarg[0] == '\0')
                return cmd_usage_error("build", "--for needs a channel (see claimpack channels)");
            o->channel = optarg;
            break;
        case OPT_EML:
            o->eml = true;
            break;
        case OPT_ISSUER_LETTER:
            o->issuer_letter = true;
            break;
        case 'q':
            cmd_verbosity = -1;
            break;
        case 'v':
            cmd_verbosity = 1;
            break;
        case OPT_HELP:
            printf("Usage: claimpack build [OPTIONS] CLAIM.xml\n"
                   "  -o, --output FILE   -t, --template NAME|FILE   -l, --lang CODE\n"
                   "  -p, --paper a4|letter   --max-size SIZE   --print   --stamp PREFIX\n"
                   "  --split SIZE   --text [--max-chars N]   --eml   --for CHANNEL   --issuer-letter\n"
                   "  --force   --keep-metadata\n"
                   "  -q, --quiet   -v, --verbose\n"
                   "See claimpack(1).\n");
            return -1;
        case ':':
            return cmd_usage_error("build", "option '%s' needs an argument", argv[optind - 1]);
        default:
            return cmd_usage_error("build", "unknown option '%s'", argv[optind - 1]);
        }
    }
    if (o->max_chars && !o->text && !o->channel)
        return cmd_usage_error("build", "--max-chars goes with --text or --for");
    if (o->eml && o->text)
        return cmd_usage_error("build", "--eml holds the text and the PDF: leave out --text");
    if (o->eml && o->channel)
        return cmd_usage_error("build", "--for chooses what is written (--for email writes the "
                               "e-mail): leave out --eml");
    if (o->channel && o->text)
        return cmd_usage_error("build", "--for writes what the channel takes, the text among it: "
                               "leave out --text");
    if (o->channel && o->output && strcmp(o->output, "-") == 0)
        return cmd_usage_error("build", "--for writes several files: give -o a file name, "
                               "not '-'");
    if (o->issuer_letter && (o->eml || o->channel))
        return cmd_usage_error("build", "--issuer-letter writes the letter and the notice to "
                               "the card issuer as PDFs or, with --text, as text: leave out %s",
                               o->eml ? "--eml" : "--for");
    if (o->issuer_letter && o->split_size)
        return cmd_usage_error("build", "--issuer-letter writes the letter as one PDF beside "
                               "the notice: leave out --split");
    if (o->issuer_letter && o->output && strcmp(o->output, "-") == 0)
        return cmd_usage_error("build", "--issuer-letter writes two files: give -o a file name, "
                               "not '-'");
    if (o->text && (o->max_size || o->print || o->stamp))
        return cmd_usage_error("build", "--text writes no PDF: --max-size, --print and --stamp "
                               "have no meaning with it");
    if (o->split_size && o->text)
        return cmd_usage_error("build", "--text writes no PDF: --split has no meaning with it");
    if (o->split_size && o->max_size)
        return cmd_usage_error("build", "--max-size makes one PDF, --split several: choose one "
                               "(see claimpack(1))");
    if (o->split_size && o->eml)
        return cmd_usage_error("build", "--eml attaches one PDF: --split goes without it "
                               "(see claimpack(1))");
    if (o->split_size && o->print)
        return cmd_usage_error("build", "--print makes one PDF to print: --split goes without it");
    if (o->split_size && o->output && strcmp(o->output, "-") == 0)
        return cmd_usage_error("build", "--split writes several files: give -o a file name, "
                               "not '-'");
    if (optind >= argc)
        return cmd_usage_error("build", "no claim file given");
    if (optind + 1 < argc)
        return cmd_usage_error("build", "one claim file at a time ('%s' is extra)", argv[optind + 1]);
    o->claim_path = argv[optind];
    return 0;
}

/* A one-line progress display on standard error, only at a terminal and
 * never with --quiet; erased before the diagnostics are printed. */
static void
progress(void *data, enum cp_build_event event, const char *what)
{
    (void)data;
    static int on = -1;
    if (on < 0)
        on = cmd_verbosity >= 0 && isatty(STDERR_FILENO);
    if (event == CP_BUILD_NOTE) {
        if (cmd_verbosity > 0)
            fprintf(stderr, "%sclaimpack: %s\n", on ? "\r\033[K" : "", what);
        return;
    }
    if (!on)
        return;
    if (what)
        fprintf(stderr, "\rclaimpack: %s\033[K", what);
    else
        fputs("\r\033[K", stderr);
    fflush(stderr);
}

int
cmd_build(int argc, char **argv)
{
    cp_build_opts o;
    int r = parse_args(&o, argc, argv);
    if (r != 0)
        return r < 0 ? 0 : r;
    o.progress = progress;
    o.report = stdout;

    cp_diags diags = CP_DIAGS_INIT;
    cp_build(&o, &diags);
    if (cmd_verbosity < 0) {
        /* Quiet: errors only. */
        size_t k = 0;
        for (size_t i = 0; i < diags.count; i++) {
            if (diags.items[i].severity == CP_ERROR)
                diags.items[k++] = diags.items[i];
            else {
                free(diags.items[i].file);
                free(diags.items[i].message);
            }
        }
        diags.count = k;
    }
    progress(NULL, CP_BUILD_STEP, NULL);
    cp_diags_print(&diags, stderr);
    int status = (int)cp_diags_status(&diags);
    cp_diags_free(&diags);
    return status;
}
