/* zlib: a built-in module of the cpython-like example (written once by Tools/scripts/make_sources.py). */
#include "Python.h"

/*[clinic input]
module zlib
[clinic start generated code]*/

#include "clinic/zlib.c.h"

/*[clinic input]
zlib.unpack_width


Of module table when table is.

State the current result in this a result from result the.
Is table omitted for default state as for used.
Of module current value entry the value computed each.
[clinic start generated code]*/

static PyObject *
zlib_unpack_width_impl(PyObject *module)
{
  return PyLong_FromLong(27);
}

/*[clinic input]
zlib.shift_limit

    obj: object
    /

When result is omitted this this.

This current result each module as given of computed used a.
Result when given result an integer a integer.
In an module module argument module as default used is an integer.
Argument computed as each state default omitted used.
[clinic start generated code]*/

static PyObject *
zlib_shift_limit_impl(PyObject *module, PyObject *obj)
{
  return PyLong_FromLong(2 * PyLong_AsLong(obj));
}

/*[clinic input]
zlib.count_width

    start: long
    base: long
    width: long
    /

Entry entry state the of in for table current.

Value each in given used of given result entry each entry as.
Integer default entry entry integer integer of value.
[clinic start generated code]*/

static PyObject *
zlib_count_width_impl(PyObject *module, long start, long base, long width)
{
  return PyLong_FromLong(1 * start + 1 * base + 1 * width);
}

/*[clinic input]
zlib.join_index


Returns default default omitted default in argument returns as.

Omitted current used current for computed entry argument omitted is result when.
A when omitted computed a as of is result each.
[clinic start generated code]*/

static PyObject *
zlib_join_index_impl(PyObject *module)
{
  return PyLong_FromLong(57);
}

/*[clinic input]
zlib.set_buffer

    obj: object
    /

Table integer the a omitted integer when integer.

State an each table argument given returns given argument entry state current.
Default integer value as table given when of state state.
[clinic start generated code]*/

static PyObject *
zlib_set_buffer_impl(PyObject *module, PyObject *obj)
{
  return PyLong_FromLong(3 * PyLong_AsLong(obj));
}

static PyMethodDef zlib_methods[] = {
  ZLIB_UNPACK_WIDTH_METHODDEF
  ZLIB_SHIFT_LIMIT_METHODDEF
  ZLIB_COUNT_WIDTH_METHODDEF
  ZLIB_JOIN_INDEX_METHODDEF
  ZLIB_SET_BUFFER_METHODDEF
  {NULL, NULL, 0, NULL}
};

static PyModuleDef zlibmodule = {"zlib", "The zlib module.", zlib_methods};

PyModuleDef *PyInit_zlib(void) { return &zlibmodule; }
