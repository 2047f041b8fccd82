# AtomicGen: distributed under the terms of the LICENSE file at the top of the AtomicGen repository.
# CPack pre-build script of AtomicGenPackaging.cmake (CPACK_PRE_BUILD_SCRIPTS): run by cpack after
# it has installed the files into its staging directory, before it packs them.  Sets the mtime of
# every staged file and directory to SOURCE_DATE_EPOCH, so that the packages do not carry the
# times at which the sources were checked out and the helper was built.  Does nothing when
# SOURCE_DATE_EPOCH is not set.
if("$ENV{SOURCE_DATE_EPOCH}" STREQUAL "")
  return()
endif()
if(NOT "$ENV{SOURCE_DATE_EPOCH}" MATCHES "^[0-9]+$")
  message(FATAL_ERROR "AtomicGen: SOURCE_DATE_EPOCH=\"$ENV{SOURCE_DATE_EPOCH}\" is not a number of seconds")
endif()
find_program(_ATOMICGEN_TOUCH touch)
if(NOT _ATOMICGEN_TOUCH)
  message(FATAL_ERROR "AtomicGen: no touch to set the staged files' mtimes to SOURCE_DATE_EPOCH")
endif()
foreach(_atomicgen_dir IN LISTS CPACK_TEMPORARY_INSTALL_DIRECTORY)
  file(GLOB_RECURSE _atomicgen_entries LIST_DIRECTORIES true "${_atomicgen_dir}/*")
  list(APPEND _atomicgen_entries "${_atomicgen_dir}")
  execute_process(COMMAND "${_ATOMICGEN_TOUCH}" -h -d "@$ENV{SOURCE_DATE_EPOCH}" ${_atomicgen_entries}
    RESULT_VARIABLE _atomicgen_result)
  if(NOT _atomicgen_result EQUAL 0)
    message(FATAL_ERROR "AtomicGen: touch -d @$ENV{SOURCE_DATE_EPOCH} failed on ${_atomicgen_dir}")
  endif()
endforeach()
