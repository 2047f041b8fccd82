#include "defs.h"
#ifndef DEFS_H_COMPLETE
#error "defs.h is partial"
#endif
int c(void) { return DEF_C; }
