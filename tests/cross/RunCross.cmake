# AtomicGen: distributed under the terms of the LICENSE file at the top of the AtomicGen repository.
# Driver of one cross test, run by CTest as
#
#   cmake -DMODE=<auto|override> -DGENERATOR=<generator> -DWORK_DIR=<scratch dir>
#         -DATOMICGEN_SOURCE_DIR=<repo> -DATOMICGEN_EXECUTABLE=<host helper> -DPYTHON=<python3>
#         -P RunCross.cmake
#
# It copies project/ to WORK_DIR/src and cross-compiles it for aarch64 Linux with
# aarch64-linux-gnu.cmake (Debian's g++-aarch64-linux-gnu), the program run under qemu-aarch64
# (qemu-user).  The project adds AtomicGen with add_subdirectory() and builds its own generator
# for the host (a nested native build).
#   auto      no ATOMICGEN_EXECUTABLE: the module builds the helper for the host in a nested
#             native build; the helper must be a host executable, the program an aarch64 one,
#             run with the generated table; an edited generator input regenerates the header and
#             rebuilds the program in one build; a second build runs no generator.
#   override  ATOMICGEN_EXECUTABLE given: that helper runs, and no nested build of it exists.
#   package   find_package(AtomicGen) finds the target's package in a sysroot (this build of
#             AtomicGen installed with -DATOMICGEN_BINARY_DIR=..., made a target package: its
#             helper replaced by an aarch64 program, its recorded system aarch64; building the real
#             helper for aarch64 needs the target's libfmt-dev).  The packaged helper cannot run
#             here: with no host atomicgen to find, configuring stops and says so; with one on the
#             PATH, that one runs.
# Prints "SKIP: <reason>" and stops when the cross compiler, qemu-aarch64 or `file` is missing.
cmake_minimum_required(VERSION 3.25)

include("${CMAKE_CURRENT_LIST_DIR}/../DriverLib.cmake")
agdriver_require(RunCross.cmake MODE GENERATOR WORK_DIR ATOMICGEN_SOURCE_DIR ATOMICGEN_EXECUTABLE
    PYTHON)

agdriver_forget_caller_environment(CMAKE_TOOLCHAIN_FILE CC CXX CFLAGS CXXFLAGS LDFLAGS)

set(AGTEST_CASE "cross.${MODE}")
set(AGTEST_GENERATOR "${GENERATOR}")
set(AGTEST_MULTI_CONFIG FALSE)
if(GENERATOR STREQUAL "Ninja")
  set(AGTEST_NINJA TRUE)
  set(AGTEST_GENERATOR_SHORT ninja)
else()
  set(AGTEST_NINJA FALSE)
  set(AGTEST_GENERATOR_SHORT make)
endif()
set(AGTEST_WORK "${WORK_DIR}")
set(AGTEST_SRC "${WORK_DIR}/src")
set(AGTEST_BIN "${WORK_DIR}/build")
# Whole seconds: safe on any file system, and the test waits only once.
set(AGTEST_TICK 1.1)
include("${CMAKE_CURRENT_LIST_DIR}/../integration/IntegrationLib.cmake")

# What the test needs from Debian: g++-aarch64-linux-gnu, qemu-user, file.
set(missing "")
foreach(program IN ITEMS aarch64-linux-gnu-gcc aarch64-linux-gnu-g++ qemu-aarch64 file)
  find_program(found_${program} "${program}")
  if(NOT found_${program})
    list(APPEND missing "${program}")
  endif()
endforeach()
if(NOT IS_DIRECTORY /usr/aarch64-linux-gnu/lib)
  list(APPEND missing "/usr/aarch64-linux-gnu/lib")
endif()
if(NOT missing STREQUAL "")
  list(JOIN missing ", " missing)
  message("SKIP: ${missing} not found (Debian: g++-aarch64-linux-gnu qemu-user file)")
  return()
endif()

file(REMOVE_RECURSE "${AGTEST_WORK}")
agtest_copy_dir("${CMAKE_CURRENT_LIST_DIR}/project" "${AGTEST_SRC}")
agtest_log("cross build (${MODE}) with ${GENERATOR} in ${AGTEST_WORK}")

set(toolchain "${CMAKE_CURRENT_LIST_DIR}/aarch64-linux-gnu.cmake")
set(nested_helper "${AGTEST_BIN}/_atomicgen_host_helper/helper/atomicgen")
if(MODE STREQUAL "package")
  # Configured below, once per PATH.
elseif(MODE STREQUAL "override")
  agtest_configure(ARGS "-DCMAKE_TOOLCHAIN_FILE=${toolchain}")
elseif(AGTEST_GENERATOR_SHORT STREQUAL "make")
  # ATOMICGEN_HOST_CMAKE_ARGS reaches the nested configure: an unoptimized helper, built in half
  # the time.
  agtest_configure(NO_HELPER ARGS "-DCMAKE_TOOLCHAIN_FILE=${toolchain}"
    "-DATOMICGEN_HOST_CMAKE_ARGS=-DCMAKE_BUILD_TYPE=Debug")
else()
  agtest_configure(NO_HELPER ARGS "-DCMAKE_TOOLCHAIN_FILE=${toolchain}")
endif()

# agtest_file_type(<var> <file>): `file -b -L` of <file>, the machine field alone (x86-64, ARM
# aarch64, ...).
function(agtest_file_type var file)
  execute_process(COMMAND file -b -L "${file}" OUTPUT_VARIABLE type RESULT_VARIABLE result)
  if(NOT result EQUAL 0)
    agtest_fail("file -b -L ${file} failed (${result})")
  endif()
  string(REPLACE ", " ";" fields "${type}")
  list(LENGTH fields count)
  if(count LESS 2)
    agtest_fail("file -b -L ${file}: unexpected \"${type}\"")
  endif()
  list(GET fields 1 machine)
  set(${var} "${machine}" PARENT_SCOPE)
endfunction()

# agtest_run_target(<var>): the cross-built program run under qemu-aarch64, its output.
function(agtest_run_target var)
  agtest_run(output COMMAND qemu-aarch64 -L /usr/aarch64-linux-gnu "${AGTEST_BIN}/app")
  string(STRIP "${output}" output)
  set(${var} "${output}" PARENT_SCOPE)
endfunction()

# The build machine's architecture, as `file` names it: that of the cmake running this script.
agtest_file_type(host_machine "${CMAKE_COMMAND}")

if(MODE STREQUAL "package")
  if(NOT DEFINED ATOMICGEN_BINARY_DIR)
    message(FATAL_ERROR "RunCross.cmake: -DATOMICGEN_BINARY_DIR=... is required for package")
  endif()
  set(sysroot "${AGTEST_WORK}/sysroot")
  agtest_run(output COMMAND "${CMAKE_COMMAND}" --install "${ATOMICGEN_BINARY_DIR}"
    --prefix "${sysroot}/usr" QUIET)
  set(config "${sysroot}/usr/lib/cmake/AtomicGen/AtomicGenConfig.cmake")
  file(READ "${config}" text)
  # (cmake -P sets no CMAKE_HOST_SYSTEM_PROCESSOR.)
  cmake_host_system_information(RESULT host_processor QUERY OS_PLATFORM)
  set(recorded "${CMAKE_HOST_SYSTEM_NAME}-${host_processor}")
  string(FIND "${text}" "\"${recorded}\"" at)
  if(at EQUAL -1)
    agtest_fail("${config} records no \"${recorded}\" (the system its helper was built for)")
  endif()
  agtest_ok("the package records the system its helper was built for (${recorded})")
  string(REPLACE "\"${recorded}\"" "\"Linux-aarch64\"" text "${text}")
  file(WRITE "${config}" "${text}")
  agtest_run(output COMMAND aarch64-linux-gnu-gcc -o "${sysroot}/usr/bin/atomicgen"
    "${CMAKE_CURRENT_LIST_DIR}/fake-target-helper.c")
  agtest_file_type(packaged_machine "${sysroot}/usr/bin/atomicgen")
  agtest_assert_equal("${packaged_machine}" "ARM aarch64" "the target package's helper's machine")

  set(package_args -S "${AGTEST_SRC}" -B "${AGTEST_BIN}" -G "${AGTEST_GENERATOR}"
    "-DCMAKE_TOOLCHAIN_FILE=${toolchain}" "-DCROSS_TEST_SYSROOT=${sysroot}" -DCROSS_USE_PACKAGE=ON)
  # Where the search may look, the target's helper is found and rejected (it does not run here),
  # unless this host runs aarch64 programs itself (binfmt_misc with qemu-user-binfmt).
  execute_process(COMMAND "${sysroot}/usr/bin/atomicgen" --version
    RESULT_VARIABLE runs OUTPUT_QUIET ERROR_QUIET)
  if(NOT runs EQUAL 0)
    list(APPEND package_args "-DCMAKE_PROGRAM_PATH=${sysroot}/usr/bin")
  endif()
  agtest_run(output COMMAND "${CMAKE_COMMAND}" ${package_args} EXPECT_FAIL)
  string(REGEX REPLACE "[ \t\r\n]+" " " output "${output}")
  agtest_assert_match("${output}"
    "AtomicGen: cross-compiling, and no atomicgen that runs on this build host was found \\(the package found, for Linux-aarch64, ships a helper for that system and no sources\\)"
    "no host atomicgen: configuring stops, naming the package's system")

  # A host atomicgen on the PATH (this build's helper): found, and it runs the generator.
  file(MAKE_DIRECTORY "${AGTEST_WORK}/host-bin")
  file(COPY "${ATOMICGEN_EXECUTABLE}" DESTINATION "${AGTEST_WORK}/host-bin")
  file(REMOVE_RECURSE "${AGTEST_BIN}")
  agtest_run(output COMMAND "${CMAKE_COMMAND}" -E env
    "PATH=${AGTEST_WORK}/host-bin:$ENV{PATH}" "${CMAKE_COMMAND}" ${package_args} QUIET)
  file(READ "${AGTEST_BIN}/helper.txt" helper)
  agtest_assert_equal("${helper}" "${AGTEST_WORK}/host-bin/atomicgen"
    "AtomicGen::atomicgen is the host atomicgen on the PATH")
  agtest_build(build_log JOBS 2)
  agtest_assert_match("${build_log}" "Generating table\\.h \\(atomicgen\\)" "the header generated")
  agtest_file_type(app_machine "${AGTEST_BIN}/app")
  agtest_assert_equal("${app_machine}" "ARM aarch64" "the program's machine")
  agtest_run_target(output)
  agtest_assert_equal("${output}" "machine=aarch64 count=3 sum=6"
    "the program, under qemu-aarch64, with the host atomicgen's output")
elseif(MODE STREQUAL "override")
  agtest_assert_no_match("${AGTEST_CONFIGURE}" "built for this host"
    "ATOMICGEN_EXECUTABLE given: configure plans no nested helper build")
  agtest_build(build_log JOBS 2)
  agtest_assert_no_match("${build_log}" "_atomicgen_host_helper"
    "the build runs no nested helper build")
  if(EXISTS "${AGTEST_BIN}/_atomicgen_host_helper")
    agtest_fail("${AGTEST_BIN}/_atomicgen_host_helper exists: the helper was built anyway")
  endif()
  agtest_ok("no nested helper build directory")
  agtest_assert_match("${build_log}" "Generating table\\.h \\(atomicgen\\)" "the header generated")
  agtest_file_type(app_machine "${AGTEST_BIN}/app")
  agtest_assert_equal("${app_machine}" "ARM aarch64" "the program's machine")
  agtest_run_target(output)
  agtest_assert_equal("${output}" "machine=aarch64 count=3 sum=6"
    "the program, under qemu-aarch64, with the given helper's output")
else()
  agtest_assert_match("${AGTEST_CONFIGURE}" "the helper is built for this host"
    "no ATOMICGEN_EXECUTABLE: configure plans a nested host build of the helper")
  agtest_build(build_log JOBS 2)
  # The order of the build's lines: the nested helper build completes before the generator runs
  # through it (a missing dependency shows as a failed generator, or as this order reversed).
  string(FIND "${build_log}" "Completed '_atomicgen_host_helper'" helper_done)
  string(FIND "${build_log}" "Generating table.h (atomicgen)" generating)
  if(helper_done EQUAL -1 OR generating EQUAL -1 OR NOT helper_done LESS generating)
    agtest_fail("expected the nested helper build (at ${helper_done}) to complete before the "
      "generator runs (at ${generating})")
  endif()
  agtest_ok("the nested helper build completed before the generator ran")
  agtest_assert_exists("${nested_helper}" "the helper built in the nested build")
  file(STRINGS "${AGTEST_BIN}/_atomicgen_host_helper/CMakeCache.txt" build_type
    REGEX "^CMAKE_BUILD_TYPE:")
  if(AGTEST_GENERATOR_SHORT STREQUAL "make")
    agtest_assert_equal("${build_type}" "CMAKE_BUILD_TYPE:STRING=Debug"
      "the nested build's type, from ATOMICGEN_HOST_CMAKE_ARGS")
  else()
    agtest_assert_equal("${build_type}" "CMAKE_BUILD_TYPE:STRING=Release" "the nested build's type")
  endif()
  file(STRINGS "${AGTEST_BIN}/_atomicgen_host_helper/CMakeCache.txt" toolchain_line
    REGEX "^CMAKE_TOOLCHAIN_FILE:|^CMAKE_CROSSCOMPILING:BOOL=TRUE")
  agtest_assert_equal("${toolchain_line}" "" "no toolchain file in the nested build")
  agtest_file_type(helper_machine "${nested_helper}")
  agtest_assert_equal("${helper_machine}" "${host_machine}" "the helper's machine (the build host's)")
  agtest_file_type(generator_machine "${AGTEST_BIN}/host-generator/make_table")
  agtest_assert_equal("${generator_machine}" "${host_machine}"
    "the project's generator's machine (the build host's)")
  agtest_file_type(app_machine "${AGTEST_BIN}/app")
  agtest_assert_equal("${app_machine}" "ARM aarch64" "the program's machine")
  agtest_run_target(output)
  agtest_assert_equal("${output}" "machine=aarch64 count=3 sum=6"
    "the program, under qemu-aarch64")

  # An edited input: one build regenerates the header and rebuilds the program.
  agtest_write("${AGTEST_SRC}/values.txt" "10\n20\n30\n40\n")
  agtest_build(build_log JOBS 2)
  agtest_assert_match("${build_log}" "Generating table\\.h \\(atomicgen\\)"
    "values.txt edited: the generator re-ran")
  agtest_run_target(output)
  agtest_assert_equal("${output}" "machine=aarch64 count=4 sum=100"
    "the program after one build, under qemu-aarch64")

  # Nothing changed: the nested builds run (they decide for themselves), no generator does.
  agtest_build(build_log JOBS 2)
  agtest_assert_no_match("${build_log}" "Generating table\\.h"
    "a second build runs no generator")
  agtest_assert_no_match("${build_log}" "Linking C executable app" "a second build links nothing")
endif()

get_property(checks GLOBAL PROPERTY _AGTEST_CHECKS)
agtest_log("PASSED: ${checks} checks")
