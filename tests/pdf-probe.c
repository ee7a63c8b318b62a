/* pdf-probe: open PDFs with pdfimport.c and print what it found, for
 * tests/pdfimport.test. Per file:
 *   FILE: pages N
 *   page I: WxH rotate R box x0 y0 x1 y1      (with -s; every page)
 *   outline: <indent>TITLE -> PAGE            (1-based page, "-" for none)
 * then the diagnostics; exit status is the largest one met.
 */
#include "config.h"
#include "pdfimport.h"
#include "util.h"

#include <stdio.h>
#include <string.h>

static void
print_outline(const cp_outline *o, size_t n, int level)
{
    for (size_t i = 0; i < n; i++) {
        printf("outline: %*s%s -> ", level * 2, "", o[i].title);
        if (o[i].page < 0)
            printf("-\n");
        else
            printf("%d\n", o[i].page + 1);
        print_outline(o[i].kids, o[i].n_kids, level + 1);
    }
}

int
main(int argc, char **argv)
{
    int sizes = 0, first = 1;
    if (argc > 1 && strcmp(argv[1], "-s") == 0) {
        sizes = 1;
        first = 2;
    }
    if (first >= argc) {
        fprintf(stderr, "usage: pdf-probe [-s] FILE...\n");
        return 2;
    }
    cp_diags diags = CP_DIAGS_INIT;
    for (int a = first; a < argc; a++) {
        const char *name = cp_path_base(argv[a]);
        cp_pdfdoc *d = NULL;
        if (cp_pdfdoc_open(&d, argv[a], name, &diags) < 0) {
            printf("%s: refused\n", name);
            continue;
        }
        int n = cp_pdfdoc_page_count(d);
        printf("%s: pages %d\n", name, n);
        for (int i = 0; sizes && i < n; i++) {
            cp_pdfbox b;
            if (cp_pdfdoc_page_box(&b, d, i) == 0)
                printf("page %d: %gx%g rotate %d box %g %g %g %g\n", i + 1, b.width,
                       b.height, b.rotate, b.x0, b.y0, b.x1, b.y1);
        }
        cp_outline *o = NULL;
        size_t no = 0;
        cp_pdfdoc_outline(&o, &no, d);
        print_outline(o, no, 0);
        cp_outline_free(o, no);
        cp_pdfdoc_close(d);
    }
    fflush(stdout);
    cp_diags_print(&diags, stderr);
    int status = (int)cp_diags_status(&diags);
    cp_diags_free(&diags);
    return status;
}
