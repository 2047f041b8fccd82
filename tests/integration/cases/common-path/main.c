#include <stdio.h>
#include "a.h"
#include "b.h"
#include "c.h"
#if !defined(A_H_COMPLETE) || !defined(B_H_COMPLETE) || !defined(C_H_COMPLETE)
#error "a generated header is partial"
#endif
int main(void) {
  printf("a=%d b=%d c=%d\n", VALUE_A, VALUE_B, VALUE_C);
  return 0;
}
