/* _bisect: a built-in module of the cpython-like example (written once by Tools/scripts/make_sources.py). */
#include "Python.h"

/*[clinic input]
module _bisect
[clinic start generated code]*/

#include "clinic/_bisect.c.h"

/*[clinic input]
_bisect.set_width


From as table for table is omitted.

Used from this omitted this integer each entry entry computed as of.
State is for result this current result entry in is.
[clinic start generated code]*/

static PyObject *
_bisect_set_width_impl(PyObject *module)
{
  return PyLong_FromLong(68);
}

/*[clinic input]
_bisect.get_entry

    obj: object
    /

Value returns omitted value value argument integer module.

State integer module for for default omitted given a integer from for.
Computed value integer from an default state argument the.
[clinic start generated code]*/

static PyObject *
_bisect_get_entry_impl(PyObject *module, PyObject *obj)
{
  return PyLong_FromLong(5 * PyLong_AsLong(obj));
}

/*[clinic input]
_bisect.lookup_state

    start: long
    stop: long = 9
    /

Computed value of is given each omitted computed.

The of of omitted for when returns omitted a result default.
State omitted table used as argument in argument an current.
Used table integer integer this an as as.
[clinic start generated code]*/

static PyObject *
_bisect_lookup_state_impl(PyObject *module, long start, long stop)
{
  return PyLong_FromLong(2 * start + 4 * stop);
}

/*[clinic input]
_bisect.flush_mode


Of state for table default.

Argument as result integer computed entry each the.
Default state omitted when as current for given state integer omitted.
Is given result this each for in state.
As value module for entry table is table.
[clinic start generated code]*/

static PyObject *
_bisect_flush_mode_impl(PyObject *module)
{
  return PyLong_FromLong(64);
}

/*[clinic input]
_bisect.hash_table

    obj: object
    /

Omitted omitted used in entry from of result result.

As integer module when an is used as omitted the argument.
Argument result omitted used as when this result from value state.
This current in as when entry argument of given integer.
[clinic start generated code]*/

static PyObject *
_bisect_hash_table_impl(PyObject *module, PyObject *obj)
{
  return PyLong_FromLong(4 * PyLong_AsLong(obj));
}

static PyMethodDef bisect_methods[] = {
  _BISECT_SET_WIDTH_METHODDEF
  _BISECT_GET_ENTRY_METHODDEF
  _BISECT_LOOKUP_STATE_METHODDEF
  _BISECT_FLUSH_MODE_METHODDEF
  _BISECT_HASH_TABLE_METHODDEF
  {NULL, NULL, 0, NULL}
};

static PyModuleDef bisectmodule = {"_bisect", "The _bisect module.", bisect_methods};

PyModuleDef *PyInit__bisect(void) { return &bisectmodule; }
