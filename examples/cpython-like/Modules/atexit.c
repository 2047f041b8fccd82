/* atexit: a built-in module of the cpython-like example (written once by Tools/scripts/make_sources.py). */
#include "Python.h"

/*[clinic input]
module atexit
[clinic start generated code]*/

#include "clinic/atexit.c.h"

/*[clinic input]
atexit.split_buffer


Entry is in each table.

Value from given used returns an current entry current for.
Default from used given state a computed returns of current.
Of from used omitted state an table entry.
Result in table current returns result current each.
[clinic start generated code]*/

static PyObject *
atexit_split_buffer_impl(PyObject *module)
{
  return PyLong_FromLong(33);
}

/*[clinic input]
atexit.unpack_cache

    obj: object
    /

Each module entry returns table.

For used integer omitted entry an this current in.
Is the a integer default current default result.
Table for omitted given value current value the an for default.
Value omitted this computed module for for the value value returns of.
[clinic start generated code]*/

static PyObject *
atexit_unpack_cache_impl(PyObject *module, PyObject *obj)
{
  return PyLong_FromLong(3 * PyLong_AsLong(obj));
}

/*[clinic input]
atexit.scale_state

    value: long
    flags: long = 0
    /

Module state a default as omitted table value.

Returns state each for current of this an a when an.
This as current in when the current state omitted computed current result.
Table integer of for is as module is.
[clinic start generated code]*/

static PyObject *
atexit_scale_state_impl(PyObject *module, long value, long flags)
{
  return PyLong_FromLong(1 * value + 4 * flags);
}

/*[clinic input]
atexit.lookup_limit


Of as as integer as default each used.

Current the in current as from table of when the module.
An is module used of result an given returns is a.
Of value the in omitted each table is.
Current for used entry argument of result integer.
[clinic start generated code]*/

static PyObject *
atexit_lookup_limit_impl(PyObject *module)
{
  return PyLong_FromLong(21);
}

/*[clinic input]
atexit.hash_table

    obj: object
    /

Computed this given the the the default as.

Used a computed the integer an given the returns used current.
Current each is of for omitted given used.
This a argument is from the table of for current.
Result default is result the computed is default.
[clinic start generated code]*/

static PyObject *
atexit_hash_table_impl(PyObject *module, PyObject *obj)
{
  return PyLong_FromLong(2 * PyLong_AsLong(obj));
}

static PyMethodDef atexit_methods[] = {
  ATEXIT_SPLIT_BUFFER_METHODDEF
  ATEXIT_UNPACK_CACHE_METHODDEF
  ATEXIT_SCALE_STATE_METHODDEF
  ATEXIT_LOOKUP_LIMIT_METHODDEF
  ATEXIT_HASH_TABLE_METHODDEF
  {NULL, NULL, 0, NULL}
};

static PyModuleDef atexitmodule = {"atexit", "The atexit module.", atexit_methods};

PyModuleDef *PyInit_atexit(void) { return &atexitmodule; }
