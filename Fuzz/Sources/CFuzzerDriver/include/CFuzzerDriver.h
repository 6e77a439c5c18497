#ifndef ATTUNE_C_FUZZER_DRIVER_H
#define ATTUNE_C_FUZZER_DRIVER_H

#include <stddef.h>
#include <stdint.h>

/// libFuzzer's entry point for programs that have their own `main` (see
/// https://llvm.org/docs/LibFuzzer.html#using-libfuzzer-as-a-library). It parses the libFuzzer
/// flags in `argv` and calls `callback` with each input; it is defined by the libFuzzer runtime
/// that `-sanitize=fuzzer` links in.
int LLVMFuzzerRunDriver(int *argc, char ***argv,
                        int (*callback)(const uint8_t *data, size_t size));

#endif
