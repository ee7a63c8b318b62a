/* maxsize.c: the ladder of levels and the search over it (see maxsize.h).
 *
 * Every picture is decoded once and encoded for every level still in play
 * (a window of the ladder). Pictures finish in any order on two threads but
 * are counted in a fixed order, and the window only changes while counting,
 * so the chosen level never depends on timing: same input, same PDF. A
 * picture started earlier was started with a window at least as wide as
 * the one it is counted under, so it always has what is counted.
 */
#include "config.h"
#include "maxsize.h"
#include "chat.h"
#include "downsample.h"
#include "reread.h"
#include "util.h"

#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

typedef struct ladder_step {
    int dpi, q;            /* photos */
    int text;              /* pictures of text: 0 as they are, 1 JPEG at their own
                            * size, 2 scaled */
    int tdpi, tq;
} ladder_step;

/* Photos give first; text is re-encoded only when photos at 100 dpi do not
 * make room, and scaled only when photos at 50 dpi do not. */
static const ladder_step ladder[] = {
    { 200, 85, 0, 0, 0 },
    { 200, 75, 0, 0, 0 },
    { 150, 75, 0, 0, 0 },
    { 150, 65, 0, 0, 0 },
    { 120, 65, 0, 0, 0 },
    { 100, 60, 0, 0, 0 },
    { 200, 75, 1, 0, 85 },
    { 150, 75, 1, 0, 85 },
    { 150, 65, 1, 0, 85 },
    { 150, 65, 1, 0, 75 },
    { 120, 65, 1, 0, 75 },
    { 100, 60, 1, 0, 75 },
    { 100, 50, 1, 0, 75 },
    { 72, 50, 1, 0, 75 },
    { 72, 40, 1, 0, 75 },
    { 50, 40, 1, 0, 75 },
    { 50, 40, 2, 200, 80 },
    { 50, 40, 2, 150, 75 },
    { 50, 40, 2, 120, 70 },
    { 50, 40, 2, 100, 65 },
    { 50, 40, 2, 72, 60 },
    { 50, 40, 2, 50, 50 },
};
#define N_LEVELS ((int)CP_ARRAY_LEN(ladder))

int
cp_maxsize_levels(void)
{
    return N_LEVELS;
}

/* What a picture becomes at a level: kept, or encoded w x h at q. */
typedef struct key {
    bool keep;
    int w, h, q;
    bool sharp;
} key;

static key
level_key(const cp_maxsize_pic *p, int l)
{
    const ladder_step *lv = &ladder[l];
    key k = { false, p->info->width, p->info->height, 0, p->sharp };
    if (p->sharp) {
        if (lv->text == 0) {
            k.keep = true;
            return k;
        }
        k.q = lv->tq;
        if (lv->text == 2)
            cp_downsample_size(p->info->width, p->info->height, p->info->orientation, p->box_w,
                               p->box_h, lv->tdpi, &k.w, &k.h);
        return k;
    }
    k.q = lv->q;
    cp_downsample_size(p->info->width, p->info->height, p->info->orientation, p->box_w, p->box_h,
                       lv->dpi, &k.w, &k.h);
    /* Small enough already: stays as it is while the quality is decent. */
    if (k.w == p->info->width && k.h == p->info->height && lv->q >= 65)
        k.keep = true;
    return k;
}

static bool
key_eq(const key *a, const key *b)
{
    return a->keep == b->keep && a->w == b->w && a->h == b->h && a->q == b->q &&
           a->sharp == b->sharp;
}

typedef struct cand {
    key k;
    unsigned char *data;
    size_t size;
    enum cp_colorspace cs;
} cand;

typedef struct pic_state {
    cand *c;
    size_t n;
    bool done;
    cp_diags diags;
    int rc;
} pic_state;

typedef struct shrink {
    cp_maxsize_pic *pics;
    size_t n;
    pic_state *ps;
    size_t *order;              /* the order pictures are started and counted in */
    size_t next, counted;
    int top, bottom;            /* the window of levels still in play */
    long long budget;
    long long exact[N_LEVELS];  /* kept pictures + counted encodings */
    double bytes[N_LEVELS][2], pixels[N_LEVELS][2];   /* counted encodings, by class */
    double pending[N_LEVELS][2];                       /* pixels still to encode */
    bool failed;                /* a picture did not decode */
    bool stuck;                 /* the window is one level that cannot fit: stop, and
                                 * go on below it */
    pthread_mutex_t mu;
} shrink;

static const cand *
find_cand(const pic_state *ps, const key *k)
{
    for (size_t i = 0; i < ps->n; i++)
        if (key_eq(&ps->c[i].k, k))
            return &ps->c[i];
    return NULL;
}

/* Bytes of picture i at level l, once encoded; an encoding at the
 * picture's own size that came out larger than the file is not used. */
static size_t
size_at(const shrink *s, size_t i, int l, const cand **used)
{
    const cp_maxsize_pic *p = &s->pics[i];
    key k = level_key(p, l);
    *used = NULL;
    if (k.keep)
        return p->kept_size;
    const cand *c = find_cand(&s->ps[i], &k);
    if (c == NULL)
        return p->kept_size;   /* not reached: counted pictures have their keys */
    if (k.w == p->info->width && k.h == p->info->height && c->size >= p->kept_size)
        return p->kept_size;
    *used = c;
    return c->size;
}

/* The expected total at level l, or -1 while a class with pixels still to
 * encode has no counted encoding to go by. */
static double
predict(const shrink *s, int l)
{
    double t = (double)s->exact[l];
    for (int c = 0; c < 2; c++) {
        if (s->pending[l][c] <= 0)
            continue;
        if (s->pixels[l][c] <= 0)
            return -1;
        t += s->pending[l][c] * s->bytes[l][c] / s->pixels[l][c];
    }
    return t;
}

/* Called with the lock held, after each count. */
static void
narrow(shrink *s)
{
    /* Levels that cannot fit (for sure, or most likely: the expectation
     * gets firmer with each picture counted) go from the top; the last
     * level of the ladder stays, for the failure message. */
    double tolerance = 1 + 0.2 / (double)(s->counted ? s->counted : 1);
    while (s->top < s->bottom) {
        double p = predict(s, s->top);
        if (s->exact[s->top] > s->budget || (p >= 0 && p > s->budget * tolerance))
            s->top++;
        else
            break;
    }
    if (s->top == s->bottom && s->bottom < N_LEVELS - 1 && s->exact[s->top] > s->budget)
        s->stuck = true;
    /* Below a level that is expected to fit with room to spare, nothing
     * more is needed (if it fails after all, a second pass goes on). */
    for (int l = s->top; l < s->bottom; l++) {
        double p = predict(s, l);
        if (p >= 0 && p <= s->budget * 0.92) {
            s->bottom = l;
            break;
        }
    }
}

/* Count picture i under the current window; drop what no level in the
 * window needs any more. Lock held. */
static void
count(shrink *s, size_t i)
{
    const cp_maxsize_pic *p = &s->pics[i];
    for (int l = s->top; l <= s->bottom; l++) {
        key k = level_key(p, l);
        if (k.keep)
            continue;
        const cand *used;
        size_t n = size_at(s, i, l, &used);
        const cand *c = find_cand(&s->ps[i], &k);
        s->exact[l] += (long long)n;
        s->pending[l][p->sharp] -= (double)k.w * k.h;
        if (c) {
            s->bytes[l][p->sharp] += (double)c->size;
            s->pixels[l][p->sharp] += (double)k.w * k.h;
        }
    }
}

static void
prune(shrink *s)
{
    for (size_t o = 0; o < s->counted; o++) {
        size_t i = s->order[o];
        pic_state *ps = &s->ps[i];
        for (size_t j = 0; j < ps->n; j++) {
            if (ps->c[j].data == NULL)
                continue;
            bool needed = false;
            for (int l = s->top; l <= s->bottom && !needed; l++) {
                key k = level_key(&s->pics[i], l);
                needed = key_eq(&k, &ps->c[j].k);
            }
            if (!needed) {
                free(ps->c[j].data);
                ps->c[j].data = NULL;
                ps->c[j].size = 0;
            }
        }
    }
}

/* One picture decoded into every target. Its bytes must still be the ones
 * the index (or a chat's check) hashed, as imagestore.c requires of what it
 * embeds (reread.h): a picture inside a chat's .zip is read from it here, a
 * file by cp_downsample. */
static int
decode(const cp_maxsize_pic *p, int w, int h, cp_ds_target *t, size_t nt, cp_diags *d)
{
    cp_reread_want want = { p->member ? NULL : p->stamp, p->sum, p->sha256 };
    if (p->member == NULL)
        return cp_downsample(p->path, &want, p->display, p->info, w, h, t, nt, d);
    char *buf;
    size_t len;
    if (cp_chat_pic_read(&buf, &len, p->path, p->member, p->display, d) < 0)
        return -1;
    int rc = -1;
    if (cp_reread_check(&want, buf, len, NULL, NULL, p->display, d) == 0)
        rc = cp_downsample_buf((const unsigned char *)buf, len, p->display, p->info, w, h, t,
                               nt, d);
    free(buf);
    return rc;
}

static void *
worker(void *arg)
{
    shrink *s = arg;
    pthread_mutex_lock(&s->mu);
    while (s->next < s->n && !s->failed && !s->stuck) {
        size_t i = s->order[s->next++];
        int top = s->top, bottom = s->bottom;
        pthread_mutex_unlock(&s->mu);

        const cp_maxsize_pic *p = &s->pics[i];
        pic_state *ps = &s->ps[i];
        cp_ds_target *t = xcalloc((size_t)(bottom - top + 1), sizeof *t);
        key *keys = xcalloc((size_t)(bottom - top + 1), sizeof *keys);
        size_t nt = 0;
        for (int l = top; l <= bottom; l++) {
            key k = level_key(p, l);
            if (k.keep)
                continue;
            size_t j;
            for (j = 0; j < nt && !key_eq(&keys[j], &k); j++)
                ;
            if (j < nt)
                continue;
            keys[nt] = k;
            t[nt].width = k.w;
            t[nt].height = k.h;
            t[nt].quality = k.q;
            t[nt].sharp = k.sharp;
            nt++;
        }
        /* Decoded at the size of the best level, whatever the window: the
         * same pixels for a level whichever other levels are made with it. */
        key best = level_key(p, 0);
        if (p->sharp)
            best.w = best.h = 0;
        int rc = nt ? decode(p, best.w, best.h, t, nt, &ps->diags) : 0;
        ps->c = xcalloc(nt ? nt : 1, sizeof *ps->c);
        for (size_t j = 0; rc == 0 && j < nt; j++) {
            ps->c[j].k = keys[j];
            ps->c[j].data = t[j].data;
            ps->c[j].size = t[j].size;
            ps->c[j].cs = t[j].cs;
        }
        ps->n = rc == 0 ? nt : 0;
        ps->rc = rc;
        free(t);
        free(keys);

        pthread_mutex_lock(&s->mu);
        ps->done = true;
        if (rc < 0)
            s->failed = true;
        while (!s->failed && !s->stuck && s->counted < s->n && s->ps[s->order[s->counted]].done) {
            count(s, s->order[s->counted]);
            s->counted++;
            narrow(s);
            prune(s);
        }
    }
    pthread_mutex_unlock(&s->mu);
    return NULL;
}

/* Pictures of text and photos interleaved evenly, so that both kinds are
 * counted early and the expectations have something to go by. */
static void
make_order(shrink *s)
{
    size_t nc[2] = { 0, 0 }, seen[2] = { 0, 0 };
    double *pos = xcalloc(s->n ? s->n : 1, sizeof *pos);
    for (size_t i = 0; i < s->n; i++)
        nc[s->pics[i].sharp]++;
    for (size_t i = 0; i < s->n; i++) {
        int c = s->pics[i].sharp;
        s->order[i] = i;
        /* The first of each kind goes first: expectations start after two. */
        pos[i] = seen[c] == 0 ? 0 : ((double)seen[c] + 0.5) / (double)nc[c];
        seen[c]++;
    }
    /* insertion sort: stable, n is at most a thousand */
    for (size_t i = 1; i < s->n; i++) {
        size_t v = s->order[i];
        size_t j = i;
        while (j > 0 && pos[s->order[j - 1]] > pos[v]) {
            s->order[j] = s->order[j - 1];
            j--;
        }
        s->order[j] = v;
    }
    free(pos);
}

static void
free_cands(shrink *s)
{
    for (size_t i = 0; i < s->n; i++) {
        for (size_t j = 0; j < s->ps[i].n; j++)
            free(s->ps[i].c[j].data);
        free(s->ps[i].c);
        cp_diags_free(&s->ps[i].diags);
    }
}

void
cp_maxsize_clear(cp_maxsize_pic *pics, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free(pics[i].data);
        pics[i].data = NULL;
        pics[i].size = 0;
        pics[i].dpi = pics[i].quality = 0;
    }
}

/* Take level l's encodings into the pictures. */
static void
take(shrink *s, int l)
{
    for (size_t i = 0; i < s->n; i++) {
        cp_maxsize_pic *p = &s->pics[i];
        const cand *c;
        size_at(s, i, l, &c);
        if (c == NULL)
            continue;
        cand *m = (cand *)c;
        p->data = m->data;
        p->size = m->size;
        m->data = NULL;
        p->reduced = *p->info;
        p->reduced.width = m->k.w;
        p->reduced.height = m->k.h;
        p->reduced.cs = m->cs;
        p->reduced.bits = 8;
        p->reduced.is_jpeg = 1;
        p->reduced.adobe_inverted = 0;
        p->reduced.progressive = 0;
        p->reduced.arithmetic = 0;
        p->reduced.data = NULL;
        p->reduced.alpha = NULL;
        p->reduced.alpha_size = 0;
        p->reduced.size = m->size;
        p->quality = m->k.q;
        /* Pixels per inch along the printed width. */
        double across = p->info->orientation >= 5 ? p->box_h : p->box_w;
        p->dpi = across > 0 ? (int)lround(m->k.w * 72.0 / across) : 0;
    }
}

int
cp_maxsize_shrink(cp_maxsize_pic *pics, size_t n, long long budget, int first_level,
                  int *level, long long *smallest, cp_diags *diags)
{
    shrink s;
    memset(&s, 0, sizeof s);
    s.pics = pics;
    s.n = n;
    s.budget = budget;
    s.top = first_level < N_LEVELS - 1 ? first_level : N_LEVELS - 1;
    s.bottom = N_LEVELS - 1;
    s.ps = xcalloc(n ? n : 1, sizeof *s.ps);
    s.order = xcalloc(n ? n : 1, sizeof *s.order);
    for (size_t i = 0; i < n; i++)
        s.ps[i].diags = (cp_diags)CP_DIAGS_INIT;
    cp_maxsize_clear(pics, n);
    make_order(&s);
    for (int l = 0; l < N_LEVELS; l++)
        for (size_t i = 0; i < n; i++) {
            key k = level_key(&pics[i], l);
            if (k.keep)
                s.exact[l] += (long long)pics[i].kept_size;
            else
                s.pending[l][pics[i].sharp] += (double)k.w * k.h;
        }
    narrow(&s);
    pthread_mutex_init(&s.mu, NULL);
    pthread_t th;
    bool two = n > 1 && pthread_create(&th, NULL, worker, &s) == 0;
    worker(&s);
    if (two)
        pthread_join(th, NULL);
    pthread_mutex_destroy(&s.mu);

    int rc = -1;
    for (size_t i = 0; i < n; i++)
        for (size_t k = 0; k < s.ps[i].diags.count; k++) {
            const cp_diag *d = &s.ps[i].diags.items[k];
            if (d->severity == CP_ERROR)
                cp_error(diags, d->status, d->file, d->line, d->col, "%s", d->message);
            else
                cp_warning(diags, d->file, d->line, d->col, "%s", d->message);
        }
    if (s.failed)
        goto cleanup;
    int found = -1;
    for (int l = s.top; l <= s.bottom && found < 0 && !s.stuck; l++)
        if (s.exact[l] <= budget)
            found = l;
    if (found >= 0) {
        take(&s, found);
        *level = found;
        rc = 0;
    } else if (s.bottom < N_LEVELS - 1) {
        /* The expectation was wrong: go on below where it stopped. */
        int next = s.bottom + 1;
        free_cands(&s);
        free(s.ps);
        free(s.order);
        return cp_maxsize_shrink(pics, n, budget, next, level, smallest, diags);
    } else {
        *smallest = s.exact[N_LEVELS - 1];
        *level = N_LEVELS - 1;
        take(&s, N_LEVELS - 1);
        rc = 1;
    }
cleanup:
    free_cands(&s);
    free(s.ps);
    free(s.order);
    return rc;
}
