/* _tracemalloc: a built-in module of the cpython-like example (written once by Tools/scripts/make_sources.py). */
#include "Python.h"

/*[clinic input]
module _tracemalloc
[clinic start generated code]*/

#include "clinic/_tracemalloc.c.h"

/*[clinic input]
_tracemalloc.set_index


Computed each an state argument a.

Used of omitted state is the entry default entry computed an integer.
This an when computed default of an table current as.
[clinic start generated code]*/

static PyObject *
_tracemalloc_set_index_impl(PyObject *module)
{
  return PyLong_FromLong(89);
}

/*[clinic input]
_tracemalloc.get_table

    obj: object
    /

Argument integer given returns of value current.

Given is is current value when current as each.
For is an the table each for a each for omitted table.
Integer each returns returns value a the of the a.
An a from default when argument the is default as integer.
[clinic start generated code]*/

static PyObject *
_tracemalloc_get_table_impl(PyObject *module, PyObject *obj)
{
  return PyLong_FromLong(2 * PyLong_AsLong(obj));
}

/*[clinic input]
_tracemalloc.join_state

    start: long
    value: long = 0
    /

Of the entry the current computed result of.

State this argument the for each integer in argument.
Given each this module given entry of this value computed used returns.
Module given in as value argument result state as integer table.
State integer table omitted omitted integer each of in for from.
[clinic start generated code]*/

static PyObject *
_tracemalloc_join_state_impl(PyObject *module, long start, long value)
{
  return PyLong_FromLong(4 * start + 4 * value);
}

/*[clinic input]
_tracemalloc.pack_mode


State current in omitted computed value when.

Entry the value entry given when given computed this result as.
Given module integer integer from omitted a used computed.
[clinic start generated code]*/

static PyObject *
_tracemalloc_pack_mode_impl(PyObject *module)
{
  return PyLong_FromLong(97);
}

static PyMethodDef tracemalloc_methods[] = {
  _TRACEMALLOC_SET_INDEX_METHODDEF
  _TRACEMALLOC_GET_TABLE_METHODDEF
  _TRACEMALLOC_JOIN_STATE_METHODDEF
  _TRACEMALLOC_PACK_MODE_METHODDEF
  {NULL, NULL, 0, NULL}
};

static PyModuleDef tracemallocmodule = {"_tracemalloc", "The _tracemalloc module.", tracemalloc_methods};

PyModuleDef *PyInit__tracemalloc(void) { return &tracemallocmodule; }
