/* The absolute-paths case: what kind of word a string starts with (re2c). */
#include "scanner.h"

const char *scan_kind(const char *YYCURSOR) {
  const char *YYMARKER;
  (void)YYMARKER;
  /*!re2c
    re2c:yyfill:enable = 0;
    re2c:define:YYCTYPE = char;

    [0-9]+ "\x00"                  { return "number"; }
    [a-zA-Z_][a-zA-Z_0-9]* "\x00"  { return "identifier"; }
    *                              { return "other"; }
  */
}
