/* dataxml.h: reading claimpack's own XML data files (data/checklist.xml,
 * data/law/, data/channels.xml and the user's own channels.xml) without
 * DTDs, entities or network: they are data we ship, but a user may point
 * CLAIMPACK_DATADIR anywhere or write a channels.xml. Implemented in claim-xml.c,
 * beside the reading of claim files. */
#ifndef CP_DATAXML_H
#define CP_DATAXML_H

#include <stdbool.h>
#include <stddef.h>
#include <libxml/tree.h>
#include "claimpack/diag.h"

/* The document at path (at most limit bytes) whose root element is <root>,
 * or NULL with an error naming `what` ("the checklist rules"). The caller
 * frees it with xmlFreeDoc. */
xmlDoc *cp_data_xml_load(const char *path, const char *root, const char *what, size_t limit,
                         cp_diags *diags);

/* Attribute name of n as a new string (the file's bytes, not collapsed as
 * claim fields are), or NULL when absent. */
char *cp_data_xml_prop(const xmlNode *n, const char *name);

/* Whether n has attribute `name` and it is `value`, without copying it
 * (lookups that try every element of a list, as the checklist's messages). */
bool cp_data_xml_prop_is(const xmlNode *n, const char *name, const char *value);

#endif
