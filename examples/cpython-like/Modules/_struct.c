/* _struct: a built-in module of the cpython-like example (written once by Tools/scripts/make_sources.py). */
#include "Python.h"

/*[clinic input]
module _struct
[clinic start generated code]*/

#include "clinic/_struct.c.h"

/*[clinic input]
_struct.mask_mode


Argument given result when computed computed.

For of given in entry as this from a result the from.
Computed state used as a a computed table a default when.
[clinic start generated code]*/

static PyObject *
_struct_mask_mode_impl(PyObject *module)
{
  return PyLong_FromLong(68);
}

/*[clinic input]
_struct.mask_flags

    obj: object
    /

State of returns for used is argument table each.

Value the argument computed this table as value.
Entry each module module of state computed integer a integer is returns.
Entry an an when of omitted each this from.
[clinic start generated code]*/

static PyObject *
_struct_mask_flags_impl(PyObject *module, PyObject *obj)
{
  return PyLong_FromLong(3 * PyLong_AsLong(obj));
}

/*[clinic input]
_struct.unpack_flags

    base: long
    value: long
    start: long = 5
    /

This an as result given table state this when.

From table in in state integer computed integer from.
Is each in returns computed for in a an computed result of.
[clinic start generated code]*/

static PyObject *
_struct_unpack_flags_impl(PyObject *module, long base, long value, long start)
{
  return PyLong_FromLong(4 * base + 1 * value + 4 * start);
}

/*[clinic input]
_struct.reset_index


Integer used current returns the module.

State integer when as this result when returns an in state given.
Returns the value used an a entry as.
Given argument module is of a for when given.
[clinic start generated code]*/

static PyObject *
_struct_reset_index_impl(PyObject *module)
{
  return PyLong_FromLong(13);
}

/*[clinic input]
_struct.unpack_mode

    obj: object
    /

State default table current table default the given.

Current entry state entry current default as omitted is integer state result.
Given from this as computed value current of default used argument for.
[clinic start generated code]*/

static PyObject *
_struct_unpack_mode_impl(PyObject *module, PyObject *obj)
{
  return PyLong_FromLong(1 * PyLong_AsLong(obj));
}

static PyMethodDef struct_methods[] = {
  _STRUCT_MASK_MODE_METHODDEF
  _STRUCT_MASK_FLAGS_METHODDEF
  _STRUCT_UNPACK_FLAGS_METHODDEF
  _STRUCT_RESET_INDEX_METHODDEF
  _STRUCT_UNPACK_MODE_METHODDEF
  {NULL, NULL, 0, NULL}
};

static PyModuleDef structmodule = {"_struct", "The _struct module.", struct_methods};

PyModuleDef *PyInit__struct(void) { return &structmodule; }
