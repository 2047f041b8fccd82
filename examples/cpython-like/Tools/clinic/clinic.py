"""Argument Clinic, in miniature: writes Modules/clinic/<name>.c.h from Modules/<name>.c.

    clinic.py --make --srcdir <dir> [--chunks N] [--delay S]   every Modules/*.c under <dir>
    clinic.py [--chunks N] [--delay S] <file.c>...            the files given

Like CPython's `make clinic` before GH-23362 it processes all files in one run and rewrites every
header in place, always (see Tools/scripts/naive_write.py). It writes each header next to its input,
at `<dir of input>/clinic/<input name>.h`, and cannot be told another path; it never rewrites its
input (the real one may, to update checksums).

A block declares a module or a function:

    /*[clinic input]
    module _weakref
    [clinic start generated code]*/

    /*[clinic input]
    _weakref.getweakrefcount

        object: object
        /

    Return the number of weak references to 'object'.
    [clinic start generated code]*/

Parameters are indented `name: object` or `name: long [= default]`, and `/` (all parameters are
positional-only). For each function the header defines `<name>__doc__`, the method-table entry
`<MODULE>_<FUNC>_METHODDEF` and the argument-parsing wrapper that calls `<module>_<func>_impl()`,
which the .c file defines. The header's last line is
`/*[clinic end generated code: output=<hash of the text before it> input=<hash of the blocks>]*/`.
"""
import argparse
import os
import re
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "scripts"))
import naive_write  # noqa: E402

BEGIN = "/*[clinic input]"
END = "[clinic start generated code]*/"
PARAMETER = re.compile(r"^(?P<name>[A-Za-z_]\w*)\s*:\s*(?P<type>object|long)"
                       r"(?:\s*=\s*(?P<default>-?\d+))?$")


class ClinicError(Exception):
    pass


class Function:
    def __init__(self, module, name, parameters, doc):
        self.module, self.name, self.parameters, self.doc = module, name, parameters, doc
        self.c_name = f"{module}_{name}".replace(".", "_")
        self.macro = self.c_name.upper() + "_METHODDEF"


def read_blocks(path):
    """Yields (line number, [lines]) for each clinic block of the file."""
    with open(path, encoding="utf-8") as source:
        lines = source.read().split("\n")
    index = 0
    while index < len(lines):
        if lines[index].strip() == BEGIN:
            start = index + 1
            index = start
            while index < len(lines) and lines[index].strip() != END:
                index += 1
            if index == len(lines):
                raise ClinicError(f"{path}:{start}: clinic block without '{END}'")
            yield start, lines[start:index]
        index += 1


def parse(path):
    """Returns (module name, [Function], block text) for one input file."""
    module, functions, text = None, [], []
    for line_number, block in read_blocks(path):
        text.extend(block)
        body = [line.rstrip() for line in block]
        while body and not body[0]:
            body.pop(0)
        if not body:
            raise ClinicError(f"{path}:{line_number}: empty clinic block")
        head = body.pop(0)
        if head.startswith("module "):
            module = head.split(None, 1)[1].strip()
            continue
        if module is None or not head.startswith(module + "."):
            raise ClinicError(f"{path}:{line_number}: '{head}' is not in a declared module")
        name = head[len(module) + 1:]
        if not re.fullmatch(r"[A-Za-z_]\w*", name):
            raise ClinicError(f"{path}:{line_number}: bad function name '{name}'")
        parameters = []
        while body and (not body[0] or body[0].startswith("    ")):
            line = body.pop(0).strip()
            if not line or line == "/":
                continue
            match = PARAMETER.match(line)
            if not match:
                raise ClinicError(f"{path}:{line_number}: bad parameter line '{line}'")
            parameters.append((match["name"], match["type"], match["default"]))
        defaults = [p for p in parameters if p[2] is not None]
        if defaults and parameters[len(parameters) - len(defaults):] != defaults:
            raise ClinicError(f"{path}:{line_number}: parameters with defaults must come last")
        functions.append(Function(module, name, parameters, "\n".join(body).strip()))
    if module is None:
        raise ClinicError(f"{path}: no 'module' block")
    return module, functions, "\n".join(text)


def c_string_lines(text):
    """The docstring as C string literal lines, one per source line."""
    lines = text.split("\n")
    out = []
    for index, line in enumerate(lines):
        escaped = line.replace("\\", "\\\\").replace('"', '\\"').replace("'", "\\'")
        newline = "\\n" if index < len(lines) - 1 else ""
        out.append(f'"{escaped}{newline}"')
    return "\n".join(out)


def render_function(f):
    params = [name + ("" if default is None else f"={default}")
              for name, _, default in f.parameters]
    signature = f"{f.name}($module{''.join(', ' + p for p in params)}{', /' if params else ''})"
    doc = f"{signature}\n--\n\n{f.doc}"
    impl_args = "".join(
        f", {'PyObject *' if kind == 'object' else 'long '}{name}"
        for name, kind, _ in f.parameters)
    out = [f"PyDoc_STRVAR({f.c_name}__doc__,\n{c_string_lines(doc)});\n"]
    if not f.parameters:
        flags, wrapper = "METH_NOARGS", [
            f"static PyObject *\n{f.c_name}(PyObject *module, PyObject *Py_UNUSED(ignored))\n{{\n",
            f"    return {f.c_name}_impl(module);\n}}\n"]
    elif len(f.parameters) == 1 and f.parameters[0][1] == "object":
        name = f.parameters[0][0]
        flags, wrapper = "METH_O", [
            f"static PyObject *\n{f.c_name}(PyObject *module, PyObject *{name})\n{{\n",
            f"    return {f.c_name}_impl(module, {name});\n}}\n"]
    else:
        flags = "METH_FASTCALL"
        required = sum(1 for p in f.parameters if p[2] is None)
        wrapper = [f"static PyObject *\n{f.c_name}(PyObject *module, PyObject *const *args, "
                   f"Py_ssize_t nargs)\n{{\n    PyObject *return_value = NULL;\n"]
        for name, kind, default in f.parameters:
            if kind == "object":
                wrapper.append(f"    PyObject *{name};\n")
            else:
                wrapper.append(f"    long {name}{'' if default is None else ' = ' + default};\n")
        wrapper.append(f"\n    if (!_PyArg_CheckPositional(\"{f.name}\", nargs, {required}, "
                       f"{len(f.parameters)})) {{\n        goto exit;\n    }}\n")
        for index, (name, kind, default) in enumerate(f.parameters):
            indent = "    "
            if default is not None:
                wrapper.append(f"    if (nargs < {index + 1}) {{\n"
                               "        goto skip_optional;\n    }\n")
            if kind == "object":
                wrapper.append(f"{indent}{name} = args[{index}];\n")
            else:
                wrapper.append(f"{indent}{name} = PyLong_AsLong(args[{index}]);\n"
                               f"{indent}if ({name} == -1 && PyErr_Occurred()) {{\n"
                               f"{indent}    goto exit;\n{indent}}}\n")
        if required < len(f.parameters):
            wrapper.append("skip_optional:\n")
        call = "".join(", " + name for name, _, _ in f.parameters)
        wrapper.append(f"    return_value = {f.c_name}_impl(module{call});\n\n"
                       f"exit:\n    return return_value;\n}}\n")
    out.append(f"#define {f.macro}    \\\n"
               f"    {{\"{f.name}\", _PyCFunction_CAST({f.c_name}), {flags}, "
               f"{f.c_name}__doc__}},\n")
    out.append(f"static PyObject *\n{f.c_name}_impl(PyObject *module{impl_args});\n")
    out.append("".join(wrapper))
    return "\n".join(out)


def render(path, module, functions, block_text):
    body = (f"/*[clinic input]\npreserve\n[clinic start generated code]*/\n\n"
            f"/* Generated by Tools/clinic/clinic.py from {os.path.basename(path)} "
            f"(module {module}). Checked in. */\n\n")
    body += "\n".join(render_function(f) for f in functions) + "\n"
    return body + (f"/*[clinic end generated code: output={naive_write.digest(body)} "
                   f"input={naive_write.digest(block_text)}]*/\n")


def header_path(path):
    directory, name = os.path.split(path)
    return os.path.join(directory, "clinic", name + ".h")


def inputs_of(srcdir):
    # Directory order, unsorted, like the os.walk() of CPython's `clinic.py --make`.
    modules = os.path.join(srcdir, "Modules")
    found = []
    for name in os.listdir(modules):
        path = os.path.join(modules, name)
        if name.endswith(".c") and os.path.isfile(path):
            with open(path, encoding="utf-8") as source:
                if BEGIN in source.read():
                    found.append(path)
    return found


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--make", action="store_true", help="process every Modules/*.c of --srcdir")
    parser.add_argument("--srcdir", default=".", help="source root for --make (default .)")
    naive_write.add_arguments(parser)
    parser.add_argument("files", nargs="*")
    args = parser.parse_args()
    files = inputs_of(args.srcdir) if args.make else args.files
    if not files:
        parser.error("nothing to do: give --make or files")
    try:
        for path in files:
            module, functions, block_text = parse(path)
            naive_write.write_file(header_path(path), render(path, module, functions, block_text),
                                   args.chunks, args.delay)
    except (ClinicError, OSError) as error:
        print(f"clinic.py: error: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
