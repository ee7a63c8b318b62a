/* split.h: build --split SIZE: the pack cut into parts of at most SIZE
 * bytes, each assembled as a PDF of its own (claimpack(1): --split).
 *
 * Part 1 holds the letter and the index; exhibits follow whole, each in
 * the first part it fits in after the one before; an exhibit that is larger
 * than a part alone goes by pages over parts of its own. The sizes are
 * estimated before anything is written (cp_split_plan); build.c measures
 * the parts and plans again with less room when an estimate was short.
 *
 * A plan is its cuts: where each part after the first begins, as an
 * exhibit and a page of it, so that it holds however the letter's length
 * moves the pages. Arrays returned are the caller's (free()).
 */
#ifndef CP_SPLIT_H
#define CP_SPLIT_H

#include <stddef.h>
#include "assemble.h"
#include "pack.h"

typedef struct cp_split_cut {
    int exhibit;               /* index into pack->items */
    int page;                  /* 0-based page of the exhibit */
} cp_split_cut;

/* What a part costs besides its pages (its fonts, page tree, outlines):
 * about 20 KB on the example claims' parts, with room to spare. */
#define CP_SPLIT_PART_BYTES 32000

/* At most this many parts (output.c keeps every temporary file's name in
 * a table of fixed size, for its signal handler). */
#define CP_SPLIT_MAX_PARTS 100

/* The cuts for parts of at most `budget` bytes by estimate, from the pack
 * as laid out: *out gets n - 1 cuts for n parts; returns n (1: no cut). */
size_t cp_split_plan(cp_split_cut **out, const cp_pack *pack, long long budget);

/* The first page (0-based) of each of the n parts, from the cuts and where
 * the exhibits are in the pack's layout now. */
void cp_split_firsts(int *firsts, const cp_split_cut *cuts, size_t n, const cp_pack *pack);

/* The whole PDF's plan cut down to its pages [first, end), as part `part`
 * (1-based) of n: the places, links and bookmarks on those pages, moved to
 * the part's page numbers; a link to a page in another part is left out
 * (the letter and the index name the part instead). The images are the
 * whole plan's (only those drawn are written). Freed with
 * cp_split_subplan_free. */
void cp_split_subplan(cp_asm_plan *out, const cp_asm_plan *whole, int first, int end, int part);
void cp_split_subplan_free(cp_asm_plan *sub);

/* The estimated bytes of page `page` of the layout (its picture or its
 * share of an imported PDF, and its typeset content). */
long long cp_split_page_bytes(const cp_pack *pack, size_t page);

#endif
