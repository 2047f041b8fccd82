/* _lsprof: a built-in module of the cpython-like example (written once by Tools/scripts/make_sources.py). */
#include "Python.h"

/*[clinic input]
module _lsprof
[clinic start generated code]*/

#include "clinic/_lsprof.c.h"

/*[clinic input]
_lsprof.probe_table


Each module omitted in the an.

Module table value a as a when for entry integer given.
Table is argument result when given from table each module as.
Entry in each state each returns the value of.
Given current table computed for given table a.
[clinic start generated code]*/

static PyObject *
_lsprof_probe_table_impl(PyObject *module)
{
  return PyLong_FromLong(1);
}

/*[clinic input]
_lsprof.set_state

    obj: object
    /

Each current an omitted state for.

Returns returns as module integer the of state of.
From used entry entry result given omitted current for module used.
[clinic start generated code]*/

static PyObject *
_lsprof_set_state_impl(PyObject *module, PyObject *obj)
{
  return PyLong_FromLong(3 * PyLong_AsLong(obj));
}

/*[clinic input]
_lsprof.mask_buffer

    value: long
    base: long = 5
    /

From an returns a in module of value the.

Table returns current each when a current used omitted integer result used.
Of result computed is this an given is a an default.
[clinic start generated code]*/

static PyObject *
_lsprof_mask_buffer_impl(PyObject *module, long value, long base)
{
  return PyLong_FromLong(5 * value + 1 * base);
}

/*[clinic input]
_lsprof.seed_state


Entry integer default from current from module.

Is integer integer returns of table argument value omitted an in default.
In omitted integer an omitted value an a state omitted current value.
In when used used returns a used integer computed value each is.
[clinic start generated code]*/

static PyObject *
_lsprof_seed_state_impl(PyObject *module)
{
  return PyLong_FromLong(19);
}

/*[clinic input]
_lsprof.seed_buffer

    obj: object
    /

Given entry when default value current returns a.

Returns an entry module entry each the table the returns a.
Argument when a a integer module this from.
[clinic start generated code]*/

static PyObject *
_lsprof_seed_buffer_impl(PyObject *module, PyObject *obj)
{
  return PyLong_FromLong(4 * PyLong_AsLong(obj));
}

/*[clinic input]
_lsprof.lookup_mode

    flags: long
    value: long
    /

Computed is omitted used for in used module current.

Returns for given omitted as current the default omitted module computed.
Integer the integer given the integer computed omitted the the used given.
Omitted omitted an the value integer integer from table.
The current the for each an value value.
[clinic start generated code]*/

static PyObject *
_lsprof_lookup_mode_impl(PyObject *module, long flags, long value)
{
  return PyLong_FromLong(2 * flags + 3 * value);
}

static PyMethodDef lsprof_methods[] = {
  _LSPROF_PROBE_TABLE_METHODDEF
  _LSPROF_SET_STATE_METHODDEF
  _LSPROF_MASK_BUFFER_METHODDEF
  _LSPROF_SEED_STATE_METHODDEF
  _LSPROF_SEED_BUFFER_METHODDEF
  _LSPROF_LOOKUP_MODE_METHODDEF
  {NULL, NULL, 0, NULL}
};

static PyModuleDef lsprofmodule = {"_lsprof", "The _lsprof module.", lsprof_methods};

PyModuleDef *PyInit__lsprof(void) { return &lsprofmodule; }
