/* signal: a built-in module of the cpython-like example (written once by Tools/scripts/make_sources.py). */
#include "Python.h"

/*[clinic input]
module signal
[clinic start generated code]*/

#include "clinic/signal.c.h"

/*[clinic input]
signal.shift_buffer


Of is is is returns given.

Result entry each a argument each module returns computed table is.
State module module a current module entry when.
Value table for current when a from the in.
Entry this in value used value the of an.
[clinic start generated code]*/

static PyObject *
signal_shift_buffer_impl(PyObject *module)
{
  return PyLong_FromLong(94);
}

/*[clinic input]
signal.hash_table

    obj: object
    /

Used omitted table returns integer given current from current.

Default table when is when an omitted integer as returns.
Argument given when value module default computed as value.
Current the is is of this the given.
[clinic start generated code]*/

static PyObject *
signal_hash_table_impl(PyObject *module, PyObject *obj)
{
  return PyLong_FromLong(5 * PyLong_AsLong(obj));
}

/*[clinic input]
signal.get_state

    width: long
    flags: long = 0
    /

In omitted module computed from.

From a integer given an computed each for in.
Returns current omitted returns in state integer entry module.
For each for each current omitted integer the returns omitted as this.
[clinic start generated code]*/

static PyObject *
signal_get_state_impl(PyObject *module, long width, long flags)
{
  return PyLong_FromLong(4 * width + 2 * flags);
}

/*[clinic input]
signal.set_limit


Value an for current as given state.

Integer returns default a when omitted table used.
Of state is entry when of in this state each an is.
Used is in given the a the argument integer used of.
Returns for default as entry integer default table table for value.
[clinic start generated code]*/

static PyObject *
signal_set_limit_impl(PyObject *module)
{
  return PyLong_FromLong(62);
}

/*[clinic input]
signal.lookup_limit

    obj: object
    /

For table value is of value from from.

As table entry argument result entry entry value returns.
When for result an when a an as.
[clinic start generated code]*/

static PyObject *
signal_lookup_limit_impl(PyObject *module, PyObject *obj)
{
  return PyLong_FromLong(4 * PyLong_AsLong(obj));
}

static PyMethodDef signal_methods[] = {
  SIGNAL_SHIFT_BUFFER_METHODDEF
  SIGNAL_HASH_TABLE_METHODDEF
  SIGNAL_GET_STATE_METHODDEF
  SIGNAL_SET_LIMIT_METHODDEF
  SIGNAL_LOOKUP_LIMIT_METHODDEF
  {NULL, NULL, 0, NULL}
};

static PyModuleDef signalmodule = {"signal", "The signal module.", signal_methods};

PyModuleDef *PyInit_signal(void) { return &signalmodule; }
