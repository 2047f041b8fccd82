# Compiles and links the helper for Windows with MinGW-w64 (header-only fmt): the Windows layer,
# helper/src/platform_windows.cc is checked by a real compiler and linker.
cmake_minimum_required(VERSION 3.25)
get_filename_component(work "${OUTPUT}" DIRECTORY)
# Only fmt's headers may be visible: the host's /usr/include would shadow MinGW's own headers.
set(fmt_only "${work}/fmt-headers")
file(MAKE_DIRECTORY "${fmt_only}")
foreach(dir IN LISTS FMT_INCLUDE_DIRS)
  if(EXISTS "${dir}/fmt/format.h")
    file(CREATE_LINK "${dir}/fmt" "${fmt_only}/fmt" SYMBOLIC)
    break()
  endif()
endforeach()
file(REMOVE "${OUTPUT}")
execute_process(
  COMMAND "${CXX}" -std=c++17 -O1 -Wall -Wextra -DFMT_HEADER_ONLY "-DATOMICGEN_VERSION=\"windows\""
          "-I${fmt_only}" ${SOURCES} -static -o "${OUTPUT}"
  RESULT_VARIABLE rc ERROR_VARIABLE errors)
if(NOT rc EQUAL 0 OR NOT EXISTS "${OUTPUT}")
  message(FATAL_ERROR "Windows build of the helper failed (${rc}):\n${errors}")
endif()
file(SIZE "${OUTPUT}" size)
message(STATUS "Windows build of the helper: ${OUTPUT} (${size} bytes)")
