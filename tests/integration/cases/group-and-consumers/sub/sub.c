#include "b.h"
#ifndef B_H_COMPLETE
#error "b.h is partial"
#endif
int sub_value(void) { return B_VALUE; }
