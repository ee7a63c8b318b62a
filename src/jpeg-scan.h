/* jpeg-scan.h: a Huffman-only pass over a baseline JPEG's entropy-coded
 * data, to confirm that libjpeg would decode it without a word.
 *
 * It answers in one direction only: "clean" is a promise that libjpeg's
 * decode of the same bytes warns of nothing; "not sure" promises nothing,
 * and the caller then lets libjpeg decode and give the verdict and its
 * words (image-jpeg.c, jpeg_decode_check). Include after <stdio.h> and
 * <jpeglib.h>. */
#ifndef CP_JPEG_SCAN_H
#define CP_JPEG_SCAN_H

#include <stdbool.h>
#include <stddef.h>

/* cinfo has been through jpeg_read_header and jpeg_start_decompress on
 * jpeg_mem_src(buf, len) and has read no entropy data yet. True if the
 * one scan decodes to its last block and is followed by EOI, with nothing
 * libjpeg would warn about (a bad code, data cut short by a marker or the
 * end, a wrong or missing restart marker, stray bytes). False for what
 * this pass does not handle (progressive, arithmetic coding, more than one
 * scan, other than 8-bit samples) and for anything else it is not sure of.
 * Leaves cinfo as it found it. */
bool cp_jpeg_scan_clean(const struct jpeg_decompress_struct *cinfo,
                        const unsigned char *buf, size_t len);

#endif
