/* tests/fuzz/fuzz-template.c: a letter template read from a file, checked,
 * then rendered against a fixed claim (examples/headphones: every section
 * filled) with two enclosures. */
#include "config.h"
#include "claimpack/claimpack.h"
#include "claimpack/template.h"
#include "claimpack/l10n.h"
#include "util.h"
#include "fuzz.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static cp_claim *claim;
static cp_l10n *l10n;

static void
setup(void)
{
    cp_diags diags = CP_DIAGS_INIT;
    fuzz_init_datadir();
    char *path = cp_data_path("examples/headphones/claim.xml");
    if (cp_claim_parse(&claim, path, &diags) < 0 ||
        cp_l10n_load(&l10n, claim->lang, claim->jurisdiction, &diags) < 0) {
        cp_diags_print(&diags, stderr);
        exit(99);
    }
    free(path);
    cp_diags_free(&diags);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (claim == NULL)
        setup();
    cp_diags diags = CP_DIAGS_INIT;
    const char *path = fuzz_temp_file(data, size, ".tpl");
    cp_template *t = NULL;
    cp_letter *letter = NULL;
    if (cp_template_load(&t, path, claim->type, claim->lang, NULL, &diags) == 0) {
        cp_enclosure enc[2] = {
            { "A", "Invoice", "proof of purchase", 3, 1, NULL, 0, 0 },
            { "B", "Photos", "photo", 4, 2, NULL, 2, 1 },
        };
        cp_letter_input in = { claim, l10n, cp_date_add_days(claim->date, 14), enc, 2 };
        if (cp_template_render(&letter, t, &in, &diags) == 0) {
            volatile size_t n = strlen(letter->subject) + strlen(letter->salutation) +
                                strlen(letter->closing) + strlen(letter->date_line);
            for (size_t i = 0; i < letter->n_blocks; i++)
                n += strlen(letter->blocks[i].text);
            (void)n;
        } else if (cp_diags_errors(&diags) == 0) {
            abort();   /* a failed render must say why */
        }
    }
    cp_letter_free(letter);
    cp_template_free(t);
    cp_diags_free(&diags);
    return 0;
}
