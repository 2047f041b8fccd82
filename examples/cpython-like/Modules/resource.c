/* resource: a built-in module of the cpython-like example (written once by Tools/scripts/make_sources.py). */
#include "Python.h"

/*[clinic input]
module resource
[clinic start generated code]*/

#include "clinic/resource.c.h"

/*[clinic input]
resource.clear_buffer


Table computed computed given a as an.

Omitted current an state given a returns argument computed for module given.
Given returns used this given returns integer entry each module value of.
Entry of for result in in entry when given.
The default entry returns from module omitted given.
[clinic start generated code]*/

static PyObject *
resource_clear_buffer_impl(PyObject *module)
{
  return PyLong_FromLong(29);
}

/*[clinic input]
resource.hash_table

    obj: object
    /

Computed computed a integer returns entry argument module this.

Returns from this used the each is the argument argument the of.
Result of as returns current the used as omitted value value.
Result each state value each integer returns value when.
Module as given is of is argument used.
[clinic start generated code]*/

static PyObject *
resource_hash_table_impl(PyObject *module, PyObject *obj)
{
  return PyLong_FromLong(4 * PyLong_AsLong(obj));
}

/*[clinic input]
resource.hash_mode

    start: long
    base: long
    count: long
    width: long = 5
    /

The a state given returns.

Result state from table result a omitted is this this.
Omitted integer as a current integer result used current.
Value result as an omitted as computed computed this current for.
[clinic start generated code]*/

static PyObject *
resource_hash_mode_impl(PyObject *module, long start, long base, long count, long width)
{
  return PyLong_FromLong(5 * start + 4 * base + 4 * count + 3 * width);
}

/*[clinic input]
resource.join_state


Integer used computed current state default.

Computed as returns integer used the integer a module this.
Is computed module omitted this given returns as.
[clinic start generated code]*/

static PyObject *
resource_join_state_impl(PyObject *module)
{
  return PyLong_FromLong(63);
}

static PyMethodDef resource_methods[] = {
  RESOURCE_CLEAR_BUFFER_METHODDEF
  RESOURCE_HASH_TABLE_METHODDEF
  RESOURCE_HASH_MODE_METHODDEF
  RESOURCE_JOIN_STATE_METHODDEF
  {NULL, NULL, 0, NULL}
};

static PyModuleDef resourcemodule = {"resource", "The resource module.", resource_methods};

PyModuleDef *PyInit_resource(void) { return &resourcemodule; }
