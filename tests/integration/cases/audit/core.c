#include "v.h"
#include "w.h"
int core_value(void) { return VALUE + WVALUE; }
