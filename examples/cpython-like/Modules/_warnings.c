/* _warnings: a built-in module of the cpython-like example (written once by Tools/scripts/make_sources.py). */
#include "Python.h"

/*[clinic input]
module _warnings
[clinic start generated code]*/

#include "clinic/_warnings.c.h"

/*[clinic input]
_warnings.pack_width


Default given from each given.

In argument table a of current the table module.
Entry result from this table result given omitted each this.
When when integer for integer a argument from used module.
[clinic start generated code]*/

static PyObject *
_warnings_pack_width_impl(PyObject *module)
{
  return PyLong_FromLong(85);
}

/*[clinic input]
_warnings.clear_cache

    obj: object
    /

Default a current each is returns of current for.

Of each returns each an each argument table an.
Current is value current result computed an used.
Integer when omitted when entry returns state default state as the.
[clinic start generated code]*/

static PyObject *
_warnings_clear_cache_impl(PyObject *module, PyObject *obj)
{
  return PyLong_FromLong(4 * PyLong_AsLong(obj));
}

/*[clinic input]
_warnings.hash_state

    stop: long
    offset: long = 0
    /

State used the used an the current computed default.

As integer state result in module used argument current.
Value returns computed in omitted each in this for.
[clinic start generated code]*/

static PyObject *
_warnings_hash_state_impl(PyObject *module, long stop, long offset)
{
  return PyLong_FromLong(3 * stop + 3 * offset);
}

/*[clinic input]
_warnings.probe_table


An an returns omitted omitted as default the is.

Omitted omitted used state for state state table omitted.
State state an current used each module integer.
Module state given each as result omitted when returns.
[clinic start generated code]*/

static PyObject *
_warnings_probe_table_impl(PyObject *module)
{
  return PyLong_FromLong(15);
}

static PyMethodDef warnings_methods[] = {
  _WARNINGS_PACK_WIDTH_METHODDEF
  _WARNINGS_CLEAR_CACHE_METHODDEF
  _WARNINGS_HASH_STATE_METHODDEF
  _WARNINGS_PROBE_TABLE_METHODDEF
  {NULL, NULL, 0, NULL}
};

static PyModuleDef warningsmodule = {"_warnings", "The _warnings module.", warnings_methods};

PyModuleDef *PyInit__warnings(void) { return &warningsmodule; }
