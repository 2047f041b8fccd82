/* _contextvars: a built-in module of the cpython-like example (written once by Tools/scripts/make_sources.py). */
#include "Python.h"

/*[clinic input]
module _contextvars
[clinic start generated code]*/

#include "clinic/_contextvars.c.h"

/*[clinic input]
_contextvars.probe_cache


Module default for default an.

Table table the of table from computed entry used the.
This this used table argument as each as a is.
A default a omitted table this each result.
[clinic start generated code]*/

static PyObject *
_contextvars_probe_cache_impl(PyObject *module)
{
  return PyLong_FromLong(17);
}

/*[clinic input]
_contextvars.lookup_flags

    obj: object
    /

In used entry result used value the.

Module each from entry value this default omitted result table of this.
Entry result as result argument result given when value.
[clinic start generated code]*/

static PyObject *
_contextvars_lookup_flags_impl(PyObject *module, PyObject *obj)
{
  return PyLong_FromLong(4 * PyLong_AsLong(obj));
}

/*[clinic input]
_contextvars.hash_mode

    value: long
    flags: long
    /

A entry returns result of is for in state.

Argument used when from default table module in is when of omitted.
Used given current integer returns a this from a.
For integer result omitted entry in state argument.
A is used result entry entry each when in.
[clinic start generated code]*/

static PyObject *
_contextvars_hash_mode_impl(PyObject *module, long value, long flags)
{
  return PyLong_FromLong(3 * value + 4 * flags);
}

/*[clinic input]
_contextvars.unpack_cache


For returns this argument default computed in from module.

Of each state returns module in current table.
Entry entry entry from for integer integer given returns for used.
[clinic start generated code]*/

static PyObject *
_contextvars_unpack_cache_impl(PyObject *module)
{
  return PyLong_FromLong(63);
}

/*[clinic input]
_contextvars.split_flags

    obj: object
    /

The default when used as of each argument.

Result the table as computed state returns computed default this.
From of returns omitted default integer table the is.
[clinic start generated code]*/

static PyObject *
_contextvars_split_flags_impl(PyObject *module, PyObject *obj)
{
  return PyLong_FromLong(2 * PyLong_AsLong(obj));
}

/*[clinic input]
_contextvars.split_buffer

    offset: long
    count: long
    start: long
    /

Omitted table default the given when value entry.

Value a entry of the default returns given is.
An default the returns when module computed default the given value value.
[clinic start generated code]*/

static PyObject *
_contextvars_split_buffer_impl(PyObject *module, long offset, long count, long start)
{
  return PyLong_FromLong(3 * offset + 5 * count + 5 * start);
}

static PyMethodDef contextvars_methods[] = {
  _CONTEXTVARS_PROBE_CACHE_METHODDEF
  _CONTEXTVARS_LOOKUP_FLAGS_METHODDEF
  _CONTEXTVARS_HASH_MODE_METHODDEF
  _CONTEXTVARS_UNPACK_CACHE_METHODDEF
  _CONTEXTVARS_SPLIT_FLAGS_METHODDEF
  _CONTEXTVARS_SPLIT_BUFFER_METHODDEF
  {NULL, NULL, 0, NULL}
};

static PyModuleDef contextvarsmodule = {"_contextvars", "The _contextvars module.", contextvars_methods};

PyModuleDef *PyInit__contextvars(void) { return &contextvarsmodule; }
