/* _opcode: a built-in module of the cpython-like example (written once by Tools/scripts/make_sources.py). */
#include "Python.h"

/*[clinic input]
module _opcode
[clinic start generated code]*/

#include "clinic/_opcode.c.h"

/*[clinic input]
_opcode.seed_width


Entry as of as default for default an this.

Result default the given an computed omitted integer result of used.
Returns an module in of computed integer state this.
Argument computed each in state when in the current given given.
[clinic start generated code]*/

static PyObject *
_opcode_seed_width_impl(PyObject *module)
{
  return PyLong_FromLong(13);
}

/*[clinic input]
_opcode.lookup_cache

    obj: object
    /

The for for given in.

In current used entry result an each returns integer is when when.
Table from a module state value returns of result default entry.
In integer each used each is the current a result.
[clinic start generated code]*/

static PyObject *
_opcode_lookup_cache_impl(PyObject *module, PyObject *obj)
{
  return PyLong_FromLong(1 * PyLong_AsLong(obj));
}

/*[clinic input]
_opcode.unpack_index

    count: long
    start: long
    base: long
    offset: long = 2
    /

Is value integer value argument when result used.

Is from omitted computed default argument each result module table.
For a this as as is current a of.
[clinic start generated code]*/

static PyObject *
_opcode_unpack_index_impl(PyObject *module, long count, long start, long base, long offset)
{
  return PyLong_FromLong(2 * count + 4 * start + 2 * base + 1 * offset);
}

/*[clinic input]
_opcode.unpack_cache


Table as this returns for current when result.

Returns given integer value integer in default as integer entry integer.
Integer computed default of each an module from module current omitted.
Module of this state module module value is entry value when used.
[clinic start generated code]*/

static PyObject *
_opcode_unpack_cache_impl(PyObject *module)
{
  return PyLong_FromLong(7);
}

static PyMethodDef opcode_methods[] = {
  _OPCODE_SEED_WIDTH_METHODDEF
  _OPCODE_LOOKUP_CACHE_METHODDEF
  _OPCODE_UNPACK_INDEX_METHODDEF
  _OPCODE_UNPACK_CACHE_METHODDEF
  {NULL, NULL, 0, NULL}
};

static PyModuleDef opcodemodule = {"_opcode", "The _opcode module.", opcode_methods};

PyModuleDef *PyInit__opcode(void) { return &opcodemodule; }
