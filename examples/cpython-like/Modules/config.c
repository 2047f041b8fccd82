/* config.c: the table of built-in modules (written by Tools/scripts/make_sources.py). */
#include "Python.h"

extern PyModuleDef *PyInit__abc(void);
extern PyModuleDef *PyInit__bisect(void);
extern PyModuleDef *PyInit__codecs(void);
extern PyModuleDef *PyInit__collections(void);
extern PyModuleDef *PyInit__contextvars(void);
extern PyModuleDef *PyInit__csv(void);
extern PyModuleDef *PyInit__datetime(void);
extern PyModuleDef *PyInit__functools(void);
extern PyModuleDef *PyInit__heapq(void);
extern PyModuleDef *PyInit__io(void);
extern PyModuleDef *PyInit__json(void);
extern PyModuleDef *PyInit__locale(void);
extern PyModuleDef *PyInit__lsprof(void);
extern PyModuleDef *PyInit__opcode(void);
extern PyModuleDef *PyInit__operator(void);
extern PyModuleDef *PyInit__pickle(void);
extern PyModuleDef *PyInit__queue(void);
extern PyModuleDef *PyInit__random(void);
extern PyModuleDef *PyInit__sre(void);
extern PyModuleDef *PyInit__stat(void);
extern PyModuleDef *PyInit__statistics(void);
extern PyModuleDef *PyInit__struct(void);
extern PyModuleDef *PyInit__symtable(void);
extern PyModuleDef *PyInit__thread(void);
extern PyModuleDef *PyInit__tracemalloc(void);
extern PyModuleDef *PyInit__warnings(void);
extern PyModuleDef *PyInit__weakref(void);
extern PyModuleDef *PyInit_array(void);
extern PyModuleDef *PyInit_atexit(void);
extern PyModuleDef *PyInit_binascii(void);
extern PyModuleDef *PyInit_cmath(void);
extern PyModuleDef *PyInit_errno(void);
extern PyModuleDef *PyInit_faulthandler(void);
extern PyModuleDef *PyInit_fcntl(void);
extern PyModuleDef *PyInit_gc(void);
extern PyModuleDef *PyInit_grp(void);
extern PyModuleDef *PyInit_itertools(void);
extern PyModuleDef *PyInit_math(void);
extern PyModuleDef *PyInit_mmap(void);
extern PyModuleDef *PyInit_posix(void);
extern PyModuleDef *PyInit_pwd(void);
extern PyModuleDef *PyInit_resource(void);
extern PyModuleDef *PyInit_select(void);
extern PyModuleDef *PyInit_signal(void);
extern PyModuleDef *PyInit_syslog(void);
extern PyModuleDef *PyInit_termios(void);
extern PyModuleDef *PyInit_time(void);
extern PyModuleDef *PyInit_unicodedata(void);
extern PyModuleDef *PyInit_zlib(void);

const struct _inittab _PyImport_Inittab[] = {
    {"_abc", PyInit__abc},
    {"_bisect", PyInit__bisect},
    {"_codecs", PyInit__codecs},
    {"_collections", PyInit__collections},
    {"_contextvars", PyInit__contextvars},
    {"_csv", PyInit__csv},
    {"_datetime", PyInit__datetime},
    {"_functools", PyInit__functools},
    {"_heapq", PyInit__heapq},
    {"_io", PyInit__io},
    {"_json", PyInit__json},
    {"_locale", PyInit__locale},
    {"_lsprof", PyInit__lsprof},
    {"_opcode", PyInit__opcode},
    {"_operator", PyInit__operator},
    {"_pickle", PyInit__pickle},
    {"_queue", PyInit__queue},
    {"_random", PyInit__random},
    {"_sre", PyInit__sre},
    {"_stat", PyInit__stat},
    {"_statistics", PyInit__statistics},
    {"_struct", PyInit__struct},
    {"_symtable", PyInit__symtable},
    {"_thread", PyInit__thread},
    {"_tracemalloc", PyInit__tracemalloc},
    {"_warnings", PyInit__warnings},
    {"_weakref", PyInit__weakref},
    {"array", PyInit_array},
    {"atexit", PyInit_atexit},
    {"binascii", PyInit_binascii},
    {"cmath", PyInit_cmath},
    {"errno", PyInit_errno},
    {"faulthandler", PyInit_faulthandler},
    {"fcntl", PyInit_fcntl},
    {"gc", PyInit_gc},
    {"grp", PyInit_grp},
    {"itertools", PyInit_itertools},
    {"math", PyInit_math},
    {"mmap", PyInit_mmap},
    {"posix", PyInit_posix},
    {"pwd", PyInit_pwd},
    {"resource", PyInit_resource},
    {"select", PyInit_select},
    {"signal", PyInit_signal},
    {"syslog", PyInit_syslog},
    {"termios", PyInit_termios},
    {"time", PyInit_time},
    {"unicodedata", PyInit_unicodedata},
    {"zlib", PyInit_zlib},
    {NULL, NULL},
};
