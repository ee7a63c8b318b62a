/* chat.h: chat exports read into a conversation for typesetting: a
 * WhatsApp export, as the chat's text file (`_chat.txt`, "WhatsApp Chat
 * with NAME.txt") or as the .zip the app makes, with or without its media;
 * a Telegram Desktop export (result.json), its photos beside it.
 * chat.c is the only user of libzip and json-c.
 *
 * A cp_chat owns every string in it; cp_chat_free releases it (NULL is
 * fine).
 */
#ifndef CP_CHAT_H
#define CP_CHAT_H

#include <stdbool.h>
#include <stddef.h>
#include "claimpack/date.h"
#include "claimpack/diag.h"
#include "image.h"

/* Limits, checked before anything is decompressed or decoded. */
#define CP_CHAT_MAX_MESSAGES 200000
#define CP_CHAT_MAX_PICTURES 1000          /* the claim's own limit on files */
#define CP_ZIP_MAX_ENTRIES   20000
#define CP_ZIP_MAX_TOTAL     (1024ull * 1024 * 1024)   /* bytes, all members unpacked */
#define CP_ZIP_MAX_RATIO     200           /* unpacked : packed, for members over 1 MB */

enum cp_chat_media {
    CP_CHAT_NO_MEDIA,
    CP_CHAT_PICTURE,    /* a picture of the export, shown inline (pics[picture]) */
    CP_CHAT_FILE,       /* a file in the export that is not a picture (video, audio ...) */
    CP_CHAT_MISSING,    /* a file the export names but does not hold */
    CP_CHAT_OMITTED     /* exported "without media": WhatsApp wrote a placeholder */
};

typedef struct cp_chat_pic {
    char *name;         /* as the chat names it */
    char *display;      /* for messages: "NAME (in CHAT)" */
    char *path;         /* the file beside the chat's text, or the .zip */
    char *member;       /* the member of the .zip; NULL beside a text file */
    cp_image image;     /* probed; no pixel data */
    char sha256[65];    /* of the picture's own bytes (hex) */
} cp_chat_pic;

typedef struct cp_chat_msg {
    char *from;         /* UTF-8; NULL for WhatsApp's own lines (group created ...) */
    cp_datetime when;   /* as the export wrote it, 24-hour */
    char *text;         /* UTF-8, "\n" lines, never NULL (may be "") */
    char *media;        /* the file name the message names, or NULL */
    enum cp_chat_media media_kind;
    int picture;        /* index into pics, or -1 */
} cp_chat_msg;

typedef struct cp_chat {
    const char *app;    /* "WhatsApp", "Telegram" */
    bool zipped;        /* read from the .zip */
    cp_chat_msg *msgs;
    size_t n_msgs;
    cp_chat_pic *pics;
    size_t n_pics;
    size_t n_missing;   /* files named but not in the export */
    uint64_t sum;       /* a chat's text: cp_sum64 of its bytes as read (reread.h), what
                         * the pack's hash must be of; 0 for a .zip, read member by
                         * member (its pictures are held to their SHA-256) */
} cp_chat;

/* True when the bytes are a chat export: a WhatsApp chat's text (its first
 * line and most of the next ones start with a WhatsApp date and time), a
 * .zip holding one, or a Telegram export (a JSON object whose "messages"
 * list is among its first 8 KB, with "from" or "actor" and a date: told by
 * its shape, so that a damaged one is refused as such, not read as text).
 * `buf` must be the whole file. */
bool cp_chat_sniff(const unsigned char *buf, size_t len);
/* The same for a .zip file by its path: libzip reads only its directory
 * and the chat's first 4 KB, so that a chat exported with its photos is
 * not read whole to be told. */
bool cp_chat_sniff_zip(const char *path);

/* Read a chat export and check the pictures it names (each decoded, as
 * `claimpack check` decodes every picture). A damaged or hostile .zip
 * (a member's name leaving the folder, sizes beyond the limits above),
 * text that is not a chat or a broken picture is a CP_INPUT error naming
 * `display`; a named file that is absent is a warning and counted. */
int cp_chat_read(cp_chat **out, const char *path, const char *display, cp_diags *diags);
void cp_chat_free(cp_chat *c);

/* The bytes of picture `pic` read again (for embedding), checked against
 * its size limit. CP_INPUT error naming `display`. 0 or -1. */
int cp_chat_pic_read(char **buf, size_t *len, const char *path, const char *member,
                     const char *display, cp_diags *diags);

#endif
