#include <stdio.h>
#include "matrix.h"
int main(void) {
  printf("direct value=%d\n", VALUE);
  return 0;
}
