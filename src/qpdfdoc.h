/* qpdfdoc.h: where qpdf's type crosses from one file to another, and only
 * there: the reader (pdfimport.c) hands an open document's qpdf object to
 * the writer (assemble.c), which copies its pages into the output. No other
 * file includes this header or qpdf's, so qpdf stays behind those two. */
#ifndef CP_QPDFDOC_H
#define CP_QPDFDOC_H

#include <qpdf/qpdf-c.h>

#include "claimpack/diag.h"
#include "dynlib.h"
#include "pdfimport.h"

/* qpdf is opened with dlopen on the first PDF read or written (dynlib.h):
 * linked, it and what it brings (GnuTLS, p11-kit, GMP ...) were loaded and
 * initialised at every start. The two files call its functions through qp.
 * QPDF_FNS is every function they call. */
#define QPDF_FNS(X) \
    X(qpdf_add_page) X(qpdf_cleanup) X(qpdf_empty_pdf) X(qpdf_find_page_by_oh) \
    X(qpdf_get_error) X(qpdf_get_error_code) X(qpdf_get_error_filename) \
    X(qpdf_get_error_full_text) X(qpdf_get_error_message_detail) X(qpdf_get_num_pages) \
    X(qpdf_get_object_by_id) X(qpdf_get_page_n) X(qpdf_get_root) X(qpdf_get_trailer) \
    X(qpdf_has_error) X(qpdf_init) X(qpdf_init_write) X(qpdf_make_indirect_object) \
    X(qpdf_more_warnings) X(qpdf_next_warning) X(qpdf_oh_append_item) \
    X(qpdf_oh_begin_dict_key_iter) X(qpdf_oh_copy_foreign_object) \
    X(qpdf_oh_dict_more_keys) X(qpdf_oh_dict_next_key) X(qpdf_oh_get_array_item) \
    X(qpdf_oh_get_array_n_items) X(qpdf_oh_get_binary_string_value) \
    X(qpdf_oh_get_binary_utf8_value) \
    X(qpdf_oh_get_bool_value) X(qpdf_oh_get_dict) X(qpdf_oh_get_generation) \
    X(qpdf_oh_get_int_value) X(qpdf_oh_get_key) X(qpdf_oh_get_name) \
    X(qpdf_oh_get_numeric_value) X(qpdf_oh_get_object_id) \
    X(qpdf_oh_get_page_content_data) X(qpdf_oh_get_stream_data) X(qpdf_oh_has_key) \
    X(qpdf_oh_is_array) X(qpdf_oh_is_bool) X(qpdf_oh_is_dictionary) \
    X(qpdf_oh_is_dictionary_of_type) X(qpdf_oh_is_indirect) X(qpdf_oh_is_integer) \
    X(qpdf_oh_is_name) X(qpdf_oh_is_name_and_equals) X(qpdf_oh_is_null) \
    X(qpdf_oh_is_number) X(qpdf_oh_is_stream) X(qpdf_oh_is_string) X(qpdf_oh_new_array) \
    X(qpdf_oh_new_bool) X(qpdf_oh_new_dictionary) X(qpdf_oh_new_integer) \
    X(qpdf_oh_new_name) X(qpdf_oh_new_null) X(qpdf_oh_new_object) \
    X(qpdf_oh_new_real_from_string) X(qpdf_oh_new_stream) X(qpdf_oh_new_string) \
    X(qpdf_oh_new_unicode_string) X(qpdf_oh_parse) X(qpdf_oh_release) \
    X(qpdf_oh_replace_key) X(qpdf_oh_replace_stream_data) X(qpdf_oh_unparse) \
    X(qpdf_push_inherited_attributes_to_page) X(qpdf_read) X(qpdf_read_memory) \
    X(qpdf_set_compress_streams) X(qpdf_set_decode_level) \
    X(qpdf_set_minimum_pdf_version) X(qpdf_set_object_stream_mode) X(qpdf_set_static_ID) \
    X(qpdf_set_suppress_warnings) X(qpdf_silence_errors) X(qpdf_write)
extern struct cp_qpdf { QPDF_FNS(CP_DL_SLOT) } qp;

/* Opens qpdf, once: 0, or -1 with an error of `status` on `display` saying
 * that `doing` (a PDF read, written) cannot be done without it. */
int cp_qpdf_open(enum cp_status status, const char *display, const char *doing,
                 cp_diags *diags);

/* The document's qpdf object (still owned by d). */
qpdf_data cp_pdfdoc_qpdf(cp_pdfdoc *d);

#endif
