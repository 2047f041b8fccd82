#include "clinic/module.c.h"
#ifndef CLINIC_COMPLETE
#error "clinic/module.c.h is partial"
#endif

/*[clinic input]
width 3
height 4
[clinic end]*/
/*[clinic checksum: 8ad515194070b360]*/

int area(void) { return CLINIC_WIDTH * CLINIC_HEIGHT; }
