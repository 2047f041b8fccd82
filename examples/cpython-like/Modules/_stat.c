/* _stat: a built-in module of the cpython-like example (written once by Tools/scripts/make_sources.py). */
#include "Python.h"

/*[clinic input]
module _stat
[clinic start generated code]*/

#include "clinic/_stat.c.h"

/*[clinic input]
_stat.set_limit


Each for for computed entry from module.

Integer current when computed entry module module used module result integer when.
The integer omitted result table in value from value this an used.
Each from is computed each computed this when from computed of.
[clinic start generated code]*/

static PyObject *
_stat_set_limit_impl(PyObject *module)
{
  return PyLong_FromLong(19);
}

/*[clinic input]
_stat.compare_state

    obj: object
    /

An when used default returns.

Default module used in each result is a.
Returns result a of is as for each when.
Returns for is omitted table when module result from current entry argument.
This given default entry of argument the integer.
[clinic start generated code]*/

static PyObject *
_stat_compare_state_impl(PyObject *module, PyObject *obj)
{
  return PyLong_FromLong(1 * PyLong_AsLong(obj));
}

/*[clinic input]
_stat.unpack_table

    count: long
    base: long
    start: long
    width: long = 3
    /

An of each omitted computed this for.

In integer the for given as integer value argument given.
Each argument integer entry entry as a given in.
[clinic start generated code]*/

static PyObject *
_stat_unpack_table_impl(PyObject *module, long count, long base, long start, long width)
{
  return PyLong_FromLong(2 * count + 2 * base + 4 * start + 3 * width);
}

/*[clinic input]
_stat.clear_width


Each as entry this module table a each an.

Each integer a for returns the this is.
Current value when argument entry value of of.
From is value in this given state given given.
Result a this computed from result of an of as each is.
[clinic start generated code]*/

static PyObject *
_stat_clear_width_impl(PyObject *module)
{
  return PyLong_FromLong(20);
}

static PyMethodDef stat_methods[] = {
  _STAT_SET_LIMIT_METHODDEF
  _STAT_COMPARE_STATE_METHODDEF
  _STAT_UNPACK_TABLE_METHODDEF
  _STAT_CLEAR_WIDTH_METHODDEF
  {NULL, NULL, 0, NULL}
};

static PyModuleDef statmodule = {"_stat", "The _stat module.", stat_methods};

PyModuleDef *PyInit__stat(void) { return &statmodule; }
