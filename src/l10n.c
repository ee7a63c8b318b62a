/* l10n.c: the letter language's phrases, dates and amounts. Every word and
 * format comes from the phrase files (templates/<lang>/phrases) and the
 * currency table (templates/currencies); this file only reads and applies
 * them. */
#include "config.h"
#include "claimpack/claimpack.h"
#include "claimpack/l10n.h"
#include "util.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#define L10N_FILE_LIMIT (1024 * 1024)

typedef struct phrase {
    char *key, *value;
    const char *file;        /* one of cp_l10n.files */
    int line;
} phrase;

typedef struct currency {
    char code[4];
    char *symbol;            /* NULL: write the code */
    int digits;
} currency;

struct cp_l10n {
    enum cp_lang lang;
    char *jurisdiction;
    phrase *phrases;
    size_t n_phrases, cap_phrases;
    currency *currencies;
    size_t n_currencies, cap_currencies;
    char *files[3];
};

const char *
cp_l10n_lang_code(enum cp_lang lang)
{
    return cp_lang_name(lang);
}

enum cp_lang
cp_lang_from_locale(void)
{
    const char *vars[] = { "LC_ALL", "LC_MESSAGES", "LANG" };
    for (size_t i = 0; i < CP_ARRAY_LEN(vars); i++) {
        const char *v = getenv(vars[i]);
        if (v && *v) {
            /* The language code is what comes before '_', '.' or '@':
             * "fy_NL.UTF-8" is Frisian, "frr_DE" (North Frisian) is not French. */
            size_t n = strcspn(v, "_.@");
            char two[3] = { v[0], n == 2 ? v[1] : '\0', '\0' };
            int l = n == 2 ? cp_lang_from_name(two) : -1;
            return l >= 0 ? (enum cp_lang)l : CP_LANG_EN;
        }
    }
    return CP_LANG_EN;
}

enum cp_lang
cp_l10n_lang(const cp_l10n *l)
{
    return l->lang;
}

static phrase *
find_phrase(const cp_l10n *l, const char *key)
{
    for (size_t i = 0; i < l->n_phrases; i++)
        if (strcmp(l->phrases[i].key, key) == 0)
            return &l->phrases[i];
    return NULL;
}

static bool
valid_key(const char *k)
{
    if (!*k)
        return false;
    for (; *k; k++)
        if (!((*k >= 'a' && *k <= 'z') || (*k >= 'A' && *k <= 'Z') || (*k >= '0' && *k <= '9')
              || *k == '.' || *k == '-' || *k == '_' || *k == '@'))
            return false;
    return true;
}

/* Split buf into lines; call fn for each non-blank, non-comment line with
 * its number. Lines are modified in place. */
typedef int (*line_fn)(cp_l10n *l, const char *file, int line, char *text, cp_diags *diags);

static int
read_lines(cp_l10n *l, const char *file, bool missing_ok, line_fn fn, cp_diags *diags)
{
    char *buf = NULL;
    size_t len = 0;
    int rc = -1;
    if (cp_read_file(&buf, &len, file, L10N_FILE_LIMIT) < 0) {
        if (missing_ok && errno == ENOENT)
            return 0;
        cp_error(diags, CP_INPUT, file, 0, 0, "cannot read: %s", strerror(errno));
        return -1;
    }
    if (!cp_utf8_valid(buf, len) || memchr(buf, '\0', len)) {
        cp_error(diags, CP_INPUT, file, 0, 0, "not UTF-8 text");
        goto cleanup;
    }
    rc = 0;
    int lineno = 0;
    for (char *p = buf; p && *p;) {
        char *nl = strchr(p, '\n');
        if (nl)
            *nl = '\0';
        lineno++;
        size_t n = strlen(p);
        if (n && p[n - 1] == '\r')
            p[n - 1] = '\0';
        char *t = cp_trim(p);
        if (*t && *t != '#' && fn(l, file, lineno, t, diags) < 0)
            rc = -1;
        p = nl ? nl + 1 : NULL;
    }
cleanup:
    free(buf);
    return rc;
}

/* "key = value"; a later file's key replaces an earlier one, a key twice in
 * one file is a mistake. */
static int
phrase_line(cp_l10n *l, const char *file, int line, char *text, cp_diags *diags)
{
    char *eq = strchr(text, '=');
    if (!eq) {
        cp_error(diags, CP_INPUT, file, line, 1, "expected 'key = text'");
        return -1;
    }
    *eq = '\0';
    char *key = cp_trim(text), *value = cp_trim(eq + 1);
    if (!valid_key(key)) {
        cp_error(diags, CP_INPUT, file, line, 1, "bad phrase key '%s'", key);
        return -1;
    }
    phrase *p = find_phrase(l, key);
    if (p && p->file == file) {
        cp_error(diags, CP_INPUT, file, line, 1, "phrase '%s' defined twice (first at line %d)",
                 key, p->line);
        return -1;
    }
    if (p) {
        free(p->value);
    } else {
        if (l->n_phrases == l->cap_phrases) {
            l->cap_phrases = l->cap_phrases ? l->cap_phrases * 2 : 128;
            l->phrases = xreallocarray(l->phrases, l->cap_phrases, sizeof *l->phrases);
        }
        p = &l->phrases[l->n_phrases++];
        p->key = xstrdup(key);
    }
    /* "..." keeps white space at the ends: number.group = " ". */
    size_t vlen = strlen(value);
    if (vlen >= 2 && value[0] == '"' && value[vlen - 1] == '"')
        p->value = xstrndup(value + 1, vlen - 2);
    else
        p->value = xstrdup(value);
    p->file = file;
    p->line = line;
    return 0;
}

/* "EUR €" or "JPY ¥ 0": code, symbol, minor-unit digits (default 2). */
static int
currency_line(cp_l10n *l, const char *file, int line, char *text, cp_diags *diags)
{
    char *save = NULL;
    char *code = strtok_r(text, " \t", &save);
    char *sym = strtok_r(NULL, " \t", &save);
    char *dig = strtok_r(NULL, " \t", &save);
    bool upper = code && strlen(code) == 3;
    for (int i = 0; upper && i < 3; i++)
        upper = code[i] >= 'A' && code[i] <= 'Z';
    if (!upper || !sym || (dig && (dig[0] < '0' || dig[0] > '3' || dig[1]))
        || strtok_r(NULL, " \t", &save)) {
        cp_error(diags, CP_INPUT, file, line, 1, "expected 'CODE SYMBOL [DIGITS]'");
        return -1;
    }
    if (l->n_currencies == l->cap_currencies) {
        l->cap_currencies = l->cap_currencies ? l->cap_currencies * 2 : 32;
        l->currencies = xreallocarray(l->currencies, l->cap_currencies, sizeof *l->currencies);
    }
    currency *c = &l->currencies[l->n_currencies++];
    memcpy(c->code, code, 4);
    c->symbol = strcmp(sym, "-") == 0 ? NULL : xstrdup(sym);
    c->digits = dig ? dig[0] - '0' : 2;
    return 0;
}

int
cp_l10n_load(cp_l10n **out, enum cp_lang lang, const char *jurisdiction, cp_diags *diags)
{
    *out = NULL;
    const char *code = cp_l10n_lang_code(lang);
    if (!code) {
        cp_error(diags, CP_INPUT, NULL, 0, 0, "no such letter language");
        return -1;
    }
    cp_l10n *l = xcalloc(1, sizeof *l);
    l->lang = lang;
    l->jurisdiction = jurisdiction && *jurisdiction ? xstrdup(jurisdiction) : NULL;
    char *rel = xasprintf("templates/%s/phrases", code);
    l->files[0] = cp_data_path(rel);
    l->files[1] = cp_data_path("templates/currencies");
    l->files[2] = cp_config_path(rel);
    free(rel);
    int rc = 0;
    if (read_lines(l, l->files[0], false, phrase_line, diags) < 0)
        rc = -1;
    if (read_lines(l, l->files[1], false, currency_line, diags) < 0)
        rc = -1;
    if (read_lines(l, l->files[2], true, phrase_line, diags) < 0)
        rc = -1;
    if (rc < 0) {
        cp_l10n_free(l);
        return -1;
    }
    *out = l;
    return 0;
}

void
cp_l10n_free(cp_l10n *l)
{
    if (!l)
        return;
    for (size_t i = 0; i < l->n_phrases; i++) {
        free(l->phrases[i].key);
        free(l->phrases[i].value);
    }
    free(l->phrases);
    for (size_t i = 0; i < l->n_currencies; i++)
        free(l->currencies[i].symbol);
    free(l->currencies);
    for (size_t i = 0; i < CP_ARRAY_LEN(l->files); i++)
        free(l->files[i]);
    free(l->jurisdiction);
    free(l);
}

const char *
cp_l10n_lookup(const cp_l10n *l, const char *key)
{
    const phrase *p = NULL;
    if (l->jurisdiction) {
        char *k = xasprintf("%s@%s", key, l->jurisdiction);
        p = find_phrase(l, k);
        free(k);
    }
    if (!p)
        p = find_phrase(l, key);
    return p ? p->value : NULL;
}

const char *
cp_l10n_get(const cp_l10n *l, const char *key)
{
    const char *v = cp_l10n_lookup(l, key);
    return v ? v : key;
}

bool
cp_l10n_entry(const cp_l10n *l, size_t i, const char **key, const char **value,
              const char **file, int *line)
{
    if (i >= l->n_phrases)
        return false;
    *key = l->phrases[i].key;
    *value = l->phrases[i].value;
    *file = l->phrases[i].file;
    *line = l->phrases[i].line;
    return true;
}

char *
cp_l10n_format(const cp_l10n *l, const char *key, ...)
{
    const char *pairs[32];
    size_t n = 0;
    va_list ap;
    va_start(ap, key);
    for (;;) {
        const char *name = va_arg(ap, const char *);
        if (!name)
            break;
        const char *value = va_arg(ap, const char *);
        if (n < CP_ARRAY_LEN(pairs) / 2) {
            pairs[2 * n] = name;
            pairs[2 * n + 1] = value ? value : "";
            n++;
        }
    }
    va_end(ap);
    return cp_fill(cp_l10n_get(l, key), pairs, n);
}

char *
cp_l10n_date(const cp_l10n *l, cp_date d)
{
    if (!cp_date_valid(d) || d.month < 1 || d.month > 12 || d.day < 1 || d.day > 31)
        return xstrdup("");
    char day[8], dd[8], m[8], mm[8], y[16], key[16];
    snprintf(day, sizeof day, "%d", d.day);
    snprintf(dd, sizeof dd, "%02d", d.day);
    snprintf(m, sizeof m, "%d", d.month);
    snprintf(mm, sizeof mm, "%02d", d.month);
    snprintf(y, sizeof y, "%d", d.year);
    /* "1er novembre": a language may name some days ("day.1 = 1er"). */
    snprintf(key, sizeof key, "day.%d", d.day);
    const char *dname = cp_l10n_lookup(l, key);
    snprintf(key, sizeof key, "month.%d", d.month);
    const char *const pairs[] = {
        "d", dname ? dname : day, "dd", dd, "month", cp_l10n_get(l, key),
        "m", m, "mm", mm, "y", y,
    };
    return cp_fill(cp_l10n_get(l, "date.format"), pairs, CP_ARRAY_LEN(pairs) / 2);
}

static const currency *
find_currency(const cp_l10n *l, const char *code)
{
    for (size_t i = 0; i < l->n_currencies; i++)
        if (strcmp(l->currencies[i].code, code) == 0)
            return &l->currencies[i];
    return NULL;
}

char *
cp_l10n_amount(const cp_l10n *l, const cp_amount *a)
{
    if (!a || !a->present)
        return xstrdup("");
    const currency *cur = a->currency[0] ? find_currency(l, a->currency) : NULL;
    int digits = a->digits < 0 ? 0 : a->digits > 3 ? 3 : a->digits;
    int want = cur ? cur->digits : 2;
    unsigned long long v = a->minor < 0 ? 0ULL - (unsigned long long)a->minor
                                        : (unsigned long long)a->minor;
    /* Show at least the currency's minor unit: "349" EUR is "349,00 €". */
    for (; digits < want && v <= 1844674407370955161ULL; digits++)
        v *= 10;
    unsigned long long scale = 1;
    for (int i = 0; i < digits; i++)
        scale *= 10;
    char ipart[32], frac[8];
    snprintf(ipart, sizeof ipart, "%llu", v / scale);
    unsigned long long f = v % scale;
    for (int i = digits - 1; i >= 0; i--, f /= 10)
        frac[i] = (char)('0' + f % 10);
    frac[digits] = '\0';

    const char *group = cp_l10n_get(l, "number.group");
    const char *gmin = cp_l10n_lookup(l, "number.group-min");
    size_t min = gmin ? strtoul(gmin, NULL, 10) : 4;
    cp_buf n = CP_BUF_INIT;
    size_t len = strlen(ipart);
    for (size_t i = 0; i < len; i++) {
        if (i > 0 && len >= min && (len - i) % 3 == 0)
            cp_buf_puts(&n, group);
        cp_buf_putc(&n, ipart[i]);
    }
    if (digits > 0) {
        cp_buf_puts(&n, cp_l10n_get(l, "number.decimal"));
        cp_buf_puts(&n, frac);
    }

    char key[16];
    const char *sym = NULL;
    if (a->currency[0]) {
        snprintf(key, sizeof key, "currency.%s", a->currency);
        sym = cp_l10n_lookup(l, key);
        if (!sym && cur)
            sym = cur->symbol;
    }
    const char *pattern = !a->currency[0] ? "{n}"
                          : sym ? cp_l10n_get(l, "amount.symbol")
                                : cp_l10n_get(l, "amount.code");
    const char *const pairs[] = { "n", n.data ? n.data : "", "sym", sym ? sym : "",
                                  "code", a->currency };
    char *r = cp_fill(pattern, pairs, CP_ARRAY_LEN(pairs) / 2);
    cp_buf_free(&n);
    if (a->minor < 0) {
        char *neg = xasprintf("-%s", r);
        free(r);
        r = neg;
    }
    return r;
}

char *
cp_l10n_page_of(const cp_l10n *l, int page, int pages)
{
    char n[16], m[16];
    snprintf(n, sizeof n, "%d", page);
    snprintf(m, sizeof m, "%d", pages);
    return cp_l10n_format(l, "page-of", "n", n, "m", m, (const char *)NULL);
}
