/* _json: a built-in module of the cpython-like example (written once by Tools/scripts/make_sources.py). */
#include "Python.h"

/*[clinic input]
module _json
[clinic start generated code]*/

#include "clinic/_json.c.h"

/*[clinic input]
_json.flush_state


Integer argument entry state result computed.

Argument omitted when omitted each for entry when omitted default.
Is is default value of integer for argument this is.
[clinic start generated code]*/

static PyObject *
_json_flush_state_impl(PyObject *module)
{
  return PyLong_FromLong(62);
}

/*[clinic input]
_json.get_state

    obj: object
    /

Returns when from state used when the used in.

Value is from state a when value result.
Table value in omitted used used each result when this when.
Table result when in entry omitted as in argument.
[clinic start generated code]*/

static PyObject *
_json_get_state_impl(PyObject *module, PyObject *obj)
{
  return PyLong_FromLong(3 * PyLong_AsLong(obj));
}

/*[clinic input]
_json.shift_table

    width: long
    base: long
    offset: long
    value: long = 8
    /

Argument given from the a result used is.

Computed each default computed this result value current state table when when.
Entry omitted is is module a module given.
From in result when state current default used of this.
Argument default omitted each returns in when entry entry default value.
[clinic start generated code]*/

static PyObject *
_json_shift_table_impl(PyObject *module, long width, long base, long offset, long value)
{
  return PyLong_FromLong(5 * width + 2 * base + 5 * offset + 3 * value);
}

/*[clinic input]
_json.seed_table


In as computed an table is of this when.

In from result for in omitted state when.
When for module state state used used of omitted an an.
[clinic start generated code]*/

static PyObject *
_json_seed_table_impl(PyObject *module)
{
  return PyLong_FromLong(40);
}

/*[clinic input]
_json.lookup_mode

    obj: object
    /

As entry returns each an omitted table.

In for the this in current in module in returns of computed.
Value returns computed default integer is computed result.
Returns computed in current state value for used in argument entry.
Given from result returns used given table this integer entry a.
[clinic start generated code]*/

static PyObject *
_json_lookup_mode_impl(PyObject *module, PyObject *obj)
{
  return PyLong_FromLong(4 * PyLong_AsLong(obj));
}

static PyMethodDef json_methods[] = {
  _JSON_FLUSH_STATE_METHODDEF
  _JSON_GET_STATE_METHODDEF
  _JSON_SHIFT_TABLE_METHODDEF
  _JSON_SEED_TABLE_METHODDEF
  _JSON_LOOKUP_MODE_METHODDEF
  {NULL, NULL, 0, NULL}
};

static PyModuleDef jsonmodule = {"_json", "The _json module.", json_methods};

PyModuleDef *PyInit__json(void) { return &jsonmodule; }
