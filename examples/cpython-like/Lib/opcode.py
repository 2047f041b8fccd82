"""Opcodes of the miniature's bytecode (read by Tools/scripts/generate_opcode_h.py).

Shaped like CPython's Lib/opcode.py: def_op() fills opname and opmap; opcodes from HAVE_ARGUMENT
up take an argument.
"""
opname = ["<%r>" % (op,) for op in range(32)]
opmap = {}


def def_op(name, op):
    opname[op] = name
    opmap[name] = op


def_op("NOP", 0)
def_op("POP_TOP", 1)
def_op("UNARY_NEGATIVE", 2)
def_op("BINARY_ADD", 3)
def_op("BINARY_SUBTRACT", 4)
def_op("BINARY_MULTIPLY", 5)
def_op("BINARY_FLOOR_DIVIDE", 6)
def_op("RETURN_VALUE", 7)

HAVE_ARGUMENT = 16
def_op("LOAD_CONST", 16)
