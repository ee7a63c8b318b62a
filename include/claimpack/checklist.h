/* The checklist `claimpack check` prints, evaluated against a claim.
 *
 * The rules are data (data/checklist.xml in the data directory), not C. A
 * cp_checklist owns its items and strings; cp_checklist_free releases it
 * (and accepts NULL).
 */
#ifndef CLAIMPACK_CHECKLIST_H
#define CLAIMPACK_CHECKLIST_H

#include <stdbool.h>
#include "claimpack/claim.h"

enum cp_item_state {
    CP_ITEM_PRESENT,      /* required or recommended, and there */
    CP_ITEM_MISSING,      /* required and not there: an error (exit 1 unless --force) */
    CP_ITEM_RECOMMENDED,  /* recommended and not there: a warning */
    CP_ITEM_WARNING       /* a deadline that has passed or is near */
};

typedef struct cp_check_item {
    char *id;             /* stable identifier from the rules file, e.g. "proof-of-purchase" */
    char *label;          /* "Proof of purchase" */
    enum cp_item_state state;
    char *hint;           /* one line: what to add and where to find it */
    cp_loc loc;           /* where in the claim it belongs (the nearest element) */
} cp_check_item;

typedef struct cp_deadline {
    char *id;             /* "return-window", "atoz", "guarantee", ... */
    char *label;
    cp_date date;         /* the computed date */
    bool passed;          /* before the letter date */
    bool applies;         /* false when the claim lacks the date it counts from */
    bool first_day;       /* the date a window opens (kind="first-day"), not closes */
    bool reply;           /* the day the letter asks for an answer by (kind="reply") */
    bool warn;            /* passed, within the warning days, or not open yet: warned */
    char *note;
    char *source;         /* where the period is written (URLs), or NULL */
} cp_deadline;

typedef struct cp_checklist {
    cp_check_item *items;
    size_t n_items;
    cp_deadline *deadlines;
    size_t n_deadlines;
} cp_checklist;

typedef struct cp_check_options {
    bool print;           /* --print: postal addresses become required */
} cp_check_options;

/* Evaluate `rules_path` against the claim. Missing required items are added
 * to diags as errors (CP_INVALID) at the claim location they concern;
 * recommended items and deadlines as warnings. Returns 0, or -1 when the
 * rules file itself cannot be read (CP_INPUT). */
int cp_checklist_eval(cp_checklist **out, const cp_claim *c, const char *rules_path,
                      const cp_check_options *opt, cp_diags *diags);
void cp_checklist_free(cp_checklist *cl);

/* The day the letter asks for an answer by (its {{deadline}}): the rules'
 * reply deadline for the claim (a reminder's final deadline), else 14 days
 * after the letter's date. cl may be NULL. The one place that decides it:
 * build, the letter and check's next step take it from here. */
cp_date cp_checklist_reply_by(const cp_checklist *cl, const cp_claim *c);

/* What to do after this letter, and by when: `check` ends with it. */
typedef struct cp_next_step {
    const char *when;     /* "no-answer" (none by `by`), "rejected", "no-solution" (no
                           * answer or none that helps by `by`), "body" (the body the
                           * escalation went to has not answered by `by`) */
    cp_date by;           /* invalid for "rejected" */
    int type;             /* the next letter's enum cp_claim_type, -1 when claimpack
                           * writes none */
    char *body;           /* the body an escalation goes to, in the claim's language
                           * (data/law/'s <escalation>); NULL when the law names none */
} cp_next_step;

/* The next steps after the claim's letter, from its type and reply deadline
 * (cp_checklist_reply_by): after a first letter a reminder when it is not
 * answered and an appeal when it is rejected; after a reminder or an appeal
 * an escalation; after an escalation, asking the body. The steps towards
 * a body name it (body). Fills out[0..n-1], freed with cp_next_steps_free,
 * and returns n (at most 2). */
size_t cp_next_steps(cp_next_step out[2], const cp_claim *c, const cp_checklist *cl);
void cp_next_steps_free(cp_next_step *steps, size_t n);

#endif
