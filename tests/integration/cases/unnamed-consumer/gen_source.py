#!/usr/bin/env python3
"""gen_source.py <value file> <output.c>: writes a C function returning the number in the file."""
import sys

value_file, output = sys.argv[1:3]
with open(value_file, encoding="utf-8") as f:
    value = int(f.read().split()[0])
with open(output, "w", encoding="utf-8") as f:
    f.write(f"int value(void) {{ return {value}; }}\n")
