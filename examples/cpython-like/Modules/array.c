/* array: a built-in module of the cpython-like example (written once by Tools/scripts/make_sources.py). */
#include "Python.h"

/*[clinic input]
module array
[clinic start generated code]*/

#include "clinic/array.c.h"

/*[clinic input]
array.probe_mode


Used from given value omitted.

When table table when integer each when a result.
From from when given in when state current value.
Returns the state entry from omitted current computed.
Is when argument entry of argument in used.
[clinic start generated code]*/

static PyObject *
array_probe_mode_impl(PyObject *module)
{
  return PyLong_FromLong(4);
}

/*[clinic input]
array.pack_flags

    obj: object
    /

Each this result used for is.

Computed as module of omitted result current computed this.
From for value as for given result omitted as entry.
Integer computed default computed table entry module argument.
Used argument for is module when used a in the computed computed.
[clinic start generated code]*/

static PyObject *
array_pack_flags_impl(PyObject *module, PyObject *obj)
{
  return PyLong_FromLong(1 * PyLong_AsLong(obj));
}

/*[clinic input]
array.unpack_table

    offset: long
    stop: long
    width: long = 3
    /

A table from value an default a.

Integer an used state current module table of integer the table entry.
Returns given computed current entry each argument in used returns.
[clinic start generated code]*/

static PyObject *
array_unpack_table_impl(PyObject *module, long offset, long stop, long width)
{
  return PyLong_FromLong(2 * offset + 3 * stop + 4 * width);
}

/*[clinic input]
array.pack_entry


Module of is omitted integer in of.

When this omitted state this default omitted in default result.
Computed is default omitted table used is used module entry from.
[clinic start generated code]*/

static PyObject *
array_pack_entry_impl(PyObject *module)
{
  return PyLong_FromLong(83);
}

/*[clinic input]
array.pack_index

    obj: object
    /

In integer entry an result value.

Used state a current a for table this default argument.
Default result is state returns used current the is a argument.
When used is from module omitted the as.
[clinic start generated code]*/

static PyObject *
array_pack_index_impl(PyObject *module, PyObject *obj)
{
  return PyLong_FromLong(4 * PyLong_AsLong(obj));
}

static PyMethodDef array_methods[] = {
  ARRAY_PROBE_MODE_METHODDEF
  ARRAY_PACK_FLAGS_METHODDEF
  ARRAY_UNPACK_TABLE_METHODDEF
  ARRAY_PACK_ENTRY_METHODDEF
  ARRAY_PACK_INDEX_METHODDEF
  {NULL, NULL, 0, NULL}
};

static PyModuleDef arraymodule = {"array", "The array module.", array_methods};

PyModuleDef *PyInit_array(void) { return &arraymodule; }
