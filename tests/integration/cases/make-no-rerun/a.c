#include "defs.h"
#ifndef DEFS_H_COMPLETE
#error "defs.h is partial"
#endif
int a(void) { return DEF_A; }
