# Case new-keywords (see CMakeLists.txt): ALL runs a call without consumers in a plain build, with
# a target of its own and with a shared OWNER, and a call without ALL does not run; OUTPUT_VARIABLE
# holds the absolute normalized outputs in order and another directory builds from it; a
# BYPRODUCTS log is committed with the generator's bytes, keeps its mtime when identical, may go
# unwritten, is read by a consumer and is removed by cleaning.
set(runs "${AGTEST_BIN}/runs.log")
set(src "${AGTEST_SRC}")
set(log "${AGTEST_BIN}/gen/table.log")
set(copy "${AGTEST_BIN}/log_copy.txt")
agtest_executable(app app DIRECTORY app)
agtest_configure()

file(READ "${AGTEST_BIN}/table_outputs.txt" told)
agtest_assert_equal("${told}" "${AGTEST_BIN}/gen/table.c;${AGTEST_BIN}/gen/table.h"
  "OUTPUT_VARIABLE at configure time: the outputs absolute, normalized, in order")

# A plain build.
agtest_build(out)
foreach(tag IN ITEMS alone shared_first shared_second table)
  agtest_count_lines(count "${runs}" "^${tag} end$")
  agtest_assert_equal("${count}" 1 "plain build ran ${tag}")
endforeach()
foreach(tag IN ITEMS lazy lazy_owned)
  agtest_count_lines(count "${runs}" "^${tag} end$")
  agtest_assert_equal("${count}" 0 "plain build did not run ${tag} (no ALL, no consumer)")
  agtest_assert_missing("${AGTEST_BIN}/gen/${tag}.h" "plain build: gen/${tag}.h not generated")
endforeach()
agtest_run(out COMMAND "${app}")
agtest_assert_match("${out}" "table=7" "app/ built from the OUTPUT_VARIABLE's table.c")
file(READ "${log}" text)
agtest_assert_equal("${text}" "wrote table.c\nwrote table.h\ntotal 7\n"
  "the byproduct holds the generator's bytes")
agtest_assert_same_file("${copy}" "${log}" "read_log read the byproduct")
agtest_assert_no_temporaries("no helper leftovers" "${AGTEST_BIN}/gen")

# Asked for, a call without ALL runs.
agtest_build(out TARGET lazy)
agtest_count_lines(count "${runs}" "^lazy end$")
agtest_assert_equal("${count}" 1 "`--target lazy` ran lazy")

# Identical output: a comment edit re-runs the generator; the byproduct keeps its mtime.
set(watched "${log}" "${AGTEST_BIN}/gen/table.c" "${AGTEST_BIN}/gen/table.h")
agtest_mtimes(before ${watched})
agtest_write("${src}/table.txt" "# another comment\nA 2\nB 5\n")
agtest_tick()
agtest_build(out)
agtest_count_lines(count "${runs}" "^table end$")
agtest_assert_equal("${count}" 2 "a comment edit re-ran table")
agtest_mtimes(after ${watched})
agtest_changed(changed before after ${watched})
agtest_assert_equal("${changed}" "" "identical run: byproduct and outputs keep their mtimes")

# A run that does not write the byproduct succeeds; the old byproduct is left as it was.
agtest_mtimes(before "${log}")
agtest_write("${src}/table.txt" "NOLOG\nA 2\nB 6\n")
agtest_build(out)
agtest_count_lines(count "${runs}" "^table end$")
agtest_assert_equal("${count}" 3 "a run without the byproduct ran table")
agtest_run(out COMMAND "${app}")
agtest_assert_match("${out}" "table=8" "a run without the byproduct: app has the new table")
file(READ "${log}" text)
agtest_assert_equal("${text}" "wrote table.c\nwrote table.h\ntotal 7\n"
  "a run without the byproduct: the old one left as it was")
agtest_mtimes(after "${log}")
agtest_assert_equal("${after}" "${before}" "a run without the byproduct: its mtime kept")

# Missing and not written: the build of app succeeds without it.
file(REMOVE "${log}")
agtest_write("${src}/table.txt" "NOLOG\nA 2\nB 7\n")
agtest_build(out TARGET app)
agtest_run(out COMMAND "${app}")
agtest_assert_match("${out}" "table=9" "no byproduct at all: app built with the new table")
agtest_assert_missing("${log}" "no byproduct at all: none created")

# Written again, and read again.
agtest_write("${src}/table.txt" "A 2\nB 5\n")
agtest_build(out)
file(READ "${log}" text)
agtest_assert_equal("${text}" "wrote table.c\nwrote table.h\ntotal 7\n"
  "written again: the byproduct is back")
agtest_assert_same_file("${copy}" "${log}" "written again: read_log read it")

# The byproduct is in the build tree: cleaning removes it.
if(AGTEST_NINJA)
  agtest_native(out ARGS -t clean)
  set(clean "ninja -t clean")
else()
  agtest_native(out ARGS clean)
  set(clean "make clean")
endif()
agtest_assert_missing("${log}" "`${clean}` removed the byproduct")
agtest_build(out)
agtest_assert_exists("${log}" "the build after `${clean}` wrote the byproduct again")
