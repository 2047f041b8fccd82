#include <stdio.h>
int a(void);
int b(void);
int c(void);
int main(void) {
  printf("sum=%d\n", a() + b() + c());
  return 0;
}
