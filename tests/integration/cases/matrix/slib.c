#include "matrix.h"
int slib_value(void) { return VALUE; }
