/* frozen.c: the frozen modules and recorded values of Python/frozen.h. */
#include "Python.h"
#include "internal/pycore_frozen.h"
#include "frozen.h"

const struct _frozen *_PyImport_FrozenModules = _PyImport_FrozenModules_;
const long _PyFrozen_BuiltinModules = _Py_FROZEN_BUILTIN_MODULES;
const long _PyFrozen_BuiltinMethods = _Py_FROZEN_BUILTIN_METHODS;
const long _PyFrozen_BuiltinChecksum = _Py_FROZEN_BUILTIN_CHECKSUM;
const char *const _PyFrozen_SelftestExpression = _Py_FROZEN_SELFTEST_EXPRESSION;
const long _PyFrozen_SelftestValue = _Py_FROZEN_SELFTEST_VALUE;
