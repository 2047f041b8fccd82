#include <stdio.h>
#include "matrix.h"
int main(void) {
  printf("subdir value=%d\n", VALUE);
  return 0;
}
