#include <stdio.h>
#include "v.h"
#include "w.h"
int main(void) {
  printf("via_link=%d\n", VALUE + WVALUE);
  return 0;
}
