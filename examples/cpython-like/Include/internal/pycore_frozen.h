/* pycore_frozen.h: frozen modules and the self-test values recorded by Programs/_freeze_module. */
#ifndef Py_INTERNAL_FROZEN_H
#define Py_INTERNAL_FROZEN_H

struct _frozen {
  const char *name;
  const unsigned char *code;
  int size;
};

/* Python/frozen.c, from Python/frozen.h */
extern const struct _frozen *_PyImport_FrozenModules;
extern const long _PyFrozen_BuiltinModules;
extern const long _PyFrozen_BuiltinMethods;
extern const long _PyFrozen_BuiltinChecksum;
extern const char *const _PyFrozen_SelftestExpression;
extern const long _PyFrozen_SelftestValue;

/* Programs/_freeze_module.c and Programs/python.c: call every method of every built-in module with
   the arguments 1, 2, 3, 4 (as many as it takes); returns 0 on success. */
int _PyBuiltins_Survey(long *modules, long *methods, long *checksum);

#endif /* !Py_INTERNAL_FROZEN_H */
