"""Writes the example's module sources once: Modules/<name>.c, Modules/Setup and Modules/config.c.

    python3 Tools/scripts/make_sources.py [<source root>]

Not a build step: its outputs are checked in, like the hand-written modules of CPython they stand
for. Each module declares a few functions in clinic blocks and includes `clinic/<name>.c.h`, so the
build has several dozen consumers of generated headers. Deterministic: rerunning writes the same
bytes. After changing it, run it, then `Tools/clinic/clinic.py --make` (or build `clinic`).
"""
import os
import random
import sys

MODULES = [
    "_abc", "_bisect", "_codecs", "_collections", "_contextvars", "_csv", "_datetime",
    "_functools", "_heapq", "_io", "_json", "_locale", "_lsprof", "_opcode", "_operator",
    "_pickle", "_queue", "_random", "_sre", "_stat", "_statistics", "_struct", "_symtable",
    "_thread", "_tracemalloc", "_warnings", "_weakref", "array", "atexit", "binascii", "cmath",
    "errno", "faulthandler", "fcntl", "gc", "grp", "itertools", "math", "mmap", "posix", "pwd",
    "resource", "select", "signal", "syslog", "termios", "time", "unicodedata", "zlib",
]

# The functions bpo-42398's error message names, so the naive build fails the way Fedora's did.
KNOWN = {"_weakref": [("getweakrefcount", [("object", "object", None)],
                       "Return the number of weak references to 'object'."),
                      ("getweakrefs", [("object", "object", None)],
                       "Return a list of all weak reference objects pointing to 'object'."),
                      ("_remove_dead_weakref", [("dct", "object", None), ("key", "object", None)],
                       "Atomically remove key from dict if it points to a dead weakref.")]}

VERBS = ["get", "set", "clear", "count", "lookup", "reset", "encode", "decode", "pack", "unpack",
         "flush", "compare", "hash", "seed", "split", "join", "scale", "shift", "mask", "probe"]
NOUNS = ["state", "buffer", "limit", "index", "flags", "entry", "table", "cache", "width", "mode"]
PARAMS = ["value", "count", "offset", "width", "flags", "base", "start", "stop"]
WORDS = ("the a value of an entry in table for this module returns computed from given "
         "argument each integer result state current default when omitted is used as").split()


def sentence(rng, words):
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def functions_of(name, rng):
    if name in KNOWN:
        return KNOWN[name]
    names = rng.sample([f"{verb}_{noun}" for verb in VERBS for noun in NOUNS], rng.randint(4, 6))
    functions = []
    for index, function in enumerate(names):
        shape = index % 3
        if shape == 0:
            params = []
        elif shape == 1:
            params = [("obj", "object", None)]
        else:
            chosen = rng.sample(PARAMS, rng.randint(2, 4))
            params = [(p, "long", None) for p in chosen]
            if rng.random() < 0.5:
                params[-1] = (params[-1][0], "long", str(rng.randint(0, 9)))
        doc = sentence(rng, rng.randint(5, 9))
        paragraph = [sentence(rng, rng.randint(8, 12)) for _ in range(rng.randint(2, 4))]
        doc += "\n\n" + "\n".join(paragraph)
        functions.append((function, params, doc))
    return functions


def impl_body(rng, params):
    terms = []
    for name, kind, _ in params:
        terms.append(f"PyLong_AsLong({name})" if kind == "object" else name)
    if not terms:
        return f"return PyLong_FromLong({rng.randint(1, 99)});"
    expression = " + ".join(f"{rng.randint(1, 5)} * {term}" for term in terms)
    return f"return PyLong_FromLong({expression});"


def module_source(name, rng):
    functions = functions_of(name, rng)
    c_name = name.lstrip("_") or name
    out = [f"/* {name}: a built-in module of the cpython-like example "
           f"(written once by Tools/scripts/make_sources.py). */\n"
           f'#include "Python.h"\n\n'
           f"/*[clinic input]\nmodule {name}\n[clinic start generated code]*/\n\n"
           f'#include "clinic/{name}.c.h"\n']
    for function, params, doc in functions:
        lines = [f"{name}.{function}", ""]
        lines += [f"    {p}: {kind}" + ("" if default is None else f" = {default}")
                  for p, kind, default in params]
        if params:
            lines.append("    /")
        lines += ["", doc]
        signature = "".join(f", {'PyObject *' if kind == 'object' else 'long '}{p}"
                            for p, kind, _ in params)
        out.append("/*[clinic input]\n" + "\n".join(lines) + "\n[clinic start generated code]*/\n\n"
                   f"static PyObject *\n{name}_{function}_impl(PyObject *module{signature})\n"
                   f"{{\n  {impl_body(rng, params)}\n}}\n")
    table = "".join(f"  {(name + '_' + function).upper()}_METHODDEF\n" for function, _, _ in functions)
    out.append(f"static PyMethodDef {c_name}_methods[] = {{\n{table}  {{NULL, NULL, 0, NULL}}\n}};\n\n"
               f'static PyModuleDef {c_name}module = {{"{name}", "The {name} module.", '
               f"{c_name}_methods}};\n\n"
               f"PyModuleDef *PyInit_{name}(void) {{ return &{c_name}module; }}\n")
    return "\n".join(out)


def write(path, text):
    with open(path, "w", encoding="utf-8", newline="\n") as out:
        out.write(text)


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "..")
    modules = os.path.join(root, "Modules")
    for name in MODULES:
        write(os.path.join(modules, name + ".c"), module_source(name, random.Random(name)))
    write(os.path.join(modules, "Setup"),
          "# The built-in modules (one per line), read by CMakeLists.txt.\n"
          "# Written by Tools/scripts/make_sources.py.\n" + "".join(m + "\n" for m in MODULES))
    externs = "".join(f"extern PyModuleDef *PyInit_{m}(void);\n" for m in MODULES)
    entries = "".join(f'    {{"{m}", PyInit_{m}}},\n' for m in MODULES)
    write(os.path.join(modules, "config.c"),
          "/* config.c: the table of built-in modules (written by Tools/scripts/make_sources.py). */\n"
          f'#include "Python.h"\n\n{externs}\nconst struct _inittab _PyImport_Inittab[] = {{\n'
          f"{entries}    {{NULL, NULL}},\n}};\n")


if __name__ == "__main__":
    main()
