#include "shared.h"
#include "src-shared.h"
int reader1(void) { return SHARED_VALUE; }
