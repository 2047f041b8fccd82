/* Python.h: the miniature C API that the example's sources compile against (hand written). */
#ifndef Py_PYTHON_H
#define Py_PYTHON_H

#include <stddef.h>

typedef ptrdiff_t Py_ssize_t;

/* Every object of the miniature is an integer. */
typedef struct _object {
  long ob_refcnt;
  long ob_ival;
} PyObject;

typedef PyObject *(*PyCFunction)(PyObject *, PyObject *);
typedef PyObject *(*_PyCFunctionFast)(PyObject *, PyObject *const *, Py_ssize_t);

#define METH_NOARGS 0x0004
#define METH_O 0x0008
#define METH_FASTCALL 0x0080

typedef struct PyMethodDef {
  const char *ml_name;
  PyCFunction ml_meth;
  int ml_flags;
  const char *ml_doc;
} PyMethodDef;

typedef struct PyModuleDef {
  const char *m_name;
  const char *m_doc;
  PyMethodDef *m_methods;
} PyModuleDef;

/* Modules/config.c: the built-in modules. */
struct _inittab {
  const char *name;
  PyModuleDef *(*initfunc)(void);
};
extern const struct _inittab _PyImport_Inittab[];

#define PyDoc_STRVAR(name, str) static const char name[] = str
#define _PyCFunction_CAST(func) ((PyCFunction)(void (*)(void))(func))
#define Py_UNUSED(name) _unused_##name __attribute__((unused))

/* Python/object.c */
PyObject *PyLong_FromLong(long value);
long PyLong_AsLong(PyObject *obj);
int PyErr_Occurred(void);
void PyErr_SetString(const char *message);
const char *PyErr_Message(void);
void PyErr_Clear(void);
int _PyArg_CheckPositional(const char *name, Py_ssize_t nargs, Py_ssize_t min, Py_ssize_t max);
PyObject *PyObject_CallMethod(const PyMethodDef *method, PyObject *module, PyObject *const *args,
                              Py_ssize_t nargs);

/* Python/compile.c and Python/ceval.c: evaluate an arithmetic expression of small integers. */
long _PyRun_Expression(const char *source, int *error);

#endif /* !Py_PYTHON_H */
