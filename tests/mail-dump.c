/* mail-dump: print what mail.c reads from an .eml (or, with -t, a .txt)
 * file (or a saved web page, .mhtml: its Address first), for tests/mail.test. Exit status: that of the diagnostics.
 *   mail-dump FILE        headers, body, attachments, nested messages
 *   mail-dump -t FILE     cp_text_read
 *   mail-dump -s FILE     "mail" or "not mail" (cp_mail_sniff on the first 4 KB)
 *   mail-dump -h FILE     cp_mail_html_to_text of the whole file
 *   mail-dump -r FILE     cp_outlook_rtf_text of a compressed RTF stream
 */
#include "config.h"
#include "mail.h"
#include "util.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void
dump(const cp_mail *m, int level)
{
    char pre[32];
    snprintf(pre, sizeof pre, "%.*s", level * 2 > 30 ? 30 : level * 2,
             "                              ");
    if (m->url)
        printf("%sAddress: %s\n", pre, m->url);
    printf("%sFrom: %s\n", pre, m->from ? m->from : "(none)");
    printf("%sTo: %s\n", pre, m->to ? m->to : "(none)");
    if (m->cc)
        printf("%sCc: %s\n", pre, m->cc);
    printf("%sDate: %s\n", pre, m->date ? m->date : "(none)");
    printf("%sSubject: %s\n", pre, m->subject ? m->subject : "(none)");
    for (size_t i = 0; i < m->n_attachments; i++)
        printf("%sAttachment: %s\n", pre, m->attachments[i]);
    printf("%sBody:\n", pre);
    const char *s = m->body;
    while (*s) {
        const char *nl = strchr(s, '\n');
        size_t n = nl ? (size_t)(nl - s) : strlen(s);
        printf("%s| %.*s\n", pre, (int)n, s);
        s += n + (nl != NULL);
    }
    for (size_t i = 0; i < m->n_messages; i++) {
        printf("%sMessage %zu:\n", pre, i + 1);
        dump(m->messages[i], level + 1);
    }
}

int
main(int argc, char **argv)
{
    if (argc == 3 && strcmp(argv[1], "-s") == 0) {
        char *buf;
        size_t len;
        if (cp_read_file(&buf, &len, argv[2], (size_t)1 << 30) < 0) {
            perror(argv[2]);
            return 3;
        }
        int yes = cp_mail_sniff((const unsigned char *)buf, len < 4096 ? len : 4096);
        puts(yes ? "mail" : "not mail");
        free(buf);
        return 0;
    }
    if (argc == 3 && strcmp(argv[1], "-r") == 0) {
        char *buf;
        size_t len;
        if (cp_read_file(&buf, &len, argv[2], (size_t)1 << 30) < 0) {
            perror(argv[2]);
            return 3;
        }
        char *t = cp_outlook_rtf_text((const unsigned char *)buf, len);
        free(buf);
        if (t == NULL) {
            fprintf(stderr, "%s: damaged compressed RTF\n", argv[2]);
            return 3;
        }
        puts(t);
        free(t);
        return 0;
    }
    if (argc == 3 && strcmp(argv[1], "-h") == 0) {
        char *buf;
        size_t len;
        if (cp_read_file(&buf, &len, argv[2], (size_t)1 << 30) < 0) {
            perror(argv[2]);
            return 3;
        }
        char *text = cp_mail_html_to_text(buf, len, SIZE_MAX);
        fputs(text, stdout);
        putchar('\n');
        free(text);
        free(buf);
        return 0;
    }
    cp_diags diags = CP_DIAGS_INIT;
    if (argc == 3 && strcmp(argv[1], "-t") == 0) {
        char *text = NULL;
        if (cp_text_read(&text, NULL, argv[2], cp_path_base(argv[2]), &diags) == 0) {
            fputs(text, stdout);
            putchar('\n');
        }
        free(text);
    } else if (argc == 2) {
        cp_mail *m = NULL;
        if (cp_mail_read(&m, argv[1], cp_path_base(argv[1]), &diags) == 0)
            dump(m, 0);
        cp_mail_free(m);
    } else {
        fprintf(stderr, "usage: mail-dump [-t|-s|-h] FILE\n");
        return 2;
    }
    cp_diags_print(&diags, stderr);
    int status = (int)cp_diags_status(&diags);
    cp_diags_free(&diags);
    return status;
}
