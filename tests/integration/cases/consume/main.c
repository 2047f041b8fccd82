#include <stdio.h>
#include "defs.h"
#ifndef DEFS_H_COMPLETE
#error "defs.h is partial"
#endif
int main(void) {
  printf("consume: %s\n", MESSAGE);
  return 0;
}
