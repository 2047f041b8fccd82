#include <stdio.h>
#include "matrix.h"
int obj_value(void);
int main(void) {
  printf("objlink header value=%d\nobjlink object value=%d\n", VALUE, obj_value());
  return 0;
}
