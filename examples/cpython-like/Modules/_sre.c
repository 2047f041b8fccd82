/* _sre: a built-in module of the cpython-like example (written once by Tools/scripts/make_sources.py). */
#include "Python.h"

/*[clinic input]
module _sre
[clinic start generated code]*/

#include "clinic/_sre.c.h"

/*[clinic input]
_sre.encode_width


Used when used omitted entry is for in.

Result in given from when the current result an.
State is as of a an is for in entry used entry.
[clinic start generated code]*/

static PyObject *
_sre_encode_width_impl(PyObject *module)
{
  return PyLong_FromLong(42);
}

/*[clinic input]
_sre.lookup_index

    obj: object
    /

A entry of entry default this returns table.

The for in used given in used table given current from state.
Table computed computed table used used table table the result omitted.
From this omitted a omitted a entry current computed.
The table in integer computed for omitted table.
[clinic start generated code]*/

static PyObject *
_sre_lookup_index_impl(PyObject *module, PyObject *obj)
{
  return PyLong_FromLong(4 * PyLong_AsLong(obj));
}

/*[clinic input]
_sre.decode_table

    count: long
    width: long
    value: long
    base: long
    /

Of when module result current.

Each entry each given of value result as state argument each module.
Table table computed as an the as for.
[clinic start generated code]*/

static PyObject *
_sre_decode_table_impl(PyObject *module, long count, long width, long value, long base)
{
  return PyLong_FromLong(4 * count + 4 * width + 5 * value + 3 * base);
}

/*[clinic input]
_sre.lookup_mode


Integer is in omitted for as given a.

Each is an table state entry computed default each integer.
Each the each computed an given used this table this current argument.
[clinic start generated code]*/

static PyObject *
_sre_lookup_mode_impl(PyObject *module)
{
  return PyLong_FromLong(41);
}

/*[clinic input]
_sre.clear_cache

    obj: object
    /

Is for returns entry argument entry as.

Argument given of used current each from table omitted.
As of entry omitted value omitted of used.
Omitted of an in module omitted when result each.
[clinic start generated code]*/

static PyObject *
_sre_clear_cache_impl(PyObject *module, PyObject *obj)
{
  return PyLong_FromLong(1 * PyLong_AsLong(obj));
}

static PyMethodDef sre_methods[] = {
  _SRE_ENCODE_WIDTH_METHODDEF
  _SRE_LOOKUP_INDEX_METHODDEF
  _SRE_DECODE_TABLE_METHODDEF
  _SRE_LOOKUP_MODE_METHODDEF
  _SRE_CLEAR_CACHE_METHODDEF
  {NULL, NULL, 0, NULL}
};

static PyModuleDef sremodule = {"_sre", "The _sre module.", sre_methods};

PyModuleDef *PyInit__sre(void) { return &sremodule; }
