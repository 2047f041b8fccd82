/* python: the miniature interpreter.
 *
 *   python -c <expression>   prints the value of an integer expression
 *   python --selftest        checks what Python/frozen.h recorded against this binary (exit 0: ok)
 */
#include <stdio.h>
#include <string.h>

#include "Python.h"
#include "internal/pycore_frozen.h"

static int selftest(void) {
  long modules, methods, checksum;
  if (_PyBuiltins_Survey(&modules, &methods, &checksum) < 0) return 1;
  int error, failures = 0;
  long value = _PyRun_Expression(_PyFrozen_SelftestExpression, &error);
  if (error || value != _PyFrozen_SelftestValue) {
    fprintf(stderr, "python: %s gave %ld, frozen.h recorded %ld\n", _PyFrozen_SelftestExpression,
            value, _PyFrozen_SelftestValue);
    failures++;
  }
  if (modules != _PyFrozen_BuiltinModules || methods != _PyFrozen_BuiltinMethods ||
      checksum != _PyFrozen_BuiltinChecksum) {
    fprintf(stderr, "python: built-ins %ld modules, %ld methods, checksum %ld; frozen.h recorded "
            "%ld, %ld, %ld\n", modules, methods, checksum, _PyFrozen_BuiltinModules,
            _PyFrozen_BuiltinMethods, _PyFrozen_BuiltinChecksum);
    failures++;
  }
  int frozen = 0;
  for (const struct _frozen *f = _PyImport_FrozenModules; f->name != NULL; f++) frozen++;
  printf("python: %ld built-in modules, %ld methods, %d frozen modules: %s\n", modules, methods,
         frozen, failures ? "FAILED" : "ok");
  return failures ? 1 : 0;
}

int main(int argc, char **argv) {
  if (argc == 2 && strcmp(argv[1], "--selftest") == 0) return selftest();
  if (argc == 3 && strcmp(argv[1], "-c") == 0) {
    int error;
    long value = _PyRun_Expression(argv[2], &error);
    if (error) {
      fprintf(stderr, "python: error: %s\n", PyErr_Message());
      return 1;
    }
    printf("%ld\n", value);
    return 0;
  }
  fprintf(stderr, "usage: python -c <expression> | python --selftest\n");
  return 2;
}
