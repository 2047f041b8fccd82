/* Generated from src/functions.def by tools/make_functions.py. Checked in. */
#ifndef CALC_FUNCTIONS_H
#define CALC_FUNCTIONS_H

struct calc_function { const char* name; int token; int arity; };

static const struct calc_function calc_functions[] = {
  {"max", FN_MAX, 2},
  {"sqr", FN_SQR, 1},
  {"neg", FN_NEG, 1},
  {0, 0, 0},
};

#endif
