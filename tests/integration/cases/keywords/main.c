#include <stdio.h>

#include "table.h"

int main(void) {
  printf("%d\n", TABLE_VALUE);
  return 0;
}
