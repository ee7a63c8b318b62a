/* font.h: the typefaces every typeset page uses, measured with HarfBuzz and
 * subset with hb-subset before embedding (libharu alone embeds the
 * whole font minus unused glyf data, ~87 KB a face).
 *
 * A cp_fontset owns its faces; cp_fontset_free releases it (NULL is fine).
 * Strings passed in are UTF-8 and stay the caller's.
 */
#ifndef CP_FONT_H
#define CP_FONT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "claimpack/diag.h"

/* The three faces text is set in. Faces from CP_FACE__COUNT up to
 * CP_FACE_MAX - 1 are fallbacks (data/fallback-fonts) that the fontset picks
 * itself for code points the Liberation faces cannot draw (CJK, symbols);
 * they are opened the first time such a code point is measured, so text
 * without them never pays for them. Every function below takes any face. */
enum cp_face { CP_FACE_REGULAR, CP_FACE_BOLD, CP_FACE_ITALIC, CP_FACE__COUNT };
#define CP_FALLBACK_MAX 6
#define CP_FACE_MAX (CP_FACE__COUNT + CP_FALLBACK_MAX)

typedef struct cp_fontset cp_fontset;

/* Load the three faces from the data directory (fonts/...). A missing or
 * unreadable font is a CP_INPUT error naming the file. 0 or -1. */
int cp_fontset_load(cp_fontset **out, cp_diags *diags);
void cp_fontset_free(cp_fontset *fs);

/* The face that draws `cp` for text set in `face`: `face` itself when it
 * has the glyph, else the first fallback that has it; -1 when none does. */
int cp_font_face_for(const cp_fontset *fs, enum cp_face face, uint32_t cp);
/* One warning (the first call only) naming the scripts of the code points
 * that no face could draw and that were therefore set as '?'. */
void cp_fontset_report(cp_fontset *fs, cp_diags *diags);

/* Width of the first `len` bytes of `s` set in `face` at `size` points, in
 * points: the sum of the nominal advances (what the PDF draws; no kerning)
 * of the text in NFC, default-ignorable code points taking none. */
double cp_font_width(const cp_fontset *fs, enum cp_face face, double size,
                     const char *s, size_t len);
/* Ascender and descender (negative) for `size`, in points. */
double cp_font_ascent(const cp_fontset *fs, enum cp_face face, double size);
double cp_font_descent(const cp_fontset *fs, enum cp_face face, double size);
/* True when the face has a glyph for the code point. */
bool cp_font_has(const cp_fontset *fs, enum cp_face face, uint32_t cp);

/* Record that the document draws `s` in `face` (the subset keeps these). */
void cp_font_use(cp_fontset *fs, enum cp_face face, const char *s);
/* True when something was recorded for the face. */
bool cp_font_used(const cp_fontset *fs, enum cp_face face);
/* The code points recorded for the face, ascending, in a newly allocated
 * array (caller frees); returns their number. */
size_t cp_font_used_codes(uint32_t **out, const cp_fontset *fs, enum cp_face face);
/* The code point a code drawn stands for (itself but for the private-use
 * codes of emoji; shaped glyphs: cp_font_code_text). */
uint32_t cp_font_code_unicode(const cp_fontset *fs, uint32_t code);
/* For a private-use code: the text it stands for (*text, the count
 * returned; 0 for the second glyph of a cluster). 0 and NULL for any other
 * code. The text stays the fontset's. */
size_t cp_font_code_text(const uint32_t **text, const cp_fontset *fs, uint32_t code);

/* For shape.c. The private-use code that draws astral code point cp; the
 * one that draws glyph gid of face for text (n code points): each 0 when
 * the private use area is full. */
uint32_t cp_font_astral_code(cp_fontset *fs, uint32_t cp);
uint32_t cp_font_glyph_code(cp_fontset *fs, enum cp_face face, uint32_t gid,
                            const uint32_t *text, size_t n);
/* Note a code point drawn as '?' (cp_fontset_report). */
void cp_font_note_missing(cp_fontset *fs, uint32_t cp);
/* The face's HarfBuzz font, scaled to font units; its units per em; the
 * nominal advance of cp in it (font units, -1 without a glyph). */
struct hb_font_t *cp_font_hb(const cp_fontset *fs, enum cp_face face);
double cp_font_upem(const cp_fontset *fs, enum cp_face face);
int32_t cp_font_advance(const cp_fontset *fs, enum cp_face face, uint32_t cp);

/* Write the subset of `face` (the code points recorded with cp_font_use) to
 * a scratch file (output.h); the caller removes it with cp_scratch_remove,
 * which frees *path_out. Its cmap also maps codes 0xD800 up to
 * 0xD800 + *n_hidden - 1 to glyphs drawn only as parts of others: the
 * caller has libharu measure those, else it leaves them out. 0 or -1
 * (CP_OUTPUT). */
int cp_font_subset_file(char **path_out, size_t *n_hidden, const cp_fontset *fs,
                        enum cp_face face, cp_diags *diags);

#endif
