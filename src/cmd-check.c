/* cmd-check.c: claimpack check [--json] CLAIM.xml. Parse, fill from the
 * profile, run the checklist and the evidence check; write nothing. */
#include "config.h"
#include "cmd.h"
#include "claimpack/claimpack.h"
#include "claimpack/l10n.h"
#include "claimpack/load.h"
#include "util.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char *const state_names[] = {
    [CP_ITEM_PRESENT] = "present",
    [CP_ITEM_MISSING] = "missing",
    [CP_ITEM_RECOMMENDED] = "recommended",
    [CP_ITEM_WARNING] = "warning",
};

/* A JSON string literal. Invalid UTF-8 becomes U+FFFD so that the output
 * always parses, whatever bytes a file name holds. */
static void
json_str(FILE *fp, const char *s)
{
    if (!s) {
        fputs("null", fp);
        return;
    }
    const unsigned char *p = (const unsigned char *)s;
    fputc('"', fp);
    while (*p) {
        unsigned char ch = *p;
        if (ch == '"' || ch == '\\') {
            fputc('\\', fp);
            fputc(ch, fp);
            p++;
        } else if (ch == '\n') {
            fputs("\\n", fp), p++;
        } else if (ch == '\t') {
            fputs("\\t", fp), p++;
        } else if (ch == '\r') {
            fputs("\\r", fp), p++;
        } else if (ch < 0x20 || ch == 0x7f) {
            fprintf(fp, "\\u%04x", ch), p++;
        } else if (ch < 0x80) {
            fputc(ch, fp), p++;
        } else {
            size_t n = ch >= 0xf0 ? 4 : ch >= 0xe0 ? 3 : ch >= 0xc0 ? 2 : 1;
            size_t have = 0;
            while (have < n && p[have])
                have++;
            if (n > 1 && have == n && cp_utf8_valid((const char *)p, n)) {
                fwrite(p, 1, n, fp);
                p += n;
            } else {
                fputs("\\ufffd", fp);
                p++;
            }
        }
    }
    fputc('"', fp);
}

/* The command that writes the next letter's claim, with the claim's path
 * as given, quoted for a shell when it needs to be. NULL when claimpack
 * writes no letter for the step. */
static char *
next_command(const char *path, const cp_next_step *s)
{
    if (s->type < 0)
        return NULL;
    cp_buf b = CP_BUF_INIT;
    cp_buf_puts(&b, "claimpack init --from ");
    if (path[0] && strspn(path, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
                                "0123456789._/+-") == strlen(path) && path[0] != '-') {
        cp_buf_puts(&b, path);
    } else {
        cp_buf_putc(&b, '\'');
        for (const char *p = path; *p; p++)
            cp_buf_puts(&b, *p == '\'' ? "'\\''" : (char[]){ *p, 0 });
        cp_buf_putc(&b, '\'');
    }
    cp_buf_printf(&b, " --type %s", cp_claim_type_name((enum cp_claim_type)s->type));
    return cp_buf_detach(&b);
}

/* The step in the claim's language (check.next.WHEN). */
static char *
next_text(const cp_l10n *l, const char *path, const cp_next_step *s)
{
    char key[48];
    snprintf(key, sizeof key, "check.next.%s%s", s->when, s->body ? ".body" : "");
    char *date = cp_l10n_date(l, s->by);
    /* the letter's no-break spaces are no use in a report */
    for (char *p; (p = strstr(date, "\u00a0")) != NULL;)
        memmove(p + 1, p + 2, strlen(p + 2) + 1), *p = ' ';
    char *cmd = next_command(path, s);
    char *t = cp_l10n_format(l, key, "date", date, "command", cmd ? cmd : "", "body",
                             s->body ? s->body : "", (const char *)NULL);
    free(cmd);
    free(date);
    return t;
}

static const char *
deadline_state(const cp_deadline *d)
{
    if (!d->applies)
        return "n/a";
    return d->warn ? "warning" : "ok";
}

static const char *const found_names[] = {
    [CP_FOUND_NONE] = NULL, [CP_FOUND_PICTURE] = "picture", [CP_FOUND_PDF] = "pdf",
    [CP_FOUND_EMAIL] = "email", [CP_FOUND_OUTLOOK] = "outlook", [CP_FOUND_PAGE] = "page",
    [CP_FOUND_TEXT] = "text", [CP_FOUND_WHATSAPP] = "whatsapp", [CP_FOUND_TELEGRAM] = "telegram",
};

static void
print_json(FILE *fp, const char *path, const cp_claim *c, const cp_checklist *cl,
           const cp_next_step *next, size_t n_next, const cp_l10n *l, const cp_diags *diags,
           int status)
{
    char iso[11];
    fputs("{\n  \"file\": ", fp);
    json_str(fp, path);
    fputs(",\n  \"type\": ", fp);
    json_str(fp, c && !cp_claim_schema_said(c, "claim.type") ? cp_claim_type_name(c->type) : NULL);
    fputs(",\n  \"lang\": ", fp);
    json_str(fp, c ? cp_lang_name(c->lang) : NULL);
    fputs(",\n  \"items\": [", fp);
    for (size_t i = 0; cl && i < cl->n_items; i++) {
        const cp_check_item *it = &cl->items[i];
        fputs(i ? ",\n    {\"id\": " : "\n    {\"id\": ", fp);
        json_str(fp, it->id);
        fputs(", \"label\": ", fp);
        json_str(fp, it->label);
        fputs(", \"state\": ", fp);
        json_str(fp, state_names[it->state]);
        fputs(", \"hint\": ", fp);
        json_str(fp, it->hint);
        fprintf(fp, ", \"line\": %d}", it->loc.line);
    }
    fputs(cl && cl->n_items ? "\n  ],\n  \"deadlines\": [" : "],\n  \"deadlines\": [", fp);
    for (size_t i = 0; cl && i < cl->n_deadlines; i++) {
        const cp_deadline *d = &cl->deadlines[i];
        fputs(i ? ",\n    {\"id\": " : "\n    {\"id\": ", fp);
        json_str(fp, d->id);
        fputs(", \"label\": ", fp);
        json_str(fp, d->label);
        fputs(", \"date\": ", fp);
        if (d->applies) {
            cp_date_format_iso(d->date, iso);
            json_str(fp, iso);
        } else {
            fputs("null", fp);
        }
        fprintf(fp, ", \"passed\": %s, \"applies\": %s, \"state\": ",
                d->applies && d->passed ? "true" : "false", d->applies ? "true" : "false");
        json_str(fp, deadline_state(d));
        fputs(", \"note\": ", fp);
        json_str(fp, d->note);
        fputs(", \"source\": ", fp);
        json_str(fp, d->source);
        fputs("}", fp);
    }
    fputs(cl && cl->n_deadlines ? "\n  ],\n  \"files\": [" : "],\n  \"files\": [", fp);
    size_t n_files = 0;
    for (size_t i = 0; c && i < c->n_documents; i++)
        for (size_t k = 0; k < c->documents[i].n_files; k++) {
            const cp_evidence_file *f = &c->documents[i].files[k];
            if (f->found == CP_FOUND_NONE)
                continue;
            fputs(n_files++ ? ",\n    {\"file\": " : "\n    {\"file\": ", fp);
            json_str(fp, f->shown ? f->shown : f->display);
            fputs(", \"found\": ", fp);
            json_str(fp, found_names[f->found]);
            if (f->found == CP_FOUND_PICTURE) {
                fputs(", \"format\": ", fp);
                json_str(fp, f->picture);
                fprintf(fp, ", \"width\": %d, \"height\": %d", f->width, f->height);
            }
            if (f->n_items >= 0)
                fprintf(fp, ", \"%s\": %d",
                        f->found == CP_FOUND_PDF || f->found == CP_FOUND_PICTURE ? "pages"
                        : f->found == CP_FOUND_WHATSAPP || f->found == CP_FOUND_TELEGRAM
                        ? "messages" : "attachments", f->n_items);
            if (f->n_pictures >= 0)
                fprintf(fp, ", \"pictures\": %d", f->n_pictures);
            if (f->n_missing >= 0)
                fprintf(fp, ", \"missing\": %d", f->n_missing);
            fputs("}", fp);
        }
    fputs(n_files ? "\n  ],\n  \"next\": [" : "],\n  \"next\": [", fp);
    for (size_t i = 0; i < n_next; i++) {
        const cp_next_step *s = &next[i];
        char *cmd = next_command(path, s), *text = next_text(l, path, s);
        fputs(i ? ",\n    {\"when\": " : "\n    {\"when\": ", fp);
        json_str(fp, s->when);
        fputs(", \"by\": ", fp);
        if (cp_date_valid(s->by)) {
            cp_date_format_iso(s->by, iso);
            json_str(fp, iso);
        } else {
            fputs("null", fp);
        }
        fputs(", \"type\": ", fp);
        json_str(fp, s->type >= 0 ? cp_claim_type_name((enum cp_claim_type)s->type) : NULL);
        fputs(", \"command\": ", fp);
        json_str(fp, cmd);
        fputs(", \"body\": ", fp);
        json_str(fp, s->body);
        fputs(", \"text\": ", fp);
        json_str(fp, text);
        fputs("}", fp);
        free(cmd);
        free(text);
    }
    fputs(n_next ? "\n  ],\n  \"diagnostics\": [" : "],\n  \"diagnostics\": [", fp);
    for (size_t i = 0; i < diags->count; i++) {
        const cp_diag *x = &diags->items[i];
        fputs(i ? ",\n    {\"file\": " : "\n    {\"file\": ", fp);
        json_str(fp, x->file);
        fprintf(fp, ", \"line\": %d, \"col\": %d, \"severity\": \"%s\", \"message\": ",
                x->line, x->col, x->severity == CP_ERROR ? "error" : "warning");
        json_str(fp, x->message);
        fputs("}", fp);
    }
    fprintf(fp, "%s],\n  \"status\": %d\n}\n", diags->count ? "\n  " : "", status);
}

/* Marks and colour only for a person at a terminal who has not asked for
 * NO_COLOR; pipes and tests get the plain words. */
struct style {
    bool marks, colour;
};

/* The report's own words, in the claim's language (the check.* phrases of
 * templates/LANG/phrases). */
static const char *
word(const cp_l10n *l, const char *key)
{
    return cp_l10n_get(l, key);
}

/* Columns taken by UTF-8 text: one per character. */
static size_t
columns(const char *s)
{
    size_t n = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        n += (*p & 0xc0) != 0x80;
    return n;
}

/* The state (an id of state_names or "ok", "n/a") in a column wide enough
 * for the longest state word of the language. */
static void
print_state(FILE *fp, const struct style *st, const cp_l10n *l, size_t width, const char *state)
{
    const char *mark = "", *col = "";
    if (strcmp(state, "present") == 0 || strcmp(state, "ok") == 0)
        mark = "\u2713", col = "\033[32m";
    else if (strcmp(state, "missing") == 0)
        mark = "\u2717", col = "\033[31m";
    else if (strcmp(state, "n/a") == 0)
        mark = "-", col = "";
    else
        mark = "!", col = "\033[33m";
    char key[32];
    snprintf(key, sizeof key, "check.state.%s", strcmp(state, "n/a") == 0 ? "na" : state);
    const char *w = word(l, key);
    size_t pad = width > columns(w) ? width - columns(w) : 0;
    if (st->marks)
        fprintf(fp, "  %s%s %s%s%*s", st->colour ? col : "", mark, w,
                st->colour && *col ? "\033[0m" : "", (int)pad, "");
    else
        fprintf(fp, "  %s%*s ", w, (int)pad, "");
}

/* ", 214 messages": the count with its noun, one or more. */
static void
add_count(cp_buf *b, const cp_l10n *l, const char *what, int n)
{
    if (n < 0 || (n == 0 && strcmp(what, "messages") != 0))
        return;
    char key[48], num[16];
    snprintf(key, sizeof key, "check.count.%s.%s", what, n == 1 ? "one" : "other");
    snprintf(num, sizeof num, "%d", n);
    char *t = cp_l10n_format(l, key, "n", num, (const char *)NULL);
    cp_buf_printf(b, ", %s", t);
    free(t);
}

/* "chat.zip: WhatsApp chat, 214 messages, 12 pictures": what the evidence
 * check found in a file, in the claim's language. */
static char *
found_line(const cp_evidence_file *f, const cp_l10n *l)
{
    cp_buf b = CP_BUF_INIT;
    char key[48];
    snprintf(key, sizeof key, "check.found.%s", found_names[f->found]);
    char *what;
    if (f->found == CP_FOUND_PICTURE && f->n_items > 1) {
        /* A scan of pages: its pages' sizes may differ, so its count. */
        what = cp_l10n_format(l, "check.found.scan", "format", f->picture ? f->picture : "",
                              (const char *)NULL);
    } else if (f->found == CP_FOUND_PICTURE) {
        char w[16], h[16];
        snprintf(w, sizeof w, "%d", f->width);
        snprintf(h, sizeof h, "%d", f->height);
        what = cp_l10n_format(l, key, "format", f->picture ? f->picture : "", "width", w,
                              "height", h, (const char *)NULL);
    } else {
        what = xstrdup(cp_l10n_get(l, key));
    }
    cp_buf_printf(&b, "%s: %s", f->shown ? f->shown : f->display, what);
    free(what);
    switch (f->found) {
    case CP_FOUND_WHATSAPP:
    case CP_FOUND_TELEGRAM:
        add_count(&b, l, "messages", f->n_items);
        add_count(&b, l, "pictures", f->n_pictures);
        add_count(&b, l, "missing", f->n_missing);
        break;
    case CP_FOUND_EMAIL:
    case CP_FOUND_OUTLOOK:
        add_count(&b, l, "attachments", f->n_items);
        break;
    case CP_FOUND_PDF:
    case CP_FOUND_PICTURE:
        add_count(&b, l, "pages", f->n_items);
        break;
    default:
        break;
    }
    return cp_buf_detach(&b);
}

static void
print_plain(FILE *fp, const char *path, const cp_claim *c, const cp_checklist *cl,
            const cp_next_step *next, size_t n_next, const cp_l10n *l)
{
    struct style st = { false, false };
    if (isatty(fileno(fp))) {
        const char *nc = getenv("NO_COLOR");
        st.marks = true;
        st.colour = !(nc && *nc);
    }
    static const char *const states[] = { "present", "missing", "recommended", "warning",
                                          "ok", "na" };
    size_t width = 0;
    for (size_t i = 0; i < CP_ARRAY_LEN(states); i++) {
        char key[32];
        snprintf(key, sizeof key, "check.state.%s", states[i]);
        size_t w = columns(word(l, key));
        width = w > width ? w : width;
    }
    char *title;
    if (cp_claim_schema_said(c, "claim.type")) {
        title = cp_l10n_format(l, "check.no-type", "file", path, (const char *)NULL);
    } else {
        char key[48];
        snprintf(key, sizeof key, "check.type.%s", cp_claim_type_name(c->type));
        title = cp_l10n_format(l, "check.title", "file", path, "type", word(l, key),
                               (const char *)NULL);
    }
    fprintf(fp, "%s\n", title);
    free(title);
    if (!cl)
        return;
    fprintf(fp, "\n%s\n", word(l, "check.checklist"));
    for (size_t i = 0; i < cl->n_items; i++) {
        const cp_check_item *it = &cl->items[i];
        print_state(fp, &st, l, width, state_names[it->state]);
        fprintf(fp, " %s\n", it->label);
        /* What to add, only where something is to be added. */
        if (it->state == CP_ITEM_MISSING || it->state == CP_ITEM_RECOMMENDED)
            fprintf(fp, "  %*s  %s\n", (int)width, "", it->hint);
    }
    bool any = false;
    for (size_t i = 0; i < c->n_documents; i++)
        for (size_t k = 0; k < c->documents[i].n_files; k++) {
            const cp_evidence_file *f = &c->documents[i].files[k];
            if (f->found == CP_FOUND_NONE)
                continue;   /* its error says what is wrong */
            if (!any)
                fprintf(fp, "\n%s\n", word(l, "check.evidence"));
            any = true;
            char *line = found_line(f, l);
            fprintf(fp, "  %s\n", line);
            free(line);
        }
    fprintf(fp, "\n%s\n", word(l, "check.deadlines"));
    if (cl->n_deadlines == 0)
        fprintf(fp, "  %s\n", word(l, "check.no-deadlines"));
    for (size_t i = 0; i < cl->n_deadlines; i++) {
        const cp_deadline *d = &cl->deadlines[i];
        char iso[11] = "----------";
        if (d->applies)
            cp_date_format_iso(d->date, iso);
        print_state(fp, &st, l, width, deadline_state(d));
        fprintf(fp, " %s  %s", iso, d->label);
        if (d->note)
            fprintf(fp, " (%s)", d->note);
        if (!d->applies)
            fputs(word(l, "check.no-date"), fp);
        else if (d->first_day)
            fputs(word(l, d->passed ? "check.open" : "check.not-open"), fp);
        else if (d->passed)
            fputs(word(l, "check.passed"), fp);
        fputc('\n', fp);
    }
    if (n_next)
        fprintf(fp, "\n%s\n", word(l, "check.next"));
    for (size_t i = 0; i < n_next; i++) {
        char *t = next_text(l, path, &next[i]);
        fprintf(fp, "  %s\n", t);
        free(t);
    }
}

int
cmd_check(int argc, char **argv)
{
    static const struct option longopts[] = {
        { "json", no_argument, NULL, 'j' },
        { "print", no_argument, NULL, 'p' },
        { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 },
    };
    bool json = false;
    cp_check_options opt = { false };
    int ch;
    optind = 1;
    opterr = 0;
    while ((ch = getopt_long(argc, argv, ":h", longopts, NULL)) != -1) {
        switch (ch) {
        case 'j':
            json = true;
            break;
        case 'p':
            opt.print = true;   /* check as for build --print */
            break;
        case 'h':
            printf("Usage: claimpack check [--json] [--print] CLAIM.xml\n"
                   "Validate the claim, show the checklist and the deadlines; write nothing.\n"
                   "  --json   the report as one JSON object\n"
                   "  --print  also require what a posted letter needs (as build --print)\n");
            return CP_OK;
        default:
            if (optopt)
                return cmd_usage_error("check", "check: unknown option '-%c'", optopt);
            return cmd_usage_error("check", "check: unknown option '%s'", argv[optind - 1]);
        }
    }
    if (optind >= argc)
        return cmd_usage_error("check", "check: no claim file given");
    if (argc - optind > 1)
        return cmd_usage_error("check", "check: one claim file at a time");
    const char *path = argv[optind];

    cp_diags diags = CP_DIAGS_INIT;
    cp_claim *c = NULL;
    cp_checklist *cl = NULL;
    /* An invalid claim still gets the checklist and the evidence check:
     * every problem in one run. */
    cp_load_opts lo = { .print = opt.print, .whole = true };
    cp_claim_load(&c, &cl, path, &lo, &diags);

    /* The report speaks the claim's language; our own phrase files that
     * cannot be read are an error of their own (exit 3). */
    cp_l10n *l10n = NULL;
    if (c)
        cp_l10n_load(&l10n, c->lang, c->jurisdiction, &diags);
    /* What to do after this letter, once it can be sent: a claim with
     * errors has those to fix first. */
    cp_next_step next[2];
    size_t n_next = c && l10n && cl && cp_diags_errors(&diags) == 0 ? cp_next_steps(next, c, cl) : 0;
    int status = (int)cp_diags_status(&diags);
    cp_diags_print(&diags, stderr);   /* also sorts them for the JSON */
    if (json)
        print_json(stdout, path, c, cl, next, n_next, l10n, &diags, status);
    else if (c && l10n)
        print_plain(stdout, path, c, cl, next, n_next, l10n);
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, "claimpack: cannot write the report to standard output\n");
        status = CP_OUTPUT;
    }
    cp_next_steps_free(next, n_next);
    cp_l10n_free(l10n);
    cp_checklist_free(cl);
    cp_claim_free(c);
    cp_diags_free(&diags);
    return status;
}
