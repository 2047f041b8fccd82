#include "matrix.h"
int obj_value(void) { return VALUE; }
