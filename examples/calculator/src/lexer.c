/* A hand-written lexer for the bison parser (parser.h is generated). */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "calc.h"
#include "parser.h"
#include "generated/functions.h"

static const char* input;

void calc_set_input(const char* text) { input = text; }

int yylex(void) {
  while (*input == ' ' || *input == '\t') ++input;
  if (*input == '\0') return 0;
  if (isdigit((unsigned char)*input)) {
    long value = 0;
    while (isdigit((unsigned char)*input)) value = value * 10 + (*input++ - '0');
    yylval = value;
    return NUMBER;
  }
  if (isalpha((unsigned char)*input)) {
    const char* start = input;
    while (isalpha((unsigned char)*input)) ++input;
    size_t length = (size_t)(input - start);
    for (const struct calc_function* f = calc_functions; f->name; ++f) {
      if (strlen(f->name) == length && strncmp(f->name, start, length) == 0) return f->token;
    }
    fprintf(stderr, "calc: unknown function '%.*s'\n", (int)length, start);
    return -1;
  }
  return *input++;
}

void yyerror(const char* message) { fprintf(stderr, "calc: %s\n", message); }
