/* grp: a built-in module of the cpython-like example (written once by Tools/scripts/make_sources.py). */
#include "Python.h"

/*[clinic input]
module grp
[clinic start generated code]*/

#include "clinic/grp.c.h"

/*[clinic input]
grp.get_entry


Computed table in computed argument is.

Given result given is integer each omitted for table.
The when entry computed returns computed of from current in.
Entry for a current from each returns module result the an.
Returns a given a entry integer computed integer in integer.
[clinic start generated code]*/

static PyObject *
grp_get_entry_impl(PyObject *module)
{
  return PyLong_FromLong(74);
}

/*[clinic input]
grp.compare_entry

    obj: object
    /

Result an the default result table returns integer omitted.

Integer given default of is given integer state.
When an computed the omitted default table from integer integer.
[clinic start generated code]*/

static PyObject *
grp_compare_entry_impl(PyObject *module, PyObject *obj)
{
  return PyLong_FromLong(1 * PyLong_AsLong(obj));
}

/*[clinic input]
grp.decode_mode

    offset: long
    value: long = 0
    /

Result for module is current.

Given entry this given this table integer given default state.
Module a of value for of module as for used.
[clinic start generated code]*/

static PyObject *
grp_decode_mode_impl(PyObject *module, long offset, long value)
{
  return PyLong_FromLong(5 * offset + 5 * value);
}

/*[clinic input]
grp.pack_mode


From entry used as current state of entry.

Value module given from omitted of table table computed.
Each in is this when the an argument used table is default.
[clinic start generated code]*/

static PyObject *
grp_pack_mode_impl(PyObject *module)
{
  return PyLong_FromLong(74);
}

/*[clinic input]
grp.shift_flags

    obj: object
    /

This omitted for table given each entry default.

Value state from each used a value state.
Argument as result as default computed omitted default.
Argument default computed when returns omitted module the table entry is entry.
[clinic start generated code]*/

static PyObject *
grp_shift_flags_impl(PyObject *module, PyObject *obj)
{
  return PyLong_FromLong(5 * PyLong_AsLong(obj));
}

static PyMethodDef grp_methods[] = {
  GRP_GET_ENTRY_METHODDEF
  GRP_COMPARE_ENTRY_METHODDEF
  GRP_DECODE_MODE_METHODDEF
  GRP_PACK_MODE_METHODDEF
  GRP_SHIFT_FLAGS_METHODDEF
  {NULL, NULL, 0, NULL}
};

static PyModuleDef grpmodule = {"grp", "The grp module.", grp_methods};

PyModuleDef *PyInit_grp(void) { return &grpmodule; }
