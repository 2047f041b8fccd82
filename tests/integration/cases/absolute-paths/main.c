/* The absolute-paths case: every generated C source at work in one program.
     demo <expression> <list> <word>
   prints what the bison+flex calculator, the second bison parser, the re2c scanner and the gperf
   lookup make of its arguments, and the path the Python generator wrote into paths.h. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calc.h"
#include "keywords.h"
#include "lexer.h"
#include "list.h"
#include "paths.h"
#include "scanner.h"

extern int calc_result;
extern int list_sum;
static const char *list_input;

void yyerror(const char *message) { fprintf(stderr, "demo: calc: %s\n", message); }
void list_error(const char *message) { fprintf(stderr, "demo: list: %s\n", message); }

int list_lex(void) {
  while (*list_input == ' ') ++list_input;
  if (isdigit((unsigned char)*list_input)) {
    list_lval = (int)strtol(list_input, (char **)&list_input, 10);
    return ITEM;
  }
  return *list_input ? *list_input++ : 0;
}

int main(int argc, char **argv) {
  if (argc != 4) return 2;
  YY_BUFFER_STATE buffer = yy_scan_string(argv[1]);
  int failed = yyparse();
  yy_delete_buffer(buffer);
  if (failed) return 1;
  list_input = argv[2];
  if (list_parse() != 0) return 1;
  printf("calc %s = %d\n", argv[1], calc_result);
  printf("sum %s = %d\n", argv[2], list_sum);
  printf("%s: %s, %s\n", argv[3], scan_kind(argv[3]),
         is_keyword(argv[3], strlen(argv[3])) ? "keyword" : "not a keyword");
  printf("paths.h generated as %s\n", GENERATED_AS);
  return 0;
}
