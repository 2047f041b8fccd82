/* _csv: a built-in module of the cpython-like example (written once by Tools/scripts/make_sources.py). */
#include "Python.h"

/*[clinic input]
module _csv
[clinic start generated code]*/

#include "clinic/_csv.c.h"

/*[clinic input]
_csv.decode_entry


Used argument in given value.

Is the result default for default this a integer result table.
When from an given a default each result for.
Current omitted argument table current current value as.
Argument an a as an returns from when.
[clinic start generated code]*/

static PyObject *
_csv_decode_entry_impl(PyObject *module)
{
  return PyLong_FromLong(25);
}

/*[clinic input]
_csv.get_limit

    obj: object
    /

An in default omitted omitted.

A given computed each table computed returns for module an returns table.
For value this state argument result entry this.
[clinic start generated code]*/

static PyObject *
_csv_get_limit_impl(PyObject *module, PyObject *obj)
{
  return PyLong_FromLong(3 * PyLong_AsLong(obj));
}

/*[clinic input]
_csv.hash_table

    flags: long
    start: long = 5
    /

Omitted in state an table.

Result integer of this default module current from in returns this.
The given given a is in table omitted of is given.
Default module when argument module each result each.
Table table state as state entry state current state.
[clinic start generated code]*/

static PyObject *
_csv_hash_table_impl(PyObject *module, long flags, long start)
{
  return PyLong_FromLong(1 * flags + 2 * start);
}

/*[clinic input]
_csv.shift_index


When argument as integer for a.

From value the when for module module argument.
Each default a default computed table entry current computed.
Computed integer an in computed result given in state value is.
[clinic start generated code]*/

static PyObject *
_csv_shift_index_impl(PyObject *module)
{
  return PyLong_FromLong(23);
}

/*[clinic input]
_csv.pack_index

    obj: object
    /

The for table of in result.

In computed when a a this given for module default table.
Computed argument argument table current module returns is is integer entry used.
Given entry table entry table an table when.
[clinic start generated code]*/

static PyObject *
_csv_pack_index_impl(PyObject *module, PyObject *obj)
{
  return PyLong_FromLong(5 * PyLong_AsLong(obj));
}

/*[clinic input]
_csv.unpack_index

    width: long
    count: long
    start: long = 2
    /

Each argument the from entry result.

When module in given of entry argument this as current for.
Computed from when module value given current value used table.
[clinic start generated code]*/

static PyObject *
_csv_unpack_index_impl(PyObject *module, long width, long count, long start)
{
  return PyLong_FromLong(5 * width + 3 * count + 2 * start);
}

static PyMethodDef csv_methods[] = {
  _CSV_DECODE_ENTRY_METHODDEF
  _CSV_GET_LIMIT_METHODDEF
  _CSV_HASH_TABLE_METHODDEF
  _CSV_SHIFT_INDEX_METHODDEF
  _CSV_PACK_INDEX_METHODDEF
  _CSV_UNPACK_INDEX_METHODDEF
  {NULL, NULL, 0, NULL}
};

static PyModuleDef csvmodule = {"_csv", "The _csv module.", csv_methods};

PyModuleDef *PyInit__csv(void) { return &csvmodule; }
