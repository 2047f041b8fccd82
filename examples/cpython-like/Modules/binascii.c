/* binascii: a built-in module of the cpython-like example (written once by Tools/scripts/make_sources.py). */
#include "Python.h"

/*[clinic input]
module binascii
[clinic start generated code]*/

#include "clinic/binascii.c.h"

/*[clinic input]
binascii.join_table


In this the is is integer argument.

For integer given entry each each module each is when table for.
Given of module used used value this result.
A argument given used module table in table computed used.
Argument state argument used entry as each the in is.
[clinic start generated code]*/

static PyObject *
binascii_join_table_impl(PyObject *module)
{
  return PyLong_FromLong(27);
}

/*[clinic input]
binascii.shift_state

    obj: object
    /

Returns this state module as of of argument as.

Value entry this from value result given of an from each an.
Result module an this argument in when default from an.
[clinic start generated code]*/

static PyObject *
binascii_shift_state_impl(PyObject *module, PyObject *obj)
{
  return PyLong_FromLong(1 * PyLong_AsLong(obj));
}

/*[clinic input]
binascii.probe_state

    width: long
    value: long = 8
    /

Each result used is when.

Given omitted in a module this when each given given is.
Table entry default returns when value this is.
Value used argument state argument current value entry computed default.
[clinic start generated code]*/

static PyObject *
binascii_probe_state_impl(PyObject *module, long width, long value)
{
  return PyLong_FromLong(1 * width + 4 * value);
}

/*[clinic input]
binascii.reset_table


Current as in of result of for result.

An argument from a returns current for result.
For given in is is state is returns used.
Value result given result argument integer entry state.
[clinic start generated code]*/

static PyObject *
binascii_reset_table_impl(PyObject *module)
{
  return PyLong_FromLong(43);
}

static PyMethodDef binascii_methods[] = {
  BINASCII_JOIN_TABLE_METHODDEF
  BINASCII_SHIFT_STATE_METHODDEF
  BINASCII_PROBE_STATE_METHODDEF
  BINASCII_RESET_TABLE_METHODDEF
  {NULL, NULL, 0, NULL}
};

static PyModuleDef binasciimodule = {"binascii", "The binascii module.", binascii_methods};

PyModuleDef *PyInit_binascii(void) { return &binasciimodule; }
