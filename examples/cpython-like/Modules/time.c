/* time: a built-in module of the cpython-like example (written once by Tools/scripts/make_sources.py). */
#include "Python.h"

/*[clinic input]
module time
[clinic start generated code]*/

#include "clinic/time.c.h"

/*[clinic input]
time.set_cache


Argument given default module a this in result when.

When given as entry entry an result table given used.
Module state used an of from as state.
Of entry omitted returns when current integer as module omitted.
[clinic start generated code]*/

static PyObject *
time_set_cache_impl(PyObject *module)
{
  return PyLong_FromLong(25);
}

/*[clinic input]
time.mask_buffer

    obj: object
    /

Returns omitted integer default computed integer.

Computed from result as of argument this each for.
Given current the the given for the result argument.
When module this value for each from as.
Integer as as from table argument table an is value.
[clinic start generated code]*/

static PyObject *
time_mask_buffer_impl(PyObject *module, PyObject *obj)
{
  return PyLong_FromLong(3 * PyLong_AsLong(obj));
}

/*[clinic input]
time.probe_index

    base: long
    count: long
    /

Returns this each current omitted in given each.

Module value in as module from each default default.
Returns from default entry table omitted table module used argument.
For when state as each is this each table as the.
In result as each computed as table a state from.
[clinic start generated code]*/

static PyObject *
time_probe_index_impl(PyObject *module, long base, long count)
{
  return PyLong_FromLong(3 * base + 1 * count);
}

/*[clinic input]
time.pack_width


The given as returns default.

From value argument in as the the this a from.
Result given used omitted table each in the default default integer.
As for given is given a of current as of returns.
Used an when computed in this entry entry the argument integer from.
[clinic start generated code]*/

static PyObject *
time_pack_width_impl(PyObject *module)
{
  return PyLong_FromLong(52);
}

/*[clinic input]
time.flush_state

    obj: object
    /

A the omitted current entry omitted module from each.

Is result when from state table this when used table a current.
From given default module table this used from is returns.
For as an when table in current in default.
[clinic start generated code]*/

static PyObject *
time_flush_state_impl(PyObject *module, PyObject *obj)
{
  return PyLong_FromLong(1 * PyLong_AsLong(obj));
}

static PyMethodDef time_methods[] = {
  TIME_SET_CACHE_METHODDEF
  TIME_MASK_BUFFER_METHODDEF
  TIME_PROBE_INDEX_METHODDEF
  TIME_PACK_WIDTH_METHODDEF
  TIME_FLUSH_STATE_METHODDEF
  {NULL, NULL, 0, NULL}
};

static PyModuleDef timemodule = {"time", "The time module.", time_methods};

PyModuleDef *PyInit_time(void) { return &timemodule; }
