#include "shared.h"
#include "src-shared.h"
int reader3(void) { return SHARED_VALUE; }
