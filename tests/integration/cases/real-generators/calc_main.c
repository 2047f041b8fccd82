#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>

#include "parser.h"
#include "version.h"
#ifndef STDOUT_COMPLETE
#error "version.h is partial"
#endif

extern int calc_result;
int yyparse(void);
static const char *input;

int yylex(void) {
  while (*input == ' ') ++input;
  if (isdigit((unsigned char)*input)) {
    yylval = (int)strtol(input, (char **)&input, 10);
    return NUM;
  }
  return *input ? *input++ : 0;
}

void yyerror(const char *message) { fprintf(stderr, "calc: %s\n", message); }

int main(int argc, char **argv) {
  if (argc != 2) return 2;
  input = argv[1];
  if (yyparse() != 0) return 1;
  printf("calc %s: %s = %d\n", CALC_VERSION, argv[1], calc_result);
  return 0;
}
