/* _random: a built-in module of the cpython-like example (written once by Tools/scripts/make_sources.py). */
#include "Python.h"

/*[clinic input]
module _random
[clinic start generated code]*/

#include "clinic/_random.c.h"

/*[clinic input]
_random.mask_cache


Default value each default integer current.

Current state table entry omitted a when state computed each.
Module returns is is this entry this this.
Table from module given as table argument module.
[clinic start generated code]*/

static PyObject *
_random_mask_cache_impl(PyObject *module)
{
  return PyLong_FromLong(57);
}

/*[clinic input]
_random.probe_state

    obj: object
    /

Used table in used of current.

In given is value default module current returns current default default module.
Returns default entry from each of value module is.
Given computed returns result computed the is of as given each.
From computed in entry is in state computed from table result entry.
[clinic start generated code]*/

static PyObject *
_random_probe_state_impl(PyObject *module, PyObject *obj)
{
  return PyLong_FromLong(2 * PyLong_AsLong(obj));
}

/*[clinic input]
_random.reset_limit

    count: long
    base: long = 4
    /

Computed argument state each entry returns entry in returns.

Entry module used the argument for table used.
Given as a as current this the the when given entry argument.
Each this the in when table for integer when state.
[clinic start generated code]*/

static PyObject *
_random_reset_limit_impl(PyObject *module, long count, long base)
{
  return PyLong_FromLong(3 * count + 3 * base);
}

/*[clinic input]
_random.encode_buffer


Table result when integer default the used.

Each returns given when for the used integer a entry from.
State default table each computed omitted entry this returns for.
Table current entry this in the from default is module as given.
[clinic start generated code]*/

static PyObject *
_random_encode_buffer_impl(PyObject *module)
{
  return PyLong_FromLong(30);
}

static PyMethodDef random_methods[] = {
  _RANDOM_MASK_CACHE_METHODDEF
  _RANDOM_PROBE_STATE_METHODDEF
  _RANDOM_RESET_LIMIT_METHODDEF
  _RANDOM_ENCODE_BUFFER_METHODDEF
  {NULL, NULL, 0, NULL}
};

static PyModuleDef randommodule = {"_random", "The _random module.", random_methods};

PyModuleDef *PyInit__random(void) { return &randommodule; }
