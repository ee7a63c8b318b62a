/* wizard.h: `claimpack init` at a terminal. A person answers questions
 * (wording: data/wizard/<lang>.txt, English as the fallback) and gets a
 * complete claim file, checked against the checklist.
 *
 * The wizard reads standard input line by line and writes its questions to
 * standard error; cmd-init.c decides when it runs (stdin and stderr are
 * terminals, and the claim goes to a file). Nothing is written before the
 * last answer: end of input or Ctrl-C leave no file behind. */
#ifndef CP_WIZARD_H
#define CP_WIZARD_H

#include "claimpack/diag.h"

/* Ask, write the claim to `output` (NULL: ask for the file name), offer to
 * save the claimant to the profile when there is none, then report what the
 * checklist still misses. `type` and `lang` are the command line's values,
 * NULL when not given (then they are asked). Returns the exit status: 0
 * written (the report may still list missing items), 1 input ended before
 * the last answer (nothing written), 4 the file could not be written. */
int wizard_run(const char *output, const char *type, const char *lang);

#endif
