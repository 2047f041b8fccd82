#include <stdio.h>
int value(void);
int main(void) {
  printf("value=%d\n", value());
  return 0;
}
