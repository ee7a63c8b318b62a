/* jpeg-err.h: the one libjpeg error manager (image-jpeg.c, downsample.c).
 * libjpeg's default exits the process; ours longjmps back to the caller,
 * and treats damaged entropy data (only a warning to libjpeg, which then
 * paints grey) as an error too. Include after <stdio.h> and <jpeglib.h>. */
#ifndef CP_JPEG_ERR_H
#define CP_JPEG_ERR_H

#include <setjmp.h>

typedef struct cp_jpeg_err {
    struct jpeg_error_mgr pub;
    jmp_buf jb;                     /* set with setjmp before any libjpeg call */
    char msg[JMSG_LENGTH_MAX];      /* libjpeg's words for what went wrong */
} cp_jpeg_err;

/* Fill e and return its jpeg_error_mgr, for cinfo.err. */
struct jpeg_error_mgr *cp_jpeg_err_init(cp_jpeg_err *e);

#endif
