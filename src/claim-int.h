/* claim-int.h: what the three files that read a claim share, and nothing
 * else includes: claim.c (the model and the claim file), claim-xml.c
 * (reading XML safely, and the wording of data/messages.xml) and
 * claim-schema.c (data/claim.rng as data, walked alongside the claim). */
#ifndef CLAIMPACK_CLAIM_INT_H
#define CLAIMPACK_CLAIM_INT_H

#include "claimpack/claimpack.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

#include <libxml/tree.h>
#include <libxml/xmlerror.h>

#define CLAIM_MAX_SIZE ((size_t)8 * 1024 * 1024)
#define CLAIM_MAX_SIZE_TEXT "8 MB"
#define RNG_NS "http://relaxng.org/ns/structure/1.0"
#define ANNOT_NS "urn:x-claimpack:schema-annotations"

/* One document being read: where its problems go. */
struct xml_read {
    const char *name;            /* the file as diagnostics name it */
    enum cp_status status;       /* what its problems cost */
    cp_diags *diags;
    const struct msgs *msgs;     /* NULL while reading messages.xml itself */
    const char *buf;
    size_t len;
    bool doctype;
    size_t errors;
};

struct msg_sentence {
    char *id;        /* NULL for an xml-error */
    int code;        /* libxml2's error number for an xml-error, else -1 */
    char *match;     /* an xml-error's condition on libxml2's message, or NULL */
    char *text;
};

struct msg_entry {
    char *element, *attribute;   /* attribute NULL for an element entry */
    char *what, *example, *noun;
};

struct msgs {
    struct msg_sentence *s;
    size_t n_s;
    struct msg_entry *e;
    size_t n_e;
};

struct rng_attr {
    char *name;
    bool required;
    char **values;       /* a <choice> of <value>s, or none */
    size_t n_values;
    char *check;         /* cp:check annotation, or NULL */
};

struct rng_child {
    char *name;
    bool required, many;
    size_t elem;         /* index into rng.elems */
};

struct rng_elem {
    char *define;
    char *name;
    struct rng_attr *attrs;
    size_t n_attrs;
    struct rng_child *children;
    size_t n_children;
    bool text;
};

struct rng {
    struct rng_elem *elems;
    size_t n_elems;
    size_t start;
    char *path;
    char *buf;           /* the schema's bytes, for libxml2's validator */
    size_t len;
};

/* Start tags in the source, in document order, skipping comments, CDATA
 * and processing instructions; libxml2 only knows lines, and for a start
 * tag spread over lines it gives the last one. */
struct scan {
    const char *buf;
    size_t len, off, line_start;
    int line;
};

struct locs {
    cp_loc *v;
    size_t n;
};

struct walk {
    const struct rng *g;
    const struct msgs *m;
    const struct locs *locs;
    cp_diags *diags;
    const char *file;
    enum cp_status status;
    xmlNodePtr *bad;     /* elements a problem was reported at */
    size_t n_bad;
    char **missing;      /* "element.name" of each attribute or child reported
                          * missing or invalid: handed to the model */
    size_t n_missing;
};

/* claim.c: text and value helpers the reading and the walk share. */
char *claim_text_collapse(char *s);
char *xml_node_text_raw(xmlNodePtr n);
char *xml_attr_value(xmlNodePtr n, const char *name);
bool xml_node_is(xmlNodePtr n, const char *name);
bool claim_value_ok(const char *check, const char *v);
/* Does v look like a whole payment card number (12 to 19 digits, maybe
 * in groups split by spaces or dashes)? For the last-four check. */
bool claim_card_number_like(const char *v);
/* A claim or profile file that could not be read (errno err): CP_INPUT. */
void claim_read_failed(const struct msgs *m, cp_diags *diags, const char *file, int err);

/* claim-xml.c: read a document safely (NULL when it cannot be used; its
 * problems are in r->diags), and word a problem from data/messages.xml.
 * msgs_format fills {name} placeholders from (name, value) pairs ending in
 * NULL (cp_fill_v, util.h). */
xmlDocPtr xml_read(struct xml_read *r, const char *buf, size_t len);
char *xml_prop_dup(xmlNodePtr n, const char *name);
void msgs_free(struct msgs *m);
int msgs_load(struct msgs *m, cp_diags *diags);
const char *msgs_sentence(const struct msgs *m, const char *id);
const struct msg_entry *msgs_entry(const struct msgs *m, const char *element, const char *attribute);
char *msgs_format(const struct msgs *m, const char *id, ...);
char *msgs_err_detail(const xmlError *err);
char *msgs_explain(const struct msgs *m, const char *element, const char *attribute);

/* claim-schema.c: load data/claim.rng, find where each element stands in
 * the source, and walk the claim against the schema. */
void rng_free(struct rng *g);
long rng_find_define(const struct rng *g, const char *define);
int rng_load(struct rng *g, const struct msgs *m, cp_diags *diags);
void locs_assign(struct locs *L, struct scan *s, xmlNodePtr n);
cp_loc loc_of(const struct locs *L, xmlNodePtr n);
void walk_report(struct walk *w, xmlNodePtr n, const char *id, ...);
void walk_elem(struct walk *w, xmlNodePtr n, size_t ei);
void rng_validate(struct walk *w, xmlDocPtr doc);

#endif
