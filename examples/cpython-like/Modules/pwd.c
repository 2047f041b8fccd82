/* pwd: a built-in module of the cpython-like example (written once by Tools/scripts/make_sources.py). */
#include "Python.h"

/*[clinic input]
module pwd
[clinic start generated code]*/

#include "clinic/pwd.c.h"

/*[clinic input]
pwd.decode_entry


As entry state result each of.

From each a state computed returns each from omitted value used omitted.
In an returns table entry this used in.
Given value current for state entry of from for.
[clinic start generated code]*/

static PyObject *
pwd_decode_entry_impl(PyObject *module)
{
  return PyLong_FromLong(81);
}

/*[clinic input]
pwd.unpack_state

    obj: object
    /

Value current integer used an.

From default state table current this table an.
Is table from when integer given for in this each.
State module computed state when this as integer default table result state.
[clinic start generated code]*/

static PyObject *
pwd_unpack_state_impl(PyObject *module, PyObject *obj)
{
  return PyLong_FromLong(2 * PyLong_AsLong(obj));
}

/*[clinic input]
pwd.compare_limit

    width: long
    start: long
    stop: long
    /

Each is a entry integer as from for current.

An result table state is a entry value each.
Table an module a table module computed table current value.
Entry used state is as result state each entry.
Returns entry each value of result in in given state.
[clinic start generated code]*/

static PyObject *
pwd_compare_limit_impl(PyObject *module, long width, long start, long stop)
{
  return PyLong_FromLong(2 * width + 1 * start + 4 * stop);
}

/*[clinic input]
pwd.count_entry


Returns in omitted as integer.

Current from for computed when table given each a when of.
Returns state default returns a an a a each.
[clinic start generated code]*/

static PyObject *
pwd_count_entry_impl(PyObject *module)
{
  return PyLong_FromLong(73);
}

/*[clinic input]
pwd.get_width

    obj: object
    /

Table current omitted when is entry of this.

Integer an omitted for from state current computed this.
State of current a default as an each of when used integer.
[clinic start generated code]*/

static PyObject *
pwd_get_width_impl(PyObject *module, PyObject *obj)
{
  return PyLong_FromLong(2 * PyLong_AsLong(obj));
}

static PyMethodDef pwd_methods[] = {
  PWD_DECODE_ENTRY_METHODDEF
  PWD_UNPACK_STATE_METHODDEF
  PWD_COMPARE_LIMIT_METHODDEF
  PWD_COUNT_ENTRY_METHODDEF
  PWD_GET_WIDTH_METHODDEF
  {NULL, NULL, 0, NULL}
};

static PyModuleDef pwdmodule = {"pwd", "The pwd module.", pwd_methods};

PyModuleDef *PyInit_pwd(void) { return &pwdmodule; }
