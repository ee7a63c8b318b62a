/* tests/fuzz/fuzz-png.c: the PNG half of image.c, checked then loaded;
 * then the same bytes again with every chunk's CRC made right, because a
 * mutation almost always breaks a CRC and libpng would stop there. */
#include "config.h"
#include "image.h"
#include "fuzz.h"

#include <stdlib.h>
#include <string.h>
#include <zlib.h>

static void
run(const uint8_t *data, size_t size)
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
}

static uint32_t
be32(const uint8_t *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    run(data, size);
    if (size < 8 || size > (1u << 24))
        return 0;
    uint8_t *fixed = malloc(size);
    memcpy(fixed, data, size);
    int changed = 0;
    /* Chunks: length, type, data, CRC over type and data. */
    for (size_t off = 8; size - off >= 12;) {
        uint32_t n = be32(fixed + off);
        if (n > size - off - 12)
            break;
        uLong crc = crc32(0L, fixed + off + 4, (uInt)n + 4);
        uint8_t *c = fixed + off + 8 + n;
        if (be32(c) != (uint32_t)crc) {
            c[0] = (uint8_t)(crc >> 24);
            c[1] = (uint8_t)(crc >> 16);
            c[2] = (uint8_t)(crc >> 8);
            c[3] = (uint8_t)crc;
            changed = 1;
        }
        off += 12 + (size_t)n;
    }
    if (changed)
        run(fixed, size);
    free(fixed);
    return 0;
}
