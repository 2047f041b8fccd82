/* builtins_survey.c: calls every method of every built-in module (see pycore_frozen.h). */
#include <stdio.h>

#include "Python.h"
#include "internal/pycore_frozen.h"

int _PyBuiltins_Survey(long *modules, long *methods, long *checksum) {
  PyObject *args[4];
  for (int i = 0; i < 4; i++) args[i] = PyLong_FromLong(i + 1);
  *modules = *methods = *checksum = 0;
  for (const struct _inittab *entry = _PyImport_Inittab; entry->name != NULL; entry++) {
    PyModuleDef *def = entry->initfunc();
    ++*modules;
    for (PyMethodDef *method = def->m_methods; method->ml_name != NULL; method++) {
      PyObject *result = NULL;
      ++*methods;
      for (Py_ssize_t nargs = 4; nargs >= 0 && result == NULL; nargs--) {
        PyErr_Clear();
        result = PyObject_CallMethod(method, NULL, args, nargs);
      }
      if (result == NULL) {
        fprintf(stderr, "%s.%s: %s\n", entry->name, method->ml_name, PyErr_Message());
        return -1;
      }
      *checksum = (*checksum * 31 + PyLong_AsLong(result)) % 1000000007L;
    }
  }
  return 0;
}
