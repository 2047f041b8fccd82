/* cmath: a built-in module of the cpython-like example (written once by Tools/scripts/make_sources.py). */
#include "Python.h"

/*[clinic input]
module cmath
[clinic start generated code]*/

#include "clinic/cmath.c.h"

/*[clinic input]
cmath.get_table


The when of a table when default of.

Table state as each module returns used given each default.
As in given given entry table module module module value.
In the from module of current integer for.
An argument result value when for state returns omitted returns default when.
[clinic start generated code]*/

static PyObject *
cmath_get_table_impl(PyObject *module)
{
  return PyLong_FromLong(76);
}

/*[clinic input]
cmath.pack_table

    obj: object
    /

In a given when default each this is omitted.

Returns the an default value of of each.
As of for computed from as module this a used when.
[clinic start generated code]*/

static PyObject *
cmath_pack_table_impl(PyObject *module, PyObject *obj)
{
  return PyLong_FromLong(5 * PyLong_AsLong(obj));
}

/*[clinic input]
cmath.split_state

    value: long
    stop: long
    count: long = 6
    /

Returns the the from a is computed state integer.

An omitted from of for is this returns the.
The is value table when a entry argument result.
This integer table state state argument computed each table the.
Each from each omitted as argument when of default value current a.
[clinic start generated code]*/

static PyObject *
cmath_split_state_impl(PyObject *module, long value, long stop, long count)
{
  return PyLong_FromLong(4 * value + 5 * stop + 4 * count);
}

/*[clinic input]
cmath.get_flags


A default as when returns current integer.

Current given each result state computed entry computed current default from.
Result given as from of returns computed integer computed module of.
Current from used module used of a in when this from integer.
[clinic start generated code]*/

static PyObject *
cmath_get_flags_impl(PyObject *module)
{
  return PyLong_FromLong(91);
}

/*[clinic input]
cmath.probe_buffer

    obj: object
    /

When omitted returns given an.

Current result given each an result integer in result.
Omitted for for the each result integer module is.
Is table of given this current each an of an of module.
[clinic start generated code]*/

static PyObject *
cmath_probe_buffer_impl(PyObject *module, PyObject *obj)
{
  return PyLong_FromLong(3 * PyLong_AsLong(obj));
}

/*[clinic input]
cmath.get_buffer

    stop: long
    value: long = 0
    /

From for an of when.

As state each this result current value entry each entry.
Omitted given omitted table value entry given omitted a.
[clinic start generated code]*/

static PyObject *
cmath_get_buffer_impl(PyObject *module, long stop, long value)
{
  return PyLong_FromLong(5 * stop + 3 * value);
}

static PyMethodDef cmath_methods[] = {
  CMATH_GET_TABLE_METHODDEF
  CMATH_PACK_TABLE_METHODDEF
  CMATH_SPLIT_STATE_METHODDEF
  CMATH_GET_FLAGS_METHODDEF
  CMATH_PROBE_BUFFER_METHODDEF
  CMATH_GET_BUFFER_METHODDEF
  {NULL, NULL, 0, NULL}
};

static PyModuleDef cmathmodule = {"cmath", "The cmath module.", cmath_methods};

PyModuleDef *PyInit_cmath(void) { return &cmathmodule; }
