#include <stdio.h>
#include "c.h"
#ifndef C_H_COMPLETE
#error "c.h is partial"
#endif
int sub_value(void);
int main(void) {
  printf("a=%d b=%d c=%d\n", A_VALUE, sub_value(), C_VALUE);
  return 0;
}
