/* claim-fields.c: the one table of the claim's fields (claim-fields.h):
 * for each its name, its templates' alias, its kind and where it is read
 * from, or the function that computes it. A new field of the claim is one
 * line here; the checklist (checklist.c) and the templates
 * (template-parse.c, template-render.c) know it from then on. */
#include "config.h"
#include "claim-fields.h"

#include <stdlib.h>
#include <string.h>

#define CLAIM(name, alias, kind, member) \
    { name, alias, kind, false, offsetof(cp_claim, member), NULL, NULL }
#define LETTER(name, kind, member) \
    { name, NULL, kind, true, offsetof(cp_field_letter, member), NULL, NULL }
#define COMPUTED(name, alias, kind, fn) { name, alias, kind, false, 0, fn, NULL }
#define LIST(name, alias, member, items) \
    { name, alias, CP_FIELD_LIST, false, offsetof(cp_claim, member), NULL, items }

/* ---- the computed values ---- */

static void
put_str(cp_buf *b, const char *s)
{
    if (s)
        cp_buf_puts(b, s);
}

cp_amount
cp_product_total(const cp_product *p)
{
    cp_amount a = p->price;
    int q = p->quantity > 0 ? p->quantity : 1;
    if (a.present && a.minor <= 0x7fffffffffffffffLL / q)
        a.minor *= q;
    return a;
}

/* The sum of the products' prices, when they share a currency. */
static void
order_total(const cp_claim *c, const cp_l10n *l, cp_buf *b)
{
    const cp_order *o = &c->order;
    cp_amount sum = { 0 };
    for (size_t i = 0; i < o->n_products; i++) {
        cp_amount a = cp_product_total(&o->products[i]);
        if (!a.present)
            return;
        if (i == 0) {
            sum = a;
            continue;
        }
        if (strcmp(a.currency, sum.currency) != 0)
            return;
        while (a.digits < sum.digits && a.minor < 0x7fffffffffffffffLL / 10)
            a.minor *= 10, a.digits++;
        while (sum.digits < a.digits && sum.minor < 0x7fffffffffffffffLL / 10)
            sum.minor *= 10, sum.digits++;
        sum.minor += a.minor;
    }
    cp_field_put_amount(b, &sum, l);
}

/* The products' descriptions, joined. */
static void
products(const cp_claim *c, const cp_l10n *l, cp_buf *b)
{
    (void)l;
    for (size_t i = 0; i < c->order.n_products; i++) {
        if (i)
            cp_buf_puts(b, "; ");
        put_str(b, c->order.products[i].description);
    }
}

static void
claim_type(const cp_claim *c, const cp_l10n *l, cp_buf *b)
{
    (void)l;
    put_str(b, cp_claim_type_name(c->type));
}

/* The type whose legal paragraph the letter carries: an appeal or a
 * reminder restates the law of the problem it is about. */
static void
basis(const cp_claim *c, const cp_l10n *l, cp_buf *b)
{
    (void)l;
    bool restate = (c->type == CP_TYPE_APPEAL || c->type == CP_TYPE_REMINDER) && c->problem.type;
    put_str(b, restate ? c->problem.type : cp_claim_type_name(c->type));
}

/* "rejected" is a word of the claim file: said in the letter's language
 * when the phrases know it. */
static void
outcome(const cp_claim *c, const cp_l10n *l, cp_buf *b)
{
    if (!c->previous.outcome)
        return;
    char *key = xasprintf("outcome.%s", c->previous.outcome);
    const char *v = l ? cp_l10n_lookup(l, key) : NULL;
    put_str(b, v ? v : c->previous.outcome);
    free(key);
}

static void
resolution_kind(const cp_claim *c, const cp_l10n *l, cp_buf *b)
{
    if (!c->resolution.present)
        return;
    const char *kn = cp_resolution_kind_name(c->resolution.kind);
    if (!kn)
        kn = "other";
    if (!l) {
        cp_buf_puts(b, kn);
        return;
    }
    char *key = xasprintf("resolution.%s", kn);
    put_str(b, cp_l10n_get(l, key));
    free(key);
}

/* ---- the table ---- */

static const char *const fact_items[] = { "text", "cites", "index", NULL };
static const char *const event_items[] = { "date", "text", "index", NULL };
static const char *const product_items[] = { "description", "price", "quantity", "total",
                                             "index", NULL };
static const char *const enclosure_items[] = { "label", "title", "kind", "first_page",
                                               "page_count", "part", "part_page", "index",
                                               NULL };

static const cp_field fields[] = {
    CLAIM("claim.date", "date", CP_FIELD_DATE, date),
    COMPUTED("claim.type", "type", CP_FIELD_STRING, claim_type),
    CLAIM("claim.jurisdiction", "jurisdiction", CP_FIELD_STRING, jurisdiction),
    CLAIM("claim.letter-before-claim", "letter-before-claim", CP_FIELD_FLAG, letter_before_claim),
    CLAIM("claimant.name", NULL, CP_FIELD_STRING, claimant.name),
    CLAIM("claimant.department", NULL, CP_FIELD_STRING, claimant.department),
    CLAIM("claimant.address", NULL, CP_FIELD_STRING, claimant.address),
    CLAIM("claimant.email", NULL, CP_FIELD_STRING, claimant.email),
    CLAIM("claimant.phone", NULL, CP_FIELD_STRING, claimant.phone),
    CLAIM("recipient.name", NULL, CP_FIELD_STRING, recipient.name),
    CLAIM("recipient.department", NULL, CP_FIELD_STRING, recipient.department),
    CLAIM("recipient.address", NULL, CP_FIELD_STRING, recipient.address),
    CLAIM("recipient.email", NULL, CP_FIELD_STRING, recipient.email),
    CLAIM("recipient.phone", NULL, CP_FIELD_STRING, recipient.phone),
    CLAIM("order.number", NULL, CP_FIELD_STRING, order.number),
    CLAIM("order.placed", NULL, CP_FIELD_DATE, order.placed),
    CLAIM("order.expected", NULL, CP_FIELD_DATE, order.expected),
    CLAIM("order.delivered", NULL, CP_FIELD_DATE, order.delivered),
    CLAIM("order.seller", NULL, CP_FIELD_STRING, order.seller),
    CLAIM("order.marketplace", NULL, CP_FIELD_STRING, order.marketplace),
    CLAIM("order.tracking", NULL, CP_FIELD_STRING, order.tracking),
    CLAIM("order.carrier", NULL, CP_FIELD_STRING, order.carrier),
    LIST("order.product", "products", order.n_products, product_items),
    COMPUTED("order.total", NULL, CP_FIELD_AMOUNT, order_total),
    COMPUTED("product", NULL, CP_FIELD_STRING, products),
    CLAIM("card-issuer.name", NULL, CP_FIELD_STRING, card.issuer.name),
    CLAIM("card-issuer.address", NULL, CP_FIELD_STRING, card.issuer.address),
    CLAIM("card-issuer.statement", "card.statement", CP_FIELD_DATE, card.statement),
    CLAIM("card-issuer.card-ending", "card.ending", CP_FIELD_STRING, card.ending),
    CLAIM("problem.summary", NULL, CP_FIELD_STRING, problem.summary),
    CLAIM("problem.noticed", NULL, CP_FIELD_DATE, problem.noticed),
    CLAIM("problem.type", NULL, CP_FIELD_STRING, problem.type),
    LIST("problem.fact", "facts", problem.n_facts, fact_items),
    COMPUTED("basis", NULL, CP_FIELD_STRING, basis),
    LIST("history.event", "history", n_history, event_items),
    CLAIM("previous-claim", "previous", CP_FIELD_FLAG, previous.present),
    CLAIM("previous-claim.ref", "previous.ref", CP_FIELD_STRING, previous.ref),
    CLAIM("previous-claim.date", "previous.date", CP_FIELD_DATE, previous.date),
    COMPUTED("previous-claim.outcome", "previous.outcome", CP_FIELD_STRING, outcome),
    CLAIM("previous-claim.reason", "previous.reason", CP_FIELD_STRING, previous.reason),
    LIST("previous-claim.answer", "answers", previous.n_answers, fact_items),
    CLAIM("resolution", NULL, CP_FIELD_FLAG, resolution.present),
    COMPUTED("resolution.kind", NULL, CP_FIELD_STRING, resolution_kind),
    CLAIM("resolution.amount", NULL, CP_FIELD_AMOUNT, resolution.amount),
    CLAIM("resolution.text", NULL, CP_FIELD_STRING, resolution.text),
    LETTER("deadline", CP_FIELD_DATE, deadline),
    LETTER("law", CP_FIELD_STRING, law),
    LETTER("lang", CP_FIELD_STRING, lang),
    LETTER("escalation.body", CP_FIELD_STRING, body),
    LETTER("escalation.ecc", CP_FIELD_FLAG, ecc),
    { "enclosures", NULL, CP_FIELD_LIST, true, offsetof(cp_field_letter, n_enclosures), NULL,
      enclosure_items },
};

static bool
same(const char *a, const char *name, size_t len)
{
    return a && len > 0 && a[0] == name[0] && strncmp(a, name, len) == 0 && a[len] == '\0';
}

const cp_field *
cp_field_find(const char *name, size_t len)
{
    for (size_t i = 0; i < CP_ARRAY_LEN(fields); i++)
        if (same(fields[i].name, name, len) || same(fields[i].alias, name, len))
            return &fields[i];
    return NULL;
}

const cp_field *
cp_fields(size_t *n)
{
    *n = CP_ARRAY_LEN(fields);
    return fields;
}

const char *
cp_field_kind_name(enum cp_field_kind k)
{
    static const char *const names[] = { "string", "date", "amount", "flag", "list" };
    return (size_t)k < CP_ARRAY_LEN(names) ? names[k] : "?";
}

bool
cp_field_has_item(const cp_field *f, const char *item)
{
    for (size_t i = 0; f->items && f->items[i]; i++)
        if (strcmp(f->items[i], item) == 0)
            return true;
    return false;
}

/* ---- reading a field ---- */

void
cp_field_put_date(cp_buf *b, cp_date d, const cp_l10n *l)
{
    if (!cp_date_valid(d))
        return;
    if (!l) {
        char iso[11];
        cp_date_format_iso(d, iso);
        cp_buf_puts(b, iso);
        return;
    }
    char *s = cp_l10n_date(l, d);
    cp_buf_puts(b, s);
    free(s);
}

void
cp_field_put_amount(cp_buf *b, const cp_amount *a, const cp_l10n *l)
{
    if (!a->present)
        return;
    if (!l) {
        cp_buf_printf(b, "%lld", a->minor);
        return;
    }
    char *s = cp_l10n_amount(l, a);
    cp_buf_puts(b, s);
    free(s);
}

/* Where f is read from: the claim, or the letter's values. */
static const void *
field_at(const cp_field *f, const cp_claim *c, const cp_field_letter *lv)
{
    const void *base = f->letter ? (const void *)lv : (const void *)c;
    return base ? (const char *)base + f->off : NULL;
}

size_t
cp_field_count(const cp_field *f, const cp_claim *c, const cp_field_letter *lv)
{
    const void *at = field_at(f, c, lv);
    return f->kind == CP_FIELD_LIST && at ? *(const size_t *)at : 0;
}

bool
cp_field_present(const cp_field *f, const cp_claim *c)
{
    if (f->letter)
        return false;
    if (f->compute) {
        cp_buf b = CP_BUF_INIT;
        f->compute(c, NULL, &b);
        bool yes = b.len > 0;
        cp_buf_free(&b);
        return yes;
    }
    const void *at = field_at(f, c, NULL);
    switch (f->kind) {
    case CP_FIELD_STRING: {
        const char *s = *(char *const *)at;
        return s && *s;
    }
    case CP_FIELD_DATE:
        return cp_date_valid(*(const cp_date *)at);
    case CP_FIELD_AMOUNT:
        return ((const cp_amount *)at)->present;
    case CP_FIELD_FLAG:
        return *(const bool *)at;
    case CP_FIELD_LIST:
        return *(const size_t *)at > 0;
    }
    return false;
}

void
cp_field_value(const cp_field *f, const cp_claim *c, const cp_field_letter *lv,
               const cp_l10n *l, cp_buf *b)
{
    if (f->compute) {
        f->compute(c, l, b);
        return;
    }
    const void *at = field_at(f, c, lv);
    if (!at)
        return;
    switch (f->kind) {
    case CP_FIELD_STRING:
        put_str(b, *(char *const *)at);
        break;
    case CP_FIELD_DATE:
        cp_field_put_date(b, *(const cp_date *)at, l);
        break;
    case CP_FIELD_AMOUNT:
        cp_field_put_amount(b, (const cp_amount *)at, l);
        break;
    case CP_FIELD_FLAG:
        if (*(const bool *)at)
            cp_buf_puts(b, "1");
        break;
    case CP_FIELD_LIST:
        if (*(const size_t *)at > 0)
            cp_buf_puts(b, "1");
        break;
    }
}
