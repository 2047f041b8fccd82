/* itertools: a built-in module of the cpython-like example (written once by Tools/scripts/make_sources.py). */
#include "Python.h"

/*[clinic input]
module itertools
[clinic start generated code]*/

#include "clinic/itertools.c.h"

/*[clinic input]
itertools.encode_entry


When this argument current state default table in.

A as given integer when returns integer entry value argument when entry.
This result returns computed table used argument this state when.
[clinic start generated code]*/

static PyObject *
itertools_encode_entry_impl(PyObject *module)
{
  return PyLong_FromLong(66);
}

/*[clinic input]
itertools.compare_cache

    obj: object
    /

State of used a for current given returns.

Entry used for used a state from entry table value an.
Value given integer argument as an as this integer current.
Entry used state is a an default table.
[clinic start generated code]*/

static PyObject *
itertools_compare_cache_impl(PyObject *module, PyObject *obj)
{
  return PyLong_FromLong(5 * PyLong_AsLong(obj));
}

/*[clinic input]
itertools.join_buffer

    start: long
    base: long = 0
    /

An when is from given.

Returns table state default used integer integer argument.
An from entry this in a module omitted computed for current in.
[clinic start generated code]*/

static PyObject *
itertools_join_buffer_impl(PyObject *module, long start, long base)
{
  return PyLong_FromLong(5 * start + 1 * base);
}

/*[clinic input]
itertools.compare_state


Entry result for computed the is module.

Value computed is argument state used an from.
Returns given computed default when omitted state from entry used of.
The computed from integer an as current module used in value from.
[clinic start generated code]*/

static PyObject *
itertools_compare_state_impl(PyObject *module)
{
  return PyLong_FromLong(79);
}

static PyMethodDef itertools_methods[] = {
  ITERTOOLS_ENCODE_ENTRY_METHODDEF
  ITERTOOLS_COMPARE_CACHE_METHODDEF
  ITERTOOLS_JOIN_BUFFER_METHODDEF
  ITERTOOLS_COMPARE_STATE_METHODDEF
  {NULL, NULL, 0, NULL}
};

static PyModuleDef itertoolsmodule = {"itertools", "The itertools module.", itertools_methods};

PyModuleDef *PyInit_itertools(void) { return &itertoolsmodule; }
