/* maxsize.h: --max-size: how far the pictures of a pack have to shrink for
 * the PDF to fit a number of bytes, and the smaller pictures themselves.
 *
 * One ladder of levels, best first, is shared by every picture: photos go
 * down in resolution (200 dpi at the printed size, then 150, 120 ... 50)
 * and JPEG quality; pictures of text (screenshots, see cp_maxsize_pic.sharp)
 * are kept as they are while photos still have room to give, then
 * re-encoded at their own size, and scaled only on the last levels. The
 * chosen level is the first whose pictures, encoded for real, fit; levels
 * that cannot fit any more are dropped while pictures are being encoded, so
 * each picture is decoded once (two at a time, on two threads).
 *
 * The caller owns the pictures; cp_maxsize_shrink fills their results,
 * which cp_maxsize_clear frees.
 */
#ifndef CP_MAXSIZE_H
#define CP_MAXSIZE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "claimpack/diag.h"
#include "image.h"

typedef struct cp_maxsize_pic {
    const char *path, *display;
    const cp_image *info;          /* probed */
    double box_w, box_h;           /* the upright picture's box on its page, points */
    bool sharp;                    /* text: a screenshot, a scan */
    const char *member;            /* a picture inside a chat's .zip (chat.h): read
                                    * from there, checked against sha256; else NULL */
    const char *sha256;            /* hex, of the bytes the index (or the chat) hashed */
    const struct cp_file_stamp *stamp;  /* the file as the evidence check found it, or
                                    * NULL, and sum: as cp_asm_image's (assemble.h) */
    uint64_t sum;
    size_t kept_size;              /* its bytes in the PDF when used as it is */
    /* results; data NULL = used as it is */
    unsigned char *data;           /* baseline JPEG, malloc'd */
    size_t size;
    cp_image reduced;              /* describes data (orientation kept); no buffers */
    int dpi, quality;              /* at the printed size */
} cp_maxsize_pic;

/* The number of levels; level 0 is the best. */
int cp_maxsize_levels(void);

/* Find the first level from `first_level` on whose pictures add up to at
 * most `budget` bytes and fill the results. 0 done (*level set), 1 no level
 * fits (the results are the last level's, *smallest their bytes), -1 a
 * picture failed to decode (CP_INPUT diagnostics). */
int cp_maxsize_shrink(cp_maxsize_pic *pics, size_t n, long long budget, int first_level,
                      int *level, long long *smallest, cp_diags *diags);

void cp_maxsize_clear(cp_maxsize_pic *pics, size_t n);

#endif
