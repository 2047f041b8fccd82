# Case matrix: the promise to the readers of generated files, for each way of reading them (see
# CMakeLists.txt: eight readers), each generator (Ninja, Ninja Multi-Config with --config Debug,
# Unix Makefiles) and each place of the outputs (MODE build-tree, MODE source-tree; the
# source-tree outputs live in this test's copy of the case, never in the repository).
#  1. The first build: every reader prints value=1.
#  2. The input changed (VALUE 2), ONE build: every reader prints value=2 (no stale program).
#  3. A second build does nothing: no compile, no link, the generator does not run (Ninja: "no
#     work to do").
#  4. The input touched, content unchanged: the generator runs, writes identical outputs (their
#     mtimes kept) and nothing recompiles.
# A reader that prints a wrong value, or a step that does more than it should, is recorded and the
# test goes on, so one run names every failing cell; the test fails at the end with the list.
# Ninja builds run with `-d explain`, Make builds with VERBOSE=1: the log says why each step ran.
# Every build runs 4 jobs (Make's default is 1, which would hide a missing order).
set(readers r_direct r_linked r_iface r_static r_objects r_objlink r_subdir r_csrc)
set(log "${AGTEST_BIN}/generator.log")
if(MODE STREQUAL "source-tree")
  set(outputs "${AGTEST_SRC}/tree/matrix.h" "${AGTEST_SRC}/tree/matrix.c")
else()
  set(outputs "${AGTEST_BIN}/gen/matrix.h" "${AGTEST_BIN}/gen/matrix.c")
endif()
if(AGTEST_NINJA)
  set(explain -d explain)
else()
  set(explain VERBOSE=1)
endif()
set_property(GLOBAL PROPERTY _MATRIX_FAILURES "")

# internal: record a failed cell and go on.
function(matrix_failed text)
  message("[${AGTEST_CASE}.${AGTEST_GENERATOR_SHORT}]   FAILED: ${text}")
  set_property(GLOBAL APPEND PROPERTY _MATRIX_FAILURES "${text}")
endfunction()

# internal: every reader must print value=<value> and no other value.
function(matrix_expect_value step value)
  foreach(reader IN LISTS readers)
    if(reader STREQUAL "r_subdir")
      agtest_executable(exe "${reader}" DIRECTORY sub)
    else()
      agtest_executable(exe "${reader}")
    endif()
    agtest_run(out COMMAND "${exe}" ANY_RESULT QUIET)
    string(REGEX MATCHALL "value=[0-9]+" values "${out}")
    list(REMOVE_DUPLICATES values)
    string(STRIP "${out}" out)
    string(REPLACE "\n" ", " out "${out}")
    if(out_RESULT EQUAL 0 AND values STREQUAL "value=${value}")
      agtest_ok("${step}: ${reader} prints value=${value}")
    else()
      matrix_failed("${step}: ${reader} printed \"${out}\" (exit ${out_RESULT}), expected value=${value}")
    endif()
  endforeach()
endfunction()

# internal: the objects a build compiled and the binaries it linked (printed), their counts in
# <prefix>_compiles and <prefix>_links.
function(matrix_count prefix output)
  string(REGEX MATCHALL "Building C object [^\n]*" compiles "${output}")
  string(REGEX MATCHALL "Linking C [^\n]*" links "${output}")
  list(TRANSFORM compiles REPLACE "^Building C object " "")
  list(TRANSFORM links REPLACE "^Linking C [a-z ]+ " "")
  list(LENGTH compiles compile_count)
  list(LENGTH links link_count)
  list(JOIN compiles " " shown_compiles)
  list(JOIN links " " shown_links)
  agtest_log("counted ${compile_count} compiles: ${shown_compiles}")
  agtest_log("counted ${link_count} links: ${shown_links}")
  set(${prefix}_compiles ${compile_count} PARENT_SCOPE)
  set(${prefix}_links ${link_count} PARENT_SCOPE)
endfunction()

# internal: <what> must be <expected>, else a failed cell.
function(matrix_expect_equal actual expected what)
  if("${actual}" STREQUAL "${expected}")
    agtest_ok("${what} (${actual})")
  else()
    matrix_failed("${what}: got ${actual}, expected ${expected}")
  endif()
endfunction()

# 1.
agtest_configure(ARGS "-DAG_MODE=${MODE}")
agtest_build(out JOBS 4)
matrix_expect_value("first build" 1)

# 2.
agtest_write("${AGTEST_SRC}/value.txt" "VALUE 2\n")
agtest_build(out JOBS 4 NATIVE ${explain})
matrix_count(changed "${out}")
matrix_expect_value("changed input, one build" 2)

# 3.
agtest_count_lines(runs_before "${log}")
agtest_build(out JOBS 4 NATIVE ${explain})
matrix_count(again "${out}")
matrix_expect_equal("${again_compiles}" 0 "second build: compiles")
matrix_expect_equal("${again_links}" 0 "second build: links")
agtest_count_lines(runs "${log}")
matrix_expect_equal("${runs}" "${runs_before}" "second build: generator runs in total")
if(AGTEST_NINJA)
  if(out MATCHES "ninja: no work to do")
    agtest_ok("second build: ninja: no work to do")
  else()
    matrix_failed("second build: ninja did some work (no \"ninja: no work to do\")")
  endif()
endif()

# 4.
agtest_mtimes(before ${outputs})
agtest_touch("${AGTEST_SRC}/value.txt")
agtest_build(out JOBS 4 NATIVE ${explain})
matrix_count(touched "${out}")
agtest_count_lines(runs_after "${log}")
math(EXPR expected "${runs} + 1")
matrix_expect_equal("${runs_after}" "${expected}" "touched input: generator runs in total")
matrix_expect_equal("${touched_compiles}" 0 "touched input, identical outputs: compiles")
agtest_mtimes(after ${outputs})
agtest_changed(changed before after ${outputs})
matrix_expect_equal("${changed}" "" "touched input: outputs with a new mtime")
matrix_expect_value("touched input" 2)

get_property(failures GLOBAL PROPERTY _MATRIX_FAILURES)
if(NOT failures STREQUAL "")
  list(LENGTH failures count)
  list(JOIN failures "\n  " failures)
  agtest_fail("${count} cells failed:\n  ${failures}")
endif()
