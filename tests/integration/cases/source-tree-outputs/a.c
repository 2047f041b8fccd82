#include "generated/table.h"
#ifndef TABLE_H_COMPLETE
#error "generated/table.h is partial"
#endif
int cells(void) { return ROWS * COLS; }
