# AtomicGen: distributed under the terms of the LICENSE file at the top of the AtomicGen repository.
# Commands for the cases' check.cmake scripts, included by RunCase.cmake.  Every check either
# prints "ok: <what was checked>" or stops the test with "FAILED: <what> ..." (FATAL_ERROR).
#
# Variables set by RunCase.cmake for the case:
#   AGTEST_CASE, AGTEST_GENERATOR, AGTEST_NINJA (true for Ninja and Ninja Multi-Config),
#   AGTEST_MULTI_CONFIG (true for Ninja Multi-Config; agtest_build then builds, and
#   agtest_executable finds, the configuration AGTEST_CONFIG), AGTEST_WORK (scratch directory
#   of this test), AGTEST_SRC (the case project, copied there), AGTEST_BIN (its default build
#   directory), AGTEST_TOOLS, PYTHON, ATOMICGEN_SOURCE_DIR, ATOMICGEN_EXECUTABLE,
#   ATOMICGEN_BINARY_DIR, AGTEST_TICK (seconds to sleep so the next write gets a newer mtime).

set_property(GLOBAL PROPERTY _AGTEST_CHECKS 0)

# internal: set text to the arguments of the calling function concatenated (semicolons kept).
# (A macro sees the caller's ARGC and ARGVn only through an indirect reference: a literal ${ARGC}
# would be replaced by the macro's own.)
macro(_agtest_join)
  set(text "")
  set(_agtest_argc_name ARGC)
  set(_agtest_n ${${_agtest_argc_name}})
  foreach(_agtest_i RANGE ${_agtest_n})
    if(_agtest_i LESS _agtest_n)
      string(APPEND text "${ARGV${_agtest_i}}")
    endif()
  endforeach()
endmacro()

# Print one line of the test's narrative.
function(agtest_log)
  _agtest_join()
  message("[${AGTEST_CASE}.${AGTEST_GENERATOR_SHORT}] ${text}")
endfunction()

# Record a passed check.
function(agtest_ok)
  _agtest_join()
  get_property(count GLOBAL PROPERTY _AGTEST_CHECKS)
  math(EXPR count "${count} + 1")
  set_property(GLOBAL PROPERTY _AGTEST_CHECKS ${count})
  message("[${AGTEST_CASE}.${AGTEST_GENERATOR_SHORT}]   ok: ${text}")
endfunction()

# Stop the test.
function(agtest_fail)
  _agtest_join()
  message(FATAL_ERROR "[${AGTEST_CASE}.${AGTEST_GENERATOR_SHORT}] FAILED: ${text}")
endfunction()

# Print a command's output indented, so it reads apart from the narrative.
function(_agtest_show output)
  string(REGEX REPLACE "\n$" "" output "${output}")
  if(output STREQUAL "")
    return()
  endif()
  string(REPLACE "\n" "\n    | " output "${output}")
  message("    | ${output}")
endfunction()

# agtest_run(<var> COMMAND <arg>... [WORKING_DIRECTORY <dir>] [EXPECT_FAIL | ANY_RESULT] [QUIET])
# Run a command, output and error merged into <var>, exit status into <var>_RESULT.  Without
# EXPECT_FAIL/ANY_RESULT a non-zero status fails the test; with EXPECT_FAIL a zero status does.
function(agtest_run var)
  cmake_parse_arguments(PARSE_ARGV 1 arg "EXPECT_FAIL;ANY_RESULT;QUIET" "WORKING_DIRECTORY"
    "COMMAND")
  if(NOT DEFINED arg_WORKING_DIRECTORY)
    set(arg_WORKING_DIRECTORY "${AGTEST_WORK}")
  endif()
  list(JOIN arg_COMMAND " " shown)
  agtest_log("$ ${shown}")
  execute_process(COMMAND ${arg_COMMAND}
    WORKING_DIRECTORY "${arg_WORKING_DIRECTORY}"
    OUTPUT_VARIABLE output ERROR_VARIABLE output
    RESULT_VARIABLE result)
  if(NOT arg_QUIET OR (NOT result EQUAL 0 AND NOT arg_EXPECT_FAIL AND NOT arg_ANY_RESULT))
    _agtest_show("${output}")
  endif()
  if(arg_EXPECT_FAIL AND result EQUAL 0)
    agtest_fail("expected `${shown}` to fail, it succeeded")
  elseif(NOT arg_EXPECT_FAIL AND NOT arg_ANY_RESULT AND NOT result EQUAL 0)
    agtest_fail("`${shown}` failed (${result})")
  endif()
  set(${var} "${output}" PARENT_SCOPE)
  set(${var}_RESULT "${result}" PARENT_SCOPE)
endfunction()

# agtest_configure([SOURCE <dir>] [BINARY <dir>] [NO_HELPER] [EXPECT_FAIL] [ARGS <arg>...])
# Configure a project (default: the case's copy into AGTEST_BIN) with the test's generator.  The
# project gets ATOMICGEN_SOURCE_DIR, PYTHON, AGTEST_TOOLS and, unless NO_HELPER,
# ATOMICGEN_EXECUTABLE (the helper built by AtomicGen's own build).  Output in AGTEST_CONFIGURE.
function(agtest_configure)
  cmake_parse_arguments(PARSE_ARGV 0 arg "NO_HELPER;EXPECT_FAIL" "SOURCE;BINARY" "ARGS")
  if(NOT DEFINED arg_SOURCE)
    set(arg_SOURCE "${AGTEST_SRC}")
  endif()
  if(NOT DEFINED arg_BINARY)
    set(arg_BINARY "${AGTEST_BIN}")
  endif()
  set(args -S "${arg_SOURCE}" -B "${arg_BINARY}" -G "${AGTEST_GENERATOR}"
    -DCMAKE_BUILD_TYPE=Debug
    "-DATOMICGEN_SOURCE_DIR=${ATOMICGEN_SOURCE_DIR}"
    "-DPYTHON=${PYTHON}"
    "-DAGTEST_TOOLS=${AGTEST_TOOLS}")
  if(NOT arg_NO_HELPER)
    list(APPEND args "-DATOMICGEN_EXECUTABLE=${ATOMICGEN_EXECUTABLE}")
  endif()
  set(mode "")
  if(arg_EXPECT_FAIL)
    set(mode EXPECT_FAIL)
  endif()
  agtest_run(output COMMAND "${CMAKE_COMMAND}" ${args} ${arg_ARGS} ${mode} QUIET)
  set(AGTEST_CONFIGURE "${output}" PARENT_SCOPE)
endfunction()

# agtest_build(<var> [BINARY <dir>] [TARGET <target>...] [JOBS <n>] [EXPECT_FAIL | ANY_RESULT]
#              [NATIVE <arg>...])
# `cmake --build` (with `--config ${AGTEST_CONFIG}` under a multi-config generator); NATIVE
# arguments go to the build tool (after `--`).  Output in <var>, status in <var>_RESULT.
function(agtest_build var)
  cmake_parse_arguments(PARSE_ARGV 1 arg "EXPECT_FAIL;ANY_RESULT" "BINARY;JOBS" "TARGET;NATIVE")
  if(NOT DEFINED arg_BINARY)
    set(arg_BINARY "${AGTEST_BIN}")
  endif()
  set(args --build "${arg_BINARY}")
  if(AGTEST_MULTI_CONFIG)
    list(APPEND args --config "${AGTEST_CONFIG}")
  endif()
  if(DEFINED arg_TARGET)
    list(APPEND args --target ${arg_TARGET})
  endif()
  if(DEFINED arg_JOBS)
    list(APPEND args -j ${arg_JOBS})
  endif()
  if(DEFINED arg_NATIVE)
    list(APPEND args -- ${arg_NATIVE})
  endif()
  set(mode "")
  if(arg_EXPECT_FAIL)
    set(mode EXPECT_FAIL)
  elseif(arg_ANY_RESULT)
    set(mode ANY_RESULT)
  endif()
  agtest_run(output COMMAND "${CMAKE_COMMAND}" ${args} ${mode})
  set(${var} "${output}" PARENT_SCOPE)
  set(${var}_RESULT "${output_RESULT}" PARENT_SCOPE)
endfunction()

# agtest_executable(<var> <target> [DIRECTORY <subdir>]): the path of an executable built in
# AGTEST_BIN/<subdir> (default: AGTEST_BIN itself) at its default location: that directory, or its
# AGTEST_CONFIG subdirectory under a multi-config generator.
function(agtest_executable var target)
  cmake_parse_arguments(PARSE_ARGV 2 arg "" "DIRECTORY" "")
  set(dir "${AGTEST_BIN}")
  if(DEFINED arg_DIRECTORY)
    string(APPEND dir "/${arg_DIRECTORY}")
  endif()
  if(AGTEST_MULTI_CONFIG)
    string(APPEND dir "/${AGTEST_CONFIG}")
  endif()
  set(${var} "${dir}/${target}" PARENT_SCOPE)
endfunction()

# agtest_make_program(<var> [BINARY <dir>]): the build tool (ninja or make) a build dir uses.
function(agtest_make_program var)
  cmake_parse_arguments(PARSE_ARGV 1 arg "" "BINARY" "")
  if(NOT DEFINED arg_BINARY)
    set(arg_BINARY "${AGTEST_BIN}")
  endif()
  file(STRINGS "${arg_BINARY}/CMakeCache.txt" line REGEX "^CMAKE_MAKE_PROGRAM:")
  string(REGEX REPLACE "^[^=]*=" "" program "${line}")
  set(${var} "${program}" PARENT_SCOPE)
endfunction()

# agtest_native(<var> [BINARY <dir>] [EXPECT_FAIL | ANY_RESULT] ARGS <arg>...)
# Run the build tool itself (`ninja -t clean`, `make clean`, ...) in the build directory.
function(agtest_native var)
  cmake_parse_arguments(PARSE_ARGV 1 arg "EXPECT_FAIL;ANY_RESULT" "BINARY" "ARGS")
  if(NOT DEFINED arg_BINARY)
    set(arg_BINARY "${AGTEST_BIN}")
  endif()
  agtest_make_program(program BINARY "${arg_BINARY}")
  set(mode "")
  if(arg_EXPECT_FAIL)
    set(mode EXPECT_FAIL)
  elseif(arg_ANY_RESULT)
    set(mode ANY_RESULT)
  endif()
  agtest_run(output COMMAND "${program}" ${arg_ARGS} WORKING_DIRECTORY "${arg_BINARY}" ${mode})
  set(${var} "${output}" PARENT_SCOPE)
  set(${var}_RESULT "${output_RESULT}" PARENT_SCOPE)
endfunction()

# agtest_mtimes(<var> <file>...): list of the files' mtimes in nanoseconds ("missing" if absent).
function(agtest_mtimes var)
  execute_process(
    COMMAND "${PYTHON}" -c
      "import os,sys\nfor p in sys.argv[1:]:\n  print(os.stat(p).st_mtime_ns if os.path.exists(p) else 'missing')"
      ${ARGN}
    OUTPUT_VARIABLE out RESULT_VARIABLE result)
  if(NOT result EQUAL 0)
    agtest_fail("cannot stat ${ARGN}")
  endif()
  string(STRIP "${out}" out)
  string(REPLACE "\n" ";" out "${out}")
  set(${var} "${out}" PARENT_SCOPE)
endfunction()

# agtest_changed(<var> <before-list-var> <after-list-var> <file>...): the files whose mtime differs.
function(agtest_changed var _agtest_before_var _agtest_after_var)
  set(changed "")
  set(i 0)
  foreach(file IN LISTS ARGN)
    list(GET ${_agtest_before_var} ${i} b)
    list(GET ${_agtest_after_var} ${i} a)
    if(NOT a STREQUAL b)
      cmake_path(GET file FILENAME name)
      list(APPEND changed "${name}")
    endif()
    math(EXPR i "${i} + 1")
  endforeach()
  set(${var} "${changed}" PARENT_SCOPE)
endfunction()

# agtest_objects(<var> [BINARY <dir>] <target>): the object files of a target, sorted.
function(agtest_objects var target)
  cmake_parse_arguments(PARSE_ARGV 2 arg "" "BINARY" "")
  if(NOT DEFINED arg_BINARY)
    set(arg_BINARY "${AGTEST_BIN}")
  endif()
  file(GLOB_RECURSE objects "${arg_BINARY}/*/${target}.dir/*.o")
  list(SORT objects)
  set(${var} "${objects}" PARENT_SCOPE)
endfunction()

# agtest_count_compiles(<var> <build-output>): how many "Building C/CXX object" lines it has.
function(agtest_count_compiles var output)
  string(REGEX MATCHALL "Building (C|CXX) object" lines "${output}")
  list(LENGTH lines count)
  set(${var} ${count} PARENT_SCOPE)
endfunction()

# agtest_count_lines(<var> <file> [<regex>]): lines of a file (matching <regex>); 0 if absent.
function(agtest_count_lines var file)
  set(count 0)
  if(EXISTS "${file}")
    if(ARGC GREATER 2)
      file(STRINGS "${file}" lines REGEX "${ARGV2}")
    else()
      file(STRINGS "${file}" lines)
    endif()
    list(LENGTH lines count)
  endif()
  set(${var} ${count} PARENT_SCOPE)
endfunction()

# Sleep so that the next file written gets an mtime newer than everything written so far.
function(agtest_tick)
  execute_process(COMMAND "${CMAKE_COMMAND}" -E sleep "${AGTEST_TICK}")
endfunction()

# agtest_write(<file> <content>): write an input file (after a tick, so its mtime is newer).
function(agtest_write file content)
  agtest_tick()
  file(WRITE "${file}" "${content}")
endfunction()

# agtest_touch(<file>): give a file a newer mtime, content unchanged.
function(agtest_touch file)
  agtest_tick()
  file(TOUCH "${file}")
endfunction()

function(agtest_assert_exists file what)
  if(NOT EXISTS "${file}")
    agtest_fail("${what}: ${file} does not exist")
  endif()
  agtest_ok("${what}")
endfunction()

function(agtest_assert_missing file what)
  if(EXISTS "${file}")
    agtest_fail("${what}: ${file} still exists")
  endif()
  agtest_ok("${what}")
endfunction()

# agtest_assert_same_file(<a> <b> <what>): byte-identical files.
function(agtest_assert_same_file a b what)
  if(NOT EXISTS "${a}" OR NOT EXISTS "${b}")
    agtest_fail("${what}: ${a} or ${b} does not exist")
  endif()
  execute_process(COMMAND "${CMAKE_COMMAND}" -E compare_files "${a}" "${b}" RESULT_VARIABLE differ)
  if(NOT differ EQUAL 0)
    file(READ "${a}" ca)
    file(READ "${b}" cb)
    agtest_fail("${what}: ${a} and ${b} differ\n--- ${a}\n${ca}\n--- ${b}\n${cb}")
  endif()
  agtest_ok("${what}")
endfunction()

# agtest_assert_match(<text> <regex> <what>) / agtest_assert_no_match(...)
function(agtest_assert_match text regex what)
  if(NOT text MATCHES "${regex}")
    agtest_fail("${what}: no match for /${regex}/ in:\n${text}")
  endif()
  agtest_ok("${what}")
endfunction()

function(agtest_assert_no_match text regex what)
  if(text MATCHES "${regex}")
    agtest_fail("${what}: unexpected match \"${CMAKE_MATCH_0}\" for /${regex}/")
  endif()
  agtest_ok("${what}")
endfunction()

# agtest_assert_equal(<actual> <expected> <what>)
function(agtest_assert_equal actual expected what)
  if(NOT "${actual}" STREQUAL "${expected}")
    agtest_fail("${what}: got \"${actual}\", expected \"${expected}\"")
  endif()
  agtest_ok("${what} (${actual})")
endfunction()

# agtest_assert_no_temporaries(<what> <dir>...): no helper leftovers (.atomicgen- temporary files,
# staging directories, backups or locks) anywhere under the directories.
function(agtest_assert_no_temporaries what)
  set(found "")
  foreach(dir IN LISTS ARGN)
    # With LIST_DIRECTORIES, GLOB_RECURSE lists every directory it enters: filter by name.
    file(GLOB_RECURSE entries LIST_DIRECTORIES true "${dir}/*")
    foreach(entry IN LISTS entries)
      cmake_path(GET entry FILENAME name)
      if(name MATCHES "\\.atomicgen-")
        list(APPEND found "${entry}")
      endif()
    endforeach()
  endforeach()
  if(NOT found STREQUAL "")
    list(JOIN found "\n  " found)
    agtest_fail("${what}: helper leftovers:\n  ${found}")
  endif()
  agtest_ok("${what}")
endfunction()

# agtest_copy_dir(<from> <to>): copy a directory's contents (fresh destination).
function(agtest_copy_dir from to)
  file(REMOVE_RECURSE "${to}")
  file(MAKE_DIRECTORY "${to}")
  file(COPY "${from}/" DESTINATION "${to}")
endfunction()
