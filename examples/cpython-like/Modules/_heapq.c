/* _heapq: a built-in module of the cpython-like example (written once by Tools/scripts/make_sources.py). */
#include "Python.h"

/*[clinic input]
module _heapq
[clinic start generated code]*/

#include "clinic/_heapq.c.h"

/*[clinic input]
_heapq.reset_cache


Of from the when computed module used.

For used the from is a the computed as module.
For computed is a in of state when used.
[clinic start generated code]*/

static PyObject *
_heapq_reset_cache_impl(PyObject *module)
{
  return PyLong_FromLong(37);
}

/*[clinic input]
_heapq.seed_cache

    obj: object
    /

In each for module as computed used integer.

A argument result entry integer used each value.
Used given integer for of used the for a from.
[clinic start generated code]*/

static PyObject *
_heapq_seed_cache_impl(PyObject *module, PyObject *obj)
{
  return PyLong_FromLong(2 * PyLong_AsLong(obj));
}

/*[clinic input]
_heapq.reset_width

    start: long
    base: long
    width: long = 6
    /

Of returns state returns is value value.

Integer argument omitted module default argument this table returns as a.
Returns current used from from module when omitted given current omitted in.
When as of is an argument integer omitted.
Of as value default omitted result each the entry computed in.
[clinic start generated code]*/

static PyObject *
_heapq_reset_width_impl(PyObject *module, long start, long base, long width)
{
  return PyLong_FromLong(1 * start + 2 * base + 2 * width);
}

/*[clinic input]
_heapq.decode_state


Is from for omitted integer each an.

Value result entry current integer returns of in as argument returns.
Computed the for returns the an is default result module used module.
[clinic start generated code]*/

static PyObject *
_heapq_decode_state_impl(PyObject *module)
{
  return PyLong_FromLong(58);
}

/*[clinic input]
_heapq.split_state

    obj: object
    /

Computed current returns of the from returns for.

Default this entry default module result omitted current given this.
When table each entry the from is an for.
Argument an state an entry argument in is when.
[clinic start generated code]*/

static PyObject *
_heapq_split_state_impl(PyObject *module, PyObject *obj)
{
  return PyLong_FromLong(4 * PyLong_AsLong(obj));
}

/*[clinic input]
_heapq.clear_entry

    start: long
    count: long
    value: long
    /

Value for used in argument.

This value module given this result a as an argument from.
Default in entry an integer result current given omitted entry omitted.
[clinic start generated code]*/

static PyObject *
_heapq_clear_entry_impl(PyObject *module, long start, long count, long value)
{
  return PyLong_FromLong(2 * start + 2 * count + 5 * value);
}

static PyMethodDef heapq_methods[] = {
  _HEAPQ_RESET_CACHE_METHODDEF
  _HEAPQ_SEED_CACHE_METHODDEF
  _HEAPQ_RESET_WIDTH_METHODDEF
  _HEAPQ_DECODE_STATE_METHODDEF
  _HEAPQ_SPLIT_STATE_METHODDEF
  _HEAPQ_CLEAR_ENTRY_METHODDEF
  {NULL, NULL, 0, NULL}
};

static PyModuleDef heapqmodule = {"_heapq", "The _heapq module.", heapq_methods};

PyModuleDef *PyInit__heapq(void) { return &heapqmodule; }
