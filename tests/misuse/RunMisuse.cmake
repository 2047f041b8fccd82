# AtomicGen: distributed under the terms of the LICENSE file at the top of the AtomicGen repository.
# Configure one misuse case and check its exit code and error text (cmake -P driver, in the spirit
# of CMake's Tests/RunCMake).
#
# Input variables (-D):
#   MISUSE_CASE        case name: cases/<case>.cmake is included by Project/CMakeLists.txt
#   MISUSE_SOURCE_DIR  tests/misuse
#   MISUSE_BINARY_DIR  scratch build directory (removed first)
#   MISUSE_GENERATOR   CMake generator to configure with
#   MISUSE_MODULE      cmake/AtomicGen.cmake under test
#   MISUSE_RESULT      expected exit code of the configure step ("0" or "1")
#   MISUSE_ARGS        extra configure arguments, separated by "|"
#
# Expected error text: cases/<case>-stderr.txt holds a regular expression matched against the
# configure step's stderr after every run of white space was collapsed to one space (CMake wraps
# long messages), so write it with single spaces.  A missing file means stderr must be empty.

foreach(var IN ITEMS MISUSE_CASE MISUSE_SOURCE_DIR MISUSE_BINARY_DIR MISUSE_GENERATOR MISUSE_MODULE
                     MISUSE_RESULT)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "RunMisuse.cmake: ${var} is not set")
  endif()
endforeach()

set(case_file "${MISUSE_SOURCE_DIR}/cases/${MISUSE_CASE}.cmake")
set(stderr_file "${MISUSE_SOURCE_DIR}/cases/${MISUSE_CASE}-stderr.txt")
if(NOT EXISTS "${case_file}")
  message(FATAL_ERROR "RunMisuse.cmake: no case file ${case_file}")
endif()
if(EXISTS "${stderr_file}")
  file(READ "${stderr_file}" expected_stderr)
  string(STRIP "${expected_stderr}" expected_stderr)
else()
  set(expected_stderr "^$")
endif()

string(REPLACE "|" ";" extra_args "${MISUSE_ARGS}")

file(REMOVE_RECURSE "${MISUSE_BINARY_DIR}")
execute_process(
  COMMAND "${CMAKE_COMMAND}"
    -S "${MISUSE_SOURCE_DIR}/Project"
    -B "${MISUSE_BINARY_DIR}"
    -G "${MISUSE_GENERATOR}"
    "-DMISUSE_CASE=${MISUSE_CASE}"
    "-DMISUSE_CASE_FILE=${case_file}"
    "-DMISUSE_MODULE=${MISUSE_MODULE}"
    ${extra_args}
  RESULT_VARIABLE actual_result
  OUTPUT_VARIABLE actual_stdout
  ERROR_VARIABLE actual_stderr)

string(REGEX REPLACE "[ \t\r\n]+" " " normalized_stderr "${actual_stderr}")
string(STRIP "${normalized_stderr}" normalized_stderr)

set(failures "")
if(NOT actual_result STREQUAL MISUSE_RESULT)
  string(APPEND failures
    "  exit code: expected ${MISUSE_RESULT}, got \"${actual_result}\"\n")
endif()
if(NOT normalized_stderr MATCHES "${expected_stderr}")
  string(APPEND failures "  stderr does not match the expected regular expression\n")
endif()

if(failures)
  message(FATAL_ERROR
    "misuse case ${MISUSE_CASE} failed:\n${failures}"
    "expected stderr (regex):\n${expected_stderr}\n"
    "actual stderr (white space collapsed):\n${normalized_stderr}\n"
    "actual stderr:\n${actual_stderr}\n"
    "actual stdout:\n${actual_stdout}")
endif()
message(STATUS "misuse case ${MISUSE_CASE}: exit code ${actual_result}, stderr as expected")
