/* tests/fuzz/fuzz-build.c: cp_build end to end, on a claim made from the
 * input, with real evidence (the small files of tests/fixtures/evidence/).
 *
 * The first bytes choose the claim's type, language, jurisdiction and
 * resolution, the build options (--print, --force, --paper, --max-size,
 * --stamp) and which evidence files are enclosed; the rest, split at NUL
 * bytes, is the text of the claim's fields. Text is kept to what a person
 * could write (printable ASCII, and bytes from 0x80 up stand for a few
 * non-ASCII letters), so that most inputs get past the parser and into
 * the letter, the pack, the typesetting and the assembly.
 *
 * What must hold whatever the input: cp_build returns 0 exactly when it
 * reported no error; on success the output is a whole PDF (it starts with
 * "%PDF-" and its last line is "%%EOF"); on failure nothing is left at the
 * output; a --max-size output is within the size; no other file is left
 * in the directory; the progress callback gets text. A breach aborts. */
#include "config.h"
#include "claimpack/build.h"
#include "claimpack/claimpack.h"
#include "fuzz.h"
#include "util.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char *const types[] = {
    "defective", "damaged", "wrong-item", "not-received", "late-delivery", "billing",
    "refund-missing", "appeal", "escalation", "reminder",
};
static const char *const langs[] = { "en", "nl", "fy", "es", "de", "fr" };
static const char *const jurisdictions[] = { "EU", "NL", "DE", "FR", "ES", "UK", "US", "XX" };
static const char *const resolutions[] = {
    "refund", "replacement", "repair", "compensation", "price-reduction", "other",
};
/* The evidence, one bit of the input each. */
static const struct { const char *kind, *file; } evidence[] = {
    { "photo", "photo.jpg" },
    { "screenshot", "screen.png" },
    { "proof-of-purchase", "invoice.pdf" },
    { "correspondence", "seller.eml" },
};
static const long long max_sizes[] = { 0, 0, 3000, 40000 };
/* What a byte from 0x80 up writes: letters the fonts, the hyphenation and
 * the text checks have to handle. */
static const char *const letters[] = {
    "\xc3\xa9", "\xc3\x9f", "\xc3\xb1", "\xc3\xab", "\xc3\xa2", "\xe2\x82\xac", "\xef\xac\x81",
    "\xe2\x80\x94", "\xc2\xa0", "\xd0\x96", "\xce\xa9", "\xe2\x80\x99",
};

typedef struct reader {
    const uint8_t *p;
    size_t n;
} reader;

static unsigned
take_byte(reader *r)
{
    if (r->n == 0)
        return 0;
    r->n--;
    return *r->p++;
}

/* The next text field, XML-escaped; "fallback" when the input has none. */
static void
put_text(cp_buf *b, reader *r, const char *fallback)
{
    if (r->n == 0) {
        cp_buf_puts(b, fallback);
        return;
    }
    size_t len = 0;
    while (r->n > 0) {
        unsigned c = take_byte(r);
        if (c == 0)
            break;
        if (len++ > 600)
            continue;
        if (c >= 0x80)
            cp_buf_puts(b, letters[c % CP_ARRAY_LEN(letters)]);
        else if (c == '<')
            cp_buf_puts(b, "&lt;");
        else if (c == '&')
            cp_buf_puts(b, "&amp;");
        else if (c == '"')
            cp_buf_puts(b, "&quot;");
        else if (c >= 0x20 && c < 0x7f)
            cp_buf_printf(b, "%c", (int)c);
        else if (c == '\n')
            cp_buf_puts(b, "\n");
        else
            cp_buf_puts(b, " ");
    }
}

static void
make_claim(cp_buf *b, reader *r, const char *evidence_dir)
{
    unsigned t = take_byte(r), l = take_byte(r), j = take_byte(r), res = take_byte(r);
    unsigned ev = take_byte(r);
    cp_buf_printf(b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                  "<claim version=\"1\" type=\"%s\" lang=\"%s\" jurisdiction=\"%s\" "
                  "date=\"2026-11-09\">\n  <claimant><name>",
                  types[t % CP_ARRAY_LEN(types)], langs[l % CP_ARRAY_LEN(langs)],
                  jurisdictions[j % CP_ARRAY_LEN(jurisdictions)]);
    put_text(b, r, "Maria Gonzalez");
    cp_buf_puts(b, "</name><address>");
    put_text(b, r, "350 W 42nd St\nNew York, NY 10036");
    cp_buf_puts(b, "</address><email>maria@example.com</email></claimant>\n"
                "  <recipient><name>");
    put_text(b, r, "Shop Ltd");
    cp_buf_puts(b, "</name><address>");
    put_text(b, r, "1 Market St\nSeattle, WA 98109");
    cp_buf_puts(b, "</address></recipient>\n"
                "  <order number=\"112-345\" placed=\"2026-10-19\" delivered=\"2026-10-22\" "
                "seller=\"Shop Ltd\">\n    <product price=\"89.99\" currency=\"EUR\">");
    put_text(b, r, "Table lamp");
    cp_buf_puts(b, "</product>\n  </order>\n  <problem noticed=\"2026-10-22\">\n    <summary>");
    put_text(b, r, "The lamp arrived broken.");
    cp_buf_puts(b, "</summary>\n");
    for (int k = 0; k < 3 && (k == 0 || r->n > 0); k++) {
        cp_buf_puts(b, "    <fact>");
        put_text(b, r, "The shade was cracked.");
        cp_buf_puts(b, "</fact>\n");
    }
    cp_buf_puts(b, "  </problem>\n");
    /* An appeal, an escalation and a reminder need the earlier claim; left out when
     * the type's bit says so, to reach the checklist's refusal too. */
    if (!(t & 0x80))
        cp_buf_puts(b, "  <previous-claim ref=\"A-1\" date=\"2026-10-25\" outcome=\"rejected\"/>\n");
    cp_buf_printf(b, "  <resolution kind=\"%s\" amount=\"89.99\" currency=\"EUR\">",
                  resolutions[res % CP_ARRAY_LEN(resolutions)]);
    put_text(b, r, "Please refund me.");
    cp_buf_puts(b, "</resolution>\n  <evidence>\n");
    for (size_t k = 0; k < CP_ARRAY_LEN(evidence); k++)
        if (ev & (1u << k))
            cp_buf_printf(b, "    <document kind=\"%s\" file=\"%s/%s\" date=\"2026-10-22\">%s</document>\n",
                          evidence[k].kind, evidence_dir, evidence[k].file, evidence[k].file);
    if (ev & 0x10) {
        cp_buf_puts(b, "    <document kind=\"correspondence\" title=\"Chat\" date=\"2026-10-23\">\n"
                    "      <message from=\"Me\" date=\"2026-10-23T09:31\">");
        put_text(b, r, "Hello?");
        cp_buf_puts(b, "</message>\n    </document>\n");
    }
    cp_buf_puts(b, "  </evidence>\n</claim>\n");
}

static void
check_progress(void *data, enum cp_build_event event, const char *text)
{
    (void)data;
    if ((event != CP_BUILD_STEP && event != CP_BUILD_NOTE) || text == NULL || text[0] == '\0')
        abort();
}

/* A whole PDF: its header, and "%%EOF" as its last line. */
static bool
whole_pdf(const char *path)
{
    FILE *fp = fopen(path, "rb");
    if (fp == NULL)
        return false;
    char head[5], tail[16] = "";
    bool ok = fread(head, 1, 5, fp) == 5 && memcmp(head, "%PDF-", 5) == 0;
    if (ok && fseek(fp, -7, SEEK_END) == 0) {
        size_t n = fread(tail, 1, 7, fp);
        tail[n] = '\0';
        ok = strstr(tail, "%%EOF") != NULL;
    } else {
        ok = false;
    }
    fclose(fp);
    return ok;
}

/* The directory holds the claim and, after a successful build, the PDF. */
static void
check_nothing_left(const char *dir, const char *claim_name, const char *pdf_name)
{
    DIR *d = opendir(dir);
    if (d == NULL)
        abort();
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        const char *n = e->d_name;
        if (strcmp(n, ".") && strcmp(n, "..") && strcmp(n, claim_name) && strcmp(n, pdf_name)) {
            fprintf(stderr, "fuzz-build: %s/%s left behind\n", dir, n);
            abort();
        }
    }
    closedir(d);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static char *evidence_dir;
    if (evidence_dir == NULL) {
        fuzz_init_datadir();
        evidence_dir = xasprintf("%s/tests/fixtures/evidence", CP_SRCDIR);
    }
    reader r = { data, size };
    unsigned flags = take_byte(&r), opt2 = take_byte(&r);

    cp_buf claim = CP_BUF_INIT;
    make_claim(&claim, &r, evidence_dir);
    const char *claim_path = fuzz_temp_file((const uint8_t *)claim.data, claim.len, ".xml");
    cp_buf_free(&claim);
    char *dir = cp_path_dir(claim_path);
    /* No profile or signature of the person running the fuzzer. */
    setenv("XDG_CONFIG_HOME", dir, 1);
    char *out = cp_path_join(dir, "out.pdf");

    cp_build_opts o;
    cp_build_opts_init(&o);
    o.claim_path = claim_path;
    o.output = out;
    o.print = flags & 1;
    o.force = flags & 2;
    o.paper = (flags & 4) ? (int)((flags >> 3) & 1) : -1;
    o.lang = (flags & 16) ? (int)(opt2 % 6) : -1;
    o.stamp = (flags & 32) ? "EXH-" : NULL;
    o.max_size = max_sizes[(opt2 >> 3) % CP_ARRAY_LEN(max_sizes)];
    o.progress = check_progress;

    cp_diags diags = CP_DIAGS_INIT;
    int rc = cp_build(&o, &diags);
    struct stat st;
    bool exists = stat(out, &st) == 0;
    if ((rc == 0) != (cp_diags_errors(&diags) == 0))
        abort();
    if (rc == 0 && !whole_pdf(out)) {
        fprintf(stderr, "fuzz-build: %s is not a whole PDF\n", out);
        abort();
    }
    if (rc == 0 && o.max_size > 0 && st.st_size > o.max_size) {
        fprintf(stderr, "fuzz-build: %lld bytes, over --max-size %lld\n", (long long)st.st_size,
                o.max_size);
        abort();
    }
    if (rc != 0 && exists) {
        fprintf(stderr, "fuzz-build: a failed build left %s\n", out);
        abort();
    }
    check_nothing_left(dir, "input.xml", "out.pdf");
    unlink(out);
    free(out);
    free(dir);
    cp_diags_free(&diags);
    return 0;
}
