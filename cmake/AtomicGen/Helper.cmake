# AtomicGen: distributed under the terms of the LICENSE file at the top of the AtomicGen repository.
# internal to AtomicGen.cmake: make the helper available as AtomicGen::atomicgen (see "Loading the
# module" in AtomicGen.cmake).

include_guard(GLOBAL)

# internal: make the helper available as AtomicGen::atomicgen; set <build_var> to true when it must
# be built from ../helper (done at file scope by AtomicGen.cmake: enable_language()).
function(_atomicgen_find_helper build_var)
  set(${build_var} FALSE PARENT_SCOPE)
  list(APPEND CMAKE_MESSAGE_CONTEXT atomicgen)
  if(TARGET AtomicGen::atomicgen)
    # An imported target from an installed package is local to the directory that called
    # find_package(); every directory must see the one name.
    get_target_property(imported AtomicGen::atomicgen IMPORTED)
    get_target_property(global AtomicGen::atomicgen IMPORTED_GLOBAL)
    if(imported AND NOT global)
      set_property(TARGET AtomicGen::atomicgen PROPERTY IMPORTED_GLOBAL TRUE)
    endif()
  elseif(ATOMICGEN_EXECUTABLE)
    _atomicgen_import_helper("${ATOMICGEN_EXECUTABLE}")
  elseif(CMAKE_CROSSCOMPILING)
    message(FATAL_ERROR
      "AtomicGen: cross-compiling needs a helper that runs on the build host: "
      "set ATOMICGEN_EXECUTABLE to a host-built atomicgen")
  elseif(EXISTS "${CMAKE_CURRENT_FUNCTION_LIST_DIR}/../../helper/CMakeLists.txt")
    set(${build_var} TRUE PARENT_SCOPE)
  else()
    unset(ATOMICGEN_EXECUTABLE CACHE)
    find_program(ATOMICGEN_EXECUTABLE atomicgen
      DOC "host-built atomicgen to use, required when cross-compiling")
    if(NOT ATOMICGEN_EXECUTABLE)
      message(FATAL_ERROR
        "AtomicGen: no atomicgen helper found: set ATOMICGEN_EXECUTABLE to a host-built atomicgen, "
        "or put atomicgen on the PATH")
    endif()
    _atomicgen_import_helper("${ATOMICGEN_EXECUTABLE}")
  endif()
  list(POP_BACK CMAKE_MESSAGE_CONTEXT)
endfunction()

# internal: define AtomicGen::atomicgen as an imported executable at the given path.
function(_atomicgen_import_helper path)
  if(NOT IS_ABSOLUTE "${path}" OR NOT EXISTS "${path}" OR IS_DIRECTORY "${path}")
    message(FATAL_ERROR
      "AtomicGen: ATOMICGEN_EXECUTABLE \"${path}\" is not an existing file "
      "(give the absolute path of a host-built atomicgen)")
  endif()
  add_executable(AtomicGen::atomicgen IMPORTED GLOBAL)
  set_property(TARGET AtomicGen::atomicgen PROPERTY IMPORTED_LOCATION "${path}")
endfunction()
