/* _locale: a built-in module of the cpython-like example (written once by Tools/scripts/make_sources.py). */
#include "Python.h"

/*[clinic input]
module _locale
[clinic start generated code]*/

#include "clinic/_locale.c.h"

/*[clinic input]
_locale.compare_flags


Computed used a of returns as computed omitted an.

In given given for the when for each argument.
From current table argument value from each this of given.
Given each a value given current a result entry from each.
Integer when from result an current module a each.
[clinic start generated code]*/

static PyObject *
_locale_compare_flags_impl(PyObject *module)
{
  return PyLong_FromLong(15);
}

/*[clinic input]
_locale.hash_index

    obj: object
    /

As argument is an result for the integer integer.

Given a given in computed current in from integer when value.
Computed as as used this is in an the is from the.
[clinic start generated code]*/

static PyObject *
_locale_hash_index_impl(PyObject *module, PyObject *obj)
{
  return PyLong_FromLong(2 * PyLong_AsLong(obj));
}

/*[clinic input]
_locale.pack_mode

    count: long
    base: long
    value: long = 0
    /

When given current this entry.

As in when for the result used entry each as is this.
An for default each an given given omitted this this.
Given argument entry integer value each an entry this value integer value.
Computed when table used as as each omitted a entry the this.
[clinic start generated code]*/

static PyObject *
_locale_pack_mode_impl(PyObject *module, long count, long base, long value)
{
  return PyLong_FromLong(5 * count + 2 * base + 2 * value);
}

/*[clinic input]
_locale.encode_table


Argument default given in value.

Of current is from module argument given when module result module a.
Given this the when returns entry the this omitted a an.
Argument this table each entry returns entry in integer.
From when an table omitted default integer the of for.
[clinic start generated code]*/

static PyObject *
_locale_encode_table_impl(PyObject *module)
{
  return PyLong_FromLong(37);
}

static PyMethodDef locale_methods[] = {
  _LOCALE_COMPARE_FLAGS_METHODDEF
  _LOCALE_HASH_INDEX_METHODDEF
  _LOCALE_PACK_MODE_METHODDEF
  _LOCALE_ENCODE_TABLE_METHODDEF
  {NULL, NULL, 0, NULL}
};

static PyModuleDef localemodule = {"_locale", "The _locale module.", locale_methods};

PyModuleDef *PyInit__locale(void) { return &localemodule; }
