# AtomicGen: distributed under the terms of the LICENSE file at the top of the AtomicGen repository.
# Run clang-tidy over the helper's sources with the repository's .clang-tidy; fail on any finding.
#
#   cmake -DCLANG_TIDY=<clang-tidy> -DSOURCE_DIR=<repo> -DSOURCES=<a.cc;b.cc;...>
#         -DPARENT_BINARY_DIR=<build> -DPARENT_EXPORTS=<ON|OFF> -DBINARY_DIR=<dir>
#         -DCXX_COMPILER=<c++> -P RunClangTidy.cmake
#
# The compilation database is the parent build's when it exports one (the presets turn
# CMAKE_EXPORT_COMPILE_COMMANDS on); otherwise the repository is configured in BINARY_DIR with the
# export on and tests and install rules off (configuring is enough: nothing needs to be built).
# Prints one line per finding "<file>:<line>: <check>: <message>" and a count per check.

cmake_minimum_required(VERSION 3.25)

include("${CMAKE_CURRENT_LIST_DIR}/../DriverLib.cmake")
agdriver_require(RunClangTidy.cmake CLANG_TIDY SOURCE_DIR SOURCES BINARY_DIR)

# Checks of .clang-tidy that helper/src does not pass yet, excluded here so the test guards the
# others; each entry gets a "# TODO(helper): findings listed in <where>" comment naming the
# findings (file:line).  Empty: helper/src is clean for every check of .clang-tidy (its seven
# first findings were fixed in ddd611b).
set(disabled_checks "")

# --- The compilation database. ------------------------------------------------------------------
if(PARENT_EXPORTS AND EXISTS "${PARENT_BINARY_DIR}/compile_commands.json")
  set(database "${PARENT_BINARY_DIR}")
else()
  set(database "${BINARY_DIR}")
  set(args -S "${SOURCE_DIR}" -B "${BINARY_DIR}" -DCMAKE_EXPORT_COMPILE_COMMANDS=ON
    -DATOMICGEN_BUILD_TESTS=OFF -DATOMICGEN_INSTALL=OFF)
  if(DEFINED CXX_COMPILER AND NOT CXX_COMPILER STREQUAL "")
    list(APPEND args "-DCMAKE_CXX_COMPILER=${CXX_COMPILER}")
  endif()
  execute_process(COMMAND "${CMAKE_COMMAND}" ${args}
    RESULT_VARIABLE result OUTPUT_VARIABLE output ERROR_VARIABLE output)
  if(NOT result EQUAL 0 OR NOT EXISTS "${BINARY_DIR}/compile_commands.json")
    message("${output}")
    message(FATAL_ERROR "tidy: configuring ${SOURCE_DIR} for compile_commands.json failed")
  endif()
endif()
message(STATUS "tidy: ${CLANG_TIDY}, compilation database ${database}/compile_commands.json")

set(check_option "")
if(disabled_checks)
  list(TRANSFORM disabled_checks PREPEND "-" OUTPUT_VARIABLE negated)
  list(JOIN negated "," joined)
  set(check_option "--checks=${joined}")
  message(STATUS "tidy: excluded until helper/src is fixed: ${disabled_checks}")
endif()

# --- Run it on every source. ----------------------------------------------------------------------
set(findings "")
set(failed_files "")
list(LENGTH SOURCES file_count)
foreach(source IN LISTS SOURCES)
  execute_process(COMMAND "${CLANG_TIDY}" -p "${database}" --quiet ${check_option} "${source}"
    WORKING_DIRECTORY "${SOURCE_DIR}"
    RESULT_VARIABLE result OUTPUT_VARIABLE output ERROR_VARIABLE errors)
  string(REGEX MATCHALL "[^\n]*: (warning|error): [^\n]*" lines "${output}\n${errors}")
  foreach(line IN LISTS lines)
    if(line MATCHES "^(.*):([0-9]+):[0-9]+: (warning|error): (.*) \\[([a-z0-9.-]+)")
      cmake_path(RELATIVE_PATH CMAKE_MATCH_1 BASE_DIRECTORY "${SOURCE_DIR}" OUTPUT_VARIABLE file)
      set(finding "${file}:${CMAKE_MATCH_2}: ${CMAKE_MATCH_5}: ${CMAKE_MATCH_4}")
    else()
      set(finding "${line}")
    endif()
    if(NOT finding IN_LIST findings)
      list(APPEND findings "${finding}")
    endif()
  endforeach()
  if(NOT result EQUAL 0)
    list(APPEND failed_files "${source}")
    if(NOT lines)
      message("${output}\n${errors}")
    endif()
  endif()
endforeach()

list(LENGTH findings finding_count)
set(per_check "")
foreach(finding IN LISTS findings)
  message("${finding}")
  if(finding MATCHES "^[^:]*:[0-9]+: ([a-z0-9.-]+): ")
    list(APPEND per_check "${CMAKE_MATCH_1}")
  endif()
endforeach()
list(REMOVE_DUPLICATES per_check)
foreach(check IN LISTS per_check)
  string(REGEX MATCHALL ": ${check}: " hits "${findings}")
  list(LENGTH hits n)
  message(STATUS "tidy: ${check}: ${n}")
endforeach()
message(STATUS "tidy: ${file_count} files, ${finding_count} findings")
if(finding_count GREATER 0 OR failed_files)
  message(FATAL_ERROR "tidy: FAILED: ${finding_count} findings; clang-tidy failed on: "
    "${failed_files}")
endif()
message(STATUS "tidy: OK")
