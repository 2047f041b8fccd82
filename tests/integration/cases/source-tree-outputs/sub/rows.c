#include "generated/table.h"
#ifndef TABLE_H_COMPLETE
#error "generated/table.h is partial"
#endif
int rows(void) { return ROWS; }
