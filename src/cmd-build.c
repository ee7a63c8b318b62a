/* cmd-build.c: claimpack build: claim -> checks -> letter -> PDF -> file. */
#include "config.h"
#include "cmd.h"
#include "claimpack/claimpack.h"
#include "claimpack/l10n.h"
#include "claimpack/template.h"
#include "font.h"
#include "image.h"
#include "layout.h"
#include "letter.h"
#include "pack.h"
#include "pdf.h"
#include "util.h"

#include <ctype.h>
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

enum { OPT_MAX_SIZE = 256, OPT_PRINT, OPT_STAMP, OPT_FORCE, OPT_HELP };

static const struct option long_opts[] = {
    { "output", required_argument, NULL, 'o' },
    { "template", required_argument, NULL, 't' },
    { "lang", required_argument, NULL, 'l' },
    { "paper", required_argument, NULL, 'p' },
    { "max-size", required_argument, NULL, OPT_MAX_SIZE },
    { "print", no_argument, NULL, OPT_PRINT },
    { "stamp", required_argument, NULL, OPT_STAMP },
    { "force", no_argument, NULL, OPT_FORCE },
    { "quiet", no_argument, NULL, 'q' },
    { "verbose", no_argument, NULL, 'v' },
    { "help", no_argument, NULL, OPT_HELP },
    { NULL, 0, NULL, 0 }
};

typedef struct build_opts {
    const char *output, *template_name, *stamp;
    int lang;                  /* -1 = the claim's */
    int paper;                 /* -1 = from the jurisdiction */
    long long max_size;        /* 0 = no limit */
    bool print, force;
    const char *claim_path;
} build_opts;

/* "10M", "512K", "2G", "1000000": bytes, or -1. */
static long long
parse_size(const char *s)
{
    char *end;
    errno = 0;
    if (!isdigit((unsigned char)s[0]))
        return -1;
    unsigned long long v = strtoull(s, &end, 10);
    if (errno || v == 0)
        return -1;
    unsigned long long mul = 1;
    if (*end) {
        switch (toupper((unsigned char)*end)) {
        case 'K': mul = 1ULL << 10; break;
        case 'M': mul = 1ULL << 20; break;
        case 'G': mul = 1ULL << 30; break;
        default: return -1;
        }
        end++;
        if (toupper((unsigned char)*end) == 'B' || toupper((unsigned char)*end) == 'I') {
            if (toupper((unsigned char)*end) == 'I' && toupper((unsigned char)end[1]) == 'B')
                end++;
            end++;
        }
        if (*end)
            return -1;
    }
    if (v > (1ULL << 50) / mul)
        return -1;
    return (long long)(v * mul);
}

static bool
stamp_ok(const char *s)
{
    if (s[0] == '\0' || strlen(s) > 32)
        return false;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        if (*p < 0x20 || *p == 0x7F)
            return false;
    return true;
}

static int
parse_args(build_opts *o, int argc, char **argv)
{
    memset(o, 0, sizeof *o);
    o->lang = -1;
    o->paper = -1;
    optind = 1;
    opterr = 0;
    int ch;
    while ((ch = getopt_long(argc, argv, ":o:t:l:p:qv", long_opts, NULL)) != -1) {
        switch (ch) {
        case 'o':
            if (optarg[0] == '\0')
                return cmd_usage_error("build", "--output needs a file name");
            o->output = optarg;
            break;
        case 't':
            if (optarg[0] == '\0')
                return cmd_usage_error("build", "--template needs a name or a file");
            o->template_name = optarg;
            break;
        case 'l':
            o->lang = cp_lang_from_name(optarg);
            if (o->lang < 0)
                return cmd_usage_error("build", "unknown language '%s' (en nl fy es de fr)", optarg);
            break;
        case 'p':
            o->paper = cp_paper_from_name(optarg);
            if (o->paper < 0)
                return cmd_usage_error("build", "unknown paper '%s' (a4 or letter)", optarg);
            break;
        case OPT_MAX_SIZE:
            o->max_size = parse_size(optarg);
            if (o->max_size < 0)
                return cmd_usage_error("build", "invalid size '%s' (e.g. 10M, 500K)", optarg);
            break;
        case OPT_PRINT:
            o->print = true;
            break;
        case OPT_STAMP:
            if (!stamp_ok(optarg))
                return cmd_usage_error("build", "invalid stamp prefix '%s' (1-32 printable characters)",
                                       optarg);
            o->stamp = optarg;
            break;
        case OPT_FORCE:
            o->force = true;
            break;
        case 'q':
            cmd_verbosity = -1;
            break;
        case 'v':
            cmd_verbosity = 1;
            break;
        case OPT_HELP:
            printf("Usage: claimpack build [OPTIONS] CLAIM.xml\n"
                   "  -o, --output FILE   -t, --template NAME|FILE   -l, --lang CODE\n"
                   "  -p, --paper a4|letter   --max-size SIZE   --print   --stamp PREFIX\n"
                   "  --force   -q, --quiet   -v, --verbose\n"
                   "See claimpack(1).\n");
            return -1;
        case ':':
            return cmd_usage_error("build", "option '%s' needs an argument", argv[optind - 1]);
        default:
            return cmd_usage_error("build", "unknown option '%s'", argv[optind - 1]);
        }
    }
    if (optind >= argc)
        return cmd_usage_error("build", "no claim file given");
    if (optind + 1 < argc)
        return cmd_usage_error("build", "one claim file at a time ('%s' is extra)", argv[optind + 1]);
    o->claim_path = argv[optind];
    return 0;
}

/* CLAIM.xml -> CLAIM.pdf beside it. */
static char *
default_output(const char *claim)
{
    size_t n = strlen(claim);
    if (n > 4 && strcasecmp(claim + n - 4, ".xml") == 0)
        n -= 4;
    return xasprintf("%.*s.pdf", (int)n, claim);
}

/* --force turns missing required items into warnings; everything else
 * the checklist says is kept as it is. */
static void
merge_checklist_diags(cp_diags *to, cp_diags *from, bool force)
{
    for (size_t i = 0; i < from->count; i++) {
        const cp_diag *d = &from->items[i];
        if (d->severity == CP_ERROR && !(force && d->status == CP_INVALID))
            cp_error(to, d->status, d->file, d->line, d->col, "%s", d->message);
        else
            cp_warning(to, d->file, d->line, d->col, "%s", d->message);
    }
}

static char *
keywords(const cp_claim *c)
{
    cp_buf b = CP_BUF_INIT;
    const char *parts[] = { c->order.number, c->order.marketplace, cp_claim_type_name(c->type) };
    for (size_t i = 0; i < CP_ARRAY_LEN(parts); i++) {
        if (parts[i] == NULL || parts[i][0] == '\0')
            continue;
        if (b.len)
            cp_buf_puts(&b, ", ");
        cp_buf_puts(&b, parts[i]);
    }
    return cp_buf_detach(&b);
}

/* Link areas leave the typeset pages (libharu's links would point into
 * the scratch document) and become the plan's, with the pack's own. */
static cp_asm_link *
take_links(cp_layout *L, const cp_pack *pack, size_t *n)
{
    size_t cap = pack->n_links + 8, k = 0;
    cp_asm_link *v = xcalloc(cap, sizeof *v);
    for (size_t i = 0; i < pack->n_links; i++)
        v[k++] = pack->links[i];
    for (size_t pg = 0; pg < L->n_pages; pg++) {
        cp_page *p = &L->pages[pg];
        size_t keep = 0;
        for (size_t j = 0; j < p->n_items; j++) {
            cp_lay_item *it = &p->items[j];
            if (it->kind != CP_LAY_LINK) {
                p->items[keep++] = *it;
                continue;
            }
            if (k == cap) {
                cap *= 2;
                v = xreallocarray(v, cap, sizeof *v);
            }
            cp_asm_link l = { (int)pg, it->x, it->y, it->x + it->w, it->y + it->h, it->target };
            v[k++] = l;
            free(it->text);
        }
        p->n_items = keep;
    }
    *n = k;
    return v;
}

/* Writing over an input would destroy the evidence the PDF is made of:
 * refused as a usage error (exit 2), as SPEC 1 wants nothing lost. */
static int
output_is_input(const char *out, const cp_claim *c, cp_diags *diags)
{
    struct stat so, si;
    if (strcmp(out, "-") == 0 || stat(out, &so) != 0)
        return 0;
    int bad = 0;
    if (stat(c->path, &si) == 0 && si.st_dev == so.st_dev && si.st_ino == so.st_ino) {
        cp_error(diags, CP_USAGE, NULL, 0, 0, "the output %s is the claim file itself; "
                 "choose another name with -o", out);
        bad = 1;
    }
    for (size_t i = 0; i < c->n_documents; i++)
        for (size_t k = 0; k < c->documents[i].n_files; k++) {
            const cp_evidence_file *f = &c->documents[i].files[k];
            if (stat(f->path, &si) == 0 && si.st_dev == so.st_dev && si.st_ino == so.st_ino) {
                cp_error(diags, CP_USAGE, NULL, 0, 0, "the output %s is the evidence file %s; "
                         "choose another name with -o", out, f->display);
                bad = 1;
            }
        }
    return bad ? -1 : 0;
}

static int
build(const build_opts *o, cp_diags *diags)
{
    cp_claim *claim = NULL;
    cp_checklist *cl = NULL;
    cp_l10n *l10n = NULL;
    cp_template *tpl = NULL;
    cp_letter *letter = NULL;
    cp_fontset *fonts = NULL;
    cp_layout *L = NULL;
    cp_image *sig = NULL;
    cp_enclosure *encl = NULL;
    cp_pack *pack = NULL;
    cp_asm_plan plan;
    memset(&plan, 0, sizeof plan);
    char **kind_keys = NULL;
    size_t n_encl = 0;
    unsigned char *pdf = NULL;
    size_t pdf_len = 0;
    char *out_path = NULL, *profile = NULL, *rules = NULL, *kw = NULL, *sig_path = NULL;
    int rc = -1;

    if (cp_claim_parse(&claim, o->claim_path, diags) < 0)
        goto cleanup;
    profile = cp_config_path("profile.xml");
    if (cp_claim_apply_profile(claim, profile, diags) < 0)
        goto cleanup;

    cp_diags cdiags = CP_DIAGS_INIT;
    cp_check_options copt = { o->print };
    rules = cp_data_path("data/checklist.xml");
    int crc = cp_checklist_eval(&cl, claim, rules, &copt, &cdiags);
    merge_checklist_diags(diags, &cdiags, o->force);
    cp_diags_free(&cdiags);
    if (crc < 0)
        goto cleanup;
    /* Evidence problems are never forced (SPEC 1); checked even when the
     * checklist failed, so one run reports everything. */
    cp_evidence_check_opt(claim, true, diags);
    out_path = o->output ? xstrdup(o->output) : default_output(o->claim_path);
    output_is_input(out_path, claim, diags);
    if (cp_diags_errors(diags) > 0)
        goto cleanup;

    enum cp_lang lang = o->lang >= 0 ? (enum cp_lang)o->lang : claim->lang;
    if (cp_l10n_load(&l10n, lang, claim->jurisdiction, diags) < 0)
        goto cleanup;
    if (cp_template_load(&tpl, o->template_name, claim->type, lang, diags) < 0)
        goto cleanup;

    if (cp_pack_load(&pack, claim, diags) < 0)
        goto cleanup;
    if (cp_fontset_load(&fonts, diags) < 0)
        goto cleanup;
    enum cp_paper paper = o->paper >= 0 ? (enum cp_paper)o->paper
                                        : cp_paper_for_jurisdiction(claim->jurisdiction);
    double paper_w, paper_h;
    cp_paper_size(paper, &paper_w, &paper_h);
    cp_letter_opts lopt = { paper, -1, 0, 0, 0 };
    /* A signature image beside the profile is optional. */
    sig_path = cp_config_path("signature.png");
    if (access(sig_path, F_OK) == 0) {
        if (cp_image_load(&sig, sig_path, sig_path, diags) < 0)
            goto cleanup;
        if (sig->width > 0 && sig->height > 0 && sig->orientation == 1) {
            lopt.signature = 0;
            lopt.signature_aspect = (double)sig->width / sig->height;
        }
    }

    /* The letter lists the exhibits with their first pages, which depend
     * on how long the letter is: lay everything out until the numbers stop
     * moving (twice, as a rule). */
    n_encl = pack->n;
    encl = xcalloc(n_encl ? n_encl : 1, sizeof *encl);
    kind_keys = xcalloc(n_encl ? n_encl : 1, sizeof *kind_keys);
    for (size_t i = 0; i < n_encl; i++) {
        const cp_exhibit *e = &pack->items[i];
        kind_keys[i] = xasprintf("kind.%s", cp_doc_kind_name(e->doc->kind));
        encl[i].label = e->label;
        encl[i].kind = cp_l10n_get(l10n, kind_keys[i]);
        encl[i].title = e->title ? e->title : encl[i].kind;
    }
    cp_pack_opts popt = { claim, l10n, paper_w, paper_h, o->stamp, o->print, 0, 0 };
    int index_first = 0, total = 0;
    for (int pass = 0; pass < 4; pass++) {
        cp_letter_free(letter);
        letter = NULL;
        cp_layout_free(L);
        L = NULL;
        cp_letter_input in = { claim, l10n, cp_date_add_days(claim->date, 14), encl, n_encl };
        if (cp_template_render(&letter, tpl, &in, diags) < 0)
            goto cleanup;
        L = cp_layout_new(fonts);
        lopt.total_pages = total;
        int first, count;
        if (cp_letter_layout(L, letter, claim, l10n, &lopt, &first, &count, diags) < 0)
            goto cleanup;
        popt.letter_first = first;
        popt.letter_pages = count;
        index_first = cp_pack_layout(pack, L, &popt, diags);
        bool stable = total == (int)L->n_pages;
        for (size_t i = 0; i < n_encl; i++) {
            const cp_exhibit *e = &pack->items[i];
            if (encl[i].first_page != e->first_page + 1 || encl[i].page_count != e->n_pages)
                stable = false;
            encl[i].first_page = e->first_page + 1;
            encl[i].page_count = e->n_pages;
        }
        total = (int)L->n_pages;
        if (stable)
            break;
    }
    cp_pack_footers(pack, L, &popt, index_first);
    if (cp_diags_errors(diags) > 0)
        goto cleanup;

    kw = keywords(claim);
    plan.links = take_links(L, pack, &plan.n_links);
    cp_pdf_info info = { letter->subject, claim->claimant.name, claim->problem.summary, kw,
                         claim->date };
    const cp_image *imgs[1] = { sig };
    if (cp_pdf_render(&pdf, &pdf_len, L, &info, imgs, sig ? 1 : 0, diags) < 0)
        goto cleanup;

    plan.gen_pdf = pdf;
    plan.gen_len = pdf_len;
    plan.pages = pack->roles;
    plan.n_pages = L->n_pages;
    plan.images = pack->images;
    plan.n_images = pack->n_images;
    plan.outlines = xcalloc(L->n_outline ? L->n_outline : 1, sizeof *plan.outlines);
    for (size_t i = 0; i < L->n_outline; i++) {
        plan.outlines[i].title = L->outline[i].title;
        plan.outlines[i].page = L->outline[i].page;
        plan.outlines[i].level = L->outline[i].level;
    }
    plan.n_outlines = L->n_outline;
    plan.title = letter->subject;
    plan.author = claim->claimant.name;
    plan.subject = claim->problem.summary;
    plan.keywords = kw;
    plan.creator = "claimpack " PACKAGE_VERSION;
    plan.date_epoch = (long long)cp_date_to_days(claim->date) * 86400;
    /* A device or a pipe named as the output (/dev/full, a FIFO) is
     * written into, not replaced by a file. */
    struct stat ost;
    if (strcmp(out_path, "-") != 0 && stat(out_path, &ost) == 0 && !S_ISREG(ost.st_mode) &&
        !S_ISDIR(ost.st_mode)) {
        if (freopen(out_path, "wb", stdout) == NULL) {
            cp_error(diags, CP_OUTPUT, out_path, 0, 0, "cannot write: %s", strerror(errno));
            goto cleanup;
        }
        free(out_path);
        out_path = xstrdup("-");
    }
    if (cp_assemble(&plan, out_path, diags) < 0)
        goto cleanup;
    if (cmd_verbosity > 0)
        fprintf(stderr, "claimpack: wrote %s (%zu pages)\n",
                strcmp(out_path, "-") == 0 ? "standard output" : out_path, L->n_pages);
    rc = 0;
cleanup:
    free(pdf);
    free(kw);
    free(out_path);
    free(profile);
    free(rules);
    free(sig_path);
    cp_image_free(sig);
    for (size_t i = 0; kind_keys && i < n_encl; i++)
        free(kind_keys[i]);
    free(kind_keys);
    free(plan.outlines);
    free(plan.links);
    cp_pack_free(pack);
    free(encl);
    cp_layout_free(L);
    cp_fontset_free(fonts);
    cp_letter_free(letter);
    cp_template_free(tpl);
    cp_l10n_free(l10n);
    cp_checklist_free(cl);
    cp_claim_free(claim);
    return rc;
}

int
cmd_build(int argc, char **argv)
{
    build_opts o;
    int r = parse_args(&o, argc, argv);
    if (r != 0)
        return r < 0 ? 0 : r;

    cp_diags diags = CP_DIAGS_INIT;
    if (o.max_size > 0)
        cp_warning(&diags, NULL, 0, 0, "--max-size is not supported yet: photos are not downsampled");
    build(&o, &diags);
    if (cmd_verbosity < 0) {
        /* Quiet: errors only. */
        size_t k = 0;
        for (size_t i = 0; i < diags.count; i++) {
            if (diags.items[i].severity == CP_ERROR)
                diags.items[k++] = diags.items[i];
            else {
                free(diags.items[i].file);
                free(diags.items[i].message);
            }
        }
        diags.count = k;
    }
    cp_diags_print(&diags, stderr);
    int status = (int)cp_diags_status(&diags);
    cp_diags_free(&diags);
    return status;
}
