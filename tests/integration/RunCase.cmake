# AtomicGen: distributed under the terms of the LICENSE file at the top of the AtomicGen repository.
# Driver of one integration test (one case, one generator), run by CTest as
#
#   cmake -DCASE=<case> -DGENERATOR=<generator> -DWORK_DIR=<scratch dir> [-DMODE=<mode>]
#         -DATOMICGEN_SOURCE_DIR=<repo> -DATOMICGEN_BINARY_DIR=<its build dir>
#         -DATOMICGEN_EXECUTABLE=<helper> -DPYTHON=<python3> [-DINSTALL_PREFIX=<dir>]
#         -P RunCase.cmake
#
# It empties WORK_DIR, copies the case project cases/<case>/ to WORK_DIR/src (so no test ever
# writes into the repository), then runs cases/<case>/check.cmake, which configures, builds and
# asserts with the commands of IntegrationLib.cmake.  The build directory is WORK_DIR/build.
cmake_minimum_required(VERSION 3.25)

include("${CMAKE_CURRENT_LIST_DIR}/../DriverLib.cmake")
agdriver_require(RunCase.cmake CASE GENERATOR WORK_DIR ATOMICGEN_SOURCE_DIR ATOMICGEN_BINARY_DIR
    ATOMICGEN_EXECUTABLE PYTHON)

agdriver_forget_caller_environment()

set(AGTEST_CASE "${CASE}")
if(DEFINED MODE AND NOT MODE STREQUAL "")
  set(AGTEST_CASE "${CASE}-${MODE}")
endif()
set(AGTEST_GENERATOR "${GENERATOR}")
# AGTEST_NINJA: the build tool is ninja (Ninja or Ninja Multi-Config).  AGTEST_MULTI_CONFIG: the
# generator is Ninja Multi-Config; the tests build and run its configuration AGTEST_CONFIG.
set(AGTEST_MULTI_CONFIG FALSE)
set(AGTEST_CONFIG Debug)
if(GENERATOR STREQUAL "Ninja")
  set(AGTEST_NINJA TRUE)
  set(AGTEST_GENERATOR_SHORT ninja)
elseif(GENERATOR STREQUAL "Ninja Multi-Config")
  set(AGTEST_NINJA TRUE)
  set(AGTEST_MULTI_CONFIG TRUE)
  set(AGTEST_GENERATOR_SHORT ninja-multi)
else()
  set(AGTEST_NINJA FALSE)
  set(AGTEST_GENERATOR_SHORT make)
endif()
set(AGTEST_CASES "${CMAKE_CURRENT_LIST_DIR}/cases")
set(AGTEST_TOOLS "${CMAKE_CURRENT_LIST_DIR}/tools")
set(AGTEST_WORK "${WORK_DIR}")
set(AGTEST_SRC "${WORK_DIR}/src")
set(AGTEST_BIN "${WORK_DIR}/build")

include("${CMAKE_CURRENT_LIST_DIR}/IntegrationLib.cmake")

file(REMOVE_RECURSE "${AGTEST_WORK}")
file(MAKE_DIRECTORY "${AGTEST_WORK}")
agtest_copy_dir("${AGTEST_CASES}/${CASE}" "${AGTEST_SRC}")

# A tick long enough that a file written after it has a newer mtime than one written before: a
# few milliseconds where the file system keeps sub-second times (the kernel's timestamp clock is
# coarse), over a second where it keeps whole seconds.
execute_process(COMMAND "${PYTHON}" -c
  "import os,sys,time\nfor i in range(3):\n  p=os.path.join(sys.argv[1],'tick%d'%i); open(p,'w').close(); time.sleep(0.013)\n  if os.stat(p).st_mtime_ns % 1000000000: print('fine'); break\nelse: print('coarse')"
  "${AGTEST_WORK}"
  OUTPUT_VARIABLE resolution OUTPUT_STRIP_TRAILING_WHITESPACE)
if(resolution STREQUAL "fine")
  set(AGTEST_TICK 0.05)
else()
  set(AGTEST_TICK 1.1)
endif()

agtest_log("case ${AGTEST_CASE} with ${GENERATOR} in ${AGTEST_WORK}")
include("${AGTEST_CASES}/${CASE}/check.cmake")
get_property(checks GLOBAL PROPERTY _AGTEST_CHECKS)
if(checks EQUAL 0)
  agtest_fail("the case checked nothing")
endif()
agtest_log("PASSED: ${checks} checks")
