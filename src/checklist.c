/* checklist.c: the checklist that `claimpack check` prints. The rules are data
 * (data/checklist.xml, vocabulary described at its top); this file only
 * knows how to walk the rules. The fields they name are the claim's fields
 * of claim-fields.c, the table the templates read too. */
#include "config.h"
#include "claimpack/checklist.h"
#include "claim-fields.h"
#include "dataxml.h"
#include "law.h"
#include "util.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <errno.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define RULES_LIMIT (1024 * 1024)

/* Where an item belongs; <claim> stands in for an absent element. */
static const struct element {
    const char *name;
    size_t off;
} elements[] = {
    { "claim", offsetof(cp_claim, loc) },
    { "claimant", offsetof(cp_claim, claimant.loc) },
    { "recipient", offsetof(cp_claim, recipient.loc) },
    { "order", offsetof(cp_claim, order.loc) },
    { "order.tracking", offsetof(cp_claim, order.tracking_loc) },
    { "card-issuer", offsetof(cp_claim, card.issuer.loc) },
    { "problem", offsetof(cp_claim, problem.loc) },
    { "history", offsetof(cp_claim, loc) },
    { "previous-claim", offsetof(cp_claim, previous.loc) },
    { "resolution", offsetof(cp_claim, resolution.loc) },
    { "evidence", offsetof(cp_claim, evidence_loc) },
};

/* State of one evaluation: the rules file for error messages. */
typedef struct eval {
    const cp_claim *c;
    const cp_check_options *opt;
    const char *rules;
    const char *lang;    /* the claim's language code: which wording to take */
    cp_diags *diags;
    xmlNode *messages;
    int warn_days;
    int failed;
    bool schema_said;    /* a field the item requires was reported missing by the schema */
} eval;

static void rules_error(eval *e, const xmlNode *n, const char *fmt, ...) CP_PRINTF(3, 4);

static void
rules_error(eval *e, const xmlNode *n, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *msg = xvasprintf(fmt, ap);
    va_end(ap);
    cp_error(e->diags, CP_INPUT, e->rules, n ? (int)xmlGetLineNo(n) : 0, 0,
             "checklist rules: %s", msg);
    free(msg);
    e->failed = 1;
}

/* A field the rules may name: the claim's (claim-fields.c), not a letter's. */
static const cp_field *
field_find(const char *name, size_t len)
{
    const cp_field *f = cp_field_find(name, len);
    return f && !f->letter ? f : NULL;
}

static cp_loc
element_loc(const cp_claim *c, const char *name)
{
    cp_loc loc = c->loc;
    for (size_t i = 0; name && i < CP_ARRAY_LEN(elements); i++) {
        if (strcmp(elements[i].name, name) != 0)
            continue;
        loc = *(const cp_loc *)(const void *)((const char *)c + elements[i].off);
        if (loc.line == 0 && strcmp(name, "evidence") == 0 && c->n_documents > 0)
            loc = c->documents[0].loc;
        if (loc.line == 0)
            loc = c->loc;
    }
    return loc;
}

static bool
element_known(const char *name)
{
    for (size_t i = 0; i < CP_ARRAY_LEN(elements); i++)
        if (strcmp(elements[i].name, name) == 0)
            return true;
    return false;
}

/* An attribute as a malloc'd string, or NULL. */
/* Of the elements in the list starting at `first` named `name` (and, for
 * <message>, with id="id"), the one in the claim's language (lang="nl"),
 * else the one without lang=, which is English; NULL when there is
 * neither. */
static const xmlNode *
in_language(const eval *e, const xmlNode *first, const char *name, const char *id)
{
    const xmlNode *plain = NULL;
    for (const xmlNode *k = first; k; k = k->next) {
        if (k->type != XML_ELEMENT_NODE || strcmp((const char *)k->name, name) != 0)
            continue;
        if (id && !cp_data_xml_prop_is(k, "id", id))
            continue;
        if (e->lang && cp_data_xml_prop_is(k, "lang", e->lang))
            return k;
        if (!plain && !xmlHasNsProp(k, (const xmlChar *)"lang", NULL))
            plain = k;
    }
    return plain;
}

/* The trimmed text content of n, malloc'd. */
static char *
text_of(const xmlNode *n)
{
    xmlChar *v = xmlNodeGetContent(n);
    char *s = xstrdup(v ? (const char *)v : "");
    xmlFree(v);
    return cp_trim(s);
}

/* The trimmed text of the child element `name` in the claim's language,
 * or NULL. */
static char *
child_text(const eval *e, const xmlNode *n, const char *name)
{
    const xmlNode *k = in_language(e, n->children, name, NULL);
    return k ? text_of(k) : NULL;
}

/* Is `word` one of the white-space separated words of `list`? */
static bool
word_in(const char *list, const char *word, bool nocase)
{
    size_t wl = strlen(word);
    const char *p = list;
    while (*p) {
        while (*p == ' ' || *p == '\t' || *p == '\n')
            p++;
        const char *s = p;
        while (*p && *p != ' ' && *p != '\t' && *p != '\n')
            p++;
        size_t l = (size_t)(p - s);
        if (l == wl && l > 0 && (nocase ? strncasecmp(s, word, l) : strncmp(s, word, l)) == 0)
            return true;
    }
    return false;
}

static bool
contains_nocase(const char *hay, const char *needle)
{
    size_t nl = strlen(needle);
    for (const char *p = hay; *p; p++)
        if (strncasecmp(p, needle, nl) == 0)
            return true;
    return nl == 0;
}

/* The applicability attributes shared by <item> and <deadline>. */
static bool
applies(eval *e, const xmlNode *n)
{
    bool ok = true;
    char *v;
    if ((v = cp_data_xml_prop(n, "types"))) {
        for (const char *p = v; *p;) {   /* every listed type must be a type */
            while (*p == ' ')
                p++;
            size_t l = strcspn(p, " ");
            if (l) {
                char *w = xstrndup(p, l);
                if (cp_claim_type_from_name(w) < 0)
                    rules_error(e, n, "unknown claim type '%s'", w);
                free(w);
            }
            p += l;
        }
        /* an invalid type gets the items every claim needs, no more */
        const char *t = cp_claim_schema_said(e->c, "claim.type") ? NULL
            : cp_claim_type_name(e->c->type);
        ok = ok && t && word_in(v, t, false);
        free(v);
    }
    if ((v = cp_data_xml_prop(n, "jurisdiction"))) {
        ok = ok && e->c->jurisdiction && word_in(v, e->c->jurisdiction, true);
        free(v);
    }
    if ((v = cp_data_xml_prop(n, "marketplace"))) {
        ok = ok && e->c->order.marketplace && contains_nocase(e->c->order.marketplace, v);
        free(v);
    }
    if ((v = cp_data_xml_prop(n, "dispute"))) {
        /* a body's time limits matter to the letter that goes to it: the
         * European Consumer Centre takes a cross-border dispute, the body
         * at home the others (law.c, cp_law_body_get) */
        bool cross = cp_law_cross_border(e->c);
        if (strcmp(v, "home") == 0)
            ok = ok && !cross;
        else if (strcmp(v, "cross-border") == 0)
            ok = ok && cross;
        else
            rules_error(e, n, "unknown dispute '%s'", v);
        free(v);
    }
    if ((v = cp_data_xml_prop(n, "option"))) {
        if (strcmp(v, "print") == 0)
            ok = ok && e->opt && e->opt->print;
        else
            rules_error(e, n, "unknown option '%s'", v);
        free(v);
    }
    return ok;
}

static size_t
count_documents(eval *e, const xmlNode *n, const char *kinds)
{
    size_t count = 0;
    bool want[CP_DOC__COUNT] = { false };
    for (const char *p = kinds; *p;) {
        size_t l = strcspn(p, "|");
        char *w = cp_trim(xstrndup(p, l));
        int k = cp_doc_kind_from_name(w);
        if (k < 0)
            rules_error(e, n, "unknown document kind '%s'", w);
        else
            want[k] = true;
        free(w);
        p += l;
        if (*p == '|')
            p++;
    }
    for (size_t i = 0; i < e->c->n_documents; i++) {
        int k = (int)e->c->documents[i].kind;
        if (k >= 0 && k < CP_DOC__COUNT && want[k])
            count++;
    }
    return count;
}

static bool cond_all(eval *e, const xmlNode *parent);

static bool
cond_require(eval *e, const xmlNode *n)
{
    char *f = cp_data_xml_prop(n, "field"), *d = cp_data_xml_prop(n, "document"), *m = cp_data_xml_prop(n, "min");
    bool ok = false;
    long min = 1;
    if (m) {
        char *end;
        errno = 0;
        min = strtol(m, &end, 10);
        if (errno || *end || end == m || min < 0) {
            rules_error(e, n, "bad min '%s'", m);
            min = 1;
        }
    }
    if ((f != NULL) == (d != NULL)) {
        rules_error(e, n, "<require> needs exactly one of field= and document=");
    } else if (f) {
        for (const char *p = f; *p;) {
            size_t l = strcspn(p, "|");
            const cp_field *fd = field_find(p, l);
            if (!fd)
                rules_error(e, n, "unknown field '%.*s'", (int)l, p);
            else if (cp_field_present(fd, e->c))
                ok = true;
            else   /* then the item is listed without a second diagnostic */
                e->schema_said |= cp_claim_schema_said(e->c, fd->name);
            p += l;
            if (*p == '|')
                p++;
        }
    } else {
        ok = count_documents(e, n, d) >= (size_t)min;
    }
    free(f);
    free(d);
    free(m);
    return ok;
}

static bool
cond_one(eval *e, const xmlNode *n)
{
    const char *name = (const char *)n->name;
    if (strcmp(name, "require") == 0)
        return cond_require(e, n);
    if (strcmp(name, "all") == 0)
        return cond_all(e, n);
    if (strcmp(name, "any") == 0) {
        bool ok = false, seen = false;
        /* Evaluate every child so that a mistake in the rules shows. */
        for (const xmlNode *k = n->children; k; k = k->next)
            if (k->type == XML_ELEMENT_NODE) {
                seen = true;
                ok = cond_one(e, k) || ok;
            }
        if (!seen)
            rules_error(e, n, "<any> without conditions");
        return ok;
    }
    rules_error(e, n, "unknown condition <%s>", name);
    return false;
}

/* Every condition child of an <item> (or <all>) holds. */
static bool
cond_all(eval *e, const xmlNode *parent)
{
    bool ok = true;
    for (const xmlNode *k = parent->children; k; k = k->next) {
        if (k->type != XML_ELEMENT_NODE)
            continue;
        const char *name = (const char *)k->name;
        if (strcmp(name, "label") == 0 || strcmp(name, "hint") == 0 || strcmp(name, "note") == 0)
            continue;
        ok = cond_one(e, k) && ok;
    }
    return ok;
}

/* The <message id=...> template with {name} replaced from vars (name,
 * value pairs, NULL-terminated). Unknown names stay as written. */
static char *
message(eval *e, const char *id, const char *const *vars)
{
    const xmlNode *m = in_language(e, e->messages, "message", id);
    char *tmpl = m ? text_of(m) : NULL;
    if (!tmpl) {
        rules_error(e, NULL, "no <message id=\"%s\">", id);
        tmpl = xstrdup("{label}");
    }
    size_t n = 0;
    while (vars[2 * n])
        n++;
    char *msg = cp_fill(tmpl, vars, n);
    free(tmpl);
    return msg;
}

/* Label and hint are required in the rules; an empty string stands in. */
static char *
child_text_req(eval *e, const xmlNode *n, const char *name)
{
    char *s = child_text(e, n, name);
    if (!s) {
        rules_error(e, n, "<%s> without <%s>", (const char *)n->name, name);
        s = xstrdup("");
    }
    return s;
}

static void
eval_item(eval *e, const xmlNode *n, cp_checklist *cl)
{
    char *id = cp_data_xml_prop(n, "id"), *level = cp_data_xml_prop(n, "level"), *el = cp_data_xml_prop(n, "element");
    char *label = child_text_req(e, n, "label"), *hint = child_text_req(e, n, "hint");
    bool required = cp_streq(level, "required");
    if (!id)
        rules_error(e, n, "<item> without id");
    if (!required && !cp_streq(level, "recommended"))
        rules_error(e, n, "level must be required or recommended");
    if (el && !element_known(el))
        rules_error(e, n, "unknown element '%s'", el);
    e->schema_said = false;
    bool ok = cond_all(e, n);
    if (!applies(e, n) || !id) {
        free(id);
        free(label);
        free(hint);
        goto cleanup;
    }
    cl->items = xreallocarray(cl->items, cl->n_items + 1, sizeof *cl->items);
    cp_check_item *it = &cl->items[cl->n_items++];
    it->id = id;
    it->label = label;
    it->hint = hint;
    it->loc = element_loc(e->c, el);
    it->state = ok ? CP_ITEM_PRESENT : required ? CP_ITEM_MISSING : CP_ITEM_RECOMMENDED;
    if (!ok && !e->schema_said) {
        const char *vars[] = { "label", label, "hint", hint, "id", id, NULL };
        char *msg = message(e, required ? "missing" : "recommended", vars);
        if (required)
            cp_error(e->diags, CP_INVALID, e->c->path, it->loc.line, it->loc.col, "%s", msg);
        else
            cp_warning(e->diags, e->c->path, it->loc.line, it->loc.col, "%s", msg);
        free(msg);
    }
cleanup:
    free(level);
    free(el);
}

/* "30d", "6m", "2y": *unit is 'd', 'm' or 'y'. */
static int
parse_offset(const char *s, long *n, char *unit)
{
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (errno || end == s || v < 0 || v > 100000 || strlen(end) != 1 || !strchr("dmy", *end))
        return -1;
    *n = v;
    *unit = *end;
    return 0;
}

/* Whether deadline a is listed after b: by date, and those without a date
 * (the claim lacks the date they count from) after all that have one. */
static bool
later(const cp_deadline *a, const cp_deadline *b)
{
    if (a->applies != b->applies)
        return !a->applies;
    return a->applies && cp_date_cmp(a->date, b->date) > 0;
}

/* Deadlines are listed by date, as a person reads a calendar; the rules
 * file's order (grouped by the law they rest on) breaks ties. Insertion
 * sort, because it is stable and a claim has a handful. */
static void
sort_deadlines(cp_checklist *cl)
{
    for (size_t i = 1; i < cl->n_deadlines; i++) {
        cp_deadline d = cl->deadlines[i];
        size_t j = i;
        for (; j > 0 && later(&cl->deadlines[j - 1], &d); j--)
            cl->deadlines[j] = cl->deadlines[j - 1];
        cl->deadlines[j] = d;
    }
}

/* A deadline's name: its own <label>, or the shared message
 * "deadline.NAME" (name= or the id), with the law it rests on (cite=) in
 * brackets: "Legal guarantee (§ 438 BGB)". */
static char *
deadline_label(eval *e, const xmlNode *n, const char *id)
{
    char *label = child_text(e, n, "label");
    if (!label) {
        char *name = cp_data_xml_prop(n, "name");
        char *key = xasprintf("deadline.%s", name ? name : id ? id : "");
        const char *none[] = { NULL };
        label = message(e, key, none);
        free(key);
        free(name);
    }
    char *cite = cp_data_xml_prop(n, "cite");
    if (cite) {
        const char *vars[] = { "label", label, "cite", cite, NULL };
        char *both = message(e, "label-cite", vars);
        free(label);
        label = both;
        free(cite);
    }
    return label;
}

/* "2 years after delivery", "opens 3 days after the latest estimated
 * delivery date", then the deadline's own <note>: the period is worded from
 * the offset, so its number is written once. */
static char *
deadline_note(eval *e, const xmlNode *n, const char *from, long count, char unit, bool first)
{
    char num[24], key[64];
    snprintf(num, sizeof num, "%ld", count);
    snprintf(key, sizeof key, "%s%s", unit == 'd' ? "day" : unit == 'm' ? "month" : "year",
             count == 1 ? "" : "s");
    const char *nvars[] = { "n", num, NULL };
    char *length = message(e, key, nvars);
    snprintf(key, sizeof key, "after.%s", from);
    const char *avars[] = { "length", length, NULL };
    char *after = message(e, key, avars);
    const char *pvars[] = { "after", after, NULL };
    char *period = message(e, first ? "opens" : "closes", pvars);
    char *extra = child_text(e, n, "note");
    char *note;
    if (extra && *extra) {
        const char *vars[] = { "period", period, "note", extra, NULL };
        note = message(e, "period-note", vars);
    } else {
        note = xstrdup(period);
    }
    free(length);
    free(after);
    free(period);
    free(extra);
    return note;
}

static void
eval_deadline(eval *e, const xmlNode *n, cp_checklist *cl)
{
    char *id = cp_data_xml_prop(n, "id"), *from = cp_data_xml_prop(n, "from"), *off = cp_data_xml_prop(n, "offset");
    char *kind = cp_data_xml_prop(n, "kind"), *el = cp_data_xml_prop(n, "element"), *source = cp_data_xml_prop(n, "source");
    char *label = NULL, *note = NULL;
    const cp_field *f = from ? field_find(from, strlen(from)) : NULL;
    long count = 0;
    char unit = 'd';
    bool first = cp_streq(kind, "first-day"), reply = cp_streq(kind, "reply");
    bool ok = true;

    if (!id)
        ok = false, rules_error(e, n, "<deadline> without id");
    if (!f || f->kind != CP_FIELD_DATE || f->compute)
        ok = false, rules_error(e, n, "from='%s' is not a date field", from ? from : "");
    if (!off || parse_offset(off, &count, &unit) < 0)
        ok = false, rules_error(e, n, "bad offset '%s' (use Nd, Nm or Ny)", off ? off : "");
    if (kind && !first && !reply && strcmp(kind, "last-day") != 0)
        ok = false, rules_error(e, n, "kind must be last-day, first-day or reply");
    if (el && !element_known(el))
        ok = false, rules_error(e, n, "unknown element '%s'", el);
    if (!applies(e, n) || !ok)
        goto cleanup;
    label = deadline_label(e, n, id);
    note = deadline_note(e, n, f->name, count, unit, first);

    cl->deadlines = xreallocarray(cl->deadlines, cl->n_deadlines + 1, sizeof *cl->deadlines);
    cp_deadline *d = &cl->deadlines[cl->n_deadlines++];
    memset(d, 0, sizeof *d);
    d->first_day = first;
    d->reply = reply;
    d->id = id;
    d->label = label;
    d->note = note;
    d->source = source;
    id = label = note = source = NULL;
    cp_date base = *(const cp_date *)(const void *)((const char *)e->c + f->off);
    d->applies = cp_date_valid(base) && cp_date_valid(e->c->date);
    if (!d->applies)
        goto cleanup;
    if (unit == 'd')
        d->date = cp_date_add_days(base, count);
    else
        d->date = cp_date_add_months(base, (int)(unit == 'y' ? count * 12 : count));
    d->passed = cp_date_cmp(d->date, e->c->date) < 0;

    long days = cp_date_to_days(d->date) - cp_date_to_days(e->c->date);
    char iso[11], ndays[24];
    cp_date_format_iso(d->date, iso);
    snprintf(ndays, sizeof ndays, "%ld", days);
    const char *vars[] = { "label", d->label, "date", iso, "days", ndays, "id", d->id, NULL };
    const char *which = NULL;
    if (reply)
        which = NULL;   /* the letter sets it: nothing to warn about */
    else if (first)
        which = days > 0 ? "early" : NULL;
    else if (days < 0)
        which = "passed";
    else if (days <= e->warn_days)
        which = "near";
    d->warn = which != NULL;
    if (which) {
        cp_loc loc = element_loc(e->c, el);
        char *msg = message(e, which, vars);
        cp_warning(e->diags, e->c->path, loc.line, loc.col, "%s", msg);
        free(msg);
    }
cleanup:
    free(id);
    free(from);
    free(off);
    free(kind);
    free(el);
    free(label);
    free(note);
    free(source);
}

int
cp_checklist_eval(cp_checklist **out, const cp_claim *c, const char *rules_path,
                  const cp_check_options *opt, cp_diags *diags)
{
    *out = NULL;
    cp_checklist *cl = xcalloc(1, sizeof *cl);
    /* Diagnostics of the claim are only added once the rules are known
     * good: a broken rules file says so, and nothing about the claim. */
    cp_diags local = CP_DIAGS_INIT;
    eval e = { c, opt, rules_path, cp_lang_name(c->lang), &local, NULL, 14, 0, false };
    xmlDoc *doc = cp_data_xml_load(rules_path, "checklist", "the checklist rules", RULES_LIMIT,
                                   &local);
    if (!doc)
        goto cleanup;
    xmlNode *root = xmlDocGetRootElement(doc);
    e.messages = root->children;
    char *w = cp_data_xml_prop(root, "warn-days");
    if (w) {
        char *end;
        long v = strtol(w, &end, 10);
        if (*end || end == w || v < 0 || v > 3650)
            rules_error(&e, root, "bad warn-days '%s'", w);
        else
            e.warn_days = (int)v;
        free(w);
    }
    for (const xmlNode *n = root->children; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        if (strcmp((const char *)n->name, "item") == 0)
            eval_item(&e, n, cl);
        else if (strcmp((const char *)n->name, "deadline") == 0)
            eval_deadline(&e, n, cl);
        else if (strcmp((const char *)n->name, "message") != 0)
            rules_error(&e, n, "unknown element <%s>", (const char *)n->name);
    }
    sort_deadlines(cl);
    xmlFreeDoc(doc);
cleanup:;
    bool bad = !doc || e.failed;
    for (size_t i = 0; i < local.count; i++) {
        cp_diag *x = &local.items[i];
        if (bad && x->status != CP_INPUT)
            continue;
        if (x->severity == CP_ERROR)
            cp_error(diags, x->status, x->file, x->line, x->col, "%s", x->message);
        else
            cp_warning(diags, x->file, x->line, x->col, "%s", x->message);
    }
    cp_diags_free(&local);
    if (bad) {
        cp_checklist_free(cl);
        return -1;
    }
    *out = cl;
    return 0;
}

void
cp_checklist_free(cp_checklist *cl)
{
    if (!cl)
        return;
    for (size_t i = 0; i < cl->n_items; i++) {
        free(cl->items[i].id);
        free(cl->items[i].label);
        free(cl->items[i].hint);
    }
    for (size_t i = 0; i < cl->n_deadlines; i++) {
        free(cl->deadlines[i].id);
        free(cl->deadlines[i].label);
        free(cl->deadlines[i].note);
        free(cl->deadlines[i].source);
    }
    free(cl->items);
    free(cl->deadlines);
    free(cl);
}

cp_date
cp_checklist_reply_by(const cp_checklist *cl, const cp_claim *c)
{
    for (size_t i = 0; cl && i < cl->n_deadlines; i++)
        if (cl->deadlines[i].reply && cl->deadlines[i].applies)
            return cl->deadlines[i].date;
    return cp_date_valid(c->date) ? cp_date_add_days(c->date, 14) : c->date;
}

size_t
cp_next_steps(cp_next_step out[2], const cp_claim *c, const cp_checklist *cl)
{
    cp_date by = cp_checklist_reply_by(cl, c);
    cp_law_body body = { 0 };
    switch (c->type) {
    case CP_TYPE_ESCALATION:
        cp_law_body_get(&body, c, cp_lang_name(c->lang));
        out[0] = (cp_next_step){ "body", by, -1, body.name };
        body.name = NULL;
        cp_law_body_free(&body);
        return 1;
    case CP_TYPE_REMINDER:
    case CP_TYPE_APPEAL:
        cp_law_body_get(&body, c, cp_lang_name(c->lang));
        out[0] = (cp_next_step){ "no-solution", by, CP_TYPE_ESCALATION, body.name };
        body.name = NULL;
        cp_law_body_free(&body);
        return 1;
    default:
        out[0] = (cp_next_step){ "no-answer", by, CP_TYPE_REMINDER, NULL };
        out[1] = (cp_next_step){ "rejected", { 0, 0, 0 }, CP_TYPE_APPEAL, NULL };
        return 2;
    }
}

void
cp_next_steps_free(cp_next_step *steps, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free(steps[i].body);
        steps[i].body = NULL;
    }
}
