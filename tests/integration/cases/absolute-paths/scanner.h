/* The absolute-paths case: the function scanner.re defines. */
#ifndef SCANNER_H
#define SCANNER_H
const char *scan_kind(const char *text);
#endif
