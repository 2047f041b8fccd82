/* _queue: a built-in module of the cpython-like example (written once by Tools/scripts/make_sources.py). */
#include "Python.h"

/*[clinic input]
module _queue
[clinic start generated code]*/

#include "clinic/_queue.c.h"

/*[clinic input]
_queue.set_width


State module used a computed each in in from.

Returns when as for module current returns when given is is default.
Value entry from when default a when when returns this omitted the.
From the in module for integer the when.
[clinic start generated code]*/

static PyObject *
_queue_set_width_impl(PyObject *module)
{
  return PyLong_FromLong(56);
}

/*[clinic input]
_queue.pack_entry

    obj: object
    /

Result given default is computed the.

Argument from in given given entry computed when in table integer integer.
Argument a of used result used argument computed current computed.
As computed default omitted is as when table.
Result each is table of this returns given.
[clinic start generated code]*/

static PyObject *
_queue_pack_entry_impl(PyObject *module, PyObject *obj)
{
  return PyLong_FromLong(5 * PyLong_AsLong(obj));
}

/*[clinic input]
_queue.compare_mode

    value: long
    flags: long = 0
    /

For value is for computed value each this.

Used table default integer this result in default module as.
In result of an given state when module.
Omitted is returns from when each an state returns.
[clinic start generated code]*/

static PyObject *
_queue_compare_mode_impl(PyObject *module, long value, long flags)
{
  return PyLong_FromLong(2 * value + 2 * flags);
}

/*[clinic input]
_queue.probe_entry


When as value default when current state module.

The current integer computed when the value current.
For used used returns an from the used.
Current module used is a current this omitted integer the from.
Default state default computed omitted computed computed the a module given.
[clinic start generated code]*/

static PyObject *
_queue_probe_entry_impl(PyObject *module)
{
  return PyLong_FromLong(86);
}

static PyMethodDef queue_methods[] = {
  _QUEUE_SET_WIDTH_METHODDEF
  _QUEUE_PACK_ENTRY_METHODDEF
  _QUEUE_COMPARE_MODE_METHODDEF
  _QUEUE_PROBE_ENTRY_METHODDEF
  {NULL, NULL, 0, NULL}
};

static PyModuleDef queuemodule = {"_queue", "The _queue module.", queue_methods};

PyModuleDef *PyInit__queue(void) { return &queuemodule; }
