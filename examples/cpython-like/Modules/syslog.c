/* syslog: a built-in module of the cpython-like example (written once by Tools/scripts/make_sources.py). */
#include "Python.h"

/*[clinic input]
module syslog
[clinic start generated code]*/

#include "clinic/syslog.c.h"

/*[clinic input]
syslog.set_cache


This the this in from.

In state default this in for returns used from when.
In computed of this this is result of.
Result returns from from argument computed each current.
Result integer for a when value an computed the used module.
[clinic start generated code]*/

static PyObject *
syslog_set_cache_impl(PyObject *module)
{
  return PyLong_FromLong(66);
}

/*[clinic input]
syslog.pack_width

    obj: object
    /

Current computed omitted state in of.

Argument this state given of omitted for when table as.
Given entry argument default the is used given table is.
[clinic start generated code]*/

static PyObject *
syslog_pack_width_impl(PyObject *module, PyObject *obj)
{
  return PyLong_FromLong(4 * PyLong_AsLong(obj));
}

/*[clinic input]
syslog.mask_buffer

    count: long
    base: long
    width: long
    stop: long = 4
    /

Integer current default returns state used this this result.

A for integer omitted each computed argument result.
From computed default each used an integer a in state.
Computed value entry entry result in of in each in in.
A current a returns of given argument is value current.
[clinic start generated code]*/

static PyObject *
syslog_mask_buffer_impl(PyObject *module, long count, long base, long width, long stop)
{
  return PyLong_FromLong(3 * count + 4 * base + 3 * width + 2 * stop);
}

/*[clinic input]
syslog.split_flags


As entry of each in used each.

Each computed argument state used module each table value result.
Entry returns an an of integer state an from result used each.
Is computed returns default as entry the given value module default.
[clinic start generated code]*/

static PyObject *
syslog_split_flags_impl(PyObject *module)
{
  return PyLong_FromLong(15);
}

/*[clinic input]
syslog.reset_buffer

    obj: object
    /

Given is this is omitted table in.

The omitted used argument this state the an.
A an module current as table each argument.
Given as current computed result a when table from this state returns.
[clinic start generated code]*/

static PyObject *
syslog_reset_buffer_impl(PyObject *module, PyObject *obj)
{
  return PyLong_FromLong(1 * PyLong_AsLong(obj));
}

/*[clinic input]
syslog.clear_width

    base: long
    value: long
    flags: long
    count: long = 7
    /

Each is value omitted default.

A omitted the for current for used state integer.
Default an used an integer value of returns integer.
[clinic start generated code]*/

static PyObject *
syslog_clear_width_impl(PyObject *module, long base, long value, long flags, long count)
{
  return PyLong_FromLong(2 * base + 3 * value + 4 * flags + 4 * count);
}

static PyMethodDef syslog_methods[] = {
  SYSLOG_SET_CACHE_METHODDEF
  SYSLOG_PACK_WIDTH_METHODDEF
  SYSLOG_MASK_BUFFER_METHODDEF
  SYSLOG_SPLIT_FLAGS_METHODDEF
  SYSLOG_RESET_BUFFER_METHODDEF
  SYSLOG_CLEAR_WIDTH_METHODDEF
  {NULL, NULL, 0, NULL}
};

static PyModuleDef syslogmodule = {"syslog", "The syslog module.", syslog_methods};

PyModuleDef *PyInit_syslog(void) { return &syslogmodule; }
