/* tests/template-render.c: drives templates and localisation for the
 * data-driven tests in tests/template.test.
 *
 *   template-render render [-t NAME] [-l LANG] [--pages N,N,...] CLAIM.xml
 *       parse the claim, render its letter, print the parts one per line
 *   template-render load NAME|PATH TYPE LANG
 *       load (and so check) a template; print the diagnostics
 *   template-render l10n LANG JURISDICTION date YYYY-MM-DD
 *   template-render l10n LANG JURISDICTION amount 1234.56 EUR
 *   template-render l10n LANG JURISDICTION page-of N M
 *   template-render l10n LANG JURISDICTION get KEY
 *   template-render fields
 *       the fields a template or the checklist may name (claim-fields.c),
 *       one a line: name, kind, whose (claim, computed or letter), alias
 *       ("-": none) and, for a list, its items' fields
 *   template-render checklist RULES CLAIM.xml
 *       evaluate checklist rules file RULES against the claim; print each
 *       item's id and state
 *
 * Exit status as claimpack's: 3 when a template or phrase file is bad. */
#include "config.h"
#include "claimpack/claimpack.h"
#include "claimpack/template.h"
#include "claimpack/l10n.h"
#include "claimpack/checklist.h"
#include "claim-fields.h"
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int
lang_of(const char *s)
{
    return cp_lang_from_name(s);
}

static int
type_of(const char *s)
{
    return cp_claim_type_from_name(s);
}

/* "-1234.56 EUR" -> cp_amount. */
static int
parse_amount(cp_amount *a, const char *num, const char *cur)
{
    memset(a, 0, sizeof *a);
    const char *p = num;
    bool neg = *p == '-';
    p += neg;
    long long v = 0;
    int digits = -1;
    for (; *p; p++) {
        if (*p == '.' && digits < 0) {
            digits = 0;
            continue;
        }
        if (*p < '0' || *p > '9')
            return -1;
        v = v * 10 + (*p - '0');
        if (digits >= 0)
            digits++;
    }
    a->present = true;
    a->minor = neg ? -v : v;
    a->digits = digits < 0 ? 0 : digits;
    snprintf(a->currency, sizeof a->currency, "%s", cur ? cur : "");
    return 0;
}

static void
print_text(const char *prefix, const char *s)
{
    printf("%s", prefix);
    for (; *s; s++) {
        if (*s == '\n')
            fputs("\\n", stdout);
        else
            putchar(*s);
    }
    putchar('\n');
}

static int
do_l10n(int argc, char **argv)
{
    if (argc < 5)
        return 2;
    int lang = lang_of(argv[1]);
    if (lang < 0)
        return 2;
    cp_diags diags = CP_DIAGS_INIT;
    cp_l10n *l = NULL;
    const char *jur = strcmp(argv[2], "-") == 0 ? NULL : argv[2];
    int status = 0;
    if (cp_l10n_load(&l, (enum cp_lang)lang, jur, &diags) < 0)
        goto cleanup;
    char *s = NULL;
    if (strcmp(argv[3], "date") == 0) {
        cp_date d = { 0, 0, 0 };
        if (cp_date_parse(&d, argv[4]) < 0 && strcmp(argv[4], "none") != 0)
            status = 2;
        s = cp_l10n_date(l, d);
    } else if (strcmp(argv[3], "amount") == 0) {
        cp_amount a;
        if (parse_amount(&a, argv[4], argc > 5 ? argv[5] : NULL) < 0)
            status = 2;
        s = cp_l10n_amount(l, &a);
    } else if (strcmp(argv[3], "page-of") == 0 && argc > 5) {
        s = cp_l10n_page_of(l, atoi(argv[4]), atoi(argv[5]));
    } else if (strcmp(argv[3], "get") == 0) {
        s = xstrdup(cp_l10n_get(l, argv[4]));
    } else {
        status = 2;
    }
    if (s)
        puts(s);
    free(s);
cleanup:
    cp_l10n_free(l);
    cp_diags_print(&diags, stderr);
    if (!status)
        status = cp_diags_status(&diags);
    cp_diags_free(&diags);
    return status;
}

static int
do_load(int argc, char **argv)
{
    if (argc < 4 || type_of(argv[2]) < 0 || lang_of(argv[3]) < 0)
        return 2;
    cp_diags diags = CP_DIAGS_INIT;
    cp_template *t = NULL;
    const char *name = strcmp(argv[1], "-") == 0 ? NULL : argv[1];
    if (cp_template_load(&t, name, (enum cp_claim_type)type_of(argv[2]),
                         (enum cp_lang)lang_of(argv[3]), NULL, &diags) == 0)
        printf("%s\n", cp_template_path(t));
    cp_template_free(t);
    cp_diags_print(&diags, stderr);
    int status = cp_diags_status(&diags);
    cp_diags_free(&diags);
    return status;
}

static int
do_render(int argc, char **argv)
{
    const char *name = NULL, *lang_name = NULL, *pages = NULL, *file = NULL;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "-t") == 0 && i + 1 < argc)
            name = argv[++i];
        else if (strcmp(argv[i], "-l") == 0 && i + 1 < argc)
            lang_name = argv[++i];
        else if (strcmp(argv[i], "--pages") == 0 && i + 1 < argc)
            pages = argv[++i];
        else
            file = argv[i];
    }
    if (!file)
        return 2;
    cp_diags diags = CP_DIAGS_INIT;
    cp_claim *c = NULL;
    cp_l10n *l = NULL;
    cp_template *t = NULL;
    cp_letter *letter = NULL;
    cp_enclosure *enc = NULL;
    if (cp_claim_parse(&c, file, &diags) < 0)
        goto cleanup;
    enum cp_lang lang = c->lang;
    if (lang_name) {
        if (lang_of(lang_name) < 0)
            goto cleanup;
        lang = (enum cp_lang)lang_of(lang_name);
    }
    if (cp_l10n_load(&l, lang, c->jurisdiction, &diags) < 0)
        goto cleanup;
    if (cp_template_load(&t, name, c->type, lang, NULL, &diags) < 0)
        goto cleanup;
    enc = xcalloc(c->n_documents + 1, sizeof *enc);
    char labels[26][2];
    const char *pp = pages;
    for (size_t i = 0; i < c->n_documents && i < 26; i++) {
        labels[i][0] = (char)('A' + i);
        labels[i][1] = '\0';
        enc[i].label = labels[i];
        enc[i].title = c->documents[i].title;
        enc[i].doc = &c->documents[i];
        char *key = xasprintf("kind.%s", cp_doc_kind_name(c->documents[i].kind));
        enc[i].kind = cp_l10n_get(l, key);
        free(key);
        if (pp && *pp) {
            enc[i].first_page = atoi(pp);
            pp = strchr(pp, ',');
            pp = pp ? pp + 1 : NULL;
        }
    }
    cp_letter_input in = { c, l, cp_date_add_days(c->date, 14), enc,
                           c->n_documents < 26 ? c->n_documents : 26 };
    if (cp_template_render(&letter, t, &in, &diags) < 0)
        goto cleanup;
    print_text("date: ", letter->date_line);
    print_text("subject: ", letter->subject);
    print_text("salutation: ", letter->salutation);
    for (size_t i = 0; i < letter->n_blocks; i++) {
        const cp_block *b = &letter->blocks[i];
        switch (b->kind) {
        case CP_BLOCK_PARAGRAPH:
            print_text("P ", b->text);
            break;
        case CP_BLOCK_HEADING:
            print_text("H ", b->text);
            break;
        case CP_BLOCK_BULLET:
            printf("%*s", 2 * b->level, "");
            print_text("* ", b->text);
            break;
        case CP_BLOCK_FIELD:
            printf("F %s | ", b->label);
            print_text("", b->text);
            break;
        case CP_BLOCK_GAP:
            printf("~\n");
            break;
        }
    }
    print_text("closing: ", letter->closing);
cleanup:
    cp_letter_free(letter);
    free(enc);
    cp_template_free(t);
    cp_l10n_free(l);
    cp_claim_free(c);
    cp_diags_print(&diags, stderr);
    int status = cp_diags_status(&diags);
    cp_diags_free(&diags);
    return status;
}

static int
do_fields(void)
{
    size_t n;
    const cp_field *f = cp_fields(&n);
    for (size_t i = 0; i < n; i++) {
        printf("%s %s %s %s", f[i].name, cp_field_kind_name(f[i].kind),
               f[i].letter ? "letter" : f[i].compute ? "computed" : "claim",
               f[i].alias ? f[i].alias : "-");
        for (size_t k = 0; f[i].items && f[i].items[k]; k++)
            printf("%c%s", k ? ',' : ' ', f[i].items[k]);
        putchar('\n');
    }
    return ferror(stdout) ? 4 : 0;
}

static int
do_checklist(int argc, char **argv)
{
    if (argc < 3)
        return 2;
    static const char *const states[] = { "present", "missing", "recommended", "warning" };
    cp_diags diags = CP_DIAGS_INIT;
    cp_claim *c = NULL;
    cp_checklist *cl = NULL;
    cp_check_options opt = { false };
    if (cp_claim_parse(&c, argv[2], &diags) == 0 &&
        cp_checklist_eval(&cl, c, argv[1], &opt, &diags) == 0)
        for (size_t i = 0; i < cl->n_items; i++)
            printf("%s %s\n", cl->items[i].id, states[cl->items[i].state]);
    cp_checklist_free(cl);
    cp_claim_free(c);
    cp_diags_print(&diags, stderr);
    int status = cp_diags_status(&diags);
    cp_diags_free(&diags);
    return status;
}

int
main(int argc, char **argv)
{
    if (argc < 2)
        return 2;
    if (strcmp(argv[1], "l10n") == 0)
        return do_l10n(argc - 1, argv + 1);
    if (strcmp(argv[1], "load") == 0)
        return do_load(argc - 1, argv + 1);
    if (strcmp(argv[1], "render") == 0)
        return do_render(argc - 1, argv + 1);
    if (strcmp(argv[1], "fields") == 0)
        return do_fields();
    if (strcmp(argv[1], "checklist") == 0)
        return do_checklist(argc - 1, argv + 1);
    return 2;
}
