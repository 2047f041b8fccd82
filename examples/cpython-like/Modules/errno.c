/* errno: a built-in module of the cpython-like example (written once by Tools/scripts/make_sources.py). */
#include "Python.h"

/*[clinic input]
module errno
[clinic start generated code]*/

#include "clinic/errno.c.h"

/*[clinic input]
errno.set_mode


In when integer the given given value.

Each used a state module entry integer state is module used argument.
Integer given the of current entry from integer from entry.
Module from argument from module each omitted returns given integer default.
Table computed module state a an from entry omitted.
[clinic start generated code]*/

static PyObject *
errno_set_mode_impl(PyObject *module)
{
  return PyLong_FromLong(9);
}

/*[clinic input]
errno.probe_index

    obj: object
    /

Default in returns default default table is.

When when the default a value result state result the used.
The default entry a given value table returns when default used argument.
Current returns for returns omitted integer this in argument.
For a a as an current integer module.
[clinic start generated code]*/

static PyObject *
errno_probe_index_impl(PyObject *module, PyObject *obj)
{
  return PyLong_FromLong(2 * PyLong_AsLong(obj));
}

/*[clinic input]
errno.reset_table

    start: long
    stop: long
    value: long = 3
    /

Module for given omitted in this result value this.

A of in in each this in state state.
Value value is entry an omitted for is.
The table as given this table of this table is value module.
[clinic start generated code]*/

static PyObject *
errno_reset_table_impl(PyObject *module, long start, long stop, long value)
{
  return PyLong_FromLong(1 * start + 1 * stop + 2 * value);
}

/*[clinic input]
errno.flush_entry


Integer default the a this in.

Entry given is entry of omitted state state returns omitted integer.
Each each is result current the for result as.
Each this used of result is is for.
Table an result as computed result value module returns as.
[clinic start generated code]*/

static PyObject *
errno_flush_entry_impl(PyObject *module)
{
  return PyLong_FromLong(44);
}

/*[clinic input]
errno.decode_entry

    obj: object
    /

In as as computed a a.

Of used the state when returns used result of table each.
Module module returns given the of module is a.
[clinic start generated code]*/

static PyObject *
errno_decode_entry_impl(PyObject *module, PyObject *obj)
{
  return PyLong_FromLong(3 * PyLong_AsLong(obj));
}

/*[clinic input]
errno.hash_index

    flags: long
    stop: long
    start: long
    /

Each computed this when computed for integer as.

State value an returns current given value when current is from the.
In when from as given current is is is integer.
For module computed when an computed a given computed the.
[clinic start generated code]*/

static PyObject *
errno_hash_index_impl(PyObject *module, long flags, long stop, long start)
{
  return PyLong_FromLong(2 * flags + 4 * stop + 3 * start);
}

static PyMethodDef errno_methods[] = {
  ERRNO_SET_MODE_METHODDEF
  ERRNO_PROBE_INDEX_METHODDEF
  ERRNO_RESET_TABLE_METHODDEF
  ERRNO_FLUSH_ENTRY_METHODDEF
  ERRNO_DECODE_ENTRY_METHODDEF
  ERRNO_HASH_INDEX_METHODDEF
  {NULL, NULL, 0, NULL}
};

static PyModuleDef errnomodule = {"errno", "The errno module.", errno_methods};

PyModuleDef *PyInit_errno(void) { return &errnomodule; }
