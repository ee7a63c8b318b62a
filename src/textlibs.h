/* textlibs.h: HarfBuzz, hb-subset and FriBidi as font.c and shape.c call
 * them, through tables opened with dlopen when the fonts are first loaded
 * (dynlib.h): linked, they and what they bring (GLib, FreeType, Graphite,
 * PCRE2) were loaded at every start, though build --text sets no text. No
 * other file includes this header. */
#ifndef CP_TEXTLIBS_H
#define CP_TEXTLIBS_H

#include <fribidi.h>
#include <hb.h>
#include <hb-subset.h>

#include "dynlib.h"

#define HB_FNS(X) \
    X(hb_blob_create) X(hb_blob_create_from_file_or_fail) X(hb_blob_destroy) \
    X(hb_blob_get_data) X(hb_blob_get_length) X(hb_buffer_add_utf32) \
    X(hb_buffer_allocation_successful) X(hb_buffer_create) X(hb_buffer_destroy) \
    X(hb_buffer_get_glyph_infos) X(hb_buffer_get_glyph_positions) \
    X(hb_buffer_set_cluster_level) X(hb_buffer_set_direction) X(hb_buffer_set_flags) \
    X(hb_buffer_set_script) X(hb_face_builder_add_table) X(hb_face_builder_create) \
    X(hb_face_create) X(hb_face_destroy) X(hb_face_get_glyph_count) \
    X(hb_face_get_table_tags) X(hb_face_get_upem) X(hb_face_reference_blob) \
    X(hb_face_reference_table) X(hb_font_create) X(hb_font_destroy) \
    X(hb_font_get_glyph_extents) X(hb_font_get_glyph_h_advance) X(hb_font_get_h_extents) \
    X(hb_font_get_nominal_glyph) X(hb_font_set_scale) X(hb_script_from_string) \
    X(hb_script_to_iso15924_tag) X(hb_set_add) X(hb_set_create) X(hb_set_destroy) \
    X(hb_set_get_min) X(hb_set_get_population) X(hb_set_has) X(hb_set_is_empty) \
    X(hb_set_next) X(hb_shape) X(hb_tag_to_string) X(hb_unicode_funcs_get_default) \
    X(hb_unicode_general_category) X(hb_unicode_script)
#define HB_SUBSET_FNS(X) \
    X(hb_subset_input_create_or_fail) X(hb_subset_input_destroy) \
    X(hb_subset_input_glyph_set) X(hb_subset_input_set) X(hb_subset_input_set_flags) \
    X(hb_subset_input_unicode_set) X(hb_subset_or_fail)
#define FRIBIDI_FNS(X) \
    X(fribidi_get_bidi_type) X(fribidi_get_bidi_types) X(fribidi_get_bracket_types) \
    X(fribidi_get_par_embedding_levels_ex) X(fribidi_reorder_line)

extern struct cp_hb { HB_FNS(CP_DL_SLOT) } hb;
extern struct cp_hb_subset { HB_SUBSET_FNS(CP_DL_SLOT) } hbs;
extern struct cp_fribidi { FRIBIDI_FNS(CP_DL_SLOT) } bidi;

/* Opens the three, once (font.c). NULL, or why one cannot be used, a
 * sentence naming the library and its package. */
const char *cp_textlibs_open(void);

#endif
