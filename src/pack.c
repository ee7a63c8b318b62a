/* pack.c: exhibits, the index of exhibits, and the pages they take. */
#include "config.h"
#include "pack.h"
#include "claimpack/evidence.h"
#include "reread.h"
#include "util.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <nettle/sha2.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

/* Page furniture, in points. */
#define MARGIN_X CP_MM(20)
#define HEADER_Y CP_MM(12)     /* baseline of the exhibit header, from the top */
#define BODY_TOP CP_MM(22)     /* where typeset content starts, from the top */
#define FOOTER_Y CP_MM(8)      /* baseline of the footer, from the bottom */
#define BODY_BOTTOM CP_MM(16)
#define STRIP 32.0             /* freed at the foot of an imported page for its stamp */

static const cp_style body_st = { CP_FACE_REGULAR, 10, 13.5 };
static const cp_style bold_st = { CP_FACE_BOLD, 10, 13.5 };

/* --- loading ------------------------------------------------------------- */

static void
exhibit_label(char *buf, size_t i)
{
    /* A..Z, AA..ZZ, AAA..: bijective base 26, as spreadsheets count. */
    char tmp[8];
    size_t n = 0;
    i++;
    while (i > 0 && n < sizeof tmp - 1) {
        i--;
        tmp[n++] = (char)('A' + i % 26);
        i /= 26;
    }
    for (size_t k = 0; k < n; k++)
        buf[k] = tmp[n - 1 - k];
    buf[n] = '\0';
}

/* The SHA-256 of the file at path, and the checksum its bytes are held to
 * when they are read again (reread.h), in one pass; *stp: the file hashed,
 * as fstat gives it. */
static int
sha256_file(char out[65], uint64_t *sum, struct stat *stp, const char *path)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    struct stat st;
    if (fd < 0 || fstat(fd, &st) < 0) {
        if (fd >= 0)
            close(fd);
        return -1;
    }
    struct sha256_ctx ctx;
    sha256_init(&ctx);
    *sum = CP_SUM64_INIT;
    size_t len = (size_t)st.st_size;
    void *map = len ? mmap(NULL, len, PROT_READ, MAP_PRIVATE, fd, 0) : MAP_FAILED;
    if (map != MAP_FAILED) {
        madvise(map, len, MADV_SEQUENTIAL);
        /* A piece at a time, so that the checksum finds it in the cache. */
        for (size_t at = 0; at < len; at += 1 << 18) {
            size_t n = len - at < (1 << 18) ? len - at : 1 << 18;
            sha256_update(&ctx, n, (const uint8_t *)map + at);
            *sum = cp_sum64(*sum, (const uint8_t *)map + at, n);
        }
        munmap(map, len);
    } else {
        unsigned char *buf = xmalloc(1 << 20);
        ssize_t n;
        while ((n = read(fd, buf, 1 << 20)) != 0) {
            if (n < 0 && errno == EINTR)
                continue;
            if (n < 0) {
                free(buf);
                close(fd);
                return -1;
            }
            sha256_update(&ctx, (size_t)n, buf);
            *sum = cp_sum64(*sum, buf, (size_t)n);
        }
        free(buf);
    }
    close(fd);
    unsigned char d[SHA256_DIGEST_SIZE];
    sha256_digest(&ctx, sizeof d, d);
    cp_sha256_digest_hex(out, d);
    *stp = st;
    return 0;
}

static cp_exhibit *
pack_add(cp_pack *p, size_t *cap)
{
    if (p->n == *cap) {
        *cap = *cap ? *cap * 2 : 8;
        p->items = xreallocarray(p->items, *cap, sizeof *p->items);
    }
    cp_exhibit *e = &p->items[p->n];
    memset(e, 0, sizeof *e);
    exhibit_label(e->label, p->n);
    e->image_index = -1;
    p->n++;
    return e;
}

/* The SHA-256 of every evidence file, for the index. Hashing reads every
 * byte of the evidence (most of the CPU time of a pack of photos), so a
 * second thread hashes while the first loads and probes the files, then
 * both take files from the same counter until none is left. */
typedef struct hash_job {
    cp_exhibit **items;         /* the exhibits with a file; not moved meanwhile */
    int *errs;                  /* errno per item, 0 = hashed */
    struct stat *sts;           /* per item: the file hashed */
    size_t n;
    atomic_size_t next;
} hash_job;

static void *
hash_some(void *arg)
{
    hash_job *j = arg;
    size_t i;
    while ((i = atomic_fetch_add(&j->next, 1)) < j->n)
        if (sha256_file(j->items[i]->sha256, &j->items[i]->sum, &j->sts[i],
                        j->items[i]->file->path) < 0)
            j->errs[i] = errno ? errno : EIO;
    return NULL;
}

/* Whether the pack uses the evidence check's reading of f, not its own:
 * a picture's check is its header, and the bytes the PDF writer reads
 * again are held to the same stamp and to the hash taken here
 * (imagestore.c, maxsize.c). */
static bool
reads_checked(const cp_evidence_file *f)
{
    return f->pdf || f->mail || f->text || f->chat || f->image;
}

static void
add_image(cp_pack *p, const char *path, const char *member, const char *display,
          const cp_image *info, const char *sha256)
{
    p->images = xreallocarray(p->images, p->n_images + 1, sizeof *p->images);
    cp_asm_image *im = &p->images[p->n_images++];
    memset(im, 0, sizeof *im);
    im->path = path;
    im->member = member;
    im->display = display;
    im->info = info;            /* NULL: set once the array stops moving */
    im->probed = info;
    im->sha256 = sha256;
}

/* A chat export: its pictures become plan images, drawn among the text.
 * The chat is the evidence check's reading (build always checks first):
 * the file is read and its pictures decoded once, and what is embedded is
 * checked against the SHA-256 the check took of each picture
 * (imagestore.c). Read here only when no check did; the check said what it
 * had to (missing files) already, so only errors are passed on. */
static int
load_chat(cp_pack *p, cp_exhibit *e, cp_diags *d)
{
    const cp_evidence_file *f = e->file;
    if (f->chat == NULL) {
        cp_diags sub = CP_DIAGS_INIT;
        int rc = cp_chat_read(&e->own_chat, f->path, f->display, &sub);
        for (size_t i = 0; i < sub.count; i++)
            if (sub.items[i].severity == CP_ERROR)
                cp_error(d, sub.items[i].status, sub.items[i].file, sub.items[i].line,
                         sub.items[i].col, "%s", sub.items[i].message);
        cp_diags_free(&sub);
        if (rc < 0)
            return -1;
    }
    e->chat = f->chat ? f->chat : e->own_chat;
    e->first_image = (int)p->n_images;
    for (size_t i = 0; i < e->chat->n_pics; i++) {
        const cp_chat_pic *pic = &e->chat->pics[i];
        add_image(p, pic->path, pic->member, pic->display, &pic->image, pic->sha256);
    }
    return 0;
}

static int
load_file(cp_pack *p, cp_exhibit *e, cp_diags *d)
{
    const cp_evidence_file *f = e->file;
    switch (f->format) {
    case CP_FMT_JPEG:
    case CP_FMT_PNG:
    case CP_FMT_PICTURE:
        e->type = CP_EX_IMAGE;
        /* The evidence check probed it already (build always checks first). */
        if (f->image)
            e->image = *f->image;
        else if (cp_image_probe_fast(&e->image, f->path, f->display, d) < 0)
            return -1;
        e->image_index = (int)p->n_images;
        e->n_pictures = e->image.page_dims ? e->image.pages : 1;
        /* A TIFF of pages: a plan image a page, each described by its own
         * page's header (the check decoded them all). */
        if (e->n_pictures > 1) {
            e->page_images = xcalloc((size_t)e->n_pictures, sizeof *e->page_images);
            for (int k = 0; k < e->n_pictures; k++) {
                cp_image *pi = &e->page_images[k];
                const cp_image_dims *dm = &e->image.page_dims[k];
                *pi = e->image;
                pi->page = k;
                pi->width = dm->width;
                pi->height = dm->height;
                pi->cs = dm->cs;
                pi->size = (size_t)dm->width * (size_t)dm->height * (dm->cs == CP_CS_GRAY ? 1 : 3);
            }
        }
        for (int k = 0; k < e->n_pictures; k++) {
            add_image(p, f->path, NULL, f->display, NULL, NULL);
            p->images[p->n_images - 1].page = k;
        }
        return 0;
    case CP_FMT_PDF:
        /* The document the evidence check opened (build always checks
         * first): qpdf reads the file once, and what is imported is what
         * was checked. The quick look left its streams to here. */
        e->type = CP_EX_PDF;
        if (f->pdf == NULL && cp_pdfdoc_open(&e->own_pdf, f->path, f->display, d) < 0)
            return -1;
        e->pdf = f->pdf ? f->pdf : e->own_pdf;
        if (cp_pdfdoc_check_streams(e->pdf, f->display, d) < 0)
            return -1;
        cp_pdfdoc_outline(&e->outline, &e->n_outline, e->pdf);
        return 0;
    case CP_FMT_EMAIL:
        /* The e-mail and the text the evidence check read (build always
         * checks first), with the warnings of that reading. */
        e->type = CP_EX_MAIL;
        if (f->mail == NULL && cp_mail_read(&e->own_mail, f->path, f->display, d) < 0)
            return -1;
        e->mail = f->mail ? f->mail : e->own_mail;
        return 0;
    case CP_FMT_TEXT:
        e->type = CP_EX_TEXT;
        if (f->text == NULL && cp_text_read(&e->own_text, NULL, f->path, f->display, d) < 0)
            return -1;
        e->text = f->text ? f->text : e->own_text;
        return 0;
    case CP_FMT_CHAT:
        e->type = CP_EX_EXPORT;
        return load_chat(p, e, d);
    default:
        cp_error(d, CP_INPUT, f->display, 0, 0, "is not a format claimpack can include");
        return -1;
    }
}

/* One exhibit per file of each document (a chat without a file is one
 * exhibit), labelled in order. */
static void
list_exhibits(cp_pack *p, const cp_claim *claim, size_t *capp)
{
    size_t cap = *capp;
    for (size_t i = 0; i < claim->n_documents; i++) {
        const cp_document *doc = &claim->documents[i];
        if (doc->file == NULL) {
            cp_exhibit *e = pack_add(p, &cap);
            e->type = CP_EX_CHAT;
            e->doc = doc;
            e->title = doc->title;
            e->date = doc->date;
            if (!cp_date_valid(e->date) && doc->n_messages > 0)
                e->date = doc->messages[0].date.date;
            continue;
        }
        for (size_t k = 0; k < doc->n_files; k++) {
            cp_exhibit *e = pack_add(p, &cap);
            e->doc = doc;
            e->file = &doc->files[k];
            e->title = doc->title && *doc->title ? doc->title : doc->files[k].shown;
            e->date = doc->date;
        }
    }
    *capp = cap;
}

cp_pack *
cp_pack_list(const cp_claim *claim)
{
    cp_pack *p = xcalloc(1, sizeof *p);
    size_t cap = 0;
    list_exhibits(p, claim, &cap);
    return p;
}

int
cp_pack_load(cp_pack **out, const cp_claim *claim, cp_diags *diags)
{
    cp_pack *p = xcalloc(1, sizeof *p);
    size_t cap = 0;
    int rc = 0;
    list_exhibits(p, claim, &cap);
    /* The array is complete: the hashing thread may look at it now. */
    hash_job job = { xcalloc(p->n ? p->n : 1, sizeof *job.items), NULL, NULL, 0, 0 };
    for (size_t i = 0; i < p->n; i++)
        if (p->items[i].file)
            job.items[job.n++] = &p->items[i];
    job.errs = xcalloc(job.n ? job.n : 1, sizeof *job.errs);
    job.sts = xcalloc(job.n ? job.n : 1, sizeof *job.sts);
    pthread_t worker;
    bool threaded = job.n > 1 && pthread_create(&worker, NULL, hash_some, &job) == 0;
    bool *failed = xcalloc(job.n ? job.n : 1, sizeof *failed);
    for (size_t i = 0; i < job.n; i++)
        if (load_file(p, job.items[i], diags) < 0) {
            failed[i] = true;   /* said why already */
            rc = -1;
        }
    hash_some(&job);
    if (threaded)
        pthread_join(worker, NULL);
    for (size_t i = 0; i < job.n; i++)
        if (job.errs[i] && !failed[i]) {
            cp_error(diags, CP_INPUT, job.items[i]->file->display, 0, 0, "cannot be read: %s",
                     strerror(job.errs[i]));
            rc = -1;
        } else if (!job.errs[i] && !failed[i] && reads_checked(job.items[i]->file) &&
                   !cp_evidence_file_is(job.items[i]->file, &job.sts[i])) {
            /* The pack lays out the check's reading (and qpdf goes on
             * reading the file it opened): the SHA-256 in the index must
             * be that of the file read. */
            cp_reread_say_replaced(job.items[i]->file->display, diags);
            rc = -1;
        } else if (!job.errs[i] && !failed[i] && job.items[i]->file->read_sum &&
                   cp_reread_sum_ok(job.items[i]->file->read_sum, job.items[i]->sum,
                                    job.items[i]->file->display, diags) < 0) {
            /* The e-mail or text laid out is the check's reading: the bytes
             * hashed must be those it read, stamp or no stamp (reread.h). */
            rc = -1;
        }
    free(job.items);
    free(job.errs);
    free(job.sts);
    free(failed);
    for (size_t i = 0; i < p->n; i++) {
        cp_exhibit *e = &p->items[i];
        for (int k = 0; e->image_index >= 0 && k < e->n_pictures; k++) {
            cp_asm_image *im = &p->images[e->image_index + k];
            im->info = e->page_images ? &e->page_images[k] : &e->image;
            im->probed = im->info;
            im->sha256 = e->sha256;
            im->stamp = e->file && e->file->image ? &e->file->stamp : NULL;
            im->sum = e->sum;
        }
        if (e->type == CP_EX_PDF && e->file) {
            cp_reread_want want = { &e->file->stamp, e->sum, NULL };
            e->source = (cp_asm_source){ e->file->path, e->file->display, want };
        }
    }
    *out = p;
    return rc;
}

void
cp_pack_free(cp_pack *p)
{
    if (p == NULL)
        return;
    for (size_t i = 0; i < p->n; i++) {
        cp_exhibit *e = &p->items[i];
        cp_pdfdoc_close(e->own_pdf);
        cp_outline_free(e->outline, e->n_outline);
        cp_mail_free(e->own_mail);
        cp_chat_free(e->own_chat);
        free(e->page_images);
        if (e->file && e->file->image == NULL)
            free(e->image.page_dims);   /* probed here, not by the evidence check */
        free(e->own_text);
        free(e->note);
    }
    free(p->items);
    free(p->images);
    free(p->places);
    free(p->roles);
    free(p->links);
    free(p);
}

/* --- layout helpers ------------------------------------------------------ */

typedef struct pack_ctx {
    cp_pack *p;
    cp_layout *L;
    const cp_pack_opts *o;
    const cp_exhibit *cur;      /* the exhibit whose pages are being made */
} pack_ctx;

static const char *
phrase(const pack_ctx *c, const char *key)
{
    return cp_l10n_get(c->o->l10n, key);
}

static void
set_role(cp_pack *p, size_t page, const cp_asm_page *role)
{
    if (page >= p->n_roles) {
        size_t n = page + 1;
        p->roles = xreallocarray(p->roles, n, sizeof *p->roles);
        for (size_t i = p->n_roles; i < n; i++) {
            memset(&p->roles[i], 0, sizeof p->roles[i]);
            p->roles[i].kind = CP_ASM_GENERATED;
            p->roles[i].gen_page = (int)i;
        }
        p->n_roles = n;
    }
    if (role) {
        p->roles[page] = *role;
        p->roles[page].gen_page = (int)page;
    }
}

static void
add_link(cp_pack *p, int page, double x, double y, double w, double h, int target)
{
    if (p->n_links == p->cap_links) {
        p->cap_links = p->cap_links ? p->cap_links * 2 : 16;
        p->links = xreallocarray(p->links, p->cap_links, sizeof *p->links);
    }
    cp_asm_link *l = &p->links[p->n_links++];
    l->page = page;
    l->x0 = x;
    l->y0 = y;
    l->x1 = x + w;
    l->y1 = y + h;
    l->target = target;
}

/* "Exhibit A — title" at the top left, the claim reference at the right,
 * a thin rule below. */
static void
exhibit_header(pack_ctx *c, int page)
{
    cp_layout *L = c->L;
    const cp_exhibit *e = c->cur;
    double w = L->pages[page].width, h = L->pages[page].height;
    double y = h - HEADER_Y;
    char *label = cp_l10n_format(c->o->l10n, "exhibit", "label", e->label, (char *)NULL);
    double lw = cp_layout_text(L, page, CP_FACE_BOLD, 11, MARGIN_X, y, label);
    char *full = xasprintf("%s %s", phrase(c, "reference"),
                           c->o->claim->order.number ? c->o->claim->order.number : "");
    /* The reference takes at most half the room beside the label. */
    char *ref = cp_layout_fit(L->fonts, CP_FACE_REGULAR, 9, full,
                              (w - 2 * MARGIN_X - lw - 8) / 2);
    free(full);
    double rw = cp_font_width(L->fonts, CP_FACE_REGULAR, 9, ref, strlen(ref));
    cp_layout_text_right(L, page, CP_FACE_REGULAR, 9, w - MARGIN_X, y, ref);
    /* The title, cut to the room between label and reference. */
    double room = w - 2 * MARGIN_X - lw - rw - 24;
    bool from_file = e->file && e->title == e->file->shown;
    if (from_file && room > 40 &&
        cp_font_width(L->fonts, CP_FACE_REGULAR, 11, e->title, strlen(e->title)) > room) {
        /* A file name stands for the title: its end says the most. */
        const char *t = e->title;
        size_t len = strlen(t), cut = 0;
        double dots = cp_font_width(L->fonts, CP_FACE_REGULAR, 11, "…", strlen("…"));
        while (cut < len && cp_font_width(L->fonts, CP_FACE_REGULAR, 11, t + cut,
                                          len - cut) + dots > room) {
            cut++;
            while (cut < len && ((unsigned char)t[cut] & 0xC0) == 0x80)
                cut++;
        }
        char *u = xasprintf("…%s", t + cut);
        cp_layout_text(L, page, CP_FACE_REGULAR, 11, MARGIN_X + lw + 8, y, u);
        free(u);
    } else if (e->title && room > 40) {
        cp_line *lines = NULL;
        size_t n = cp_layout_break(&lines, L->fonts, CP_FACE_REGULAR, 11, e->title, room);
        char *t = xstrndup(e->title + lines[0].start, lines[0].len);
        if (n > 1) {
            char *u = xasprintf("%s …", t);
            free(t);
            t = u;
        }
        cp_layout_text(L, page, CP_FACE_REGULAR, 11, MARGIN_X + lw + 8, y, t);
        free(t);
        free(lines);
    }
    cp_layout_line(L, page, MARGIN_X, y - 6, w - MARGIN_X, y - 6, 0.5);
    free(ref);
    free(label);
}

static int
new_exhibit_page(pack_ctx *c, double w, double h)
{
    int page = cp_layout_add_page(c->L, w, h);
    set_role(c->p, (size_t)page, NULL);
    exhibit_header(c, page);
    return page;
}

static void
flow_on_page(cp_flow *f, void *ctx)
{
    pack_ctx *c = ctx;
    set_role(c->p, (size_t)f->page, NULL);
    exhibit_header(c, f->page);
    f->top = f->page_h - BODY_TOP;
}

static void
start_flow(pack_ctx *c, cp_flow *f)
{
    double w = c->o->paper_w, h = c->o->paper_h;
    int page = new_exhibit_page(c, w, h);
    cp_flow_init(f, c->L, page, MARGIN_X, w - MARGIN_X, h - BODY_TOP, BODY_BOTTOM);
    f->on_page = flow_on_page;
    f->ctx = c;
}

/* Running text kept as the writer broke it: each line its own paragraph
 * line, blank lines as space. */
static void
flow_text(cp_flow *f, const cp_style *st, const char *text)
{
    const char *p = text;
    cp_buf para = CP_BUF_INIT;
    for (;;) {
        const char *nl = strchr(p, '\n');
        size_t n = nl ? (size_t)(nl - p) : strlen(p);
        bool blank = true;
        for (size_t i = 0; i < n; i++)
            if (p[i] != ' ' && p[i] != '\t' && p[i] != '\r')
                blank = false;
        if (blank) {
            if (para.len) {
                cp_flow_paragraph(f, st, 0, para.data);
                cp_buf_free(&para);
                cp_flow_space(f, st->leading * 0.5);
            }
        } else {
            if (para.len)
                cp_buf_putc(&para, '\n');
            cp_buf_add(&para, p, n);
        }
        if (nl == NULL)
            break;
        p = nl + 1;
    }
    if (para.len)
        cp_flow_paragraph(f, st, 0, para.data);
    cp_buf_free(&para);
}

/* --print: the next part starts on a right-hand (odd-numbered) page; a
 * page left over is said to be blank on purpose, so nobody wonders what is
 * missing. */
static void
right_hand(pack_ctx *c)
{
    if (!c->o->print || c->L->n_pages % 2 == 0)
        return;
    double w = c->o->paper_w, h = c->o->paper_h;
    int page = cp_layout_add_page(c->L, w, h);
    set_role(c->p, (size_t)page, NULL);
    const char *t = phrase(c, "blank");
    double tw = cp_font_width(c->L->fonts, CP_FACE_ITALIC, 10, t, strlen(t));
    cp_layout_text(c->L, page, CP_FACE_ITALIC, 10, (w - tw) / 2, h / 2, t);
}

/* --- the exhibits -------------------------------------------------------- */

/* Page k of a picture exhibit: one page a picture, one for each page of a
 * TIFF scan. */
static void
layout_image(pack_ctx *c, cp_exhibit *e, int k)
{
    const cp_image *im = e->page_images ? &e->page_images[k] : &e->image;
    bool turned = im->orientation >= 5;
    double iw = turned ? im->height : im->width, ih = turned ? im->width : im->height;
    /* The page's orientation follows the picture's. */
    double pw = c->o->paper_w, ph = c->o->paper_h;
    if ((iw > ih) != (pw > ph)) {
        double t = pw;
        pw = ph;
        ph = t;
    }
    int page = new_exhibit_page(c, pw, ph);
    /* The caption under the picture: the description and the file name. */
    char *caption = e->doc->title && *e->doc->title
                    ? xasprintf("%s — %s", e->doc->title, e->file->shown)
                    : xstrdup(e->file->shown);
    /* A page shows one still picture: say which page of a scan it is, and
     * that an animation has more. */
    if (im->frames > 1 || e->n_pictures > 1) {
        char *more = im->frames > 1 ? xstrdup(phrase(c, "exhibit.animated"))
                     : cp_l10n_page_of(c->o->l10n, k + 1, e->n_pictures);
        char *t = xasprintf("%s (%s)", caption, more);
        free(more);
        free(caption);
        caption = t;
    }
    cp_line *lines = NULL;
    double cw = pw - 2 * MARGIN_X;
    size_t n = cp_layout_break(&lines, c->L->fonts, CP_FACE_ITALIC, 9, caption, cw);
    if (n > 3)
        n = 3;
    double cap_h = (double)n * 11.5 + 6;
    double top = ph - BODY_TOP, bottom = BODY_BOTTOM + cap_h;
    double bw = cw, bh = top - bottom;
    /* Fit, keeping the proportions; never blow a tiny picture up past
     * 3 points a pixel. */
    double s = fmin(bw / iw, bh / ih);
    if (s > 3)
        s = 3;
    double w = iw * s, h = ih * s;
    double x = MARGIN_X + (bw - w) / 2, y = top - h;
    for (size_t i = 0; i < n; i++) {
        char *t = xstrndup(caption + lines[i].start, lines[i].len);
        double tw = lines[i].width;
        cp_layout_text(c->L, page, CP_FACE_ITALIC, 9, MARGIN_X + (cw - tw) / 2,
                       y - 14 - (double)i * 11.5, t);
        free(t);
    }
    free(lines);
    free(caption);
    cp_asm_page role = { 0 };
    role.kind = CP_ASM_IMAGE;
    role.image = e->image_index + k;
    role.x = x;
    role.y = y;
    role.w = w;
    role.h = h;
    set_role(c->p, (size_t)page, &role);
}

static void
layout_pdf(pack_ctx *c, cp_exhibit *e)
{
    int n = cp_pdfdoc_page_count(e->pdf);
    for (int i = 0; i < n; i++) {
        cp_pdfbox box;
        double w = 612, h = 792;
        if (cp_pdfdoc_page_box(&box, e->pdf, i) == 0 && box.width > 1 && box.height > 1) {
            w = box.width;
            h = box.height;
        }
        int page = cp_layout_add_page(c->L, w, h);
        cp_asm_page role = { 0 };
        role.kind = CP_ASM_IMPORTED;
        role.doc = e->pdf;
        role.doc_page = i;
        role.source = e->source.path ? &e->source : NULL;
        role.strip = STRIP;
        set_role(c->p, (size_t)page, &role);
    }
}

static void
mail_fields(cp_flow *f, pack_ctx *c, const cp_mail *m)
{
    struct { const char *key, *value; } rows[] = {
        { "mail.from", m->from }, { "mail.to", m->to }, { "mail.cc", m->cc },
        { "mail.date", m->date }, { "mail.subject", m->subject },
    };
    if (m->url) {   /* a saved web page: its title, address and when */
        rows[0].key = "page.title";
        rows[0].value = m->subject;
        rows[1].key = "page.address";
        rows[1].value = m->url;
        rows[2].key = "page.saved";
        rows[2].value = m->date;
        rows[3].value = rows[4].value = NULL;
    }
    for (size_t i = 0; i < CP_ARRAY_LEN(rows); i++)
        if (rows[i].value && *rows[i].value)
            cp_flow_field(f, &bold_st, &body_st, 70, phrase(c, rows[i].key), rows[i].value);
    if (m->n_attachments) {
        cp_buf b = CP_BUF_INIT;
        for (size_t i = 0; i < m->n_attachments; i++) {
            if (i)
                cp_buf_puts(&b, ", ");
            cp_buf_puts(&b, m->attachments[i]);
        }
        cp_flow_field(f, &bold_st, &body_st, 70, phrase(c, "mail.attachments"), b.data);
        cp_buf_free(&b);
    }
    cp_flow_space(f, 4);
    cp_flow_need(f, 8);
    cp_layout_line(c->L, f->page, f->left, f->y - 2, f->right, f->y - 2, 0.4);
    cp_flow_space(f, 10);
}

static void
layout_mail(pack_ctx *c, cp_flow *f, const cp_mail *m, int depth)
{
    mail_fields(f, c, m);
    flow_text(f, &body_st, m->body);
    for (size_t i = 0; i < m->n_messages && depth < 8; i++) {
        cp_flow_space(f, 14);
        layout_mail(c, f, m->messages[i], depth + 1);
    }
}

/* A message's first line: "Sender — 16 November 2026 14:05", the day in
 * the letter's language. */
static char *
chat_head(const pack_ctx *c, const char *from, cp_datetime when)
{
    char *day = cp_l10n_date(c->o->l10n, when.date);
    char *head;
    if (when.hour >= 0)
        head = xasprintf("%s — %s %02d:%02d", from ? from : "", day, when.hour, when.minute);
    else
        head = xasprintf("%s — %s", from ? from : "", day);
    free(day);
    return head;
}

static void
layout_chat(pack_ctx *c, cp_flow *f, const cp_document *d)
{
    for (size_t i = 0; i < d->n_messages; i++) {
        const cp_message *m = &d->messages[i];
        char *head = chat_head(c, m->from, m->date);
        cp_flow_need(f, bold_st.leading + body_st.leading * 2);
        cp_flow_paragraph(f, &bold_st, 0, head);
        flow_text(f, &body_st, m->text ? m->text : "");
        cp_flow_space(f, 8);
        free(head);
    }
}

static const cp_style note_st = { CP_FACE_ITALIC, 9, 12 };

static void
add_place(cp_pack *p, int page, int image, double x, double y, double w, double h)
{
    if (p->n_places == p->cap_places) {
        p->cap_places = p->cap_places ? p->cap_places * 2 : 16;
        p->places = xreallocarray(p->places, p->cap_places, sizeof *p->places);
    }
    cp_asm_place *pl = &p->places[p->n_places++];
    pl->page = page;
    pl->image = image;
    pl->x = x;
    pl->y = y;
    pl->w = w;
    pl->h = h;
}

/* A chat's picture where the message was: at most 60% of the column wide
 * and 40% of the page high, never more than 1.5 points a pixel (a sticker
 * stays small), its name under it. */
static void
chat_picture(pack_ctx *c, cp_flow *f, const cp_exhibit *e, int pic)
{
    const cp_chat_pic *cp = &e->chat->pics[pic];
    const cp_image *im = &cp->image;
    bool turned = im->orientation >= 5;
    double iw = turned ? im->height : im->width, ih = turned ? im->width : im->height;
    double bw = (f->right - f->left) * 0.6, bh = (f->page_h - BODY_TOP - BODY_BOTTOM) * 0.4;
    double s = fmin(fmin(bw / iw, bh / ih), 1.5);
    double w = iw * s, h = ih * s;
    cp_flow_need(f, h + 4 + note_st.leading);
    f->fresh = false;
    f->y -= 2;
    add_place(c->p, f->page, e->first_image + pic, f->left, f->y - h, w, h);
    f->y -= h + 2;
    cp_flow_paragraph(f, &note_st, 0, cp->name);
}

/* A chat export: a block a message, its pictures where they were sent,
 * what the export did not hold said where it was missing. */
static void
layout_export(pack_ctx *c, cp_flow *f, const cp_exhibit *e)
{
    const cp_chat *chat = e->chat;
    for (size_t i = 0; i < chat->n_msgs; i++) {
        const cp_chat_msg *m = &chat->msgs[i];
        char *head = chat_head(c, m->from ? m->from : chat->app, m->when);
        cp_flow_need(f, bold_st.leading + body_st.leading * 2);
        cp_flow_paragraph(f, m->from ? &bold_st : &note_st, 0, head);
        free(head);
        char *note = NULL;
        switch (m->media_kind) {
        case CP_CHAT_PICTURE:
            chat_picture(c, f, e, m->picture);
            break;
        case CP_CHAT_FILE:
            note = cp_l10n_format(c->o->l10n, "chat.file", "file", m->media, (char *)NULL);
            break;
        case CP_CHAT_MISSING:
            note = cp_l10n_format(c->o->l10n, "chat.missing", "file", m->media, (char *)NULL);
            break;
        case CP_CHAT_OMITTED:
            note = xstrdup(phrase(c, "chat.omitted"));
            break;
        case CP_CHAT_NO_MEDIA:
            break;
        }
        if (note)
            cp_flow_paragraph(f, &note_st, 0, note);
        free(note);
        if (m->text[0])
            flow_text(f, m->from ? &body_st : &note_st, m->text);
        cp_flow_space(f, 8);
    }
}

/* --- the index ----------------------------------------------------------- */

typedef struct index_cols {
    double label, kind, title, date, part, first, pages, end;
} index_cols;

/* build --split: the pack is in parts, the index gives each exhibit's. */
static bool
split(const pack_ctx *c)
{
    return c->o->n_parts > 1 && c->o->ex_part && c->o->ex_page;
}

/* Split into parts, the title gives room to a column of parts (its right
 * edge: k.part). */
static index_cols
columns(double left, double right, bool parts)
{
    index_cols k;
    double w = right - left;
    k.label = left;
    k.kind = left + w * 0.08;
    k.title = left + w * 0.27;
    k.date = left + w * (parts ? 0.57 : 0.64);
    k.part = left + w * 0.80;
    k.first = left + w * 0.82;
    k.pages = left + w * 0.91;
    k.end = right;
    return k;
}

static void
index_head(pack_ctx *c, int page, double y, const index_cols *k)
{
    cp_layout *L = c->L;
    cp_layout_text(L, page, CP_FACE_BOLD, 9, k->label, y, phrase(c, "index.label"));
    cp_layout_text(L, page, CP_FACE_BOLD, 9, k->kind, y, phrase(c, "index.kind"));
    cp_layout_text(L, page, CP_FACE_BOLD, 9, k->title, y, phrase(c, "index.title"));
    cp_layout_text(L, page, CP_FACE_BOLD, 9, k->date, y, phrase(c, "index.date"));
    if (split(c))
        cp_layout_text_right(L, page, CP_FACE_BOLD, 9, k->part, y, phrase(c, "index.part"));
    cp_layout_text_right(L, page, CP_FACE_BOLD, 9, k->pages - 8, y, phrase(c, "index.page"));
    cp_layout_text_right(L, page, CP_FACE_BOLD, 9, k->end, y, phrase(c, "index.pages"));
    cp_layout_line(L, page, k->label, y - 4, k->end, y - 4, 0.6);
}

static int
layout_index(pack_ctx *c)
{
    cp_layout *L = c->L;
    double w = c->o->paper_w, h = c->o->paper_h;
    int first = cp_layout_add_page(L, w, h);
    set_role(c->p, (size_t)first, NULL);
    int page = first;
    double y = h - CP_MM(25);
    cp_layout_text(L, page, CP_FACE_BOLD, 14, MARGIN_X, y, phrase(c, "index"));
    y -= 14;
    char *ref = xasprintf("%s %s", phrase(c, "reference"),
                          c->o->claim->order.number ? c->o->claim->order.number : "");
    /* Wrapped, not cut: the index is where the whole reference is read. */
    cp_line *rl = NULL;
    size_t n_rl = cp_layout_break(&rl, L->fonts, CP_FACE_REGULAR, 9, ref, w - 2 * MARGIN_X);
    for (size_t i = 0; i < n_rl; i++) {
        char *t = xstrndup(ref + rl[i].start, rl[i].len);
        cp_layout_text(L, page, CP_FACE_REGULAR, 9, MARGIN_X, y - (double)i * 11, t);
        free(t);
    }
    if (n_rl > 1)
        y -= (double)(n_rl - 1) * 11;
    free(rl);
    free(ref);
    y -= 22;
    index_cols k = columns(MARGIN_X, w - MARGIN_X, split(c));
    index_head(c, page, y, &k);
    y -= 16;
    for (size_t i = 0; i < c->p->n; i++) {
        cp_exhibit *e = &c->p->items[i];
        cp_line *lines = NULL;
        const char *title = e->title ? e->title : "";
        size_t n = cp_layout_break(&lines, L->fonts, CP_FACE_REGULAR, 9, title,
                                   k.date - k.title - 8);
        /* Notes under the checksum: what became of a picture's metadata
         * (imagestore.c removes it: PNG chunks always, JPEG segments unless
         * --keep-metadata), and a picture reduced for --max-size. */
        bool stripped = e->type == CP_EX_IMAGE && !(c->o->keep_metadata && e->image.is_jpeg);
        char *text = NULL;
        if (stripped && e->note)
            text = xasprintf("%s\n%s", phrase(c, "index.metadata"), e->note);
        else if (stripped || e->note)
            text = xstrdup(stripped ? phrase(c, "index.metadata") : e->note);
        cp_line *note = NULL;
        size_t n_note = text ? cp_layout_break(&note, L->fonts, CP_FACE_REGULAR, 7, text,
                                               k.end - k.kind) : 0;
        double row_h = (double)n * 11 + (e->sha256[0] ? 11 : 0) + (double)n_note * 9 + 6;
        if (y - row_h < BODY_BOTTOM) {
            page = cp_layout_add_page(L, w, h);
            set_role(c->p, (size_t)page, NULL);
            y = h - CP_MM(25);
            index_head(c, page, y, &k);
            y -= 16;
        }
        double top = y + 9;
        cp_layout_text(L, page, CP_FACE_BOLD, 9, k.label, y, e->label);
        char *kind_key = xasprintf("kind.%s", cp_doc_kind_name(e->doc->kind));
        cp_layout_text(L, page, CP_FACE_REGULAR, 9, k.kind, y, phrase(c, kind_key));
        free(kind_key);
        for (size_t j = 0; j < n; j++) {
            char *t = xstrndup(title + lines[j].start, lines[j].len);
            cp_layout_text(L, page, CP_FACE_REGULAR, 9, k.title, y - (double)j * 11, t);
            free(t);
        }
        free(lines);
        if (cp_date_valid(e->date)) {
            char *d = cp_l10n_date(c->o->l10n, e->date);
            cp_layout_text(L, page, CP_FACE_REGULAR, 9, k.date, y, d);
            free(d);
        }
        char num[48];
        /* With --stamp, pages are referred to by their stamp, as bundles do;
         * split into parts, by the page in the exhibit's part. */
        if (split(c)) {
            snprintf(num, sizeof num, "%d", c->o->ex_part[i]);
            cp_layout_text_right(L, page, CP_FACE_REGULAR, 9, k.part, y, num);
        }
        if (c->o->stamp)
            snprintf(num, sizeof num, "%.20s-%04d", c->o->stamp, e->first_page + 1);
        else
            snprintf(num, sizeof num, "%d", split(c) ? c->o->ex_page[i] : e->first_page + 1);
        cp_layout_text_right(L, page, CP_FACE_REGULAR, c->o->stamp ? 7 : 9, k.pages - 8, y, num);
        snprintf(num, sizeof num, "%d", e->n_pages);
        cp_layout_text_right(L, page, CP_FACE_REGULAR, 9, k.end, y, num);
        double yy = y - (double)n * 11;
        if (e->sha256[0]) {
            char *s = xasprintf("%s %s", phrase(c, "index.sha256"), e->sha256);
            cp_lay_item *it = NULL;
            cp_layout_text(L, page, CP_FACE_REGULAR, 7, k.kind, yy + 1, s);
            (void)it;
            free(s);
            yy -= 11;
        }
        for (size_t j = 0; j < n_note; j++) {
            char *t = xstrndup(text + note[j].start, note[j].len);
            cp_layout_text(L, page, CP_FACE_REGULAR, 7, k.kind, yy + 3, t);
            free(t);
            yy -= 9;
        }
        free(note);
        free(text);
        add_link(c->p, page, k.label, yy + 6, k.end - k.label, top - yy - 6, -1 - (int)i);
        cp_layout_line(L, page, k.label, yy + 4, k.end, yy + 4, 0.2);
        y = yy - 8;
    }
    return first;
}

int
cp_pack_layout(cp_pack *p, cp_layout *L, const cp_pack_opts *o, cp_diags *diags)
{
    pack_ctx c = { p, L, o, NULL };
    free(p->roles);
    p->roles = NULL;
    p->n_roles = 0;
    p->n_links = 0;
    p->n_places = 0;
    set_role(p, L->n_pages ? L->n_pages - 1 : 0, NULL);
    if (p->n == 0)
        return (int)L->n_pages;   /* a letter alone: no empty index */

    right_hand(&c);
    int index_page = layout_index(&c);
    cp_layout_outline(L, phrase(&c, "index"), index_page, 0);
    for (size_t i = 0; i < p->n; i++) {
        cp_exhibit *e = &p->items[i];
        c.cur = NULL;
        right_hand(&c);
        c.cur = e;
        e->first_page = (int)L->n_pages;
        cp_flow f;
        switch (e->type) {
        case CP_EX_IMAGE:
            for (int k = 0; k < e->n_pictures; k++)
                layout_image(&c, e, k);
            break;
        case CP_EX_PDF:
            layout_pdf(&c, e);
            break;
        case CP_EX_MAIL:
            start_flow(&c, &f);
            layout_mail(&c, &f, e->mail, 0);
            break;
        case CP_EX_TEXT:
            start_flow(&c, &f);
            flow_text(&f, &body_st, e->text);
            break;
        case CP_EX_CHAT:
            start_flow(&c, &f);
            layout_chat(&c, &f, e->doc);
            break;
        case CP_EX_EXPORT:
            start_flow(&c, &f);
            layout_export(&c, &f, e);
            break;
        }
        e->n_pages = (int)L->n_pages - e->first_page;
        char *label = cp_l10n_format(o->l10n, "exhibit", "label", e->label, (char *)NULL);
        char *title = e->title ? xasprintf("%s: %s", label, e->title) : xstrdup(label);
        cp_layout_outline(L, title, e->first_page, 0);
        free(title);
        free(label);
        /* An imported PDF's own bookmarks go beneath its exhibit's. */
        if (e->type == CP_EX_PDF) {
            struct { const cp_outline *o; size_t n, i; } stack[16];
            int top = 0;
            stack[0].o = e->outline;
            stack[0].n = e->n_outline;
            stack[0].i = 0;
            while (top >= 0) {
                if (stack[top].i >= stack[top].n) {
                    top--;
                    continue;
                }
                const cp_outline *it = &stack[top].o[stack[top].i++];
                int pg = it->page >= 0 && it->page < e->n_pages ? e->first_page + it->page
                                                                 : e->first_page;
                cp_layout_outline(L, it->title ? it->title : "", pg, top + 1);
                if (it->n_kids && top + 1 < 16) {
                    top++;
                    stack[top].o = it->kids;
                    stack[top].n = it->n_kids;
                    stack[top].i = 0;
                }
            }
        }
    }
    c.cur = NULL;
    right_hand(&c);   /* an even page count: the last sheet is not half used */
    set_role(p, L->n_pages ? L->n_pages - 1 : 0, NULL);
    /* Index links were recorded by exhibit; now the pages are known. */
    for (size_t i = 0; i < p->n_links; i++)
        if (p->links[i].target < 0)
            p->links[i].target = p->items[-1 - p->links[i].target].first_page;
    (void)diags;
    return index_page;
}

void
cp_pack_footers(cp_pack *p, cp_layout *L, const cp_pack_opts *o, int index_first)
{
    int total = (int)L->n_pages, part = 0;
    bool parts = o->n_parts > 1 && o->part_first;
    char nparts[16];
    snprintf(nparts, sizeof nparts, "%d", o->n_parts);
    for (size_t i = 0; i < L->n_pages; i++) {
        double w = L->pages[i].width;
        int page = (int)i;
        double y = FOOTER_Y;
        if (o->stamp) {
            char s[64];
            snprintf(s, sizeof s, "%s-%04d", o->stamp, page + 1);
            cp_layout_text_right(L, page, CP_FACE_BOLD, 8, w - MARGIN_X / 2, y, s);
        }
        /* Pages are counted within their part, each file on its own. */
        int n = page + 1, m = total;
        char *of = NULL;
        if (parts) {
            while (part + 1 < o->n_parts && page >= o->part_first[part + 1])
                part++;
            int end = part + 1 < o->n_parts ? o->part_first[part + 1] : total;
            n = page - o->part_first[part] + 1;
            m = end - o->part_first[part];
            char k[16];
            snprintf(k, sizeof k, "%d", part + 1);
            of = cp_l10n_format(o->l10n, "part-of", "n", k, "m", nparts, (char *)NULL);
        }
        if (page < index_first) {
            /* The letter numbers its own pages; its part is said below. */
            if (of) {
                double pw = cp_font_width(L->fonts, CP_FACE_REGULAR, 8, of, strlen(of));
                cp_layout_text(L, page, CP_FACE_REGULAR, 8, (w - pw) / 2, y, of);
            }
            free(of);
            continue;
        }
        char *pg = cp_l10n_page_of(o->l10n, n, m);
        if (of) {
            char *both = xasprintf("%s · %s", of, pg);
            free(pg);
            pg = both;
        }
        free(of);
        double pw = cp_font_width(L->fonts, CP_FACE_REGULAR, 8, pg, strlen(pg));
        cp_layout_text(L, page, CP_FACE_REGULAR, 8, (w - pw) / 2, y, pg);
        free(pg);
        for (size_t k = 0; k < p->n; k++) {
            const cp_exhibit *e = &p->items[k];
            if (page < e->first_page || page >= e->first_page + e->n_pages)
                continue;
            char *label = cp_l10n_format(o->l10n, "exhibit", "label", e->label, (char *)NULL);
            char *full = xasprintf("%s · %d/%d · %s %s", label, page - e->first_page + 1,
                                   e->n_pages, cp_l10n_get(o->l10n, "reference"),
                                   o->claim->order.number ? o->claim->order.number : "");
            /* Left of the page number, however long the order number. */
            double x = MARGIN_X / 2 + 4;
            char *s = cp_layout_fit(L->fonts, CP_FACE_REGULAR, 8, full, (w - pw) / 2 - 8 - x);
            cp_layout_text(L, page, CP_FACE_REGULAR, 8, x, y, s);
            free(s);
            free(full);
            free(label);
        }
    }
}
