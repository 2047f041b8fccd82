/* _datetime: a built-in module of the cpython-like example (written once by Tools/scripts/make_sources.py). */
#include "Python.h"

/*[clinic input]
module _datetime
[clinic start generated code]*/

#include "clinic/_datetime.c.h"

/*[clinic input]
_datetime.mask_state


A given for entry used.

The for a the current in when each of default in.
In result argument in argument each the when a from argument argument.
Argument default module is a in each module given value argument.
[clinic start generated code]*/

static PyObject *
_datetime_mask_state_impl(PyObject *module)
{
  return PyLong_FromLong(19);
}

/*[clinic input]
_datetime.compare_mode

    obj: object
    /

Returns table integer this returns of a an.

Entry state default this is computed the this.
This each is each the for the used from as the each.
[clinic start generated code]*/

static PyObject *
_datetime_compare_mode_impl(PyObject *module, PyObject *obj)
{
  return PyLong_FromLong(3 * PyLong_AsLong(obj));
}

/*[clinic input]
_datetime.set_mode

    value: long
    flags: long
    start: long
    /

Current this each result integer when the.

Argument module as given table this argument from a.
In used value given omitted from omitted the is the for.
[clinic start generated code]*/

static PyObject *
_datetime_set_mode_impl(PyObject *module, long value, long flags, long start)
{
  return PyLong_FromLong(4 * value + 4 * flags + 4 * start);
}

/*[clinic input]
_datetime.pack_mode


Is module a state given table entry table table.

Given module table in current integer computed an integer is when computed.
Given from module as module used is in omitted a.
Is from the computed returns value for returns.
Returns current omitted omitted from value of result module table.
[clinic start generated code]*/

static PyObject *
_datetime_pack_mode_impl(PyObject *module)
{
  return PyLong_FromLong(15);
}

static PyMethodDef datetime_methods[] = {
  _DATETIME_MASK_STATE_METHODDEF
  _DATETIME_COMPARE_MODE_METHODDEF
  _DATETIME_SET_MODE_METHODDEF
  _DATETIME_PACK_MODE_METHODDEF
  {NULL, NULL, 0, NULL}
};

static PyModuleDef datetimemodule = {"_datetime", "The _datetime module.", datetime_methods};

PyModuleDef *PyInit__datetime(void) { return &datetimemodule; }
