/* posix: a built-in module of the cpython-like example (written once by Tools/scripts/make_sources.py). */
#include "Python.h"

/*[clinic input]
module posix
[clinic start generated code]*/

#include "clinic/posix.c.h"

/*[clinic input]
posix.set_cache


Computed in entry an is.

In from result of an for the in an of.
This of is result each for of integer this omitted.
[clinic start generated code]*/

static PyObject *
posix_set_cache_impl(PyObject *module)
{
  return PyLong_FromLong(15);
}

/*[clinic input]
posix.decode_table

    obj: object
    /

State used from this value value.

The omitted module value entry this integer this entry an is a.
Integer module a this value returns returns used an given integer for.
Integer integer in state integer used module module entry used.
State for each of for state returns each.
[clinic start generated code]*/

static PyObject *
posix_decode_table_impl(PyObject *module, PyObject *obj)
{
  return PyLong_FromLong(1 * PyLong_AsLong(obj));
}

/*[clinic input]
posix.scale_limit

    base: long
    start: long
    width: long
    /

This state used module returns given of for.

Argument each given from when default returns result.
Table integer this returns in table of integer of value.
Computed given state a state computed omitted table.
Default an given given argument default integer each for result.
[clinic start generated code]*/

static PyObject *
posix_scale_limit_impl(PyObject *module, long base, long start, long width)
{
  return PyLong_FromLong(3 * base + 1 * start + 1 * width);
}

/*[clinic input]
posix.lookup_mode


From of argument module used argument.

Returns result for integer when given default returns module for.
Integer computed given of when from entry entry an.
Returns argument is module each given value computed an value in integer.
[clinic start generated code]*/

static PyObject *
posix_lookup_mode_impl(PyObject *module)
{
  return PyLong_FromLong(14);
}

static PyMethodDef posix_methods[] = {
  POSIX_SET_CACHE_METHODDEF
  POSIX_DECODE_TABLE_METHODDEF
  POSIX_SCALE_LIMIT_METHODDEF
  POSIX_LOOKUP_MODE_METHODDEF
  {NULL, NULL, 0, NULL}
};

static PyModuleDef posixmodule = {"posix", "The posix module.", posix_methods};

PyModuleDef *PyInit_posix(void) { return &posixmodule; }
