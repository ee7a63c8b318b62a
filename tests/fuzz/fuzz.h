/* tests/fuzz/fuzz.h: what every fuzz target shares. Each target defines
 * LLVMFuzzerTestOneInput; libFuzzer (make fuzz) or standalone.c (make
 * check) calls it. */
#ifndef CP_FUZZ_H
#define CP_FUZZ_H

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Point the data directory at the source tree (the fuzzers live two levels
 * below the build root, where datadir.c does not look). Once. */
void fuzz_init_datadir(void);

/* Write the input to a private temporary file (same name on every call in
 * this process, so nothing piles up); returns its path. Exits on failure:
 * a fuzzer that cannot write its input is broken, not the code under test. */
const char *fuzz_temp_file(const uint8_t *data, size_t size, const char *suffix);

#endif
