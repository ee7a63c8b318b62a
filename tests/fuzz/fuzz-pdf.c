/* tests/fuzz/fuzz-pdf.c: a PDF through pdfimport.c: open (qpdf), page
 * boxes, outline. */
#include "config.h"
#include "pdfimport.h"
#include "fuzz.h"

#include <stdlib.h>
#include <string.h>

static void
walk(const cp_outline *o, size_t n, int pages)
{
    for (size_t i = 0; i < n; i++) {
        if (o[i].title == NULL || o[i].page < -1 || o[i].page >= pages)
            abort();
        walk(o[i].kids, o[i].n_kids, pages);
    }
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    cp_diags diags = CP_DIAGS_INIT;
    const char *path = fuzz_temp_file(data, size, ".pdf");
    cp_pdfdoc *d = NULL;
    if (cp_pdfdoc_open(&d, path, "fuzz.pdf", &diags) == 0) {
        int n = cp_pdfdoc_page_count(d);
        if (n < 1 || n > CP_PDF_MAX_PAGES)
            abort();
        for (int i = 0; i < n; i++) {
            cp_pdfbox b;
            if (cp_pdfdoc_page_box(&b, d, i) < 0 || !(b.width > 0) || !(b.height > 0))
                abort();
        }
        cp_pdfbox b;
        if (cp_pdfdoc_page_box(&b, d, n) == 0)
            abort();
        cp_outline *o = NULL;
        size_t no = 0;
        cp_pdfdoc_outline(&o, &no, d);
        walk(o, no, n);
        cp_outline_free(o, no);
    }
    cp_pdfdoc_close(d);
    cp_diags_free(&diags);
    return 0;
}
