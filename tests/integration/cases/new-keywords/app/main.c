#include <stdio.h>

#include "table.h"

int main(void) {
  printf("table=%d\n", table_value());
  return 0;
}
