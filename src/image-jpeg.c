/* image-jpeg.c: JPEG photos, checked marker by marker and passed through to
 * the PDF verbatim (DCTDecode), so the photo is never re-compressed.
 *
 * libharu validates almost nothing (src/README.md), so the walk here is the gate:
 * what it accepts, a PDF viewer's DCT decoder can show. A 1/8-scale libjpeg
 * decode then runs every bit of entropy data through the Huffman (or
 * arithmetic) decoder, which is what catches damage inside the picture. */
#include "config.h"
#include "image.h"
#include "util.h"

#include <setjmp.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jpeglib.h>
#include <jerror.h>
#include "jpeg-err.h"
#include "jpeg-scan.h"

/* Markers we name in messages. */
static const char *
marker_name(unsigned m, char *tmp, size_t n)
{
    if (m >= 0xE0 && m <= 0xEF) {
        snprintf(tmp, n, "APP%u", m - 0xE0);
        return tmp;
    }
    switch (m) {
    case 0xC4: return "DHT";
    case 0xCC: return "DAC";
    case 0xD8: return "SOI";
    case 0xD9: return "EOI";
    case 0xDA: return "SOS";
    case 0xDB: return "DQT";
    case 0xDD: return "DRI";
    case 0xFE: return "COM";
    default:
        if (m >= 0xC0 && m <= 0xCF) {
            snprintf(tmp, n, "SOF%u", m - 0xC0);
            return tmp;
        }
        snprintf(tmp, n, "0x%02X", m);
        return tmp;
    }
}

static unsigned
get16(const unsigned char *p, int big)
{
    return big ? (unsigned)p[0] << 8 | p[1] : (unsigned)p[1] << 8 | p[0];
}

static uint32_t
get32(const unsigned char *p, int big)
{
    return big ? (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3]
               : (uint32_t)p[3] << 24 | (uint32_t)p[2] << 16 | (uint32_t)p[1] << 8 | p[0];
}

/* A RATIONAL at `off` inside the TIFF block, 0 when out of range. */
static double
exif_rational(const unsigned char *t, size_t n, uint32_t off, int big)
{
    if (off > n || n - off < 8)
        return 0;
    uint32_t num = get32(t + off, big), den = get32(t + off + 4, big);
    return den ? (double)num / den : 0;
}

/* IFD0 of an APP1 "Exif\0\0" payload: orientation and resolution. A hand
 * parser reading only those four tags, every offset bounds-checked; anything
 * malformed just leaves the defaults (the tag is advice, not image data). */
void
cp_image_exif_parse(cp_image *img, const unsigned char *p, size_t n, double *dpi_x, double *dpi_y)
{
    if (n < 6 + 8 || memcmp(p, "Exif\0\0", 6) != 0)
        return;
    const unsigned char *t = p + 6;
    n -= 6;
    int big;
    if (memcmp(t, "MM\0*", 4) == 0)
        big = 1;
    else if (memcmp(t, "II*\0", 4) == 0)
        big = 0;
    else
        return;
    uint32_t ifd = get32(t + 4, big);
    if (ifd > n || n - ifd < 2)
        return;
    unsigned count = get16(t + ifd, big);
    const unsigned char *e = t + ifd + 2;
    if ((n - ifd - 2) / 12 < count)
        count = (unsigned)((n - ifd - 2) / 12);
    double xres = 0, yres = 0;
    unsigned unit = 2;
    for (unsigned i = 0; i < count; i++, e += 12) {
        unsigned tag = get16(e, big), type = get16(e + 2, big);
        uint32_t cnt = get32(e + 4, big);
        if (cnt != 1)
            continue;
        if (tag == 0x0112 && type == 3) {
            unsigned o = get16(e + 8, big);
            /* 0 and values past 8 occur in the wild; they mean "as stored". */
            img->orientation = o >= 1 && o <= 8 ? (int)o : 1;
        } else if (tag == 0x0128 && type == 3) {
            unit = get16(e + 8, big);
        } else if ((tag == 0x011A || tag == 0x011B) && type == 5) {
            double r = exif_rational(t, n, get32(e + 8, big), big);
            *(tag == 0x011A ? &xres : &yres) = r;
        }
    }
    double f = unit == 2 ? 1 : unit == 3 ? 2.54 : 0;
    if (f > 0 && xres > 0 && yres > 0) {
        *dpi_x = xres * f;
        *dpi_y = yres * f;
    }
}

/* A segment that only describes the photo (where, with what, by whom): an
 * APPn other than JFIF (APP0) and Adobe's colour transform (APP14), a
 * comment (COM), the reserved JPGn markers. s, sn: the segment's payload. */
static bool
jpeg_is_metadata(unsigned m, const unsigned char *s, size_t sn)
{
    if (m == 0xE0)
        return !(sn >= 5 && memcmp(s, "JFIF\0", 5) == 0);
    if (m == 0xEE)
        return !(sn >= 5 && memcmp(s, "Adobe", 5) == 0);
    return (m >= 0xE1 && m <= 0xEF) || m == 0xFE || (m >= 0xF0 && m <= 0xFD);
}

static void
span_add(cp_jpeg_spans *sp, size_t off, size_t len)
{
    if (sp == NULL || len == 0)
        return;
    sp->total += len;
    if (sp->n && sp->v[sp->n - 1].off + sp->v[sp->n - 1].len == off) {
        sp->v[sp->n - 1].len += len;
        return;
    }
    if (sp->n == sp->cap) {
        sp->cap = sp->cap ? sp->cap * 2 : 16;
        sp->v = xreallocarray(sp->v, sp->cap, sizeof *sp->v);
    }
    sp->v[sp->n].off = off;
    sp->v[sp->n].len = len;
    sp->n++;
}

static int jpeg_decode_check(const unsigned char *buf, size_t len, int quick,
                             const char *display, cp_diags *diags);

/* Scans a JPEG may have. Each progressive scan makes the decoder go over
 * every block of its components again, so a file of many tiny scans is
 * minutes of work (3000 copies of a 26-byte scan in a 49-megapixel picture
 * are 3000 passes over its every block); real encoders write up to a few
 * dozen, jpegtran's most finely split script some 200. */
#define JPEG_MAX_SCANS 1000

#define JPEG_FAIL(...) do { cp_error(diags, CP_INPUT, display, 0, 0, __VA_ARGS__); return -1; } while (0)

/* The frame header (SOFn, marker m): the picture's size, components and
 * coding. */
static int
jpeg_frame(cp_image *img, unsigned m, const unsigned char *s, size_t sn, bool limits,
           unsigned char comp_id[4], int *ncomp, const char *display, cp_diags *diags)
{
    char n1[16];
    if (m == 0xC3 || m == 0xCB)
        JPEG_FAIL("unsupported JPEG image: lossless JPEG cannot go into a PDF; "
                  "save it as an ordinary JPEG");
    if ((m >= 0xC5 && m <= 0xC7) || m >= 0xCD)
        JPEG_FAIL("unsupported JPEG image: hierarchical JPEG cannot go into a PDF; "
                  "save it as an ordinary JPEG");
    if (sn < 6)
        JPEG_FAIL("damaged JPEG image: the frame header (%s) is too short",
                  marker_name(m, n1, sizeof n1));
    if (s[0] != 8)
        JPEG_FAIL("unsupported JPEG image: %u-bit samples; a PDF holds only 8-bit "
                  "JPEG data, save it as an ordinary 8-bit JPEG", s[0]);
    img->height = (int)get16(s + 1, 1);
    img->width = (int)get16(s + 3, 1);
    *ncomp = s[5];
    if (img->width == 0 || img->height == 0)
        JPEG_FAIL("unsupported JPEG image: the frame header gives no %s",
                  img->width == 0 ? "width" : "height");
    if (*ncomp != 1 && *ncomp != 3 && *ncomp != 4)
        JPEG_FAIL("unsupported JPEG image: %d colour components "
                  "(1, 3 or 4 are supported)", *ncomp);
    if (sn != 6 + 3 * (size_t)*ncomp)
        JPEG_FAIL("damaged JPEG image: the frame header (%s) has the wrong length",
                  marker_name(m, n1, sizeof n1));
    unsigned hmax = 1, vmax = 1;
    for (int i = 0; i < *ncomp; i++) {
        const unsigned char *c = s + 6 + 3 * i;
        unsigned h = c[1] >> 4, v = c[1] & 15;
        if (h < 1 || h > 4 || v < 1 || v > 4 || c[2] > 3)
            JPEG_FAIL("damaged JPEG image: component %d of the frame header is "
                      "invalid", i + 1);
        comp_id[i] = c[0];
        hmax = h > hmax ? h : hmax;
        vmax = v > vmax ? v : vmax;
    }
    /* A file of several scans is decoded into every block's coefficients
     * at once (libjpeg's full-image buffer, jdcoefct.c): each component's
     * blocks, rounded up to whole sampling units, 64 coefficients of 2
     * bytes each. */
    img->coef_bytes = 0;
    for (int i = 0; i < *ncomp; i++) {
        uint64_t h = s[6 + 3 * i + 1] >> 4, v = s[6 + 3 * i + 1] & 15;
        uint64_t bw = ((uint64_t)img->width * h + 8 * hmax - 1) / (8 * hmax);
        uint64_t bh = ((uint64_t)img->height * v + 8 * vmax - 1) / (8 * vmax);
        img->coef_bytes += (bw + h - 1) / h * h * ((bh + v - 1) / v * v) * 128;
    }
    if (limits && (img->width > CP_IMAGE_MAX_SIDE || img->height > CP_IMAGE_MAX_SIDE ||
                   (long)img->width * img->height > CP_IMAGE_MAX_PIXELS))
        JPEG_FAIL("image too large: %dx%d pixels (the limits are %d pixels a side "
                  "and %ld megapixels)", img->width, img->height,
                  CP_IMAGE_MAX_SIDE, CP_IMAGE_MAX_PIXELS / 1000000);
    img->progressive = m == 0xC2 || m == 0xCA;
    img->arithmetic = m >= 0xC9;
    return 0;
}

/* A Huffman table (DHT), quantization table (DQT) or restart interval
 * (DRI) segment: checked for the lengths the decoder will trust. */
static int
jpeg_tables(unsigned m, const unsigned char *s, size_t sn, const char *display, cp_diags *diags)
{
    if (m == 0xC4) {
        size_t i = 0;
        while (i < sn) {
            if (sn - i < 17 || (s[i] >> 4) > 1 || (s[i] & 15) > 3)
                JPEG_FAIL("damaged JPEG image: invalid Huffman table (DHT)");
            size_t total = 0;
            for (int k = 1; k <= 16; k++)
                total += s[i + k];
            if (total > 256 || sn - i - 17 < total)
                JPEG_FAIL("damaged JPEG image: invalid Huffman table (DHT)");
            i += 17 + total;
        }
    } else if (m == 0xDB) {
        size_t i = 0;
        while (i < sn) {
            size_t tl = (s[i] >> 4) ? 129 : 65;
            if ((s[i] >> 4) > 1 || (s[i] & 15) > 3 || sn - i < tl)
                JPEG_FAIL("damaged JPEG image: invalid quantization table (DQT)");
            i += tl;
        }
    } else if (m == 0xDD) {
        if (sn != 2)
            JPEG_FAIL("damaged JPEG image: invalid restart interval (DRI)");
    }
    return 0;
}

/* A scan: its header (SOS) against the frame's components, then its
 * entropy-coded data, which runs from `data` to a marker other than a
 * stuffed 0xFF00 or a restart marker. *end: the offset of that marker's
 * code. */
static int
jpeg_scan(const unsigned char *buf, size_t len, size_t data, const unsigned char *s, size_t sn,
          const unsigned char comp_id[4], int ncomp, size_t *end, const char *display,
          cp_diags *diags)
{
    if (sn < 1 || s[0] < 1 || s[0] > 4 || sn != 4 + 2 * (size_t)s[0])
        JPEG_FAIL("damaged JPEG image: invalid scan header (SOS)");
    for (int i = 0; i < s[0]; i++) {
        int found = 0;
        for (int k = 0; k < ncomp; k++)
            found |= comp_id[k] == s[1 + 2 * i];
        if (!found)
            JPEG_FAIL("damaged JPEG image: a scan names a component the frame "
                      "does not have");
    }
    size_t p = data;
    for (;;) {
        const unsigned char *ff = memchr(buf + p, 0xFF, len - p);
        if (ff == NULL || (size_t)(ff - buf) + 1 >= len)
            JPEG_FAIL("truncated JPEG image: the file ends inside the picture data, "
                      "before the end-of-image marker");
        p = (size_t)(ff - buf) + 1;
        unsigned c = buf[p];
        if (c == 0x00 || (c >= 0xD0 && c <= 0xD7)) {
            p++;
            continue;
        }
        if (c == 0xFF)
            continue;   /* a fill byte before the next marker */
        break;
    }
    *end = p;
    return 0;
}

static int
jpeg_walk(cp_image *img, const unsigned char *buf, size_t len, bool limits,
          cp_jpeg_spans *spans, const char *display, cp_diags *diags)
{
    char n1[16], n2[16];
    size_t pos = 2;
    unsigned prev = 0xD8;   /* the segment before the current position */
    int have_sof = 0, have_sos = 0, have_adobe = 0, have_exif = 0;
    int ncomp = 0, n_scans = 0;
    unsigned char comp_id[4] = { 0 };
    double jfif_x = 0, jfif_y = 0, exif_x = 0, exif_y = 0;

    memset(img, 0, sizeof *img);
    img->orientation = 1;
    img->is_jpeg = 1;
    img->bits = 8;
    if (len < 4 || buf[0] != 0xFF || buf[1] != 0xD8 || buf[2] != 0xFF)
        JPEG_FAIL("not a JPEG image: it does not start with a JPEG start-of-image marker");
    span_add(spans, 0, 2);

    for (;;) {
        if (pos >= len)
            JPEG_FAIL("truncated JPEG image: the file ends after the %s segment, "
                      "before the end-of-image marker", marker_name(prev, n1, sizeof n1));
        if (buf[pos] != 0xFF) {
            size_t junk = pos;
            while (pos < len && buf[pos] != 0xFF)
                pos++;
            JPEG_FAIL("damaged JPEG image: %zu stray byte%s after the %s segment "
                      "(offset %zu); re-save it with an image editor",
                      pos - junk, pos - junk == 1 ? "" : "s",
                      marker_name(prev, n1, sizeof n1), junk);
        }
        while (pos < len && buf[pos] == 0xFF)   /* fill bytes */
            pos++;
        if (pos >= len)
            JPEG_FAIL("truncated JPEG image: the file ends before the end-of-image marker");
        unsigned m = buf[pos++];
        if (m == 0xD9) {
            if (!have_sof || !have_sos)
                JPEG_FAIL("damaged JPEG image: it ends before any picture data");
            span_add(spans, pos - 2, 2);
            break;
        }
        if (m == 0x00 || m == 0x01 || (m >= 0xD0 && m <= 0xD8))
            JPEG_FAIL("damaged JPEG image: unexpected %s marker at offset %zu",
                      marker_name(m, n1, sizeof n1), pos - 2);
        if (len - pos < 2)
            JPEG_FAIL("truncated JPEG image: the file ends inside the %s segment",
                      marker_name(m, n1, sizeof n1));
        size_t seglen = get16(buf + pos, 1);
        if (seglen < 2 || seglen > len - pos)
            JPEG_FAIL("%s JPEG image: the %s segment at offset %zu %s",
                      seglen < 2 ? "damaged" : "truncated", marker_name(m, n1, sizeof n1),
                      pos - 2, seglen < 2 ? "has an impossible length" : "is cut off");
        const unsigned char *s = buf + pos + 2;
        size_t sn = seglen - 2;

        if (m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC) {
            if (have_sof)
                JPEG_FAIL("damaged JPEG image: more than one frame header (SOF)");
            if (jpeg_frame(img, m, s, sn, limits, comp_id, &ncomp, display, diags) < 0)
                return -1;
            have_sof = 1;
        } else if (m == 0xC4 || m == 0xDB || m == 0xDD) {
            if (jpeg_tables(m, s, sn, display, diags) < 0)
                return -1;
        } else if (m == 0xDA) {
            if (!have_sof)
                JPEG_FAIL("damaged JPEG image: picture data (SOS) before the frame header");
            if (++n_scans > JPEG_MAX_SCANS)
                JPEG_FAIL("JPEG image with more than %d scans: no camera or editor writes "
                          "that many; save it again as an ordinary JPEG", JPEG_MAX_SCANS);
            size_t p;
            if (jpeg_scan(buf, len, pos + seglen, s, sn, comp_id, ncomp, &p, display, diags) < 0)
                return -1;
            have_sos = 1;
            /* p is at the marker code; step back to its 0xFF. */
            span_add(spans, pos - 2, p - 1 - (pos - 2));
            prev = m;
            pos = p - 1;
            continue;
        } else if (m == 0xE0) {
            if (sn >= 12 && memcmp(s, "JFIF\0", 5) == 0) {
                unsigned ux = get16(s + 8, 1), uy = get16(s + 10, 1);
                double f = s[7] == 1 ? 1 : s[7] == 2 ? 2.54 : 0;
                if (f > 0 && ux > 0 && uy > 0) {
                    jfif_x = ux * f;
                    jfif_y = uy * f;
                }
            }
        } else if (m == 0xE1) {
            /* The first Exif block is the photo's; later ones are rare copies. */
            if (sn >= 6 && memcmp(s, "Exif\0\0", 6) == 0 && !have_exif) {
                have_exif = 1;
                cp_image_exif_parse(img, s, sn, &exif_x, &exif_y);
            }
        } else if (m == 0xEE) {
            if (sn >= 5 && memcmp(s, "Adobe", 5) == 0) {
                if (sn < 12)
                    JPEG_FAIL("damaged JPEG image: the Adobe APP14 segment is cut short "
                              "(%zu of 12 bytes); re-save it with an image editor", sn);
                have_adobe = 1;
            }
        } else if (m == 0xDC) {
            JPEG_FAIL("unsupported JPEG image: the height is given after the picture data "
                      "(DNL marker)");
        } else if (!(m >= 0xE0 && m <= 0xEF) && m != 0xFE && m != 0xCC &&
                   !(m >= 0xF0 && m <= 0xFD)) {
            JPEG_FAIL("damaged JPEG image: unknown marker %s at offset %zu",
                      marker_name(m, n2, sizeof n2), pos - 2);
        }
        if (spans && (spans->keep_metadata || !jpeg_is_metadata(m, s, sn)))
            span_add(spans, pos - 2, seglen + 2);
        prev = m;
        pos += seglen;
    }

    if (!img->progressive && n_scans == 1)
        img->coef_bytes = 0;    /* decoded a row of blocks at a time */
    if (limits && img->coef_bytes + len > (uint64_t)CP_IMAGE_WHOLE_MAX_BYTES)
        JPEG_FAIL("%s JPEG image too large: %dx%d pixels take %llu MB to decode with the "
                  "file, more than the %ld MB such a picture may take; save it as an "
                  "ordinary (baseline) JPEG", img->progressive ? "progressive" : "multi-scan",
                  img->width, img->height,
                  (unsigned long long)((img->coef_bytes + len) >> 20),
                  CP_IMAGE_WHOLE_MAX_BYTES >> 20);
    img->cs = ncomp == 1 ? CP_CS_GRAY : ncomp == 3 ? CP_CS_RGB : CP_CS_CMYK;
    /* Photoshop writes 4-component JPEGs inverted and marks them with APP14
     * whatever the transform (0 = CMYK, 2 = YCCK); nobody writes the other
     * way, so the marker's presence is the signal viewers use too. */
    img->adobe_inverted = ncomp == 4 && have_adobe;
    if (jfif_x > 0) {
        img->dpi_x = jfif_x;
        img->dpi_y = jfif_y;
    } else {
        img->dpi_x = exif_x;
        img->dpi_y = exif_y;
    }
    return 0;
}

int
cp_image_jpeg_markers(cp_image *img, const unsigned char *buf, size_t len,
                      const char *display, cp_diags *diags)
{
    return jpeg_walk(img, buf, len, true, NULL, display, diags);
}

int
cp_image_jpeg_spans(cp_image *img, cp_jpeg_spans *spans, const unsigned char *buf, size_t len,
                    const char *display, cp_diags *diags)
{
    spans->n = 0;
    spans->total = 0;
    if (jpeg_walk(img, buf, len, true, spans, display, diags) < 0)
        return -1;
    return jpeg_decode_check(buf, len, 1, display, diags);
}

int
cp_image_jpeg_entropy(const unsigned char *buf, size_t len, int quick, const char *display,
                      cp_diags *diags)
{
    return jpeg_decode_check(buf, len, quick, display, diags);
}

int
cp_image_jpeg_structure(cp_image *img, const unsigned char *buf, size_t len,
                        const char *display, cp_diags *diags)
{
    return jpeg_walk(img, buf, len, false, NULL, display, diags);
}

static void
jpeg_err_exit(j_common_ptr cinfo)
{
    cp_jpeg_err *e = (cp_jpeg_err *)cinfo->err;
    e->pub.format_message(cinfo, e->msg);
    longjmp(e->jb, 1);
}

static void
jpeg_err_emit(j_common_ptr cinfo, int level)
{
    cp_jpeg_err *e = (cp_jpeg_err *)cinfo->err;
    if (level >= 0)
        return;
    int code = e->pub.msg_code;
    /* Harmless: a newer JFIF version, an ICC profile viewers ignore anyway. */
    if (code == JWRN_JFIF_MAJOR || code == JWRN_BOGUS_ICC || code == JWRN_ADOBE_XFORM)
        return;
    e->pub.format_message(cinfo, e->msg);
    longjmp(e->jb, 1);
}

struct jpeg_error_mgr *
cp_jpeg_err_init(cp_jpeg_err *e)
{
    struct jpeg_error_mgr *m = jpeg_std_error(&e->pub);
    m->error_exit = jpeg_err_exit;
    m->emit_message = jpeg_err_emit;
    e->msg[0] = '\0';
    return m;
}

/* A baseline photo's Huffman codes are first walked by jpeg-scan.c, which
 * may only say the data is clean. Otherwise, or if it is not sure, libjpeg
 * decodes at 1/8 scale, skipping all rows but the last: the entropy decoder
 * sees every coefficient (libjpeg-turbo's jpeg_skip_scanlines decodes the
 * rows it skips and discards their coefficients), but no inverse DCT, up-
 * sampling or colour conversion is done for them, a tenth of the time of
 * reading them. The last row is read, so the data is decoded to its end. */
static int
jpeg_decode_check(const unsigned char *buf, size_t len, int quick, const char *display,
                  cp_diags *diags)
{
    struct jpeg_decompress_struct cinfo;
    cp_jpeg_err jerr;
    JSAMPLE *volatile row = NULL;
    volatile int ret = -1;

    memset(&cinfo, 0, sizeof cinfo);
    cinfo.err = cp_jpeg_err_init(&jerr);
    if (setjmp(jerr.jb)) {
        cp_error(diags, CP_INPUT, display, 0, 0,
                 "damaged JPEG image: the picture data does not decode (libjpeg: %s)", jerr.msg);
        goto cleanup;
    }
    jpeg_create_decompress(&cinfo);
    /* Progressive files keep every coefficient in memory; the dimension
     * limits bound that, this keeps a forged header from going further. */
    cinfo.mem->max_memory_to_use = 1024L << 20;
    jpeg_mem_src(&cinfo, buf, (unsigned long)len);
    jpeg_read_header(&cinfo, TRUE);
    cinfo.scale_num = 1;
    cinfo.scale_denom = 8;
    cinfo.dct_method = JDCT_IFAST;
    cinfo.do_fancy_upsampling = FALSE;
    cinfo.do_block_smoothing = FALSE;
    cinfo.out_color_space = cinfo.jpeg_color_space;    /* no conversion */
    jpeg_start_decompress(&cinfo);
    if (quick && cp_jpeg_scan_clean(&cinfo, buf, len)) {
        ret = 0;
        goto cleanup;
    }
    if (quick == 2) {       /* jpeg-scan's answer alone (tests) */
        ret = 1;
        goto cleanup;
    }
    row = xmalloc((size_t)cinfo.output_width * (size_t)cinfo.output_components);
    if (cinfo.output_height > 1)
        jpeg_skip_scanlines(&cinfo, cinfo.output_height - 1);
    while (cinfo.output_scanline < cinfo.output_height) {
        JSAMPROW rows[1] = { row };
        jpeg_read_scanlines(&cinfo, rows, 1);
    }
    jpeg_finish_decompress(&cinfo);
    ret = 0;

cleanup:
    free(row);
    jpeg_destroy_decompress(&cinfo);
    return ret;
}

/* A full decode to 8-bit samples, for what a PDF viewer's DCT decoder may
 * not handle (arithmetic coding). CMYK comes out plain, not Adobe-inverted. */
int
cp_image_jpeg_rows(cp_image *img, const unsigned char *buf, size_t len, cp_png_row_fn fn,
                   void *ctx, const char *display, cp_diags *diags)
{
    struct jpeg_decompress_struct cinfo;
    cp_jpeg_err jerr;
    unsigned char *volatile px = NULL;
    volatile int ret = -1;

    memset(&cinfo, 0, sizeof cinfo);
    cinfo.err = cp_jpeg_err_init(&jerr);
    if (setjmp(jerr.jb)) {
        cp_error(diags, CP_INPUT, display, 0, 0,
                 "damaged JPEG image: the picture data does not decode (libjpeg: %s)", jerr.msg);
        goto cleanup;
    }
    jpeg_create_decompress(&cinfo);
    cinfo.mem->max_memory_to_use = 1024L << 20;
    jpeg_mem_src(&cinfo, buf, (unsigned long)len);
    jpeg_read_header(&cinfo, TRUE);
    int comps = cinfo.num_components == 1 ? 1 : cinfo.num_components == 4 ? 4 : 3;
    cinfo.out_color_space = comps == 1 ? JCS_GRAYSCALE : comps == 4 ? JCS_CMYK : JCS_RGB;
    if ((long)cinfo.image_width * (long)cinfo.image_height > CP_IMAGE_MAX_PIXELS ||
        cinfo.image_width > CP_IMAGE_MAX_SIDE || cinfo.image_height > CP_IMAGE_MAX_SIDE) {
        cp_error(diags, CP_INPUT, display, 0, 0, "JPEG image too large: %ux%u pixels",
                 (unsigned)cinfo.image_width, (unsigned)cinfo.image_height);
        goto cleanup;
    }
    jpeg_start_decompress(&cinfo);
    img->width = (int)cinfo.output_width;
    img->height = (int)cinfo.output_height;
    img->cs = comps == 1 ? CP_CS_GRAY : comps == 4 ? CP_CS_CMYK : CP_CS_RGB;
    img->bits = 8;
    img->is_jpeg = 0;
    img->adobe_inverted = 0;
    size_t row_bytes = (size_t)cinfo.output_width * (size_t)cinfo.output_components;
    px = xmalloc(row_bytes);
    while (cinfo.output_scanline < cinfo.output_height) {
        JSAMPROW rows[1] = { px };
        jpeg_read_scanlines(&cinfo, rows, 1);
        if (comps == 4 && cinfo.saw_Adobe_marker)
            for (size_t i = 0; i < row_bytes; i++)
                px[i] = (unsigned char)(255 - px[i]);
        if (fn(ctx, px, NULL) != 0)
            goto cleanup;   /* the caller says why */
    }
    jpeg_finish_decompress(&cinfo);
    ret = 0;

cleanup:
    free(px);
    jpeg_destroy_decompress(&cinfo);
    return ret;
}

int
cp_image_jpeg(cp_image *img, const unsigned char *buf, size_t len, int load,
              const char *display, cp_diags *diags)
{
    (void)load;   /* the caller keeps `buf` as the data: nothing to decode */
    if (cp_image_jpeg_markers(img, buf, len, display, diags) < 0)
        return -1;
    return jpeg_decode_check(buf, len, 1, display, diags);
}
