#include <stdio.h>
#include "v.h"
#include "w.h"
int main(void) {
  printf("stray=%d\n", VALUE + WVALUE);
  return 0;
}
