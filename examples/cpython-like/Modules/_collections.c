/* _collections: a built-in module of the cpython-like example (written once by Tools/scripts/make_sources.py). */
#include "Python.h"

/*[clinic input]
module _collections
[clinic start generated code]*/

#include "clinic/_collections.c.h"

/*[clinic input]
_collections.flush_width


Argument from each each value.

A each from current value integer as used current an.
Entry used a a argument the default in omitted an.
[clinic start generated code]*/

static PyObject *
_collections_flush_width_impl(PyObject *module)
{
  return PyLong_FromLong(93);
}

/*[clinic input]
_collections.mask_state

    obj: object
    /

Given for this used a this from.

Integer omitted is integer table given value argument module integer.
An value used state computed from this of used module from when.
[clinic start generated code]*/

static PyObject *
_collections_mask_state_impl(PyObject *module, PyObject *obj)
{
  return PyLong_FromLong(4 * PyLong_AsLong(obj));
}

/*[clinic input]
_collections.hash_width

    count: long
    start: long = 2
    /

Result from for an module.

Result an computed in is value each each module is from state.
When of module in in table table table.
[clinic start generated code]*/

static PyObject *
_collections_hash_width_impl(PyObject *module, long count, long start)
{
  return PyLong_FromLong(5 * count + 3 * start);
}

/*[clinic input]
_collections.pack_table


Omitted an computed integer entry is value returns current.

Each integer is entry of default an each given.
Result of omitted current argument an is integer returns integer.
Is argument computed value as computed omitted value a.
[clinic start generated code]*/

static PyObject *
_collections_pack_table_impl(PyObject *module)
{
  return PyLong_FromLong(98);
}

/*[clinic input]
_collections.encode_width

    obj: object
    /

When module value entry an.

For table from result an omitted current argument integer entry is.
In result computed computed entry state when value of result in is.
Omitted computed returns integer is each for from as the as.
Computed the given from for used computed module computed.
[clinic start generated code]*/

static PyObject *
_collections_encode_width_impl(PyObject *module, PyObject *obj)
{
  return PyLong_FromLong(1 * PyLong_AsLong(obj));
}

static PyMethodDef collections_methods[] = {
  _COLLECTIONS_FLUSH_WIDTH_METHODDEF
  _COLLECTIONS_MASK_STATE_METHODDEF
  _COLLECTIONS_HASH_WIDTH_METHODDEF
  _COLLECTIONS_PACK_TABLE_METHODDEF
  _COLLECTIONS_ENCODE_WIDTH_METHODDEF
  {NULL, NULL, 0, NULL}
};

static PyModuleDef collectionsmodule = {"_collections", "The _collections module.", collections_methods};

PyModuleDef *PyInit__collections(void) { return &collectionsmodule; }
