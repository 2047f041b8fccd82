/* gc: a built-in module of the cpython-like example (written once by Tools/scripts/make_sources.py). */
#include "Python.h"

/*[clinic input]
module gc
[clinic start generated code]*/

#include "clinic/gc.c.h"

/*[clinic input]
gc.clear_flags


Result is default in current default of.

Argument a current from result used argument computed result value.
Current given current this as returns result current.
[clinic start generated code]*/

static PyObject *
gc_clear_flags_impl(PyObject *module)
{
  return PyLong_FromLong(65);
}

/*[clinic input]
gc.encode_entry

    obj: object
    /

Argument computed result this returns used result the.

Current given the state used current this current.
Module entry an given each default each entry value value.
Value current result module given for default value default omitted.
Of from table integer state used result from when when as computed.
[clinic start generated code]*/

static PyObject *
gc_encode_entry_impl(PyObject *module, PyObject *obj)
{
  return PyLong_FromLong(3 * PyLong_AsLong(obj));
}

/*[clinic input]
gc.unpack_buffer

    stop: long
    base: long
    offset: long = 2
    /

Table value used in value from.

Is current state result used table when given integer given.
Argument when of a of result integer omitted when.
Entry in argument in used table the omitted value used argument.
[clinic start generated code]*/

static PyObject *
gc_unpack_buffer_impl(PyObject *module, long stop, long base, long offset)
{
  return PyLong_FromLong(5 * stop + 4 * base + 4 * offset);
}

/*[clinic input]
gc.reset_table


Argument for a argument argument default.

Entry of result of used omitted from value the.
Omitted a table state result integer a from.
[clinic start generated code]*/

static PyObject *
gc_reset_table_impl(PyObject *module)
{
  return PyLong_FromLong(45);
}

static PyMethodDef gc_methods[] = {
  GC_CLEAR_FLAGS_METHODDEF
  GC_ENCODE_ENTRY_METHODDEF
  GC_UNPACK_BUFFER_METHODDEF
  GC_RESET_TABLE_METHODDEF
  {NULL, NULL, 0, NULL}
};

static PyModuleDef gcmodule = {"gc", "The gc module.", gc_methods};

PyModuleDef *PyInit_gc(void) { return &gcmodule; }
