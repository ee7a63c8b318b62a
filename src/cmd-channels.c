/* cmd-channels.c: claimpack channels [--lang CODE] -- where claims go and
 * what each place takes (data/channels.xml and the user's own), worded in
 * the language asked, else the locale's. */
#include "config.h"
#include "cmd.h"
#include "claimpack/channel.h"
#include "claimpack/l10n.h"

#include <getopt.h>
#include <string.h>

int
cmd_channels(int argc, char **argv)
{
    static const struct option opts[] = {
        { "lang", required_argument, NULL, 'l' },
        { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 }
    };
    enum cp_lang lang = cp_lang_from_locale();
    optind = 1;
    opterr = 0;
    int ch;
    while ((ch = getopt_long(argc, argv, ":l:h", opts, NULL)) != -1) {
        switch (ch) {
        case 'l': {
            int l = cp_lang_from_name(optarg);
            if (l < 0)
                return cmd_usage_error("channels", "unknown language '%s' (en nl fy es de fr)",
                                       optarg);
            lang = (enum cp_lang)l;
            break;
        }
        case 'h':
            printf("Usage: claimpack channels [--lang CODE]\n"
                   "List the channels (where claims go: data/channels.xml, and your own\n"
                   "$XDG_CONFIG_HOME/claimpack/channels.xml), what each takes and where\n"
                   "its limits come from. 'claimpack build --for CHANNEL' writes that.\n"
                   "See claimpack(1).\n");
            return CP_OK;
        case ':':
            return cmd_usage_error("channels", "option '%s' needs an argument", argv[optind - 1]);
        default:
            return cmd_usage_error("channels", "unknown option '%s'", argv[optind - 1]);
        }
    }
    if (optind < argc)
        return cmd_usage_error("channels", "'channels' takes no arguments ('%s' is extra)",
                               argv[optind]);
    cp_diags diags = CP_DIAGS_INIT;
    cp_channels *chs = NULL;
    if (cp_channels_load(&chs, &diags) == 0) {
        int rc = cp_channels_list(stdout, chs, lang);
        if (fflush(stdout) != 0 || rc < 0)
            cp_error(&diags, CP_OUTPUT, NULL, 0, 0, "cannot write the list");
    }
    cp_channels_free(chs);
    cp_diags_print(&diags, stderr);
    int status = cp_diags_status(&diags);
    cp_diags_free(&diags);
    return status;
}
