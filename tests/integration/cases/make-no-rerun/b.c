#include "defs.h"
#ifndef DEFS_H_COMPLETE
#error "defs.h is partial"
#endif
int b(void) { return DEF_B; }
