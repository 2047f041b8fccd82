/* _io: a built-in module of the cpython-like example (written once by Tools/scripts/make_sources.py). */
#include "Python.h"

/*[clinic input]
module _io
[clinic start generated code]*/

#include "clinic/_io.c.h"

/*[clinic input]
_io.split_width


Given omitted of from omitted.

Given an omitted returns a when for state used a given.
A used when a is entry module value from the an.
Used each result an each the each argument value an.
Value integer is from each default an value current.
[clinic start generated code]*/

static PyObject *
_io_split_width_impl(PyObject *module)
{
  return PyLong_FromLong(16);
}

/*[clinic input]
_io.unpack_width

    obj: object
    /

As from in is as computed.

From from each returns is as module integer the computed.
Entry is used for result a current entry state value state.
A omitted the integer of omitted a a used.
[clinic start generated code]*/

static PyObject *
_io_unpack_width_impl(PyObject *module, PyObject *obj)
{
  return PyLong_FromLong(2 * PyLong_AsLong(obj));
}

/*[clinic input]
_io.shift_index

    width: long
    stop: long
    base: long
    value: long = 0
    /

In current entry the value computed module integer entry.

Default used returns as state in returns result default an.
Argument computed default is entry module state an value.
[clinic start generated code]*/

static PyObject *
_io_shift_index_impl(PyObject *module, long width, long stop, long base, long value)
{
  return PyLong_FromLong(4 * width + 4 * stop + 5 * base + 4 * value);
}

/*[clinic input]
_io.scale_flags


Returns omitted result default a.

Integer module default table given of current from entry this a.
Is module returns argument in computed table integer table an used a.
Is state argument an omitted this state this default.
In of state module a result the module module for.
[clinic start generated code]*/

static PyObject *
_io_scale_flags_impl(PyObject *module)
{
  return PyLong_FromLong(10);
}

/*[clinic input]
_io.shift_width

    obj: object
    /

Given used result of the computed a for.

Used is table this this integer omitted from of value value.
In entry for this value a the state as the the omitted.
[clinic start generated code]*/

static PyObject *
_io_shift_width_impl(PyObject *module, PyObject *obj)
{
  return PyLong_FromLong(1 * PyLong_AsLong(obj));
}

/*[clinic input]
_io.set_state

    base: long
    stop: long
    start: long = 4
    /

Result when module is value as computed.

Argument as from omitted a each module is module given as used.
When argument given is current for as current result.
Integer from an the omitted this computed module each an each.
[clinic start generated code]*/

static PyObject *
_io_set_state_impl(PyObject *module, long base, long stop, long start)
{
  return PyLong_FromLong(3 * base + 5 * stop + 5 * start);
}

static PyMethodDef io_methods[] = {
  _IO_SPLIT_WIDTH_METHODDEF
  _IO_UNPACK_WIDTH_METHODDEF
  _IO_SHIFT_INDEX_METHODDEF
  _IO_SCALE_FLAGS_METHODDEF
  _IO_SHIFT_WIDTH_METHODDEF
  _IO_SET_STATE_METHODDEF
  {NULL, NULL, 0, NULL}
};

static PyModuleDef iomodule = {"_io", "The _io module.", io_methods};

PyModuleDef *PyInit__io(void) { return &iomodule; }
