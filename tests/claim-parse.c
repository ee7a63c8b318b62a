/* tests/claim-parse.c: parse one claim file the way claimpack does, print
 * the diagnostics to standard error and exit with their status. With
 * --dump, print the model to standard output (one field per line) so tests
 * can check that every field is filled; --profile FILE applies a profile;
 * --memory reads the file first and parses it with cp_claim_parse_memory
 * (its directory given as "memory-dir"). */
#include "config.h"
#include "claimpack/claimpack.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void
str(const char *key, const char *v)
{
    if (v == NULL)
        return;
    printf("%s=", key);
    for (const char *p = v; *p; p++)
        if (*p == '\n')
            fputs("\\n", stdout);
        else
            putchar(*p);
    putchar('\n');
}

static void
date(const char *key, cp_date d)
{
    char buf[11];
    if (!cp_date_valid(d))
        return;
    cp_date_format_iso(d, buf);
    printf("%s=%s\n", key, buf);
}

static void
loc(const char *key, cp_loc l)
{
    if (l.line > 0)
        printf("%s@%d:%d\n", key, l.line, l.col);
}

static void
amount(const char *key, const cp_amount *a)
{
    if (a->present)
        printf("%s=%lld/10^%d\n", key, a->minor, a->digits);
    if (a->currency[0])
        printf("%s.currency=%s\n", key, a->currency);
}

static void
party(const char *key, const cp_party *p)
{
    char k[64];
    loc(key, p->loc);
    snprintf(k, sizeof k, "%s.name", key); str(k, p->name);
    snprintf(k, sizeof k, "%s.department", key); str(k, p->department);
    snprintf(k, sizeof k, "%s.address", key); str(k, p->address);
    snprintf(k, sizeof k, "%s.email", key); str(k, p->email);
    snprintf(k, sizeof k, "%s.phone", key); str(k, p->phone);
}

static void
dump(const cp_claim *c)
{
    printf("version=%d\ntype=%s\nlang=%s\n", c->version, cp_claim_type_name(c->type),
           cp_lang_name(c->lang));
    loc("claim", c->loc);
    str("jurisdiction", c->jurisdiction);
    date("date", c->date);
    printf("date_given=%d\n", c->date_given);
    str("dir", c->dir);
    party("claimant", &c->claimant);
    party("recipient", &c->recipient);
    loc("order", c->order.loc);
    str("order.number", c->order.number);
    date("order.placed", c->order.placed);
    date("order.expected", c->order.expected);
    date("order.delivered", c->order.delivered);
    str("order.seller", c->order.seller);
    str("order.marketplace", c->order.marketplace);
    for (size_t i = 0; i < c->order.n_products; i++) {
        const cp_product *p = &c->order.products[i];
        loc("product", p->loc);
        str("product.description", p->description);
        amount("product.price", &p->price);
        printf("product.quantity=%d\n", p->quantity);
    }
    loc("tracking", c->order.tracking_loc);
    str("tracking", c->order.tracking);
    str("tracking.carrier", c->order.carrier);
    loc("problem", c->problem.loc);
    date("problem.noticed", c->problem.noticed);
    str("problem.summary", c->problem.summary);
    for (size_t i = 0; i < c->problem.n_facts; i++) {
        loc("fact", c->problem.facts[i].loc);
        str("fact", c->problem.facts[i].text);
    }
    for (size_t i = 0; i < c->n_history; i++) {
        loc("event", c->history[i].loc);
        date("event.date", c->history[i].date);
        str("event", c->history[i].text);
    }
    if (c->previous.present) {
        loc("previous", c->previous.loc);
        str("previous.ref", c->previous.ref);
        date("previous.date", c->previous.date);
        str("previous.outcome", c->previous.outcome);
    }
    if (c->resolution.present) {
        loc("resolution", c->resolution.loc);
        printf("resolution.kind=%s\n", cp_resolution_kind_name(c->resolution.kind));
        amount("resolution.amount", &c->resolution.amount);
        str("resolution.text", c->resolution.text);
    }
    for (size_t i = 0; i < c->n_documents; i++) {
        const cp_document *d = &c->documents[i];
        loc("document", d->loc);
        printf("document.kind=%s\n", cp_doc_kind_name(d->kind));
        str("document.file", d->file);
        str("document.title", d->title);
        date("document.date", d->date);
        for (size_t j = 0; j < d->n_messages; j++) {
            const cp_message *m = &d->messages[j];
            loc("message", m->loc);
            str("message.from", m->from);
            date("message.date", m->date.date);
            if (m->date.hour >= 0)
                printf("message.time=%02d:%02d\n", m->date.hour, m->date.minute);
            str("message.text", m->text);
        }
    }
}

int
main(int argc, char **argv)
{
    const char *profile = NULL;
    int dump_model = 0, memory = 0, i = 1;
    for (; i < argc && argv[i][0] == '-' && argv[i][1] == '-'; i++) {
        if (strcmp(argv[i], "--dump") == 0)
            dump_model = 1;
        else if (strcmp(argv[i], "--memory") == 0)
            memory = 1;
        else if (strcmp(argv[i], "--profile") == 0 && i + 1 < argc)
            profile = argv[++i];
        else
            break;
    }
    if (i != argc - 1) {
        fprintf(stderr, "usage: claim-parse [--dump] [--memory] [--profile FILE] CLAIM.xml\n");
        return CP_USAGE;
    }
    cp_diags diags = CP_DIAGS_INIT;
    cp_claim *c = NULL;
    int rc;
    if (memory) {
        FILE *fp = fopen(argv[i], "rb");
        char *buf = malloc(1 << 20);
        size_t len = fp && buf ? fread(buf, 1, 1 << 20, fp) : 0;
        if (fp)
            fclose(fp);
        rc = cp_claim_parse_memory(&c, buf ? buf : "", len, argv[i], "memory-dir", &diags);
        free(buf);
    } else {
        rc = cp_claim_parse(&c, argv[i], &diags);
    }
    if (rc == 0 && profile)
        cp_claim_apply_profile(c, profile, &diags);
    if (c && dump_model)
        dump(c);
    cp_diags_print(&diags, stderr);
    int status = (int)cp_diags_status(&diags);
    cp_claim_free(c);
    cp_diags_free(&diags);
    return status;
}
