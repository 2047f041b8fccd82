#include "shared.h"
#include "src-shared.h"
int reader2(void) { return SHARED_VALUE; }
