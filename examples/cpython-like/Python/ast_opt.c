/* ast_opt.c: constant folding on the AST of Include/internal/pycore_ast.h. */
#include "Python.h"
#include "internal/pycore_compile.h"

static long floor_divide(long a, long b) {
  long q = a / b;
  return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

static void fold(expr_ty e) {
  if (e->kind == UnaryOp_kind) {
    fold(e->v.UnaryOp.operand);
    if (e->v.UnaryOp.operand->kind == Constant_kind) {
      long value = -e->v.UnaryOp.operand->v.Constant.value;
      e->kind = Constant_kind;
      e->v.Constant.value = value;
    }
  } else if (e->kind == BinOp_kind) {
    fold(e->v.BinOp.left);
    fold(e->v.BinOp.right);
    if (e->v.BinOp.left->kind != Constant_kind || e->v.BinOp.right->kind != Constant_kind) return;
    long a = e->v.BinOp.left->v.Constant.value, b = e->v.BinOp.right->v.Constant.value, r;
    switch (e->v.BinOp.op) {
      case Add: r = a + b; break;
      case Sub: r = a - b; break;
      case Mult: r = a * b; break;
      case FloorDiv:
        if (b == 0) return; /* left for run time, which reports it */
        r = floor_divide(a, b);
        break;
      default: return;
    }
    e->kind = Constant_kind;
    e->v.Constant.value = r;
  }
}

void _PyAST_Optimize(mod_ty mod) { fold(mod->v.Expression.body); }
