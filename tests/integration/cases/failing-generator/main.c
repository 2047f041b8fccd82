#include <stdio.h>
#include "first.h"
#include "second.h"
#if !defined(FIRST_H_COMPLETE) || !defined(SECOND_H_COMPLETE)
#error "a generated header is partial"
#endif
int main(void) {
  printf("value=%d\n", VALUE);
  return 0;
}
