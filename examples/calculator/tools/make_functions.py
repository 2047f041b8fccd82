"""Writes the function table header: make_functions.py <functions.def> <functions.h>."""
import sys

definitions, header = sys.argv[1], sys.argv[2]
rows = []
with open(definitions, encoding="utf-8") as lines:
    for line in lines:
        line = line.split("#", 1)[0].split()
        if line:
            name, token, arity = line
            rows.append((name, token, int(arity)))

with open(header, "w", encoding="utf-8") as out:
    out.write("/* Generated from src/functions.def by tools/make_functions.py. Checked in. */\n")
    out.write("#ifndef CALC_FUNCTIONS_H\n#define CALC_FUNCTIONS_H\n\n")
    out.write("struct calc_function { const char* name; int token; int arity; };\n\n")
    out.write("static const struct calc_function calc_functions[] = {\n")
    for name, token, arity in rows:
        out.write(f'  {{"{name}", {token}, {arity}}},\n')
    out.write("  {0, 0, 0},\n};\n\n#endif\n")
