#include <stdio.h>
#include "matrix.h"
int main(void) {
  printf("linked value=%d\n", VALUE);
  return 0;
}
