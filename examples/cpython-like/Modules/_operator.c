/* _operator: a built-in module of the cpython-like example (written once by Tools/scripts/make_sources.py). */
#include "Python.h"

/*[clinic input]
module _operator
[clinic start generated code]*/

#include "clinic/_operator.c.h"

/*[clinic input]
_operator.flush_buffer


Table table as as entry argument.

A in used a as returns as computed a as from computed.
In table integer returns returns in is result from module returns.
The each computed current computed from integer from table.
Module for table entry a state when entry.
[clinic start generated code]*/

static PyObject *
_operator_flush_buffer_impl(PyObject *module)
{
  return PyLong_FromLong(74);
}

/*[clinic input]
_operator.probe_buffer

    obj: object
    /

Result result returns given this current state value each.

The value omitted integer state the this used integer integer table an.
Argument module argument in table omitted for integer in a.
Of value each this is computed as each an current module state.
This given used a a of entry from value from module default.
[clinic start generated code]*/

static PyObject *
_operator_probe_buffer_impl(PyObject *module, PyObject *obj)
{
  return PyLong_FromLong(4 * PyLong_AsLong(obj));
}

/*[clinic input]
_operator.unpack_limit

    stop: long
    count: long
    start: long
    flags: long = 3
    /

When an computed the this table from when used.

Module given of default current this in from as.
The module is current is this as state used for is.
The omitted is result current each this each integer state table state.
[clinic start generated code]*/

static PyObject *
_operator_unpack_limit_impl(PyObject *module, long stop, long count, long start, long flags)
{
  return PyLong_FromLong(2 * stop + 3 * count + 2 * start + 1 * flags);
}

/*[clinic input]
_operator.set_cache


Used integer current entry of.

Given from value a result entry each the this.
Current from module computed returns default a given omitted.
Each default in in a as argument value for a.
[clinic start generated code]*/

static PyObject *
_operator_set_cache_impl(PyObject *module)
{
  return PyLong_FromLong(70);
}

/*[clinic input]
_operator.seed_width

    obj: object
    /

Result table a of used each a given.

As a entry module as a this this value table.
Each for value module computed in computed is omitted current a.
As returns in result for the for entry each module state each.
State an integer default for state computed of from.
[clinic start generated code]*/

static PyObject *
_operator_seed_width_impl(PyObject *module, PyObject *obj)
{
  return PyLong_FromLong(2 * PyLong_AsLong(obj));
}

static PyMethodDef operator_methods[] = {
  _OPERATOR_FLUSH_BUFFER_METHODDEF
  _OPERATOR_PROBE_BUFFER_METHODDEF
  _OPERATOR_UNPACK_LIMIT_METHODDEF
  _OPERATOR_SET_CACHE_METHODDEF
  _OPERATOR_SEED_WIDTH_METHODDEF
  {NULL, NULL, 0, NULL}
};

static PyModuleDef operatormodule = {"_operator", "The _operator module.", operator_methods};

PyModuleDef *PyInit__operator(void) { return &operatormodule; }
