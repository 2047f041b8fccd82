#include <stdio.h>
#include "matrix.h"
int main(void) {
  printf("iface value=%d\n", VALUE);
  return 0;
}
