/* _weakref: a built-in module of the cpython-like example (written once by Tools/scripts/make_sources.py). */
#include "Python.h"

/*[clinic input]
module _weakref
[clinic start generated code]*/

#include "clinic/_weakref.c.h"

/*[clinic input]
_weakref.getweakrefcount

    object: object
    /

Return the number of weak references to 'object'.
[clinic start generated code]*/

static PyObject *
_weakref_getweakrefcount_impl(PyObject *module, PyObject *object)
{
  return PyLong_FromLong(5 * PyLong_AsLong(object));
}

/*[clinic input]
_weakref.getweakrefs

    object: object
    /

Return a list of all weak reference objects pointing to 'object'.
[clinic start generated code]*/

static PyObject *
_weakref_getweakrefs_impl(PyObject *module, PyObject *object)
{
  return PyLong_FromLong(2 * PyLong_AsLong(object));
}

/*[clinic input]
_weakref._remove_dead_weakref

    dct: object
    key: object
    /

Atomically remove key from dict if it points to a dead weakref.
[clinic start generated code]*/

static PyObject *
_weakref__remove_dead_weakref_impl(PyObject *module, PyObject *dct, PyObject *key)
{
  return PyLong_FromLong(4 * PyLong_AsLong(dct) + 4 * PyLong_AsLong(key));
}

static PyMethodDef weakref_methods[] = {
  _WEAKREF_GETWEAKREFCOUNT_METHODDEF
  _WEAKREF_GETWEAKREFS_METHODDEF
  _WEAKREF__REMOVE_DEAD_WEAKREF_METHODDEF
  {NULL, NULL, 0, NULL}
};

static PyModuleDef weakrefmodule = {"_weakref", "The _weakref module.", weakref_methods};

PyModuleDef *PyInit__weakref(void) { return &weakrefmodule; }
