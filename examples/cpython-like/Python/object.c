/* object.c: integers, the error indicator, argument checks and calls of the miniature. */
#include <stdio.h>
#include <stdlib.h>

#include "Python.h"

static char error_message[256];
static int error_set;

PyObject *PyLong_FromLong(long value) {
  PyObject *obj = malloc(sizeof(PyObject));
  if (obj == NULL) {
    PyErr_SetString("out of memory");
    return NULL;
  }
  obj->ob_refcnt = 1;
  obj->ob_ival = value;
  return obj;
}

long PyLong_AsLong(PyObject *obj) {
  if (obj == NULL) {
    PyErr_SetString("an integer is required, got NULL");
    return -1;
  }
  return obj->ob_ival;
}

int PyErr_Occurred(void) { return error_set; }

void PyErr_SetString(const char *message) {
  snprintf(error_message, sizeof error_message, "%s", message);
  error_set = 1;
}

const char *PyErr_Message(void) { return error_set ? error_message : ""; }

void PyErr_Clear(void) {
  error_set = 0;
  error_message[0] = '\0';
}

int _PyArg_CheckPositional(const char *name, Py_ssize_t nargs, Py_ssize_t min, Py_ssize_t max) {
  char message[200];
  if (nargs < min || nargs > max) {
    snprintf(message, sizeof message, "%s() takes %ld to %ld arguments (%ld given)", name,
             (long)min, (long)max, (long)nargs);
    PyErr_SetString(message);
    return 0;
  }
  return 1;
}

PyObject *PyObject_CallMethod(const PyMethodDef *method, PyObject *module, PyObject *const *args,
                              Py_ssize_t nargs) {
  if (method->ml_flags & METH_NOARGS) {
    if (!_PyArg_CheckPositional(method->ml_name, nargs, 0, 0)) return NULL;
    return method->ml_meth(module, NULL);
  }
  if (method->ml_flags & METH_O) {
    if (!_PyArg_CheckPositional(method->ml_name, nargs, 1, 1)) return NULL;
    return method->ml_meth(module, args[0]);
  }
  return ((_PyCFunctionFast)(void (*)(void))method->ml_meth)(module, args, nargs);
}
