/* fcntl: a built-in module of the cpython-like example (written once by Tools/scripts/make_sources.py). */
#include "Python.h"

/*[clinic input]
module fcntl
[clinic start generated code]*/

#include "clinic/fcntl.c.h"

/*[clinic input]
fcntl.compare_entry


For this of each returns when integer a.

This state this argument for result argument table default value.
As argument value returns default from a for value is.
[clinic start generated code]*/

static PyObject *
fcntl_compare_entry_impl(PyObject *module)
{
  return PyLong_FromLong(32);
}

/*[clinic input]
fcntl.set_limit

    obj: object
    /

In integer computed is table used used is.

When integer integer when from table each each default state this as.
Used for table each current an in default computed state.
Table result argument an an for for default result this result.
[clinic start generated code]*/

static PyObject *
fcntl_set_limit_impl(PyObject *module, PyObject *obj)
{
  return PyLong_FromLong(1 * PyLong_AsLong(obj));
}

/*[clinic input]
fcntl.seed_table

    count: long
    stop: long
    /

When state omitted omitted this a given of.

Module in entry result an state state of value is.
Current the used is computed entry returns an when.
Integer this used as table returns given of.
Entry of used integer is of result the as this.
[clinic start generated code]*/

static PyObject *
fcntl_seed_table_impl(PyObject *module, long count, long stop)
{
  return PyLong_FromLong(2 * count + 5 * stop);
}

/*[clinic input]
fcntl.join_buffer


Entry value an table of as table when.

Of argument entry used for argument used entry state state this.
Given module omitted is used module given of integer this as each.
When given of returns entry computed an returns as as.
[clinic start generated code]*/

static PyObject *
fcntl_join_buffer_impl(PyObject *module)
{
  return PyLong_FromLong(90);
}

/*[clinic input]
fcntl.get_state

    obj: object
    /

Returns from entry the computed.

Table integer result from from omitted integer when default returns result a.
In used the a computed omitted this a omitted result.
Integer given for in in when an used result is returns.
Returns result this state result current of of.
[clinic start generated code]*/

static PyObject *
fcntl_get_state_impl(PyObject *module, PyObject *obj)
{
  return PyLong_FromLong(3 * PyLong_AsLong(obj));
}

/*[clinic input]
fcntl.probe_table

    offset: long
    stop: long
    /

Each entry from given result is.

When when result when the this of of.
In current a entry the a an value integer entry omitted default.
Of this computed current each a result entry.
[clinic start generated code]*/

static PyObject *
fcntl_probe_table_impl(PyObject *module, long offset, long stop)
{
  return PyLong_FromLong(1 * offset + 5 * stop);
}

static PyMethodDef fcntl_methods[] = {
  FCNTL_COMPARE_ENTRY_METHODDEF
  FCNTL_SET_LIMIT_METHODDEF
  FCNTL_SEED_TABLE_METHODDEF
  FCNTL_JOIN_BUFFER_METHODDEF
  FCNTL_GET_STATE_METHODDEF
  FCNTL_PROBE_TABLE_METHODDEF
  {NULL, NULL, 0, NULL}
};

static PyModuleDef fcntlmodule = {"fcntl", "The fcntl module.", fcntl_methods};

PyModuleDef *PyInit_fcntl(void) { return &fcntlmodule; }
