#include <stdio.h>
#include "clinic/module.c.h"
#ifndef CLINIC_COMPLETE
#error "clinic/module.c.h is partial"
#endif
int area(void);
int main(void) {
  printf("area=%d width=%d\n", area(), CLINIC_WIDTH);
  return 0;
}
