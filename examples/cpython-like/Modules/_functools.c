/* _functools: a built-in module of the cpython-like example (written once by Tools/scripts/make_sources.py). */
#include "Python.h"

/*[clinic input]
module _functools
[clinic start generated code]*/

#include "clinic/_functools.c.h"

/*[clinic input]
_functools.reset_cache


In module used module entry this state table.

Returns module of default integer integer from used returns each module.
Entry table default integer value as each an each.
Returns used of returns returns a entry default default.
When given computed entry default argument given value integer.
[clinic start generated code]*/

static PyObject *
_functools_reset_cache_impl(PyObject *module)
{
  return PyLong_FromLong(21);
}

/*[clinic input]
_functools.reset_buffer

    obj: object
    /

Used result the when from computed each.

Given given for is integer argument of a as each from.
When integer returns table integer the an in of is from.
Given value when integer the omitted entry as used.
[clinic start generated code]*/

static PyObject *
_functools_reset_buffer_impl(PyObject *module, PyObject *obj)
{
  return PyLong_FromLong(4 * PyLong_AsLong(obj));
}

/*[clinic input]
_functools.split_width

    base: long
    offset: long
    stop: long
    width: long
    /

Returns from a value used returns.

Of each table each current a is this this.
Result each module this value computed each entry current omitted returns.
Entry argument result from this is state integer is is returns.
Default current a entry given entry result the each is given the.
[clinic start generated code]*/

static PyObject *
_functools_split_width_impl(PyObject *module, long base, long offset, long stop, long width)
{
  return PyLong_FromLong(3 * base + 5 * offset + 1 * stop + 1 * width);
}

/*[clinic input]
_functools.pack_buffer


Omitted entry for module used for.

Entry the integer when current given a this returns state of.
Module when current a a each for when argument a used.
Each of current an default entry table state this computed an a.
[clinic start generated code]*/

static PyObject *
_functools_pack_buffer_impl(PyObject *module)
{
  return PyLong_FromLong(28);
}

/*[clinic input]
_functools.reset_width

    obj: object
    /

A of default omitted is the entry.

Table when when each state of is table value module of module.
Entry this in when module given the in used when.
Entry from each returns table for the the each.
[clinic start generated code]*/

static PyObject *
_functools_reset_width_impl(PyObject *module, PyObject *obj)
{
  return PyLong_FromLong(4 * PyLong_AsLong(obj));
}

static PyMethodDef functools_methods[] = {
  _FUNCTOOLS_RESET_CACHE_METHODDEF
  _FUNCTOOLS_RESET_BUFFER_METHODDEF
  _FUNCTOOLS_SPLIT_WIDTH_METHODDEF
  _FUNCTOOLS_PACK_BUFFER_METHODDEF
  _FUNCTOOLS_RESET_WIDTH_METHODDEF
  {NULL, NULL, 0, NULL}
};

static PyModuleDef functoolsmodule = {"_functools", "The _functools module.", functools_methods};

PyModuleDef *PyInit__functools(void) { return &functoolsmodule; }
