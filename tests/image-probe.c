/* tests/image-probe.c: drives the image loaders and the evidence check for
 * tests/image.test and tests/evidence.test.
 *
 *   image-probe probe FILE...     one line per file: what the probe found, or
 *                                 the diagnostics; exit 3 if any was refused
 *   image-probe load FILE...      same through cp_image_load (sizes, alpha)
 *   image-probe rgba FILE...      the decoded pixels as 8-bit RGBA on stdout,
 *                                 one image after the other (PNG), to compare
 *                                 with ImageMagick's
 *   image-probe planes FILE...    a photo decoded for the JPEG encoder
 *                                 (cp_image_heif_planes, read upright through
 *                                 cp_image_plane_row) against libheif's own
 *                                 decode of it to RGB, with its own decoder,
 *                                 conversion and transformations (a picture
 *                                 not taken as planes: against cp_image_load's
 *                                 pixels): "FILE: planes|pixels WxH, N
 *                                 samples differ" (planes: the decoder's RGB
 *                                 planes were taken)
 *   image-probe pngverdict [FILE...]
 *                                 the PNG check's two halves on each file
 *                                 (names on stdin when none are given):
 *                                 "FILE: fast clean|unsure libpng ok|refused
 *                                 same|differ|-", differ when both passed
 *                                 and the fields they fill are not the same;
 *                                 exit 1 if the fast half passed a file
 *                                 libpng refuses or filled other fields
 *   image-probe time FILE N       median milliseconds of N runs: marker walk,
 *                                 full probe (walk + 1/8 decode), full decode
 *   image-probe jpegscan [-n N] FILE...
 *                                 jpeg-scan.c's verdict on the file's entropy-
 *                                 coded data against libjpeg's decode, on the
 *                                 file and on N (300) damaged variants of it (cut,
 *                                 bits flipped, bytes replaced, put in or
 *                                 taken out): one line per file with the
 *                                 counts; "wrong" counts variants jpeg-scan
 *                                 calls clean and libjpeg refuses, "differs"
 *                                 those the quick check (jpeg-scan, then
 *                                 libjpeg) decides otherwise than libjpeg
 *   image-probe evidence CLAIM-DIR KIND:LINE:PATTERN...
 *                                 a claim "claim.xml" in CLAIM-DIR with one
 *                                 document per argument, through
 *                                 cp_evidence_check; prints the diagnostics
 *                                 on stderr and one "LINE: display format"
 *                                 per file found on stdout */
#include "config.h"
#include "claimpack/evidence.h"
#include "image.h"
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <jpeglib.h>
#include <libheif/heif.h>

static const char *const cs_names[] = { "gray", "rgb", "cmyk" };

static void
print_image(const char *file, const cp_image *img)
{
    printf("%s: ok %s %dx%d %s %d-bit orientation %d", file, img->is_jpeg ? "jpeg" : "png",
           img->width, img->height, cs_names[img->cs], img->bits, img->orientation);
    if (img->progressive)
        printf(" progressive");
    if (img->arithmetic)
        printf(" arithmetic");
    if (img->adobe_inverted)
        printf(" adobe-inverted");
    if (img->dpi_x > 0)
        printf(" dpi %.0fx%.0f", img->dpi_x, img->dpi_y);
    if (img->data)
        printf(" data %zu", img->size);
    if (img->alpha)
        printf(" alpha %zu", img->alpha_size);
    printf("\n");
}

static int
cmd_probe(int argc, char **argv, int load)
{
    int status = 0;
    for (int i = 0; i < argc; i++) {
        cp_diags diags = CP_DIAGS_INIT;
        const char *base = cp_path_base(argv[i]);
        if (load) {
            cp_image *img;
            if (cp_image_load(&img, argv[i], base, &diags) == 0)
                print_image(base, img);
            cp_image_free(img);
        } else {
            cp_image img;
            if (cp_image_probe(&img, argv[i], base, &diags) == 0)
                print_image(base, &img);
        }
        fflush(stdout);
        cp_diags_print(&diags, stdout);
        if ((int)cp_diags_status(&diags) > status)
            status = (int)cp_diags_status(&diags);
        cp_diags_free(&diags);
    }
    return status;
}

static int
cmd_rgba(const char *path)
{
    cp_diags diags = CP_DIAGS_INIT;
    cp_image *img;
    if (cp_image_load(&img, path, cp_path_base(path), &diags) < 0 || img->is_jpeg) {
        cp_diags_print(&diags, stderr);
        cp_diags_free(&diags);
        cp_image_free(img);
        return 3;
    }
    size_t n = (size_t)img->width * (size_t)img->height;
    int cc = img->cs == CP_CS_GRAY ? 1 : 3, bytes = img->bits / 8;
    unsigned char *out = xmalloc(n * 4);
    for (size_t i = 0; i < n; i++) {
        for (int k = 0; k < 3; k++) {
            const unsigned char *s = img->data + (i * (size_t)cc + (size_t)(cc == 1 ? 0 : k)) * (size_t)bytes;
            /* 16 -> 8 bits as ImageMagick 6 (Q16 HDRI) here does it: v / 257
             * rounded down. */
            out[i * 4 + (size_t)k] = bytes == 2 ? (unsigned char)(((unsigned)s[0] << 8 | s[1]) / 257) : s[0];
        }
        out[i * 4 + 3] = img->alpha ? img->alpha[i] : 0xFF;
    }
    fwrite(out, 4, n, stdout);
    free(out);
    cp_image_free(img);
    return 0;
}

/* libheif's own RGB of the primary picture of buf, interleaved (rows
 * *stride apart, w x h), or NULL; *ref to heif_image_release. */
static const unsigned char *
heif_reference(const char *buf, size_t len, struct heif_image **ref, int *stride, int *w,
               int *h)
{
    struct heif_context *ctx = heif_context_alloc();
    struct heif_image_handle *handle = NULL;
    const unsigned char *px = NULL;
    *ref = NULL;
    if (heif_context_read_from_memory_without_copy(ctx, buf, len, NULL).code == heif_error_Ok &&
        heif_context_get_primary_image_handle(ctx, &handle).code == heif_error_Ok &&
        heif_decode_image(handle, ref, heif_colorspace_RGB, heif_chroma_interleaved_RGB,
                          NULL).code == heif_error_Ok) {
        px = heif_image_get_plane_readonly(*ref, heif_channel_interleaved, stride);
        *w = heif_image_get_width(*ref, heif_channel_interleaved);
        *h = heif_image_get_height(*ref, heif_channel_interleaved);
    }
    heif_image_handle_release(handle);
    heif_context_free(ctx);
    return px;
}

static int
cmd_planes(const char *path)
{
    cp_diags diags = CP_DIAGS_INIT;
    const char *base = cp_path_base(path);
    char *buf = NULL;
    size_t len = 0;
    cp_image photo, *img = NULL;
    memset(&photo, 0, sizeof photo);
    struct heif_image *ref = NULL;
    unsigned char *row = NULL;
    int rc = 3;
    int pr = -1;
    if (cp_read_file(&buf, &len, path, (size_t)CP_IMAGE_MAX_BYTES) == 0) {
        /* As the PDF writer decodes it: its planes, or its pixels. */
        pr = cp_image_heif_planes(&photo, (const unsigned char *)buf, len, base, &diags);
        if (pr == 1)
            pr = cp_image_decode_page(&photo, (const unsigned char *)buf, len, 0, 1, base,
                                      &diags);
    }
    if (pr < 0) {
        cp_diags_print(&diags, stderr);
        goto done;
    }
    long differ = 0;
    if (photo.plane[0]) {
        int stride = 0, w = 0, h = 0;
        const unsigned char *px = heif_reference(buf, len, &ref, &stride, &w, &h);
        if (px == NULL || w != photo.width || h != photo.height) {
            fprintf(stderr, "%s: libheif decodes it otherwise\n", base);
            goto done;
        }
        row = xmalloc((size_t)w * 3);
        for (int y = 0; y < h; y++) {
            cp_image_plane_row(&photo, y, row);
            for (size_t i = 0; i < (size_t)w * 3; i++)
                differ += row[i] != px[(size_t)y * (size_t)stride + i];
        }
    } else {
        if (cp_image_load(&img, path, base, &diags) < 0 || img->bits != 8 ||
            img->cs != CP_CS_RGB || img->width != photo.width || img->height != photo.height) {
            cp_diags_print(&diags, stderr);
            goto done;
        }
        for (size_t i = 0; i < (size_t)img->width * (size_t)img->height * 3; i++)
            differ += img->data[i] != photo.data[i];
    }
    printf("%s: %s %dx%d, %ld samples differ\n", base, photo.plane[0] ? "planes" : "pixels",
           photo.width, photo.height, differ);
    rc = 0;
done:
    free(buf);
    free(row);
    free(photo.data);
    free(photo.alpha);
    if (photo.release)
        photo.release(photo.owner);
    heif_image_release(ref);
    cp_image_free(img);
    cp_diags_free(&diags);
    return rc;
}

static double
now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int
cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* A full-size decode, for comparison with the 1/8 one. */
static void
full_decode(const unsigned char *buf, size_t len)
{
    struct jpeg_decompress_struct cinfo;
    struct jpeg_error_mgr jerr;
    cinfo.err = jpeg_std_error(&jerr);
    jpeg_create_decompress(&cinfo);
    jpeg_mem_src(&cinfo, buf, (unsigned long)len);
    jpeg_read_header(&cinfo, TRUE);
    jpeg_start_decompress(&cinfo);
    JSAMPLE *row = xmalloc((size_t)cinfo.output_width * (size_t)cinfo.output_components);
    while (cinfo.output_scanline < cinfo.output_height)
        jpeg_read_scanlines(&cinfo, &row, 1);
    jpeg_finish_decompress(&cinfo);
    jpeg_destroy_decompress(&cinfo);
    free(row);
}

static int
cmd_time(const char *path, int n)
{
    char *buf;
    size_t len;
    if (n < 1 || n > 50 || cp_read_file(&buf, &len, path, CP_IMAGE_MAX_BYTES) < 0)
        return 2;
    double *t[3];
    for (int k = 0; k < 3; k++)
        t[k] = xcalloc((size_t)n, sizeof(double));
    for (int i = 0; i < n; i++) {
        cp_diags diags = CP_DIAGS_INIT;
        cp_image img;
        double t0 = now_ms();
        cp_image_jpeg_markers(&img, (unsigned char *)buf, len, "x", &diags);
        double t1 = now_ms();
        cp_image_jpeg(&img, (unsigned char *)buf, len, 0, "x", &diags);
        double t2 = now_ms();
        full_decode((unsigned char *)buf, len);
        double t3 = now_ms();
        t[0][i] = t1 - t0;
        t[1][i] = t2 - t1;
        t[2][i] = t3 - t2;
        cp_diags_free(&diags);
    }
    const char *what[3] = { "markers", "probe (markers + 1/8 decode)", "full decode" };
    for (int k = 0; k < 3; k++) {
        qsort(t[k], (size_t)n, sizeof(double), cmp_double);
        printf("%s: %.2f ms (median of %d)\n", what[k], t[k][n / 2], n);
        free(t[k]);
    }
    free(buf);
    return 0;
}

/* Build a claim by hand: the claim parser is not needed to check files. */
static int
cmd_evidence(int argc, char **argv)
{
    cp_claim c;
    cp_diags diags = CP_DIAGS_INIT;
    memset(&c, 0, sizeof c);
    c.dir = argv[0];
    c.path = "claim.xml";
    c.n_documents = (size_t)argc - 1;
    c.documents = xcalloc(c.n_documents, sizeof *c.documents);
    for (size_t i = 0; i < c.n_documents; i++) {
        char *spec = xstrdup(argv[i + 1]);
        char *line = strchr(spec, ':');
        char *pattern = line ? strchr(line + 1, ':') : NULL;
        if (pattern == NULL) {
            fprintf(stderr, "image-probe: KIND:LINE:PATTERN expected\n");
            return 2;
        }
        *line++ = '\0';
        *pattern++ = '\0';
        int kind = -1;
        static const char *const kinds[] = { "proof-of-purchase", "photo", "screenshot",
            "correspondence", "technical-report", "tracking", "other" };
        for (size_t k = 0; k < CP_ARRAY_LEN(kinds); k++)
            if (strcmp(spec, kinds[k]) == 0)
                kind = (int)k;
        if (kind < 0) {
            fprintf(stderr, "image-probe: unknown kind %s\n", spec);
            return 2;
        }
        c.documents[i].kind = (enum cp_doc_kind)kind;
        c.documents[i].loc.line = atoi(line);
        c.documents[i].loc.col = 5;
        c.documents[i].file = xstrdup(pattern);
        free(spec);
    }
    int r = cp_evidence_check(&c, &diags);
    cp_diags_print(&diags, stderr);
    for (size_t i = 0; i < c.n_documents; i++) {
        cp_document *d = &c.documents[i];
        for (size_t k = 0; k < d->n_files; k++) {
            printf("%d: %s %s\n", d->loc.line, d->files[k].display,
                   cp_format_name(d->files[k].format));
        }
        cp_evidence_files_free(d);
        free(d->file);
    }
    free(c.documents);
    int status = (int)cp_diags_status(&diags);
    cp_diags_free(&diags);
    if ((r < 0) != (status != 0))
        return 99;   /* the return value and the diagnostics disagree */
    return status;
}

/* jpeg-scan.c's answer, after the header reading jpeg_decode_check does. */
static int
scan_verdict(const unsigned char *buf, size_t len)
{
    cp_diags diags = CP_DIAGS_INIT;
    int r = cp_image_jpeg_entropy(buf, len, 2, "x.jpg", &diags);
    cp_diags_free(&diags);
    return r == 0;
}

static int
entropy_ok(const unsigned char *buf, size_t len, int quick)
{
    cp_diags diags = CP_DIAGS_INIT;
    int r = cp_image_jpeg_entropy(buf, len, quick, "x.jpg", &diags);
    cp_diags_free(&diags);
    return r == 0;
}

typedef struct jpeg_tally {
    int variants, refused, clean, wrong, differs;
} jpeg_tally;

static void
tally(jpeg_tally *t, const unsigned char *buf, size_t len)
{
    int clean = scan_verdict(buf, len), ok = entropy_ok(buf, len, 0);
    t->variants++;
    t->refused += !ok;
    t->clean += clean;
    t->wrong += clean && !ok;
    t->differs += entropy_ok(buf, len, 1) != ok;
}

/* The entropy-coded data runs from after the first SOS segment to the last
 * EOI; variants are made there. */
static void
entropy_span(const unsigned char *b, size_t n, size_t *from, size_t *to)
{
    *from = 2;
    *to = n;
    for (size_t i = 2; i + 4 <= n; i++)
        if (b[i] == 0xFF && b[i + 1] == 0xDA) {
            *from = i + 2 + ((size_t)b[i + 2] << 8 | b[i + 3]);
            break;
        }
    for (size_t i = n; i >= 2 && i > *from; i--)
        if (b[i - 2] == 0xFF && b[i - 1] == 0xD9) {
            *to = i;
            break;
        }
    if (*from > *to)
        *from = *to;
}

static int
cmd_jpegscan(const char *path, int count)
{
    char *file;
    size_t len;
    if (cp_read_file(&file, &len, path, (size_t)CP_IMAGE_MAX_BYTES) < 0) {
        fprintf(stderr, "%s: cannot read\n", path);
        return 3;
    }
    const unsigned char *orig = (const unsigned char *)file;
    unsigned char *v = xmalloc(len + 8);
    size_t from, to;
    entropy_span(orig, len, &from, &to);
    size_t span = to - from;
    unsigned long seed = 12345;
#define RAND() (seed = seed * 6364136223846793005u + 1442695040888963407u, (size_t)(seed >> 33))
    static const unsigned char put[][2] = {
        { 0xFF, 0x00 }, { 0xFF, 0xD0 }, { 0xFF, 0xD1 }, { 0xFF, 0xD9 }, { 0xFF, 0xFF }, { 0x00, 0x00 },
    };
    jpeg_tally t = { 0 };

    for (int i = 0; span > 0 && i < count; i++) {
        size_t at = from + RAND() % span, n = len;
        memcpy(v, orig, len);
        switch (i % 6) {
        case 0:                         /* cut short */
            n = at;
            break;
        case 1:                         /* one bit flipped */
            v[at] ^= (unsigned char)(1u << (RAND() % 8));
            break;
        case 2:                         /* a byte replaced */
            v[at] = (unsigned char)RAND();
            break;
        case 3:                         /* two bytes put in */
            memmove(v + at + 2, v + at, len - at);
            memcpy(v + at, put[RAND() % 6], 2);
            n = len + 2;
            break;
        case 4:                         /* a byte taken out */
            memmove(v + at, v + at + 1, len - at - 1);
            n = len - 1;
            break;
        case 5:                         /* near the end: the last MCUs, EOI */
            at = to - 1 - RAND() % (span < 16 ? span : 16);
            if (RAND() % 2)
                n = at;
            else
                v[at] ^= (unsigned char)(1u << (RAND() % 8));
            break;
        }
        tally(&t, v, n);
    }
#undef RAND
    printf("%s: jpeg-scan %s, libjpeg %s; %d variants: libjpeg refuses %d, jpeg-scan clean %d, wrong %d, differs %d\n",
           cp_path_base(path), scan_verdict(orig, len) ? "clean" : "not sure",
           entropy_ok(orig, len, 0) ? "ok" : "refuses", t.variants, t.refused, t.clean, t.wrong,
           t.differs + (entropy_ok(orig, len, 1) != entropy_ok(orig, len, 0)));
    free(v);
    free(file);
    return t.wrong || t.differs ? 1 : 0;
}

static int
same_fields(const cp_image *a, const cp_image *b)
{
    return a->width == b->width && a->height == b->height && a->bits == b->bits &&
           a->cs == b->cs && a->size == b->size && a->orientation == b->orientation &&
           a->dpi_x == b->dpi_x && a->dpi_y == b->dpi_y && a->data == NULL && b->data == NULL;
}

static int
verdict_one(const char *path)
{
    char *buf;
    size_t len;
    if (cp_read_file(&buf, &len, path, (size_t)CP_IMAGE_MAX_BYTES) < 0) {
        printf("%s: unreadable\n", path);
        return 1;
    }
    const unsigned char *u = (const unsigned char *)buf;
    cp_image fast, slow;
    cp_diags diags = CP_DIAGS_INIT;
    int clean = cp_image_png_fast(&fast, u, len);
    int ok = cp_image_png_libpng(&slow, u, len, "x", &diags) == 0;
    const char *same = clean && ok ? (same_fields(&fast, &slow) ? "same" : "differ") : "-";
    printf("%s: fast %s libpng %s %s\n", path, clean ? "clean" : "unsure",
           ok ? "ok" : "refused", same);
    cp_diags_free(&diags);
    free(buf);
    return clean && (!ok || strcmp(same, "same") != 0);
}

static int
cmd_pngverdict(int argc, char **argv)
{
    int bad = 0;
    for (int i = 0; i < argc; i++)
        bad |= verdict_one(argv[i]);
    if (argc == 0) {
        char line[4096];
        while (fgets(line, sizeof line, stdin)) {
            line[strcspn(line, "\n")] = '\0';
            if (line[0])
                bad |= verdict_one(line);
        }
    }
    return bad;
}

int
main(int argc, char **argv)
{
    if (argc >= 2 && strcmp(argv[1], "pngverdict") == 0)
        return cmd_pngverdict(argc - 2, argv + 2);
    if (argc >= 3 && strcmp(argv[1], "probe") == 0)
        return cmd_probe(argc - 2, argv + 2, 0);
    if (argc >= 3 && strcmp(argv[1], "load") == 0)
        return cmd_probe(argc - 2, argv + 2, 1);
    if (argc >= 3 && strcmp(argv[1], "rgba") == 0) {
        for (int i = 2; i < argc; i++)
            if (cmd_rgba(argv[i]) != 0)
                return 3;
        return 0;
    }
    if (argc >= 3 && strcmp(argv[1], "planes") == 0) {
        for (int i = 2; i < argc; i++)
            if (cmd_planes(argv[i]) != 0)
                return 3;
        return 0;
    }
    if (argc == 4 && strcmp(argv[1], "time") == 0)
        return cmd_time(argv[2], atoi(argv[3]));
    if (argc >= 3 && strcmp(argv[1], "jpegscan") == 0) {
        int status = 0, first = 2, count = 300;
        if (argc >= 5 && strcmp(argv[2], "-n") == 0) {
            count = atoi(argv[3]);
            first = 4;
        }
        for (int i = first; i < argc; i++)
            status |= cmd_jpegscan(argv[i], count);
        return status;
    }
    if (argc >= 4 && strcmp(argv[1], "evidence") == 0)
        return cmd_evidence(argc - 2, argv + 2);
    fprintf(stderr, "usage: image-probe probe|load|rgba|planes|pngverdict|time|jpegscan|"
                    "evidence ...\n");
    return 2;
}
