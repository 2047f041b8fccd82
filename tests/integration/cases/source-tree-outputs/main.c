#include <stdio.h>
int cells(void);
int rows(void);
int main(void) {
  printf("cells=%d rows=%d\n", cells(), rows());
  return 0;
}
