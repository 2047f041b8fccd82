# AtomicGen: distributed under the terms of the LICENSE file at the top of the AtomicGen repository.
# Test packaging.reproducible (tests/packaging/CMakeLists.txt):
#
#   cmake -DATOMICGEN_SOURCE_DIR=<repo> -DWORK_DIR=<scratch> -DGENERATOR=<generator>
#         -DPYTHON=<python3> -P CheckPackages.cmake
#
# 1. Two copies of the repository in two different directories, the second one's files touched
#    now (a later checkout), each configured in its own build directory (Release, no tests,
#    CMAKE_INSTALL_PREFIX=/usr), built, and packed with `cpack -G DEB` and `cpack -G RPM` under
#    the same SOURCE_DATE_EPOCH: the two .deb and the two .rpm must be byte-identical.
# 2. The .deb unpacked into a root with `dpkg-deb -x`: no file in it holds any of the four
#    directories; it has the files of `DESTDIR=... cmake --install` of the first build, with the
#    same bytes; the .rpm has the same files with the same digests (`rpm -qp`).
# 3. The root is a relocated install: the integration case `consume` (mode package) configured
#    with only CMAKE_PREFIX_PATH=<root>/usr finds AtomicGen there, builds, and its program runs.
#
# Prints "AtomicGen packaging test skipped: ..." (the test's SKIP_REGULAR_EXPRESSION) when
# dpkg-deb, rpmbuild or rpm is missing.
cmake_minimum_required(VERSION 3.25)

include("${CMAKE_CURRENT_LIST_DIR}/../DriverLib.cmake")
agdriver_require(CheckPackages.cmake ATOMICGEN_SOURCE_DIR WORK_DIR GENERATOR PYTHON)

foreach(tool IN ITEMS dpkg-deb rpmbuild rpm)
  string(REPLACE "-" "_" var "${tool}_program")
  find_program(${var} ${tool})
  if(NOT ${var})
    message("AtomicGen packaging test skipped: no ${tool} (Debian: apt-get install dpkg rpm)")
    return()
  endif()
endforeach()

agdriver_forget_caller_environment(CMAKE_PREFIX_PATH)
# 2026-01-01T00:00:00Z.  Both packs see the same value; the point is that nothing else leaks in.
set(ENV{SOURCE_DATE_EPOCH} 1767225600)

set(AGTEST_CASE packaging)
set(AGTEST_GENERATOR "${GENERATOR}")
set(AGTEST_GENERATOR_SHORT reproducible)
set(AGTEST_WORK "${WORK_DIR}")
set(AGTEST_TOOLS "${ATOMICGEN_SOURCE_DIR}/tests/integration/tools")
include("${ATOMICGEN_SOURCE_DIR}/tests/integration/IntegrationLib.cmake")

# -DREUSE_BUILDS=ON (for working on this script): keep the two builds and packages of the last run.
if(REUSE_BUILDS)
  file(REMOVE_RECURSE "${WORK_DIR}/root" "${WORK_DIR}/stage" "${WORK_DIR}/consumer")
else()
  file(REMOVE_RECURSE "${WORK_DIR}")
endif()
file(MAKE_DIRECTORY "${WORK_DIR}")

# internal: seconds since the test started, into var.  (string(TIMESTAMP) gives
# SOURCE_DATE_EPOCH when it is set.)
function(_packaging_now var)
  set(epoch "$ENV{SOURCE_DATE_EPOCH}")
  unset(ENV{SOURCE_DATE_EPOCH})
  string(TIMESTAMP now "%s")
  set(ENV{SOURCE_DATE_EPOCH} "${epoch}")
  set(${var} "${now}" PARENT_SCOPE)
endfunction()
_packaging_now(_packaging_start)
function(_packaging_elapsed var)
  _packaging_now(now)
  math(EXPR seconds "${now} - ${_packaging_start}")
  set(${var} "${seconds} s" PARENT_SCOPE)
endfunction()

# internal: copy the files of the repository that a release archive holds (not .git, build
# trees, tests) to <to>.
function(_packaging_copy_repository to)
  file(MAKE_DIRECTORY "${to}")
  file(GLOB entries RELATIVE "${ATOMICGEN_SOURCE_DIR}" "${ATOMICGEN_SOURCE_DIR}/*")
  foreach(entry IN LISTS entries)
    if(entry MATCHES "^(\\.git|tests|build.*|out)$")
      continue()
    endif()
    file(COPY "${ATOMICGEN_SOURCE_DIR}/${entry}" DESTINATION "${to}")
  endforeach()
endfunction()

# 1. Two trees, two builds, four packages.
set(sources "${WORK_DIR}/one/atomicgen" "${WORK_DIR}/two/a/longer/path/src")
set(builds "${WORK_DIR}/one/build" "${WORK_DIR}/two/elsewhere/b")
set(debs "")
set(rpms "")
foreach(i IN ITEMS 0 1)
  list(GET sources ${i} source)
  list(GET builds ${i} build)
  if(REUSE_BUILDS AND EXISTS "${build}/packages")
    file(GLOB deb "${build}/packages/*.deb")
    file(GLOB rpm "${build}/packages/*.rpm")
    list(APPEND debs "${deb}")
    list(APPEND rpms "${rpm}")
    continue()
  endif()
  _packaging_copy_repository("${source}")
  if(i EQUAL 1)
    file(GLOB_RECURSE copied "${source}/*")
    file(TOUCH_NOCREATE ${copied})
  endif()
  agtest_run(out COMMAND "${CMAKE_COMMAND}" -S "${source}" -B "${build}" -G "${GENERATOR}"
    -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF -DCMAKE_INSTALL_PREFIX=/usr QUIET)
  agtest_assert_no_match("${out}" "GTest|GoogleTest" "configuring with BUILD_TESTING=OFF looks for no GoogleTest")
  agtest_run(out COMMAND "${CMAKE_COMMAND}" --build "${build}" --parallel 2 QUIET)
  agtest_assert_no_match("${out}" "atomicgen_tests|gtest" "the build builds no test")
  foreach(generator IN ITEMS DEB RPM)
    agtest_run(out COMMAND "${CMAKE_CPACK_COMMAND}" -G ${generator} WORKING_DIRECTORY "${build}" QUIET)
  endforeach()
  file(GLOB deb "${build}/packages/*.deb")
  file(GLOB rpm "${build}/packages/*.rpm")
  list(LENGTH deb deb_count)
  list(LENGTH rpm rpm_count)
  agtest_assert_equal("${deb_count}/${rpm_count}" "1/1" "cpack made one .deb and one .rpm in ${build}/packages")
  list(APPEND debs "${deb}")
  list(APPEND rpms "${rpm}")
  _packaging_elapsed(elapsed)
  agtest_log("build ${i} packed (${elapsed})")
endforeach()

foreach(kind IN ITEMS deb rpm)
  list(GET ${kind}s 0 a)
  list(GET ${kind}s 1 b)
  file(SHA256 "${a}" sha_a)
  file(SHA256 "${b}" sha_b)
  agtest_log("sha256 ${sha_a} ${a}")
  agtest_log("sha256 ${sha_b} ${b}")
  execute_process(COMMAND "${CMAKE_COMMAND}" -E compare_files "${a}" "${b}" RESULT_VARIABLE differ)
  if(NOT differ EQUAL 0)
    # Say where they differ before failing: the members' listings (names, modes, mtimes).
    if(kind STREQUAL "deb")
      agtest_run(list_a COMMAND "${dpkg_deb_program}" --contents "${a}")
      agtest_run(list_b COMMAND "${dpkg_deb_program}" --contents "${b}")
      agtest_run(info_a COMMAND "${dpkg_deb_program}" --info "${a}")
      agtest_run(info_b COMMAND "${dpkg_deb_program}" --info "${b}")
    else()
      agtest_run(list_a COMMAND "${rpm_program}" -qp --qf "%{BUILDTIME} %{BUILDHOST}\n[%{FILEMTIMES} %{FILEDIGESTS} %{FILENAMES}\n]" "${a}")
      agtest_run(list_b COMMAND "${rpm_program}" -qp --qf "%{BUILDTIME} %{BUILDHOST}\n[%{FILEMTIMES} %{FILEDIGESTS} %{FILENAMES}\n]" "${b}")
    endif()
    agtest_fail("the two .${kind} files differ (listings above): the package is not reproducible")
  endif()
  agtest_ok("the .${kind} built in ${a} and in ${b} are byte-identical")
endforeach()
list(GET debs 0 deb)
list(GET rpms 0 rpm_file)
list(GET builds 0 build)

# 2. The .deb's files: no build path, the same as a DESTDIR install, the same as the .rpm's.
agtest_run(info COMMAND "${dpkg_deb_program}" --field "${deb}" Package Version Architecture Depends)
agtest_assert_match("${info}" "Package: atomicgen\n" "the .deb is the package atomicgen")
agtest_assert_match("${info}" "Depends:[^\n]*cmake \\(>= 3\\.25\\)" "the .deb depends on cmake >= 3.25")
set(root "${WORK_DIR}/root")
agtest_run(out COMMAND "${dpkg_deb_program}" -x "${deb}" "${root}")
agtest_assert_exists("${root}/usr/bin/atomicgen" "the .deb installs /usr/bin/atomicgen")
file(GLOB_RECURSE deb_files RELATIVE "${root}" "${root}/*")
list(SORT deb_files)
set(forbidden ${sources} ${builds} "${WORK_DIR}")
foreach(file IN LISTS deb_files)
  foreach(path IN LISTS forbidden)
    string(REGEX REPLACE "([][+.*()^$?|\\])" "\\\\\\1" path_regex "${path}")
    file(STRINGS "${root}/${file}" hits REGEX "${path_regex}")
    if(NOT hits STREQUAL "")
      agtest_fail("/${file} contains the build path ${path}: ${hits}")
    endif()
  endforeach()
endforeach()
list(LENGTH deb_files count)
agtest_ok("none of the .deb's ${count} files holds a source or build directory")

set(stage "${WORK_DIR}/stage")
set(ENV{DESTDIR} "${stage}")
agtest_run(out COMMAND "${CMAKE_COMMAND}" --install "${build}" --strip QUIET)
unset(ENV{DESTDIR})
file(GLOB_RECURSE staged_files RELATIVE "${stage}" "${stage}/*")
list(SORT staged_files)
agtest_assert_equal("${staged_files}" "${deb_files}" "the files of DESTDIR=<stage> cmake --install (prefix /usr)")
foreach(file IN LISTS deb_files)
  execute_process(COMMAND "${CMAKE_COMMAND}" -E compare_files "${root}/${file}" "${stage}/${file}"
    RESULT_VARIABLE differ)
  if(NOT differ EQUAL 0)
    agtest_fail("/${file} differs between the .deb and DESTDIR=<stage> cmake --install --strip")
  endif()
endforeach()
agtest_ok("the .deb holds exactly what DESTDIR=<stage> cmake --install --strip installs, byte for byte")

agtest_run(rpm_list COMMAND "${rpm_program}" -qp --qf "[%{FILEMODES:perms} %{FILEDIGESTS} %{FILENAMES}\n]" "${rpm_file}" QUIET)
string(REGEX MATCHALL "[^\n]+" rpm_lines "${rpm_list}")
set(rpm_files "")
foreach(line IN LISTS rpm_lines)
  if(line MATCHES "^d")
    continue()
  endif()
  if(NOT line MATCHES "^[-l][^ ]* ([0-9a-f]*) /(.*)$")
    agtest_fail("unexpected line in `rpm -qp --qf ...`: ${line}")
  endif()
  set(digest "${CMAKE_MATCH_1}")
  set(file "${CMAKE_MATCH_2}")
  list(APPEND rpm_files "${file}")
  if(EXISTS "${root}/${file}" AND NOT IS_SYMLINK "${root}/${file}")
    file(SHA256 "${root}/${file}" deb_digest)
    if(NOT deb_digest STREQUAL digest)
      agtest_fail("/${file}: sha256 ${digest} in the .rpm, ${deb_digest} in the .deb")
    endif()
  endif()
endforeach()
list(SORT rpm_files)
agtest_assert_equal("${rpm_files}" "${deb_files}" "the .rpm's files (rpm -qp)")
agtest_ok("the .rpm holds the .deb's ${count} files with the same sha256")
agtest_run(rpm_requires COMMAND "${rpm_program}" -qpR "${rpm_file}" QUIET)
agtest_assert_match("${rpm_requires}" "cmake >= 3\\.25" "the .rpm requires cmake >= 3.25")

# 3. The unpacked root as a relocated /usr: find_package(AtomicGen) with CMAKE_PREFIX_PATH alone.
set(consumer "${WORK_DIR}/consumer")
agtest_copy_dir("${ATOMICGEN_SOURCE_DIR}/tests/integration/cases/consume" "${consumer}/src")
agtest_run(out COMMAND "${CMAKE_COMMAND}" -S "${consumer}/src" -B "${consumer}/build" -G "${GENERATOR}"
  -DAG_MODE=package "-DPYTHON=${PYTHON}" "-DAGTEST_TOOLS=${AGTEST_TOOLS}"
  "-DCMAKE_PREFIX_PATH=${root}/usr" QUIET)
agtest_assert_match("${out}" "consume: AtomicGen_DIR=${root}/usr/" "find_package(AtomicGen) found the unpacked package")
agtest_run(out COMMAND "${CMAKE_COMMAND}" --build "${consumer}/build" QUIET)
file(READ "${consumer}/build/helper.txt" helper)
agtest_assert_equal("${helper}" "${root}/usr/bin/atomicgen" "AtomicGen::atomicgen is")
agtest_assert_match("${out}" "atomicgen run|Generating defs\\.h" "the consumer's build ran the generator")
agtest_run(out COMMAND "${consumer}/build/app")
agtest_assert_match("${out}" "consume: generated" "the consumer's program runs with the generated header")

_packaging_elapsed(elapsed)
get_property(checks GLOBAL PROPERTY _AGTEST_CHECKS)
agtest_log("PASSED: ${checks} checks in ${elapsed}")
