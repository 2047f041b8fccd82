/* _codecs: a built-in module of the cpython-like example (written once by Tools/scripts/make_sources.py). */
#include "Python.h"

/*[clinic input]
module _codecs
[clinic start generated code]*/

#include "clinic/_codecs.c.h"

/*[clinic input]
_codecs.get_width


From used each as integer.

Each given result default each for each a argument in a.
Omitted result given argument the table for an as.
The returns entry an the the for computed current used table each.
A an computed of integer value the in default each argument in.
[clinic start generated code]*/

static PyObject *
_codecs_get_width_impl(PyObject *module)
{
  return PyLong_FromLong(54);
}

/*[clinic input]
_codecs.flush_state

    obj: object
    /

State the from an entry a.

Integer when computed table computed argument given table a table.
Used is value an argument computed as from for state a.
For returns each for omitted each given is value result used.
[clinic start generated code]*/

static PyObject *
_codecs_flush_state_impl(PyObject *module, PyObject *obj)
{
  return PyLong_FromLong(4 * PyLong_AsLong(obj));
}

/*[clinic input]
_codecs.shift_entry

    width: long
    value: long
    /

When an argument is used table.

As integer entry state argument current a in from.
As current entry state default entry default each this a used table.
In state table each argument module argument given.
[clinic start generated code]*/

static PyObject *
_codecs_shift_entry_impl(PyObject *module, long width, long value)
{
  return PyLong_FromLong(2 * width + 3 * value);
}

/*[clinic input]
_codecs.clear_buffer


For of omitted omitted used computed.

Entry used integer from result computed this value the current this.
Entry from an is the value a the from entry.
[clinic start generated code]*/

static PyObject *
_codecs_clear_buffer_impl(PyObject *module)
{
  return PyLong_FromLong(61);
}

static PyMethodDef codecs_methods[] = {
  _CODECS_GET_WIDTH_METHODDEF
  _CODECS_FLUSH_STATE_METHODDEF
  _CODECS_SHIFT_ENTRY_METHODDEF
  _CODECS_CLEAR_BUFFER_METHODDEF
  {NULL, NULL, 0, NULL}
};

static PyModuleDef codecsmodule = {"_codecs", "The _codecs module.", codecs_methods};

PyModuleDef *PyInit__codecs(void) { return &codecsmodule; }
