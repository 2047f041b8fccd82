# AtomicGen: distributed under the terms of the LICENSE file at the top of the AtomicGen repository.
# Install rules and package files of AtomicGen, included by the top-level CMakeLists.txt when
# ATOMICGEN_INSTALL is on.
#
# Installed (relocatable, no absolute path in any file):
#   <bindir>/atomicgen
#   <ATOMICGEN_INSTALL_CMAKEDIR>/AtomicGenConfig.cmake, AtomicGenConfigVersion.cmake,
#     AtomicGenTargets*.cmake (AtomicGen::atomicgen), AtomicGen.cmake (the module) and its
#     internals AtomicGen/*.cmake
# Build tree, for find_package(AtomicGen) with AtomicGen_DIR=<build>/cmake-package without
# installing: the same four files in ${PROJECT_BINARY_DIR}/cmake-package.

include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

# lib/cmake, not CMAKE_INSTALL_LIBDIR/cmake: the package is a build tool whose files are the same
# for every target, and a cross build finds it there.  With the prefix /usr on Debian,
# CMAKE_INSTALL_LIBDIR is lib/x86_64-linux-gnu, which find_package() searches only in a build for
# that architecture (CMAKE_LIBRARY_ARCHITECTURE): a cross build for aarch64 would not find it
# (examples/packaging/README.md, Cross-building).
set(ATOMICGEN_INSTALL_CMAKEDIR "lib/cmake/AtomicGen" CACHE STRING
  "Where to install AtomicGen's CMake package files (relative to CMAKE_INSTALL_PREFIX)")
mark_as_advanced(ATOMICGEN_INSTALL_CMAKEDIR)

set(_ATOMICGEN_BUILD_PACKAGE_DIR "${PROJECT_BINARY_DIR}/cmake-package")

set_target_properties(atomicgen PROPERTIES EXPORT_NAME atomicgen)

install(TARGETS atomicgen EXPORT AtomicGenTargets
  RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}")
install(EXPORT AtomicGenTargets
  NAMESPACE AtomicGen::
  DESTINATION "${ATOMICGEN_INSTALL_CMAKEDIR}")

# The config file: once for the install tree, once for the build tree.
configure_package_config_file(
  "${CMAKE_CURRENT_LIST_DIR}/AtomicGenConfig.cmake.in"
  "${PROJECT_BINARY_DIR}/CMakeFiles/AtomicGenConfig.cmake"
  INSTALL_DESTINATION "${ATOMICGEN_INSTALL_CMAKEDIR}")
configure_package_config_file(
  "${CMAKE_CURRENT_LIST_DIR}/AtomicGenConfig.cmake.in"
  "${_ATOMICGEN_BUILD_PACKAGE_DIR}/AtomicGenConfig.cmake"
  INSTALL_DESTINATION "${_ATOMICGEN_BUILD_PACKAGE_DIR}"
  INSTALL_PREFIX "${PROJECT_BINARY_DIR}")

# The helper runs on the build host whatever the consumer targets: the version check must not
# reject a consumer whose pointer size differs.
write_basic_package_version_file(
  "${_ATOMICGEN_BUILD_PACKAGE_DIR}/AtomicGenConfigVersion.cmake"
  VERSION "${PROJECT_VERSION}"
  COMPATIBILITY SameMajorVersion
  ARCH_INDEPENDENT)

export(EXPORT AtomicGenTargets
  NAMESPACE AtomicGen::
  FILE "${_ATOMICGEN_BUILD_PACKAGE_DIR}/AtomicGenTargets.cmake")
configure_file("${CMAKE_CURRENT_LIST_DIR}/AtomicGen.cmake"
  "${_ATOMICGEN_BUILD_PACKAGE_DIR}/AtomicGen.cmake" COPYONLY)
file(GLOB _ATOMICGEN_INTERNALS RELATIVE "${CMAKE_CURRENT_LIST_DIR}/AtomicGen"
  CONFIGURE_DEPENDS "${CMAKE_CURRENT_LIST_DIR}/AtomicGen/*.cmake")
foreach(_ATOMICGEN_INTERNAL IN LISTS _ATOMICGEN_INTERNALS)
  configure_file("${CMAKE_CURRENT_LIST_DIR}/AtomicGen/${_ATOMICGEN_INTERNAL}"
    "${_ATOMICGEN_BUILD_PACKAGE_DIR}/AtomicGen/${_ATOMICGEN_INTERNAL}" COPYONLY)
endforeach()

install(FILES
  "${PROJECT_BINARY_DIR}/CMakeFiles/AtomicGenConfig.cmake"
  "${_ATOMICGEN_BUILD_PACKAGE_DIR}/AtomicGenConfigVersion.cmake"
  "${CMAKE_CURRENT_LIST_DIR}/AtomicGen.cmake"
  DESTINATION "${ATOMICGEN_INSTALL_CMAKEDIR}")
install(DIRECTORY "${CMAKE_CURRENT_LIST_DIR}/AtomicGen"
  DESTINATION "${ATOMICGEN_INSTALL_CMAKEDIR}"
  FILES_MATCHING PATTERN "*.cmake")
