#include <stdio.h>
#include "v.h"
#include "w.h"
int main(void) {
  printf("good=%d\n", VALUE + WVALUE);
  return 0;
}
