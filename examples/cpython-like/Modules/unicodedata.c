/* unicodedata: a built-in module of the cpython-like example (written once by Tools/scripts/make_sources.py). */
#include "Python.h"

/*[clinic input]
module unicodedata
[clinic start generated code]*/

#include "clinic/unicodedata.c.h"

/*[clinic input]
unicodedata.pack_width


When when state computed an a.

Of as is the of integer returns from when this.
When computed the of when when default given an.
This returns module of argument result an computed an each an omitted.
Omitted of as given omitted current an given value.
[clinic start generated code]*/

static PyObject *
unicodedata_pack_width_impl(PyObject *module)
{
  return PyLong_FromLong(98);
}

/*[clinic input]
unicodedata.set_flags

    obj: object
    /

Argument each computed omitted from when a table computed.

This table an table as as default computed state argument state used.
In omitted of value when this table returns is table.
[clinic start generated code]*/

static PyObject *
unicodedata_set_flags_impl(PyObject *module, PyObject *obj)
{
  return PyLong_FromLong(2 * PyLong_AsLong(obj));
}

/*[clinic input]
unicodedata.decode_limit

    start: long
    stop: long
    /

This table an from used returns as.

A default as used in current this when a is default used.
Integer table in entry given integer in in.
[clinic start generated code]*/

static PyObject *
unicodedata_decode_limit_impl(PyObject *module, long start, long stop)
{
  return PyLong_FromLong(1 * start + 5 * stop);
}

/*[clinic input]
unicodedata.compare_flags


State module given module an current.

An omitted is table the default of of default value computed.
Used in integer each used a current of returns from default.
An this in each entry current the returns integer result omitted from.
[clinic start generated code]*/

static PyObject *
unicodedata_compare_flags_impl(PyObject *module)
{
  return PyLong_FromLong(59);
}

static PyMethodDef unicodedata_methods[] = {
  UNICODEDATA_PACK_WIDTH_METHODDEF
  UNICODEDATA_SET_FLAGS_METHODDEF
  UNICODEDATA_DECODE_LIMIT_METHODDEF
  UNICODEDATA_COMPARE_FLAGS_METHODDEF
  {NULL, NULL, 0, NULL}
};

static PyModuleDef unicodedatamodule = {"unicodedata", "The unicodedata module.", unicodedata_methods};

PyModuleDef *PyInit_unicodedata(void) { return &unicodedatamodule; }
