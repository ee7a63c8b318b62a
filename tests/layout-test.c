/* layout-test.c: the line breaker, the flow's widow/orphan control, the
 * letter placed on hand-made blocks, and the PDF writer's determinism.
 * Prints TAP. With an argument, also writes the letter PDF there. */
#include "config.h"
#include "claimpack/claimpack.h"
#include "claimpack/l10n.h"
#include "claimpack/template.h"
#include "font.h"
#include "layout.h"
#include "letter.h"
#include "output.h"
#include "pdf.h"
#include "shape.h"
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int n_test, n_fail;

static void
ok(int cond, const char *what)
{
    n_test++;
    printf("%s %d - %s\n", cond ? "ok" : "not ok", n_test, what);
    if (!cond)
        n_fail++;
}

static int
lines_fit(const cp_line *v, size_t n, double width)
{
    for (size_t i = 0; i < n; i++)
        if (v[i].width > width + 1e-6)
            return 0;
    return 1;
}

/* The lines joined with `sep` equal `expect`. */
static int
lines_join(const char *text, const cp_line *v, size_t n, const char *sep, const char *expect)
{
    cp_buf b = CP_BUF_INIT;
    for (size_t i = 0; i < n; i++) {
        if (i)
            cp_buf_puts(&b, sep);
        cp_buf_add(&b, text + v[i].start, v[i].len);
    }
    int r = strcmp(b.data ? b.data : "", expect) == 0;
    if (!r)
        printf("# got '%s'\n", b.data ? b.data : "");
    cp_buf_free(&b);
    return r;
}

static void
test_break(cp_fontset *fs)
{
    cp_line *v;
    size_t n;
    const char *t = "The left speaker is silent on every source, Bluetooth and cable.";
    double full = cp_font_width(fs, CP_FACE_REGULAR, 10, t, strlen(t));
    ok(full > 200 && full < 400, "a sentence measures a plausible width at 10 pt");

    n = cp_layout_break(&v, fs, CP_FACE_REGULAR, 10, t, 1000);
    ok(n == 1 && v[0].len == strlen(t), "a short text is one line");
    free(v);

    n = cp_layout_break(&v, fs, CP_FACE_REGULAR, 10, t, 100);
    ok(n >= 3 && lines_fit(v, n, 100), "a narrow column breaks into lines that fit");
    ok(lines_join(t, v, n, " ", t), "breaks fall at spaces and lose nothing");
    free(v);

    const char *url = "https://www.example.com/orders/404-1234567-1234567/details?ref=abcdefghijklmnop";
    n = cp_layout_break(&v, fs, CP_FACE_REGULAR, 10, url, 80);
    ok(n >= 3 && lines_fit(v, n, 80), "a long URL is broken to fit");
    ok(lines_join(url, v, n, "", url), "the URL's pieces join up again");
    free(v);

    const char *hy = "state-of-the-art noise-cancelling";
    double w = cp_font_width(fs, CP_FACE_REGULAR, 10, "state-of-the-", 13) + 1;
    n = cp_layout_break(&v, fs, CP_FACE_REGULAR, 10, hy, w);
    ok(n >= 2 && v[0].len == 13 && strncmp(hy, "state-of-the-", 13) == 0,
       "a line breaks after a hyphen inside a word");
    free(v);

    const char *mm = "the Magnuson-Moss Warranty Act";
    w = cp_font_width(fs, CP_FACE_REGULAR, 10, "the Magnuson-", 13) + 1;
    n = cp_layout_break(&v, fs, CP_FACE_REGULAR, 10, mm, w);
    ok(n >= 2 && v[0].len == 3, "no break after a hyphen before a capital (Magnuson-Moss)");
    free(v);

    const char *nl = "Nieuwestad 12\n8911 CN Leeuwarden";
    n = cp_layout_break(&v, fs, CP_FACE_REGULAR, 10, nl, 1000);
    ok(n == 2 && lines_join(nl, v, n, "|", "Nieuwestad 12|8911 CN Leeuwarden"),
       "a newline forces a break");
    free(v);

    n = cp_layout_break(&v, fs, CP_FACE_REGULAR, 10, "", 100);
    ok(n == 1 && v[0].len == 0, "an empty text is one empty line");
    free(v);

    const char *utf = "Fryslân: útkomst, ĉu Łódź? Ελληνικά Кириллица";
    n = cp_layout_break(&v, fs, CP_FACE_REGULAR, 10, utf, 60);
    int valid = 1;
    for (size_t i = 0; i < n; i++)
        valid &= cp_utf8_valid(utf + v[i].start, v[i].len);
    ok(valid && lines_fit(v, n, 60), "breaks never split a UTF-8 sequence");
    free(v);

    /* U+10FFFD: no font has it (an emoji would now be drawn, tests/fonts.test);
     * a bad byte is U+FFFD, drawn by a fallback face, the byte never kept. */
    cp_shaped sh;
    cp_shape_line(&sh, fs, CP_FACE_REGULAR, 10, "a\tb\xF4\x8F\xBF\xBD" "c\xFF", 9, CP_DIR_AUTO);
    ok(sh.n == 2 && strcmp(sh.runs[0].codes, "a b?c") == 0
       && strcmp(sh.runs[1].codes, "\xEF\xBF\xBD") == 0 && sh.runs[1].face >= CP_FACE__COUNT,
       "control characters, non-BMP and bad bytes are replaced");
    cp_shaped_free(&sh);

    /* Hebrew in visual order, one run; Arabic joined, set in a fallback:
     * "salam" is an isolated meem (its own code point), a lam-alef
     * ligature and an initial seen (private-use codes: font.h). */
    cp_shape_line(&sh, fs, CP_FACE_REGULAR, 10, "\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D", 8, CP_DIR_AUTO);
    ok(sh.rtl && sh.n == 1 && strcmp(sh.runs[0].codes, "\xD7\x9D\xD7\x95\xD7\x9C\xD7\xA9") == 0,
       "Hebrew is reversed into visual order");
    cp_shaped_free(&sh);
    cp_shape_line(&sh, fs, CP_FACE_REGULAR, 10, "\xD8\xB3\xD9\x84\xD8\xA7\xD9\x85", 8, CP_DIR_AUTO);
    size_t pua = 0, cps = 0;
    for (size_t i = 0; sh.n == 1 && sh.runs[0].codes[i];) {
        uint32_t c;
        i += cp_utf8_next(sh.runs[0].codes + i, strlen(sh.runs[0].codes + i), &c);
        pua += c >= 0xE000 && c <= 0xF8FF;
        cps++;
    }
    ok(sh.rtl && sh.n == 1 && sh.runs[0].face >= CP_FACE__COUNT && cps == 3 && pua == 2
       && strncmp(sh.runs[0].codes, "\xD9\x85", 2) == 0,
       "Arabic is joined: four letters, three glyphs, two of them shaped");
    cp_shaped_free(&sh);
}

/* Text runs on page p. */
static size_t
texts(const cp_layout *L, int p)
{
    size_t k = 0;
    for (size_t i = 0; i < L->pages[p].n_items; i++)
        k += L->pages[p].items[i].kind == CP_LAY_TEXT;
    return k;
}

static void
test_flow(cp_fontset *fs)
{
    const cp_style st = { CP_FACE_REGULAR, 10, 12 };
    const char *para = "one two three four five six seven eight nine ten eleven twelve "
                       "thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty "
                       "twentyone twentytwo twentythree twentyfour twentyfive";
    cp_line *v;
    double width = 100;
    size_t n = cp_layout_break(&v, fs, CP_FACE_REGULAR, 10, para, width);
    free(v);
    ok(n >= 6, "the test paragraph has at least six lines");

    /* Room for one line: the first line would be alone (orphan). */
    cp_layout *L = cp_layout_new(fs);
    int p = cp_layout_add_page(L, 300, 300);
    cp_flow f;
    cp_flow_init(&f, L, p, 10, 10 + width, 12 * 10, 0);
    cp_flow_paragraph(&f, &st, 0, "filler 1\nfiller 2\nfiller 3\nfiller 4\nfiller 5\n"
                                  "filler 6\nfiller 7\nfiller 8\nfiller 9");
    cp_flow_paragraph(&f, &st, 0, para);
    ok(L->n_pages == 2 && texts(L, 0) == 9 && texts(L, 1) == n,
       "a paragraph whose first line would be alone moves to the next page");
    cp_layout_free(L);

    /* Room for n - 1 lines: the last would be alone (widow). */
    L = cp_layout_new(fs);
    p = cp_layout_add_page(L, 300, 300);
    cp_flow_init(&f, L, p, 10, 10 + width, 12 * (double)(n - 1), 0);
    cp_flow_paragraph(&f, &st, 0, para);
    ok(L->n_pages == 2 && texts(L, 0) == n - 2 && texts(L, 1) == 2,
       "a page break never leaves the last line alone");
    cp_layout_free(L);

    /* A keep-together group that does not fit starts a new page. */
    L = cp_layout_new(fs);
    p = cp_layout_add_page(L, 300, 300);
    cp_flow_init(&f, L, p, 10, 10 + width, 12 * 3, 0);
    cp_flow_paragraph(&f, &st, 0, "first");
    cp_flow_need(&f, 36);
    cp_flow_paragraph(&f, &st, 0, "a\nb\nc");
    ok(L->n_pages == 2 && texts(L, 0) == 1 && texts(L, 1) == 3, "cp_flow_need keeps a group together");
    cp_layout_free(L);

    /* A bullet's text hangs: all its lines start at the same x. */
    L = cp_layout_new(fs);
    p = cp_layout_add_page(L, 300, 1000);
    cp_flow_init(&f, L, p, 10, 10 + width, 900, 0);
    cp_flow_bullet(&f, &st, 0, 12, "\xE2\x80\xA2", para);
    n = cp_layout_break(&v, fs, CP_FACE_REGULAR, 10, para, width - 12);
    free(v);
    int hang = L->pages[0].items[0].x == 10;
    for (size_t i = 1; i < L->pages[0].n_items; i++)
        hang &= L->pages[0].items[i].x == 22;
    ok(hang && texts(L, 0) == n + 1, "a bullet hangs its text at one indent");
    cp_layout_free(L);
}

static char *
dup(const char *s)
{
    return xstrdup(s);
}

static void
test_letter(cp_fontset *fs, const char *save)
{
    cp_l10n *l10n = NULL;
    cp_diags d = CP_DIAGS_INIT;
    if (cp_l10n_load(&l10n, CP_LANG_EN, "EU", &d) < 0) {
        printf("ok %d # SKIP no phrases for en yet\n", ++n_test);
        cp_diags_free(&d);
        return;
    }
    cp_claim c;
    memset(&c, 0, sizeof c);
    c.path = dup("claim.xml");
    c.claimant.name = dup("Jelle de Vries");
    c.claimant.address = dup("Nieuwestad 12\n8911 CN Leeuwarden\nNetherlands");
    c.claimant.email = dup("jelle@example.nl");
    c.claimant.phone = dup("+31 58 123 4567");
    c.recipient.name = dup("Amazon EU S.à r.l.");
    c.recipient.department = dup("Customer Service");
    c.recipient.address = dup("38 avenue John F. Kennedy\nL-1855 Luxembourg");

    cp_block blocks[40];
    size_t nb = 0;
    blocks[nb++] = (cp_block){ CP_BLOCK_PARAGRAPH, NULL, dup("On 2 October 2026 I bought wireless headphones from you. Three weeks after delivery the left ear cup stopped producing sound."), 0, 0, NULL, 0, NULL, 0 };
    blocks[nb++] = (cp_block){ CP_BLOCK_HEADING, NULL, dup("What happened"), 0, 0, NULL, 0, NULL, 0 };
    blocks[nb++] = (cp_block){ CP_BLOCK_BULLET, NULL, dup("The left speaker is silent on every source, Bluetooth and cable."), 0, 0, NULL, 0, NULL, 0 };
    blocks[nb++] = (cp_block){ CP_BLOCK_BULLET, NULL, dup("A factory reset as described in the manual did not help, and neither did charging the headphones overnight with the original cable."), 0, 0, NULL, 0, NULL, 0 };
    blocks[nb++] = (cp_block){ CP_BLOCK_BULLET, NULL, dup("Tested on three devices."), 1, 0, NULL, 0, NULL, 0 };
    blocks[nb++] = (cp_block){ CP_BLOCK_FIELD, dup("Order number"), dup("404-1234567-1234567"), 0, 0, NULL, 0, NULL, 0 };
    blocks[nb++] = (cp_block){ CP_BLOCK_FIELD, dup("Product"), dup("Wireless headphones, black (€349.00)"), 0, 0, NULL, 0, NULL, 0 };
    blocks[nb++] = (cp_block){ CP_BLOCK_FIELD, dup("Delivered"), dup("5 October 2026"), 0, 0, NULL, 0, NULL, 0 };
    blocks[nb++] = (cp_block){ CP_BLOCK_GAP, NULL, dup(""), 0, 0, NULL, 0, NULL, 0 };
    for (int i = 0; i < 12; i++)
        blocks[nb++] = (cp_block){ CP_BLOCK_PARAGRAPH, NULL, dup("Under the EU legal guarantee (Directive (EU) 2019/771) the seller is liable for any lack of conformity which exists at the time of delivery and becomes apparent within two years. Please reply by 16 November 2026."), 0, 0, NULL, 0, NULL, 0 };
    cp_letter lt = { dup("Claim for order 404-1234567-1234567: Wireless headphones"),
                     dup("Dear Sir or Madam,"), blocks, nb, dup("Yours faithfully,"),
                     dup("2 November 2026") };

    for (int paper = 0; paper < 2; paper++) {
        cp_layout *L = cp_layout_new(fs);
        cp_letter_opts opt = { (enum cp_paper)paper, -1, 0, 0, 0 };
        int first, count;
        cp_letter_layout(L, &lt, &c, l10n, &opt, &first, &count, &d);
        ok(first == 0 && count == 2 && L->n_pages == 2, "the long letter takes two pages");
        double wx, wy, ww, wh;
        cp_letter_window((enum cp_paper)paper, &wx, &wy, &ww, &wh);
        int inside = 0;
        for (size_t i = 0; i < L->pages[0].n_items; i++) {
            const cp_lay_item *it = &L->pages[0].items[i];
            if (it->kind == CP_LAY_TEXT && strcmp(it->text, "Amazon EU S.à r.l.") == 0)
                inside = it->x >= wx && it->x + it->w <= wx + ww
                         && it->y - it->size * 0.25 >= wy && it->y + it->size <= wy + wh;
        }
        ok(inside, paper ? "letter: the recipient sits in the #10 window"
                         : "A4: the recipient sits in the DIN 5008 address field");
        unsigned char *a = NULL, *b = NULL;
        size_t alen = 0, blen = 0;
        int r1 = cp_pdf_render(&a, &alen, L, NULL, 0, &d);
        int r2 = cp_pdf_render(&b, &blen, L, NULL, 0, &d);
        ok(r1 == 0 && r2 == 0 && alen > 1000 && memcmp(a, "%PDF-", 5) == 0,
           "the letter renders to a PDF");
        ok(alen == blen && memcmp(a, b, alen) == 0, "rendering twice gives the same bytes");
        /* The final size (<= 40 KB) is letter.test's: qpdf compresses. */
        ok(memmem(a, alen, "/FlateDecode", 12) == NULL,
           "the typeset pages come uncompressed (compressed once, by qpdf)");
        printf("# %s: %zu bytes\n", paper ? "letter" : "A4", alen);
        if (save) {
            char *path = xasprintf("%s-%s.pdf", save, paper ? "letter" : "a4");
            cp_output_write(path, a, alen, &d);
            free(path);
        }
        free(a);
        free(b);
        cp_layout_free(L);
    }
    cp_diags_print(&d, stdout);
    cp_diags_free(&d);
    for (size_t i = 0; i < nb; i++) {
        free(blocks[i].label);
        free(blocks[i].text);
    }
    free(lt.subject);
    free(lt.salutation);
    free(lt.closing);
    free(lt.date_line);
    free(c.path);
    free(c.claimant.name);
    free(c.claimant.address);
    free(c.claimant.email);
    free(c.claimant.phone);
    free(c.recipient.name);
    free(c.recipient.department);
    free(c.recipient.address);
    cp_l10n_free(l10n);
}

int
main(int argc, char **argv)
{
    cp_fontset *fs = NULL;
    cp_diags d = CP_DIAGS_INIT;
    int loaded = cp_fontset_load(&fs, &d) == 0;
    ok(loaded, "the fonts load from the data directory");
    cp_diags_print(&d, stdout);
    cp_diags_free(&d);
    if (!loaded) {
        printf("1..%d\n", n_test);
        return 1;
    }
    test_break(fs);
    test_flow(fs);
    test_letter(fs, argc > 1 ? argv[1] : NULL);
    cp_fontset_free(fs);
    printf("1..%d\n", n_test);
    return n_fail != 0;
}
