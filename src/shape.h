/* shape.h: one line of text as the PDF draws it. The line (UTF-8, in
 * logical order) is set in NFC (unicode.h), its levels and visual order
 * found with FriBidi (the Unicode bidi algorithm, UAX #9), cut into runs of
 * one face, script and level, and each run shaped with HarfBuzz (hb_shape):
 * Arabic joins, marks sit on their letters, emoji sequences become the
 * glyphs the fonts have, default-ignorable code points are not drawn.
 *
 * The result lists glyph runs left to right, each drawable with one text
 * operator: its codes are those of font.h (a code point, or a private-use
 * code standing for an emoji or a shaped glyph, whose ToUnicode entry gives
 * back the text it came from, so extraction gives the logical text).
 * A cp_shaped owns its runs and their strings (cp_shaped_free).
 */
#ifndef CP_SHAPE_H
#define CP_SHAPE_H

#include <stddef.h>
#include "font.h"

/* The paragraph direction a line is set in. */
enum cp_dir {
    CP_DIR_AUTO,     /* from the line's first strong character (UAX #9 P2) */
    CP_DIR_LTR,
    CP_DIR_RTL
};

typedef struct cp_glyph_run {
    enum cp_face face;
    double x;        /* where its first glyph starts, from the line's start (points) */
    double dy;       /* its baseline above the line's (points; a raised mark) */
    double w;        /* its advance (points) */
    char *codes;     /* UTF-8 of the face's codes */
} cp_glyph_run;

typedef struct cp_shaped {
    cp_glyph_run *runs;
    size_t n;
    double width;    /* the whole line's advance (points) */
    bool rtl;        /* the paragraph direction resolved to right-to-left */
    /* Where each code point of the line in NFC is drawn: the advances of
     * its glyphs from ext[2i] to ext[2i + 1] (from the line's start); the
     * two are equal where it has none (an ignorable, a ligature's second
     * letter). n_ext code points. */
    double *ext;
    size_t n_ext;
} cp_shaped;

/* Shape `text` (len bytes) set in `face` at `size` points. Code points that
 * no face draws become '?' and are noted for cp_fontset_report. */
void cp_shape_line(cp_shaped *out, cp_fontset *fs, enum cp_face face, double size,
                   const char *text, size_t len, enum cp_dir dir);
void cp_shaped_free(cp_shaped *s);

/* Where bytes [a, b) of the line's text (the text given to cp_shape_line)
 * are drawn: up to max intervals, left to right, x0[i] to x1[i] from the
 * line's start (in a line of both directions a part of it may be drawn in
 * pieces). Returns how many. */
size_t cp_shaped_span(const cp_shaped *s, const char *text, size_t a, size_t b, double *x0,
                      double *x1, size_t max);

/* The direction of the paragraph `text` starts (its first strong
 * character; left to right when it has none). */
enum cp_dir cp_shape_direction(const char *text, size_t len);

#endif
