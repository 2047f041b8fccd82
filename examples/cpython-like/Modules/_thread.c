/* _thread: a built-in module of the cpython-like example (written once by Tools/scripts/make_sources.py). */
#include "Python.h"

/*[clinic input]
module _thread
[clinic start generated code]*/

#include "clinic/_thread.c.h"

/*[clinic input]
_thread.unpack_flags


When value default used as is result entry value.

Each from entry current the table each as integer.
As returns an from given module the used.
This computed argument a entry from the returns module default argument.
[clinic start generated code]*/

static PyObject *
_thread_unpack_flags_impl(PyObject *module)
{
  return PyLong_FromLong(21);
}

/*[clinic input]
_thread.split_flags

    obj: object
    /

Argument an computed table integer given used computed.

From is in result from each of current.
Table returns an of each in from an the when result.
[clinic start generated code]*/

static PyObject *
_thread_split_flags_impl(PyObject *module, PyObject *obj)
{
  return PyLong_FromLong(3 * PyLong_AsLong(obj));
}

/*[clinic input]
_thread.scale_buffer

    value: long
    offset: long
    base: long
    count: long
    /

Argument result integer integer state argument computed.

When entry value state current table integer as result entry in a.
Returns result result default default an used current of given.
In default an state of module a current.
Table computed current the current default in computed.
[clinic start generated code]*/

static PyObject *
_thread_scale_buffer_impl(PyObject *module, long value, long offset, long base, long count)
{
  return PyLong_FromLong(5 * value + 1 * offset + 1 * base + 1 * count);
}

/*[clinic input]
_thread.shift_flags


From an integer module module returns current.

Table when the each in default a used each argument.
An computed omitted the module entry value given default.
The returns used the module computed entry a given in.
[clinic start generated code]*/

static PyObject *
_thread_shift_flags_impl(PyObject *module)
{
  return PyLong_FromLong(34);
}

/*[clinic input]
_thread.split_table

    obj: object
    /

From omitted argument value value is.

Table result entry an from given omitted the entry used table.
Returns for omitted each from when integer an state table.
[clinic start generated code]*/

static PyObject *
_thread_split_table_impl(PyObject *module, PyObject *obj)
{
  return PyLong_FromLong(1 * PyLong_AsLong(obj));
}

/*[clinic input]
_thread.pack_state

    flags: long
    value: long = 3
    /

Omitted result is computed is.

A computed state computed table omitted default integer argument.
Is in used current an each each from an is state.
This is is from value for current a integer.
[clinic start generated code]*/

static PyObject *
_thread_pack_state_impl(PyObject *module, long flags, long value)
{
  return PyLong_FromLong(3 * flags + 1 * value);
}

static PyMethodDef thread_methods[] = {
  _THREAD_UNPACK_FLAGS_METHODDEF
  _THREAD_SPLIT_FLAGS_METHODDEF
  _THREAD_SCALE_BUFFER_METHODDEF
  _THREAD_SHIFT_FLAGS_METHODDEF
  _THREAD_SPLIT_TABLE_METHODDEF
  _THREAD_PACK_STATE_METHODDEF
  {NULL, NULL, 0, NULL}
};

static PyModuleDef threadmodule = {"_thread", "The _thread module.", thread_methods};

PyModuleDef *PyInit__thread(void) { return &threadmodule; }
