/* tests/fuzz/fuzz-png.c: the PNG half of image.c, checked then loaded. */
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
    cp_image_png(&img, data, size, 0, "fuzz.png", &diags);
    free(img.data);
    free(img.alpha);
    memset(&img, 0, sizeof img);
    if (cp_image_png(&img, data, size, 1, "fuzz.png", &diags) == 0) {
        /* Touch every byte so a short buffer shows under ASan. */
        volatile unsigned sum = 0;
        for (size_t i = 0; i < img.size; i++)
            sum += img.data[i];
        for (size_t i = 0; i < img.alpha_size; i++)
            sum += img.alpha[i];
        if (img.alpha && img.alpha_size != (size_t)img.width * (size_t)img.height)
            abort();
    }
    free(img.data);
    free(img.alpha);
    cp_diags_free(&diags);
    return 0;
}
