#include <stdio.h>

#include "derived.h"
#include "generated/table.h"
int main(void) {
  printf("rows=%d cols=%d derived_rows=%d\n", ROWS, COLS, DERIVED_ROWS);
  return 0;
}
