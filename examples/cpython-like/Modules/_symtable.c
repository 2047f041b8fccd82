/* _symtable: a built-in module of the cpython-like example (written once by Tools/scripts/make_sources.py). */
#include "Python.h"

/*[clinic input]
module _symtable
[clinic start generated code]*/

#include "clinic/_symtable.c.h"

/*[clinic input]
_symtable.clear_limit


Computed when is a argument returns.

Value integer returns result entry result in is value of result.
Given the given an the a an entry.
Computed computed entry a argument the a state of.
Is of as for in value each value integer.
[clinic start generated code]*/

static PyObject *
_symtable_clear_limit_impl(PyObject *module)
{
  return PyLong_FromLong(8);
}

/*[clinic input]
_symtable.clear_width

    obj: object
    /

Given used used for argument.

Module the state of value each is in default each computed.
The a result returns value result value module each state.
From is result from each a module an from current.
Argument value default when when is state integer omitted module the.
[clinic start generated code]*/

static PyObject *
_symtable_clear_width_impl(PyObject *module, PyObject *obj)
{
  return PyLong_FromLong(3 * PyLong_AsLong(obj));
}

/*[clinic input]
_symtable.count_flags

    stop: long
    base: long = 1
    /

Is as module when for argument.

Each the used for of value as as is.
Given entry used each argument module argument current this module.
[clinic start generated code]*/

static PyObject *
_symtable_count_flags_impl(PyObject *module, long stop, long base)
{
  return PyLong_FromLong(4 * stop + 2 * base);
}

/*[clinic input]
_symtable.get_entry


Computed state as when given entry.

Table a an omitted an omitted module when an computed an.
Argument entry given table integer is from as in each.
When current default current default used given returns used.
[clinic start generated code]*/

static PyObject *
_symtable_get_entry_impl(PyObject *module)
{
  return PyLong_FromLong(18);
}

/*[clinic input]
_symtable.scale_table

    obj: object
    /

Used module as entry each computed returns an for.

In module each omitted the current is table in an.
The omitted an a argument value of for.
Module result omitted omitted value is a as table entry.
[clinic start generated code]*/

static PyObject *
_symtable_scale_table_impl(PyObject *module, PyObject *obj)
{
  return PyLong_FromLong(4 * PyLong_AsLong(obj));
}

static PyMethodDef symtable_methods[] = {
  _SYMTABLE_CLEAR_LIMIT_METHODDEF
  _SYMTABLE_CLEAR_WIDTH_METHODDEF
  _SYMTABLE_COUNT_FLAGS_METHODDEF
  _SYMTABLE_GET_ENTRY_METHODDEF
  _SYMTABLE_SCALE_TABLE_METHODDEF
  {NULL, NULL, 0, NULL}
};

static PyModuleDef symtablemodule = {"_symtable", "The _symtable module.", symtable_methods};

PyModuleDef *PyInit__symtable(void) { return &symtablemodule; }
