/* load.c: cp_claim_load (claimpack/load.h), the first stages of every
 * command that reads a claim. */
#include "config.h"
#include "claimpack/claimpack.h"
#include "claimpack/load.h"
#include "law.h"

#include <stdlib.h>

/* --force turns missing required items into warnings; everything else
 * the checklist says is kept as it is. */
static void
merge_checklist_diags(cp_diags *to, cp_diags *from, bool force)
{
    for (size_t i = 0; i < from->count; i++) {
        const cp_diag *d = &from->items[i];
        if (d->severity == CP_ERROR && !(force && d->status == CP_INVALID))
            cp_error(to, d->status, d->file, d->line, d->col, "%s", d->message);
        else
            cp_warning(to, d->file, d->line, d->col, "%s", d->message);
    }
}

int
cp_claim_load(cp_claim **claim, cp_checklist **checklist, const char *path,
              const cp_load_opts *opts, cp_diags *diags)
{
    static const cp_load_opts none;
    const cp_load_opts *o = opts ? opts : &none;
    size_t before = cp_diags_errors(diags);
    *claim = NULL;
    *checklist = NULL;
    if (o->whole) {
        if (cp_claim_parse_all(claim, path, diags) < 0 && *claim == NULL)
            return -1;
    } else if (cp_claim_parse(claim, path, diags) < 0) {
        return -1;
    }

    char *profile = cp_config_path("profile.xml");
    int prc = cp_claim_apply_profile(*claim, profile, diags);
    free(profile);
    if (prc < 0 && o->stop_early)
        return -1;

    /* A country without law of its own gets no legal paragraph: say so. */
    cp_law_check(*claim, diags);

    cp_diags cdiags = CP_DIAGS_INIT;
    cp_check_options copt = { o->print };
    char *rules = cp_data_path("data/checklist.xml");
    int crc = cp_checklist_eval(checklist, *claim, rules, &copt, &cdiags);
    free(rules);
    merge_checklist_diags(diags, &cdiags, o->force);
    cp_diags_free(&cdiags);
    if (crc < 0 && o->stop_early)
        return -1;

    /* Evidence problems are never forced (claimpack(1), --force); checked
     * even when the checklist found items missing. */
    cp_evidence_check_opt(*claim, o->fast, diags);
    return cp_diags_errors(diags) > before ? -1 : 0;
}
