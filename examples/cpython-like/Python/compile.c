/* compile.c: compiles the AST of Include/internal/pycore_ast.h to the opcodes of Include/opcode.h. */
#include "Python.h"
#include "internal/pycore_compile.h"
#include "opcode.h"

static int emit(PyCodeObject *code, int op, int arg) {
  if (code->co_size + 2 > _PY_CODE_MAX) {
    PyErr_SetString("expression too long");
    return -1;
  }
  code->co_code[code->co_size++] = (unsigned char)op;
  if (HAS_ARG(op)) code->co_code[code->co_size++] = (unsigned char)arg;
  return 0;
}

static int compile_expr(expr_ty e, PyCodeObject *code) {
  switch (e->kind) {
    case Constant_kind:
      if (code->co_nconsts == _PY_CODE_MAX) {
        PyErr_SetString("too many constants");
        return -1;
      }
      code->co_consts[code->co_nconsts] = e->v.Constant.value;
      return emit(code, LOAD_CONST, code->co_nconsts++);
    case UnaryOp_kind:
      if (compile_expr(e->v.UnaryOp.operand, code) < 0) return -1;
      return emit(code, UNARY_NEGATIVE, 0);
    case BinOp_kind: {
      static const int ops[] = {0, BINARY_ADD, BINARY_SUBTRACT, BINARY_MULTIPLY,
                                BINARY_FLOOR_DIVIDE};
      if (compile_expr(e->v.BinOp.left, code) < 0) return -1;
      if (compile_expr(e->v.BinOp.right, code) < 0) return -1;
      return emit(code, ops[e->v.BinOp.op], 0);
    }
  }
  PyErr_SetString("unknown expression kind");
  return -1;
}

int _PyCompile_Expression(mod_ty mod, PyCodeObject *code) {
  code->co_size = 0;
  code->co_nconsts = 0;
  if (compile_expr(mod->v.Expression.body, code) < 0) return -1;
  return emit(code, RETURN_VALUE, 0);
}

long _PyRun_Expression(const char *source, int *error) {
  PyCodeObject code;
  mod_ty mod = _PyParser_ParseExpression(source);
  *error = 1;
  if (mod == NULL) return -1;
  _PyAST_Optimize(mod);
  if (_PyCompile_Expression(mod, &code) < 0) return -1;
  return _PyEval_EvalCode(&code, error);
}
