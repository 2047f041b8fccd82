# AtomicGen: distributed under the terms of the LICENSE file at the top of the AtomicGen repository.
# CPack configuration of AtomicGen itself: a .deb and an .rpm of what AtomicGenInstall.cmake
# installs, included by the top-level CMakeLists.txt when AtomicGen is the top-level project and
# ATOMICGEN_INSTALL is on.
#
#   cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF
#   cmake --build build
#   cd build && cpack -G DEB && cpack -G RPM     # atomicgen_<version>_<arch>.deb, .rpm
#
# Reproducible: with SOURCE_DATE_EPOCH set (in cpack's environment, or at configure time, or else
# the commit time of the source tree's git HEAD), two builds of the same sources give the same
# bytes, whatever their directories: the helper is compiled with its directories mapped away
# (helper/CMakeLists.txt), every staged file's mtime is set to SOURCE_DATE_EPOCH before packing
# (AtomicGenPackagingMtimes.cmake), CPack's DEB writer stamps its archives with it, and rpmbuild
# is told to use it as the build time and a fixed build host.  tests/packaging checks all this.

include(GNUInstallDirs)

set(ATOMICGEN_PACKAGE_CONTACT "AtomicGen maintainers <atomicgen@users.noreply.github.com>"
  CACHE STRING "Maintainer (Debian) and packager (RPM) of AtomicGen's packages: Name <address>")
mark_as_advanced(ATOMICGEN_PACKAGE_CONTACT)

# SOURCE_DATE_EPOCH for cpack when its environment has none: the one given at configure time,
# else the commit time of the source tree's HEAD.  Without either, the packages carry the current
# time and are not reproducible.
set(_ATOMICGEN_SOURCE_DATE_EPOCH "$ENV{SOURCE_DATE_EPOCH}")
if(_ATOMICGEN_SOURCE_DATE_EPOCH STREQUAL "")
  find_package(Git QUIET)
  if(Git_FOUND)
    execute_process(COMMAND "${GIT_EXECUTABLE}" log -1 --format=%ct
      WORKING_DIRECTORY "${PROJECT_SOURCE_DIR}"
      OUTPUT_VARIABLE _ATOMICGEN_SOURCE_DATE_EPOCH OUTPUT_STRIP_TRAILING_WHITESPACE
      RESULT_VARIABLE _ATOMICGEN_GIT_RESULT ERROR_QUIET)
    if(NOT _ATOMICGEN_GIT_RESULT EQUAL 0)
      set(_ATOMICGEN_SOURCE_DATE_EPOCH "")
    endif()
  endif()
endif()
if(_ATOMICGEN_SOURCE_DATE_EPOCH STREQUAL "")
  message(STATUS "AtomicGen: no SOURCE_DATE_EPOCH and no git commit: cpack's packages will "
    "carry the time they are made unless SOURCE_DATE_EPOCH is set when cpack runs")
endif()

set(CPACK_PACKAGE_NAME atomicgen)
set(CPACK_PACKAGE_VENDOR "AtomicGen")
set(CPACK_PACKAGE_CONTACT "${ATOMICGEN_PACKAGE_CONTACT}")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_DESCRIPTION
  "add_generated_source(), a CMake module, and atomicgen, its helper, make code generators safe\n"
  "in parallel builds: every generated file is written atomically and only when its content\n"
  "changes, and its readers are ordered after it. find_package(AtomicGen) loads both.")
string(CONCAT CPACK_PACKAGE_DESCRIPTION ${CPACK_PACKAGE_DESCRIPTION})
set(CPACK_RESOURCE_FILE_LICENSE "${PROJECT_SOURCE_DIR}/LICENSE")
set(CPACK_PACKAGING_INSTALL_PREFIX "/usr")
set(CPACK_PACKAGE_DIRECTORY "${PROJECT_BINARY_DIR}/packages")
# The helper is stripped, as distributions ship it.
set(CPACK_STRIP_FILES ON)

# Debian.  Architecture: CPack asks `dpkg --print-architecture`.  Depends: cmake for the module
# (it needs 3.25), and whatever the helper links dynamically as dpkg-shlibdeps finds it: nothing
# for the default fully static helper, libc6 with ATOMICGEN_STATIC_LIBC=OFF, libc6, libgcc-s1 and
# libstdc++6 with ATOMICGEN_STATIC_RUNTIME=OFF (fmt is header-only, never a dependency).
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "cmake (>= 3.25)")
# CPack runs dpkg-shlibdeps (dpkg-dev) on the files `file` says are ELF.
find_program(ATOMICGEN_DPKG_SHLIBDEPS dpkg-shlibdeps)
find_program(ATOMICGEN_FILE file)
mark_as_advanced(ATOMICGEN_DPKG_SHLIBDEPS ATOMICGEN_FILE)
if(ATOMICGEN_DPKG_SHLIBDEPS AND ATOMICGEN_FILE)
  set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
else()
  message(STATUS "AtomicGen: no dpkg-shlibdeps (dpkg-dev) or no file: the .deb will not declare "
    "the shared libraries the helper needs (none when it is linked fully statically)")
endif()

# RPM.  Architecture: CPack asks `uname -m`; rpmbuild adds the helper's shared libraries to
# Requires itself.  The package is relocatable (rpm --prefix), as the install tree is.
set(CPACK_RPM_FILE_NAME RPM-DEFAULT)
set(CPACK_RPM_PACKAGE_LICENSE "BSD-3-Clause")
set(CPACK_RPM_PACKAGE_GROUP "Development/Tools")
set(CPACK_RPM_PACKAGE_REQUIRES "cmake >= 3.25")
set(CPACK_RPM_PACKAGE_DESCRIPTION "${CPACK_PACKAGE_DESCRIPTION}")
set(CPACK_RPM_PACKAGE_RELOCATABLE ON)
# cmake's directories belong to cmake's package, not to ours.
set(CPACK_RPM_EXCLUDE_FROM_AUTO_FILELIST_ADDITION
  "/usr/lib/cmake" "/usr/lib64/cmake" "/usr/${CMAKE_INSTALL_LIBDIR}" "/usr/${CMAKE_INSTALL_LIBDIR}/cmake")
# rpmbuild stamps the package with the build time and host and keeps the files' mtimes: take the
# time from SOURCE_DATE_EPOCH and name no host.  Its post-install steps (strip again, drop .comment
# and .note sections) are off: CPack has stripped the helper, and the .rpm must carry the .deb's
# bytes.
string(CONCAT CPACK_RPM_SPEC_MORE_DEFINE
  "%define __spec_install_post %{nil}\n"
  "%define _buildhost reproducible\n"
  "%define use_source_date_epoch_as_buildtime 1\n"
  "%define clamp_mtime_to_source_date_epoch 1\n"
  "%define _build_id_links none")

# Run by cpack for each generator, in cpack's process: SOURCE_DATE_EPOCH into its environment
# (rpmbuild inherits it), and the staged files' mtimes set to it before packing.
set(CPACK_PROJECT_CONFIG_FILE "${PROJECT_BINARY_DIR}/CMakeFiles/AtomicGenCPackOptions.cmake")
file(CONFIGURE OUTPUT "${CPACK_PROJECT_CONFIG_FILE}" CONTENT [[
# Written by cmake/AtomicGenPackaging.cmake.
if("$ENV{SOURCE_DATE_EPOCH}" STREQUAL "" AND NOT "@_ATOMICGEN_SOURCE_DATE_EPOCH@" STREQUAL "")
  set(ENV{SOURCE_DATE_EPOCH} "@_ATOMICGEN_SOURCE_DATE_EPOCH@")
endif()
]] @ONLY)
set(CPACK_PRE_BUILD_SCRIPTS "${CMAKE_CURRENT_LIST_DIR}/AtomicGenPackagingMtimes.cmake")

include(CPack)
