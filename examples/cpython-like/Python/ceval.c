/* ceval.c: the stack machine running the opcodes of Include/opcode.h. */
#include "Python.h"
#include "internal/pycore_compile.h"
#define NEED_OPCODE_NAMES
#include "opcode.h"

long _PyEval_EvalCode(const PyCodeObject *code, int *error) {
  long stack[_PY_CODE_MAX];
  int top = 0;
  *error = 1;
  for (int i = 0; i < code->co_size;) {
    int op = code->co_code[i++];
    int arg = HAS_ARG(op) ? code->co_code[i++] : 0;
    long b;
    switch (op) {
      case NOP: break;
      case POP_TOP: top--; break;
      case LOAD_CONST: stack[top++] = code->co_consts[arg]; break;
      case UNARY_NEGATIVE: stack[top - 1] = -stack[top - 1]; break;
      case BINARY_ADD: b = stack[--top]; stack[top - 1] += b; break;
      case BINARY_SUBTRACT: b = stack[--top]; stack[top - 1] -= b; break;
      case BINARY_MULTIPLY: b = stack[--top]; stack[top - 1] *= b; break;
      case BINARY_FLOOR_DIVIDE: {
        long a = stack[top - 2];
        b = stack[--top];
        if (b == 0) {
          PyErr_SetString("integer division or modulo by zero");
          return -1;
        }
        long q = a / b;
        stack[top - 1] = (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
        break;
      }
      case RETURN_VALUE:
        *error = 0;
        return stack[top - 1];
      default:
        PyErr_SetString(_PyOpcode_OpName[op] ? _PyOpcode_OpName[op] : "unknown opcode");
        return -1;
    }
  }
  PyErr_SetString("no RETURN_VALUE");
  return -1;
}
