// Only the header matters: LLVMFuzzerRunDriver is defined by the libFuzzer runtime.
#include "CFuzzerDriver.h"
