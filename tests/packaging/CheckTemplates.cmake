# AtomicGen: distributed under the terms of the LICENSE file at the top of the AtomicGen repository.
# Tests packaging.debian-template, packaging.debian-template-cross and packaging.rpm-template
# (tests/packaging/CMakeLists.txt): the packaging templates of examples/packaging/ built for real
# on examples/cpython-like.
#
#   cmake -DKIND=deb|deb-cross|rpm -DATOMICGEN_SOURCE_DIR=<repo> -DWORK_DIR=<scratch>
#         -DATOMICGEN_PACKAGES=<dir holding atomicgen's .deb and .rpm> -P CheckTemplates.cmake
#
# 1. AtomicGen's own package (made by packaging.reproducible, the fixture) satisfies the
#    template's Build-Depends / BuildRequires in a private package database, never the system's:
#    deb: a copy of the system's dpkg status in <scratch>/sysroot, atomicgen installed there with
#    `dpkg --root`, and `dpkg-buildpackage --admindir` pointed at it; rpm: a private rpm database
#    (`--dbpath`) holding a stub package that provides what Debian's dpkg has installed (cmake,
#    gcc, ninja-build, python3: rpm knows nothing of dpkg's packages) and atomicgen, relocated into
#    <scratch>/sysroot.  CMAKE_PREFIX_PATH=<scratch>/sysroot/usr in the build's environment is
#    then what lets find_package(AtomicGen) see it.  Before atomicgen is installed there, the
#    dependency check must fail naming it: the Build-Depends are real.  Installing into /usr
#    instead would let the tests running beside this one find that AtomicGen with
#    find_package(AtomicGen) (examples/cpython-like tries it first): the system's package
#    databases are checked unchanged at the end.
# 2. Three builds of the template, from copies of the example with one opcode added to
#    Lib/opcode.py (an input of the checked-in Include/opcode.h), so that a regenerated package
#    and a kept one differ: two regenerating builds at -j16 from two directories (the second's
#    files touched now), one keeping the checked-in files (deb: DEB_BUILD_PROFILES=
#    pkg.cpython-like.keep with nocheck; rpm: --without regenerate with --nocheck).  Each build's
#    log must show the mode, the single `regen-all all` run at -j16, generators run or not, tests
#    run or not.
# 3. The two regenerating builds give byte-identical packages; the packages' files hold no build
#    directory; the program runs; the installed opcode.h is the one regeneration wrote into the
#    source tree (with the added opcode), and the kept build's is the shipped one.
#
# deb-cross: the Debian template cross-built for arm64 (`dpkg-buildpackage -a arm64`, nocheck: the
# program cannot run here, and debhelper 13.11 runs the tests of a cross build unless told not to),
# in the same private database, which also knows arm64 (`dpkg --add-architecture arm64`).  Two
# regenerating builds from two directories, no keep build.  The log must show the build machine's
# atomicgen and the native _freeze_module (debian/build-native) at work; the two _arm64.deb are
# byte-identical; `file` says the packaged program is for ARM aarch64; it passes --selftest under
# `qemu-aarch64 -L /usr/aarch64-linux-gnu`; its opcode.h is the regenerated one.
#
# Prints "AtomicGen packaging test skipped: ..." (the test's SKIP_REGULAR_EXPRESSION) when a tool
# is missing or packaging.reproducible left no package of AtomicGen.
cmake_minimum_required(VERSION 3.25)

include("${CMAKE_CURRENT_LIST_DIR}/../DriverLib.cmake")
agdriver_require(CheckTemplates.cmake KIND ATOMICGEN_SOURCE_DIR WORK_DIR ATOMICGEN_PACKAGES)
if(NOT KIND MATCHES "^(deb|deb-cross|rpm)$")
  message(FATAL_ERROR "CheckTemplates.cmake: -DKIND=${KIND} is neither deb, deb-cross nor rpm")
endif()
set(package_kind "${KIND}")
if(KIND STREQUAL "deb-cross")
  set(package_kind deb)
endif()

if(package_kind STREQUAL "deb")
  set(tools dpkg dpkg-deb dpkg-buildpackage dpkg-checkbuilddeps dh)
  set(tools_hint "apt-get install dpkg-dev debhelper")
else()
  set(tools rpm rpmbuild rpm2cpio)
  set(tools_hint "apt-get install rpm")
endif()
foreach(tool IN ITEMS ${tools} ninja gcc)
  string(REPLACE "-" "_" var "${tool}_program")
  find_program(${var} NAMES ${tool})
  if(NOT ${var})
    message("AtomicGen packaging test skipped: no ${tool} (Debian: ${tools_hint})")
    return()
  endif()
endforeach()
# The cross build's compiler, the emulator that runs its program, `file` that names its machine.
set(program_runner "")
set(deb_arch amd64)
if(KIND STREQUAL "deb-cross")
  foreach(tool IN ITEMS aarch64-linux-gnu-gcc qemu-aarch64 file)
    string(REPLACE "-" "_" var "${tool}_program")
    find_program(${var} NAMES ${tool})
    if(NOT ${var})
      message("AtomicGen packaging test skipped: no ${tool} for the cross build "
        "(Debian: apt-get install g++-aarch64-linux-gnu qemu-user file)")
      return()
    endif()
  endforeach()
  if(NOT IS_DIRECTORY /usr/aarch64-linux-gnu/lib)
    message("AtomicGen packaging test skipped: no /usr/aarch64-linux-gnu/lib (Debian: apt-get install libc6-dev-arm64-cross)")
    return()
  endif()
  execute_process(COMMAND dpkg-architecture -a arm64 -qDEB_HOST_GNU_TYPE
    OUTPUT_VARIABLE arm64_gnu_type OUTPUT_STRIP_TRAILING_WHITESPACE RESULT_VARIABLE result ERROR_QUIET)
  if(NOT result EQUAL 0 OR NOT arm64_gnu_type STREQUAL "aarch64-linux-gnu")
    message("AtomicGen packaging test skipped: dpkg-architecture does not know arm64 as aarch64-linux-gnu (\"${arm64_gnu_type}\")")
    return()
  endif()
  set(program_runner "${qemu_aarch64_program}" -L /usr/aarch64-linux-gnu)
  set(deb_arch arm64)
endif()
find_program(python3_program NAMES python3)
if(NOT python3_program)
  message("AtomicGen packaging test skipped: no python3")
  return()
endif()
file(GLOB atomicgen_package "${ATOMICGEN_PACKAGES}/atomicgen*.${package_kind}")
list(LENGTH atomicgen_package count)
if(NOT count EQUAL 1)
  message("AtomicGen packaging test skipped: no atomicgen .${package_kind} in ${ATOMICGEN_PACKAGES} "
    "(made by the test packaging.reproducible: was it skipped?)")
  return()
endif()

agdriver_forget_caller_environment(CMAKE_PREFIX_PATH SOURCE_DATE_EPOCH DEB_BUILD_OPTIONS
    DEB_BUILD_PROFILES CFLAGS CXXFLAGS LDFLAGS)

set(AGTEST_CASE packaging)
if(KIND STREQUAL "deb")
  set(AGTEST_GENERATOR_SHORT debian-template)
elseif(KIND STREQUAL "deb-cross")
  set(AGTEST_GENERATOR_SHORT debian-template-cross)
else()
  set(AGTEST_GENERATOR_SHORT rpm-template)
endif()
set(AGTEST_WORK "${WORK_DIR}")
include("${ATOMICGEN_SOURCE_DIR}/tests/integration/IntegrationLib.cmake")

file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}")
string(TIMESTAMP start "%s")

set(templates "${ATOMICGEN_SOURCE_DIR}/examples/packaging")
set(sysroot "${WORK_DIR}/sysroot")
# The opcode added to Lib/opcode.py in every copy: regenerate puts it into Include/opcode.h.
set(mark_opcode "PACKAGING_TEMPLATE_MARK")
set(system_dpkg_status "/var/lib/dpkg/status")

# internal: what must not change, into var: the sha256 of dpkg's status file and the packages
# in rpm's default database (Debian's rpm keeps one per user, ~/.rpmdb).
function(_templates_system_state var)
  set(state "")
  if(EXISTS "${system_dpkg_status}")
    file(SHA256 "${system_dpkg_status}" hash)
    string(APPEND state "dpkg status: ${hash}\n")
  endif()
  find_program(rpm_query_program rpm)
  if(rpm_query_program)
    execute_process(COMMAND "${rpm_query_program}" -qa OUTPUT_VARIABLE packages ERROR_QUIET)
    string(REGEX REPLACE "\n+$" "" packages "${packages}")
    string(REPLACE "\n" ";" packages "${packages}")
    list(SORT packages)
    string(APPEND state "rpm -qa: ${packages}\n")
  endif()
  set(${var} "${state}" PARENT_SCOPE)
endfunction()
_templates_system_state(system_before)

# internal: copy examples/cpython-like to <dir>, with the mark opcode added to Lib/opcode.py.
function(_templates_copy_example dir)
  file(MAKE_DIRECTORY "${dir}")
  file(COPY "${ATOMICGEN_SOURCE_DIR}/examples/cpython-like/" DESTINATION "${dir}")
  file(READ "${dir}/Lib/opcode.py" text)
  string(REPLACE "def_op(\"RETURN_VALUE\", 7)\n"
    "def_op(\"RETURN_VALUE\", 7)\ndef_op(\"${mark_opcode}\", 8)\n" edited "${text}")
  if(edited STREQUAL text)
    agtest_fail("no `def_op(\"RETURN_VALUE\", 7)` line in examples/cpython-like/Lib/opcode.py to add an opcode after")
  endif()
  file(WRITE "${dir}/Lib/opcode.py" "${edited}")
endfunction()

# internal: run a package build, its output into <log>; on failure print its last lines and stop.
# The log's text into var.
function(_templates_build var log)
  cmake_parse_arguments(PARSE_ARGV 2 arg "" "WORKING_DIRECTORY" "COMMAND")
  list(JOIN arg_COMMAND " " shown)
  agtest_log("$ ${shown}   (in ${arg_WORKING_DIRECTORY}, output in ${log})")
  string(TIMESTAMP before "%s")
  execute_process(COMMAND ${arg_COMMAND} WORKING_DIRECTORY "${arg_WORKING_DIRECTORY}"
    OUTPUT_FILE "${log}" ERROR_FILE "${log}" RESULT_VARIABLE result)
  string(TIMESTAMP after "%s")
  math(EXPR seconds "${after} - ${before}")
  file(READ "${log}" text)
  if(NOT result EQUAL 0)
    string(LENGTH "${text}" length)
    if(length GREATER 6000)
      math(EXPR from "${length} - 6000")
      string(SUBSTRING "${text}" ${from} -1 text)
    endif()
    agtest_fail("`${shown}` failed (${result}) after ${seconds} s; the end of ${log}:\n${text}")
  endif()
  agtest_log("built in ${seconds} s")
  set(${var} "${text}" PARENT_SCOPE)
endfunction()

# internal: the checks of one build's log.  <mode> is regenerate or keep; <tests> ran or skipped.
function(_templates_check_log log_text label mode tests)
  agtest_assert_match("${log_text}" "AtomicGen: checked-in outputs: ${mode} "
    "${label}: configured with ATOMICGEN_CHECKED_IN_OUTPUTS=${mode}")
  agtest_assert_match("${log_text}" "(ninja|cmake --build [^\n]*) -j16 [^\n]*regen-all all\n"
    "${label}: regen-all and all in one run at -j16")
  if(mode STREQUAL "regenerate")
    string(REGEX REPLACE "([][+.*()^$?|\\])" "\\\\\\1" sysroot_regex "${sysroot}")
    agtest_assert_match("${log_text}" "${sysroot_regex}/usr/bin/atomicgen run [^\n]*Modules/clinic/_abc\\.c\\.h"
      "${label}: the clinic step ran through the packaged helper (find_package found the sysroot's AtomicGen)")
    if(KIND STREQUAL "deb-cross")
      agtest_assert_match("${log_text}" "-DCMAKE_SYSTEM_PROCESSOR=aarch64 [^\n]*-DCMAKE_C_COMPILER=aarch64-linux-gnu-gcc"
        "${label}: dh_auto_configure cross-compiled with aarch64-linux-gnu-gcc")
      agtest_assert_match("${log_text}" "atomicgen run [^\n]*debian/build-native/_freeze_module Python/frozen\\.h"
        "${label}: regen-importlib ran the native _freeze_module (debian/build-native)")
    endif()
  else()
    agtest_assert_no_match("${log_text}" "atomicgen run |clinic\\.py |generate_opcode_h\\.py "
      "${label}: keep ran no generator")
  endif()
  if(tests STREQUAL "ran")
    agtest_assert_match("${log_text}" "100% tests passed, 0 tests failed out of 3"
      "${label}: the project's three tests ran and passed")
  else()
    agtest_assert_no_match("${log_text}" "Test #" "${label}: no test ran")
  endif()
endfunction()

# internal: fail if any file under <root> holds one of the directories in ARGN.
function(_templates_check_no_paths root label)
  file(GLOB_RECURSE files "${root}/*")
  foreach(file IN LISTS files)
    foreach(path IN LISTS ARGN)
      string(REGEX REPLACE "([][+.*()^$?|\\])" "\\\\\\1" path_regex "${path}")
      file(STRINGS "${file}" hits REGEX "${path_regex}")
      if(NOT hits STREQUAL "")
        agtest_fail("${label}: ${file} contains the build path ${path}: ${hits}")
      endif()
    endforeach()
  endforeach()
  list(LENGTH files count)
  agtest_ok("${label}: none of its ${count} files holds a source or build directory")
endfunction()

# internal: the checks of the unpacked package's files.  <source> is the build's source tree
# after the build; <mode> regenerate or keep.
function(_templates_check_contents root source mode label)
  agtest_run(out COMMAND ${program_runner} "${root}/usr/bin/cpython-like" --selftest QUIET)
  list(JOIN program_runner " " runner)
  agtest_assert_match("${out}" ": ok\n" "${label}: ${runner} /usr/bin/cpython-like --selftest passes")
  agtest_run(out COMMAND ${program_runner} "${root}/usr/bin/cpython-like" -c "2 + 3 * -4 // 5" QUIET)
  agtest_assert_equal("${out}" "-1\n" "${label}: /usr/bin/cpython-like -c \"2 + 3 * -4 // 5\"")
  set(installed "${root}/usr/include/cpython-like/opcode.h")
  file(READ "${installed}" opcode_h)
  if(mode STREQUAL "regenerate")
    agtest_assert_match("${opcode_h}" "#define ${mark_opcode} 8\n"
      "${label}: the packaged opcode.h has the opcode added to Lib/opcode.py")
    agtest_assert_same_file("${installed}" "${source}/Include/opcode.h"
      "${label}: the packaged opcode.h is the one regeneration wrote into the source tree")
  else()
    agtest_assert_no_match("${opcode_h}" "${mark_opcode}"
      "${label}: the packaged opcode.h lacks the opcode added to Lib/opcode.py")
    agtest_assert_same_file("${installed}" "${ATOMICGEN_SOURCE_DIR}/examples/cpython-like/Include/opcode.h"
      "${label}: the packaged opcode.h is the checked-in one")
  endif()
endfunction()

# The three builds: <name> <directory> <mode> <tests>.  The second's directory is deeper and its
# files newer.
set(builds
  "one|${WORK_DIR}/one|regenerate|ran"
  "two|${WORK_DIR}/two/a/longer/path|regenerate|ran"
  "keep|${WORK_DIR}/keep|keep|skipped")
set(build_switches "")
if(KIND STREQUAL "deb-cross")
  # Cross: the two regenerating builds, without tests (the program is for arm64).
  set(builds
    "one|${WORK_DIR}/one|regenerate|skipped"
    "two|${WORK_DIR}/two/a/longer/path|regenerate|skipped")
  set(build_switches -a arm64)
endif()

if(package_kind STREQUAL "deb")
  # 1. The private dpkg database: the system's status, then atomicgen installed with --root.
  set(admindir "${sysroot}/var/lib/dpkg")
  foreach(dir IN ITEMS info updates triggers)
    file(MAKE_DIRECTORY "${admindir}/${dir}")
  endforeach()
  file(COPY_FILE "${system_dpkg_status}" "${admindir}/status")
  file(TOUCH "${admindir}/available")
  file(READ "${system_dpkg_status}" system_status)
  if(system_status MATCHES "\nPackage: atomicgen\n")
    agtest_log("the system has a package atomicgen: the dependency check cannot fail without ours")
  else()
    agtest_run(out COMMAND "${dpkg_checkbuilddeps_program}" "--admindir=${admindir}"
      "${templates}/debian/control" EXPECT_FAIL QUIET)
    agtest_assert_match("${out}" "Unmet build dependencies: [^\n]*atomicgen:native \\(>= 0\\.1\\)"
      "dpkg-checkbuilddeps without atomicgen names it")
  endif()
  if(KIND STREQUAL "deb-cross")
    # The database must know the target's architecture for dpkg-buildpackage -a arm64.
    agtest_run(out COMMAND "${dpkg_program}" "--root=${sysroot}" --force-not-root
      --add-architecture arm64 ANY_RESULT)
    if(NOT out_RESULT EQUAL 0)
      message("AtomicGen packaging test skipped: dpkg --add-architecture arm64 failed in the private database: ${out}")
      return()
    endif()
    agtest_run(out COMMAND "${dpkg_program}" "--root=${sysroot}" --print-foreign-architectures QUIET)
    agtest_assert_match("${out}" "^arm64\n" "the private dpkg database knows arm64")
  endif()
  agtest_run(out COMMAND "${dpkg_program}" "--root=${sysroot}" "--log=${sysroot}/dpkg.log"
    --force-not-root -i "${atomicgen_package}" QUIET)
  agtest_assert_match("${out}" "Setting up atomicgen " "dpkg --root installed ${atomicgen_package}")
  agtest_assert_exists("${sysroot}/usr/bin/atomicgen" "the sysroot has /usr/bin/atomicgen")
  if(KIND STREQUAL "deb-cross")
    # The qualifiers are what a cross build needs: without them dpkg asks for the tools of arm64.
    agtest_run(out COMMAND "${dpkg_checkbuilddeps_program}" -a arm64 "--admindir=${admindir}"
      "${templates}/debian/control" QUIET)
    agtest_ok("dpkg-checkbuilddeps -a arm64 accepts the template's Build-Depends")
    file(READ "${templates}/debian/control" control)
    foreach(qualified IN ITEMS "atomicgen:native" "python3:any")
      string(REGEX REPLACE ":.*" "" bare "${qualified}")
      string(REPLACE "${qualified}" "${bare}" unqualified "${control}")
      if(unqualified STREQUAL control)
        agtest_fail("no ${qualified} in the template's debian/control")
      endif()
      file(WRITE "${WORK_DIR}/control-${bare}" "${unqualified}")
      agtest_run(out COMMAND "${dpkg_checkbuilddeps_program}" -a arm64 "--admindir=${admindir}"
        "${WORK_DIR}/control-${bare}" EXPECT_FAIL QUIET)
      agtest_assert_match("${out}" "Unmet build dependencies: [^\n]*${bare}"
        "dpkg-checkbuilddeps -a arm64 with ${bare} for ${qualified} names ${bare}")
    endforeach()
  endif()

  # 2. The builds.
  foreach(build IN LISTS builds)
    string(REPLACE "|" ";" build "${build}")
    list(GET build 0 name)
    list(GET build 1 dir)
    list(GET build 2 mode)
    list(GET build 3 tests)
    set(source "${dir}/cpython-like-0.1.0")
    _templates_copy_example("${source}")
    file(COPY "${templates}/debian" DESTINATION "${source}")
    if(name STREQUAL "two")
      file(GLOB_RECURSE copied "${source}/*")
      file(TOUCH_NOCREATE ${copied})
    endif()
    set(ENV{CMAKE_PREFIX_PATH} "${sysroot}/usr")
    if(mode STREQUAL "keep")
      set(ENV{DEB_BUILD_OPTIONS} "parallel=16 nocheck")
      set(ENV{DEB_BUILD_PROFILES} "pkg.cpython-like.keep")
    elseif(tests STREQUAL "skipped")
      set(ENV{DEB_BUILD_OPTIONS} "parallel=16 nocheck")
      unset(ENV{DEB_BUILD_PROFILES})
    else()
      set(ENV{DEB_BUILD_OPTIONS} "parallel=16")
      unset(ENV{DEB_BUILD_PROFILES})
    endif()
    agtest_log("build ${name}: DEB_BUILD_OPTIONS=\"$ENV{DEB_BUILD_OPTIONS}\" DEB_BUILD_PROFILES=\"$ENV{DEB_BUILD_PROFILES}\"")
    _templates_build(log_text "${dir}/build.log" WORKING_DIRECTORY "${source}"
      COMMAND "${dpkg_buildpackage_program}" ${build_switches} -b -us -uc "--admindir=${admindir}")
    unset(ENV{CMAKE_PREFIX_PATH})
    _templates_check_log("${log_text}" "build ${name}" ${mode} ${tests})
    file(GLOB debs RELATIVE "${dir}" "${dir}/*.deb")
    list(SORT debs)
    set(${name}_debs "${debs}")
    set(${name}_source "${source}")
  endforeach()
  unset(ENV{DEB_BUILD_OPTIONS})
  unset(ENV{DEB_BUILD_PROFILES})

  # 3. Identical packages, their contents.
  agtest_assert_equal("${one_debs}" "cpython-like-dbgsym_0.1.0-1_${deb_arch}.deb;cpython-like_0.1.0-1_${deb_arch}.deb"
    "build one made the package and its debug symbols")
  agtest_assert_equal("${two_debs}" "${one_debs}" "build two made the same packages")
  foreach(deb IN LISTS one_debs)
    file(SHA256 "${WORK_DIR}/one/${deb}" sha)
    agtest_log("sha256 ${sha} ${deb}")
    execute_process(COMMAND "${CMAKE_COMMAND}" -E compare_files "${WORK_DIR}/one/${deb}"
      "${WORK_DIR}/two/a/longer/path/${deb}" RESULT_VARIABLE differ)
    if(NOT differ EQUAL 0)
      agtest_run(list_a COMMAND "${dpkg_deb_program}" --contents "${WORK_DIR}/one/${deb}")
      agtest_run(list_b COMMAND "${dpkg_deb_program}" --contents "${WORK_DIR}/two/a/longer/path/${deb}")
      agtest_fail("the two ${deb} differ (listings above): the package is not reproducible")
    endif()
    agtest_ok("${deb} of builds one and two are byte-identical")
  endforeach()
  agtest_run(depends COMMAND "${dpkg_deb_program}" --field "${WORK_DIR}/one/cpython-like_0.1.0-1_${deb_arch}.deb" Depends QUIET)
  # Cross-built with the cross toolchain's libc: its shlibs file names libc6:arm64 (debian/rules).
  agtest_assert_match("${depends}" "^libc6(:${deb_arch})? " "the package depends on libc6 (dh_shlibdeps)")
  agtest_run(arch COMMAND "${dpkg_deb_program}" --field "${WORK_DIR}/one/cpython-like_0.1.0-1_${deb_arch}.deb" Architecture QUIET)
  agtest_assert_equal("${arch}" "${deb_arch}\n" "the package is for ${deb_arch}")
  set(unpacked one keep)
  if(KIND STREQUAL "deb-cross")
    set(unpacked one)
  endif()
  foreach(name IN LISTS unpacked)
    set(root "${WORK_DIR}/${name}-root")
    agtest_run(out COMMAND "${dpkg_deb_program}" -x "${WORK_DIR}/${name}/cpython-like_0.1.0-1_${deb_arch}.deb" "${root}" QUIET)
    if(KIND STREQUAL "deb-cross")
      agtest_run(out COMMAND "${file_program}" -b "${root}/usr/bin/cpython-like" QUIET)
      agtest_assert_match("${out}" "^ELF 64-bit [^\n]*ARM aarch64" "file: the packaged program is for ARM aarch64")
    endif()
    if(name STREQUAL "one")
      # With the debug symbols: the compiler's -ffile-prefix-map is what keeps the paths out.
      agtest_run(out COMMAND "${dpkg_deb_program}" -x "${WORK_DIR}/${name}/cpython-like-dbgsym_0.1.0-1_${deb_arch}.deb" "${root}" QUIET)
      _templates_check_no_paths("${root}" "packages of build one (with -dbgsym)" "${WORK_DIR}")
      _templates_check_contents("${root}" "${one_source}" regenerate "package of build one")
    else()
      _templates_check_contents("${root}" "${keep_source}" keep "package of build keep")
    endif()
  endforeach()
else()
  # 1. The private rpm database: the stub of the host's tools, then atomicgen relocated.
  set(dbpath "${WORK_DIR}/rpmdb")
  file(MAKE_DIRECTORY "${dbpath}")
  agtest_run(out COMMAND "${rpm_program}" --dbpath "${dbpath}" --initdb)
  agtest_run(gcc_version COMMAND "${gcc_program}" -dumpfullversion QUIET)
  agtest_run(ninja_version COMMAND "${ninja_program}" --version QUIET)
  agtest_run(python_version COMMAND "${python3_program}" -c "import platform; print(platform.python_version())" QUIET)
  string(STRIP "${gcc_version}" gcc_version)
  string(STRIP "${ninja_version}" ninja_version)
  string(STRIP "${python_version}" python_version)
  file(WRITE "${WORK_DIR}/host/debian-host-tools.spec" "\
Name: debian-host-tools
Version: 1
Release: 1
Summary: What Debian's dpkg has installed, for rpmbuild's BuildRequires
License: none
BuildArch: noarch
Provides: cmake = ${CMAKE_VERSION}
Provides: ninja-build = ${ninja_version}
Provides: gcc = ${gcc_version}
Provides: python3 = ${python_version}
%description
Written by AtomicGen's tests/packaging/CheckTemplates.cmake.
%files
")
  agtest_run(out COMMAND "${rpmbuild_program}" -bb --define "_topdir ${WORK_DIR}/host"
    "${WORK_DIR}/host/debian-host-tools.spec" QUIET)
  file(GLOB host_rpm "${WORK_DIR}/host/RPMS/noarch/debian-host-tools-*.rpm")
  agtest_run(out COMMAND "${rpm_program}" --dbpath "${dbpath}" -i ${host_rpm} QUIET)

  set(rpm_options --dbpath "${dbpath}" "--load=${templates}/rpm/macros.cmake"
    --define "_smp_build_ncpus 16")
  # The dependency check without atomicgen: rpmbuild -bb stops before %prep (-bp checks nothing).
  set(probe "${WORK_DIR}/probe")
  _templates_copy_example("${probe}/cpython-like-0.1.0")
  file(MAKE_DIRECTORY "${probe}/top/SOURCES")
  agtest_run(out COMMAND "${CMAKE_COMMAND}" -E tar czf "${probe}/top/SOURCES/cpython-like-0.1.0.tar.gz"
    cpython-like-0.1.0 WORKING_DIRECTORY "${probe}" QUIET)
  agtest_run(out COMMAND "${rpmbuild_program}" -bb ${rpm_options} --define "_topdir ${probe}/top"
    "${templates}/rpm/cpython-like.spec" EXPECT_FAIL QUIET)
  agtest_assert_match("${out}" "Failed build dependencies:\n[^\n]*atomicgen >= 0\\.1 is needed"
    "rpmbuild without atomicgen in its database names it")
  agtest_assert_no_match("${out}" "cmake >= 3\\.25 is needed|ninja-build is needed|gcc is needed|python3 is needed"
    "rpmbuild finds the other BuildRequires (the stub of Debian's tools)")
  agtest_run(out COMMAND "${rpm_program}" --dbpath "${dbpath}" -i --relocate "/usr=${sysroot}/usr"
    "${atomicgen_package}" QUIET)
  agtest_assert_exists("${sysroot}/usr/bin/atomicgen" "rpm --dbpath installed atomicgen into the sysroot")

  # 2. The builds: each copy packed as the spec's Source0, its own _topdir.
  foreach(build IN LISTS builds)
    string(REPLACE "|" ";" build "${build}")
    list(GET build 0 name)
    list(GET build 1 dir)
    list(GET build 2 mode)
    list(GET build 3 tests)
    _templates_copy_example("${dir}/cpython-like-0.1.0")
    if(name STREQUAL "two")
      file(GLOB_RECURSE copied "${dir}/cpython-like-0.1.0/*")
      file(TOUCH_NOCREATE ${copied})
    endif()
    file(MAKE_DIRECTORY "${dir}/top/SOURCES")
    agtest_run(out COMMAND "${CMAKE_COMMAND}" -E tar czf "${dir}/top/SOURCES/cpython-like-0.1.0.tar.gz"
      cpython-like-0.1.0 WORKING_DIRECTORY "${dir}" QUIET)
    # --noclean: keep the built source tree (rpmbuild removes it), to compare its opcode.h.
    set(switches --noclean)
    if(mode STREQUAL "keep")
      list(APPEND switches --without regenerate --nocheck)
    endif()
    set(ENV{CMAKE_PREFIX_PATH} "${sysroot}/usr")
    _templates_build(log_text "${dir}/build.log" WORKING_DIRECTORY "${dir}"
      COMMAND "${rpmbuild_program}" -bb ${rpm_options} --define "_topdir ${dir}/top" ${switches}
        "${templates}/rpm/cpython-like.spec")
    unset(ENV{CMAKE_PREFIX_PATH})
    _templates_check_log("${log_text}" "build ${name}" ${mode} ${tests})
    file(GLOB rpms RELATIVE "${dir}/top/RPMS" "${dir}/top/RPMS/*/*.rpm")
    set(${name}_rpms "${rpms}")
    set(${name}_rpm_dir "${dir}/top/RPMS")
    set(${name}_source "${dir}/top/BUILD/cpython-like-0.1.0")
  endforeach()

  # 3. Identical packages, their contents.
  agtest_assert_match("${one_rpms}" "^[^/;]+/cpython-like-0\\.1\\.0-1\\.[^;]+\\.rpm$" "build one made one package")
  agtest_assert_equal("${two_rpms}" "${one_rpms}" "build two made the same package")
  file(SHA256 "${one_rpm_dir}/${one_rpms}" sha)
  agtest_log("sha256 ${sha} ${one_rpms}")
  execute_process(COMMAND "${CMAKE_COMMAND}" -E compare_files "${one_rpm_dir}/${one_rpms}"
    "${two_rpm_dir}/${two_rpms}" RESULT_VARIABLE differ)
  if(NOT differ EQUAL 0)
    foreach(name IN ITEMS one two)
      agtest_run(list COMMAND "${rpm_program}" -qp --qf
        "%{BUILDTIME} %{BUILDHOST}\n[%{FILEMTIMES} %{FILEDIGESTS} %{FILENAMES}\n]" "${${name}_rpm_dir}/${${name}_rpms}")
    endforeach()
    agtest_fail("the two ${one_rpms} differ (listings above): the package is not reproducible")
  endif()
  agtest_ok("${one_rpms} of builds one and two are byte-identical")
  foreach(name IN ITEMS one keep)
    set(root "${WORK_DIR}/${name}-root")
    file(MAKE_DIRECTORY "${root}")
    execute_process(COMMAND "${rpm2cpio_program}" "${${name}_rpm_dir}/${${name}_rpms}"
      OUTPUT_FILE "${WORK_DIR}/${name}.cpio" RESULT_VARIABLE result)
    if(NOT result EQUAL 0)
      agtest_fail("rpm2cpio ${${name}_rpms} failed (${result})")
    endif()
    agtest_run(out COMMAND "${CMAKE_COMMAND}" -E tar xf "${WORK_DIR}/${name}.cpio" WORKING_DIRECTORY "${root}" QUIET)
    if(name STREQUAL "one")
      _templates_check_no_paths("${root}" "package of build one" "${WORK_DIR}")
      _templates_check_contents("${root}" "${one_source}" regenerate "package of build one")
    else()
      _templates_check_contents("${root}" "${keep_source}" keep "package of build keep")
    endif()
  endforeach()
endif()

_templates_system_state(system_after)
if(NOT system_after STREQUAL system_before)
  agtest_fail("the system's package databases changed:\nbefore:\n${system_before}\nafter:\n${system_after}")
endif()
agtest_ok("the system's dpkg status and rpm database are unchanged")
string(TIMESTAMP now "%s")
math(EXPR seconds "${now} - ${start}")
get_property(checks GLOBAL PROPERTY _AGTEST_CHECKS)
agtest_log("PASSED: ${checks} checks in ${seconds} s")
