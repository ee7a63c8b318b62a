/* build.c: the pipeline of cp_build (claimpack/build.h): claim -> checks
 * -> letter -> pack -> typeset pages -> assembled PDF, and the --max-size
 * search over picture reductions. src/README.md shows the stages as files. */
#include "config.h"
#include "claimpack/build.h"
#include "claimpack/channel.h"
#include "claimpack/claimpack.h"
#include "claimpack/l10n.h"
#include "claimpack/load.h"
#include "claimpack/template.h"
#include "font.h"
#include "image.h"
#include "issuer.h"
#include "law.h"
#include "layout.h"
#include "letter.h"
#include "lettertext.h"
#include "mail.h"
#include "maxsize.h"
#include "pack.h"
#include "pdf.h"
#include "split.h"
#include "util.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

void
cp_build_opts_init(cp_build_opts *opts)
{
    static const cp_build_opts defaults = CP_BUILD_OPTS_INIT;
    *opts = defaults;
}

static void
step(const cp_build_opts *o, const char *what)
{
    if (o->progress)
        o->progress(o->progress_data, CP_BUILD_STEP, what);
}

static void note(const cp_build_opts *o, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void
note(const cp_build_opts *o, const char *fmt, ...)
{
    if (o->progress == NULL)
        return;
    va_list ap;
    va_start(ap, fmt);
    char *s = xvasprintf(fmt, ap);
    va_end(ap);
    o->progress(o->progress_data, CP_BUILD_NOTE, s);
    free(s);
}

/* CLAIM.xml -> CLAIM.EXT beside it ("pdf", "txt"). */
static char *
default_output(const char *claim, const char *ext)
{
    size_t n = strlen(claim);
    if (n > 4 && strcasecmp(claim + n - 4, ".xml") == 0)
        n -= 4;
    return xasprintf("%.*s.%s", (int)n, claim, ext);
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
 * refused as a usage error (exit 2), so that nothing is lost. */
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

/* What a build holds while it typesets (once, or again for --max-size). */
typedef struct build_ctx {
    const cp_build_opts *o;
    cp_claim *claim;
    cp_l10n *l10n;
    cp_template *tpl;
    cp_letter *letter;
    cp_fontset *fonts;
    cp_layout *L;
    cp_image *sig;
    cp_enclosure *encl;
    size_t n_encl;
    cp_pack *pack;
    cp_letter_opts lopt;
    cp_pack_opts popt;
    cp_asm_plan plan;
    unsigned char *pdf;
    char *kw;
    char **kind_keys;          /* the phrase keys of the enclosures' kinds */
    cp_date reply_by;          /* the letter's {{deadline}} (cp_checklist_reply_by) */
    /* --split (split.h): where parts 2 ... n begin, each part's first page,
     * each exhibit's part (1-based) and first page in it; n_parts 0 or 1:
     * one PDF, nothing said of parts */
    cp_split_cut *cuts;
    size_t n_parts;
    int *part_first, *ex_part, *ex_page;
    bool layout_only;          /* typeset() lays out and stops (the parts are planned) */
    cp_imgprep *prep;          /* the pictures, prepared while the pages are typeset */
} build_ctx;

/* Everything a build_ctx holds but its claim. */
static void
ctx_release(build_ctx *b)
{
    cp_imgprep_free(b->prep);   /* its helpers read the pack's pictures */
    free(b->pdf);
    free(b->kw);
    cp_image_free(b->sig);
    for (size_t i = 0; b->kind_keys && i < b->n_encl; i++)
        free(b->kind_keys[i]);
    free(b->kind_keys);
    free(b->plan.outlines);
    free(b->plan.links);
    cp_pack_free(b->pack);
    free(b->encl);
    cp_layout_free(b->L);
    cp_fontset_free(b->fonts);
    cp_letter_free(b->letter);
    cp_template_free(b->tpl);
    cp_l10n_free(b->l10n);
}

/* b->tpl: template `name` (cp_template_load) in `lang` for b's claim, with
 * only the legal paragraphs of the law its claim is written under: the
 * other jurisdictions' are most of the reading and parsing a letter would
 * otherwise cost. */
static int
load_template(build_ctx *b, const char *name, enum cp_lang lang, cp_diags *diags)
{
    char *law = cp_law_code(b->claim->jurisdiction);
    int rc = cp_template_load(&b->tpl, name, b->claim->type, lang, law ? law : "", diags);
    free(law);
    return rc;
}

/* The letter's list of enclosures from the pack's exhibits. */
static void
list_enclosures(build_ctx *b)
{
    b->n_encl = b->pack->n;
    b->encl = xcalloc(b->n_encl ? b->n_encl : 1, sizeof *b->encl);
    b->kind_keys = xcalloc(b->n_encl ? b->n_encl : 1, sizeof *b->kind_keys);
    for (size_t i = 0; i < b->n_encl; i++) {
        const cp_exhibit *e = &b->pack->items[i];
        b->kind_keys[i] = xasprintf("kind.%s", cp_doc_kind_name(e->doc->kind));
        b->encl[i].label = e->label;
        b->encl[i].doc = e->doc;
        b->encl[i].kind = cp_l10n_get(b->l10n, b->kind_keys[i]);
        b->encl[i].title = e->title ? e->title : b->encl[i].kind;
    }
}

/* The letter as plain text (lettertext.h) into *text. Without a letter
 * typeset already, it is rendered here from the list of exhibits: no
 * evidence is read and nothing is typeset. `pdf` is the file said to hold
 * the exhibits, `sent` the sentence saying so (NULL: text.sent). */
static int
render_text(build_ctx *b, const char *pdf, const char *sent, char **text, cp_diags *diags)
{
    const cp_claim *claim = b->claim;
    if (b->letter == NULL) {
        b->pack = cp_pack_list(claim);
        list_enclosures(b);
        cp_letter_input in = { claim, b->l10n, b->reply_by, b->encl, b->n_encl };
        if (cp_template_render(&b->letter, b->tpl, &in, diags) < 0)
            return -1;
    }
    cp_text_opts to = { b->n_encl && pdf ? cp_path_base(pdf) : NULL, sent, b->o->max_chars };
    return cp_letter_text(text, b->letter, claim, b->l10n, &to, diags);
}

/* --text: the letter as plain text. The exhibits are said to be in the
 * PDF a build without --text writes beside the claim. */
static int
build_text(build_ctx *b, const char *out_path, cp_diags *diags)
{
    char *pdf = default_output(b->o->claim_path, "pdf");
    char *text = NULL;
    int rc = render_text(b, pdf, NULL, &text, diags);
    free(pdf);
    if (rc == 0)
        rc = cp_output_write(out_path, text, strlen(text), diags);
    if (rc == 0)
        note(b->o, "wrote %s (the letter as text)",
             strcmp(out_path, "-") == 0 ? "standard output" : out_path);
    free(text);
    return rc;
}

/* The part (0-based) that page `page` is in (build --split). */
static int
part_of(const build_ctx *b, int page)
{
    int k = 0;
    while ((size_t)(k + 1) < b->n_parts && page >= b->part_first[k + 1])
        k++;
    return k;
}

/* Letter, index and exhibits laid out, typeset, and the assembler's plan
 * made; again from scratch each time (the index changes when pictures are
 * reduced). */
static int
typeset(build_ctx *b, cp_diags *diags)
{
    const cp_claim *claim = b->claim;
    free(b->pdf);
    b->pdf = NULL;
    free(b->plan.outlines);
    free(b->plan.links);
    b->plan.outlines = NULL;
    b->plan.links = NULL;
    /* The letter lists the exhibits with their first pages, which depend
     * on how long the letter is: lay everything out until the numbers stop
     * moving (twice, as a rule). */
    int index_first = 0, total = 0;
    for (size_t i = 0; i < b->n_encl; i++)
        b->encl[i].first_page = b->encl[i].page_count = b->encl[i].part =
            b->encl[i].part_page = 0;
    bool parts = b->n_parts > 1;
    step(b->o, "typesetting");
    for (int pass = 0; pass < 4; pass++) {
        cp_letter_free(b->letter);
        b->letter = NULL;
        cp_layout_free(b->L);
        b->L = NULL;
        cp_letter_input in = { claim, b->l10n, b->reply_by, b->encl,
                               b->n_encl };
        if (cp_template_render(&b->letter, b->tpl, &in, diags) < 0)
            return -1;
        b->L = cp_layout_new(b->fonts);
        b->lopt.total_pages = total;
        int first, count;
        if (cp_letter_layout(b->L, b->letter, claim, b->l10n, &b->lopt, &first, &count,
                             diags) < 0)
            return -1;
        b->popt.letter_first = first;
        b->popt.letter_pages = count;
        index_first = cp_pack_layout(b->pack, b->L, &b->popt, diags);
        /* The letter counts the pages of its file: split, part 1's. */
        int now = (int)b->L->n_pages;
        if (parts) {
            cp_split_firsts(b->part_first, b->cuts, b->n_parts, b->pack);
            now = b->part_first[1];
        }
        bool stable = total == now;
        for (size_t i = 0; i < b->n_encl; i++) {
            const cp_exhibit *e = &b->pack->items[i];
            if (b->encl[i].first_page != e->first_page + 1 ||
                b->encl[i].page_count != e->n_pages)
                stable = false;
            b->encl[i].first_page = e->first_page + 1;
            b->encl[i].page_count = e->n_pages;
            if (parts) {
                int k = part_of(b, e->first_page);
                int pp = e->first_page - b->part_first[k] + 1;
                if (b->encl[i].part != k + 1 || b->encl[i].part_page != pp)
                    stable = false;
                b->encl[i].part = b->ex_part[i] = k + 1;
                b->encl[i].part_page = b->ex_page[i] = pp;
            }
        }
        total = now;
        if (stable)
            break;
    }
    cp_pack_footers(b->pack, b->L, &b->popt, index_first);
    if (cp_diags_errors(diags) > 0)
        return -1;
    if (b->layout_only)
        return 0;

    cp_layout *L = b->L;
    cp_asm_plan *plan = &b->plan;
    plan->links = take_links(L, b->pack, &plan->n_links);
    const cp_image *imgs[1] = { b->sig };
    size_t pdf_len = 0;
    if (cp_pdf_render(&b->pdf, &pdf_len, L, imgs, b->sig ? 1 : 0, diags) < 0)
        return -1;

    plan->gen_pdf = b->pdf;
    plan->gen_len = pdf_len;
    plan->pages = b->pack->roles;
    plan->n_pages = L->n_pages;
    plan->images = b->pack->images;
    plan->n_images = b->pack->n_images;
    plan->places = b->pack->places;
    plan->n_places = b->pack->n_places;
    plan->outlines = xcalloc(L->n_outline ? L->n_outline : 1, sizeof *plan->outlines);
    for (size_t i = 0; i < L->n_outline; i++) {
        plan->outlines[i].title = L->outline[i].title;
        plan->outlines[i].page = L->outline[i].page;
        plan->outlines[i].level = L->outline[i].level;
    }
    plan->n_outlines = L->n_outline;
    plan->title = b->letter->subject;
    plan->author = claim->claimant.name;
    plan->subject = claim->problem.summary;
    plan->keywords = b->kw;
    plan->creator = "claimpack " PACKAGE_VERSION;
    plan->date_epoch = (long long)cp_date_to_days(claim->date) * 86400;
    return 0;
}

/* --- --max-size ---------------------------------------------------------- */

static char *
human_size(long long n)
{
    if (n >= 1 << 20)
        return xasprintf("%.1f MB", (double)n / (1 << 20));
    return xasprintf("%.0f KB", ceil((double)n / 1024));
}

static long long
file_size(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 ? (long long)st.st_size : 0;
}

/* The PDF into the output's temporary file, so that its size can be known
 * before anything is replaced. The output, or NULL on failure. */
static cp_output *
assemble_scratch(build_ctx *b, const char *out_path, long long *size, cp_diags *diags)
{
    cp_output *out;
    if (cp_output_begin(&out, out_path, diags) < 0)
        return NULL;
    if (cp_assemble(&b->plan, out, diags) < 0) {
        cp_output_abort(out);
        return NULL;
    }
    *size = cp_output_size(out);
    return out;
}

/* Keep the scratch file when it fits (1: *kept = it, *rc = 0), else
 * remove it (0). Either way *out is taken. */
static int
keep_if_fits(cp_output **out, long long size, long long budget, int *rc, cp_output **kept)
{
    cp_output *o = *out;
    *out = NULL;
    if (size <= budget) {
        *kept = o;
        *rc = 0;
        return 1;
    }
    cp_output_abort(o);
    return 0;
}

/* The picture exhibit whose page `image` is (a TIFF scan has several), or
 * NULL for a chat's picture. */
static const cp_exhibit *
image_exhibit(const cp_pack *pack, size_t image)
{
    for (size_t i = 0; i < pack->n; i++) {
        const cp_exhibit *e = &pack->items[i];
        if (e->image_index >= 0 && (int)image >= e->image_index &&
            (int)image < e->image_index + e->n_pictures)
            return e;
    }
    return NULL;
}

/* "leave out some exhibits (the largest: ...)": what takes most room when
 * the pictures are as small as they get. */
static void
say_too_large(build_ctx *b, const cp_maxsize_pic *pics, long long at_least, cp_diags *diags)
{
    const cp_pack *pack = b->pack;
    long long *weight = xcalloc(pack->n ? pack->n : 1, sizeof *weight);
    for (size_t i = 0; i < pack->n; i++) {
        const cp_exhibit *e = &pack->items[i];
        for (int k = 0; e->image_index >= 0 && k < e->n_pictures; k++) {
            const cp_maxsize_pic *p = &pics[e->image_index + k];
            weight[i] += (long long)(p->data ? p->size : p->kept_size);
        }
        if (e->type == CP_EX_PDF)
            weight[i] = file_size(e->file->path);
    }
    cp_buf list = CP_BUF_INIT;
    for (int k = 0; k < 3; k++) {
        size_t best = pack->n;
        for (size_t i = 0; i < pack->n; i++)
            if (weight[i] > 0 && (best == pack->n || weight[i] > weight[best]))
                best = i;
        if (best == pack->n)
            break;
        char *hs = human_size(weight[best]);
        cp_buf_printf(&list, "%sexhibit %s (%s, %s)", list.len ? ", " : "", pack->items[best].label,
                      pack->items[best].file->display, hs);
        free(hs);
        weight[best] = 0;
    }
    char *want = human_size(b->o->max_size), *got = human_size(at_least);
    cp_error(diags, CP_INVALID, NULL, 0, 0,
             "the PDF would be %s %s, more than --max-size %s; leave out some exhibits%s%s",
             got, pack->n_images ? "even with photos at 50 dpi and screenshots scaled down"
                                 : "and has no pictures to reduce", want,
             list.len ? "; the largest: " : "", list.len ? list.data : "");
    free(want);
    free(got);
    cp_buf_free(&list);
    free(weight);
}

/* Put the reduced pictures into the plan and their notes into the index,
 * then typeset again (the index grew). */
static int
apply_pics(build_ctx *b, const cp_maxsize_pic *pics, cp_diags *diags)
{
    cp_pack *pack = b->pack;
    for (size_t i = 0; i < pack->n_images; i++) {
        cp_exhibit *e = (cp_exhibit *)image_exhibit(pack, i);
        const cp_maxsize_pic *p = &pics[i];
        pack->images[i].data = p->data;
        pack->images[i].size = p->size;
        pack->images[i].info = p->data ? &p->reduced : pack->images[i].probed;
        if (e == NULL)
            continue;   /* a chat's picture: its exhibit has no note of its own */
        /* A scan of pages is noted by the first of its pages reduced. */
        if ((int)i == e->image_index) {
            free(e->note);
            e->note = NULL;
        }
        if (p->data == NULL || e->note != NULL)
            continue;
        char w[16], h[16], dpi[16], q[16];
        snprintf(w, sizeof w, "%d", p->reduced.width);
        snprintf(h, sizeof h, "%d", p->reduced.height);
        snprintf(dpi, sizeof dpi, "%d", p->dpi);
        snprintf(q, sizeof q, "%d", p->quality);
        e->note = cp_l10n_format(b->l10n, "index.reduced", "width", w, "height", h, "dpi", dpi,
                                 "quality", q, (char *)NULL);
    }
    return typeset(b, diags);
}

/* Build the PDF within o->max_size bytes: as it is when it fits, else with
 * the pictures reduced (maxsize.h), each reduction noted in the index.
 * *result is the output written, to be committed. */
static int
build_max_size(build_ctx *b, const char *out_path, cp_output **result, cp_diags *diags)
{
    *result = NULL;
    cp_pack *pack = b->pack;
    size_t n = pack->n_images;
    long long budget = b->o->max_size;
    cp_maxsize_pic *pics = xcalloc(n ? n : 1, sizeof *pics);
    cp_output *tmp = NULL;
    int rc = -1;

    long long kept = 0;
    for (size_t i = 0; i < n; i++) {
        const cp_exhibit *e = image_exhibit(pack, i);
        cp_maxsize_pic *p = &pics[i];
        p->path = pack->images[i].path;
        p->display = pack->images[i].display;
        p->info = pack->images[i].info;
        p->member = pack->images[i].member;
        p->sha256 = pack->images[i].sha256;
        p->stamp = pack->images[i].stamp;
        p->sum = pack->images[i].sum;
        /* A chat's picture is its member's bytes; a scan's page, its share
         * of the file. */
        p->kept_size = p->member ? p->info->size
                       : (size_t)file_size(p->path) / (size_t)(e ? e->n_pictures : 1);
        /* A chat's pictures by the same rules as a correspondence exhibit's. */
        enum cp_doc_kind kind = e ? e->doc->kind : CP_DOC_CORRESPONDENCE;
        p->sharp = kind == CP_DOC_SCREENSHOT || (kind != CP_DOC_PHOTO && !p->info->is_jpeg);
        for (size_t pg = 0; pg < pack->n_roles; pg++)
            if (pack->roles[pg].kind == CP_ASM_IMAGE && pack->roles[pg].image == (int)i) {
                p->box_w = pack->roles[pg].w;
                p->box_h = pack->roles[pg].h;
            }
        for (size_t k = 0; k < pack->n_places; k++)
            if (pack->places[k].image == (int)i) {
                p->box_w = pack->places[k].w;
                p->box_h = pack->places[k].h;
            }
        kept += (long long)p->kept_size;
    }

    /* What is not a picture: imported PDFs and a little per picture, then
     * the typeset pages, which count for nothing here. libharu's pages hold
     * whole fonts that the assembly trims (assemble.c), so their length says
     * little about the PDF: an estimate from it left no room and sent every
     * picture to the last level. The rest is measured on the first PDF
     * assembled, so the guess is a lower bound, and a level it skips could
     * not have fitted. */
    long long fixed = 2048 + (long long)n * 500, size = 0;
    for (size_t i = 0; i < pack->n; i++)
        if (pack->items[i].type == CP_EX_PDF)
            fixed += file_size(pack->items[i].file->path);
    if (fixed + kept <= budget) {
        tmp = assemble_scratch(b, out_path, &size, diags);
        if (tmp == NULL)
            goto cleanup;
        if (keep_if_fits(&tmp, size, budget, &rc, result))
            goto cleanup;
        fixed = size - kept;
    }
    if (n == 0) {   /* nothing to reduce: measured as it is */
        if (size == 0) {
            tmp = assemble_scratch(b, out_path, &size, diags);
            if (tmp == NULL)
                goto cleanup;
        }
        say_too_large(b, pics, size, diags);
        goto cleanup;
    }

    int first = 0;
    for (int attempt = 0; attempt < 3; attempt++) {
        long long room = budget - fixed;
        /* Nothing but the smallest can do when not even the rest fits. */
        if (room <= 0)
            first = cp_maxsize_levels() - 1;
        int level = 0;
        long long smallest = 0;
        int r = cp_maxsize_shrink(pics, n, room > 0 ? room : 0, first, &level, &smallest, diags);
        (void)smallest;
        if (r < 0)
            goto cleanup;
        if (apply_pics(b, pics, diags) < 0)
            goto cleanup;
        tmp = assemble_scratch(b, out_path, &size, diags);
        if (tmp == NULL)
            goto cleanup;
        if (r > 0) {
            /* The smallest there is. What it came to is measured, and that
             * decides. */
            if (keep_if_fits(&tmp, size, budget, &rc, result))
                goto cleanup;
            say_too_large(b, pics, size, diags);
            goto cleanup;
        }
        note(b->o, "--max-size: pictures at level %d of %d: %lld bytes", level + 1,
             cp_maxsize_levels(), size);
        if (keep_if_fits(&tmp, size, budget, &rc, result))
            goto cleanup;
        /* The rest, measured, counted in the pictures' own terms (what the
         * search adds up): once more from one level down. */
        long long pictures = 0;
        for (size_t i = 0; i < n; i++)
            pictures += (long long)(pics[i].data ? pics[i].size : pics[i].kept_size);
        fixed = size - pictures;
        first = level + 1;
        if (first >= cp_maxsize_levels())
            break;
    }
    {
        char *want = human_size(budget), *got = human_size(size);
        cp_error(diags, CP_INVALID, NULL, 0, 0, "the PDF came out at %s even with the pictures "
                 "reduced, more than --max-size %s; leave out some exhibits", got, want);
        free(want);
        free(got);
    }
cleanup:
    cp_output_abort(tmp);
    /* The plan must not point at buffers freed here. */
    for (size_t i = 0; i < n; i++) {
        pack->images[i].data = NULL;
        pack->images[i].size = 0;
        pack->images[i].info = pack->images[i].probed;
    }
    cp_maxsize_clear(pics, n);
    free(pics);
    return rc;
}

/* The evidence read, the letter and the pack laid out and typeset, and the
 * assembler's plan made: everything a PDF needs but its writing, which
 * write_pdf begins at `out` ("-": standard output; NULL: not known yet). */
static int
prepare_pdf(build_ctx *b, char **sig_path, const char *out, cp_diags *diags)
{
    const cp_build_opts *o = b->o;
    cp_claim *claim = b->claim;
    step(o, "reading the evidence");
    if (cp_pack_load(&b->pack, claim, diags) < 0)
        return -1;
    for (size_t i = 0; i < b->pack->n_images; i++)
        b->pack->images[i].keep_metadata = o->keep_metadata;
    /* A PDF assembled once, whole, has its pictures prepared from here on,
     * by the cores that the fonts and the typesetting leave idle, and
     * write_pdf writes them from there. --max-size and --split assemble
     * several PDFs, of pictures reduced or of parts: each prepares its own. */
    if (out && o->max_size == 0 && o->split_size == 0 && !b->layout_only && b->prep == NULL) {
        char *dir = cp_output_dir(out);
        b->prep = cp_imgprep_start(b->pack->images, b->pack->n_images, dir);
        free(dir);
    }
    if (cp_fontset_load(&b->fonts, diags) < 0)
        return -1;
    enum cp_paper paper = o->paper >= 0 ? (enum cp_paper)o->paper
                                        : cp_paper_for_jurisdiction(claim->jurisdiction);
    double paper_w, paper_h;
    cp_paper_size(paper, &paper_w, &paper_h);
    cp_letter_opts lopt = { paper, -1, 0, 0, 0 };
    b->lopt = lopt;
    /* A signature image beside the profile is optional. */
    *sig_path = cp_config_path("signature.png");
    if (access(*sig_path, F_OK) == 0) {
        if (cp_image_load(&b->sig, *sig_path, *sig_path, diags) < 0)
            return -1;
        if (b->sig->width > 0 && b->sig->height > 0 && b->sig->orientation == 1) {
            b->lopt.signature = 0;
            b->lopt.signature_aspect = (double)b->sig->width / b->sig->height;
        }
    }

    list_enclosures(b);
    cp_pack_opts popt = { claim, b->l10n, paper_w, paper_h, o->stamp, o->print,
                          o->keep_metadata, 0, 0, NULL, 0, NULL, NULL };
    b->popt = popt;
    b->kw = keywords(claim);
    return typeset(b, diags);
}

/* The PDF into out_path's temporary file (*out, to be committed): within
 * --max-size when one is set. */
static int
write_pdf(build_ctx *b, const char *out_path, cp_output **out, cp_diags *diags)
{
    *out = NULL;
    if (b->o->max_size > 0) {
        step(b->o, "reducing pictures to fit --max-size");
        return build_max_size(b, out_path, out, diags);
    }
    step(b->o, "writing the PDF");
    cp_output *o;
    if (cp_output_begin(&o, out_path, diags) < 0)
        return -1;
    b->plan.prep = b->prep;
    int rc = cp_assemble(&b->plan, o, diags);
    b->plan.prep = NULL;
    cp_imgprep_free(b->prep);
    b->prep = NULL;
    if (rc < 0) {
        cp_output_abort(o);
        return -1;
    }
    *out = o;
    return 0;
}

/* --for CHANNEL: STEM.txt and STEM.pdf beside each other. STEM is -o
 * without its extension, else the claim's path without ".xml". */
static char *
channel_stem(const cp_build_opts *o)
{
    const char *base = o->output ? o->output : o->claim_path;
    size_t n = strlen(base);
    static const char *const exts[] = { ".xml", ".pdf", ".txt", ".eml" };
    for (size_t i = 0; i < CP_ARRAY_LEN(exts); i++)
        if (n > 4 && strcasecmp(base + n - 4, exts[i]) == 0) {
            n -= 4;
            break;
        }
    return xstrndup(base, n);
}

/* --- --split --------------------------------------------------------------- */

static void
clear_parts(build_ctx *b)
{
    free(b->cuts);
    free(b->part_first);
    free(b->ex_part);
    free(b->ex_page);
    b->cuts = NULL;
    b->part_first = b->ex_part = b->ex_page = NULL;
    b->n_parts = 0;
    b->popt.part_first = b->popt.ex_part = b->popt.ex_page = NULL;
    b->popt.n_parts = 0;
}

static void
set_parts(build_ctx *b, cp_split_cut *cuts, size_t n)
{
    clear_parts(b);
    size_t ne = b->pack->n ? b->pack->n : 1;
    b->cuts = cuts;
    b->n_parts = n;
    b->part_first = xcalloc(n, sizeof *b->part_first);
    b->ex_part = xcalloc(ne, sizeof *b->ex_part);
    b->ex_page = xcalloc(ne, sizeof *b->ex_page);
    if (n > 1) {
        b->popt.part_first = b->part_first;
        b->popt.n_parts = (int)n;
        b->popt.ex_part = b->ex_part;
        b->popt.ex_page = b->ex_page;
    }
}

/* A part that cannot be cut smaller, and is too large: one page of an
 * exhibit, or the letter with the index. CP_INVALID, as --max-size's. */
static void
say_part_too_large(build_ctx *b, int first, long long got, const char *limit, cp_diags *diags)
{
    char *hs = human_size(got);
    const cp_exhibit *e = NULL;
    for (size_t i = 0; i < b->pack->n; i++)
        if (first >= b->pack->items[i].first_page &&
            first < b->pack->items[i].first_page + b->pack->items[i].n_pages)
            e = &b->pack->items[i];
    if (e && e->file)
        cp_error(diags, CP_INVALID, e->file->path, 0, 0, "exhibit %s has a page of %s (its "
                 "page %d), more than %s: no part can hold it; make the file smaller or leave "
                 "it out", e->label, hs, first - e->first_page + 1, limit);
    else if (e)
        cp_error(diags, CP_INVALID, NULL, 0, 0, "exhibit %s has a page of %s (its page %d), "
                 "more than %s: no part can hold it; leave it out", e->label, hs,
                 first - e->first_page + 1, limit);
    else
        cp_error(diags, CP_INVALID, NULL, 0, 0, "the letter and the index alone come to %s, "
                 "more than %s: no part can hold them", hs, limit);
    free(hs);
}

/* The split PDF: parts of at most o->split_size bytes each, in the
 * temporary files of *outs (to be committed together), named in *names:
 * STEM-1.pdf ... STEM-n.pdf, or `single` when one part holds everything
 * and single is not NULL (--for: STEM.pdf). The parts are planned from
 * estimates (split.c), assembled and measured; when one came out too large
 * they are planned again with less room. `limit` names the size in
 * messages. */
static int
write_parts(build_ctx *b, const char *stem, const char *single, const char *limit,
            cp_output ***outs, char ***names, size_t *n_out, cp_diags *diags)
{
    const long long size = b->o->split_size;
    long long budget = size;
    cp_output **v = NULL;
    char **nm = NULL;
    size_t n = 0;
    int rc = -1;
    *outs = NULL;
    *names = NULL;
    *n_out = 0;
    for (int attempt = 0; attempt < 4; attempt++) {
        cp_split_cut *cuts = NULL;
        size_t np = cp_split_plan(&cuts, b->pack, budget);
        set_parts(b, cuts, np);
        if (np > CP_SPLIT_MAX_PARTS) {
            cp_error(diags, CP_INVALID, NULL, 0, 0, "the PDF would be more than %d parts within "
                     "%s; allow larger parts or leave out some exhibits", CP_SPLIT_MAX_PARTS,
                     limit);
            goto cleanup;
        }
        if (typeset(b, diags) < 0)
            goto cleanup;
        v = xcalloc(np, sizeof *v);
        nm = xcalloc(np, sizeof *nm);
        n = np;
        long long worst = 0;
        size_t bad = np;
        step(b->o, "writing the parts");
        for (size_t k = 0; k < np; k++) {
            int first = b->part_first[k];
            int end = k + 1 < np ? b->part_first[k + 1] : (int)b->L->n_pages;
            nm[k] = np == 1 && single ? xstrdup(single) : xasprintf("%s-%zu.pdf", stem, k + 1);
            cp_asm_plan sub;
            cp_split_subplan(&sub, &b->plan, first, end, np > 1 ? (int)k + 1 : 0);
            int a = cp_output_begin(&v[k], nm[k], diags) < 0 ? -1 : cp_assemble(&sub, v[k], diags);
            cp_split_subplan_free(&sub);
            if (a < 0)
                goto cleanup;
            long long got = cp_output_size(v[k]);
            note(b->o, "--split: %s, pages %d to %d of %zu: %lld bytes", nm[k], first + 1, end,
                 b->L->n_pages, got);
            if (got > size && got - size > worst)
                worst = got - size;
            /* Too large, and no smaller cut there: a single page, or the
             * letter and the index alone. */
            bool letter = b->pack->n == 0 || end <= b->pack->items[0].first_page;
            if (got > size && (end - first == 1 || letter)) {
                say_part_too_large(b, first, got, limit, diags);
                goto cleanup;
            }
            if (got > size)
                bad = k;
        }
        if (bad == np) {
            *outs = v;
            *names = nm;
            *n_out = n;
            v = NULL;
            nm = NULL;
            n = 0;
            rc = 0;
            goto cleanup;
        }
        /* The estimate was short: again, with that much less room. */
        for (size_t k = 0; k < n; k++) {
            cp_output_abort(v[k]);
            free(nm[k]);
        }
        free(v);
        free(nm);
        v = NULL;
        nm = NULL;
        n = 0;
        budget -= worst + budget / 32;
    }
    cp_error(diags, CP_INVALID, NULL, 0, 0, "the parts came out larger than %s however they "
             "were cut; leave out some exhibits", limit);
cleanup:
    for (size_t k = 0; k < n; k++) {
        cp_output_abort(v[k]);
        free(nm[k]);
    }
    free(v);
    free(nm);
    return rc;
}

/* "claim-1.pdf, claim-2.pdf and claim-3.pdf" (`and` in the letter's
 * language); base: the file names without their directories. */
static char *
list_names(char *const *names, size_t n, const char *and, bool base)
{
    cp_buf lb = CP_BUF_INIT;
    for (size_t i = 0; i < n; i++)
        cp_buf_printf(&lb, "%s%s", i == 0 ? "" : i + 1 == n ? and : ", ",
                      base ? cp_path_base(names[i]) : names[i]);
    return cp_buf_detach(&lb);
}

static void
free_names(char **names, size_t n)
{
    for (size_t i = 0; names && i < n; i++)
        free(names[i]);
    free(names);
}

/* build --split SIZE: the parts alone, put in place together. */
static int
build_split(build_ctx *b, char **sig_path, cp_diags *diags)
{
    cp_output **outs = NULL;
    char **names = NULL;
    size_t n = 0, n_names = 0;
    char *stem = channel_stem(b->o), *hs = human_size(b->o->split_size);
    char *limit = xasprintf("--split %s", hs);
    int rc = -1;
    b->layout_only = true;   /* planning needs the pages, not their typesetting */
    if (prepare_pdf(b, sig_path, NULL, diags) < 0)
        goto cleanup;
    b->layout_only = false;
    if (write_parts(b, stem, NULL, limit, &outs, &names, &n, diags) < 0)
        goto cleanup;
    n_names = n;
    for (size_t k = 0; k < n; k++)
        output_is_input(names[k], b->claim, diags);
    if (cp_diags_errors(diags) > 0)
        goto cleanup;
    rc = cp_output_commit_all(outs, n, diags);
    for (size_t k = 0; rc == 0 && k < n; k++)
        note(b->o, "wrote %s (part %zu of %zu: pages %d to %d of the pack)", names[k], k + 1,
             n, b->part_first[k] + 1,
             k + 1 < n ? b->part_first[k + 1] : (int)b->L->n_pages);
    n = 0;
cleanup:
    for (size_t k = 0; k < n; k++)
        cp_output_abort(outs[k]);
    free(outs);
    free_names(names, n_names);
    free(stem);
    free(hs);
    free(limit);
    return rc;
}

/* --eml: the claimant's and the recipient's <email>, checked before
 * anything is typeset. CP_INVALID errors at the claim. */
static void
check_addresses(const cp_claim *c, cp_diags *diags)
{
    const struct { const cp_party *p; const char *who, *where; } ps[] = {
        { &c->claimant, "claimant", " (or to your profile.xml)" },
        { &c->recipient, "recipient", ", after <address>" },
    };
    for (size_t i = 0; i < CP_ARRAY_LEN(ps); i++) {
        const cp_party *p = ps[i].p;
        if (!p->email || !p->email[0])
            cp_error(diags, CP_INVALID, c->path, p->loc.line, p->loc.col, "an e-mail needs the "
                     "%s's address: add <email> to <%s>%s", ps[i].who, ps[i].who, ps[i].where);
        else if (!cp_mail_address_ok(p->email))
            cp_error(diags, CP_INVALID, c->path, p->loc.line, p->loc.col, "the %s's <email> '%s' "
                     "is not an e-mail address such as name@example.org", ps[i].who, p->email);
    }
}

/* The PDF's bytes, read back from the temporary file of o. */
static int
read_back(cp_output *o, char **buf, size_t *len, cp_diags *diags)
{
    if (cp_read_file(buf, len, cp_output_temp(o), (size_t)1 << 31) < 0) {
        cp_error(diags, CP_OUTPUT, cp_output_target(o), 0, 0, "cannot read the PDF back: %s",
                 strerror(errno));
        return -1;
    }
    return 0;
}

/* The e-mail: the claimant to the recipient, the letter's subject, `text`
 * as the message, the PDF attached as pdf_name. The date is the letter's
 * (the PDF's); the Message-ID and the boundary come from the SHA-256 of
 * the PDF and the text, so a rebuild gives the same bytes. */
static int
make_eml(build_ctx *b, const char *target, const char *pdf_name, const char *pdf,
         size_t pdf_len, const char *text, char **eml, size_t *eml_len, cp_diags *diags)
{
    const cp_claim *c = b->claim;
    char h[65], id[65];
    cp_sha256_hex(h, pdf, pdf_len);
    char *seed = xasprintf("%s\n%s", h, text);
    cp_sha256_hex(id, seed, strlen(seed));
    free(seed);
    char *mid = xasprintf("%.32s@%s", id, strchr(c->claimant.email, '@') + 1);
    char *boundary = xasprintf("=-claimpack-%.24s", id + 32);
    cp_mail_msg m = { target, c->claimant.name, c->claimant.email, c->recipient.name,
                      c->recipient.email, b->letter->subject, text, pdf_name,
                      (const unsigned char *)pdf, pdf_len, b->plan.date_epoch, mid, boundary };
    int rc = cp_mail_write(eml, eml_len, &m, diags);
    free(mid);
    free(boundary);
    return rc;
}

/* --eml: the e-mail alone. The PDF is assembled into the e-mail's own
 * temporary file, read back and attached as STEM.pdf. */
static int
build_eml(build_ctx *b, const char *out_path, char **sig_path, cp_diags *diags)
{
    if (prepare_pdf(b, sig_path, out_path, diags) < 0)
        return -1;
    cp_build_opts named = *b->o;
    if (named.output && strcmp(named.output, "-") == 0)
        named.output = NULL;
    char *stem = channel_stem(&named), *pdf_name = xasprintf("%s.pdf", stem);
    cp_output *po = NULL;
    char *pdf = NULL, *text = NULL, *eml = NULL;
    size_t pdf_len = 0, eml_len = 0;
    int rc = -1;
    if (write_pdf(b, out_path, &po, diags) < 0 || read_back(po, &pdf, &pdf_len, diags) < 0)
        goto cleanup;
    cp_output_abort(po);
    po = NULL;
    if (render_text(b, pdf_name, NULL, &text, diags) < 0)
        goto cleanup;
    if (make_eml(b, strcmp(out_path, "-") ? out_path : NULL, cp_path_base(pdf_name), pdf,
                 pdf_len, text, &eml, &eml_len, diags) < 0)
        goto cleanup;
    rc = cp_output_write(out_path, eml, eml_len, diags);
    if (rc == 0)
        note(b->o, "wrote %s (an e-mail of %zu bytes, %s attached)",
             strcmp(out_path, "-") == 0 ? "standard output" : out_path, eml_len,
             cp_path_base(pdf_name));
cleanup:
    cp_output_abort(po);
    free(pdf);
    free(text);
    free(eml);
    free(stem);
    free(pdf_name);
    return rc;
}

/* What the channel takes, written as one (cp_output_commit_all), then the
 * files and the steps on o->report, in the letter's language. With
 * o->split_size (a channel that takes several files of a size), the PDF
 * is in parts when it must be, and the text and the steps name them all. */
static int
build_channel(build_ctx *b, const cp_channels *chs, const cp_channel *ch, const char *txt,
              const char *pdf, const char *eml, char **sig_path, cp_diags *diags)
{
    enum cp_lang lang = cp_l10n_lang(b->l10n);
    bool split = pdf && b->o->split_size > 0;
    cp_output **outs = NULL, **parts = NULL;
    char **part_names = NULL;
    size_t n = 0, n_parts = 0;
    char *text = NULL, *sent = NULL, *pdf_bytes = NULL, *mail = NULL;
    char *and = cp_channels_format(chs, lang, "and", (char *)NULL);
    char *xand = xasprintf(" %s ", and);
    char *pdfs = NULL, *pdf_bases = NULL;   /* the PDF's files, for the steps and the text */
    size_t pdf_len = 0, mail_len = 0;
    int rc = -1;
    if (pdf) {
        b->layout_only = split;   /* the parts are planned from the pages first */
        if (prepare_pdf(b, sig_path, pdf, diags) < 0)
            goto cleanup;
        b->layout_only = false;
        if (ch->max_pages > 0 && b->L->n_pages > (size_t)ch->max_pages) {
            cp_error(diags, CP_INVALID, NULL, 0, 0, "the PDF would have %zu pages; %s takes at "
                     "most %d in one file (%s); leave out some exhibits", b->L->n_pages, ch->name,
                     ch->max_pages, ch->n_sources ? ch->sources[0].href : ch->file);
            goto cleanup;
        }
    }
    if (split) {
        char *stem = xstrndup(pdf, strlen(pdf) - 4), *hs = human_size(b->o->split_size);
        char *limit = xasprintf("the %s a file %s takes", hs, ch->name);
        int r = write_parts(b, stem, pdf, limit, &parts, &part_names, &n_parts, diags);
        free(stem);
        free(hs);
        free(limit);
        if (r < 0)
            goto cleanup;
        pdfs = list_names(part_names, n_parts, xand, false);
        pdf_bases = list_names(part_names, n_parts, xand, true);
    } else if (pdf) {
        pdfs = xstrdup(pdf);
        pdf_bases = xstrdup(cp_path_base(pdf));
    }
    outs = xcalloc(n_parts + 3, sizeof *outs);
    /* The text after the parts, whose pages it gives. */
    if (txt) {
        sent = pdf ? cp_channel_sent(ch, lang, pdf_bases) : NULL;
        if (render_text(b, pdf_bases, sent, &text, diags) < 0)
            goto cleanup;
        if (cp_output_begin(&outs[n], txt, diags) < 0)
            goto cleanup;
        if (cp_output_put(outs[n++], text, strlen(text), diags) < 0)
            goto cleanup;
    }
    for (size_t k = 0; k < n_parts; k++) {
        outs[n++] = parts[k];
        parts[k] = NULL;
    }
    if (pdf && !split && write_pdf(b, pdf, &outs[n++], diags) < 0)
        goto cleanup;
    if (eml) {
        /* The e-mail's message says the PDF is sent with it. */
        char *body = NULL;
        if (read_back(outs[n - 1], &pdf_bytes, &pdf_len, diags) < 0 ||
            render_text(b, pdf, NULL, &body, diags) < 0 ||
            make_eml(b, eml, cp_path_base(pdf), pdf_bytes, pdf_len, body, &mail, &mail_len,
                     diags) < 0) {
            free(body);
            goto cleanup;
        }
        free(body);
        if (cp_output_begin(&outs[n], eml, diags) < 0)
            goto cleanup;
        if (cp_output_put(outs[n++], mail, mail_len, diags) < 0)
            goto cleanup;
    }
    for (size_t k = 0; k < n_parts; k++)
        output_is_input(part_names[k], b->claim, diags);
    if (cp_diags_errors(diags) > 0)
        goto cleanup;
    rc = cp_output_commit_all(outs, n, diags);
    n = 0;
    if (rc == 0 && b->o->report) {
        const char **names = xcalloc(n_parts + 3, sizeof *names);
        size_t k = 0;
        if (txt)
            names[k++] = txt;
        for (size_t i = 0; i < n_parts; i++)
            names[k++] = part_names[i];
        if (pdf && n_parts == 0)
            names[k++] = pdf;
        if (eml)
            names[k++] = eml;
        cp_buf lb = CP_BUF_INIT;
        for (size_t i = 0; i < k; i++)
            cp_buf_printf(&lb, "%s%s", i == 0 ? "" : i + 1 == k ? xand : ", ", names[i]);
        char *list = cp_buf_detach(&lb);
        char *head = cp_channels_format(chs, lang, "wrote", "channel", ch->name, "files", list,
                                        (char *)NULL);
        fprintf(b->o->report, "%s\n", head);
        for (size_t i = 0; i < ch->n_steps; i++) {
            char *st = cp_channel_step(ch, i, lang, txt, pdfs, eml);
            fprintf(b->o->report, "%zu. %s\n", i + 1, st);
            free(st);
        }
        if (n_parts > 1) {
            char np[24];
            snprintf(np, sizeof np, "%zu", n_parts);
            char *say = cp_channels_format(chs, lang, "parts", "n", np, "files", pdfs,
                                           (char *)NULL);
            fprintf(b->o->report, "%s\n", say);
            free(say);
        }
        if (fflush(b->o->report) != 0)
            cp_error(diags, CP_OUTPUT, NULL, 0, 0, "cannot write the steps to standard output");
        free(names);
        free(head);
        free(list);
    }
cleanup:
    for (size_t i = 0; i < n; i++)
        cp_output_abort(outs[i]);
    for (size_t i = 0; i < n_parts; i++)
        cp_output_abort(parts[i]);
    free(outs);
    free(parts);
    free_names(part_names, n_parts);
    free(pdfs);
    free(pdf_bases);
    free(and);
    free(xand);
    free(text);
    free(sent);
    free(pdf_bytes);
    free(mail);
    return rc;
}

/* --issuer-letter: STEM-issuer.EXT beside the letter's own output. */
static char *
issuer_output(const char *out_path, const char *ext)
{
    size_t n = strlen(out_path);
    if (n > 4 && (strcasecmp(out_path + n - 4, ".pdf") == 0 ||
                  strcasecmp(out_path + n - 4, ".txt") == 0))
        n -= 4;
    return xasprintf("%.*s-issuer.%s", (int)n, out_path, ext);
}

/* --issuer-letter: the claim's letter and the notice to the card issuer
 * (issuer.h), as text or as PDFs, put in place together. The notice is a
 * letter alone in English (claimpack(1)), without a stamp or a size limit. */
static int
build_with_issuer(build_ctx *b, const cp_checklist *cl, const char *out_path,
                  const char *issuer_path, char **sig_path, cp_diags *diags)
{
    const cp_build_opts *o = b->o;
    cp_build_opts io = *o;
    io.stamp = NULL;
    io.max_size = 0;
    io.split_size = 0;
    io.template_name = NULL;
    cp_claim view;
    cp_issuer_view(&view, b->claim);
    build_ctx ib;
    memset(&ib, 0, sizeof ib);
    ib.o = &io;
    ib.claim = &view;
    ib.reply_by = cp_issuer_deadline(cl);
    cp_output *outs[2] = { NULL, NULL };
    size_t n = 0;
    char *text = NULL, *itext = NULL, *isig = NULL;
    int rc = -1;
    if (cp_l10n_load(&ib.l10n, CP_LANG_EN, view.jurisdiction, diags) < 0 ||
        load_template(&ib, CP_ISSUER_TEMPLATE, CP_LANG_EN, diags) < 0)
        goto cleanup;
    if (o->text) {
        char *exhibits = default_output(o->claim_path, "pdf");
        int r = render_text(b, exhibits, NULL, &text, diags);
        free(exhibits);
        if (r < 0 || render_text(&ib, NULL, NULL, &itext, diags) < 0)
            goto cleanup;
        const char *paths[2] = { out_path, issuer_path }, *texts[2] = { text, itext };
        for (size_t i = 0; i < 2; i++) {
            if (cp_output_begin(&outs[i], paths[i], diags) < 0)
                goto cleanup;
            n = i + 1;
            if (cp_output_put(outs[i], texts[i], strlen(texts[i]), diags) < 0)
                goto cleanup;
        }
    } else {
        if (prepare_pdf(b, sig_path, out_path, diags) < 0)
            goto cleanup;
        int r = write_pdf(b, out_path, &outs[n++], diags);
        if (r < 0 || prepare_pdf(&ib, &isig, issuer_path, diags) < 0)
            goto cleanup;
        if (write_pdf(&ib, issuer_path, &outs[n++], diags) < 0)
            goto cleanup;
    }
    rc = cp_output_commit_all(outs, n, diags);
    n = 0;
    if (rc == 0)
        note(o, "wrote %s and %s (the notice to the card issuer)", out_path, issuer_path);
cleanup:
    for (size_t i = 0; i < n; i++)
        cp_output_abort(outs[i]);
    ib.claim = NULL;   /* the view owns nothing */
    ctx_release(&ib);
    free(text);
    free(itext);
    free(isig);
    return rc;
}

int
cp_build(const cp_build_opts *opts, cp_diags *diags)
{
    build_ctx b;
    memset(&b, 0, sizeof b);
    cp_build_opts eff = *opts;   /* with what a channel adds */
    const cp_build_opts *o = &eff;
    b.o = o;
    cp_checklist *cl = NULL;
    cp_channels *chs = NULL;
    const cp_channel *ch = NULL;
    char *out_path = NULL, *sig_path = NULL, *stem = NULL, *txt = NULL, *pdf = NULL, *eml = NULL;
    char *issuer_path = NULL;
    int rc = -1;

    if (opts->channel) {
        if (cp_channels_load(&chs, diags) < 0)
            goto cleanup;
        ch = cp_channel_find(chs, opts->channel);
        if (ch == NULL) {
            char *names = cp_channels_names(chs);
            cp_error(diags, CP_USAGE, NULL, 0, 0, "unknown channel '%s' (%s; see claimpack "
                     "channels)", opts->channel, names);
            free(names);
            goto cleanup;
        }
        /* The channel's limits; a stricter one given on the command line stays. */
        eff.print = opts->print || ch->print;
        /* A channel that takes files of a size gets the PDF in parts within
         * it rather than its photos reduced below legibility; unless it
         * takes one file, or --max-size asks for one. */
        bool one = ch->max_count == 1 || ch->eml || eff.print || opts->max_size > 0;
        if (ch->max_bytes > 0 && !one &&
            (eff.split_size == 0 || ch->max_bytes < eff.split_size))
            eff.split_size = ch->max_bytes;
        else if (ch->max_bytes > 0 && one &&
                 (eff.max_size == 0 || ch->max_bytes < eff.max_size))
            eff.max_size = ch->max_bytes;
        if (eff.split_size > 0 && one) {
            cp_error(diags, CP_USAGE, NULL, 0, 0, "%s takes one PDF%s: --split goes without it",
                     ch->name, ch->eml ? " in one e-mail" : eff.print ? " to print" : "");
            goto cleanup;
        }
        if (ch->max_chars > 0 && (eff.max_chars == 0 || ch->max_chars < eff.max_chars))
            eff.max_chars = ch->max_chars;
        eff.text = false;
    }

    /* Stops where the claim is unusable; schema errors, the checklist and
     * the evidence check are all reported (an invalid claim's model is
     * checked too), so that one run reports everything, as check does. */
    step(o, "checking the evidence files");
    cp_load_opts lo = { .print = o->print, .force = o->force, .fast = true, .stop_early = true,
                        .whole = true };
    cp_claim_load(&b.claim, &cl, o->claim_path, &lo, diags);
    if (b.claim == NULL)
        goto cleanup;
    cp_claim *claim = b.claim;
    b.reply_by = cp_checklist_reply_by(cl, claim);
    if (ch) {
        stem = channel_stem(o);
        txt = ch->text ? xasprintf("%s.txt", stem) : NULL;
        pdf = ch->files || ch->print ? xasprintf("%s.pdf", stem) : NULL;
        eml = ch->eml ? xasprintf("%s.eml", stem) : NULL;
        const char *all[] = { txt, pdf, eml };
        for (size_t i = 0; i < CP_ARRAY_LEN(all); i++)
            if (all[i])
                output_is_input(all[i], claim, diags);
    } else {
        out_path = o->output ? xstrdup(o->output)
                             : default_output(o->claim_path, o->text ? "txt" : o->eml ? "eml"
                                                                               : "pdf");
        output_is_input(out_path, claim, diags);
        if (o->issuer_letter && cp_issuer_check(claim, diags) == 0) {
            issuer_path = issuer_output(out_path, o->text ? "txt" : "pdf");
            output_is_input(issuer_path, claim, diags);
        }
    }
    if (o->eml || (ch && ch->eml))
        check_addresses(claim, diags);
    if (cp_diags_errors(diags) > 0)
        goto cleanup;

    enum cp_lang lang = o->lang >= 0 ? (enum cp_lang)o->lang : claim->lang;
    if (cp_l10n_load(&b.l10n, lang, claim->jurisdiction, diags) < 0)
        goto cleanup;
    if (load_template(&b, o->template_name, lang, diags) < 0)
        goto cleanup;

    if (ch) {
        rc = build_channel(&b, chs, ch, txt, pdf, eml, &sig_path, diags);
        goto cleanup;
    }
    if (o->eml) {
        rc = build_eml(&b, out_path, &sig_path, diags);
        goto cleanup;
    }
    if (o->issuer_letter) {
        rc = build_with_issuer(&b, cl, out_path, issuer_path, &sig_path, diags);
        goto cleanup;
    }
    if (o->text) {
        rc = build_text(&b, out_path, diags);
        goto cleanup;
    }
    if (o->split_size) {
        rc = build_split(&b, &sig_path, diags);
        goto cleanup;
    }
    /* A device or a pipe named as the output (/dev/full, a FIFO) is
     * written into, not replaced by a file: as standard output, once the
     * PDF is typeset. */
    struct stat ost;
    bool device = strcmp(out_path, "-") != 0 && stat(out_path, &ost) == 0 &&
                  !S_ISREG(ost.st_mode) && !S_ISDIR(ost.st_mode);
    if (prepare_pdf(&b, &sig_path, device ? "-" : out_path, diags) < 0)
        goto cleanup;
    if (device) {
        if (freopen(out_path, "wb", stdout) == NULL) {
            cp_error(diags, CP_OUTPUT, out_path, 0, 0, "cannot write: %s", strerror(errno));
            goto cleanup;
        }
        free(out_path);
        out_path = xstrdup("-");
    }
    cp_output *out;
    if (write_pdf(&b, out_path, &out, diags) < 0 || cp_output_commit(out, diags) < 0)
        goto cleanup;
    note(o, "wrote %s (%zu pages)", strcmp(out_path, "-") == 0 ? "standard output" : out_path,
         b.L->n_pages);
    rc = 0;
cleanup:
    clear_parts(&b);
    ctx_release(&b);
    free(out_path);
    free(issuer_path);
    free(stem);
    free(txt);
    free(pdf);
    free(eml);
    free(sig_path);
    cp_channels_free(chs);
    cp_checklist_free(cl);
    cp_claim_free(b.claim);
    return rc;
}
