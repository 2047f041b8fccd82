#include <stdio.h>
#include "one.h"
#include "two.h"
#if !defined(ONE_H_COMPLETE) || !defined(TWO_H_COMPLETE)
#error "a generated header is partial"
#endif
int main(void) {
  printf("value=%d\n", VALUE);
  return 0;
}
