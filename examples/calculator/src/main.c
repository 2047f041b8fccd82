#include <stdio.h>
#include <string.h>

#include "calc.h"
#include "version.h"

int yyparse(void);
long calc_result;

int main(int argc, char** argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: calc <expression> | --version\n");
    return 2;
  }
  if (strcmp(argv[1], "--version") == 0) {
    printf("calc %s\n", CALC_VERSION);
    return 0;
  }
  calc_set_input(argv[1]);
  if (yyparse() != 0) return 1;
  printf("%ld\n", calc_result);
  return 0;
}
