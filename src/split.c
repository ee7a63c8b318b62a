/* split.c: build --split: the parts planned from the pages' estimated
 * sizes, and each part's assembler plan cut from the whole one (split.h). */
#include "config.h"
#include "split.h"
#include "util.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* A typeset page (text, a caption, a footer) once compressed. */
#define TYPESET_PAGE_BYTES 4000
/* A picture's dictionary and the placeholder qpdf writes for it. */
#define IMAGE_BYTES 600

static long long
file_size(const char *path)
{
    struct stat st;
    return path && stat(path, &st) == 0 ? (long long)st.st_size : 0;
}

/* What imagestore.c copies of picture i: the reduced data, a chat's .zip
 * member, or the file. */
static long long
image_bytes(const cp_pack *pack, int i)
{
    if (i < 0 || (size_t)i >= pack->n_images)
        return 0;
    const cp_asm_image *im = &pack->images[i];
    if (im->data)
        return (long long)im->size + IMAGE_BYTES;
    if (im->member)
        return (long long)im->info->size + IMAGE_BYTES;
    return file_size(im->path) + IMAGE_BYTES;
}

long long
cp_split_page_bytes(const cp_pack *pack, size_t page)
{
    long long n = TYPESET_PAGE_BYTES;
    if (page >= pack->n_roles)
        return n;
    const cp_asm_page *r = &pack->roles[page];
    if (r->kind == CP_ASM_IMAGE)
        n += image_bytes(pack, r->image);
    else if (r->kind == CP_ASM_IMPORTED)
        n += cp_pdfdoc_page_bytes(r->doc, r->doc_page);
    for (size_t k = 0; k < pack->n_places; k++)
        if (pack->places[k].page == (int)page)
            n += image_bytes(pack, pack->places[k].image);
    return n;
}

static void
add_cut(cp_split_cut **v, size_t *n, int exhibit, int page)
{
    *v = xreallocarray(*v, *n + 1, sizeof **v);
    (*v)[*n].exhibit = exhibit;
    (*v)[*n].page = page;
    (*n)++;
}

size_t
cp_split_plan(cp_split_cut **out, const cp_pack *pack, long long budget)
{
    cp_split_cut *cuts = NULL;
    size_t n_cuts = 0;
    /* Part 1: the letter and the index, the pages before the first exhibit. */
    long long used = CP_SPLIT_PART_BYTES;
    int first = pack->n ? pack->items[0].first_page : (int)pack->n_roles;
    for (int pg = 0; pg < first; pg++)
        used += cp_split_page_bytes(pack, (size_t)pg);
    for (size_t i = 0; i < pack->n; i++) {
        const cp_exhibit *e = &pack->items[i];
        long long size = 0;
        for (int pg = 0; pg < e->n_pages; pg++)
            size += cp_split_page_bytes(pack, (size_t)(e->first_page + pg));
        if (used + size <= budget) {
            used += size;
            continue;
        }
        if (CP_SPLIT_PART_BYTES + size <= budget) {
            add_cut(&cuts, &n_cuts, (int)i, 0);
            used = CP_SPLIT_PART_BYTES + size;
            continue;
        }
        /* Larger than a part alone: by pages, from a part of its own. A
         * page that alone is too large gets a part too; build.c measures
         * it and says so. */
        for (int pg = 0; pg < e->n_pages; pg++) {
            long long b = cp_split_page_bytes(pack, (size_t)(e->first_page + pg));
            if (pg == 0 || used + b > budget) {
                add_cut(&cuts, &n_cuts, (int)i, pg);
                used = CP_SPLIT_PART_BYTES;
            }
            used += b;
        }
    }
    *out = cuts;
    return n_cuts + 1;
}

void
cp_split_firsts(int *firsts, const cp_split_cut *cuts, size_t n, const cp_pack *pack)
{
    firsts[0] = 0;
    for (size_t k = 1; k < n; k++) {
        const cp_split_cut *c = &cuts[k - 1];
        firsts[k] = pack->items[c->exhibit].first_page + c->page;
    }
}

void
cp_split_subplan(cp_asm_plan *out, const cp_asm_plan *whole, int first, int end, int part)
{
    *out = *whole;
    out->part = part;
    out->pages = whole->pages + first;
    out->n_pages = (size_t)(end - first);
    cp_asm_place *places = xcalloc(whole->n_places ? whole->n_places : 1, sizeof *places);
    size_t n = 0;
    for (size_t i = 0; i < whole->n_places; i++)
        if (whole->places[i].page >= first && whole->places[i].page < end) {
            places[n] = whole->places[i];
            places[n++].page -= first;
        }
    out->places = places;
    out->n_places = n;
    out->links = xcalloc(whole->n_links ? whole->n_links : 1, sizeof *out->links);
    n = 0;
    for (size_t i = 0; i < whole->n_links; i++) {
        cp_asm_link l = whole->links[i];
        if (l.page < first || l.page >= end || l.target < first || l.target >= end)
            continue;
        l.page -= first;
        l.target -= first;
        out->links[n++] = l;
    }
    out->n_links = n;
    out->outlines = xcalloc(whole->n_outlines + 1, sizeof *out->outlines);
    n = 0;
    /* A part that begins inside an exhibit (one larger than a part) gets
     * that exhibit's bookmark on its first page, so that its own
     * bookmarks stay beneath it. */
    long top = -1;
    bool starts = false;
    for (size_t i = 0; i < whole->n_outlines; i++) {
        if (whole->outlines[i].level == 0 && whole->outlines[i].page < first)
            top = (long)i;
        if (whole->outlines[i].level == 0 && whole->outlines[i].page == first)
            starts = true;
    }
    if (first > 0 && !starts && top >= 0) {
        out->outlines[n] = whole->outlines[top];
        out->outlines[n++].page = 0;
    }
    for (size_t i = 0; i < whole->n_outlines; i++) {
        cp_asm_outline o = whole->outlines[i];
        if (o.page < first || o.page >= end)
            continue;
        o.page -= first;
        out->outlines[n++] = o;
    }
    out->n_outlines = n;
}

void
cp_split_subplan_free(cp_asm_plan *sub)
{
    free((void *)sub->places);
    free(sub->links);
    free(sub->outlines);
}
