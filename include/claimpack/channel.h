/* Channels: where a claim goes and what each takes (data/channels.xml,
 * claimpack(1): COMMANDS, channels; build --for).
 *
 * The built-in data/channels.xml is read first, then the user's own
 * $XDG_CONFIG_HOME/claimpack/channels.xml when there is one: a channel of
 * the same name is replaced whole, a message of the same id and language
 * too, anything else is added. Every text is kept in all six languages; a
 * language the file lacks falls back to English.
 *
 * cp_channels owns everything it points to; cp_channels_free releases it
 * (NULL is fine). Strings returned by the _format functions are the
 * caller's.
 */
#ifndef CLAIMPACK_CHANNEL_H
#define CLAIMPACK_CHANNEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include "claimpack/claim.h"
#include "claimpack/diag.h"

typedef struct cp_channel_text {
    char *id;
    char *text[CP_LANG__COUNT];     /* NULL where the file has none */
} cp_channel_text;

typedef struct cp_channel_source {
    char *what;                     /* "text", "files" or "print" */
    char *href;
} cp_channel_source;

typedef struct cp_channel {
    char *name;
    char *label[CP_LANG__COUNT];
    bool text;                      /* the letter as text (build --text) */
    size_t max_chars;               /* 0 = no limit known */
    bool files;                     /* the PDF */
    char *formats;                  /* with files: "pdf" */
    long long max_bytes;            /* per file; 0 = no limit known */
    int max_pages, max_count;       /* 0 = no limit known */
    bool print;                     /* the PDF for printing (build --print) */
    bool eml;                       /* an e-mail ready to send (build --eml) */
    char *sent[CP_LANG__COUNT];     /* with text: where the PDF went, {file} */
    cp_channel_source *sources;
    size_t n_sources;
    cp_channel_text *steps;         /* in order; {txt} {pdf} {eml} */
    size_t n_steps;
    char *file;                     /* the file it was read from */
    bool user;                      /* from the user's channels.xml */
} cp_channel;

typedef struct cp_channels {
    cp_channel *v;
    size_t n;
    cp_channel_text *msgs;          /* the listing's and the steps' words */
    size_t n_msgs;
} cp_channels;

/* Read the built-in channels and the user's. CP_INPUT errors "FILE:LINE:
 * message" for a file that is not usable; 0 or -1. */
int cp_channels_load(cp_channels **out, cp_diags *diags);
void cp_channels_free(cp_channels *c);

/* The channel called `name`, or NULL. */
const cp_channel *cp_channel_find(const cp_channels *c, const char *name);

/* "amazon-a-to-z, amazon-messages, ...": every name, for a message. */
char *cp_channels_names(const cp_channels *c);

/* The text of `t` in `lang`, else in English. */
const char *cp_channel_text_in(const cp_channel_text *t, enum cp_lang lang);
const char *cp_channel_label(const cp_channel *ch, enum cp_lang lang);

/* A message by id in `lang` with its {name} fields filled from the
 * name, value pairs after `id` (ending in NULL). */
char *cp_channels_format(const cp_channels *c, enum cp_lang lang, const char *id, ...);

/* What the channel takes, in `lang`: "text; PDF files, at most 10 MB per
 * message". */
char *cp_channel_takes(const cp_channels *c, const cp_channel *ch, enum cp_lang lang);

/* Step i in `lang` with the file names filled in (NULL for a file the
 * channel does not take). */
char *cp_channel_step(const cp_channel *ch, size_t i, enum cp_lang lang, const char *txt,
                      const char *pdf, const char *eml);

/* The channel's sentence saying where the PDF `file` went, for the text's
 * list of enclosures, in `lang`; NULL when the channel has none. */
char *cp_channel_sent(const cp_channel *ch, enum cp_lang lang, const char *file);

/* `claimpack channels`: every channel, its label and what it takes, in
 * `lang`. -1 when fp cannot be written. */
int cp_channels_list(FILE *fp, const cp_channels *c, enum cp_lang lang);

#endif
