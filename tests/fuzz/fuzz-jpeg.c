/* tests/fuzz/fuzz-jpeg.c: the JPEG half of image.c: markers only, then the
 * full check with load; and the entropy check as photos get it (jpeg-scan.c,
 * then libjpeg) must decide as libjpeg's decode alone does. */
#include "config.h"
#include "image.h"
#include "fuzz.h"

#include <stdlib.h>
#include <string.h>

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    cp_diags diags = CP_DIAGS_INIT;
    cp_image img;
    memset(&img, 0, sizeof img);
    cp_image_jpeg_markers(&img, data, size, "fuzz.jpg", &diags);
    memset(&img, 0, sizeof img);
    if (cp_image_jpeg(&img, data, size, 1, "fuzz.jpg", &diags) == 0) {
        if (img.width <= 0 || img.height <= 0 || img.width > CP_IMAGE_MAX_SIDE ||
            img.height > CP_IMAGE_MAX_SIDE || img.orientation < 1 || img.orientation > 8)
            abort();
    }
    free(img.data);
    free(img.alpha);
    if ((cp_image_jpeg_entropy(data, size, 1, "fuzz.jpg", &diags) == 0) !=
        (cp_image_jpeg_entropy(data, size, 0, "fuzz.jpg", &diags) == 0))
        abort();
    cp_diags_free(&diags);
    return 0;
}
