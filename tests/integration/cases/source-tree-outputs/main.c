#include <stdio.h>
int cells(void);
int main(void) {
  printf("cells=%d\n", cells());
  return 0;
}
