/* pdfimport.c: PDF evidence through libqpdf's C API (see pdfimport.h).
 *
 * qpdf's C API reports errors by a pending error that must be taken
 * (qpdf_get_error) and warnings by a queue; errors are silenced here and
 * checked explicitly. Every qpdf_oh handed out stays in the qpdf_data until
 * released, so helpers release what they do not return. Type checks come
 * before every access: a type mismatch makes qpdf add a warning. */
#include "config.h"
#include "pdfimport.h"
#include "util.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct cp_pdfdoc {
    qpdf_data q;
    int pages;
};

/* Drop a pending error that has been dealt with (or does not matter). */
static void
clear_error(qpdf_data q)
{
    if (qpdf_has_error(q))
        qpdf_get_error(q);
}

static size_t
drain_warnings(qpdf_data q)
{
    size_t n = 0;
    while (qpdf_more_warnings(q)) {
        qpdf_next_warning(q);
        n++;
    }
    return n;
}

/* qpdf's message without its "file (offset n): " prefix; a copy. */
static char *
error_text(qpdf_data q)
{
    qpdf_error e = qpdf_get_error(q);
    const char *detail = e ? qpdf_get_error_message_detail(q, e) : "";
    if (detail == NULL || detail[0] == '\0')
        detail = e ? qpdf_get_error_full_text(q, e) : "unknown error";
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

int
cp_pdfdoc_open(cp_pdfdoc **out, const char *path, const char *display, cp_diags *diags)
{
    *out = NULL;
    int rc = -1;
    char *msg = NULL;

    if (has_pdf_header(path, display, diags) < 0)
        return -1;
    qpdf_data q = qpdf_init();
    qpdf_silence_errors(q);
    qpdf_set_suppress_warnings(q, QPDF_TRUE);   /* collected, not printed */

    QPDF_ERROR_CODE st = qpdf_read(q, path, "");
    if (st & QPDF_ERRORS) {
        qpdf_error e = qpdf_get_error(q);
        if (qpdf_get_error_code(q, e) == qpdf_e_password) {
            cp_error(diags, CP_INPUT, display, 0, 0,
                     "this PDF is protected by a password; save an unprotected copy "
                     "(print to PDF) and use that");
        } else {
            const char *detail = qpdf_get_error_message_detail(q, e);
            cp_error(diags, CP_INPUT, display, 0, 0,
                     "the PDF is damaged beyond repair: %s",
                     detail && detail[0] ? detail : qpdf_get_error_full_text(q, e));
        }
        goto cleanup;
    }

    /* The page tree and the page contents are read lazily; damage in them
     * shows only when they are visited, so visit them now. */
    int pages = qpdf_get_num_pages(q);
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
    for (int i = 0; i < pages; i++) {
        qpdf_oh page = qpdf_get_page_n(q, (size_t)i);
        unsigned char *buf = NULL;
        size_t len = 0;
        st = qpdf_oh_get_page_content_data(q, page, &buf, &len);
        free(buf);
        qpdf_oh_release(q, page);
        if (st & QPDF_ERRORS) {
            msg = error_text(q);
            cp_error(diags, CP_INPUT, display, 0, 0,
                     "the PDF is damaged beyond repair: page %d: %s", i + 1, msg);
            goto cleanup;
        }
    }
    if (drain_warnings(q) > 0)
        cp_warning(diags, display, 0, 0, "the PDF was damaged and has been repaired");

    cp_pdfdoc *d = xcalloc(1, sizeof *d);
    d->q = q;
    d->pages = pages;
    q = NULL;
    *out = d;
    rc = 0;

cleanup:
    free(msg);
    if (q) {
        clear_error(q);
        drain_warnings(q);
        qpdf_cleanup(&q);
    }
    return rc;
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
    qpdf_cleanup(&d->q);
    free(d);
}

/* ---- object helpers: each returns a new handle (0 when absent) ---- */

static qpdf_oh
dict_get(qpdf_data q, qpdf_oh dict, const char *key)
{
    if (dict == 0 || !qpdf_oh_is_dictionary(q, dict) || !qpdf_oh_has_key(q, dict, key))
        return 0;
    qpdf_oh v = qpdf_oh_get_key(q, dict, key);
    if (qpdf_has_error(q) || qpdf_oh_is_null(q, v)) {
        clear_error(q);
        qpdf_oh_release(q, v);
        return 0;
    }
    return v;
}

/* A page attribute, looked up through /Parent as PDF's inheritance says. */
static qpdf_oh
page_attr(qpdf_data q, qpdf_oh page, const char *key)
{
    qpdf_oh node = qpdf_oh_new_object(q, page);
    for (int depth = 0; node != 0 && depth < 64; depth++) {
        qpdf_oh v = dict_get(q, node, key);
        if (v != 0) {
            qpdf_oh_release(q, node);
            return v;
        }
        qpdf_oh parent = dict_get(q, node, "/Parent");
        qpdf_oh_release(q, node);
        node = parent;
    }
    qpdf_oh_release(q, node);
    return 0;
}

static int
read_rect(qpdf_data q, qpdf_oh arr, double r[4])
{
    if (arr == 0 || !qpdf_oh_is_array(q, arr) || qpdf_oh_get_array_n_items(q, arr) != 4)
        return -1;
    int ok = 1;
    for (int i = 0; i < 4; i++) {
        qpdf_oh v = qpdf_oh_get_array_item(q, arr, i);
        if (qpdf_oh_is_number(q, v))
            r[i] = qpdf_oh_get_numeric_value(q, v);
        else
            ok = 0;
        qpdf_oh_release(q, v);
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

int
cp_pdfdoc_page_box(cp_pdfbox *out, cp_pdfdoc *d, int index)
{
    memset(out, 0, sizeof *out);
    if (index < 0 || index >= d->pages)
        return -1;
    qpdf_data q = d->q;
    qpdf_oh page = qpdf_get_page_n(q, (size_t)index);
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
    if (rot != 0 && qpdf_oh_is_integer(q, rot)) {
        long long v = qpdf_oh_get_int_value(q, rot);
        if (v % 90 == 0)
            r = (int)(((v % 360) + 360) % 360);
    }
    out->rotate = r;
    int turned = r == 90 || r == 270;
    out->width = turned ? box[3] - box[1] : box[2] - box[0];
    out->height = turned ? box[2] - box[0] : box[3] - box[1];
    qpdf_oh_release(q, page);
    qpdf_oh_release(q, mb);
    qpdf_oh_release(q, cb);
    qpdf_oh_release(q, rot);
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
    if (names && qpdf_oh_is_array(q, names)) {
        int n = qpdf_oh_get_array_n_items(q, names);
        for (int i = 0; i + 1 < n && w->n_names < NAME_TREE_MAX; i += 2) {
            qpdf_oh k = qpdf_oh_get_array_item(q, names, i);
            qpdf_oh v = qpdf_oh_get_array_item(q, names, i + 1);
            size_t len = 0;
            const char *key = qpdf_oh_is_string(q, k)
                ? qpdf_oh_get_binary_string_value(q, k, &len) : NULL;
            if (key) {
                if (w->n_names == w->cap_names) {
                    w->cap_names = w->cap_names ? w->cap_names * 2 : 64;
                    w->names = xreallocarray(w->names, w->cap_names, sizeof *w->names);
                }
                named_dest *e = &w->names[w->n_names++];
                e->key = xstrndup(key, len);
                e->len = len;
                /* Values are explicit destinations: no further name lookup. */
                e->page = qpdf_oh_is_string(q, v) || qpdf_oh_is_name(q, v)
                    ? -1 : dest_page(w, v, 1);
            }
            qpdf_oh_release(q, k);
            qpdf_oh_release(q, v);
        }
    }
    qpdf_oh_release(q, names);
    qpdf_oh kids = dict_get(q, node, "/Kids");
    if (kids && qpdf_oh_is_array(q, kids)) {
        int n = qpdf_oh_get_array_n_items(q, kids);
        for (int i = 0; i < n && w->name_visits <= NAME_TREE_MAX; i++) {
            qpdf_oh kid = qpdf_oh_get_array_item(q, kids, i);
            name_tree_load(w, kid, depth + 1);
            qpdf_oh_release(q, kid);
        }
    }
    qpdf_oh_release(q, kids);
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
    if (qpdf_oh_is_array(q, dest)) {
        if (qpdf_oh_get_array_n_items(q, dest) < 1)
            return -1;
        qpdf_oh first = qpdf_oh_get_array_item(q, dest, 0);
        if (qpdf_oh_is_dictionary(q, first)) {
            page = qpdf_find_page_by_oh(q, first);
            clear_error(q);     /* not a page of this document */
        } else if (qpdf_oh_is_integer(q, first)) {
            /* A page number where a page object belongs: seen in the wild. */
            long long v = qpdf_oh_get_int_value(q, first);
            page = v >= 0 && v < w->pages ? (int)v : -1;
        }
        qpdf_oh_release(q, first);
    } else if (qpdf_oh_is_name(q, dest)) {
        qpdf_oh v = dict_get(q, w->dests, qpdf_oh_get_name(q, dest));
        page = dest_page(w, v, depth + 1);
        qpdf_oh_release(q, v);
    } else if (qpdf_oh_is_string(q, dest)) {
        size_t len = 0;
        const char *key = qpdf_oh_get_binary_string_value(q, dest, &len);
        if (key)
            page = name_tree_page(w, key, len);
    } else if (qpdf_oh_is_dictionary(q, dest)) {
        qpdf_oh d = dict_get(q, dest, "/D");
        page = dest_page(w, d, depth + 1);
        qpdf_oh_release(q, d);
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
    if (t && qpdf_oh_is_string(q, t)) {
        size_t len = 0;
        const char *s = qpdf_oh_get_binary_utf8_value(q, t, &len);
        o->title = title_tidy(s ? s : "", s ? len : 0);
    } else {
        o->title = xstrdup("");
    }
    qpdf_oh_release(q, t);

    o->page = -1;
    qpdf_oh dest = dict_get(q, item, "/Dest");
    if (dest) {
        o->page = dest_page(w, dest, 0);
    } else {
        qpdf_oh a = dict_get(q, item, "/A");
        qpdf_oh s = dict_get(q, a, "/S");
        if (s && qpdf_oh_is_name_and_equals(q, s, "/GoTo")) {
            qpdf_oh d = dict_get(q, a, "/D");
            o->page = dest_page(w, d, 0);
            qpdf_oh_release(q, d);
        }
        qpdf_oh_release(q, s);
        qpdf_oh_release(q, a);
    }
    qpdf_oh_release(q, dest);
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
    qpdf_oh cur = first ? qpdf_oh_new_object(q, first) : 0;
    while (cur != 0 && qpdf_oh_is_dictionary(q, cur) && w->visits < CP_PDF_MAX_OUTLINE &&
           !seen_before(w, qpdf_oh_get_object_id(q, cur))) {
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
        qpdf_oh_release(q, kid);
        qpdf_oh next = dict_get(q, cur, "/Next");
        qpdf_oh_release(q, cur);
        cur = next;
    }
    qpdf_oh_release(q, cur);
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

    qpdf_oh root = qpdf_get_root(q);
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
        qpdf_oh_release(q, tree);
        qpdf_oh_release(q, names);
        outline_level(w, first, out, n, 0);
    }
    qpdf_oh_release(q, first);
    qpdf_oh_release(q, outlines);
    qpdf_oh_release(q, root);
    qpdf_oh_release(q, w->dests);
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
