/* image.c: reading an image file and handing it to its format's half
 * (image-jpeg.c, image-png.c). The format comes from the bytes. */
#include "config.h"
#include "image.h"
#include "util.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

static const unsigned char png_sig[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };

/* Read the file and check it; on success *buf holds its bytes. */
static int
image_read(cp_image *img, unsigned char **buf, size_t *len, int load, const char *path,
           const char *display, cp_diags *diags)
{
    char *data;
    int ret = -1;

    *buf = NULL;
    if (cp_read_file(&data, len, path, CP_IMAGE_MAX_BYTES) < 0) {
        if (errno == EFBIG)
            cp_error(diags, CP_INPUT, display, 0, 0, "the file is larger than %ld MB",
                     CP_IMAGE_MAX_BYTES >> 20);
        else
            cp_error(diags, CP_INPUT, display, 0, 0, "cannot read the file: %s",
                     strerror(errno));
        return -1;
    }
    const unsigned char *u = (const unsigned char *)data;
    if (*len >= 3 && u[0] == 0xFF && u[1] == 0xD8 && u[2] == 0xFF)
        ret = cp_image_jpeg(img, u, *len, load, display, diags);
    else if (*len >= 8 && memcmp(u, png_sig, 8) == 0)
        ret = cp_image_png(img, u, *len, load, display, diags);
    else if (*len >= 16 && memcmp(u + 12, "IHDR", 4) == 0)
        cp_error(diags, CP_INPUT, display, 0, 0, "damaged PNG image: the 8-byte PNG "
                 "signature is wrong (was the file copied as text?)");
    else
        cp_error(diags, CP_INPUT, display, 0, 0, "not a JPEG or PNG image");
    if (ret < 0) {
        free(data);
        return -1;
    }
    *buf = (unsigned char *)data;
    return 0;
}

int
cp_image_probe(cp_image *out, const char *path, const char *display, cp_diags *diags)
{
    unsigned char *buf;
    size_t len;
    memset(out, 0, sizeof *out);
    if (image_read(out, &buf, &len, 0, path, display, diags) < 0)
        return -1;
    if (out->is_jpeg)
        out->size = len;
    free(buf);
    return 0;
}

int
cp_image_load(cp_image **out, const char *path, const char *display, cp_diags *diags)
{
    cp_image *img = xcalloc(1, sizeof *img);
    unsigned char *buf;
    size_t len;

    *out = NULL;
    if (image_read(img, &buf, &len, 1, path, display, diags) < 0) {
        cp_image_free(img);
        return -1;
    }
    if (img->is_jpeg) {
        img->data = buf;
        img->size = len;
    } else {
        free(buf);
    }
    *out = img;
    return 0;
}

void
cp_image_free(cp_image *img)
{
    if (img == NULL)
        return;
    free(img->data);
    free(img->alpha);
    free(img);
}
