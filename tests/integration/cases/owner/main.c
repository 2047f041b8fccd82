#include <stdio.h>
#include "a.h"
#include "b.h"
#if !defined(A_H_COMPLETE) || !defined(B_H_COMPLETE)
#error "a generated header is partial"
#endif
int main(void) {
  printf("a=%d b=%d b_copy_of_a=%d\n", VALUE_A, VALUE_B, VALUE_A);
  return 0;
}
