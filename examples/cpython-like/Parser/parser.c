/* parser.c: a recursive-descent parser building the AST of Include/internal/pycore_ast.h. */
#include <ctype.h>
#include <stdlib.h>

#include "Python.h"
#include "internal/pycore_compile.h"

typedef struct {
  const char *p;
} Parser;

static expr_ty parse_sum(Parser *parser);

static void skip_spaces(Parser *parser) {
  while (isspace((unsigned char)*parser->p)) parser->p++;
}

static expr_ty parse_atom(Parser *parser) {
  skip_spaces(parser);
  if (*parser->p == '-') {
    parser->p++;
    return _PyAST_UnaryOp(USub, parse_atom(parser));
  }
  if (*parser->p == '(') {
    parser->p++;
    expr_ty inner = parse_sum(parser);
    skip_spaces(parser);
    if (*parser->p != ')') {
      PyErr_SetString("expected ')'");
      return NULL;
    }
    parser->p++;
    return inner;
  }
  if (isdigit((unsigned char)*parser->p)) {
    char *end;
    long value = strtol(parser->p, &end, 10);
    parser->p = end;
    return _PyAST_Constant(value);
  }
  PyErr_SetString("expected a number, '-' or '('");
  return NULL;
}

static expr_ty parse_product(Parser *parser) {
  expr_ty left = parse_atom(parser);
  for (;;) {
    skip_spaces(parser);
    operator_ty op;
    if (parser->p[0] == '*') {
      op = Mult;
      parser->p += 1;
    } else if (parser->p[0] == '/' && parser->p[1] == '/') {
      op = FloorDiv;
      parser->p += 2;
    } else {
      return left;
    }
    left = _PyAST_BinOp(left, op, parse_atom(parser));
  }
}

static expr_ty parse_sum(Parser *parser) {
  expr_ty left = parse_product(parser);
  for (;;) {
    skip_spaces(parser);
    if (*parser->p != '+' && *parser->p != '-') return left;
    operator_ty op = *parser->p == '+' ? Add : Sub;
    parser->p++;
    left = _PyAST_BinOp(left, op, parse_product(parser));
  }
}

mod_ty _PyParser_ParseExpression(const char *source) {
  Parser parser = {source};
  expr_ty body = parse_sum(&parser);
  skip_spaces(&parser);
  if (body != NULL && *parser.p != '\0') {
    PyErr_SetString("unexpected text after the expression");
    return NULL;
  }
  return _PyAST_Expression(body);
}
