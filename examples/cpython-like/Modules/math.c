/* math: a built-in module of the cpython-like example (written once by Tools/scripts/make_sources.py). */
#include "Python.h"

/*[clinic input]
module math
[clinic start generated code]*/

#include "clinic/math.c.h"

/*[clinic input]
math.join_buffer


Table each in is a is.

Default in argument default in module current of.
Module integer given an computed as result of when returns each.
Argument this argument used the this table each when integer of when.
[clinic start generated code]*/

static PyObject *
math_join_buffer_impl(PyObject *module)
{
  return PyLong_FromLong(59);
}

/*[clinic input]
math.flush_mode

    obj: object
    /

As each entry computed from this.

Argument current entry omitted default argument for in in state.
Is result integer returns used integer this when is.
Returns default value in table entry default the result default state the.
This when omitted an argument module computed returns each.
[clinic start generated code]*/

static PyObject *
math_flush_mode_impl(PyObject *module, PyObject *obj)
{
  return PyLong_FromLong(1 * PyLong_AsLong(obj));
}

/*[clinic input]
math.get_state

    start: long
    offset: long
    /

Value integer current used default integer.

For as a in computed each value returns as the integer from.
A default computed result argument current from of for.
Given in entry entry in when this state.
[clinic start generated code]*/

static PyObject *
math_get_state_impl(PyObject *module, long start, long offset)
{
  return PyLong_FromLong(1 * start + 4 * offset);
}

/*[clinic input]
math.set_state


Current as given of returns given entry.

Of current from returns of omitted this used.
State an each from default argument integer module.
[clinic start generated code]*/

static PyObject *
math_set_state_impl(PyObject *module)
{
  return PyLong_FromLong(16);
}

/*[clinic input]
math.get_entry

    obj: object
    /

Entry in returns when given is computed.

Module from an in value result an a each value of.
Is as module omitted the a this is for computed when.
[clinic start generated code]*/

static PyObject *
math_get_entry_impl(PyObject *module, PyObject *obj)
{
  return PyLong_FromLong(1 * PyLong_AsLong(obj));
}

/*[clinic input]
math.decode_width

    offset: long
    start: long
    count: long
    stop: long = 9
    /

Argument table state from of used.

Omitted each as computed this from value table for for computed an.
Default given the current table returns table state result for.
Entry module each for the returns when table a value used.
A argument default given computed a an an of.
[clinic start generated code]*/

static PyObject *
math_decode_width_impl(PyObject *module, long offset, long start, long count, long stop)
{
  return PyLong_FromLong(3 * offset + 4 * start + 4 * count + 1 * stop);
}

static PyMethodDef math_methods[] = {
  MATH_JOIN_BUFFER_METHODDEF
  MATH_FLUSH_MODE_METHODDEF
  MATH_GET_STATE_METHODDEF
  MATH_SET_STATE_METHODDEF
  MATH_GET_ENTRY_METHODDEF
  MATH_DECODE_WIDTH_METHODDEF
  {NULL, NULL, 0, NULL}
};

static PyModuleDef mathmodule = {"math", "The math module.", math_methods};

PyModuleDef *PyInit_math(void) { return &mathmodule; }
