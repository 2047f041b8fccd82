# Case failing-generator: the generator succeeds once; then its input asks it to fail after writing
# first.h completely and second.h half (exit status 3).  The build fails with the helper's one-line
# error ("atomicgen: error: run(" ... "previous outputs kept"), both headers are byte-identical to
# the last good ones with their mtimes, and no .atomicgen- temporary remains.  The next build runs
# the generator again (a failed run is not recorded as done); once the input is fixed, the new
# headers are committed and app is rebuilt.
set(log "${AGTEST_BIN}/generator.log")
set(outputs "${AGTEST_BIN}/include/first.h" "${AGTEST_BIN}/include/second.h")
agtest_configure()
agtest_build(out)
agtest_run(out COMMAND "${AGTEST_BIN}/app")
agtest_assert_match("${out}" "value=1" "first build: app sees VALUE 1")
file(MAKE_DIRECTORY "${AGTEST_WORK}/good")
file(COPY ${outputs} DESTINATION "${AGTEST_WORK}/good")
agtest_mtimes(before ${outputs})

agtest_write("${AGTEST_SRC}/defs.txt" "VALUE 2\nFAIL\n")
foreach(round RANGE 1 2)
  agtest_build(out EXPECT_FAIL)
  agtest_count_lines(fails "${log}" "^pair fail")
  agtest_assert_equal("${fails}" ${round} "failing build #${round}: failed generator runs in total")
  agtest_assert_match("${out}" "atomicgen: error: run\\(" "failing build #${round}: helper error line")
  agtest_assert_match("${out}" "atomicgen: error: run\\([^\n]*previous outputs kept"
    "failing build #${round}: the error line says previous outputs kept")
  agtest_assert_same_file("${AGTEST_BIN}/include/first.h" "${AGTEST_WORK}/good/first.h"
    "failing build #${round}: first.h (written completely by the failed run) is the old one")
  agtest_assert_same_file("${AGTEST_BIN}/include/second.h" "${AGTEST_WORK}/good/second.h"
    "failing build #${round}: second.h (written half by the failed run) is the old one")
  agtest_mtimes(after ${outputs})
  agtest_assert_equal("${after}" "${before}" "failing build #${round}: mtimes of the headers")
  agtest_assert_no_temporaries("failing build #${round}: no .atomicgen- temporaries"
    "${AGTEST_BIN}")
endforeach()

agtest_write("${AGTEST_SRC}/defs.txt" "VALUE 3\n")
agtest_build(out)
agtest_count_compiles(compiled "${out}")
agtest_assert_equal("${compiled}" 1 "fixed input: app recompiled")
agtest_run(out COMMAND "${AGTEST_BIN}/app")
agtest_assert_match("${out}" "value=3" "fixed input: app sees VALUE 3")
agtest_assert_no_temporaries("fixed input: no .atomicgen- temporaries" "${AGTEST_BIN}")
