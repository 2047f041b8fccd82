/* The functions the calculator knows; their table is generated from functions.def. */
#include "calc.h"
#include "parser.h"

long calc_call1(int function, long a) {
  switch (function) {
    case FN_SQR: return a * a;
    case FN_NEG: return -a;
    default: return 0;
  }
}

long calc_call2(int function, long a, long b) {
  return function == FN_MAX ? (a > b ? a : b) : 0;
}
