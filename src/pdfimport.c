/* pdfimport.c: PDF evidence through libqpdf's C API (see pdfimport.h).
 *
 * qpdf's C API reports errors by a pending error that must be taken
 * (qpdf_get_error) and warnings by a queue; errors are silenced here and
 * checked explicitly. Every qpdf_oh handed out stays in the qpdf_data until
 * released, so helpers release what they do not return. Type checks come
 * before every access: a type mismatch makes qpdf add a warning. */
#include "config.h"
#include "qpdfdoc.h"
#include "image.h"
#include "util.h"

#include <errno.h>
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

struct cp_pdfdoc {
    qpdf_data q;
    int pages;
    bool streams_checked;       /* check_streams ran (cp_pdfdoc_check_streams) */
    size_t repairs;             /* qpdf's warnings about the structure so far */
};

/* qpdf's functions (qpdfdoc.h), filled by cp_qpdf_open. */
struct cp_qpdf qp;
#define QP_FN(f) CP_DL_FN(qp, f),
static const cp_dl_fn qp_fns[] = { QPDF_FNS(QP_FN) };
#undef QP_FN
static char *qp_why;            /* NULL: loaded */
static pthread_once_t qp_once = PTHREAD_ONCE_INIT;

static void
qp_load(void)
{
    qp_why = cp_dl_open("libqpdf.so.29", qp_fns, CP_ARRAY_LEN(qp_fns));
}

int
cp_qpdf_open(enum cp_status status, const char *display, const char *doing, cp_diags *diags)
{
    pthread_once(&qp_once, qp_load);
    if (qp_why) {
        cp_error(diags, status, display, 0, 0, "cannot %s: the qpdf library cannot be loaded "
                 "(%s); install libqpdf29", doing, qp_why);
        return -1;
    }
    return 0;
}

/* Structure limits, checked before qpdf recurses (see "structure limits"
 * below). */
/* Page tree levels: qpdf survives 10,000 on an 8 MB stack. */
#define TREE_DEPTH 256
/* Arrays, dictionaries and streams on one path from a page, as qpdf's copy
 * recurses through them: it survives 40,000 on an 8 MB stack. */
#define NESTING_DEPTH 10000

/* Drop a pending error that has been dealt with (or does not matter). */
static void
clear_error(qpdf_data q)
{
    if (qp.qpdf_has_error(q))
        qp.qpdf_get_error(q);
}

static size_t
drain_warnings(qpdf_data q)
{
    size_t n = 0;
    while (qp.qpdf_more_warnings(q)) {
        qp.qpdf_next_warning(q);
        n++;
    }
    return n;
}

/* qpdf's message without its "file (offset n): " prefix; a copy. */
static char *
error_text(qpdf_data q)
{
    qpdf_error e = qp.qpdf_get_error(q);
    const char *detail = e ? qp.qpdf_get_error_message_detail(q, e) : "";
    if (detail == NULL || detail[0] == '\0')
        detail = e ? qp.qpdf_get_error_full_text(q, e) : "unknown error";
    return xstrdup(detail);
}

/* Readers accept a header anywhere in the first 1024 bytes; so does qpdf,
 * but it also "recovers" files that are no PDF at all. */
static int
has_pdf_header(const char *path, const char *display, cp_diags *diags)
{
    FILE *fp = fopen(path, "rb");
    if (fp == NULL) {
        cp_error(diags, CP_INPUT, display, 0, 0, "cannot be read: %s", strerror(errno));
        return -1;
    }
    unsigned char buf[1024];
    size_t n = fread(buf, 1, sizeof buf, fp);
    int err = ferror(fp);
    int saved = errno;
    fclose(fp);
    if (err) {
        cp_error(diags, CP_INPUT, display, 0, 0, "cannot be read: %s", strerror(saved));
        return -1;
    }
    for (size_t i = 0; n >= 5 && i <= n - 5; i++)
        if (memcmp(buf + i, "%PDF-", 5) == 0)
            return 0;
    cp_error(diags, CP_INPUT, display, 0, 0,
             n == 0 ? "the PDF file is empty" : "not a PDF document: it has no %%PDF- header");
    return -1;
}

static int check_streams(qpdf_data q, int pages, const char *display, cp_diags *diags,
                         size_t *repairs);
static int check_page_tree(qpdf_data q, const char *display, cp_diags *diags);
static int check_nesting(qpdf_data q, int pages, const char *display, cp_diags *diags);

int
cp_pdfdoc_open(cp_pdfdoc **out, const char *path, const char *display, cp_diags *diags)
{
    return cp_pdfdoc_open_opt(out, path, display, true, diags);
}

int
cp_pdfdoc_open_opt(cp_pdfdoc **out, const char *path, const char *display, bool streams,
                   cp_diags *diags)
{
    *out = NULL;
    int rc = -1;
    char *msg = NULL;

    if (has_pdf_header(path, display, diags) < 0 ||
        cp_qpdf_open(CP_INPUT, display, "read PDF files", diags) < 0)
        return -1;
    qpdf_data q = qp.qpdf_init();
    qp.qpdf_silence_errors(q);
    qp.qpdf_set_suppress_warnings(q, QPDF_TRUE);   /* collected, not printed */

    QPDF_ERROR_CODE st = qp.qpdf_read(q, path, "");
    if (st & QPDF_ERRORS) {
        qpdf_error e = qp.qpdf_get_error(q);
        if (qp.qpdf_get_error_code(q, e) == qpdf_e_password) {
            cp_error(diags, CP_INPUT, display, 0, 0,
                     "this PDF is protected by a password; save an unprotected copy "
                     "(print to PDF) and use that");
        } else {
            const char *detail = qp.qpdf_get_error_message_detail(q, e);
            cp_error(diags, CP_INPUT, display, 0, 0,
                     "the PDF is damaged beyond repair: %s",
                     detail && detail[0] ? detail : qp.qpdf_get_error_full_text(q, e));
        }
        goto cleanup;
    }

    /* qpdf walks the page tree recursively: bound its depth first. */
    if (check_page_tree(q, display, diags) < 0)
        goto cleanup;
    /* The page tree and the page contents are read lazily; damage in them
     * shows only when they are visited, so visit them now. */
    int pages = qp.qpdf_get_num_pages(q);
    if (pages < 0) {
        msg = error_text(q);
        cp_error(diags, CP_INPUT, display, 0, 0, "the PDF is damaged beyond repair: %s", msg);
        goto cleanup;
    }
    if (pages == 0) {
        cp_error(diags, CP_INPUT, display, 0, 0, "the PDF has no pages");
        goto cleanup;
    }
    if (pages > CP_PDF_MAX_PAGES) {
        cp_error(diags, CP_INPUT, display, 0, 0,
                 "the PDF has %d pages, more than the %d that can be enclosed",
                 pages, CP_PDF_MAX_PAGES);
        goto cleanup;
    }
    /* qpdf's addPage pushes inherited attributes (/Resources on the page
     * tree) down to the pages before copying one; do it now so the walk
     * below sees the resources a page will take along. */
    qp.qpdf_push_inherited_attributes_to_page(q);
    if (qp.qpdf_has_error(q)) {
        msg = error_text(q);
        cp_error(diags, CP_INPUT, display, 0, 0, "the PDF is damaged beyond repair: %s", msg);
        goto cleanup;
    }
    if (check_nesting(q, pages, display, diags) < 0)
        goto cleanup;

    cp_pdfdoc *d = xcalloc(1, sizeof *d);
    d->q = q;
    d->pages = pages;
    d->repairs = drain_warnings(q);
    q = NULL;
    if (streams && cp_pdfdoc_check_streams(d, display, diags) < 0) {
        cp_pdfdoc_close(d);
        goto cleanup;
    }
    *out = d;
    rc = 0;

cleanup:
    free(msg);
    if (q) {
        clear_error(q);
        drain_warnings(q);
        qp.qpdf_cleanup(&q);
    }
    return rc;
}

int
cp_pdfdoc_check_streams(cp_pdfdoc *d, const char *display, cp_diags *diags)
{
    if (d->streams_checked)
        return 0;
    d->streams_checked = true;
    if (check_streams(d->q, d->pages, display, diags, &d->repairs) < 0)
        return -1;
    if (d->repairs > 0)         /* a quick look leaves this warning to the import */
        cp_warning(diags, display, 0, 0, "the PDF was damaged and has been repaired");
    return 0;
}

int
cp_pdfdoc_page_count(const cp_pdfdoc *d)
{
    return d->pages;
}

qpdf_data
cp_pdfdoc_qpdf(cp_pdfdoc *d)
{
    return d->q;
}

void
cp_pdfdoc_close(cp_pdfdoc *d)
{
    if (d == NULL)
        return;
    clear_error(d->q);
    drain_warnings(d->q);
    qp.qpdf_cleanup(&d->q);
    free(d);
}

/* ---- object helpers: each returns a new handle (0 when absent) ---- */

static qpdf_oh
dict_get(qpdf_data q, qpdf_oh dict, const char *key)
{
    if (dict == 0 || !qp.qpdf_oh_is_dictionary(q, dict) || !qp.qpdf_oh_has_key(q, dict, key))
        return 0;
    qpdf_oh v = qp.qpdf_oh_get_key(q, dict, key);
    if (qp.qpdf_has_error(q) || qp.qpdf_oh_is_null(q, v)) {
        clear_error(q);
        qp.qpdf_oh_release(q, v);
        return 0;
    }
    return v;
}

/* A page attribute, looked up through /Parent as PDF's inheritance says. */
static qpdf_oh
page_attr(qpdf_data q, qpdf_oh page, const char *key)
{
    qpdf_oh node = qp.qpdf_oh_new_object(q, page);
    for (int depth = 0; node != 0 && depth <= TREE_DEPTH; depth++) {
        qpdf_oh v = dict_get(q, node, key);
        if (v != 0) {
            qp.qpdf_oh_release(q, node);
            return v;
        }
        qpdf_oh parent = dict_get(q, node, "/Parent");
        qp.qpdf_oh_release(q, node);
        node = parent;
    }
    qp.qpdf_oh_release(q, node);
    return 0;
}

static int
read_rect(qpdf_data q, qpdf_oh arr, double r[4])
{
    if (arr == 0 || !qp.qpdf_oh_is_array(q, arr) || qp.qpdf_oh_get_array_n_items(q, arr) != 4)
        return -1;
    int ok = 1;
    for (int i = 0; i < 4; i++) {
        qpdf_oh v = qp.qpdf_oh_get_array_item(q, arr, i);
        if (qp.qpdf_oh_is_number(q, v))
            r[i] = qp.qpdf_oh_get_numeric_value(q, v);
        else
            ok = 0;
        qp.qpdf_oh_release(q, v);
        if (ok && !isfinite(r[i]))
            ok = 0;
    }
    clear_error(q);
    if (!ok)
        return -1;
    double t;
    if (r[0] > r[2])
        t = r[0], r[0] = r[2], r[2] = t;
    if (r[1] > r[3])
        t = r[1], r[1] = r[3], r[3] = t;
    /* A box less than a point wide shows nothing: treat it as missing. */
    return r[2] - r[0] >= 1 && r[3] - r[1] >= 1 ? 0 : -1;
}

/* ---- the streams the pages take along ----
 *
 * qpdf copies an imported page together with everything it reaches (every
 * key, but not other pages or the page tree), and its writer keeps Flate
 * streams as they are and decodes the others (LZW, ASCII) to compress them
 * again. A stream whose data does not decode would thus reach the output
 * broken (`qpdf --check` of OUR file fails) or be copied raw with a warning
 * nobody can act on. So each stream the pages reach is decoded once, here,
 * where the file can still be named and refused, and the outcome decides:
 *
 * - It decodes: nothing to do (the data is dropped at once).
 * - qpdf decodes it but warns, as for a Flate stream that ends early: the
 *   data qpdf read replaces the stream, unfiltered, so that the writer
 *   compresses it afresh and the output is sound; a warning names the
 *   stream and says how much was read. An image cut short is padded with
 *   zero bytes to its declared size, as some viewers refuse to draw an image
 *   whose data is short at all.
 * - qpdf gives up (a bad LZW code, a corrupt Flate block, a bad ASCII85
 *   character): the C API hands over nothing of such a stream, so nothing
 *   can be salvaged. If the page shows it (its content; its resources:
 *   fonts, images, forms, patterns; its annotations and their appearances)
 *   the page cannot be reproduced and the PDF is refused, naming the page
 *   and the stream. If only some other key holds it (/Thumb, /PieceInfo,
 *   /Metadata, a private key), the page looks the same without it: its data
 *   is emptied and a warning says what was left out.
 *
 * Streams that qpdf does not decode at the "generalized" level (DCT, JPX,
 * JBIG2, CCITT, RunLength) are not read: qpdf tells from the filter names
 * alone, the writer copies them as they are, and decoding image data only
 * to look at it would cost more than it could find. Unfiltered streams
 * have nothing to decode and are not read either. Page content is read at
 * the "specialized" level, as qpdf itself reads content, and content that
 * cannot be decoded at all is always an error. */

enum { ROLE_OTHER = 1, ROLE_SHOWN, ROLE_CONTENT };

#define WALK_KEY 40             /* the key a stream was found under, cut */
#define DAMAGE_REPORTS 5        /* detailed warnings per document */
#define PAD_LIMIT (256u << 20)  /* an image is padded up to this size */
#define FLATE_LIMIT (1ull << 30)    /* no stream we keep expands beyond this */

typedef struct walk_item {
    qpdf_oh oh;
    int role;
    char key[WALK_KEY];
} walk_item;

typedef struct found_stream {
    int id, gen;
    int role;
    int page;                   /* 0-based: the first page that shows it */
    char key[WALK_KEY];
} found_stream;

typedef struct seen_obj {
    int id, gen;                /* id 0: a free slot */
    int role;                   /* the strongest role it was reached with */
    long stream;                /* index in walk.streams, or -1 */
} seen_obj;

typedef struct stream_walk {
    qpdf_data q;
    seen_obj *seen;
    size_t n_seen, cap_seen;    /* cap_seen: a power of two */
    found_stream *streams;
    size_t n_streams, cap_streams;
    walk_item *stack;
    size_t n_stack, cap_stack;
} stream_walk;

static seen_obj *
seen_slot(stream_walk *w, int id, int gen)
{
    size_t mask = w->cap_seen - 1;
    size_t h = ((size_t)(unsigned)id * 2654435761u + (size_t)(unsigned)gen) & mask;
    while (w->seen[h].id != 0 && (w->seen[h].id != id || w->seen[h].gen != gen))
        h = (h + 1) & mask;
    return &w->seen[h];
}

/* The entry for an indirect object, added (role 0) when new. */
static seen_obj *
seen_get(stream_walk *w, int id, int gen)
{
    if (2 * (w->n_seen + 1) > w->cap_seen) {
        seen_obj *old = w->seen;
        size_t old_cap = w->cap_seen;
        w->cap_seen = old_cap ? old_cap * 2 : 1024;
        w->seen = xcalloc(w->cap_seen, sizeof *w->seen);
        for (size_t i = 0; i < old_cap; i++)
            if (old[i].id != 0)
                *seen_slot(w, old[i].id, old[i].gen) = old[i];
        free(old);
    }
    seen_obj *s = seen_slot(w, id, gen);
    if (s->id == 0) {
        s->id = id;
        s->gen = gen;
        s->role = 0;
        s->stream = -1;
        w->n_seen++;
    }
    return s;
}

static void
walk_push(stream_walk *w, qpdf_oh oh, int role, const char *key)
{
    if (w->n_stack == w->cap_stack) {
        w->cap_stack = w->cap_stack ? w->cap_stack * 2 : 256;
        w->stack = xreallocarray(w->stack, w->cap_stack, sizeof *w->stack);
    }
    walk_item *it = &w->stack[w->n_stack++];
    it->oh = oh;
    it->role = role;
    /* For messages only: a name may hold any byte. */
    size_t i = 0;
    for (; key[i] != '\0' && i + 1 < sizeof it->key; i++)
        it->key[i] = (unsigned char)key[i] > 0x20 && (unsigned char)key[i] < 0x7f ? key[i] : '?';
    it->key[i] = '\0';
}

/* The role of what a page holds under `key`. */
static int
page_key_role(const char *key)
{
    if (strcmp(key, "/Contents") == 0)
        return ROLE_CONTENT;
    if (strcmp(key, "/Resources") == 0 || strcmp(key, "/Annots") == 0 ||
        strcmp(key, "/Group") == 0)
        return ROLE_SHOWN;
    return ROLE_OTHER;
}

/* Push the members of a dictionary, each named by its key (an array's
 * members by the array's). At the top of a page each key gets its own role;
 * below it members inherit `role` (content is the streams in /Contents
 * themselves, not what their dictionaries hold). */
static void
walk_dict(stream_walk *w, qpdf_oh dict, int role, int top)
{
    qpdf_data q = w->q;
    /* qpdf_oh_get_key does not disturb the key iteration (one per
     * qpdf_data); only a nested iteration would. */
    qp.qpdf_oh_begin_dict_key_iter(q, dict);
    while (qp.qpdf_oh_dict_more_keys(q)) {
        const char *k = qp.qpdf_oh_dict_next_key(q);
        int r = top ? page_key_role(k) : role == ROLE_CONTENT ? ROLE_SHOWN : role;
        walk_push(w, qp.qpdf_oh_get_key(q, dict, k), r, k);
    }
}

/* Walk everything page `index` takes along, recording its streams. */
static void
walk_page(stream_walk *w, int index)
{
    qpdf_data q = w->q;
    w->n_stack = 0;
    walk_push(w, qp.qpdf_get_page_n(q, (size_t)index), ROLE_SHOWN, "");
    int top = 1;
    while (w->n_stack > 0) {
        walk_item it = w->stack[--w->n_stack];
        qpdf_oh oh = it.oh;
        int id = qp.qpdf_oh_is_indirect(q, oh) ? qp.qpdf_oh_get_object_id(q, oh) : 0;
        seen_obj *s = NULL;
        int is_stream = qp.qpdf_oh_is_stream(q, oh);
        int is_dict = !is_stream && qp.qpdf_oh_is_dictionary(q, oh);
        /* Other pages and the page tree are not copied with a page. */
        if (!top && is_dict && (qp.qpdf_oh_is_dictionary_of_type(q, oh, "/Page", "") ||
                                qp.qpdf_oh_is_dictionary_of_type(q, oh, "/Pages", ""))) {
            qp.qpdf_oh_release(q, oh);
            continue;
        }
        if (id > 0) {
            int gen = qp.qpdf_oh_get_generation(q, oh);
            s = seen_get(w, id, gen);
            if (s->role >= it.role) {
                qp.qpdf_oh_release(q, oh);
                continue;   /* seen already, with this role or a stronger one */
            }
            s->role = it.role;
            if (is_stream) {
                if (s->stream < 0) {
                    if (w->n_streams == w->cap_streams) {
                        w->cap_streams = w->cap_streams ? w->cap_streams * 2 : 64;
                        w->streams = xreallocarray(w->streams, w->cap_streams,
                                                   sizeof *w->streams);
                    }
                    s->stream = (long)w->n_streams++;
                }
                found_stream *f = &w->streams[s->stream];
                f->id = id;
                f->gen = gen;
                f->role = it.role;
                f->page = index;
                memcpy(f->key, it.key, sizeof f->key);
            }
        }
        if (is_stream) {
            qpdf_oh dict = qp.qpdf_oh_get_dict(q, oh);
            walk_dict(w, dict, it.role, 0);
            qp.qpdf_oh_release(q, dict);
        } else if (is_dict) {
            walk_dict(w, oh, it.role, top);
        } else if (qp.qpdf_oh_is_array(q, oh)) {
            int n = qp.qpdf_oh_get_array_n_items(q, oh);
            for (int i = 0; i < n; i++)
                walk_push(w, qp.qpdf_oh_get_array_item(q, oh, i), it.role, it.key);
        }
        top = 0;
        qp.qpdf_oh_release(q, oh);
        clear_error(q);
    }
}

/* ---- structure limits ----
 *
 * qpdf follows a document's structure by recursion: the page tree when it
 * counts the pages or pushes inherited attributes down to them, and all
 * that a page reaches when qpdf_add_page copies it. A file built to nest
 * deeply (a page tree 20,000 levels deep, a chain of 100,000 objects each
 * pointing to the next) exhausts the stack and kills the process. Both
 * depths are measured here first, by walks of our own that keep their
 * path on the heap. Real documents stay far below either limit: page trees
 * are a few levels deep, and what a page reaches nests a few dozen levels
 * (resources, forms, annotations, article beads); the limits are at
 * TREE_DEPTH and NESTING_DEPTH, at the top of this file. */

typedef struct depth_item {
    qpdf_oh oh;
    int depth;
} depth_item;

typedef struct depth_walk {
    qpdf_data q;
    stream_walk seen;           /* only its table of objects met */
    depth_item *stack;
    size_t n_stack, cap_stack;
} depth_walk;

static void
depth_push(depth_walk *w, qpdf_oh oh, int depth)
{
    if (w->n_stack == w->cap_stack) {
        w->cap_stack = w->cap_stack ? w->cap_stack * 2 : 256;
        w->stack = xreallocarray(w->stack, w->cap_stack, sizeof *w->stack);
    }
    w->stack[w->n_stack].oh = oh;
    w->stack[w->n_stack].depth = depth;
    w->n_stack++;
}

/* True the first time an indirect object is met; direct objects are always
 * new (a parsed file cannot share them). */
static bool
depth_first_visit(depth_walk *w, qpdf_oh oh)
{
    qpdf_data q = w->q;
    if (!qp.qpdf_oh_is_indirect(q, oh))
        return true;
    seen_obj *s = seen_get(&w->seen, qp.qpdf_oh_get_object_id(q, oh),
                           qp.qpdf_oh_get_generation(q, oh));
    if (s->role != 0)
        return false;
    s->role = 1;
    return true;
}

static void
depth_walk_free(depth_walk *w)
{
    for (size_t i = 0; i < w->n_stack; i++)
        qp.qpdf_oh_release(w->q, w->stack[i].oh);
    free(w->stack);
    free(w->seen.seen);
}

static int
check_page_tree(qpdf_data q, const char *display, cp_diags *diags)
{
    depth_walk w;
    memset(&w, 0, sizeof w);
    w.q = w.seen.q = q;
    int rc = 0;
    qpdf_oh root = qp.qpdf_get_root(q);
    depth_push(&w, dict_get(q, root, "/Pages"), 1);
    qp.qpdf_oh_release(q, root);
    while (w.n_stack > 0 && rc == 0) {
        depth_item it = w.stack[--w.n_stack];
        if (it.oh != 0 && depth_first_visit(&w, it.oh)) {
            qpdf_oh kids = dict_get(q, it.oh, "/Kids");
            if (kids != 0 && qp.qpdf_oh_is_array(q, kids)) {
                if (it.depth > TREE_DEPTH) {
                    cp_error(diags, CP_INPUT, display, 0, 0,
                             "the PDF cannot be used: its page tree is nested more than %d "
                             "levels deep, which no ordinary document is; print it to a new "
                             "PDF and use that", TREE_DEPTH);
                    rc = -1;
                } else {
                    int n = qp.qpdf_oh_get_array_n_items(q, kids);
                    for (int i = 0; i < n; i++)
                        depth_push(&w, qp.qpdf_oh_get_array_item(q, kids, i), it.depth + 1);
                }
            }
            qp.qpdf_oh_release(q, kids);
        }
        qp.qpdf_oh_release(q, it.oh);
        clear_error(q);
    }
    depth_walk_free(&w);
    return rc;
}

/* The walk goes in the order of qpdf's copy (a dictionary's keys sorted,
 * as qpdf keeps them; an array's items in order) and, like it, visits each
 * object once for the whole document, never enters the page tree or
 * another page: the depth at which it meets an object is the depth of
 * qpdf's recursion there. Children are pushed last first, so that the first
 * is taken first. */
static int
check_nesting(qpdf_data q, int pages, const char *display, cp_diags *diags)
{
    depth_walk w;
    memset(&w, 0, sizeof w);
    w.q = w.seen.q = q;
    int rc = 0;
    qpdf_oh *kids = NULL;
    size_t cap_kids = 0;
    for (int p = 0; p < pages && rc == 0; p++) {
        qpdf_oh page = qp.qpdf_get_page_n(q, (size_t)p);
        depth_push(&w, page, 0);
        while (w.n_stack > 0 && rc == 0) {
            depth_item it = w.stack[w.n_stack - 1];
            w.n_stack--;
            qpdf_oh oh = it.oh, dict = 0;
            bool top = it.oh == page;
            if (qp.qpdf_oh_is_stream(q, oh))
                dict = qp.qpdf_oh_get_dict(q, oh);
            bool container = dict != 0 || qp.qpdf_oh_is_dictionary(q, oh) ||
                             qp.qpdf_oh_is_array(q, oh);
            /* Another page is left unmarked: it is walked from its own top. */
            bool skip = !container || qp.qpdf_oh_is_dictionary_of_type(q, oh, "/Pages", "") ||
                        (!top && qp.qpdf_oh_is_dictionary_of_type(q, oh, "/Page", "")) ||
                        !depth_first_visit(&w, oh);
            if (!skip && it.depth > NESTING_DEPTH) {
                cp_error(diags, CP_INPUT, display, 0, 0,
                         "the PDF cannot be used: page %d: its objects are nested more than "
                         "%d levels deep, which no ordinary document is; print it to a new "
                         "PDF and use that", p + 1, NESTING_DEPTH);
                rc = -1;
                skip = true;
            }
            if (!skip && dict != 0) {
                depth_push(&w, dict, it.depth + 1);
                dict = 0;
            } else if (!skip) {
                size_t n = 0;
                if (qp.qpdf_oh_is_array(q, oh)) {
                    n = (size_t)qp.qpdf_oh_get_array_n_items(q, oh);
                    if (n > cap_kids) {
                        cap_kids = n;
                        kids = xreallocarray(kids, cap_kids, sizeof *kids);
                    }
                    for (size_t i = 0; i < n; i++)
                        kids[i] = qp.qpdf_oh_get_array_item(q, oh, (int)i);
                } else {
                    qp.qpdf_oh_begin_dict_key_iter(q, oh);
                    while (qp.qpdf_oh_dict_more_keys(q)) {
                        if (n == cap_kids) {
                            cap_kids = cap_kids ? cap_kids * 2 : 64;
                            kids = xreallocarray(kids, cap_kids, sizeof *kids);
                        }
                        kids[n++] = qp.qpdf_oh_get_key(q, oh, qp.qpdf_oh_dict_next_key(q));
                    }
                }
                while (n > 0)
                    depth_push(&w, kids[--n], it.depth + 1);
            }
            qp.qpdf_oh_release(q, dict);
            if (oh != page)
                qp.qpdf_oh_release(q, oh);
            clear_error(q);
        }
        qp.qpdf_oh_release(q, page);
    }
    free(kids);
    depth_walk_free(&w);
    return rc;
}

/* The number of qpdf warnings pending (they are taken), and the text of
 * the first, without qpdf's "error decoding stream data for object N G: "
 * lead-in; a copy, or NULL when there was none. */
static size_t
take_warnings(qpdf_data q, char **first)
{
    size_t n = 0;
    *first = NULL;
    while (qp.qpdf_more_warnings(q)) {
        qpdf_error e = qp.qpdf_next_warning(q);
        if (n++ > 0)
            continue;
        const char *t = qp.qpdf_get_error_message_detail(q, e);
        if (t == NULL || t[0] == '\0')
            t = qp.qpdf_get_error_full_text(q, e);
        const char *lead = "error decoding stream data for object ";
        if (t && strncmp(t, lead, strlen(lead)) == 0 && strstr(t, ": "))
            t = strstr(t, ": ") + 2;
        *first = xstrdup(t ? t : "");
    }
    return n;
}

/* Colour components of an image's colour space, or 0 when unknown. */
static int
image_components(qpdf_data q, qpdf_oh cs)
{
    static const struct { const char *name; int n; } names[] = {
        { "/DeviceGray", 1 }, { "/G", 1 }, { "/CalGray", 1 }, { "/Indexed", 1 },
        { "/I", 1 }, { "/Separation", 1 }, { "/DeviceRGB", 3 }, { "/RGB", 3 },
        { "/CalRGB", 3 }, { "/Lab", 3 }, { "/DeviceCMYK", 4 }, { "/CMYK", 4 },
    };
    int n = 0;
    qpdf_oh first = 0;
    if (qp.qpdf_oh_is_array(q, cs) && qp.qpdf_oh_get_array_n_items(q, cs) >= 1)
        first = qp.qpdf_oh_get_array_item(q, cs, 0);
    qpdf_oh name = first ? first : cs;
    if (qp.qpdf_oh_is_name(q, name)) {
        const char *s = qp.qpdf_oh_get_name(q, name);
        for (size_t i = 0; i < CP_ARRAY_LEN(names); i++)
            if (strcmp(s, names[i].name) == 0)
                n = names[i].n;
        if (first && strcmp(s, "/ICCBased") == 0) {
            qpdf_oh icc = qp.qpdf_oh_get_array_item(q, cs, 1);
            qpdf_oh icc_dict = qp.qpdf_oh_is_stream(q, icc) ? qp.qpdf_oh_get_dict(q, icc) : 0;
            qpdf_oh v = dict_get(q, icc_dict, "/N");
            if (v && qp.qpdf_oh_is_integer(q, v)) {
                long long c = qp.qpdf_oh_get_int_value(q, v);
                n = c >= 1 && c <= 32 ? (int)c : 0;
            }
            qp.qpdf_oh_release(q, v);
            qp.qpdf_oh_release(q, icc_dict);
            qp.qpdf_oh_release(q, icc);
        } else if (first && strcmp(s, "/DeviceN") == 0) {
            qpdf_oh names_arr = qp.qpdf_oh_get_array_item(q, cs, 1);
            if (qp.qpdf_oh_is_array(q, names_arr)) {
                int c = qp.qpdf_oh_get_array_n_items(q, names_arr);
                n = c >= 1 && c <= 32 ? c : 0;
            }
            qp.qpdf_oh_release(q, names_arr);
        }
    }
    qp.qpdf_oh_release(q, first);
    clear_error(q);
    return n;
}

static long long
int_key(qpdf_data q, qpdf_oh dict, const char *key)
{
    qpdf_oh v = dict_get(q, dict, key);
    long long n = v && qp.qpdf_oh_is_integer(q, v) ? qp.qpdf_oh_get_int_value(q, v) : -1;
    qp.qpdf_oh_release(q, v);
    return n;
}

/* An image's decoded size and its rows, when the dictionary tells them
 * plainly (and the size is one worth padding to); 0 otherwise. */
static size_t
image_size(qpdf_data q, qpdf_oh dict, long long *rows, size_t *row_bytes)
{
    long long w = int_key(q, dict, "/Width"), h = int_key(q, dict, "/Height");
    long long bpc = int_key(q, dict, "/BitsPerComponent");
    int comps = 1;
    qpdf_oh mask = dict_get(q, dict, "/ImageMask");
    if (mask && qp.qpdf_oh_is_bool(q, mask) && qp.qpdf_oh_get_bool_value(q, mask)) {
        bpc = 1;
    } else {
        qpdf_oh cs = dict_get(q, dict, "/ColorSpace");
        comps = cs ? image_components(q, cs) : 0;
        qp.qpdf_oh_release(q, cs);
    }
    qp.qpdf_oh_release(q, mask);
    clear_error(q);
    if (w < 1 || h < 1 || w > 1000000 || h > 1000000 || comps < 1 ||
        (bpc != 1 && bpc != 2 && bpc != 4 && bpc != 8 && bpc != 16))
        return 0;
    unsigned long long rb = ((unsigned long long)w * (unsigned long long)comps *
                             (unsigned long long)bpc + 7) / 8;
    if (rb * (unsigned long long)h > PAD_LIMIT)
        return 0;
    *rows = h;
    *row_bytes = (size_t)rb;
    return (size_t)(rb * (unsigned long long)h);
}

/* What a stream is, for a message: "an image (object 12 0, /Im3)". */
static char *
stream_what(qpdf_data q, qpdf_oh dict, const found_stream *f)
{
    const char *kind = "a stream";
    qpdf_oh sub = dict_get(q, dict, "/Subtype");
    if (f->role == ROLE_CONTENT)
        kind = "its content";
    else if (sub && qp.qpdf_oh_is_name_and_equals(q, sub, "/Image"))
        kind = "an image";
    else if (sub && qp.qpdf_oh_is_name_and_equals(q, sub, "/Form"))
        kind = "a form XObject";
    else if (strncmp(f->key, "/FontFile", 9) == 0)
        kind = "an embedded font";
    qp.qpdf_oh_release(q, sub);
    clear_error(q);
    if (f->role == ROLE_CONTENT || f->key[0] == '\0')
        return xasprintf("%s (object %d %d)", kind, f->id, f->gen);
    return xasprintf("%s (object %d %d, under %s)", kind, f->id, f->gen, f->key);
}

/* A stream whose only filter is FlateDecode (most streams of most PDFs):
 * its rows' PNG predictor bytes, if it declares a PNG predictor; 0 when it
 * has no predictor or one that needs no checking; -1 when it is not such a
 * stream or its parameters are unusable (qpdf then has the last word). */
/* True when the stream's only filter is `name`. */
static bool
only_filter(qpdf_data q, qpdf_oh filter, const char *name)
{
    qpdf_oh f = filter;
    bool own = false;
    if (qp.qpdf_oh_is_array(q, filter)) {
        if (qp.qpdf_oh_get_array_n_items(q, filter) != 1)
            return false;
        f = qp.qpdf_oh_get_array_item(q, filter, 0);
        own = true;
    }
    bool yes = qp.qpdf_oh_is_name(q, f) && strcmp(qp.qpdf_oh_get_name(q, f), name) == 0;
    if (own)
        qp.qpdf_oh_release(q, f);
    return yes;
}

static long long
flate_only(qpdf_data q, qpdf_oh dict, qpdf_oh filter)
{
    if (!only_filter(q, filter, "/FlateDecode"))
        return -1;
    long long stride = 0;
    qpdf_oh parms = dict_get(q, dict, "/DecodeParms");
    qpdf_oh p = parms;
    bool own_p = false;
    if (p && qp.qpdf_oh_is_array(q, p)) {
        p = qp.qpdf_oh_get_array_n_items(q, p) == 1 ? qp.qpdf_oh_get_array_item(q, p, 0) : 0;
        own_p = p != 0;
    }
    if (p && qp.qpdf_oh_is_dictionary(q, p)) {
        long long pred = int_key(q, p, "/Predictor");
        if (pred >= 10) {
            long long colors = int_key(q, p, "/Colors"), bpc = int_key(q, p, "/BitsPerComponent");
            long long cols = int_key(q, p, "/Columns");
            colors = colors < 0 ? 1 : colors;
            bpc = bpc < 0 ? 8 : bpc;
            cols = cols < 0 ? 1 : cols;
            if (colors < 1 || colors > 60 || bpc < 1 || bpc > 16 || cols < 1 || cols > 1 << 24)
                stride = -1;
            else
                stride = (colors * bpc * cols + 7) / 8 + 1;
        }
    } else if (p && !qp.qpdf_oh_is_null(q, p)) {
        stride = -1;
    }
    if (own_p)
        qp.qpdf_oh_release(q, p);
    qp.qpdf_oh_release(q, parms);
    clear_error(q);
    return stride;
}

enum { FLATE_CLEAN, FLATE_DAMAGED, FLATE_TOO_LARGE };

/* Inflate raw Flate data without keeping it: constant memory however much
 * it expands (a "zip bomb" costs time, not memory), and about twice as fast
 * as having qpdf decode it into a buffer. With stride > 0, every row must
 * start with a PNG predictor byte 0-4, as qpdf's decoder insists. */
static int
flate_scan(const unsigned char *raw, size_t len, long long stride, unsigned long long cap,
           unsigned long long *decoded)
{
    z_stream z;
    memset(&z, 0, sizeof z);
    *decoded = 0;
    if (inflateInit(&z) != Z_OK)
        return FLATE_DAMAGED;
    unsigned char out[65536];
    int rc = FLATE_DAMAGED, zr = Z_OK;
    unsigned long long pos = 0;
    z.next_in = (unsigned char *)raw;
    while (zr == Z_OK) {
        size_t chunk = len - (size_t)(z.next_in - raw);
        z.avail_in = (uInt)(chunk > (1u << 30) ? 1u << 30 : chunk);
        z.next_out = out;
        z.avail_out = sizeof out;
        zr = inflate(&z, Z_NO_FLUSH);
        size_t got = sizeof out - z.avail_out;
        if (stride > 0)
            for (; pos < *decoded + got; pos += (unsigned long long)stride)
                if (out[pos - *decoded] > 4) {
                    zr = Z_DATA_ERROR;
                    break;
                }
        *decoded += got;
        if (*decoded > cap) {
            rc = FLATE_TOO_LARGE;
            break;
        }
        if (zr == Z_BUF_ERROR || (zr == Z_OK && got == 0 && z.avail_in == 0))
            break;      /* the data ends before the stream does */
        if (zr == Z_STREAM_END)
            rc = FLATE_CLEAN;
    }
    inflateEnd(&z);
    return rc;
}

static void
replace_data(qpdf_data q, qpdf_oh s, const unsigned char *buf, size_t len)
{
    /* No filter: the writer compresses it afresh. */
    qpdf_oh none1 = qp.qpdf_oh_new_null(q), none2 = qp.qpdf_oh_new_null(q);
    qp.qpdf_oh_replace_stream_data(q, s, buf, len, none1, none2);
    qp.qpdf_oh_release(q, none1);
    qp.qpdf_oh_release(q, none2);
}

/* Past a few, damaged streams are only counted: true when this one is
 * told. */
static bool
tell(size_t *reported, size_t *more)
{
    if (*reported < DAMAGE_REPORTS) {
        (*reported)++;
        return true;
    }
    (*more)++;
    return false;
}

/* A damaged stream that the page does not show: emptied, with a warning
 * saying `how` it was damaged. */
static void
leave_out(qpdf_data q, qpdf_oh s, const found_stream *f, const char *what, const char *how,
          const char *display, cp_diags *diags, size_t *reported, size_t *more)
{
    replace_data(q, s, NULL, 0);
    if (tell(reported, more))
        cp_warning(diags, display, 0, 0, "page %d: %s %s and was left out; the page does not "
                   "show it", f->page + 1, what, how);
}

/* The stream's bytes as stored, not decoded; false when qpdf cannot read
 * them. */
static bool
raw_data(qpdf_data q, qpdf_oh s, unsigned char **buf, size_t *len)
{
    bool ok = !(qp.qpdf_oh_get_stream_data(q, s, qpdf_dl_none, NULL, buf, len) & QPDF_ERRORS);
    clear_error(q);
    drain_warnings(q);
    return ok;
}

/* Decode one stream and act on the outcome (see above). 0, or -1 when the
 * PDF must be refused. *reported counts the detailed warnings given. */
static int
check_stream(qpdf_data q, const found_stream *f, const char *display, cp_diags *diags,
             size_t *reported, size_t *more)
{
    int rc = 0;
    unsigned char *buf = NULL;
    size_t len = 0;
    char *why = NULL, *what = NULL;
    qpdf_oh s = qp.qpdf_get_object_by_id(q, f->id, f->gen);
    qpdf_oh dict = qp.qpdf_oh_get_dict(q, s);
    qpdf_oh filter = dict_get(q, dict, "/Filter");
    enum qpdf_stream_decode_level_e level =
        f->role == ROLE_CONTENT ? qpdf_dl_specialized : qpdf_dl_generalized;
    QPDF_BOOL filtered = QPDF_FALSE;
    int has_filter = filter != 0 && !(qp.qpdf_oh_is_array(q, filter) &&
                                      qp.qpdf_oh_get_array_n_items(q, filter) == 0);
    if (!has_filter)
        goto done;      /* nothing to decode: the data is copied as it is */
    if (only_filter(q, filter, "/DCTDecode")) {
        /* qpdf does not decode JPEG data here, but `qpdf --check` of the
         * output would (with libjpeg), so walk its markers as for a photo:
         * a damaged JPEG is judged like any stream that does not decode. */
        cp_diags sub = CP_DIAGS_INIT;
        cp_image img;
        memset(&img, 0, sizeof img);
        if (!raw_data(q, s, &buf, &len) ||
            cp_image_jpeg_structure(&img, buf, len, "JPEG", &sub) < 0) {
            what = stream_what(q, dict, f);
            why = xstrdup(sub.count ? sub.items[0].message : "unreadable");
            if (f->role >= ROLE_SHOWN) {
                cp_error(diags, CP_INPUT, display, 0, 0,
                         "the PDF is damaged beyond repair: page %d: %s is not a sound JPEG "
                         "image: %s", f->page + 1, what, why);
                rc = -1;
            } else {
                char *how = xasprintf("is not a sound JPEG image (%s)", why);
                leave_out(q, s, f, what, how, display, diags, reported, more);
                free(how);
            }
        }
        cp_diags_free(&sub);
        goto done;
    }
    long long stride = flate_only(q, dict, filter);
    if (stride >= 0) {
        unsigned long long decoded = 0;
        int scan = FLATE_DAMAGED;
        if (raw_data(q, s, &buf, &len))
            scan = flate_scan(buf, len, stride, FLATE_LIMIT, &decoded);
        free(buf);              /* qpdf's decoding below fills it again */
        buf = NULL;
        len = 0;
        if (scan == FLATE_CLEAN)
            goto done;
        if (scan == FLATE_TOO_LARGE || decoded > PAD_LIMIT) {
            /* Beyond what could be kept in memory to repair (or, sound,
             * beyond any sensible size): like a stream qpdf gives up on. */
            what = stream_what(q, dict, f);
            if (f->role >= ROLE_SHOWN) {
                cp_error(diags, CP_INPUT, display, 0, 0,
                         "the PDF cannot be used: page %d: %s %s more than %llu MB",
                         f->page + 1, what,
                         scan == FLATE_TOO_LARGE ? "expands to" : "is damaged after",
                         (unsigned long long)(scan == FLATE_TOO_LARGE ? FLATE_LIMIT
                                                                      : PAD_LIMIT) >> 20);
                rc = -1;
            } else {
                leave_out(q, s, f, what, "is too large to check", display, diags, reported,
                          more);
            }
            goto done;
        }
        /* Damaged, and small enough: qpdf decodes what it can, below. */
    }
    /* Without a buffer qpdf reads nothing and only says whether it can
     * decode these filters at this level. */
    if (qp.qpdf_oh_get_stream_data(q, s, level, &filtered, NULL, NULL) & QPDF_ERRORS) {
        clear_error(q);
        drain_warnings(q);
        if (f->role == ROLE_CONTENT) {
            what = stream_what(q, dict, f);
            cp_error(diags, CP_INPUT, display, 0, 0,
                     "the PDF is damaged beyond repair: page %d: %s uses a filter that "
                     "cannot be decoded", f->page + 1, what);
            rc = -1;
        }
        goto done;
    }
    QPDF_ERROR_CODE st = qp.qpdf_oh_get_stream_data(q, s, level, &filtered, &buf, &len);
    size_t warned = take_warnings(q, &why);
    if (!(st & QPDF_ERRORS) && warned == 0)
        goto done;
    if (st & QPDF_ERRORS) {
        char *err = error_text(q);
        if (why == NULL) {
            why = err;
            err = NULL;
        }
        free(err);
    }
    what = stream_what(q, dict, f);
    if ((st & QPDF_ERRORS) && f->role >= ROLE_SHOWN) {
        cp_error(diags, CP_INPUT, display, 0, 0,
                 "the PDF is damaged beyond repair: page %d: %s cannot be decoded: %s",
                 f->page + 1, what, why);
        rc = -1;
        goto done;
    }
    if (st & QPDF_ERRORS) {
        char *how = xasprintf("could not be decoded (%s)", why);
        leave_out(q, s, f, what, how, display, diags, reported, more);
        free(how);
        goto done;
    }
    bool say = tell(reported, more);
    /* Decoded with warnings: what was read is kept. */
    long long rows = 0;
    size_t row_bytes = 0;
    size_t full = f->role == ROLE_CONTENT ? 0 : image_size(q, dict, &rows, &row_bytes);
    char *lost;
    if (full > len) {
        unsigned char *padded = xcalloc(1, full);
        if (len > 0)
            memcpy(padded, buf, len);
        free(buf);
        buf = padded;
        lost = xasprintf("only the first %lld of its %lld rows could be read, the rows "
                         "below are missing", (long long)(len / row_bytes), rows);
        len = full;
    } else {
        lost = xasprintf("the first %zu bytes were read and kept, anything after them "
                         "is lost", len);
    }
    replace_data(q, s, buf, len);
    if (say)
        cp_warning(diags, display, 0, 0, "page %d: %s is damaged (%s): %s", f->page + 1,
                   what, why, lost);
    free(lost);

done:
    clear_error(q);
    drain_warnings(q);
    free(buf);
    free(why);
    free(what);
    qp.qpdf_oh_release(q, filter);
    qp.qpdf_oh_release(q, dict);
    qp.qpdf_oh_release(q, s);
    return rc;
}

/* Walk every page, then decode each stream found once. *repairs counts
 * qpdf's warnings about the file's structure met on the way. 0 or -1. */
static int
check_streams(qpdf_data q, int pages, const char *display, cp_diags *diags, size_t *repairs)
{
    stream_walk w;
    memset(&w, 0, sizeof w);
    w.q = q;
    for (int i = 0; i < pages; i++)
        walk_page(&w, i);
    *repairs += drain_warnings(q);
    int rc = 0;
    size_t reported = 0, more = 0;
    for (size_t i = 0; i < w.n_streams && rc == 0; i++)
        rc = check_stream(q, &w.streams[i], display, diags, &reported, &more);
    if (rc == 0 && more > 0)
        cp_warning(diags, display, 0, 0,
                   "%zu more damaged streams were repaired or left out in the same way", more);
    free(w.seen);
    free(w.streams);
    free(w.stack);
    return rc;
}

int
cp_pdfdoc_page_box(cp_pdfbox *out, cp_pdfdoc *d, int index)
{
    memset(out, 0, sizeof *out);
    if (index < 0 || index >= d->pages)
        return -1;
    qpdf_data q = d->q;
    qpdf_oh page = qp.qpdf_get_page_n(q, (size_t)index);
    qpdf_oh mb = page_attr(q, page, "/MediaBox");
    qpdf_oh cb = page_attr(q, page, "/CropBox");
    qpdf_oh rot = page_attr(q, page, "/Rotate");
    double media[4], crop[4];
    if (read_rect(q, mb, media) < 0) {
        media[0] = media[1] = 0;
        media[2] = 612;
        media[3] = 792;
    }
    double *box = media;
    if (read_rect(q, cb, crop) == 0) {
        crop[0] = fmax(crop[0], media[0]);
        crop[1] = fmax(crop[1], media[1]);
        crop[2] = fmin(crop[2], media[2]);
        crop[3] = fmin(crop[3], media[3]);
        if (crop[2] - crop[0] >= 1 && crop[3] - crop[1] >= 1)
            box = crop;
    }
    out->x0 = box[0];
    out->y0 = box[1];
    out->x1 = box[2];
    out->y1 = box[3];
    int r = 0;
    if (rot != 0 && qp.qpdf_oh_is_integer(q, rot)) {
        long long v = qp.qpdf_oh_get_int_value(q, rot);
        if (v % 90 == 0)
            r = (int)(((v % 360) + 360) % 360);
    }
    out->rotate = r;
    int turned = r == 90 || r == 270;
    out->width = turned ? box[3] - box[1] : box[2] - box[0];
    out->height = turned ? box[2] - box[0] : box[3] - box[1];
    qp.qpdf_oh_release(q, page);
    qp.qpdf_oh_release(q, mb);
    qp.qpdf_oh_release(q, cb);
    qp.qpdf_oh_release(q, rot);
    clear_error(q);
    drain_warnings(q);
    return 0;
}

/* ---- outline ---- */

#define NAME_TREE_MAX 200000
#define NAME_TREE_DEPTH 32
#define OUTLINE_DEPTH 64
#define SEEN_SLOTS 32768     /* a power of two above 2 * CP_PDF_MAX_OUTLINE */

typedef struct named_dest {
    char *key;
    size_t len;
    int page;
} named_dest;

typedef struct outline_walk {
    qpdf_data q;
    int pages;
    int seen[SEEN_SLOTS];    /* object numbers of visited items (open addressing) */
    size_t visits;
    qpdf_oh dests;           /* the catalog's /Dests dictionary (PDF 1.1), or 0 */
    named_dest *names;       /* the /Names /Dests tree, sorted by key */
    size_t n_names, cap_names;
    size_t name_visits;
} outline_walk;

/* True when objid was seen before; records it otherwise. */
static int
seen_before(outline_walk *w, int objid)
{
    if (objid <= 0)
        return 0;   /* a direct object cannot close a loop by itself */
    unsigned h = ((unsigned)objid * 2654435761u) & (SEEN_SLOTS - 1);
    while (w->seen[h] != 0) {
        if (w->seen[h] == objid)
            return 1;
        h = (h + 1) & (SEEN_SLOTS - 1);
    }
    w->seen[h] = objid;
    return 0;
}

static int dest_page(outline_walk *w, qpdf_oh dest, int depth);

static int
named_cmp(const void *a, const void *b)
{
    const named_dest *x = a, *y = b;
    size_t n = x->len < y->len ? x->len : y->len;
    int c = memcmp(x->key, y->key, n);
    if (c != 0)
        return c;
    return x->len < y->len ? -1 : x->len > y->len;
}

static void
name_tree_load(outline_walk *w, qpdf_oh node, int depth)
{
    qpdf_data q = w->q;
    if (depth > NAME_TREE_DEPTH || ++w->name_visits > NAME_TREE_MAX)
        return;
    qpdf_oh names = dict_get(q, node, "/Names");
    if (names && qp.qpdf_oh_is_array(q, names)) {
        int n = qp.qpdf_oh_get_array_n_items(q, names);
        for (int i = 0; i + 1 < n && w->n_names < NAME_TREE_MAX; i += 2) {
            qpdf_oh k = qp.qpdf_oh_get_array_item(q, names, i);
            qpdf_oh v = qp.qpdf_oh_get_array_item(q, names, i + 1);
            size_t len = 0;
            const char *key = qp.qpdf_oh_is_string(q, k)
                ? qp.qpdf_oh_get_binary_string_value(q, k, &len) : NULL;
            if (key) {
                if (w->n_names == w->cap_names) {
                    w->cap_names = w->cap_names ? w->cap_names * 2 : 64;
                    w->names = xreallocarray(w->names, w->cap_names, sizeof *w->names);
                }
                named_dest *e = &w->names[w->n_names++];
                e->key = xstrndup(key, len);
                e->len = len;
                /* Values are explicit destinations: no further name lookup. */
                e->page = qp.qpdf_oh_is_string(q, v) || qp.qpdf_oh_is_name(q, v)
                    ? -1 : dest_page(w, v, 1);
            }
            qp.qpdf_oh_release(q, k);
            qp.qpdf_oh_release(q, v);
        }
    }
    qp.qpdf_oh_release(q, names);
    qpdf_oh kids = dict_get(q, node, "/Kids");
    if (kids && qp.qpdf_oh_is_array(q, kids)) {
        int n = qp.qpdf_oh_get_array_n_items(q, kids);
        for (int i = 0; i < n && w->name_visits <= NAME_TREE_MAX; i++) {
            qpdf_oh kid = qp.qpdf_oh_get_array_item(q, kids, i);
            name_tree_load(w, kid, depth + 1);
            qp.qpdf_oh_release(q, kid);
        }
    }
    qp.qpdf_oh_release(q, kids);
    clear_error(q);
}

static int
name_tree_page(outline_walk *w, const char *key, size_t len)
{
    if (w->n_names == 0)
        return -1;   /* bsearch must not see a NULL array */
    named_dest k = { (char *)key, len, -1 };
    named_dest *e = bsearch(&k, w->names, w->n_names, sizeof *w->names, named_cmp);
    return e ? e->page : -1;
}

/* The 0-based page a destination points to, or -1. dest may be an explicit
 * destination [page /XYZ ...], a name (/Dests), a string (name tree) or a
 * dictionary with /D. */
static int
dest_page(outline_walk *w, qpdf_oh dest, int depth)
{
    qpdf_data q = w->q;
    int page = -1;
    if (dest == 0 || depth > 4)
        return -1;
    if (qp.qpdf_oh_is_array(q, dest)) {
        if (qp.qpdf_oh_get_array_n_items(q, dest) < 1)
            return -1;
        qpdf_oh first = qp.qpdf_oh_get_array_item(q, dest, 0);
        if (qp.qpdf_oh_is_dictionary(q, first)) {
            page = qp.qpdf_find_page_by_oh(q, first);
            clear_error(q);     /* not a page of this document */
        } else if (qp.qpdf_oh_is_integer(q, first)) {
            /* A page number where a page object belongs: seen in the wild. */
            long long v = qp.qpdf_oh_get_int_value(q, first);
            page = v >= 0 && v < w->pages ? (int)v : -1;
        }
        qp.qpdf_oh_release(q, first);
    } else if (qp.qpdf_oh_is_name(q, dest)) {
        qpdf_oh v = dict_get(q, w->dests, qp.qpdf_oh_get_name(q, dest));
        page = dest_page(w, v, depth + 1);
        qp.qpdf_oh_release(q, v);
    } else if (qp.qpdf_oh_is_string(q, dest)) {
        size_t len = 0;
        const char *key = qp.qpdf_oh_get_binary_string_value(q, dest, &len);
        if (key)
            page = name_tree_page(w, key, len);
    } else if (qp.qpdf_oh_is_dictionary(q, dest)) {
        qpdf_oh d = dict_get(q, dest, "/D");
        page = dest_page(w, d, depth + 1);
        qp.qpdf_oh_release(q, d);
    }
    clear_error(q);
    return page < 0 || page >= w->pages ? -1 : page;
}

/* One line of valid UTF-8: control characters become spaces, runs of white
 * space one space, bad bytes U+FFFD. */
static char *
title_tidy(const char *s, size_t n)
{
    cp_buf b = CP_BUF_INIT;
    int space = 0;
    size_t i = 0;
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        size_t len = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
        if (c < 0x20 || c == 0x7F || c == ' ') {
            space = 1;
            i++;
            continue;
        }
        if (space && b.len > 0)
            cp_buf_putc(&b, ' ');
        space = 0;
        if (c < 0x80) {
            cp_buf_putc(&b, (char)c);
        } else if (i + len <= n && cp_utf8_valid(s + i, len)) {
            cp_buf_add(&b, s + i, len);
        } else {
            cp_buf_puts(&b, "\xEF\xBF\xBD");
            len = 1;
        }
        i += len;
    }
    return cp_buf_detach(&b);
}

static void
outline_item(outline_walk *w, qpdf_oh item, cp_outline *o)
{
    qpdf_data q = w->q;
    qpdf_oh t = dict_get(q, item, "/Title");
    if (t && qp.qpdf_oh_is_string(q, t)) {
        size_t len = 0;
        const char *s = qp.qpdf_oh_get_binary_utf8_value(q, t, &len);
        o->title = title_tidy(s ? s : "", s ? len : 0);
    } else {
        o->title = xstrdup("");
    }
    qp.qpdf_oh_release(q, t);

    o->page = -1;
    qpdf_oh dest = dict_get(q, item, "/Dest");
    if (dest) {
        o->page = dest_page(w, dest, 0);
    } else {
        qpdf_oh a = dict_get(q, item, "/A");
        qpdf_oh s = dict_get(q, a, "/S");
        if (s && qp.qpdf_oh_is_name_and_equals(q, s, "/GoTo")) {
            qpdf_oh d = dict_get(q, a, "/D");
            o->page = dest_page(w, d, 0);
            qp.qpdf_oh_release(q, d);
        }
        qp.qpdf_oh_release(q, s);
        qp.qpdf_oh_release(q, a);
    }
    qp.qpdf_oh_release(q, dest);
    clear_error(q);
}

/* The items from `first` along /Next, each with its /First kids. */
static void
outline_level(outline_walk *w, qpdf_oh first, cp_outline **out, size_t *n, int depth)
{
    qpdf_data q = w->q;
    size_t cap = 0;
    *out = NULL;
    *n = 0;
    if (depth > OUTLINE_DEPTH)
        return;
    qpdf_oh cur = first ? qp.qpdf_oh_new_object(q, first) : 0;
    while (cur != 0 && qp.qpdf_oh_is_dictionary(q, cur) && w->visits < CP_PDF_MAX_OUTLINE &&
           !seen_before(w, qp.qpdf_oh_get_object_id(q, cur))) {
        w->visits++;
        if (*n == cap) {
            cap = cap ? cap * 2 : 8;
            *out = xreallocarray(*out, cap, sizeof **out);
        }
        cp_outline *o = &(*out)[(*n)++];
        memset(o, 0, sizeof *o);
        outline_item(w, cur, o);
        qpdf_oh kid = dict_get(q, cur, "/First");
        if (kid)
            outline_level(w, kid, &o->kids, &o->n_kids, depth + 1);
        qp.qpdf_oh_release(q, kid);
        qpdf_oh next = dict_get(q, cur, "/Next");
        qp.qpdf_oh_release(q, cur);
        cur = next;
    }
    qp.qpdf_oh_release(q, cur);
    clear_error(q);
}

int
cp_pdfdoc_outline(cp_outline **out, size_t *n, cp_pdfdoc *d)
{
    *out = NULL;
    *n = 0;
    qpdf_data q = d->q;
    outline_walk *w = xcalloc(1, sizeof *w);
    w->q = q;
    w->pages = d->pages;

    qpdf_oh root = qp.qpdf_get_root(q);
    qpdf_oh outlines = dict_get(q, root, "/Outlines");
    qpdf_oh first = dict_get(q, outlines, "/First");
    if (first) {
        w->dests = dict_get(q, root, "/Dests");
        qpdf_oh names = dict_get(q, root, "/Names");
        qpdf_oh tree = dict_get(q, names, "/Dests");
        if (tree) {
            name_tree_load(w, tree, 0);
            qsort(w->names, w->n_names, sizeof *w->names, named_cmp);
        }
        qp.qpdf_oh_release(q, tree);
        qp.qpdf_oh_release(q, names);
        outline_level(w, first, out, n, 0);
    }
    qp.qpdf_oh_release(q, first);
    qp.qpdf_oh_release(q, outlines);
    qp.qpdf_oh_release(q, root);
    qp.qpdf_oh_release(q, w->dests);
    for (size_t i = 0; i < w->n_names; i++)
        free(w->names[i].key);
    free(w->names);
    free(w);
    clear_error(q);
    /* A broken outline is not worth a diagnostic: it just has fewer items. */
    drain_warnings(q);
    return 0;
}

void
cp_outline_free(cp_outline *o, size_t n)
{
    if (o == NULL)
        return;
    for (size_t i = 0; i < n; i++) {
        free(o[i].title);
        cp_outline_free(o[i].kids, o[i].n_kids);
    }
    free(o);
}

/* --- a page's size, for build --split ------------------------------------- */

/* The stored length of a stream (its /Length), 0 for anything else. */
static long long
stream_bytes(qpdf_data q, qpdf_oh oh)
{
    if (oh == 0 || !qp.qpdf_oh_is_stream(q, oh))
        return 0;
    qpdf_oh dict = qp.qpdf_oh_get_dict(q, oh);
    long long n = int_key(q, dict, "/Length");
    qp.qpdf_oh_release(q, dict);
    clear_error(q);
    return n > 0 ? n : 0;
}

long long
cp_pdfdoc_page_bytes(cp_pdfdoc *d, int index)
{
    if (index < 0 || index >= d->pages)
        return 0;
    qpdf_data q = d->q;
    stream_walk w;
    memset(&w, 0, sizeof w);
    w.q = q;
    walk_page(&w, index);
    long long n = 0;
    for (size_t i = 0; i < w.n_streams; i++) {
        qpdf_oh oh = qp.qpdf_get_object_by_id(q, w.streams[i].id, w.streams[i].gen);
        n += stream_bytes(q, oh);
        qp.qpdf_oh_release(q, oh);
    }
    clear_error(q);
    free(w.seen);
    free(w.streams);
    free(w.stack);
    return n;
}
