#include <stdio.h>
#include "v.h"
int main(void) {
  printf("value=%d\n", VALUE);
  return 0;
}
