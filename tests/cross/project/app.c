/* The target program: prints what the generated table holds, and the machine it was built for. */
#include <stdio.h>

#include "table.h"

int main(void) {
  long sum = 0;
  for (int i = 0; i < TABLE_COUNT; ++i) sum += table[i];
#if defined(__aarch64__)
  const char *machine = "aarch64";
#else
  const char *machine = "other";
#endif
  printf("machine=%s count=%d sum=%ld\n", machine, TABLE_COUNT, sum);
  return 0;
}
