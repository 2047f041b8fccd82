# Case consume, one test per way of loading AtomicGen (MODE):
#   include-executable  include() of a copy of cmake/ alone (no helper sources next to it), with
#                       -DATOMICGEN_EXECUTABLE
#   include-path        the same copy, no ATOMICGEN_EXECUTABLE: atomicgen found on the PATH
#   include-repo        include() of cmake/AtomicGen.cmake in a copy of the whole repository: the
#                       module adds ../helper and builds the helper in _atomicgen_helper/
#   subdirectory        add_subdirectory(<repository>): helper built there; AtomicGen registers
#                       no tests and installs nothing into the consumer's install
#   fetchcontent        FetchContent from a local .tar.gz of the repository (URL, no network)
#   package             find_package(AtomicGen CONFIG) in the installed prefix (fixture
#                       integration.install)
#   relocated           the installed prefix copied elsewhere: everything resolves to the copy,
#                       nothing in the build refers to the original prefix
#   build-tree-package  find_package(AtomicGen CONFIG) with AtomicGen_DIR=<build>/cmake-package
# Each: configure, build, run app (which prints the generated header's value), check which helper
# the build runs, and that a second build runs no generator.

# internal: copy the repository's files a user would vendor (not .git, tests, build trees).
function(copy_repository to)
  file(MAKE_DIRECTORY "${to}")
  file(GLOB entries RELATIVE "${ATOMICGEN_SOURCE_DIR}" "${ATOMICGEN_SOURCE_DIR}/*")
  foreach(entry IN LISTS entries)
    if(entry MATCHES "^(\\.git|tests|build.*|out)$")
      continue()
    endif()
    file(COPY "${ATOMICGEN_SOURCE_DIR}/${entry}" DESTINATION "${to}")
  endforeach()
endfunction()

set(ag_mode "${MODE}")
set(configure_args "")
set(no_helper NO_HELPER)
if(MODE STREQUAL "include-executable" OR MODE STREQUAL "include-path")
  file(COPY "${ATOMICGEN_SOURCE_DIR}/cmake" DESTINATION "${AGTEST_WORK}/vendor")
  agtest_assert_missing("${AGTEST_WORK}/vendor/helper" "the copy of cmake/ has no helper sources next to it")
  set(ag_mode include)
  list(APPEND configure_args "-DAG_MODULE_DIR=${AGTEST_WORK}/vendor/cmake")
  if(MODE STREQUAL "include-executable")
    set(no_helper "")
    set(expected_helper "${ATOMICGEN_EXECUTABLE}")
  else()
    file(COPY "${ATOMICGEN_EXECUTABLE}" DESTINATION "${AGTEST_WORK}/path")
    set(ENV{PATH} "${AGTEST_WORK}/path:$ENV{PATH}")
    set(expected_helper "${AGTEST_WORK}/path/atomicgen")
  endif()
elseif(MODE STREQUAL "include-repo")
  copy_repository("${AGTEST_WORK}/atomicgen")
  set(ag_mode include)
  list(APPEND configure_args "-DAG_MODULE_DIR=${AGTEST_WORK}/atomicgen/cmake")
  set(expected_helper "${AGTEST_BIN}/_atomicgen_helper/atomicgen")
elseif(MODE STREQUAL "subdirectory")
  list(APPEND configure_args "-DAG_REPO=${ATOMICGEN_SOURCE_DIR}")
  set(expected_helper "${AGTEST_BIN}/atomicgen/helper/atomicgen")
elseif(MODE STREQUAL "fetchcontent")
  copy_repository("${AGTEST_WORK}/archive/atomicgen")
  agtest_run(out COMMAND "${CMAKE_COMMAND}" -E tar czf "${AGTEST_WORK}/atomicgen.tar.gz" atomicgen
    WORKING_DIRECTORY "${AGTEST_WORK}/archive")
  list(APPEND configure_args "-DAG_URL=file://${AGTEST_WORK}/atomicgen.tar.gz"
    -DFETCHCONTENT_QUIET=OFF)
  set(expected_helper "${AGTEST_BIN}/_deps/atomicgen-build/helper/atomicgen")
elseif(MODE STREQUAL "package")
  set(ag_mode package)
  list(APPEND configure_args "-DCMAKE_PREFIX_PATH=${INSTALL_PREFIX}")
  set(expected_helper "${INSTALL_PREFIX}/bin/atomicgen")
elseif(MODE STREQUAL "relocated")
  file(COPY "${INSTALL_PREFIX}" DESTINATION "${AGTEST_WORK}/moved")
  cmake_path(GET INSTALL_PREFIX FILENAME prefix_name)
  set(moved "${AGTEST_WORK}/moved/${prefix_name}")
  set(ag_mode package)
  list(APPEND configure_args "-DCMAKE_PREFIX_PATH=${moved}")
  set(expected_helper "${moved}/bin/atomicgen")
elseif(MODE STREQUAL "build-tree-package")
  set(ag_mode package)
  list(APPEND configure_args
    "-DAtomicGen_DIR=${ATOMICGEN_BINARY_DIR}/cmake-package")
  set(expected_helper "${ATOMICGEN_EXECUTABLE}")
else()
  agtest_fail("unknown MODE \"${MODE}\"")
endif()

agtest_configure(${no_helper} ARGS "-DAG_MODE=${ag_mode}" ${configure_args})
agtest_build(out)
file(READ "${AGTEST_BIN}/helper.txt" helper)
agtest_assert_equal("${helper}" "${expected_helper}" "AtomicGen::atomicgen is")
agtest_assert_match("${out}" "atomicgen run|Generating defs\\.h" "the build ran the generator")
if(AGTEST_NINJA)
  file(READ "${AGTEST_BIN}/build.ninja" graph)
else()
  file(READ "${AGTEST_BIN}/CMakeFiles/defs.dir/build.make" graph)
endif()
string(REPLACE "+" "\\+" helper_regex "${expected_helper}")
agtest_assert_match("${graph}" "${helper_regex} run " "the generator's rule runs that helper")
agtest_run(out COMMAND "${AGTEST_BIN}/app")
agtest_assert_match("${out}" "consume: generated" "app runs with the generated header")
agtest_build(out)
agtest_assert_no_match("${out}" "Generating" "a second build runs no generator")

if(ag_mode STREQUAL "package")
  agtest_run(out COMMAND "${CMAKE_CTEST_COMMAND}" -R "^atomicgen\\.audit$" -V
    WORKING_DIRECTORY "${AGTEST_BIN}")
  agtest_assert_match("${out}" "atomicgen audit: 0 problems" "the package's audit test runs and passes")
endif()

if(MODE STREQUAL "subdirectory")
  agtest_run(out COMMAND "${CMAKE_CTEST_COMMAND}" -N WORKING_DIRECTORY "${AGTEST_BIN}")
  agtest_assert_match("${out}" "Total Tests: 0" "add_subdirectory registers none of AtomicGen's tests")
  agtest_run(out COMMAND "${CMAKE_COMMAND}" --install "${AGTEST_BIN}" --prefix "${AGTEST_WORK}/inst")
  file(GLOB_RECURSE installed "${AGTEST_WORK}/inst/*")
  agtest_assert_equal("${installed}" "" "add_subdirectory: the consumer's install has none of AtomicGen's files")
endif()

if(MODE STREQUAL "relocated")
  # Nothing the consumer's build uses names the original prefix.
  file(GLOB_RECURSE build_files "${AGTEST_BIN}/*.ninja" "${AGTEST_BIN}/*.make" "${AGTEST_BIN}/Makefile*"
    "${AGTEST_BIN}/CMakeCache.txt")
  set(hits "")
  foreach(file IN LISTS build_files)
    file(STRINGS "${file}" lines REGEX "${INSTALL_PREFIX}/")
    if(NOT lines STREQUAL "")
      list(APPEND hits "${file}")
    endif()
  endforeach()
  agtest_assert_equal("${hits}" "" "build files naming the original prefix ${INSTALL_PREFIX}")
endif()
