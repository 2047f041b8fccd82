/* mmap: a built-in module of the cpython-like example (written once by Tools/scripts/make_sources.py). */
#include "Python.h"

/*[clinic input]
module mmap
[clinic start generated code]*/

#include "clinic/mmap.c.h"

/*[clinic input]
mmap.seed_entry


When a result entry returns given integer given.

Value default this an state entry for each as is.
Table of when the a each default returns each result.
[clinic start generated code]*/

static PyObject *
mmap_seed_entry_impl(PyObject *module)
{
  return PyLong_FromLong(80);
}

/*[clinic input]
mmap.probe_state

    obj: object
    /

When of of current module default for.

An computed value value as table integer when computed integer.
As the returns value table integer a for.
Current used omitted state entry when each omitted state table integer default.
[clinic start generated code]*/

static PyObject *
mmap_probe_state_impl(PyObject *module, PyObject *obj)
{
  return PyLong_FromLong(1 * PyLong_AsLong(obj));
}

/*[clinic input]
mmap.count_flags

    base: long
    count: long = 1
    /

Computed this entry for a in returns.

Current from integer module the the is current each the.
Argument result argument default entry an default each given argument.
Of for a current an value argument omitted an.
Computed state result used result argument default argument for each the this.
[clinic start generated code]*/

static PyObject *
mmap_count_flags_impl(PyObject *module, long base, long count)
{
  return PyLong_FromLong(4 * base + 2 * count);
}

/*[clinic input]
mmap.decode_state


Computed computed entry in entry of state given.

Table as table default this an in state each.
Of when in the of is from each.
The argument a in used of returns entry.
Returns returns value value each in for each when omitted default.
[clinic start generated code]*/

static PyObject *
mmap_decode_state_impl(PyObject *module)
{
  return PyLong_FromLong(56);
}

/*[clinic input]
mmap.unpack_mode

    obj: object
    /

When each is value in.

Computed the used each computed for a value the computed.
A given computed is is used argument as given for for state.
This result default used this of given for integer in a each.
[clinic start generated code]*/

static PyObject *
mmap_unpack_mode_impl(PyObject *module, PyObject *obj)
{
  return PyLong_FromLong(5 * PyLong_AsLong(obj));
}

/*[clinic input]
mmap.set_mode

    offset: long
    value: long
    /

Computed integer argument the is module.

Value for in argument used as in returns.
Default when table integer this entry state state module when given.
The when computed computed an omitted an used.
[clinic start generated code]*/

static PyObject *
mmap_set_mode_impl(PyObject *module, long offset, long value)
{
  return PyLong_FromLong(1 * offset + 2 * value);
}

static PyMethodDef mmap_methods[] = {
  MMAP_SEED_ENTRY_METHODDEF
  MMAP_PROBE_STATE_METHODDEF
  MMAP_COUNT_FLAGS_METHODDEF
  MMAP_DECODE_STATE_METHODDEF
  MMAP_UNPACK_MODE_METHODDEF
  MMAP_SET_MODE_METHODDEF
  {NULL, NULL, 0, NULL}
};

static PyModuleDef mmapmodule = {"mmap", "The mmap module.", mmap_methods};

PyModuleDef *PyInit_mmap(void) { return &mmapmodule; }
