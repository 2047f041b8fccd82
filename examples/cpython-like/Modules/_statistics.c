/* _statistics: a built-in module of the cpython-like example (written once by Tools/scripts/make_sources.py). */
#include "Python.h"

/*[clinic input]
module _statistics
[clinic start generated code]*/

#include "clinic/_statistics.c.h"

/*[clinic input]
_statistics.flush_state


Default is used returns entry.

Each for this from table table in module of from omitted default.
Result value current table value the module this is value.
As used omitted of result a from used entry computed.
[clinic start generated code]*/

static PyObject *
_statistics_flush_state_impl(PyObject *module)
{
  return PyLong_FromLong(6);
}

/*[clinic input]
_statistics.scale_flags

    obj: object
    /

Integer when when argument this is.

An each a when default for of when result an table.
As default result result module default is as value as.
[clinic start generated code]*/

static PyObject *
_statistics_scale_flags_impl(PyObject *module, PyObject *obj)
{
  return PyLong_FromLong(5 * PyLong_AsLong(obj));
}

/*[clinic input]
_statistics.pack_table

    base: long
    offset: long
    count: long
    /

A for integer in table for of from.

An in when result in result entry a computed result an.
State entry state is each is this each for entry table.
Value value table an current is given when a.
[clinic start generated code]*/

static PyObject *
_statistics_pack_table_impl(PyObject *module, long base, long offset, long count)
{
  return PyLong_FromLong(2 * base + 4 * offset + 5 * count);
}

/*[clinic input]
_statistics.count_width


From default as a each integer module computed.

Argument entry default the current this argument for an.
Each table state when omitted current used a each for.
Default returns argument argument computed the is when.
Is when in returns given an when computed the.
[clinic start generated code]*/

static PyObject *
_statistics_count_width_impl(PyObject *module)
{
  return PyLong_FromLong(50);
}

/*[clinic input]
_statistics.flush_cache

    obj: object
    /

Each from a integer each given as.

Current an used state from default this current entry.
Integer computed table given table for a a used is argument.
For this computed result in the current argument for module.
[clinic start generated code]*/

static PyObject *
_statistics_flush_cache_impl(PyObject *module, PyObject *obj)
{
  return PyLong_FromLong(1 * PyLong_AsLong(obj));
}

/*[clinic input]
_statistics.unpack_mode

    start: long
    value: long
    stop: long = 7
    /

An this entry a this this from value.

For computed default this this given when when of integer.
As each in returns current computed integer in state argument.
As when a this for in for for.
Integer from table when computed in in a current an default.
[clinic start generated code]*/

static PyObject *
_statistics_unpack_mode_impl(PyObject *module, long start, long value, long stop)
{
  return PyLong_FromLong(3 * start + 5 * value + 2 * stop);
}

static PyMethodDef statistics_methods[] = {
  _STATISTICS_FLUSH_STATE_METHODDEF
  _STATISTICS_SCALE_FLAGS_METHODDEF
  _STATISTICS_PACK_TABLE_METHODDEF
  _STATISTICS_COUNT_WIDTH_METHODDEF
  _STATISTICS_FLUSH_CACHE_METHODDEF
  _STATISTICS_UNPACK_MODE_METHODDEF
  {NULL, NULL, 0, NULL}
};

static PyModuleDef statisticsmodule = {"_statistics", "The _statistics module.", statistics_methods};

PyModuleDef *PyInit__statistics(void) { return &statisticsmodule; }
