/* termios: a built-in module of the cpython-like example (written once by Tools/scripts/make_sources.py). */
#include "Python.h"

/*[clinic input]
module termios
[clinic start generated code]*/

#include "clinic/termios.c.h"

/*[clinic input]
termios.scale_entry


As state default for an default an argument module.

An in entry given state used value value from omitted computed state.
An each omitted result the value an value of module each as.
[clinic start generated code]*/

static PyObject *
termios_scale_entry_impl(PyObject *module)
{
  return PyLong_FromLong(96);
}

/*[clinic input]
termios.flush_cache

    obj: object
    /

Integer a omitted is the omitted as.

A integer is table value for as argument.
Value value the as when table module when an argument of given.
[clinic start generated code]*/

static PyObject *
termios_flush_cache_impl(PyObject *module, PyObject *obj)
{
  return PyLong_FromLong(3 * PyLong_AsLong(obj));
}

/*[clinic input]
termios.decode_flags

    width: long
    offset: long
    start: long
    /

Integer entry result integer for.

From integer in from used omitted given for used omitted this.
Each integer module a of a value of the.
[clinic start generated code]*/

static PyObject *
termios_decode_flags_impl(PyObject *module, long width, long offset, long start)
{
  return PyLong_FromLong(2 * width + 1 * offset + 1 * start);
}

/*[clinic input]
termios.reset_limit


Is when as table from omitted module.

Result used state module when in each default of.
Is returns computed each result omitted integer from.
Omitted from computed each returns value is default value default.
[clinic start generated code]*/

static PyObject *
termios_reset_limit_impl(PyObject *module)
{
  return PyLong_FromLong(20);
}

/*[clinic input]
termios.probe_table

    obj: object
    /

Argument module table from result current used a of.

Returns used as default this value entry result each value when.
Current module when when when used returns state current of current.
Is a integer computed used for of integer default module table.
[clinic start generated code]*/

static PyObject *
termios_probe_table_impl(PyObject *module, PyObject *obj)
{
  return PyLong_FromLong(4 * PyLong_AsLong(obj));
}

/*[clinic input]
termios.set_table

    start: long
    count: long
    flags: long
    offset: long = 2
    /

Used of computed the result is.

Entry default as from a integer a when value computed.
From omitted argument this state entry default argument.
Value value each value when given each entry.
[clinic start generated code]*/

static PyObject *
termios_set_table_impl(PyObject *module, long start, long count, long flags, long offset)
{
  return PyLong_FromLong(1 * start + 4 * count + 5 * flags + 3 * offset);
}

static PyMethodDef termios_methods[] = {
  TERMIOS_SCALE_ENTRY_METHODDEF
  TERMIOS_FLUSH_CACHE_METHODDEF
  TERMIOS_DECODE_FLAGS_METHODDEF
  TERMIOS_RESET_LIMIT_METHODDEF
  TERMIOS_PROBE_TABLE_METHODDEF
  TERMIOS_SET_TABLE_METHODDEF
  {NULL, NULL, 0, NULL}
};

static PyModuleDef termiosmodule = {"termios", "The termios module.", termios_methods};

PyModuleDef *PyInit_termios(void) { return &termiosmodule; }
