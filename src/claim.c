/* claim.c: the claim file (claimpack-claim(5)). Reading it safely, telling the user in
 * plain words every place where it departs from data/claim.rng, and turning
 * it into the cp_claim model.
 *
 * libxml2's RELAX NG validator stops at the first problem inside an element
 * and words it for schema authors ("Invalid sequence in interleave"). So
 * the schema is also read as data here (struct rng) and walked alongside the
 * claim, which finds every problem and names it with the wording of
 * data/messages.xml. libxml2's verdict still counts: anything it finds that
 * the walk did not explain is reported too. */
#include "config.h"
#include "claimpack/claimpack.h"
#include "claim-int.h"
#include "util.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>


/* ---- enumeration names ------------------------------------------------ */

static const char *const type_names[CP_TYPE__COUNT] = {
    "defective", "damaged", "wrong-item", "not-received", "late-delivery",
    "billing", "refund-missing", "appeal", "escalation", "reminder"
};
static const char *const lang_names[CP_LANG__COUNT] = { "en", "nl", "fy", "es", "de", "fr" };
static const char *const res_names[CP_RES__COUNT] = {
    "refund", "replacement", "repair", "compensation", "price-reduction", "other"
};
static const char *const doc_names[CP_DOC__COUNT] = {
    "proof-of-purchase", "photo", "screenshot", "correspondence", "technical-report",
    "tracking", "other"
};

static int
name_index(const char *const *names, int n, const char *s)
{
    if (s == NULL)
        return -1;
    for (int i = 0; i < n; i++)
        if (strcmp(names[i], s) == 0)
            return i;
    return -1;
}

static const char *
name_at(const char *const *names, int n, int i)
{
    return i >= 0 && i < n ? names[i] : NULL;
}

const char *cp_claim_type_name(enum cp_claim_type t) { return name_at(type_names, CP_TYPE__COUNT, (int)t); }
int cp_claim_type_from_name(const char *s) { return name_index(type_names, CP_TYPE__COUNT, s); }
const char *cp_lang_name(enum cp_lang l) { return name_at(lang_names, CP_LANG__COUNT, (int)l); }
int cp_lang_from_name(const char *s) { return name_index(lang_names, CP_LANG__COUNT, s); }
const char *cp_resolution_kind_name(enum cp_resolution_kind k) { return name_at(res_names, CP_RES__COUNT, (int)k); }
int cp_resolution_kind_from_name(const char *s) { return name_index(res_names, CP_RES__COUNT, s); }
const char *cp_doc_kind_name(enum cp_doc_kind k) { return name_at(doc_names, CP_DOC__COUNT, (int)k); }
int cp_doc_kind_from_name(const char *s) { return name_index(doc_names, CP_DOC__COUNT, s); }

/* ---- small text helpers ----------------------------------------------- */

static bool
is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Runs of white space become one space, none at the ends; NULL when empty.
 * Takes ownership of s (malloc'd). */
char *
claim_text_collapse(char *s)
{
    size_t j = 0;
    bool space = false;
    for (size_t i = 0; s[i]; i++) {
        if (is_space(s[i])) {
            space = j > 0;
            continue;
        }
        if (space)
            s[j++] = ' ';
        space = false;
        s[j++] = s[i];
    }
    s[j] = '\0';
    if (j == 0) {
        free(s);
        return NULL;
    }
    return s;
}

/* Each line trimmed, blank lines at the ends dropped and inside kept as one:
 * for addresses and typed-in messages, whose line breaks mean something. */
static char *
text_lines(char *s)
{
    cp_buf b = CP_BUF_INIT;
    int blank = 0;
    for (char *line = s; line != NULL;) {
        char *nl = strchr(line, '\n');
        if (nl)
            *nl = '\0';
        cp_trim(line);
        if (*line == '\0') {
            blank += b.len > 0;
        } else {
            if (b.len > 0)
                cp_buf_puts(&b, blank ? "\n\n" : "\n");
            cp_buf_puts(&b, line);
            blank = 0;
        }
        line = nl ? nl + 1 : NULL;
    }
    free(s);
    if (b.len == 0) {
        cp_buf_free(&b);
        return NULL;
    }
    return cp_buf_detach(&b);
}

/* The element's own text (not its child elements'), malloc'd. */
char *
xml_node_text_raw(xmlNodePtr n)
{
    cp_buf b = CP_BUF_INIT;
    for (xmlNodePtr c = n->children; c; c = c->next)
        if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content)
            cp_buf_puts(&b, (const char *)c->content);
    return cp_buf_detach(&b);
}

static char *
node_text(xmlNodePtr n, bool keep_lines)
{
    char *s = xml_node_text_raw(n);
    return keep_lines ? text_lines(s) : claim_text_collapse(s);
}

/* An attribute's value, white space collapsed; NULL when absent or empty. */
char *
xml_attr_value(xmlNodePtr n, const char *name)
{
    xmlChar *v = xmlGetNoNsProp(n, (const xmlChar *)name);
    if (v == NULL)
        return NULL;
    char *s = xstrdup((const char *)v);
    xmlFree(v);
    return claim_text_collapse(s);
}

bool
xml_node_is(xmlNodePtr n, const char *name)
{
    return n->type == XML_ELEMENT_NODE && n->ns == NULL && strcmp((const char *)n->name, name) == 0;
}

/* ---- value syntax --------------------------------------------------- */

/* "349.00": digits, optionally a point and 1..3 decimals. */
static int
amount_parse(cp_amount *out, const char *s)
{
    long long v = 0;
    int digits = 0, ints = 0;
    const char *p = s;
    for (; *p >= '0' && *p <= '9'; p++, ints++) {
        if (ints >= 15)
            return -1;
        v = v * 10 + (*p - '0');
    }
    if (ints == 0)
        return -1;
    if (*p == '.') {
        for (p++; *p >= '0' && *p <= '9'; p++, digits++) {
            if (digits >= 3)
                return -1;
            v = v * 10 + (*p - '0');
        }
        if (digits == 0)
            return -1;
    }
    if (*p != '\0')
        return -1;
    out->present = true;
    out->minor = v;
    out->digits = digits;
    return 0;
}

static bool
currency_ok(const char *s)
{
    return strlen(s) == 3 && s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'A' && s[1] <= 'Z'
        && s[2] >= 'A' && s[2] <= 'Z';
}

static int
quantity_parse(const char *s)
{
    if (s[0] < '1' || s[0] > '9' || strlen(s) > 9)
        return -1;
    int v = 0;
    for (const char *p = s; *p; p++) {
        if (*p < '0' || *p > '9')
            return -1;
        v = v * 10 + (*p - '0');
    }
    return v;
}

/* True when the value passes the schema annotation's check (cp:check). */
/* A document id: what a fact's evidence attribute names it by, so one word
 * of letters, digits, '-', '_' or '.'. */
static bool
id_ok(const char *v)
{
    if (*v == '\0')
        return false;
    for (; *v; v++)
        if (!((*v >= 'a' && *v <= 'z') || (*v >= 'A' && *v <= 'Z') || (*v >= '0' && *v <= '9') ||
              *v == '-' || *v == '_' || *v == '.'))
            return false;
    return true;
}

/* The last four digits of a card (card-issuer/@card-ending). */
static bool
last_four_ok(const char *v)
{
    for (int i = 0; i < 4; i++)
        if (v[i] < '0' || v[i] > '9')
            return false;
    return v[4] == '\0';
}

bool
claim_card_number_like(const char *v)
{
    size_t digits = 0;
    for (; *v; v++) {
        if (*v >= '0' && *v <= '9')
            digits++;
        else if (*v != ' ' && *v != '-')
            return false;
    }
    return digits >= 12 && digits <= 19;
}

bool
claim_value_ok(const char *check, const char *v)
{
    cp_date d;
    cp_datetime t;
    cp_amount a;
    if (strcmp(check, "date") == 0)
        return cp_date_parse(&d, v) == 0;
    if (strcmp(check, "datetime") == 0)
        return cp_datetime_parse(&t, v) == 0;
    if (strcmp(check, "amount") == 0)
        return amount_parse(&a, v) == 0;
    if (strcmp(check, "currency") == 0)
        return currency_ok(v);
    if (strcmp(check, "quantity") == 0)
        return quantity_parse(v) > 0;
    if (strcmp(check, "version") == 0)
        return strcmp(v, "1") == 0;
    if (strcmp(check, "id") == 0)
        return id_ok(v);
    if (strcmp(check, "last-four") == 0)
        return last_four_ok(v);
    return true;
}

/* ---- the model -------------------------------------------------------- */

static cp_date
date_attr(xmlNodePtr n, const char *name)
{
    cp_date d = { 0, 0, 0 };
    char *v = xml_attr_value(n, name);
    if (v)
        cp_date_parse(&d, v);
    free(v);
    return d;
}

static cp_amount
amount_attrs(xmlNodePtr n, const char *name)
{
    cp_amount a;
    memset(&a, 0, sizeof a);
    char *v = xml_attr_value(n, name), *cur = xml_attr_value(n, "currency");
    if (v && amount_parse(&a, v) < 0)
        memset(&a, 0, sizeof a);
    if (cur && currency_ok(cur))
        memcpy(a.currency, cur, 4);
    free(v);
    free(cur);
    return a;
}

static void
party_fill(cp_party *p, xmlNodePtr n, const struct locs *L)
{
    p->loc = loc_of(L, n);
    p->country = xml_attr_value(n, "country");
    for (xmlNodePtr c = n->children; c; c = c->next) {
        char **field = xml_node_is(c, "name") ? &p->name
            : xml_node_is(c, "department") ? &p->department
            : xml_node_is(c, "address") ? &p->address
            : xml_node_is(c, "email") ? &p->email
            : xml_node_is(c, "phone") ? &p->phone : NULL;
        if (field && *field == NULL)
            *field = node_text(c, field == &p->address);
    }
}

static void
order_fill(cp_order *o, xmlNodePtr n, const struct locs *L)
{
    o->loc = loc_of(L, n);
    o->number = xml_attr_value(n, "number");
    o->placed = date_attr(n, "placed");
    o->expected = date_attr(n, "expected");
    o->delivered = date_attr(n, "delivered");
    o->seller = xml_attr_value(n, "seller");
    o->seller_country = xml_attr_value(n, "seller-country");
    o->marketplace = xml_attr_value(n, "marketplace");
    for (xmlNodePtr c = n->children; c; c = c->next) {
        if (xml_node_is(c, "product")) {
            o->products = xreallocarray(o->products, o->n_products + 1, sizeof *o->products);
            cp_product *p = &o->products[o->n_products++];
            memset(p, 0, sizeof *p);
            p->description = node_text(c, false);
            p->price = amount_attrs(c, "price");
            char *q = xml_attr_value(c, "quantity");
            int qv = q ? quantity_parse(q) : -1;
            p->quantity = qv > 0 ? qv : 1;
            free(q);
            p->loc = loc_of(L, c);
        } else if (xml_node_is(c, "tracking") && o->tracking_loc.line == 0) {
            o->tracking = node_text(c, false);
            o->carrier = xml_attr_value(c, "carrier");
            o->tracking_loc = loc_of(L, c);
        }
    }
}

static void
items_add(cp_text_item **v, size_t *n, xmlNodePtr c, const struct locs *L, bool dated)
{
    *v = xreallocarray(*v, *n + 1, sizeof **v);
    cp_text_item *t = &(*v)[(*n)++];
    memset(t, 0, sizeof *t);
    if (dated)
        t->date = date_attr(c, "date");
    t->text = node_text(c, false);
    t->loc = loc_of(L, c);
}

static void
document_fill(struct walk *w, cp_document *d, xmlNodePtr n)
{
    char *kind = xml_attr_value(n, "kind");
    int k = cp_doc_kind_from_name(kind);
    free(kind);
    d->kind = k >= 0 ? (enum cp_doc_kind)k : CP_DOC_OTHER;
    d->id = xml_attr_value(n, "id");
    if (d->id && !id_ok(d->id)) {          /* reported by the walk */
        free(d->id);
        d->id = NULL;
    }
    d->file = xml_attr_value(n, "file");
    d->title = xml_attr_value(n, "title");
    if (d->title == NULL)
        d->title = node_text(n, false);
    d->date = date_attr(n, "date");
    d->loc = loc_of(w->locs, n);
    for (xmlNodePtr c = n->children; c; c = c->next) {
        if (!xml_node_is(c, "message"))
            continue;
        d->messages = xreallocarray(d->messages, d->n_messages + 1, sizeof *d->messages);
        cp_message *m = &d->messages[d->n_messages++];
        memset(m, 0, sizeof *m);
        m->from = xml_attr_value(c, "from");
        m->date.hour = m->date.minute = -1;
        char *dt = xml_attr_value(c, "date");
        if (dt)
            cp_datetime_parse(&m->date, dt);
        free(dt);
        m->text = node_text(c, true);
        m->loc = loc_of(w->locs, c);
    }
    if (d->file == NULL && d->n_messages == 0)
        walk_report(w, n, "document-empty", "element", "document", NULL);
}

/* Values the schema does not express: the rest of the model is filled even
 * when something is wrong, so that every problem is found in one pass. */
static void
claim_fill(struct walk *w, cp_claim *c, xmlNodePtr root)
{
    const struct locs *L = w->locs;
    c->loc = loc_of(L, root);
    char *v = xml_attr_value(root, "version");
    c->version = v && strcmp(v, "1") == 0 ? 1 : 0;
    free(v);
    v = xml_attr_value(root, "type");
    int t = cp_claim_type_from_name(v);
    c->type = t >= 0 ? (enum cp_claim_type)t : CP_TYPE_DEFECTIVE;
    free(v);
    v = xml_attr_value(root, "lang");
    int l = cp_lang_from_name(v);
    c->lang = l >= 0 ? (enum cp_lang)l : CP_LANG_EN;
    free(v);
    c->jurisdiction = xml_attr_value(root, "jurisdiction");
    for (char *p = c->jurisdiction; p && *p; p++)
        if (*p >= 'a' && *p <= 'z')
            *p = (char)(*p - 'a' + 'A');
    c->date = date_attr(root, "date");
    c->date_given = cp_date_valid(c->date);
    v = xml_attr_value(root, "letter-before-claim");
    c->letter_before_claim = cp_streq(v, "yes");
    free(v);
    if (!c->date_given)
        c->date = cp_date_today();

    for (xmlNodePtr n = root->children; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE || n->ns)
            continue;
        if (xml_node_is(n, "claimant") && c->claimant.loc.line == 0) {
            party_fill(&c->claimant, n, L);
        } else if (xml_node_is(n, "recipient") && c->recipient.loc.line == 0) {
            party_fill(&c->recipient, n, L);
        } else if (xml_node_is(n, "order") && c->order.loc.line == 0) {
            order_fill(&c->order, n, L);
        } else if (xml_node_is(n, "card-issuer") && !c->card.present) {
            c->card.present = true;
            party_fill(&c->card.issuer, n, L);
            c->card.statement = date_attr(n, "statement");
            c->card.ending = xml_attr_value(n, "card-ending");
            if (c->card.ending && !last_four_ok(c->card.ending)) {   /* reported by the walk */
                free(c->card.ending);
                c->card.ending = NULL;
            }
        } else if (xml_node_is(n, "problem") && c->problem.loc.line == 0) {
            c->problem.loc = loc_of(L, n);
            c->problem.noticed = date_attr(n, "noticed");
            c->problem.type = xml_attr_value(n, "type");
            for (xmlNodePtr x = n->children; x; x = x->next) {
                if (xml_node_is(x, "summary") && c->problem.summary == NULL)
                    c->problem.summary = node_text(x, false);
                else if (xml_node_is(x, "fact"))
                    items_add(&c->problem.facts, &c->problem.n_facts, x, L, false);
            }
        } else if (xml_node_is(n, "history")) {
            for (xmlNodePtr x = n->children; x; x = x->next)
                if (xml_node_is(x, "event"))
                    items_add(&c->history, &c->n_history, x, L, true);
        } else if (xml_node_is(n, "previous-claim") && !c->previous.present) {
            c->previous.present = true;
            c->previous.ref = xml_attr_value(n, "ref");
            c->previous.date = date_attr(n, "date");
            c->previous.outcome = xml_attr_value(n, "outcome");
            c->previous.loc = loc_of(L, n);
            for (xmlNodePtr x = n->children; x; x = x->next) {
                if (xml_node_is(x, "reason") && c->previous.reason == NULL)
                    c->previous.reason = node_text(x, false);
                else if (xml_node_is(x, "answer"))
                    items_add(&c->previous.answers, &c->previous.n_answers, x, L, false);
            }
        } else if (xml_node_is(n, "resolution") && !c->resolution.present) {
            c->resolution.present = true;
            v = xml_attr_value(n, "kind");
            int k = cp_resolution_kind_from_name(v);
            c->resolution.kind = k >= 0 ? (enum cp_resolution_kind)k : CP_RES_OTHER;
            free(v);
            c->resolution.amount = amount_attrs(n, "amount");
            c->resolution.text = node_text(n, false);
            c->resolution.loc = loc_of(L, n);
        } else if (xml_node_is(n, "evidence")) {
            if (c->evidence_loc.line == 0)
                c->evidence_loc = loc_of(L, n);
            for (xmlNodePtr x = n->children; x; x = x->next) {
                if (!xml_node_is(x, "document"))
                    continue;
                c->documents = xreallocarray(c->documents, c->n_documents + 1, sizeof *c->documents);
                cp_document *d = &c->documents[c->n_documents++];
                memset(d, 0, sizeof *d);
                document_fill(w, d, x);
            }
        }
    }
}

/* The documents a fact or an answer cites (@evidence="ID ..."): each id
 * must be a document's. Documents come after the facts in the file, so this
 * runs once the model holds them all. */
static void
cites_resolve(struct walk *w, const cp_claim *c, cp_text_item *t, xmlNodePtr n)
{
    char *v = xml_attr_value(n, "evidence");
    for (char *save = NULL, *id = v ? strtok_r(v, " ", &save) : NULL; id;
         id = strtok_r(NULL, " ", &save)) {
        size_t k = 0;
        while (k < c->n_documents && !(c->documents[k].id && strcmp(c->documents[k].id, id) == 0))
            k++;
        if (k == c->n_documents) {
            cp_buf ids = CP_BUF_INIT;
            for (size_t j = 0; j < c->n_documents; j++) {
                bool listed = false;
                for (size_t i = 0; c->documents[j].id && i < j; i++)
                    listed |= c->documents[i].id && strcmp(c->documents[i].id, c->documents[j].id) == 0;
                if (c->documents[j].id && !listed)
                    cp_buf_printf(&ids, "%s%s", ids.len ? ", " : "", c->documents[j].id);
            }
            walk_report(w, n, ids.len ? "unknown-id" : "unknown-id-none", "element",
                        (const char *)n->name, "value", id, "allowed", ids.len ? ids.data : "",
                        NULL);
            cp_buf_free(&ids);
            continue;
        }
        bool again = false;
        for (size_t j = 0; j < t->n_cites; j++)
            again |= t->cites[j] == k;
        if (again)
            continue;
        t->cites = xreallocarray(t->cites, t->n_cites + 1, sizeof *t->cites);
        t->cites[t->n_cites++] = k;
    }
    free(v);
}

static void
cross_references(struct walk *w, cp_claim *c, xmlNodePtr root)
{
    for (size_t i = 0; i < c->n_documents; i++)
        for (size_t j = 0; c->documents[i].id && j < i; j++)
            if (c->documents[j].id && strcmp(c->documents[i].id, c->documents[j].id) == 0) {
                char line[24];
                snprintf(line, sizeof line, "%d", c->documents[j].loc.line);
                cp_loc at = c->documents[i].loc;
                char *msg = msgs_format(w->m, "duplicate-id", "value", c->documents[i].id,
                                        "line", line, NULL);
                cp_error(w->diags, w->status, w->file, at.line, at.col, "%s", msg);
                free(msg);
                break;
            }
    bool problem_seen = false, previous_seen = false;
    for (xmlNodePtr n = root->children; n; n = n->next) {
        size_t k = 0;
        if (xml_node_is(n, "problem") && !problem_seen) {
            problem_seen = true;
            for (xmlNodePtr x = n->children; x; x = x->next)
                if (xml_node_is(x, "fact") && k < c->problem.n_facts)
                    cites_resolve(w, c, &c->problem.facts[k++], x);
        } else if (xml_node_is(n, "previous-claim") && !previous_seen) {
            previous_seen = true;
            for (xmlNodePtr x = n->children; x; x = x->next)
                if (xml_node_is(x, "answer") && k < c->previous.n_answers)
                    cites_resolve(w, c, &c->previous.answers[k++], x);
        }
    }
}

/* ---- the claim file ---------------------------------------------------- */

struct claim_data {
    struct msgs msgs;
    struct rng rng;
};

static int
claim_data_load(struct claim_data *d, cp_diags *diags)
{
    memset(d, 0, sizeof *d);
    if (msgs_load(&d->msgs, diags) < 0)
        return -1;
    return rng_load(&d->rng, &d->msgs, diags);
}

static void
claim_data_free(struct claim_data *d)
{
    msgs_free(&d->msgs);
    rng_free(&d->rng);
}

void
claim_read_failed(const struct msgs *m, cp_diags *diags, const char *file, int err)
{
    char *msg;
    if (err == ENOENT)
        msg = msgs_format(m, "no-such-file", NULL);
    else if (err == EISDIR)
        msg = msgs_format(m, "is-directory", NULL);
    else if (err == EFBIG)
        msg = msgs_format(m, "too-large", "value", CLAIM_MAX_SIZE_TEXT, NULL);
    else
        msg = msgs_format(m, "unreadable", "reason", strerror(err), NULL);
    cp_error(diags, CP_INPUT, file, 0, 0, "%s", msg);
    free(msg);
}

/* keep: hand back the model of an invalid claim too (see cp_claim_parse_all). */
static int
claim_parse_data(cp_claim **out, const char *buf, size_t len, const char *name,
                 const char *dir, struct claim_data *cd, bool keep, cp_diags *diags)
{
    size_t errors_before = cp_diags_errors(diags);
    struct locs L = { NULL, 0 };
    struct walk w = { 0 };
    cp_claim *c = NULL;
    struct xml_read r = { .name = name, .status = CP_INVALID, .diags = diags, .msgs = &cd->msgs };
    xmlDocPtr doc = xml_read(&r, buf, len);
    if (doc == NULL)
        goto cleanup;
    struct scan s = { buf, len, 0, 0, 1 };
    xmlNodePtr root = xmlDocGetRootElement(doc);
    locs_assign(&L, &s, root);
    w = (struct walk){ &cd->rng, &cd->msgs, &L, diags, name, CP_INVALID, NULL, 0, NULL, 0 };
    const struct rng_elem *top = &cd->rng.elems[cd->rng.start];
    if (strcmp((const char *)root->name, top->name) != 0) {
        walk_report(&w, root, "wrong-root", "element", (const char *)root->name, NULL);
        goto cleanup;
    }
    walk_elem(&w, root, cd->rng.start);
    c = xcalloc(1, sizeof *c);
    c->path = xstrdup(name);
    c->dir = xstrdup(dir ? dir : ".");
    claim_fill(&w, c, root);
    cross_references(&w, c, root);
    rng_validate(&w, doc);
    c->schema_missing = w.missing;
    c->n_schema_missing = w.n_missing;
    w.missing = NULL;
    w.n_missing = 0;
cleanup:
    free(w.bad);
    for (size_t i = 0; i < w.n_missing; i++)
        free(w.missing[i]);
    free(w.missing);
    free(L.v);
    xmlFreeDoc(doc);
    bool invalid = cp_diags_errors(diags) > errors_before;
    if (invalid && !keep) {
        cp_claim_free(c);
        c = NULL;
    }
    *out = c;
    return c && !invalid ? 0 : -1;
}

int
cp_claim_parse_memory(cp_claim **out, const char *buf, size_t len, const char *name,
                      const char *dir, cp_diags *diags)
{
    *out = NULL;
    struct claim_data cd;
    int rc = -1;
    if (claim_data_load(&cd, diags) == 0)
        rc = claim_parse_data(out, buf, len, name, dir, &cd, false, diags);
    claim_data_free(&cd);
    return rc;
}

static int
claim_parse_file(cp_claim **out, const char *path, bool keep, cp_diags *diags)
{
    *out = NULL;
    struct claim_data cd;
    char *buf = NULL, *dir = NULL;
    size_t len = 0;
    int rc = -1;
    if (claim_data_load(&cd, diags) < 0)
        goto cleanup;
    if (cp_read_file(&buf, &len, path, CLAIM_MAX_SIZE) < 0) {
        claim_read_failed(&cd.msgs, diags, path, errno);
        goto cleanup;
    }
    dir = cp_path_dir(path);
    rc = claim_parse_data(out, buf, len, path, dir, &cd, keep, diags);
cleanup:
    free(dir);
    free(buf);
    claim_data_free(&cd);
    return rc;
}

bool
cp_claim_schema_said(const cp_claim *c, const char *field)
{
    for (size_t i = 0; i < c->n_schema_missing; i++)
        if (strcmp(c->schema_missing[i], field) == 0)
            return true;
    return false;
}

int
cp_claim_parse(cp_claim **out, const char *path, cp_diags *diags)
{
    return claim_parse_file(out, path, false, diags);
}

int
cp_claim_parse_all(cp_claim **out, const char *path, cp_diags *diags)
{
    return claim_parse_file(out, path, true, diags);
}

int
cp_claim_apply_profile(cp_claim *c, const char *profile_path, cp_diags *diags)
{
    char *path = profile_path ? xstrdup(profile_path) : cp_config_path("profile.xml");
    char *buf = NULL;
    size_t len = 0;
    struct claim_data cd;
    struct locs L = { NULL, 0 };
    struct walk w = { 0 };
    xmlDocPtr doc = NULL;
    size_t errors_before = cp_diags_errors(diags);
    int rc = -1;
    memset(&cd, 0, sizeof cd);
    /* Most people have no profile: then the schema and the wording are
     * not even loaded. */
    if (cp_read_file(&buf, &len, path, CLAIM_MAX_SIZE) < 0) {
        int err = errno;
        if (err == ENOENT)
            rc = 0;   /* no profile: nothing to fill in */
        else if (claim_data_load(&cd, diags) == 0)
            claim_read_failed(&cd.msgs, diags, path, err);
        goto cleanup;
    }
    if (claim_data_load(&cd, diags) < 0)
        goto cleanup;
    struct xml_read r = { .name = path, .status = CP_INPUT, .diags = diags, .msgs = &cd.msgs };
    doc = xml_read(&r, buf, len);
    if (doc == NULL)
        goto cleanup;
    xmlNodePtr root = xmlDocGetRootElement(doc);
    struct scan s = { buf, len, 0, 0, 1 };
    locs_assign(&L, &s, root);
    w = (struct walk){ &cd.rng, &cd.msgs, &L, diags, path, CP_INPUT, NULL, 0, NULL, 0 };
    long ei = rng_find_define(&cd.rng, "claimant");
    if (ei < 0 || !xml_node_is(root, "claimant")) {
        walk_report(&w, root, "profile-root", "element", (const char *)root->name, NULL);
        goto cleanup;
    }
    walk_elem(&w, root, (size_t)ei);
    if (cp_diags_errors(diags) > errors_before)
        goto cleanup;
    cp_party p;
    memset(&p, 0, sizeof p);
    party_fill(&p, root, &L);
    char **mine[] = { &c->claimant.name, &c->claimant.department, &c->claimant.address,
                      &c->claimant.email, &c->claimant.phone };
    char **theirs[] = { &p.name, &p.department, &p.address, &p.email, &p.phone };
    for (size_t i = 0; i < CP_ARRAY_LEN(mine); i++) {
        if (*mine[i] == NULL) {
            *mine[i] = *theirs[i];
            *theirs[i] = NULL;
        }
        free(*theirs[i]);
    }
    rc = 0;
cleanup:
    free(w.bad);
    free(L.v);
    xmlFreeDoc(doc);
    claim_data_free(&cd);
    free(buf);
    free(path);
    return rc;
}

static void
party_free(cp_party *p)
{
    free(p->name);
    free(p->department);
    free(p->address);
    free(p->email);
    free(p->phone);
    free(p->country);
}

void
cp_claim_free(cp_claim *c)
{
    if (c == NULL)
        return;
    free(c->path);
    free(c->dir);
    free(c->jurisdiction);
    party_free(&c->claimant);
    party_free(&c->recipient);
    party_free(&c->card.issuer);
    free(c->card.ending);
    free(c->order.number);
    free(c->order.seller);
    free(c->order.seller_country);
    free(c->order.marketplace);
    for (size_t i = 0; i < c->order.n_products; i++)
        free(c->order.products[i].description);
    free(c->order.products);
    free(c->order.tracking);
    free(c->order.carrier);
    free(c->problem.summary);
    free(c->problem.type);
    for (size_t i = 0; i < c->problem.n_facts; i++) {
        free(c->problem.facts[i].text);
        free(c->problem.facts[i].cites);
    }
    free(c->problem.facts);
    for (size_t i = 0; i < c->n_history; i++)
        free(c->history[i].text);
    free(c->history);
    free(c->previous.ref);
    free(c->previous.outcome);
    free(c->previous.reason);
    for (size_t i = 0; i < c->previous.n_answers; i++) {
        free(c->previous.answers[i].text);
        free(c->previous.answers[i].cites);
    }
    free(c->previous.answers);
    free(c->resolution.text);
    for (size_t i = 0; i < c->n_documents; i++) {
        cp_document *d = &c->documents[i];
        free(d->id);
        free(d->file);
        free(d->title);
        for (size_t j = 0; j < d->n_messages; j++) {
            free(d->messages[j].from);
            free(d->messages[j].text);
        }
        free(d->messages);
        cp_evidence_files_free(d);
    }
    free(c->documents);
    for (size_t i = 0; i < c->n_schema_missing; i++)
        free(c->schema_missing[i]);
    free(c->schema_missing);
    free(c);
}
