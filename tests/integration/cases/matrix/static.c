#include <stdio.h>
#include "matrix.h"
int slib_value(void);
int main(void) {
  printf("static header value=%d\nstatic library value=%d\n", VALUE, slib_value());
  return 0;
}
