#include <stdio.h>
int generated_value(void);
int main(void) {
  printf("csrc value=%d\n", generated_value());
  return 0;
}
