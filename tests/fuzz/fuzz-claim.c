/* tests/fuzz/fuzz-claim.c: a claim file from memory, then the real
 * checklist (data/checklist.xml) evaluated against it. */
#include "config.h"
#include "claimpack/claimpack.h"
#include "fuzz.h"

#include <stdlib.h>

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static char *rules;
    if (rules == NULL) {
        fuzz_init_datadir();
        rules = cp_data_path("data/checklist.xml");
    }
    cp_diags diags = CP_DIAGS_INIT;
    cp_claim *c = NULL;
    if (cp_claim_parse_memory(&c, (const char *)data, size, "fuzz.xml", "/nonexistent",
                              &diags) == 0) {
        cp_checklist *cl = NULL;
        cp_check_options opt = { false };
        cp_checklist_eval(&cl, c, rules, &opt, &diags);
        cp_checklist_free(cl);
        opt.print = true;
        cl = NULL;
        cp_checklist_eval(&cl, c, rules, &opt, &diags);
        cp_checklist_free(cl);
    }
    cp_claim_free(c);
    cp_diags_free(&diags);
    return 0;
}
