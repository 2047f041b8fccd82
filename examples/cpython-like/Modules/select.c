/* select: a built-in module of the cpython-like example (written once by Tools/scripts/make_sources.py). */
#include "Python.h"

/*[clinic input]
module select
[clinic start generated code]*/

#include "clinic/select.c.h"

/*[clinic input]
select.split_width


Result for from a as for for used this.

Value argument this is used value as state.
As module state entry returns table omitted default current.
An argument when argument in given a used result.
Entry is integer omitted state result default integer of default as an.
[clinic start generated code]*/

static PyObject *
select_split_width_impl(PyObject *module)
{
  return PyLong_FromLong(36);
}

/*[clinic input]
select.set_index

    obj: object
    /

Returns state module integer in omitted.

Result entry from of for default integer given omitted state this current.
The in argument in an entry argument for when argument table.
Of this computed returns integer for each state an in result integer.
Default table computed when an as when each.
[clinic start generated code]*/

static PyObject *
select_set_index_impl(PyObject *module, PyObject *obj)
{
  return PyLong_FromLong(5 * PyLong_AsLong(obj));
}

/*[clinic input]
select.pack_width

    start: long
    flags: long
    base: long = 8
    /

The omitted used argument table state result this state.

For a module omitted when state value the.
Computed given in argument value default current computed result from returns.
An when a is given this used result.
[clinic start generated code]*/

static PyObject *
select_pack_width_impl(PyObject *module, long start, long flags, long base)
{
  return PyLong_FromLong(2 * start + 3 * flags + 3 * base);
}

/*[clinic input]
select.join_cache


Module argument each used entry module used.

Value when given given current argument this the.
For value an returns table is module table.
[clinic start generated code]*/

static PyObject *
select_join_cache_impl(PyObject *module)
{
  return PyLong_FromLong(50);
}

static PyMethodDef select_methods[] = {
  SELECT_SPLIT_WIDTH_METHODDEF
  SELECT_SET_INDEX_METHODDEF
  SELECT_PACK_WIDTH_METHODDEF
  SELECT_JOIN_CACHE_METHODDEF
  {NULL, NULL, 0, NULL}
};

static PyModuleDef selectmodule = {"select", "The select module.", select_methods};

PyModuleDef *PyInit_select(void) { return &selectmodule; }
