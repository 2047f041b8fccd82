#include <stdio.h>

#include "shared.h"
#include "src-shared.h"

int reader1(void);
int reader2(void);
int reader3(void);

int main(void) {
  /* Every object must have been compiled with the same value. */
  printf("%d %d %d %d\n", SHARED_VALUE, reader1(), reader2(), reader3());
  return 0;
}
