/* assemble.c: the final PDF, put together with libqpdf (see assemble.h). */
#include "config.h"
#include "assemble.h"
#include "qpdfdoc.h"
#include "unicode.h"
#include "util.h"

#include <nettle/sha2.h>

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/stat.h>
#include <unistd.h>

typedef struct asm_state {
    const cp_asm_plan *plan;
    cp_diags *diags;
    qpdf_data out, gen;
    qpdf_oh *image_objs;       /* each picture's placeholder in out, 0 = none yet */
    bool *placed;
    char nonce[17];            /* marks the placeholders (hex) */
    char id[33];               /* the file identifier (hex) */
    qpdf_oh *pages;            /* the output's page objects, in order */
    int next_name;             /* for unique resource names */
} asm_state;

/* Move qpdf's pending error (if any) into a diagnostic. Returns -1 when
 * there was one. */
static int
take_error(qpdf_data q, cp_diags *d, enum cp_status status, const char *what)
{
    if (!qp.qpdf_has_error(q))
        return 0;
    qpdf_error e = qp.qpdf_get_error(q);
    const char *file = qp.qpdf_get_error_filename(q, e);
    const char *detail = qp.qpdf_get_error_message_detail(q, e);
    cp_error(d, status, file && *file ? file : NULL, 0, 0, "%s: %s", what,
             detail && *detail ? detail : qp.qpdf_get_error_full_text(q, e));
    return -1;
}

/* qpdf could not write the output: the message names the output, not the
 * temporary file qpdf was writing. */
static void
write_error(qpdf_data q, const char *target, cp_diags *d)
{
    qpdf_error e = qp.qpdf_get_error(q);
    const char *detail = e ? qp.qpdf_get_error_message_detail(q, e) : NULL;
    if ((detail == NULL || *detail == '\0') && e)
        detail = qp.qpdf_get_error_full_text(q, e);
    cp_error(d, CP_OUTPUT, target, 0, 0, "cannot write%s: %s",
             target ? "" : " to standard output", detail ? detail : "unknown error");
}

/* qpdf's warnings (damaged data in an imported PDF) as ours. */
static void
take_warnings(qpdf_data q, cp_diags *d)
{
    while (qp.qpdf_more_warnings(q)) {
        qpdf_error w = qp.qpdf_next_warning(q);
        const char *file = qp.qpdf_get_error_filename(q, w);
        const char *detail = qp.qpdf_get_error_message_detail(q, w);
        cp_warning(d, file && *file ? file : NULL, 0, 0, "damaged PDF data, copied as it is: %s",
                   detail && *detail ? detail : qp.qpdf_get_error_full_text(q, w));
    }
}

/* A new direct dictionary with the entries of `d` (none if `d` is not a
 * dictionary), to change without changing what else shares `d`. */
static qpdf_oh
dict_copy(qpdf_data q, qpdf_oh d)
{
    qpdf_oh copy = qp.qpdf_oh_new_dictionary(q);
    if (qp.qpdf_oh_is_dictionary(q, d)) {
        qp.qpdf_oh_begin_dict_key_iter(q, d);
        while (qp.qpdf_oh_dict_more_keys(q)) {
            const char *key = qp.qpdf_oh_dict_next_key(q);
            qp.qpdf_oh_replace_key(q, copy, key, qp.qpdf_oh_get_key(q, d, key));
        }
    }
    return copy;
}

/* The /Resources dictionary of a page of `q`, made the page's own direct
 * dictionary so that changing it cannot change another page. */
static qpdf_oh
own_resources(qpdf_data q, qpdf_oh page)
{
    qpdf_oh copy = dict_copy(q, qp.qpdf_oh_get_key(q, page, "/Resources"));
    qp.qpdf_oh_replace_key(q, page, "/Resources", copy);
    return copy;
}

/* Add `obj` to the page's /XObject resources under a fresh name; returns
 * the name (static buffer, "/CpN"). */
static const char *
add_xobject(asm_state *st, qpdf_oh page, qpdf_oh obj)
{
    static char name[32];
    qpdf_data q = st->out;
    qpdf_oh res = own_resources(q, page);
    qpdf_oh xo = dict_copy(q, qp.qpdf_oh_get_key(q, res, "/XObject"));
    do
        snprintf(name, sizeof name, "/Cp%d", st->next_name++);
    while (qp.qpdf_oh_has_key(q, xo, name));
    qp.qpdf_oh_replace_key(q, xo, name, obj);
    qp.qpdf_oh_replace_key(q, res, "/XObject", xo);
    return name;
}

static qpdf_oh
new_content_stream(qpdf_data q, const char *text)
{
    qpdf_oh s = qp.qpdf_oh_new_stream(q);
    qp.qpdf_oh_replace_stream_data(q, s, (const unsigned char *)text, strlen(text),
                                qp.qpdf_oh_new_null(q), qp.qpdf_oh_new_null(q));
    return s;
}

/* Put streams before and after the page's existing content. */
static void
wrap_contents(qpdf_data q, qpdf_oh page, qpdf_oh before, qpdf_oh after)
{
    qpdf_oh old = qp.qpdf_oh_get_key(q, page, "/Contents");
    qpdf_oh arr = qp.qpdf_oh_new_array(q);
    if (before)
        qp.qpdf_oh_append_item(q, arr, before);
    if (qp.qpdf_oh_is_array(q, old)) {
        int n = qp.qpdf_oh_get_array_n_items(q, old);
        for (int i = 0; i < n; i++)
            qp.qpdf_oh_append_item(q, arr, qp.qpdf_oh_get_array_item(q, old, i));
    } else if (qp.qpdf_oh_is_stream(q, old)) {
        qp.qpdf_oh_append_item(q, arr, old);
    }
    if (after)
        qp.qpdf_oh_append_item(q, arr, after);
    qp.qpdf_oh_replace_key(q, page, "/Contents", arr);
}

/* The matrix that draws the stored picture upright in the box (x, y, w, h):
 * EXIF orientation 1..8. Each row maps the unit square onto the box so that
 * the stored picture's first row ends up where the tag says the top is: the
 * unit square's corner (0,0) goes to the box corner the stored pixel (0,
 * height) belongs to once the picture is upright. */
static void
orientation_matrix(int o, double x, double y, double w, double h, double m[6])
{
    double t[8][6] = {
        { w, 0, 0, h, x, y },              /* 1 */
        { -w, 0, 0, h, x + w, y },         /* 2 mirrored */
        { -w, 0, 0, -h, x + w, y + h },    /* 3 turned 180 */
        { w, 0, 0, -h, x, y + h },         /* 4 mirrored vertically */
        { 0, -h, -w, 0, x + w, y + h },    /* 5 transposed */
        { 0, -h, w, 0, x, y + h },         /* 6 turned 90 clockwise */
        { 0, h, w, 0, x, y },              /* 7 transversed */
        { 0, h, -w, 0, x + w, y },         /* 8 turned 90 anticlockwise */
    };
    if (o < 1 || o > 8)
        o = 1;
    memcpy(m, t[o - 1], sizeof t[0]);
}

static void
fmt_num(char *buf, size_t n, double v)
{
    if (fabs(v) < 0.00005)
        v = 0;
    snprintf(buf, n, "%.4f", v);
    /* trim trailing zeros: smaller and the same bytes every time */
    char *dot = strchr(buf, '.');
    if (dot) {
        char *end = buf + strlen(buf) - 1;
        while (end > dot && *end == '0')
            *end-- = '\0';
        if (end == dot)
            *end = '\0';
    }
}

static char *
matrix_op(const double m[6])
{
    char s[6][32];
    for (int i = 0; i < 6; i++)
        fmt_num(s[i], sizeof s[i], m[i]);
    return xasprintf("%s %s %s %s %s %s cm", s[0], s[1], s[2], s[3], s[4], s[5]);
}

/* A one-pixel image standing in for picture i until imagestore.c appends
 * the picture under its object number (see assemble.h). */
static qpdf_oh
image_placeholder(asm_state *st, int i)
{
    qpdf_data q = st->out;
    if (st->image_objs[i])
        return st->image_objs[i];
    static const unsigned char white = 0xff;
    qpdf_oh img = qp.qpdf_oh_new_stream(q);
    qp.qpdf_oh_replace_stream_data(q, img, &white, 1, qp.qpdf_oh_new_null(q),
                                   qp.qpdf_oh_new_null(q));
    qpdf_oh d = qp.qpdf_oh_get_dict(q, img);
    qp.qpdf_oh_replace_key(q, d, "/Type", qp.qpdf_oh_new_name(q, "/XObject"));
    qp.qpdf_oh_replace_key(q, d, "/Subtype", qp.qpdf_oh_new_name(q, "/Image"));
    qp.qpdf_oh_replace_key(q, d, "/Width", qp.qpdf_oh_new_integer(q, 1));
    qp.qpdf_oh_replace_key(q, d, "/Height", qp.qpdf_oh_new_integer(q, 1));
    qp.qpdf_oh_replace_key(q, d, "/ColorSpace", qp.qpdf_oh_new_name(q, "/DeviceGray"));
    qp.qpdf_oh_replace_key(q, d, "/BitsPerComponent", qp.qpdf_oh_new_integer(q, 8));
    char *mark = xasprintf("%s-%d", st->nonce, i);
    qp.qpdf_oh_replace_key(q, d, "/CpSlot", qp.qpdf_oh_new_string(q, mark));
    free(mark);
    st->image_objs[i] = img;
    st->placed[i] = true;
    return img;
}

static int
draw_image(asm_state *st, int image, double x, double y, double w, double h, qpdf_oh page)
{
    qpdf_data q = st->out;
    const cp_asm_image *im = &st->plan->images[image];
    const char *name = add_xobject(st, page, image_placeholder(st, image));
    double m[6];
    orientation_matrix(im->info->orientation, x, y, w, h, m);
    char *cm = matrix_op(m);
    char *ops = xasprintf("q %s %s Do Q\n", cm, name);
    wrap_contents(q, page, new_content_stream(q, ops), 0);
    free(ops);
    free(cm);
    return 0;
}

static double
box_value(qpdf_data q, qpdf_oh box, int i)
{
    return qp.qpdf_oh_get_numeric_value(q, qp.qpdf_oh_get_array_item(q, box, i));
}

/* Lay the typeset overlay (a page of the generated PDF, made at the visible
 * size of the imported page) over an imported page, whatever its /Rotate and
 * box origin. */
/* Copy an object of `src` into `q`: qpdf copies only indirect objects
 * across documents, so direct dictionaries and arrays are rebuilt here and
 * their indirect members copied. */
static qpdf_oh
copy_any(qpdf_data q, qpdf_data src, qpdf_oh oh, int depth)
{
    if (qp.qpdf_oh_is_indirect(src, oh))
        return qp.qpdf_oh_copy_foreign_object(q, src, oh);
    if (depth > 32)
        return qp.qpdf_oh_new_null(q);
    if (qp.qpdf_oh_is_dictionary(src, oh)) {
        qpdf_oh d = qp.qpdf_oh_new_dictionary(q);
        qp.qpdf_oh_begin_dict_key_iter(src, oh);
        /* The iterator is per document, so collect the keys first. */
        size_t n = 0, cap = 8;
        char **keys = xcalloc(cap, sizeof *keys);
        while (qp.qpdf_oh_dict_more_keys(src)) {
            if (n == cap) {
                cap *= 2;
                keys = xreallocarray(keys, cap, sizeof *keys);
            }
            keys[n++] = xstrdup(qp.qpdf_oh_dict_next_key(src));
        }
        for (size_t i = 0; i < n; i++) {
            qp.qpdf_oh_replace_key(q, d, keys[i],
                                copy_any(q, src, qp.qpdf_oh_get_key(src, oh, keys[i]), depth + 1));
            free(keys[i]);
        }
        free(keys);
        return d;
    }
    if (qp.qpdf_oh_is_array(src, oh)) {
        qpdf_oh a = qp.qpdf_oh_new_array(q);
        int n = qp.qpdf_oh_get_array_n_items(src, oh);
        for (int i = 0; i < n; i++)
            qp.qpdf_oh_append_item(q, a, copy_any(q, src, qp.qpdf_oh_get_array_item(src, oh, i),
                                               depth + 1));
        return a;
    }
    return qp.qpdf_oh_parse(q, qp.qpdf_oh_unparse(src, oh));
}

/* r = a then b, in PDF's row-vector convention. */
static void
matrix_mul(const double a[6], const double b[6], double r[6])
{
    double t[6] = {
        a[0] * b[0] + a[1] * b[2], a[0] * b[1] + a[1] * b[3],
        a[2] * b[0] + a[3] * b[2], a[2] * b[1] + a[3] * b[3],
        a[4] * b[0] + a[5] * b[2] + b[4], a[4] * b[1] + a[5] * b[3] + b[5],
    };
    memcpy(r, t, sizeof t);
}

static void
matrix_invert(const double m[6], double r[6])
{
    double det = m[0] * m[3] - m[1] * m[2];
    if (fabs(det) < 1e-12)
        det = 1;
    r[0] = m[3] / det;
    r[1] = -m[1] / det;
    r[2] = -m[2] / det;
    r[3] = m[0] / det;
    r[4] = -(m[4] * r[0] + m[5] * r[2]);
    r[5] = -(m[4] * r[1] + m[5] * r[3]);
}

static int
add_overlay(asm_state *st, qpdf_oh gen_page, qpdf_oh page, double strip)
{
    qpdf_data q = st->out;
    unsigned char *data = NULL;
    size_t len = 0;
    if (qp.qpdf_oh_get_page_content_data(st->gen, gen_page, &data, &len) & QPDF_ERRORS)
        return take_error(st->gen, st->diags, CP_INPUT, "typeset overlay");
    qpdf_oh form = qp.qpdf_oh_new_stream(q);
    qp.qpdf_oh_replace_stream_data(q, form, data, len, qp.qpdf_oh_new_null(q),
                                   qp.qpdf_oh_new_null(q));
    free(data);
    qpdf_oh dict = qp.qpdf_oh_get_dict(q, form);
    qp.qpdf_oh_replace_key(q, dict, "/Type", qp.qpdf_oh_new_name(q, "/XObject"));
    qp.qpdf_oh_replace_key(q, dict, "/Subtype", qp.qpdf_oh_new_name(q, "/Form"));
    qpdf_oh gbox = qp.qpdf_oh_get_key(st->gen, gen_page, "/MediaBox");
    qp.qpdf_oh_replace_key(q, dict, "/BBox", copy_any(q, st->gen, gbox, 0));
    qpdf_oh gres = qp.qpdf_oh_get_key(st->gen, gen_page, "/Resources");
    qp.qpdf_oh_replace_key(q, dict, "/Resources", copy_any(q, st->gen, gres, 0));

    /* The visible area of the imported page and how it is turned. */
    qpdf_oh box = qp.qpdf_oh_get_key(q, page, "/CropBox");
    if (!qp.qpdf_oh_is_array(q, box) || qp.qpdf_oh_get_array_n_items(q, box) != 4)
        box = qp.qpdf_oh_get_key(q, page, "/MediaBox");
    double x0 = 0, y0 = 0, x1 = 612, y1 = 792;
    if (qp.qpdf_oh_is_array(q, box) && qp.qpdf_oh_get_array_n_items(q, box) == 4) {
        x0 = fmin(box_value(q, box, 0), box_value(q, box, 2));
        x1 = fmax(box_value(q, box, 0), box_value(q, box, 2));
        y0 = fmin(box_value(q, box, 1), box_value(q, box, 3));
        y1 = fmax(box_value(q, box, 1), box_value(q, box, 3));
    }
    double w = x1 - x0, h = y1 - y0;
    long long rot = 0;
    qpdf_oh r = qp.qpdf_oh_get_key(q, page, "/Rotate");
    if (qp.qpdf_oh_is_integer(q, r))
        rot = ((qp.qpdf_oh_get_int_value(q, r) % 360) + 360) % 360;
    double m[6] = { 1, 0, 0, 1, x0, y0 };
    if (rot == 90) {
        double t[6] = { 0, 1, -1, 0, x0 + w, y0 };
        memcpy(m, t, sizeof t);
    } else if (rot == 180) {
        double t[6] = { -1, 0, 0, -1, x0 + w, y0 + h };
        memcpy(m, t, sizeof t);
    } else if (rot == 270) {
        double t[6] = { 0, -1, 1, 0, x0, y0 + h };
        memcpy(m, t, sizeof t);
    }
    const char *name = add_xobject(st, page, form);
    char *cm = matrix_op(m);
    /* Scale the page's own content into the visible area above the strip:
     * user space -> visible (inverse of m), shrink, -> user space (m). */
    char *before = xstrdup("q\n");
    double vw = rot == 90 || rot == 270 ? h : w, vh = rot == 90 || rot == 270 ? w : h;
    if (strip > 0 && strip < vh / 2) {
        double k = (vh - strip) / vh;
        double s[6] = { k, 0, 0, k, vw * (1 - k) / 2, strip }, inv[6], t[6], c[6];
        matrix_invert(m, inv);
        matrix_mul(inv, s, t);
        matrix_mul(t, m, c);
        char *shrink = matrix_op(c);
        free(before);
        before = xasprintf("q %s\n", shrink);
        free(shrink);
    }
    char *after = xasprintf("\nQ q %s %s Do Q\n", cm, name);
    wrap_contents(q, page, new_content_stream(q, before), new_content_stream(q, after));
    free(before);
    free(after);
    free(cm);
    return 0;
}

static qpdf_oh
page_dest(qpdf_data q, qpdf_oh page)
{
    qpdf_oh d = qp.qpdf_oh_new_array(q);
    qp.qpdf_oh_append_item(q, d, page);
    qp.qpdf_oh_append_item(q, d, qp.qpdf_oh_new_name(q, "/XYZ"));
    qp.qpdf_oh_append_item(q, d, qp.qpdf_oh_new_null(q));
    qp.qpdf_oh_append_item(q, d, qp.qpdf_oh_new_null(q));
    qp.qpdf_oh_append_item(q, d, qp.qpdf_oh_new_null(q));
    return d;
}

static void
add_links(asm_state *st)
{
    qpdf_data q = st->out;
    const cp_asm_plan *p = st->plan;
    for (size_t i = 0; i < p->n_links; i++) {
        const cp_asm_link *l = &p->links[i];
        if (l->page < 0 || (size_t)l->page >= p->n_pages || l->target < 0 ||
            (size_t)l->target >= p->n_pages)
            continue;
        qpdf_oh page = st->pages[l->page];
        qpdf_oh a = qp.qpdf_oh_new_dictionary(q);
        qp.qpdf_oh_replace_key(q, a, "/Type", qp.qpdf_oh_new_name(q, "/Annot"));
        qp.qpdf_oh_replace_key(q, a, "/Subtype", qp.qpdf_oh_new_name(q, "/Link"));
        qpdf_oh rect = qp.qpdf_oh_new_array(q);
        double v[4] = { l->x0, l->y0, l->x1, l->y1 };
        for (int k = 0; k < 4; k++) {
            char buf[32];
            fmt_num(buf, sizeof buf, v[k]);
            qp.qpdf_oh_append_item(q, rect, qp.qpdf_oh_new_real_from_string(q, buf));
        }
        qp.qpdf_oh_replace_key(q, a, "/Rect", rect);
        qpdf_oh border = qp.qpdf_oh_new_array(q);
        for (int k = 0; k < 3; k++)
            qp.qpdf_oh_append_item(q, border, qp.qpdf_oh_new_integer(q, 0));
        qp.qpdf_oh_replace_key(q, a, "/Border", border);
        qp.qpdf_oh_replace_key(q, a, "/Dest", page_dest(q, st->pages[l->target]));
        qpdf_oh annot = qp.qpdf_make_indirect_object(q, a);
        qpdf_oh annots = qp.qpdf_oh_get_key(q, page, "/Annots");
        qpdf_oh list = qp.qpdf_oh_new_array(q);
        if (qp.qpdf_oh_is_array(q, annots)) {
            int n = qp.qpdf_oh_get_array_n_items(q, annots);
            for (int k = 0; k < n; k++)
                qp.qpdf_oh_append_item(q, list, qp.qpdf_oh_get_array_item(q, annots, k));
        }
        qp.qpdf_oh_append_item(q, list, annot);
        qp.qpdf_oh_replace_key(q, page, "/Annots", list);
    }
}

/* A text string of the document (a bookmark's title, the document
 * information) in NFC, as the pages' text is set (unicode.h): a name
 * written decomposed, as macOS writes it, is shown and searched as the
 * precomposed letters. */
static qpdf_oh
text_string(qpdf_data q, const char *s)
{
    char *nfc = cp_unicode_nfc(s, strlen(s));
    qpdf_oh h = qp.qpdf_oh_new_unicode_string(q, nfc);
    free(nfc);
    return h;
}

/* Bookmarks: a flat list with levels becomes the /Outlines tree. */
static void
add_outlines(asm_state *st)
{
    qpdf_data q = st->out;
    const cp_asm_plan *p = st->plan;
    if (p->n_outlines == 0)
        return;
    size_t n = p->n_outlines;
    qpdf_oh *item = xcalloc(n, sizeof *item);
    long *parent = xcalloc(n, sizeof *parent);     /* index, -1 = root */
    long *last_kid = xcalloc(n + 1, sizeof *last_kid); /* [n] = root */
    long *first_kid = xcalloc(n + 1, sizeof *first_kid);
    long *count = xcalloc(n + 1, sizeof *count);
    for (size_t i = 0; i <= n; i++)
        last_kid[i] = first_kid[i] = -1;

    qpdf_oh root_dict = qp.qpdf_make_indirect_object(q, qp.qpdf_oh_new_dictionary(q));
    qp.qpdf_oh_replace_key(q, root_dict, "/Type", qp.qpdf_oh_new_name(q, "/Outlines"));
    for (size_t i = 0; i < n; i++) {
        const cp_asm_outline *o = &p->outlines[i];
        item[i] = qp.qpdf_make_indirect_object(q, qp.qpdf_oh_new_dictionary(q));
        qp.qpdf_oh_replace_key(q, item[i], "/Title", text_string(q, o->title));
        int page = o->page;
        if (page < 0 || (size_t)page >= p->n_pages)
            page = 0;
        qp.qpdf_oh_replace_key(q, item[i], "/Dest", page_dest(q, st->pages[page]));
        /* parent: nearest earlier entry one level up */
        long par = -1;
        for (long j = (long)i - 1; j >= 0; j--)
            if (p->outlines[j].level < o->level) {
                par = j;
                break;
            }
        parent[i] = par;
        size_t pi = par < 0 ? n : (size_t)par;
        qp.qpdf_oh_replace_key(q, item[i], "/Parent", par < 0 ? root_dict : item[par]);
        if (last_kid[pi] >= 0) {
            qp.qpdf_oh_replace_key(q, item[last_kid[pi]], "/Next", item[i]);
            qp.qpdf_oh_replace_key(q, item[i], "/Prev", item[last_kid[pi]]);
        } else {
            first_kid[pi] = (long)i;
        }
        last_kid[pi] = (long)i;
        count[pi]++;
    }
    for (size_t i = 0; i <= n; i++) {
        if (first_kid[i] < 0)
            continue;
        qpdf_oh d = i == n ? root_dict : item[i];
        qp.qpdf_oh_replace_key(q, d, "/First", item[first_kid[i]]);
        qp.qpdf_oh_replace_key(q, d, "/Last", item[last_kid[i]]);
        /* Top level and exhibits open; deeper levels (an imported PDF's own
         * bookmarks) closed, shown as a negative count. */
        long c = count[i];
        bool open = i == n || p->outlines[i].level == 0;
        qp.qpdf_oh_replace_key(q, d, "/Count", qp.qpdf_oh_new_integer(q, open ? c : -c));
    }
    qpdf_oh root = qp.qpdf_get_root(q);
    qp.qpdf_oh_replace_key(q, root, "/Outlines", root_dict);
    qp.qpdf_oh_replace_key(q, root, "/PageMode", qp.qpdf_oh_new_name(q, "/UseOutlines"));
    free(item);
    free(parent);
    free(last_kid);
    free(first_kid);
    free(count);
}

static void
set_info(asm_state *st)
{
    qpdf_data q = st->out;
    const cp_asm_plan *p = st->plan;
    qpdf_oh info = qp.qpdf_make_indirect_object(q, qp.qpdf_oh_new_dictionary(q));
    struct { const char *key, *value; } kv[] = {
        { "/Title", p->title }, { "/Author", p->author }, { "/Subject", p->subject },
        { "/Keywords", p->keywords }, { "/Creator", p->creator },
        { "/Producer", "claimpack " PACKAGE_VERSION },
    };
    for (size_t i = 0; i < CP_ARRAY_LEN(kv); i++)
        if (kv[i].value && *kv[i].value)
            qp.qpdf_oh_replace_key(q, info, kv[i].key, text_string(q, kv[i].value));
    time_t t = (time_t)p->date_epoch;
    struct tm tm;
    gmtime_r(&t, &tm);
    char date[32];
    strftime(date, sizeof date, "D:%Y%m%d%H%M%SZ", &tm);
    qp.qpdf_oh_replace_key(q, info, "/CreationDate", qp.qpdf_oh_new_string(q, date));
    qp.qpdf_oh_replace_key(q, info, "/ModDate", qp.qpdf_oh_new_string(q, date));
    qp.qpdf_oh_replace_key(q, qp.qpdf_get_trailer(q), "/Info", info);
    qpdf_oh prefs = qp.qpdf_oh_new_dictionary(q);
    qp.qpdf_oh_replace_key(q, prefs, "/DisplayDocTitle", qp.qpdf_oh_new_bool(q, 1));
    qp.qpdf_oh_replace_key(q, qp.qpdf_get_root(q), "/ViewerPreferences", prefs);
}

/* libharu writes each font's /CIDToGIDMap for all 65536 code points
 * (128 KB a face, most of a letter's compression time). Our codes are
 * Unicode code points, and the used ones end early (U+20AC for the euro
 * sign in most letters): past the last glyph the map is zeros, and a code
 * beyond a shorter map means glyph 0 anyway, so the zeros go. */
static void
trim_cid_maps(qpdf_data q)
{
    int n = qp.qpdf_get_num_pages(q);
    int *seen = NULL;
    size_t n_seen = 0;
    for (int i = 0; i < n; i++) {
        qpdf_oh res = qp.qpdf_oh_get_key(q, qp.qpdf_get_page_n(q, (size_t)i), "/Resources");
        qpdf_oh fonts = qp.qpdf_oh_get_key(q, res, "/Font");
        if (!qp.qpdf_oh_is_dictionary(q, fonts))
            continue;
        qp.qpdf_oh_begin_dict_key_iter(q, fonts);
        while (qp.qpdf_oh_dict_more_keys(q)) {
            qpdf_oh font = qp.qpdf_oh_get_key(q, fonts, qp.qpdf_oh_dict_next_key(q));
            qpdf_oh kids = qp.qpdf_oh_get_key(q, font, "/DescendantFonts");
            if (!qp.qpdf_oh_is_array(q, kids) || qp.qpdf_oh_get_array_n_items(q, kids) < 1)
                continue;
            qpdf_oh map = qp.qpdf_oh_get_key(q, qp.qpdf_oh_get_array_item(q, kids, 0),
                                             "/CIDToGIDMap");
            if (!qp.qpdf_oh_is_stream(q, map))
                continue;
            int id = qp.qpdf_oh_get_object_id(q, map);
            bool done = false;
            for (size_t k = 0; k < n_seen && !done; k++)
                done = seen[k] == id;
            if (done)
                continue;
            seen = xreallocarray(seen, n_seen + 1, sizeof *seen);
            seen[n_seen++] = id;
            unsigned char *data = NULL;
            size_t len = 0;
            QPDF_BOOL filtered = QPDF_FALSE;
            if (qp.qpdf_oh_get_stream_data(q, map, qpdf_dl_generalized, &filtered, &data,
                                           &len) == 0 && data && filtered) {
                size_t used = len & ~(size_t)1;
                while (used >= 2 && data[used - 1] == 0 && data[used - 2] == 0)
                    used -= 2;
                if (used < 2)
                    used = 2;       /* an empty stream is legal, but keep one entry */
                qp.qpdf_oh_replace_stream_data(q, map, data, used, qp.qpdf_oh_new_null(q),
                                            qp.qpdf_oh_new_null(q));
            }
            free(data);
        }
    }
    free(seen);
}

static int
build_pages(asm_state *st)
{
    const cp_asm_plan *p = st->plan;
    int n_gen = qp.qpdf_get_num_pages(st->gen);
    if (n_gen < 0)
        return take_error(st->gen, st->diags, CP_INPUT, "typeset pages");
    st->pages = xcalloc(p->n_pages ? p->n_pages : 1, sizeof *st->pages);
    for (size_t i = 0; i < p->n_pages; i++) {
        const cp_asm_page *pg = &p->pages[i];
        qpdf_oh gen_page = 0;
        if (pg->gen_page < 0 || pg->gen_page >= n_gen) {
            cp_error(st->diags, CP_OUTPUT, NULL, 0, 0, "internal error: page %zu has no typeset page", i + 1);
            return -1;
        }
        gen_page = qp.qpdf_get_page_n(st->gen, (size_t)pg->gen_page);
        if (pg->kind == CP_ASM_IMPORTED) {
            qpdf_data src = cp_pdfdoc_qpdf(pg->doc);
            qpdf_oh sp = qp.qpdf_get_page_n(src, (size_t)pg->doc_page);
            if (qp.qpdf_add_page(st->out, src, sp, 0) & QPDF_ERRORS)
                return take_error(st->out, st->diags, CP_INPUT, "importing a PDF page");
        } else {
            if (qp.qpdf_add_page(st->out, st->gen, gen_page, 0) & QPDF_ERRORS)
                return take_error(st->out, st->diags, CP_OUTPUT, "adding a typeset page");
        }
        qpdf_oh page = qp.qpdf_get_page_n(st->out, i);
        st->pages[i] = page;
        int rc = 0;
        if (pg->kind == CP_ASM_IMAGE && (pg->image < 0 || (size_t)pg->image >= p->n_images)) {
            cp_error(st->diags, CP_OUTPUT, NULL, 0, 0, "internal error: page %zu has no picture", i + 1);
            return -1;
        }
        if (pg->kind == CP_ASM_IMAGE)
            rc = draw_image(st, pg->image, pg->x, pg->y, pg->w, pg->h, page);
        else if (pg->kind == CP_ASM_IMPORTED)
            rc = add_overlay(st, gen_page, page, pg->strip);
        for (size_t k = 0; rc == 0 && k < p->n_places; k++) {
            const cp_asm_place *pl = &p->places[k];
            if (pl->page != (int)i)
                continue;
            if (pl->image < 0 || (size_t)pl->image >= p->n_images) {
                cp_error(st->diags, CP_OUTPUT, NULL, 0, 0, "internal error: a picture on "
                         "page %zu is not in the plan", i + 1);
                return -1;
            }
            rc = draw_image(st, pl->image, pl->x, pl->y, pl->w, pl->h, page);
        }
        if (rc < 0 || take_error(st->out, st->diags, CP_INPUT, "assembling the pages") < 0)
            return -1;
    }
    return 0;
}

/* The file identifier (/ID). qpdf's deterministic ID is an MD5 of the
 * whole output: a second pass over hundreds of megabytes of photos. Ours is
 * as deterministic and costs nothing: the SHA-256 of the typeset pages,
 * which already carry the SHA-256 of every evidence file (the index). qpdf
 * is told to write its fixed placeholder, which is then overwritten in
 * place (same length, so no offset moves). The same digest gives the nonce
 * that marks the picture placeholders: evidence cannot contain it, since
 * the digest covers the evidence. */
static const char placeholder_id[] = "31415926535897932384626433832795";

static void
make_id(asm_state *st)
{
    struct sha256_ctx ctx;
    unsigned char d[SHA256_DIGEST_SIZE];
    sha256_init(&ctx);
    sha256_update(&ctx, st->plan->gen_len, st->plan->gen_pdf);
    if (st->plan->part > 0) {
        char k[24];
        int n = snprintf(k, sizeof k, "part %d", st->plan->part);
        sha256_update(&ctx, (size_t)n, (const uint8_t *)k);
    }
    sha256_digest(&ctx, sizeof d, d);
    for (int i = 0; i < 16; i++)
        snprintf(st->id + 2 * i, 3, "%02x", d[i]);
    for (int i = 0; i < 8; i++)
        snprintf(st->nonce + 2 * i, 3, "%02x", d[16 + i]);
}

static int
patch_id(const char *path, const char *hex)
{
    int fd = open(path, O_RDWR | O_CLOEXEC);
    if (fd < 0)
        return -1;
    off_t size = lseek(fd, 0, SEEK_END);
    off_t start = size > 65536 ? size - 65536 : 0;
    size_t n = (size_t)(size - start);
    char *buf = xmalloc(n + 1);
    int rc = -1;
    if (pread(fd, buf, n, start) == (ssize_t)n) {
        buf[n] = '\0';
        char pat[96];
        snprintf(pat, sizeof pat, "/ID [<%s><%s>]", placeholder_id, placeholder_id);
        char *hit = NULL;
        for (char *p = buf; (p = memmem(p, n - (size_t)(p - buf), pat, strlen(pat))) != NULL; p++)
            hit = p;
        if (hit) {
            memcpy(hit + 6, hex, 32);
            memcpy(hit + 6 + 34, hex, 32);
            if (pwrite(fd, hit, strlen(pat), start + (hit - buf)) == (ssize_t)strlen(pat))
                rc = 0;
        }
    }
    free(buf);
    if (close(fd) != 0)
        rc = -1;
    return rc;
}

int
cp_assemble(const cp_asm_plan *plan, cp_output *out, cp_diags *diags)
{
    asm_state st;
    memset(&st, 0, sizeof st);
    st.plan = plan;
    st.diags = diags;
    int rc = -1;
    const char *tmp = cp_output_temp(out), *target = cp_output_target(out);

    if (cp_qpdf_open(CP_OUTPUT, target, "write the PDF", diags) < 0)
        return -1;
    st.image_objs = xcalloc(plan->n_images ? plan->n_images : 1, sizeof *st.image_objs);
    st.placed = xcalloc(plan->n_images ? plan->n_images : 1, sizeof *st.placed);
    make_id(&st);
    st.gen = qp.qpdf_init();
    qp.qpdf_silence_errors(st.gen);
    if (qp.qpdf_read_memory(st.gen, "typeset pages", (const char *)plan->gen_pdf,
                         (unsigned long long)plan->gen_len, "") & QPDF_ERRORS) {
        take_error(st.gen, diags, CP_OUTPUT, "internal error reading the typeset pages");
        goto cleanup;
    }
    trim_cid_maps(st.gen);
    st.out = qp.qpdf_init();
    qp.qpdf_silence_errors(st.out);
    /* Damage in imported evidence shows up only while qpdf writes (stream
     * data is read then): it becomes our warnings, not qpdf's own lines. */
    qp.qpdf_set_suppress_warnings(st.out, QPDF_TRUE);
    if (qp.qpdf_empty_pdf(st.out) & QPDF_ERRORS) {
        take_error(st.out, diags, CP_OUTPUT, "internal error");
        goto cleanup;
    }
    if (build_pages(&st) < 0)
        goto cleanup;
    add_links(&st);
    add_outlines(&st);
    set_info(&st);
    if (take_error(st.out, diags, CP_OUTPUT, "assembling the PDF") < 0)
        goto cleanup;

    if (qp.qpdf_init_write(st.out, tmp) & QPDF_ERRORS) {
        write_error(st.out, target, diags);
        goto cleanup;
    }
    qp.qpdf_set_object_stream_mode(st.out, qpdf_o_generate);
    qp.qpdf_set_compress_streams(st.out, QPDF_TRUE);
    qp.qpdf_set_decode_level(st.out, qpdf_dl_none);
    qp.qpdf_set_static_ID(st.out, QPDF_TRUE);   /* replaced by patch_id */
    qp.qpdf_set_minimum_pdf_version(st.out, "1.5");
    int wrc = qp.qpdf_write(st.out);
    take_warnings(st.out, diags);
    if (wrc & QPDF_ERRORS) {
        write_error(st.out, target, diags);
        goto cleanup;
    }
    /* qpdf has read what it takes of the imported PDFs (assemble.h,
     * cp_asm_source); an exhibit's pages are one run. */
    for (size_t i = 0; i < plan->n_pages; i++) {
        const cp_asm_source *src = plan->pages[i].source;
        if (src && (i == 0 || plan->pages[i - 1].source != src) &&
            cp_reread_file(&src->want, src->path, src->display, diags) < 0)
            goto cleanup;
    }
    errno = 0;
    if (patch_id(tmp, st.id) < 0) {
        cp_error(diags, CP_OUTPUT, target, 0, 0, "cannot write%s: %s",
                 target ? "" : " to standard output", strerror(errno ? errno : EIO));
        goto cleanup;
    }
    if (plan->n_images > 0 &&
        cp_imagestore_append(tmp, target, plan->images, st.placed, plan->n_images, plan->prep,
                             st.nonce, st.id, diags) < 0)
        goto cleanup;
    rc = 0;
cleanup:
    if (st.out)
        qp.qpdf_cleanup(&st.out);
    if (st.gen)
        qp.qpdf_cleanup(&st.gen);
    free(st.image_objs);
    free(st.placed);
    free(st.pages);
    return rc;
}
