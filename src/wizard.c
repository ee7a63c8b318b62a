/* wizard.c: the questions of `claimpack init` at a terminal, the claim
 * written from the answers, and the checklist run over it.
 *
 * Every answer is checked as it is given and asked again with a hint. The
 * answers live in one struct until the end, so that end of input can jump
 * out of any question (longjmp) to one cleanup, with nothing written. */
#include "config.h"
#include "wizard.h"
#include "claimpack/claimpack.h"
#include "claimpack/l10n.h"
#include "claimpack/load.h"
#include "output.h"
#include "util.h"

#include <ctype.h>
#include <errno.h>
#include <glob.h>
#include <limits.h>
#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define ANSWER_MAX 2000       /* bytes in one answer */
#define LIST_MAX 200          /* lines in one list (facts, address, files) */
#define WORDING_LIMIT (256 * 1024)

struct strlist {
    char **v;
    size_t n;
};

struct wizard {
    /* The wording: key/value pairs, English first, the language after it
     * (looked up from the end, so the language wins). */
    char **keys, **vals;
    size_t n_msgs;

    jmp_buf eof;
    char *line;               /* the line being read */
    size_t line_cap;
    char today[11];

    char *output, *outdir, *outdir_shown, *profile_path;
    bool have_profile;
    int type, lang, resolution;
    char *jurisdiction;
    char *name, *email, *phone, *address;
    char *seller, *seller_address, *marketplace, *order, *placed, *expected, *delivered;
    char *tracking, *carrier, *product, *price, *currency;
    char *summary, *noticed;
    char *prev_ref, *prev_date, *prev_outcome;
    char *amount, *request;
    struct strlist facts, invoice, photos, charge, trackdoc, mail, report;
};

static void
strlist_push(struct strlist *l, char *s)
{
    l->v = xreallocarray(l->v, l->n + 1, sizeof *l->v);
    l->v[l->n++] = s;
}

static void
strlist_free(struct strlist *l)
{
    for (size_t i = 0; i < l->n; i++)
        free(l->v[i]);
    free(l->v);
    l->v = NULL;
    l->n = 0;
}

/* ---- wording ---- */

static void
wording_load(struct wizard *w, const char *lang)
{
    char *rel = xasprintf("data/wizard/%s.txt", lang);
    char *path = cp_data_path(rel);
    char *src = NULL;
    size_t len = 0;
    free(rel);
    if (cp_read_file(&src, &len, path, WORDING_LIMIT) < 0) {
        free(path);
        return;   /* a language without its own wording: English serves */
    }
    free(path);
    char *save = NULL;
    for (char *ln = strtok_r(src, "\n", &save); ln; ln = strtok_r(NULL, "\n", &save)) {
        cp_trim(ln);
        char *eq = strchr(ln, '=');
        if (*ln == '#' || !eq)
            continue;
        *eq = '\0';
        char *key = cp_trim(ln), *val = cp_trim(eq + 1);
        cp_buf b = CP_BUF_INIT;
        for (const char *p = val; *p; p++) {
            if (p[0] == '\\' && p[1] == 'n')
                cp_buf_putc(&b, '\n'), p++;
            else
                cp_buf_putc(&b, *p);
        }
        if (!b.data)
            cp_buf_puts(&b, "");
        w->keys = xreallocarray(w->keys, w->n_msgs + 1, sizeof *w->keys);
        w->vals = xreallocarray(w->vals, w->n_msgs + 1, sizeof *w->vals);
        w->keys[w->n_msgs] = xstrdup(key);
        w->vals[w->n_msgs++] = cp_buf_detach(&b);
    }
    free(src);
}

/* The text of key; the key itself when no wording file has it, so that a
 * gap shows instead of crashing. */
static const char *
msg(const struct wizard *w, const char *key)
{
    for (size_t i = w->n_msgs; i-- > 0;)
        if (strcmp(w->keys[i], key) == 0)
            return w->vals[i];
    return key;
}

/* key's text with each "{}" replaced by the next of a, b. Newly allocated. */
static char *
msgf(const struct wizard *w, const char *key, const char *a, const char *b)
{
    const char *args[2] = { a, b };
    size_t used = 0;
    cp_buf out = CP_BUF_INIT;
    for (const char *p = msg(w, key); *p; p++) {
        if (p[0] == '{' && p[1] == '}' && used < 2) {
            cp_buf_puts(&out, args[used] ? args[used] : "");
            used++;
            p++;
        } else {
            cp_buf_putc(&out, *p);
        }
    }
    if (!out.data)
        cp_buf_puts(&out, "");
    return cp_buf_detach(&out);
}

static void
say(const struct wizard *w, const char *key, const char *a, const char *b)
{
    char *s = msgf(w, key, a, b);
    fprintf(stderr, "%s\n", s);
    free(s);
}

/* ---- reading answers ---- */

/* One line from standard input, trimmed, in w->line. End of input jumps to
 * wizard_run's cleanup. Returns 0, or -1 when the line cannot be an answer
 * (the person was told why). */
static int
read_line(struct wizard *w)
{
    fflush(stderr);
    errno = 0;
    ssize_t n = getline(&w->line, &w->line_cap, stdin);
    if (n < 0)
        longjmp(w->eof, 1);
    while (n > 0 && (w->line[n - 1] == '\n' || w->line[n - 1] == '\r'))
        w->line[--n] = '\0';
    if (n > ANSWER_MAX) {
        char max[32];
        snprintf(max, sizeof max, "%d", ANSWER_MAX);
        say(w, "too.long", max, NULL);
        return -1;
    }
    bool bad = !cp_utf8_valid(w->line, (size_t)n) || strlen(w->line) != (size_t)n;
    for (ssize_t i = 0; i < n && !bad; i++) {
        unsigned char c = (unsigned char)w->line[i];
        if ((c < 0x20 && c != '\t') || c == 0x7f)
            bad = true;
    }
    if (bad) {
        say(w, "bad.text", NULL, NULL);
        return -1;
    }
    for (char *p = w->line; *p; p++)
        if (*p == '\t')
            *p = ' ';
    cp_trim(w->line);
    return 0;
}

/* A check of one answer: true when fine, else it told the person why. */
typedef bool answer_check(struct wizard *w, char *answer);

/* Ask the question `key` (its "{}" filled with arg) with a default; a new
 * string, or NULL for an empty answer to an optional question. */
static char *
ask(struct wizard *w, const char *key, const char *arg, const char *def, bool required,
    answer_check *check)
{
    char *q = msgf(w, key, arg, NULL);
    for (;;) {
        if (def && *def)
            fprintf(stderr, "%s [%s]: ", q, def);
        else
            fprintf(stderr, "%s: ", q);
        if (read_line(w) < 0)
            continue;
        if (!*w->line) {
            if (def && *def) {
                free(q);
                return xstrdup(def);
            }
            if (!required) {
                free(q);
                return NULL;
            }
            say(w, "required", NULL, NULL);
            continue;
        }
        if (check && !check(w, w->line))
            continue;
        free(q);
        return xstrdup(w->line);
    }
}

static bool
word_in(const char *answer, const char *words)
{
    size_t n = strlen(answer);
    for (const char *p = words; *p;) {
        while (*p == ' ')
            p++;
        size_t l = strcspn(p, " ");
        if (l && l == n && strncasecmp(p, answer, n) == 0)
            return true;
        p += l;
    }
    return false;
}

static bool
ask_yesno(struct wizard *w, const char *key, const char *arg, bool def)
{
    char *q = msgf(w, key, arg, NULL);
    /* The default is shown as the first of the language's words for it. */
    const char *words = msg(w, def ? "yes" : "no");
    int shown = (int)strcspn(words, " ");
    for (;;) {
        fprintf(stderr, "%s [%.*s]: ", q, shown, words);
        if (read_line(w) < 0)
            continue;
        bool yes = word_in(w->line, msg(w, "yes")), no = word_in(w->line, msg(w, "no"));
        if (!*w->line || yes || no) {
            bool r = *w->line ? yes : def;
            free(q);
            return r;
        }
        say(w, "yesno.bad", NULL, NULL);
    }
}

/* A numbered menu; the answer is a number or the value's own name. Returns
 * the index chosen. */
static int
ask_choice(struct wizard *w, const char *key, const char *prefix, const char *const *names,
           int n, int def)
{
    fprintf(stderr, "%s\n", msg(w, key));
    for (int i = 0; i < n; i++) {
        char *k = xasprintf("%s.%s", prefix, names[i]);
        fprintf(stderr, "  %d) %s\n", i + 1, msg(w, k));
        free(k);
    }
    char count[16];
    snprintf(count, sizeof count, "%d", n);
    for (;;) {
        fprintf(stderr, "[%d]: ", def + 1);
        if (read_line(w) < 0)
            continue;
        if (!*w->line)
            return def;
        char *end;
        long v = strtol(w->line, &end, 10);
        if (*end == '\0' && end != w->line && v >= 1 && v <= n)
            return (int)v - 1;
        for (int i = 0; i < n; i++)
            if (strcasecmp(w->line, names[i]) == 0)
                return i;
        say(w, "choice.bad", count, NULL);
    }
}

/* Lines until an empty one, each checked by check (NULL: any). At least
 * `min` of them. */
static void
ask_lines(struct wizard *w, const char *key, const char *none_key, struct strlist *out,
          size_t min, answer_check *check)
{
    fprintf(stderr, "%s:\n", msg(w, key));
    for (;;) {
        fprintf(stderr, "  > ");
        if (read_line(w) < 0)
            continue;
        if (!*w->line) {
            if (out->n >= min)
                return;
            say(w, none_key, NULL, NULL);
            continue;
        }
        if (check && !check(w, w->line))
            continue;
        if (out->n >= LIST_MAX) {
            char max[16];
            snprintf(max, sizeof max, "%d", LIST_MAX);
            say(w, "list.full", max, NULL);
            continue;
        }
        strlist_push(out, xstrdup(w->line));
    }
}

static char *
strlist_join(const struct strlist *l)
{
    cp_buf b = CP_BUF_INIT;
    for (size_t i = 0; i < l->n; i++)
        cp_buf_printf(&b, "%s%s", i ? "\n" : "", l->v[i]);
    return b.data ? cp_buf_detach(&b) : NULL;
}

/* ---- checks ---- */

static bool
check_date_any(struct wizard *w, char *a)
{
    cp_date d;
    if (cp_date_parse(&d, a) < 0) {
        say(w, "date.bad", a, w->today);
        return false;
    }
    return true;
}

/* A day that has happened: ordered, delivered, noticed, filed. */
static bool
check_date_past(struct wizard *w, char *a)
{
    if (!check_date_any(w, a))
        return false;
    cp_date d;
    cp_date_parse(&d, a);
    if (cp_date_cmp(d, cp_date_today()) > 0) {
        say(w, "date.future", a, w->today);
        return false;
    }
    return true;
}

/* What claim.c accepts as an amount: digits, then at most three decimals. */
static bool
check_amount(struct wizard *w, char *a)
{
    size_t i = 0, whole = 0, frac = 0;
    while (isdigit((unsigned char)a[i]))
        i++, whole++;
    if (a[i] == '.') {
        i++;
        while (isdigit((unsigned char)a[i]))
            i++, frac++;
        if (frac == 0)
            whole = 0;
    }
    if (a[i] != '\0' || whole == 0 || whole > 12 || frac > 3) {
        say(w, "amount.bad", a, NULL);
        return false;
    }
    return true;
}

static bool
check_currency(struct wizard *w, char *a)
{
    if (strlen(a) != 3 || !isalpha((unsigned char)a[0]) || !isalpha((unsigned char)a[1]) ||
        !isalpha((unsigned char)a[2])) {
        say(w, "currency.bad", NULL, NULL);
        return false;
    }
    for (char *p = a; *p; p++)
        *p = (char)toupper((unsigned char)*p);
    return true;
}

static bool
check_email(struct wizard *w, char *a)
{
    const char *at = strchr(a, '@');
    bool ok = at && at > a && !strchr(at + 1, '@') && !strchr(a, ' ');
    if (ok) {
        const char *dot = strrchr(at + 1, '.');
        ok = dot && dot > at + 1 && dot[1] != '\0';
    }
    if (!ok)
        say(w, "email.bad", a, NULL);
    return ok;
}

static bool
check_phone(struct wizard *w, char *a)
{
    int digits = 0;
    for (const char *p = a; *p; p++) {
        if (isdigit((unsigned char)*p))
            digits++;
        else if (!strchr(" +()-/.", *p))
            digits = -1000;
    }
    if (digits < 3) {
        say(w, "phone.bad", NULL, NULL);
        return false;
    }
    return true;
}

static bool
check_jurisdiction(struct wizard *w, char *a)
{
    if (strlen(a) != 2 || !isalpha((unsigned char)a[0]) || !isalpha((unsigned char)a[1])) {
        say(w, "jurisdiction.bad", NULL, NULL);
        return false;
    }
    a[0] = (char)toupper((unsigned char)a[0]);
    a[1] = (char)toupper((unsigned char)a[1]);
    return true;
}

static bool
check_lang(struct wizard *w, char *a)
{
    for (char *p = a; *p; p++)
        *p = (char)tolower((unsigned char)*p);
    if (cp_lang_from_name(a) < 0) {
        say(w, "lang.bad", NULL, NULL);
        return false;
    }
    return true;
}

/* An evidence path or pattern, relative to the claim file's directory,
 * matches at least one regular file. */
static bool
check_file(struct wizard *w, char *a)
{
    bool ok = false;
    if (strpbrk(a, "*?[")) {
        char *dir = cp_glob_escape(w->outdir);
        char *pat = a[0] == '/' ? xstrdup(a) : cp_path_join(dir, a);
        glob_t g;
        if (glob(pat, 0, NULL, &g) == 0) {
            for (size_t i = 0; i < g.gl_pathc && !ok; i++) {
                struct stat st;
                ok = stat(g.gl_pathv[i], &st) == 0 && S_ISREG(st.st_mode);
            }
            globfree(&g);
        }
        free(pat);
        free(dir);
    } else {
        char *path = cp_path_join(w->outdir, a);
        struct stat st;
        ok = stat(path, &st) == 0 && S_ISREG(st.st_mode);
        free(path);
    }
    if (!ok)
        say(w, "evidence.none", a, w->outdir_shown);
    return ok;
}

/* ---- the claim file ---- */

/* Text or an attribute value with & < > " escaped. */
static void
put_esc(cp_buf *b, const char *s)
{
    for (; *s; s++) {
        switch (*s) {
        case '&': cp_buf_puts(b, "&amp;"); break;
        case '<': cp_buf_puts(b, "&lt;"); break;
        case '>': cp_buf_puts(b, "&gt;"); break;
        case '"': cp_buf_puts(b, "&quot;"); break;
        default: cp_buf_putc(b, *s);
        }
    }
}

static void
put_elem(cp_buf *b, const char *indent, const char *name, const char *text)
{
    if (!text)
        return;
    cp_buf_printf(b, "%s<%s>", indent, name);
    put_esc(b, text);
    cp_buf_printf(b, "</%s>\n", name);
}

static void
put_attr(cp_buf *b, const char *name, const char *value)
{
    if (!value)
        return;
    cp_buf_printf(b, " %s=\"", name);
    put_esc(b, value);
    cp_buf_putc(b, '"');
}

static void
put_docs(cp_buf *b, const char *kind, const struct strlist *l)
{
    for (size_t i = 0; i < l->n; i++) {
        cp_buf_printf(b, "    <document kind=\"%s\"", kind);
        put_attr(b, "file", l->v[i]);
        cp_buf_puts(b, "/>\n");
    }
}

static char *
claim_xml(const struct wizard *w)
{
    cp_buf b = CP_BUF_INIT;
    cp_buf_puts(&b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<claim version=\"1\"");
    put_attr(&b, "type", cp_claim_type_name((enum cp_claim_type)w->type));
    put_attr(&b, "lang", cp_lang_name((enum cp_lang)w->lang));
    put_attr(&b, "jurisdiction", w->jurisdiction);
    cp_buf_puts(&b, ">\n  <claimant>\n");
    put_elem(&b, "    ", "name", w->name);
    put_elem(&b, "    ", "address", w->address);
    put_elem(&b, "    ", "email", w->email);
    put_elem(&b, "    ", "phone", w->phone);
    cp_buf_puts(&b, "  </claimant>\n");
    if (w->seller) {
        cp_buf_puts(&b, "  <recipient>\n");
        put_elem(&b, "    ", "name", w->seller);
        put_elem(&b, "    ", "address", w->seller_address);
        cp_buf_puts(&b, "  </recipient>\n");
    }
    cp_buf_puts(&b, "  <order");
    put_attr(&b, "number", w->order);
    put_attr(&b, "placed", w->placed);
    put_attr(&b, "expected", w->expected);
    put_attr(&b, "delivered", w->delivered);
    put_attr(&b, "seller", w->seller);
    put_attr(&b, "marketplace", w->marketplace);
    cp_buf_puts(&b, ">\n    <product");
    put_attr(&b, "price", w->price);
    put_attr(&b, "currency", w->currency);
    cp_buf_puts(&b, " quantity=\"1\">");
    put_esc(&b, w->product);
    cp_buf_puts(&b, "</product>\n");
    if (w->tracking) {
        cp_buf_puts(&b, "    <tracking");
        put_attr(&b, "carrier", w->carrier);
        cp_buf_putc(&b, '>');
        put_esc(&b, w->tracking);
        cp_buf_puts(&b, "</tracking>\n");
    }
    cp_buf_puts(&b, "  </order>\n  <problem");
    put_attr(&b, "noticed", w->noticed);
    cp_buf_puts(&b, ">\n");
    put_elem(&b, "    ", "summary", w->summary);
    for (size_t i = 0; i < w->facts.n; i++)
        put_elem(&b, "    ", "fact", w->facts.v[i]);
    cp_buf_puts(&b, "  </problem>\n");
    if (w->prev_ref || w->prev_date) {
        cp_buf_puts(&b, "  <previous-claim");
        put_attr(&b, "ref", w->prev_ref);
        put_attr(&b, "date", w->prev_date);
        put_attr(&b, "outcome", w->prev_outcome);
        cp_buf_puts(&b, "/>\n");
    }
    cp_buf_puts(&b, "  <resolution");
    put_attr(&b, "kind", cp_resolution_kind_name((enum cp_resolution_kind)w->resolution));
    put_attr(&b, "amount", w->amount);
    if (w->amount)
        put_attr(&b, "currency", w->currency);
    cp_buf_putc(&b, '>');
    if (w->request)
        put_esc(&b, w->request);
    cp_buf_puts(&b, "</resolution>\n  <evidence>\n");
    put_docs(&b, "proof-of-purchase", &w->invoice);
    put_docs(&b, "photo", &w->photos);
    put_docs(&b, "screenshot", &w->charge);
    put_docs(&b, "tracking", &w->trackdoc);
    put_docs(&b, "correspondence", &w->mail);
    put_docs(&b, "technical-report", &w->report);
    cp_buf_puts(&b, "  </evidence>\n</claim>\n");
    return cp_buf_detach(&b);
}

static char *
profile_xml(const struct wizard *w)
{
    cp_buf b = CP_BUF_INIT;
    cp_buf_puts(&b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<claimant>\n");
    put_elem(&b, "  ", "name", w->name);
    put_elem(&b, "  ", "address", w->address);
    put_elem(&b, "  ", "email", w->email);
    put_elem(&b, "  ", "phone", w->phone);
    cp_buf_puts(&b, "</claimant>\n");
    return cp_buf_detach(&b);
}

/* ---- the questions ---- */

static const char *const type_names[] = {
    "defective", "damaged", "wrong-item", "not-received", "late-delivery", "billing",
    "refund-missing", "appeal", "escalation", "reminder",
};
static const char *const res_names[] = {
    "refund", "replacement", "repair", "compensation", "price-reduction", "other",
};

/* The profile's claimant, offered as the defaults. */
static void
profile_load(struct wizard *w)
{
    cp_claim *c = xcalloc(1, sizeof *c);
    cp_diags d = CP_DIAGS_INIT;
    struct stat st;
    w->have_profile = stat(w->profile_path, &st) == 0;
    if (cp_claim_apply_profile(c, w->profile_path, &d) < 0) {
        cp_diags_print(&d, stderr);
        say(w, "profile.bad", w->profile_path, NULL);
    } else if (c->claimant.name || c->claimant.email || c->claimant.phone ||
               c->claimant.address) {
        say(w, "profile.found", w->profile_path, NULL);
        w->name = c->claimant.name, c->claimant.name = NULL;
        w->email = c->claimant.email, c->claimant.email = NULL;
        w->phone = c->claimant.phone, c->claimant.phone = NULL;
        w->address = c->claimant.address, c->claimant.address = NULL;
    }
    cp_diags_free(&d);
    cp_claim_free(c);
}

/* Replace *slot by the answer to an optional question whose default is its
 * current value. */
static void
ask_keep(struct wizard *w, char **slot, const char *key, bool required, answer_check *check)
{
    char *v = ask(w, key, NULL, *slot, required, check);
    free(*slot);
    *slot = v;
}

static void
ask_claimant(struct wizard *w)
{
    fprintf(stderr, "\n== %s ==\n", msg(w, "section.you"));
    profile_load(w);
    ask_keep(w, &w->name, "name", true, NULL);
    for (;;) {
        ask_keep(w, &w->email, "email", false, check_email);
        ask_keep(w, &w->phone, "phone", false, check_phone);
        if (w->email || w->phone)
            break;
        say(w, "contact.none", NULL, NULL);
    }
    if (w->address) {
        fprintf(stderr, "%s\n", w->address);
        if (ask_yesno(w, "address.keep", NULL, true))
            return;
        free(w->address);
        w->address = NULL;
    }
    struct strlist l = { NULL, 0 };
    ask_lines(w, "address", "required", &l, 0, NULL);
    w->address = strlist_join(&l);
    strlist_free(&l);
}

static void
ask_order(struct wizard *w)
{
    enum cp_claim_type t = (enum cp_claim_type)w->type;
    fprintf(stderr, "\n== %s ==\n", msg(w, "section.order"));
    w->seller = ask(w, "seller", NULL, NULL, false, NULL);
    if (w->seller) {
        struct strlist l = { NULL, 0 };
        ask_lines(w, "seller.address", "required", &l, 0, NULL);
        w->seller_address = strlist_join(&l);
        strlist_free(&l);
    }
    w->marketplace = ask(w, "marketplace", NULL, NULL, false, NULL);
    w->order = ask(w, "order", NULL, NULL, true, NULL);
    w->placed = ask(w, "placed", w->today, NULL, true, check_date_past);
    if (t == CP_TYPE_NOT_RECEIVED || t == CP_TYPE_LATE_DELIVERY)
        w->expected = ask(w, "expected", w->today, NULL, true, check_date_any);
    else
        w->expected = ask(w, "expected.optional", w->today, NULL, false, check_date_any);
    if (t == CP_TYPE_LATE_DELIVERY || t == CP_TYPE_DEFECTIVE || t == CP_TYPE_DAMAGED ||
        t == CP_TYPE_WRONG_ITEM)
        w->delivered = ask(w, "delivered", w->today, NULL, true, check_date_past);
    else if (t != CP_TYPE_NOT_RECEIVED)
        w->delivered = ask(w, "delivered.optional", w->today, NULL, false, check_date_past);
    if (t == CP_TYPE_NOT_RECEIVED || t == CP_TYPE_LATE_DELIVERY || t == CP_TYPE_REFUND_MISSING) {
        w->tracking = ask(w, t == CP_TYPE_REFUND_MISSING ? "tracking.return" : "tracking", NULL,
                          NULL, false, NULL);
        if (w->tracking)
            w->carrier = ask(w, "carrier", NULL, NULL, false, NULL);
    }
    w->product = ask(w, "product", NULL, NULL, true, NULL);
    w->price = ask(w, "price", NULL, NULL, true, check_amount);
    /* The euro countries by the codes claim/@jurisdiction takes. */
    static const char euro[] = " EU AT BE CY DE EE EL ES FI FR GR HR IE IT LT LU LV MT NL PT "
                               "SI SK ";
    char *code = xasprintf(" %s ", w->jurisdiction);
    bool in_euro = strlen(w->jurisdiction) == 2 && strstr(euro, code) != NULL;
    free(code);
    const char *cur = in_euro ? "EUR"
                      : strcmp(w->jurisdiction, "UK") == 0 ? "GBP"
                      : strcmp(w->jurisdiction, "US") == 0 ? "USD" : NULL;
    w->currency = ask(w, "currency", NULL, cur, true, check_currency);
}

static void
ask_problem(struct wizard *w)
{
    enum cp_claim_type t = (enum cp_claim_type)w->type;
    fprintf(stderr, "\n== %s ==\n", msg(w, "section.problem"));
    w->summary = ask(w, "summary", NULL, NULL, true, NULL);
    if (t == CP_TYPE_DEFECTIVE || t == CP_TYPE_DAMAGED || t == CP_TYPE_WRONG_ITEM)
        w->noticed = ask(w, "noticed", NULL, w->delivered, false, check_date_past);
    ask_lines(w, "facts", "facts.none", &w->facts, 1, NULL);
    if (t == CP_TYPE_APPEAL || t == CP_TYPE_ESCALATION) {
        w->prev_ref = ask(w, "previous.ref", NULL, NULL, true, NULL);
        w->prev_date = ask(w, "previous.date", w->today, NULL, true, check_date_past);
        w->prev_outcome = ask(w, "previous.outcome", NULL, "rejected", true, NULL);
    } else if (t == CP_TYPE_REMINDER) {
        /* the letter whose deadline passed; its answer, if any, said no */
        w->prev_date = ask(w, "reminder.date", w->today, NULL, true, check_date_past);
        w->prev_ref = ask(w, "reminder.ref", NULL, NULL, false, NULL);
        w->prev_outcome = ask(w, "reminder.outcome", NULL, "no-answer", true, NULL);
    }
}

static void
ask_resolution(struct wizard *w)
{
    enum cp_claim_type t = (enum cp_claim_type)w->type;
    fprintf(stderr, "\n== %s ==\n", msg(w, "section.resolution"));
    int def = t == CP_TYPE_DEFECTIVE || t == CP_TYPE_DAMAGED || t == CP_TYPE_WRONG_ITEM
                  ? CP_RES_REPLACEMENT
                  : t == CP_TYPE_LATE_DELIVERY ? CP_RES_COMPENSATION : CP_RES_REFUND;
    w->resolution = ask_choice(w, "resolution", "resolution", res_names,
                               (int)CP_ARRAY_LEN(res_names), def);
    if (w->resolution == CP_RES_REFUND)
        w->amount = ask(w, "resolution.amount", w->price, w->price, true, check_amount);
    else if (w->resolution == CP_RES_COMPENSATION || w->resolution == CP_RES_PRICE_REDUCTION)
        w->amount = ask(w, "resolution.amount", w->price, NULL, true, check_amount);
    else
        w->amount = ask(w, "resolution.amount.optional", NULL, NULL, false, check_amount);
    w->request = ask(w, "resolution.text", NULL, NULL, false, NULL);
}

static void
ask_evidence(struct wizard *w)
{
    enum cp_claim_type t = (enum cp_claim_type)w->type;
    fprintf(stderr, "\n== %s ==\n", msg(w, "section.evidence"));
    say(w, "evidence.where", w->outdir_shown, NULL);
    ask_lines(w, "evidence.invoice", "evidence.need", &w->invoice, 1, check_file);
    if (t == CP_TYPE_DEFECTIVE || t == CP_TYPE_DAMAGED || t == CP_TYPE_WRONG_ITEM)
        ask_lines(w, "evidence.photos", "evidence.need", &w->photos, 1, check_file);
    if (t == CP_TYPE_BILLING)
        ask_lines(w, "evidence.charge", "evidence.need", &w->charge, 1, check_file);
    if ((t == CP_TYPE_NOT_RECEIVED || t == CP_TYPE_LATE_DELIVERY ||
         t == CP_TYPE_REFUND_MISSING) && !w->tracking)
        ask_lines(w, "evidence.tracking", "evidence.need", &w->trackdoc, 1, check_file);
    if (t == CP_TYPE_APPEAL || t == CP_TYPE_ESCALATION)
        ask_lines(w, "evidence.mail.required", "evidence.need", &w->mail, 1, check_file);
    else
        ask_lines(w, "evidence.mail", "evidence.need", &w->mail, 0, check_file);
    if (t == CP_TYPE_DEFECTIVE)
        ask_lines(w, "evidence.report", "evidence.need", &w->report, 0, check_file);
}

/* The claim's file name when the command line gave none. */
static void
ask_output(struct wizard *w)
{
    for (;;) {
        char *f = ask(w, "file", NULL, "claim.xml", true, NULL);
        struct stat st;
        char *dir = cp_path_dir(f);
        if (lstat(f, &st) == 0) {
            say(w, "file.exists", f, NULL);
        } else if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
            say(w, "file.nodir", dir, NULL);
        } else {
            free(dir);
            w->output = f;
            return;
        }
        free(dir);
        free(f);
    }
}

/* mkdir -p for the profile's directory. */
static int
make_dirs(const char *dir)
{
    struct stat st;
    if (stat(dir, &st) == 0)
        return S_ISDIR(st.st_mode) ? 0 : -1;
    char *parent = cp_path_dir(dir);
    int rc = strcmp(parent, dir) != 0 ? make_dirs(parent) : -1;
    free(parent);
    if (rc < 0)
        return -1;
    return mkdir(dir, 0777) == 0 || errno == EEXIST ? 0 : -1;
}

/* What `claimpack check` would say, in the person's words. */
static void
report(struct wizard *w)
{
    cp_diags d = CP_DIAGS_INIT;
    cp_claim *c = NULL;
    cp_checklist *cl = NULL;
    cp_claim_load(&c, &cl, w->output, NULL, &d);
    if (c == NULL) {
        fprintf(stderr, "%s\n", msg(w, "checklist.problems"));
        cp_diags_print(&d, stderr);
        goto cleanup;
    }
    size_t missing = 0, recommended = 0;
    for (size_t i = 0; cl && i < cl->n_items; i++) {
        missing += cl->items[i].state == CP_ITEM_MISSING;
        recommended += cl->items[i].state == CP_ITEM_RECOMMENDED;
    }
    if (missing) {
        fprintf(stderr, "%s\n", msg(w, "checklist.missing"));
        for (size_t i = 0; i < cl->n_items; i++)
            if (cl->items[i].state == CP_ITEM_MISSING)
                fprintf(stderr, "  - %s: %s\n", cl->items[i].label, cl->items[i].hint);
    }
    if (recommended) {
        fprintf(stderr, "%s\n", msg(w, "checklist.recommended"));
        for (size_t i = 0; i < cl->n_items; i++)
            if (cl->items[i].state == CP_ITEM_RECOMMENDED)
                fprintf(stderr, "  - %s: %s\n", cl->items[i].label, cl->items[i].hint);
    }
    size_t near = 0;
    for (size_t i = 0; cl && i < cl->n_deadlines; i++)
        near += cl->deadlines[i].applies && cl->deadlines[i].warn;
    if (near) {
        fprintf(stderr, "%s\n", msg(w, "checklist.deadlines"));
        for (size_t i = 0; i < cl->n_deadlines; i++) {
            const cp_deadline *dl = &cl->deadlines[i];
            char iso[11];
            if (!dl->applies || !dl->warn)
                continue;
            cp_date_format_iso(dl->date, iso);
            char *s = msgf(w, dl->passed ? "deadline.passed" : "deadline.date", dl->label, iso);
            fprintf(stderr, "  - %s\n", s);
            free(s);
        }
    }
    /* The evidence check's findings (a file that does not decode, say):
     * the missing items are listed above already. */
    size_t input = 0;
    for (size_t i = 0; i < d.count; i++)
        input += d.items[i].severity == CP_ERROR && d.items[i].status != CP_INVALID;
    if (input || (cp_diags_status(&d) != CP_OK && !missing)) {
        fprintf(stderr, "%s\n", msg(w, "checklist.problems"));
        cp_diags_print(&d, stderr);
    } else if (!missing) {
        say(w, "checklist.complete", w->output, NULL);
    }
cleanup:
    cp_checklist_free(cl);
    cp_claim_free(c);
    cp_diags_free(&d);
}

/* Said by the SIGINT handler, prepared beforehand: a handler may only
 * write(2). */
static char *interrupted_text;

static void
on_interrupt(int sig)
{
    if (interrupted_text) {
        ssize_t r = write(STDERR_FILENO, interrupted_text, strlen(interrupted_text));
        (void)r;
    }
    signal(sig, SIG_DFL);
    raise(sig);
}

/* The wording language: the letter's when given, else the locale's. */
static const char *
wording_lang(const char *lang)
{
    return lang ? lang : cp_lang_name(cp_lang_from_locale());
}

static void
wizard_free(struct wizard *w)
{
    for (size_t i = 0; i < w->n_msgs; i++)
        free(w->keys[i]), free(w->vals[i]);
    free(w->keys);
    free(w->vals);
    free(w->line);
    char **s[] = {
        &w->output, &w->outdir, &w->outdir_shown, &w->profile_path, &w->jurisdiction,
        &w->name, &w->email, &w->phone, &w->address, &w->seller, &w->seller_address,
        &w->marketplace, &w->order, &w->placed, &w->expected, &w->delivered, &w->tracking,
        &w->carrier, &w->product, &w->price, &w->currency, &w->summary, &w->noticed,
        &w->prev_ref, &w->prev_date, &w->prev_outcome, &w->amount, &w->request,
    };
    for (size_t i = 0; i < CP_ARRAY_LEN(s); i++)
        free(*s[i]);
    struct strlist *l[] = { &w->facts, &w->invoice, &w->photos, &w->charge, &w->trackdoc,
                            &w->mail, &w->report };
    for (size_t i = 0; i < CP_ARRAY_LEN(l); i++)
        strlist_free(l[i]);
}

int
wizard_run(const char *output, const char *type, const char *lang)
{
    /* volatile: these change between setjmp and a longjmp back to it. */
    struct wizard *volatile w = xcalloc(1, sizeof *w);
    char *volatile claim_text = NULL, *volatile profile_text = NULL;
    volatile bool save_profile = false;
    volatile int status = CP_OK;
    cp_diags diags = CP_DIAGS_INIT;
    struct sigaction sa, old_int;

    wording_load(w, "en");
    if (strcmp(wording_lang(lang), "en") != 0)
        wording_load(w, wording_lang(lang));
    cp_date_format_iso(cp_date_today(), w->today);
    w->profile_path = cp_config_path("profile.xml");
    interrupted_text = xasprintf("\n%s\n", msg(w, "interrupted"));
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_interrupt;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, &old_int);

    if (output) {
        /* Refused before the first question, not after the last. */
        struct stat st;
        char *dir = cp_path_dir(output);
        if (lstat(output, &st) == 0)
            cp_error(&diags, CP_OUTPUT, output, 0, 0, "already exists; not overwriting it");
        else if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode))
            cp_error(&diags, CP_OUTPUT, output, 0, 0, "cannot create: the directory %s does not exist",
                     dir);
        free(dir);
        if (cp_diags_errors(&diags))
            goto cleanup;
        w->output = xstrdup(output);
    }

    if (setjmp(w->eof)) {
        fprintf(stderr, "\n%s\n", msg(w, "eof"));
        status = CP_INVALID;
        goto cleanup;
    }
    fprintf(stderr, "%s\n\n", msg(w, "intro"));
    if (!w->output)
        ask_output(w);
    w->outdir = cp_path_dir(w->output);
    char *real = realpath(w->outdir, NULL);
    w->outdir_shown = real ? real : xstrdup(w->outdir);

    if (type)
        w->type = cp_claim_type_from_name(type);
    else
        w->type = ask_choice(w, "type", "type", type_names, (int)CP_ARRAY_LEN(type_names), 0);
    if (lang) {
        w->lang = cp_lang_from_name(lang);
    } else {
        char *l = ask(w, "lang", NULL, wording_lang(NULL), true, check_lang);
        w->lang = cp_lang_from_name(l);
        free(l);
    }
    w->jurisdiction = ask(w, "jurisdiction", NULL, "EU", true, check_jurisdiction);
    ask_claimant(w);
    ask_order(w);
    ask_problem(w);
    ask_resolution(w);
    ask_evidence(w);
    fprintf(stderr, "\n== %s ==\n", msg(w, "section.done"));
    if (!w->have_profile)
        save_profile = ask_yesno(w, "profile.save", w->profile_path, false);

    claim_text = claim_xml(w);
    if (cp_output_write_new(w->output, claim_text, strlen(claim_text), &diags) < 0)
        goto cleanup;
    say(w, "written", w->output, NULL);
    if (save_profile) {
        /* The claim is written: a profile that cannot be saved is said, but
         * does not turn the run into a failure. */
        cp_diags pd = CP_DIAGS_INIT;
        char *dir = cp_path_dir(w->profile_path);
        if (make_dirs(dir) < 0) {
            cp_error(&pd, CP_OUTPUT, dir, 0, 0, "cannot create the directory: %s",
                     strerror(errno));
        } else {
            profile_text = profile_xml(w);
            if (cp_output_write_new(w->profile_path, profile_text, strlen(profile_text), &pd) == 0)
                say(w, "profile.saved", w->profile_path, NULL);
        }
        cp_diags_print(&pd, stderr);
        cp_diags_free(&pd);
        free(dir);
    }
    report(w);

cleanup:
    sigaction(SIGINT, &old_int, NULL);
    if (status == CP_OK)
        status = (int)cp_diags_status(&diags);
    cp_diags_print(&diags, stderr);
    cp_diags_free(&diags);
    free(interrupted_text);
    interrupted_text = NULL;
    free(claim_text);
    free(profile_text);
    wizard_free(w);
    free(w);
    return status;
}
