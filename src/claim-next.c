/* claim-next.c: the claim file of the next letter, from an earlier one
 * (claimpack init --from).
 *
 * The earlier file's tree is copied with libxml2, never pasted as text, so
 * that everything the user wrote stays as written, comments and layout
 * too. Only the type changes and the letter's own date goes (the new letter
 * is dated the day it is built); the earlier letter becomes the
 * <previous-claim>, dated, with the reference and outcome for the user to
 * fill in and the comment that the new type's skeleton (data/init/LANG.xml,
 * skeleton.c) has there, so that the file explains itself as `init` writes
 * it. A <previous-claim> the earlier file already had (its letter followed
 * an earlier one) becomes an <event> of the history, so an escalation can
 * tell the whole story; its <reason> and <answer>s still say why the
 * decision is wrong, so they move to the new one. */
#include "config.h"
#include "claimpack/claimpack.h"
#include "claimpack/init.h"
#include "claimpack/l10n.h"
#include "claim-int.h"
#include "law.h"
#include "util.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

static xmlNodePtr
child_named(xmlNodePtr parent, const char *name)
{
    for (xmlNodePtr k = parent->children; k; k = k->next)
        if (xml_node_is(k, name))
            return k;
    return NULL;
}

static bool
is_blank(xmlNodePtr n)
{
    return n && n->type == XML_TEXT_NODE && xmlIsBlankNode(n);
}

/* The comment just before n (white space between them allowed), or NULL. */
static xmlNodePtr
comment_before(xmlNodePtr n)
{
    xmlNodePtr p = n->prev;
    while (is_blank(p))
        p = p->prev;
    return p && p->type == XML_COMMENT_NODE ? p : NULL;
}

/* n, then a line break and the indentation of the claim's children,
 * before `at`: the layout init writes. */
static void
put_before(xmlNodePtr at, xmlNodePtr n, const char *indent)
{
    xmlAddPrevSibling(at, n);
    xmlAddPrevSibling(at, xmlNewDocText(at->doc, (const xmlChar *)indent));
}

/* A claim read from a file, or from the skeleton in memory: NULL when it
 * cannot be used (the reasons are in diags). */
static xmlDocPtr
read_claim(const char *name, const char *buf, size_t len, enum cp_status status,
           const struct msgs *m, cp_diags *diags)
{
    struct xml_read r = { .name = name, .status = status, .diags = diags, .msgs = m };
    xmlDocPtr doc = xml_read(&r, buf, len);
    if (doc && !xml_node_is(xmlDocGetRootElement(doc), "claim")) {
        xmlNodePtr root = xmlDocGetRootElement(doc);
        struct scan sc = { buf, len, 0, 0, 1 };
        struct locs L = { NULL, 0 };
        locs_assign(&L, &sc, root);
        cp_loc at = loc_of(&L, root);
        free(L.v);
        char *msg = msgs_format(m, "wrong-root", "element", (const char *)root->name, NULL);
        cp_error(diags, status, name, at.line, at.col, "%s", msg);
        free(msg);
        xmlFreeDoc(doc);
        doc = NULL;
    }
    return doc;
}

/* An empty element that holds text by the schema keeps its end tag
 * (<name></name>), as init writes the blanks to fill in: libxml2 would
 * write <name/>, which a person less easily fills in. */
static void
keep_end_tags(xmlNodePtr n, const struct rng *g)
{
    for (; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        if (n->children) {
            keep_end_tags(n->children, g);
            continue;
        }
        for (size_t i = 0; i < g->n_elems; i++)
            if (strcmp(g->elems[i].name, (const char *)n->name) == 0) {
                if (g->elems[i].text)
                    xmlAddChild(n, xmlNewDocText(n->doc, (const xmlChar *)""));
                break;
            }
    }
}

/* The skeleton of `type` in `lang` as a tree (CP_INPUT: it is our data). */
static xmlDocPtr
skeleton_doc(enum cp_claim_type type, enum cp_lang lang, const struct msgs *m,
             cp_diags *diags)
{
    char *text = NULL;
    if (cp_init_skeleton(&text, type, lang, diags) < 0)
        return NULL;
    char *rel = xasprintf("data/init/%s.xml", cp_lang_name(lang));
    char *path = cp_data_path(rel);
    xmlDocPtr doc = read_claim(path, text, strlen(text), CP_INPUT, m, diags);
    free(path);
    free(rel);
    free(text);
    return doc;
}

/* A comment's text as init writes comments: " words" lines of at most 72
 * columns after the first, continued under the first word. */
static char *
comment_text(const char *words)
{
    cp_buf b = CP_BUF_INIT;
    size_t col = 7;   /* "  <!-- " */
    cp_buf_putc(&b, ' ');
    for (const char *p = words; *p;) {
        while (*p == ' ')
            p++;
        const char *e = p;
        size_t w = 0;
        while (*e && *e != ' ') {
            w += ((unsigned char)*e & 0xc0) != 0x80;
            e++;
        }
        if (e == p)
            break;
        if (col > 7 && col + 1 + w > 72) {
            cp_buf_puts(&b, "\n       ");
            col = 7;
        } else if (col > 7) {
            cp_buf_putc(&b, ' ');
            col++;
        }
        cp_buf_add(&b, p, (size_t)(e - p));
        col += w;
        p = e;
    }
    cp_buf_putc(&b, ' ');
    return cp_buf_detach(&b);
}

/* The day the earlier letter is dated: its date=, else the day its claim
 * file was last changed (when it was written and, most likely, sent);
 * *guessed says which. */
static cp_date
earlier_date(const cp_claim *c, const char *from, bool *guessed)
{
    *guessed = false;
    if (c && c->date_given)
        return c->date;
    struct stat st;
    *guessed = true;
    if (stat(from, &st) == 0)
        return cp_date_from_days((long)(st.st_mtime / 86400));
    return cp_date_today();
}

/* The history event that keeps an earlier <previous-claim>: "Claim
 * A2Z-1: rejected", in the claim's language. NULL when it has no date,
 * which an event needs. */
static xmlNodePtr
previous_as_event(xmlDocPtr doc, xmlNodePtr pc, const cp_l10n *l)
{
    char *date = xml_prop_dup(pc, "date"), *ref = xml_prop_dup(pc, "ref"),
         *outcome = xml_prop_dup(pc, "outcome");
    cp_date d;
    xmlNodePtr ev = NULL;
    if (date && cp_date_parse(&d, cp_trim(date)) == 0) {
        const char *word = NULL;
        if (outcome && *cp_trim(outcome)) {
            char *key = xasprintf("outcome.%s", outcome);
            word = cp_l10n_lookup(l, key);
            free(key);
            if (!word)
                word = outcome;
        } else {
            word = cp_l10n_get(l, "init.no-outcome");
        }
        char *text = ref && *cp_trim(ref)
                         ? cp_l10n_format(l, "init.event", "ref", ref, "outcome", word, (const char *)NULL)
                         : cp_l10n_format(l, "init.event.no-ref", "outcome", word, (const char *)NULL);
        ev = xmlNewDocNode(doc, NULL, (const xmlChar *)"event", NULL);
        xmlNewProp(ev, (const xmlChar *)"date", (const xmlChar *)date);
        xmlAddChild(ev, xmlNewDocText(doc, (const xmlChar *)text));
        free(text);
    }
    free(date);
    free(ref);
    free(outcome);
    return ev;
}

/* Add ev at the end of the claim's <history>, made where the new
 * <previous-claim> goes (before `at`) when there is none. */
static void
history_add(xmlNodePtr root, xmlNodePtr at, xmlNodePtr ev)
{
    xmlNodePtr h = child_named(root, "history");
    if (!h) {
        h = xmlNewDocNode(root->doc, NULL, (const xmlChar *)"history", NULL);
        xmlAddChild(h, xmlNewDocText(root->doc, (const xmlChar *)"\n  "));
        put_before(at, h, "\n  ");
    }
    xmlNodePtr last = h->last;
    if (is_blank(last)) {
        /* the element first: libxml2 merges a text node into the one
         * beside it */
        xmlAddPrevSibling(last, ev);
        xmlAddPrevSibling(ev, xmlNewDocText(root->doc, (const xmlChar *)"\n    "));
    } else {
        xmlAddChild(h, xmlNewDocText(root->doc, (const xmlChar *)"\n    "));
        xmlAddChild(h, ev);
        xmlAddChild(h, xmlNewDocText(root->doc, (const xmlChar *)"\n  "));
    }
}

/* A comment of `words`, which an XML comment may not hold as "--". */
static xmlNodePtr
new_comment(xmlDocPtr doc, const char *words)
{
    char *t = comment_text(words);
    for (char *p; (p = strstr(t, "--")) != NULL;)
        p[1] = ' ';
    xmlNodePtr n = xmlNewDocComment(doc, (const xmlChar *)t);
    free(t);
    return n;
}

/* An escalation goes to the body the claim's law names (law.c's
 * cp_law_body: the consumer's European Consumer Centre for a seller in
 * another country), so it becomes the recipient, with a comment saying
 * where the data has it from and what to add; with no body in the data
 * the recipient is left to fill in. The seller the earlier letter went to
 * is the order's seller, where the escalation letter names it, and where
 * it is established stays with the order (seller-country), which decides
 * the body. The earlier skeleton's comment on the recipient gives way. */
static void
address_body(xmlNodePtr root, const cp_claim *c, xmlDocPtr old_skel, const cp_l10n *l)
{
    xmlDocPtr doc = root->doc;
    xmlNodePtr order = child_named(root, "order"), rec = child_named(root, "recipient");
    bool moved = order && !xmlHasProp(order, (const xmlChar *)"seller") && c->recipient.name
                 && *c->recipient.name;
    if (moved)
        xmlSetProp(order, (const xmlChar *)"seller", (const xmlChar *)c->recipient.name);
    /* where the trader the earlier letter went to is established: the
     * escalation is as cross-border as that letter was */
    char *country = cp_law_seller_country(c);
    if (order && country && !xmlHasProp(order, (const xmlChar *)"seller-country"))
        xmlSetProp(order, (const xmlChar *)"seller-country", (const xmlChar *)country);
    free(country);

    cp_law_body b;
    bool found = cp_law_body_get(&b, c, cp_lang_name(c->lang));
    char *words = found ? cp_l10n_format(l, b.ecc ? "init.body.ecc" : "init.body", "code", b.code,
                                         "source", b.source, (const char *)NULL)
                        : cp_l10n_format(l, "init.no-body", "code",
                                         c->jurisdiction ? c->jurisdiction : "",
                                         (const char *)NULL);
    if (c->recipient.name && *c->recipient.name) {
        /* the body needs the trader's name and address, and the
         * escalation letter names only the order's seller */
        cp_buf who = CP_BUF_INIT;
        cp_buf_puts(&who, c->recipient.name);
        for (const char *p = c->recipient.address; p && *p;) {
            size_t n = strcspn(p, "\n");
            if (n)
                cp_buf_printf(&who, ", %.*s", (int)n, p);
            p += n;
            p += strspn(p, "\n");
        }
        char *said = cp_l10n_format(l, "init.earlier-recipient", "recipient", who.data,
                                    (const char *)NULL);
        char *w = xasprintf("%s %s%s%s", words, said, moved ? " " : "",
                            moved ? cp_l10n_get(l, "init.seller-moved") : "");
        free(said);
        cp_buf_free(&who);
        free(words);
        words = w;
    }
    xmlNodePtr nr = xmlNewDocNode(doc, NULL, (const xmlChar *)"recipient", NULL);
    xmlAddChild(nr, xmlNewDocText(doc, (const xmlChar *)"\n    "));
    xmlNewTextChild(nr, NULL, (const xmlChar *)"name", (const xmlChar *)(found ? b.name : ""));
    xmlAddChild(nr, xmlNewDocText(doc, (const xmlChar *)"\n  "));
    xmlNodePtr comment = new_comment(doc, words);
    free(words);
    cp_law_body_free(&b);

    xmlNodePtr skel_rec = old_skel ? child_named(xmlDocGetRootElement(old_skel), "recipient") : NULL;
    xmlNodePtr skel_comment = skel_rec ? comment_before(skel_rec) : NULL;
    xmlNodePtr old_comment = rec ? comment_before(rec) : NULL;
    if (rec) {
        xmlReplaceNode(rec, nr);
        xmlFreeNode(rec);
    } else {
        xmlNodePtr at = order ? order : root->last;
        put_before(at, nr, "\n  ");
    }
    if (old_comment && skel_comment && old_comment->content && skel_comment->content
        && strcmp((const char *)old_comment->content, (const char *)skel_comment->content) == 0) {
        xmlReplaceNode(old_comment, comment);
        xmlFreeNode(old_comment);
    } else {
        put_before(nr, comment, "\n  ");
    }
}

/* The comments before <claim> that the earlier type's skeleton wrote
 * ("A claimpack claim: defective ...") say the new type's words instead;
 * any the user changed stay as they are. */
static void
renew_prolog(xmlDocPtr doc, xmlDocPtr old_skel, xmlDocPtr new_skel)
{
    xmlNodePtr a = old_skel->children, b = new_skel->children;
    for (xmlNodePtr n = doc->children; n && n->type != XML_ELEMENT_NODE; n = n->next) {
        while (a && a->type != XML_COMMENT_NODE && a->type != XML_ELEMENT_NODE)
            a = a->next;
        while (b && b->type != XML_COMMENT_NODE && b->type != XML_ELEMENT_NODE)
            b = b->next;
        if (n->type != XML_COMMENT_NODE)
            continue;
        if (!a || !b || a->type != XML_COMMENT_NODE || b->type != XML_COMMENT_NODE)
            break;
        if (a->content && n->content && strcmp((const char *)a->content, (const char *)n->content) == 0)
            xmlNodeSetContent(n, b->content);
        a = a->next;
        b = b->next;
    }
}

int
cp_init_from(char **out, const char *from, enum cp_claim_type type, cp_diags *diags)
{
    *out = NULL;
    struct msgs m;
    char *buf = NULL;
    size_t len = 0;
    int rc = -1;
    cp_claim *c = NULL;
    cp_l10n *l10n = NULL;
    xmlDocPtr doc = NULL, skel = NULL, old_skel = NULL;
    cp_diags earlier = CP_DIAGS_INIT;
    struct rng g;
    memset(&g, 0, sizeof g);
    if (msgs_load(&m, diags) < 0)
        return -1;
    if (cp_read_file(&buf, &len, from, CLAIM_MAX_SIZE) < 0) {
        claim_read_failed(&m, diags, from, errno);
        goto cleanup;
    }
    /* Not XML, or not a claim: located as check says it (exit 1). */
    if (!(doc = read_claim(from, buf, len, CP_INVALID, &m, diags)))
        goto cleanup;
    /* Anything else check finds is carried over as it is: said once. */
    cp_claim_parse_all(&c, from, &earlier);
    if (cp_diags_errors(&earlier))
        cp_warning(diags, from, 0, 0,
                   "the earlier claim has errors, carried over into the new one "
                   "(claimpack check %s lists them)", from);
    enum cp_lang lang = c ? c->lang : CP_LANG_EN;
    if (cp_l10n_load(&l10n, lang, c ? c->jurisdiction : NULL, diags) < 0)
        goto cleanup;

    /* The new <previous-claim> and its comment, from the skeleton of the
     * new type or, when that has none, of an appeal. */
    if (!(skel = skeleton_doc(type, lang, &m, diags)))
        goto cleanup;
    xmlNodePtr spc = child_named(xmlDocGetRootElement(skel), "previous-claim");
    xmlDocPtr appeal = NULL;
    if (!spc) {
        if (!(appeal = skeleton_doc(CP_TYPE_APPEAL, lang, &m, diags)))
            goto cleanup;
        spc = child_named(xmlDocGetRootElement(appeal), "previous-claim");
    }
    xmlNodePtr root = xmlDocGetRootElement(doc);
    xmlNodePtr pc = spc ? xmlDocCopyNode(spc, doc, 1) : NULL;
    xmlNodePtr pc_comment = spc && comment_before(spc) ? xmlDocCopyNode(comment_before(spc), doc, 1)
                                                       : NULL;
    if (appeal)
        xmlFreeDoc(appeal);
    if (!pc) {
        cp_error(diags, CP_INPUT, "data/init", 0, 0, "the skeletons hold no <previous-claim>");
        goto cleanup;
    }
    bool guessed;
    char iso[11];
    cp_date_format_iso(earlier_date(c, from, &guessed), iso);
    xmlSetProp(pc, (const xmlChar *)"date", (const xmlChar *)iso);
    xmlSetProp(pc, (const xmlChar *)"ref", (const xmlChar *)"");

    if (c && (old_skel = skeleton_doc(c->type, lang, &m, diags)) == NULL)
        goto cleanup;
    if (old_skel)
        renew_prolog(doc, old_skel, skel);
    if (c && type == CP_TYPE_ESCALATION && c->type != CP_TYPE_ESCALATION)
        address_body(root, c, old_skel, l10n);
    xmlSetProp(root, (const xmlChar *)"type", (const xmlChar *)cp_claim_type_name(type));
    xmlUnsetProp(root, (const xmlChar *)"date");
    /* A first letter's type is the problem every later letter is about:
     * <problem type> keeps it, so an appeal or a reminder restates that
     * problem's law (template-render.c: basis). */
    xmlNodePtr problem = child_named(root, "problem");
    if (c && problem && !xmlHasProp(problem, (const xmlChar *)"type")
        && c->type != CP_TYPE_APPEAL && c->type != CP_TYPE_ESCALATION
        && c->type != CP_TYPE_REMINDER)
        xmlSetProp(problem, (const xmlChar *)"type", (const xmlChar *)cp_claim_type_name(c->type));

    /* Where it goes: in the place of an earlier one, else after the
     * history, before the resolution as init writes it. */
    xmlNodePtr old = child_named(root, "previous-claim");
    xmlNodePtr at = old ? old : child_named(root, "resolution");
    if (!at)
        at = child_named(root, "evidence");
    if (at && !old && comment_before(at))
        at = comment_before(at);   /* the comment belongs to what follows it */
    if (!at) {
        /* nothing to put it before: at the end, before the closing tag */
        if (!is_blank(root->last))
            xmlAddChild(root, xmlNewDocText(doc, (const xmlChar *)"\n"));
        xmlAddPrevSibling(root->last, xmlNewDocText(doc, (const xmlChar *)"\n  "));
        at = root->last;
    }
    if (old) {
        xmlNodePtr ev = previous_as_event(doc, old, l10n);
        if (ev)
            history_add(root, old, ev);
        for (xmlNodePtr k = old->children, next; k; k = next) {
            next = k->next;
            xmlUnlinkNode(k);
            xmlAddChild(pc, k);
        }
        if (comment_before(old)) {
            xmlFreeNode(pc_comment);   /* the earlier one's comment stays */
            pc_comment = NULL;
        }
    }
    if (pc_comment)
        put_before(at, pc_comment, "\n  ");
    if (guessed) {
        char *note = comment_text(cp_l10n_get(l10n, "init.date-guessed"));
        put_before(at, xmlNewDocComment(doc, (const xmlChar *)note), "\n  ");
        free(note);
    }
    if (old) {
        xmlAddPrevSibling(at, pc);
        xmlUnlinkNode(old);
        xmlFreeNode(old);
    } else {
        put_before(at, pc, "\n  ");
    }

    if (rng_load(&g, &m, diags) < 0)
        goto cleanup;
    keep_end_tags(root, &g);

    xmlChar *mem = NULL;
    int size = 0;
    xmlDocDumpFormatMemoryEnc(doc, &mem, &size, "UTF-8", 0);
    if (!mem) {
        fprintf(stderr, "claimpack: error: out of memory\n");
        exit(CP_OUTPUT);
    }
    *out = xstrndup((const char *)mem, (size_t)size);
    xmlFree(mem);
    rc = 0;
cleanup:
    xmlFreeDoc(old_skel);
    xmlFreeDoc(skel);
    xmlFreeDoc(doc);
    cp_l10n_free(l10n);
    cp_claim_free(c);
    cp_diags_free(&earlier);
    rng_free(&g);
    msgs_free(&m);
    free(buf);
    return rc;
}
