# AtomicGen: distributed under the terms of the LICENSE file at the top of the AtomicGen repository.
# internal to AtomicGen.cmake: make the helper available as AtomicGen::atomicgen (see "Loading the
# module" in AtomicGen.cmake).

include_guard(GLOBAL)

# internal: make the helper available as AtomicGen::atomicgen; set <build_var> to true when it must
# be built from ../helper (done at file scope by AtomicGen.cmake: enable_language()).
function(_atomicgen_find_helper build_var)
  set(${build_var} FALSE PARENT_SCOPE)
  list(APPEND CMAKE_MESSAGE_CONTEXT atomicgen)
  set(repository "${CMAKE_CURRENT_FUNCTION_LIST_DIR}/../..")
  cmake_path(NORMAL_PATH repository)
  if(TARGET AtomicGen::atomicgen)
    # An imported target from an installed package is local to the directory that called
    # find_package(); every directory must see the one name.
    get_target_property(imported AtomicGen::atomicgen IMPORTED)
    get_target_property(global AtomicGen::atomicgen IMPORTED_GLOBAL)
    if(imported AND NOT global)
      set_property(TARGET AtomicGen::atomicgen PROPERTY IMPORTED_GLOBAL TRUE)
    endif()
    get_target_property(aliased AtomicGen::atomicgen ALIASED_TARGET)
    if(aliased)
      # Built in this project: the helper's own target orders what runs it.
      set_property(GLOBAL PROPERTY _ATOMICGEN_HELPER_BUILD_TARGET "${aliased}")
    endif()
  elseif(ATOMICGEN_EXECUTABLE)
    _atomicgen_import_helper("${ATOMICGEN_EXECUTABLE}")
  elseif(CMAKE_CROSSCOMPILING AND EXISTS "${repository}/helper/CMakeLists.txt")
    # A helper built with the cross toolchain could not run here: build one for the build host.
    _atomicgen_build_host_helper("${repository}")
  elseif(CMAKE_CROSSCOMPILING)
    # An installed package found for the target system (in its sysroot) ships a helper for that
    # system, and no sources (AtomicGenConfig.cmake did not import it): find one for this host.
    _atomicgen_find_host_helper()
  elseif(EXISTS "${repository}/helper/CMakeLists.txt")
    set(${build_var} TRUE PARENT_SCOPE)
  else()
    unset(ATOMICGEN_EXECUTABLE CACHE)
    find_program(ATOMICGEN_EXECUTABLE atomicgen
      DOC "host-built atomicgen to use instead of building or finding one")
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

# internal: cross-compiling with the repository at hand: a nested native build of it (helper only:
# no tests, no install rules) at build time, as LLVM builds its host tblgen, into
# ${CMAKE_BINARY_DIR}/_atomicgen_host_helper.  AtomicGen::atomicgen is imported from there, and
# _atomicgen_depend_on_helper() orders every target that runs it after the nested build.
function(_atomicgen_build_host_helper repository)
  include(ExternalProject)
  set(binary_dir "${CMAKE_BINARY_DIR}/_atomicgen_host_helper")
  set(generator "${CMAKE_GENERATOR}")
  if(generator STREQUAL "Ninja Multi-Config")
    # One configuration is all the host helper needs, in a path known when configuring.
    set(generator Ninja)
  endif()
  set(helper "${binary_dir}/helper/atomicgen${CMAKE_HOST_EXECUTABLE_SUFFIX}")
  set(configuration -DCMAKE_BUILD_TYPE=Release)
  if(generator MATCHES "Makefiles")
    # $(MAKE): the nested make joins the jobserver of the outer one.
    set(build_command "$(MAKE)")
  elseif(generator MATCHES "Ninja")
    set(build_command "${CMAKE_COMMAND}" --build "${binary_dir}")
  else()
    # Visual Studio, Xcode: multi-configuration generators put the helper in a directory per
    # configuration.
    set(helper "${binary_dir}/helper/Release/atomicgen${CMAKE_HOST_EXECUTABLE_SUFFIX}")
    set(configuration -DCMAKE_CONFIGURATION_TYPES=Release)
    set(build_command "${CMAKE_COMMAND}" --build "${binary_dir}" --config Release)
  endif()
  # The nested configure must see the build host only: no toolchain file, no cross compiler
  # from the environment (CC, CXX and flags are often set for the target in a cross build).
  set(host_environment "${CMAKE_COMMAND}" -E env
    --unset=CMAKE_TOOLCHAIN_FILE --unset=CC --unset=CXX --unset=CFLAGS --unset=CXXFLAGS
    --unset=LDFLAGS --unset=CPPFLAGS --unset=CMAKE_BUILD_TYPE --unset=CMAKE_CONFIGURATION_TYPES)
  set(make_program "")
  if(CMAKE_MAKE_PROGRAM)
    set(make_program "-DCMAKE_MAKE_PROGRAM=${CMAKE_MAKE_PROGRAM}")
  endif()
  ExternalProject_Add(_atomicgen_host_helper
    SOURCE_DIR "${repository}"
    BINARY_DIR "${binary_dir}"
    PREFIX "${binary_dir}/ExternalProject"
    CONFIGURE_COMMAND ${host_environment}
      "${CMAKE_COMMAND}" -S "${repository}" -B "${binary_dir}" -G "${generator}"
      ${make_program}
      ${configuration}
      -DBUILD_TESTING=OFF
      -DATOMICGEN_BUILD_TESTS=OFF
      -DATOMICGEN_INSTALL=OFF
      ${ATOMICGEN_HOST_CMAKE_ARGS}
    BUILD_COMMAND ${build_command}
    # The nested build decides what is out of date: an edited helper source is rebuilt.
    BUILD_ALWAYS TRUE
    BUILD_BYPRODUCTS "${helper}"
    INSTALL_COMMAND ""
    TEST_COMMAND ""
    EXCLUDE_FROM_ALL TRUE)
  add_executable(AtomicGen::atomicgen IMPORTED GLOBAL)
  set_property(TARGET AtomicGen::atomicgen PROPERTY IMPORTED_LOCATION "${helper}")
  set_property(GLOBAL PROPERTY _ATOMICGEN_HELPER_BUILD_TARGET _atomicgen_host_helper)
  message(STATUS "AtomicGen: cross-compiling: the helper is built for this host in ${binary_dir} "
    "(set ATOMICGEN_EXECUTABLE to use a host-built one instead)")
endfunction()

# internal: find_program() validator: <path> is an atomicgen that runs on this host.
function(_atomicgen_helper_runs result_var path)
  execute_process(COMMAND "${path}" --version
    RESULT_VARIABLE result OUTPUT_VARIABLE output ERROR_QUIET TIMEOUT 10)
  if(NOT result EQUAL 0 OR NOT output MATCHES "^atomicgen")
    set(${result_var} FALSE PARENT_SCOPE)
  endif()
endfunction()

# internal: cross-compiling with an installed package and no helper given: an atomicgen of the
# build host, outside the target's sysroot (CMAKE_FIND_ROOT_PATH), that runs here.
function(_atomicgen_find_host_helper)
  unset(ATOMICGEN_EXECUTABLE CACHE)
  find_program(ATOMICGEN_EXECUTABLE atomicgen
    NO_CMAKE_FIND_ROOT_PATH
    VALIDATOR _atomicgen_helper_runs
    DOC "host-built atomicgen to use instead of building or finding one")
  get_property(package_system GLOBAL PROPERTY _ATOMICGEN_PACKAGE_HELPER_SYSTEM)
  if(NOT ATOMICGEN_EXECUTABLE AND NOT package_system)
    message(FATAL_ERROR
      "AtomicGen: cross-compiling, and no atomicgen that runs on this build host was found: "
      "set ATOMICGEN_EXECUTABLE to a host-built atomicgen, or install AtomicGen for the build "
      "host (its atomicgen on the PATH)")
  endif()
  if(NOT ATOMICGEN_EXECUTABLE)
    message(FATAL_ERROR
      "AtomicGen: cross-compiling, and no atomicgen that runs on this build host was found (the "
      "package found, for ${package_system}, ships a helper for that system and no sources): "
      "set ATOMICGEN_EXECUTABLE to a host-built atomicgen, or install AtomicGen for the build "
      "host (its atomicgen on the PATH)")
  endif()
  _atomicgen_import_helper("${ATOMICGEN_EXECUTABLE}")
endfunction()

# internal: <target> runs the helper: order it after the helper's build when this project builds
# it (a nested host build is an imported target, which adds no dependency by itself).
function(_atomicgen_depend_on_helper target)
  get_property(helper_target GLOBAL PROPERTY _ATOMICGEN_HELPER_BUILD_TARGET)
  if(helper_target)
    add_dependencies("${target}" "${helper_target}")
  endif()
endfunction()
