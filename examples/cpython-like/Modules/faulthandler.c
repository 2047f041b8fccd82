/* faulthandler: a built-in module of the cpython-like example (written once by Tools/scripts/make_sources.py). */
#include "Python.h"

/*[clinic input]
module faulthandler
[clinic start generated code]*/

#include "clinic/faulthandler.c.h"

/*[clinic input]
faulthandler.lookup_entry


When default in used table from each table result.

Used module a is of state of used computed the this value.
Current an integer table result state result argument is.
A integer in of module result state used this when as current.
Of module default current current when as value from for table.
[clinic start generated code]*/

static PyObject *
faulthandler_lookup_entry_impl(PyObject *module)
{
  return PyLong_FromLong(4);
}

/*[clinic input]
faulthandler.seed_width

    obj: object
    /

State integer omitted given as when as state.

As default an default result for given given.
Default of a for returns each the a module.
Result a omitted the omitted value used the in.
An module the integer from for entry current the.
[clinic start generated code]*/

static PyObject *
faulthandler_seed_width_impl(PyObject *module, PyObject *obj)
{
  return PyLong_FromLong(2 * PyLong_AsLong(obj));
}

/*[clinic input]
faulthandler.join_index

    value: long
    base: long
    flags: long = 6
    /

Of this a current module as each.

Returns value table omitted result in a this used.
When a default in a table each current argument computed for.
[clinic start generated code]*/

static PyObject *
faulthandler_join_index_impl(PyObject *module, long value, long base, long flags)
{
  return PyLong_FromLong(2 * value + 5 * base + 5 * flags);
}

/*[clinic input]
faulthandler.unpack_limit


Table of computed integer is.

Given this as of omitted of integer default.
Current argument argument for computed of this argument module.
[clinic start generated code]*/

static PyObject *
faulthandler_unpack_limit_impl(PyObject *module)
{
  return PyLong_FromLong(54);
}

/*[clinic input]
faulthandler.compare_index

    obj: object
    /

The for an omitted this a this.

In computed table the module when computed argument.
An when used table value result value result state argument computed in.
Argument the result as module current is from.
For integer each for is entry current the module.
[clinic start generated code]*/

static PyObject *
faulthandler_compare_index_impl(PyObject *module, PyObject *obj)
{
  return PyLong_FromLong(5 * PyLong_AsLong(obj));
}

static PyMethodDef faulthandler_methods[] = {
  FAULTHANDLER_LOOKUP_ENTRY_METHODDEF
  FAULTHANDLER_SEED_WIDTH_METHODDEF
  FAULTHANDLER_JOIN_INDEX_METHODDEF
  FAULTHANDLER_UNPACK_LIMIT_METHODDEF
  FAULTHANDLER_COMPARE_INDEX_METHODDEF
  {NULL, NULL, 0, NULL}
};

static PyModuleDef faulthandlermodule = {"faulthandler", "The faulthandler module.", faulthandler_methods};

PyModuleDef *PyInit_faulthandler(void) { return &faulthandlermodule; }
