#include <stdio.h>
int obj_value(void);
int main(void) {
  printf("objects value=%d\n", obj_value());
  return 0;
}
