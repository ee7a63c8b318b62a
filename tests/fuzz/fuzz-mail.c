/* tests/fuzz/fuzz-mail.c: an e-mail (GMime via mail.c) and the same bytes
 * as plain-text correspondence and as HTML. */
#include "config.h"
#include "mail.h"
#include "fuzz.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static void
walk(const cp_mail *m)
{
    /* Every string must be there and terminated. */
    volatile size_t n = strlen(m->body);
    const char *const fields[] = { m->from, m->to, m->cc, m->date, m->subject };
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++)
        if (fields[i])
            n += strlen(fields[i]);
    for (size_t i = 0; i < m->n_attachments; i++)
        n += strlen(m->attachments[i]);
    for (size_t i = 0; i < m->n_messages; i++)
        walk(m->messages[i]);
    (void)n;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    cp_diags diags = CP_DIAGS_INIT;
    cp_mail_sniff(data, size);
    const char *path = fuzz_temp_file(data, size, ".eml");
    cp_mail *m = NULL;
    if (cp_mail_read(&m, path, "fuzz.eml", &diags) == 0)
        walk(m);
    cp_mail_free(m);
    char *text = NULL;
    if (cp_text_read(&text, NULL, path, "fuzz.txt", &diags) == 0)
        free(text);
    if (size < 1 << 20) {
        char *html = malloc(size + 1);
        memcpy(html, data, size);
        html[size] = '\0';
        free(cp_mail_html_to_text(html, strlen(html), SIZE_MAX));
        free(cp_mail_html_to_text(html, strlen(html), size / 4));   /* stopped early */
        free(html);
    }
    cp_diags_free(&diags);
    return 0;
}
