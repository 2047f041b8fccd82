/* pycore_compile.h: the miniature's parser, optimizer, compiler and evaluator (hand written). */
#ifndef Py_INTERNAL_COMPILE_H
#define Py_INTERNAL_COMPILE_H

#include "internal/pycore_ast.h"

#define _PY_CODE_MAX 256

typedef struct {
  unsigned char co_code[_PY_CODE_MAX]; /* opcode, then one argument byte if HAS_ARG */
  int co_size;
  long co_consts[_PY_CODE_MAX];
  int co_nconsts;
} PyCodeObject;

/* Parser/parser.c: integers, + - * //, unary -, parentheses. NULL (and an error set) on failure. */
mod_ty _PyParser_ParseExpression(const char *source);
/* Python/ast_opt.c: folds constant subexpressions in place. */
void _PyAST_Optimize(mod_ty mod);
/* Python/compile.c: 0 on success. */
int _PyCompile_Expression(mod_ty mod, PyCodeObject *code);
/* Python/ceval.c */
long _PyEval_EvalCode(const PyCodeObject *code, int *error);

#endif /* !Py_INTERNAL_COMPILE_H */
