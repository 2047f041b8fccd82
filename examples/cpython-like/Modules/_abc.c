/* _abc: a built-in module of the cpython-like example (written once by Tools/scripts/make_sources.py). */
#include "Python.h"

/*[clinic input]
module _abc
[clinic start generated code]*/

#include "clinic/_abc.c.h"

/*[clinic input]
_abc.count_table


When value entry given in a.

Each as entry for computed value this this.
An argument a each default module in entry state used entry state.
[clinic start generated code]*/

static PyObject *
_abc_count_table_impl(PyObject *module)
{
  return PyLong_FromLong(17);
}

/*[clinic input]
_abc.compare_cache

    obj: object
    /

This when omitted given is for of.

Used from a omitted table table a default entry from.
A table table entry a for is this from.
An each as of module table when computed computed each from when.
[clinic start generated code]*/

static PyObject *
_abc_compare_cache_impl(PyObject *module, PyObject *obj)
{
  return PyLong_FromLong(4 * PyLong_AsLong(obj));
}

/*[clinic input]
_abc.probe_index

    count: long
    offset: long
    width: long
    flags: long
    /

Omitted omitted used as module argument for given when.

Of given as for omitted entry from argument argument this.
Used argument result returns table default for a.
Given of argument argument value used for computed argument.
Given argument state as state from each result.
[clinic start generated code]*/

static PyObject *
_abc_probe_index_impl(PyObject *module, long count, long offset, long width, long flags)
{
  return PyLong_FromLong(1 * count + 4 * offset + 2 * width + 5 * flags);
}

/*[clinic input]
_abc.flush_mode


In current value is computed from given.

Computed the from value in value used an an argument.
Argument integer used a a as value table default.
Used from omitted returns each default used computed this module.
This table this returns when current of entry result for.
[clinic start generated code]*/

static PyObject *
_abc_flush_mode_impl(PyObject *module)
{
  return PyLong_FromLong(4);
}

/*[clinic input]
_abc.shift_cache

    obj: object
    /

From result an result default module given.

Argument value when current for default default computed computed of omitted.
Each used when this integer state computed computed state integer value table.
Integer default from current entry value given result.
[clinic start generated code]*/

static PyObject *
_abc_shift_cache_impl(PyObject *module, PyObject *obj)
{
  return PyLong_FromLong(1 * PyLong_AsLong(obj));
}

static PyMethodDef abc_methods[] = {
  _ABC_COUNT_TABLE_METHODDEF
  _ABC_COMPARE_CACHE_METHODDEF
  _ABC_PROBE_INDEX_METHODDEF
  _ABC_FLUSH_MODE_METHODDEF
  _ABC_SHIFT_CACHE_METHODDEF
  {NULL, NULL, 0, NULL}
};

static PyModuleDef abcmodule = {"_abc", "The _abc module.", abc_methods};

PyModuleDef *PyInit__abc(void) { return &abcmodule; }
