# Case install (the fixture of the consume-package and consume-relocated tests): `cmake --install`
# of AtomicGen's own build tree into a fresh prefix installs the helper and the package files, and
# no installed text file contains an absolute path of the build tree, the source tree or the
# prefix (the package is relocatable).
file(REMOVE_RECURSE "${INSTALL_PREFIX}")
agtest_run(out COMMAND "${CMAKE_COMMAND}" --install "${ATOMICGEN_BINARY_DIR}" --prefix "${INSTALL_PREFIX}")
agtest_assert_exists("${INSTALL_PREFIX}/bin/atomicgen" "bin/atomicgen installed")
file(GLOB config "${INSTALL_PREFIX}/*/cmake/AtomicGen/AtomicGenConfig.cmake"
  "${INSTALL_PREFIX}/*/*/cmake/AtomicGen/AtomicGenConfig.cmake")
list(LENGTH config count)
agtest_assert_equal("${count}" 1 "AtomicGenConfig.cmake installed under <libdir>/cmake/AtomicGen")
cmake_path(GET config PARENT_PATH package_dir)
foreach(file IN ITEMS AtomicGenConfigVersion.cmake AtomicGenTargets.cmake AtomicGen.cmake)
  agtest_assert_exists("${package_dir}/${file}" "${file} installed next to it")
endforeach()
agtest_run(out COMMAND "${INSTALL_PREFIX}/bin/atomicgen" --version)
agtest_assert_match("${out}" "[0-9]+\\.[0-9]+" "the installed helper runs (--version)")

file(GLOB_RECURSE installed "${INSTALL_PREFIX}/*.cmake")
foreach(file IN LISTS installed)
  file(READ "${file}" content)
  foreach(path IN ITEMS "${INSTALL_PREFIX}" "${ATOMICGEN_BINARY_DIR}" "${ATOMICGEN_SOURCE_DIR}")
    string(FIND "${content}" "${path}" at)
    if(NOT at EQUAL -1)
      agtest_fail("${file} contains the absolute path ${path}: the package is not relocatable")
    endif()
  endforeach()
endforeach()
list(LENGTH installed count)
agtest_ok("none of the ${count} installed .cmake files contains an absolute path of the prefix, "
  "the build tree or the source tree")
