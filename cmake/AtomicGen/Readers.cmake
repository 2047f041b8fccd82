# AtomicGen: distributed under the terms of the LICENSE file at the top of the AtomicGen repository.
# internal to AtomicGen.cmake: the end of configuration (_atomicgen_finalize()).  What concerns
# several add_generated_source() calls was recorded by them and is checked and wired here, in bulk:
# DEPENDS on later calls, directories, the OWNER targets, and every target that reads an output.
#
# A target *reads* a call's outputs when CONSUMERS or target_link_generated_sources() names it,
# when it lists an output among its sources, or when it links a reader (it sees the outputs through
# the reader's usage requirements: a PUBLIC include directory, an INTERFACE library).  Every reader
# is ordered after the call's owning target.  Build-tree outputs are known to the build tool,
# which recompiles exactly what read a changed one.  Source-tree outputs are known to nobody but
# this module:
# - Make runs each target's build in a make process of its own, after the targets it depends on:
#   an object that read a changed source-tree output is out of date by its time, and the compiler's
#   dependency information (compiler_depend.make) names the file.  Nothing more is needed.
# - Ninja decides what is out of date when it starts, before any generator ran.  Each source-tree
#   output has a stamp of its own, touched when it changed (a byproduct of the generator's command,
#   so Ninja restats it), and every reader compiles through the launcher `atomicgen compile`,
#   which adds to the object's depfile the stamps of the source-tree outputs the object read.
#   Ninja then knows that the object depends on the stamp: it recompiles exactly the objects that
#   read a changed output, in the same build.  Where the compiler writes no GCC-style depfile (or a
#   reader has no compiled sources of such a language), every object of the reader depends on the
#   call's changed stamp instead (coarse, but never stale).

include_guard(GLOBAL)

function(_atomicgen_finalize)
  list(APPEND CMAKE_MESSAGE_CONTEXT atomicgen)
  _atomicgen_check_later_depends()
  _atomicgen_make_directories()
  _atomicgen_complete_owners()

  _atomicgen_all_targets("${CMAKE_SOURCE_DIR}" targets)
  _atomicgen_order_links()
  _atomicgen_order_listing_targets("${targets}")
  _atomicgen_order_linkers("${targets}")
  _atomicgen_recompile_readers()
  _atomicgen_add_verify_target()
  # What atomicgen_add_audit_test() checks the built tree against (Audit.cmake).
  get_property(audited GLOBAL PROPERTY _ATOMICGEN_AUDIT_RECORD)
  if(audited)
    _atomicgen_write_audit_record()
  endif()
endfunction()

# internal: a DEPENDS entry that named nothing known when its call was made must not name a later
# call: that call would not be followed (declare it first).
function(_atomicgen_check_later_depends)
  get_property(callers GLOBAL PROPERTY _ATOMICGEN_UNRESOLVED_CALLERS)
  get_property(entries GLOBAL PROPERTY _ATOMICGEN_UNRESOLVED_ENTRIES)
  get_property(spellings GLOBAL PROPERTY _ATOMICGEN_UNRESOLVED_SPELLINGS)
  foreach(caller entry spelling IN ZIP_LISTS callers entries spellings)
    get_property(owner GLOBAL PROPERTY "_ATOMICGEN_OUTPUT_OWNER:${entry}")
    get_property(is_name GLOBAL PROPERTY "_ATOMICGEN_${entry}_OWNER" SET)
    if(is_name)
      set(owner "${entry}")
    endif()
    if(DEFINED owner)
      message(FATAL_ERROR
        "add_generated_source(${caller}): DEPENDS \"${spelling}\" refers to "
        "add_generated_source(${owner}), which is declared after it: declare "
        "add_generated_source(${owner}) first")
    endif()
  endforeach()
endfunction()

# internal: create the directories the helper writes into: those of build-tree outputs, and
# working directories in the build tree.
function(_atomicgen_make_directories)
  get_property(names GLOBAL PROPERTY _ATOMICGEN_CALLS)
  set(directories "")
  foreach(name IN LISTS names)
    get_property(outputs GLOBAL PROPERTY "_ATOMICGEN_${name}_BUILD_TREE_OUTPUTS")
    foreach(output IN LISTS outputs)
      cmake_path(GET output PARENT_PATH directory)
      list(APPEND directories "${directory}")
    endforeach()
    get_property(working_directory GLOBAL PROPERTY "_ATOMICGEN_${name}_WORKING_DIRECTORY")
    cmake_path(IS_PREFIX CMAKE_BINARY_DIR "${working_directory}" in_build_tree)
    if(in_build_tree)
      list(APPEND directories "${working_directory}")
    endif()
  endforeach()
  if(NOT directories STREQUAL "")
    list(REMOVE_DUPLICATES directories)
    file(MAKE_DIRECTORY ${directories})
  endif()
endfunction()

# internal: give each OWNER target its commands, and with Make its script that re-runs the
# generators whose outputs are missing.
function(_atomicgen_complete_owners)
  get_property(owners GLOBAL PROPERTY _ATOMICGEN_OWNERS)
  foreach(owner IN LISTS owners)
    get_property(produces GLOBAL PROPERTY "_ATOMICGEN_OWNER_${owner}_PRODUCES")
    target_sources("${owner}" PRIVATE ${produces})
    if(NOT CMAKE_GENERATOR MATCHES "Makefiles")
      continue()
    endif()
    get_property(owner_dir GLOBAL PROPERTY "_ATOMICGEN_OWNER_${owner}_DIR")
    get_property(lines GLOBAL PROPERTY "_ATOMICGEN_OWNER_${owner}_SCRIPT")
    string(CONCAT text [[
# Generated by AtomicGen: re-run the generators of this owner whose outputs are missing.
# check <output>... -- <directory> <helper arguments>...
atomicgen='$<TARGET_FILE:AtomicGen::atomicgen>'
check() {
  missing=
  while [ "$1" != -- ]; do
    [ -e "$1" ] || missing=1
    shift
  done
  [ -n "$missing" ] || return 0
  shift
  (cd "$1" && shift && exec "$atomicgen" "$@") || exit $?
}
]] "${lines}")
    file(GENERATE OUTPUT "${owner_dir}/CMakeFiles/${owner}.atomicgen-missing.sh" CONTENT "${text}")
  endforeach()
endfunction()

# internal: every target defined in <directory> and the directories below it.
function(_atomicgen_all_targets directory out_var)
  get_property(targets DIRECTORY "${directory}" PROPERTY BUILDSYSTEM_TARGETS)
  get_property(subdirectories DIRECTORY "${directory}" PROPERTY SUBDIRECTORIES)
  foreach(subdirectory IN LISTS subdirectories)
    _atomicgen_all_targets("${subdirectory}" below)
    list(APPEND targets ${below})
  endforeach()
  set(${out_var} ${targets} PARENT_SCOPE)
endfunction()

# internal: <target> reads the outputs of the call <name>: order it after the call's owning target
# (once per owner) and record it for _atomicgen_recompile_readers().
function(_atomicgen_add_reader target name)
  get_property(owner GLOBAL PROPERTY "_ATOMICGEN_${name}_OWNER")
  if(target STREQUAL owner)
    return()
  endif()
  get_property(known GLOBAL PROPERTY "_ATOMICGEN_TARGET_${target}_READS_${name}" SET)
  if(known)
    return()
  endif()
  set_property(GLOBAL PROPERTY "_ATOMICGEN_TARGET_${target}_READS_${name}" TRUE)
  get_property(is_reader GLOBAL PROPERTY "_ATOMICGEN_TARGET_${target}_READS" SET)
  if(NOT is_reader)
    set_property(GLOBAL APPEND PROPERTY _ATOMICGEN_READERS "${target}")
  endif()
  set_property(GLOBAL APPEND PROPERTY "_ATOMICGEN_TARGET_${target}_READS" "${name}")
  _atomicgen_add_dependency_once("${target}" "${owner}")
endfunction()

# internal: the consumers named by CONSUMERS and target_link_generated_sources(): each checked (a
# target, other than the generated source itself; an alias stands for its target), then a reader.
function(_atomicgen_order_links)
  get_property(origins GLOBAL PROPERTY _ATOMICGEN_LINK_ORIGINS)
  get_property(consumers GLOBAL PROPERTY _ATOMICGEN_LINK_CONSUMERS)
  get_property(names GLOBAL PROPERTY _ATOMICGEN_LINK_NAMES)
  foreach(origin consumer name IN ZIP_LISTS origins consumers names)
    get_property(owner GLOBAL PROPERTY "_ATOMICGEN_${name}_OWNER")
    if(NOT DEFINED owner)
      message(FATAL_ERROR "${origin} \"${name}\" is not a name declared by add_generated_source()")
    endif()
    set(shown "${origin} \"${consumer}\"")
    if(consumer STREQUAL "")
      message(FATAL_ERROR "${shown} is empty")
    endif()
    if(NOT TARGET "${consumer}")
      message(FATAL_ERROR "${shown} is not a target")
    endif()
    get_target_property(target "${consumer}" ALIASED_TARGET)
    if(NOT target)
      set(target "${consumer}")
    endif()
    if(target STREQUAL owner OR target STREQUAL name)
      message(FATAL_ERROR "${shown} is the generated source itself")
    endif()
    _atomicgen_add_reader("${target}" "${name}")
  endforeach()
endfunction()

# internal: a target that lists an output among its sources reads it, whether CONSUMERS names it or
# not.  (Ninja knows every build-tree output and would order it anyway; Make knows one only in
# its owner's makefile and stops with "No rule to make target": the two tools must agree.)  A
# relative source is looked up in the target's source and binary directories, as CMake does.
function(_atomicgen_order_listing_targets targets)
  foreach(target IN LISTS targets)
    get_target_property(sources "${target}" SOURCES)
    if(NOT sources)
      continue()
    endif()
    get_target_property(source_dir "${target}" SOURCE_DIR)
    get_target_property(binary_dir "${target}" BINARY_DIR)
    foreach(source IN LISTS sources)
      if(source MATCHES "\\$<")
        continue()
      endif()
      set(bases "${source_dir}" "${binary_dir}")
      if(IS_ABSOLUTE "${source}")
        set(bases "/")
      endif()
      foreach(base IN LISTS bases)
        cmake_path(ABSOLUTE_PATH source BASE_DIRECTORY "${base}" NORMALIZE OUTPUT_VARIABLE path)
        get_property(name GLOBAL PROPERTY "_ATOMICGEN_OUTPUT_OWNER:${path}")
        if(NOT DEFINED name)
          continue()
        endif()
        # Known as generated in the target's directory too: with CMP0118 OLD (a project at
        # cmake_minimum_required(VERSION 3.19) or older) GENERATED is seen only in the directory
        # that set it, and a build-tree output does not exist when configuring.
        cmake_path(IS_PREFIX CMAKE_BINARY_DIR "${path}" in_build_tree)
        if(in_build_tree)
          set_property(SOURCE "${path}" TARGET_DIRECTORY "${target}" PROPERTY GENERATED TRUE)
        endif()
        _atomicgen_add_reader("${target}" "${name}")
      endforeach()
    endforeach()
  endforeach()
endfunction()

# internal: a target that links a reader sees the outputs through the reader's usage requirements
# (a PUBLIC include directory, an INTERFACE library): it reads them too.
function(_atomicgen_order_linkers targets)
  foreach(target IN LISTS targets)
    _atomicgen_linked_targets("${target}" linked)
    foreach(library IN LISTS linked)
      get_property(names GLOBAL PROPERTY "_ATOMICGEN_TARGET_${library}_READS")
      foreach(name IN LISTS names)
        _atomicgen_add_reader("${target}" "${name}")
      endforeach()
    endforeach()
  endforeach()
endfunction()

# internal: the targets whose usage requirements <target> gets: those it links, and theirs through
# INTERFACE_LINK_LIBRARIES, transitively (aliases resolved).  Entries with generator expressions
# are not followed: $<LINK_ONLY:...>, a static library's private dependency, links but gives no
# usage requirements.
function(_atomicgen_linked_targets target out_var)
  set(linked "")
  get_target_property(libraries "${target}" LINK_LIBRARIES)
  set(queue "")
  if(libraries)
    set(queue ${libraries})
  endif()
  while(NOT queue STREQUAL "")
    list(POP_FRONT queue library)
    if(library MATCHES "\\$<" OR NOT TARGET "${library}")
      continue()
    endif()
    get_target_property(aliased "${library}" ALIASED_TARGET)
    if(aliased)
      set(library "${aliased}")
    endif()
    if(library IN_LIST linked OR library STREQUAL target)
      continue()
    endif()
    list(APPEND linked "${library}")
    get_target_property(interface "${library}" INTERFACE_LINK_LIBRARIES)
    if(interface)
      list(APPEND queue ${interface})
    endif()
  endwhile()
  set(${out_var} ${linked} PARENT_SCOPE)
endfunction()

# internal: make every reader of source-tree outputs recompile, in the same build, the objects
# that read a changed one (see the top of this file).
function(_atomicgen_recompile_readers)
  if(CMAKE_GENERATOR MATCHES "Makefiles")
    return()
  endif()

  # The languages whose compiler writes a GCC-style depfile (-MF <file>), which the launcher
  # extends.  (MSVC's /showIncludes writes none.)
  set(launched_languages "")
  get_property(languages GLOBAL PROPERTY ENABLED_LANGUAGES)
  foreach(language IN ITEMS C CXX OBJC OBJCXX)
    if(NOT language IN_LIST languages)
      continue()
    endif()
    if("${CMAKE_NINJA_DEPTYPE_${language}}" STREQUAL "msvc")
      continue()
    endif()
    if(NOT "${CMAKE_DEPFILE_FLAGS_${language}}" MATCHES "-MF")
      continue()
    endif()
    list(APPEND launched_languages "${language}")
  endforeach()

  # The stamps of every source-tree output, for the launcher: "<output>\t<stamp>" per line.
  set(map "")
  get_property(names GLOBAL PROPERTY _ATOMICGEN_CALLS)
  foreach(name IN LISTS names)
    get_property(outputs GLOBAL PROPERTY "_ATOMICGEN_${name}_SOURCE_TREE_OUTPUTS")
    get_property(stamps GLOBAL PROPERTY "_ATOMICGEN_${name}_OUTPUT_STAMPS")
    foreach(output stamp IN ZIP_LISTS outputs stamps)
      string(APPEND map "${output}\t${stamp}\n")
    endforeach()
  endforeach()
  if(map STREQUAL "")
    return()
  endif()
  set(map_file "${CMAKE_BINARY_DIR}/CMakeFiles/atomicgen/stamps.map")
  file(GENERATE OUTPUT "${map_file}" CONTENT "${map}")

  set(compiled_types EXECUTABLE STATIC_LIBRARY SHARED_LIBRARY MODULE_LIBRARY OBJECT_LIBRARY)
  get_property(readers GLOBAL PROPERTY _ATOMICGEN_READERS)
  foreach(reader IN LISTS readers)
    set(source_tree_names "")
    get_property(names GLOBAL PROPERTY "_ATOMICGEN_TARGET_${reader}_READS")
    foreach(name IN LISTS names)
      get_property(changed_stamp GLOBAL PROPERTY "_ATOMICGEN_${name}_CHANGED_STAMP")
      if(NOT changed_stamp STREQUAL "")
        list(APPEND source_tree_names "${name}")
      endif()
    endforeach()
    if(source_tree_names STREQUAL "")
      continue()  # build-tree outputs only: the build tool knows them
    endif()
    get_target_property(imported "${reader}" IMPORTED)
    if(imported)
      continue()  # compiled elsewhere
    endif()
    get_target_property(type "${reader}" TYPE)
    if(NOT type IN_LIST compiled_types)
      continue()  # no objects (an INTERFACE library, a custom target): its linkers are readers
    endif()
    _atomicgen_compile_through_launcher("${reader}" "${map_file}" "${launched_languages}"
      all_launched)
    if(NOT all_launched)
      foreach(name IN LISTS source_tree_names)
        get_property(changed_stamp GLOBAL PROPERTY "_ATOMICGEN_${name}_CHANGED_STAMP")
        _atomicgen_depend_on_changed_stamp("${reader}" "${changed_stamp}")
      endforeach()
    endif()
  endforeach()
endfunction()

# internal: compile <target>'s sources of the <languages> through `atomicgen compile --stamps
# <map_file>`, before any launcher it already has (ccache, distcc); set <out_var> to whether every
# language the target compiles is among them.
function(_atomicgen_compile_through_launcher target map_file languages out_var)
  set(all_launched TRUE)
  get_target_property(sources "${target}" SOURCES)
  set(compiled_languages "")
  foreach(source IN LISTS sources)
    if(source MATCHES "\\.(c|i)$")
      list(APPEND compiled_languages C)
    elseif(source MATCHES "\\.(C|M|c\\+\\+|cc|cpp|cxx|mm|mpp|CPP|ixx|cppm|ii)$")
      list(APPEND compiled_languages CXX)
    endif()
  endforeach()
  list(REMOVE_DUPLICATES compiled_languages)
  foreach(language IN LISTS compiled_languages)
    if(NOT language IN_LIST languages)
      set(all_launched FALSE)
    endif()
  endforeach()
  foreach(language IN LISTS languages)
    get_target_property(launcher "${target}" ${language}_COMPILER_LAUNCHER)
    if(NOT launcher)
      set(launcher "")
    endif()
    set_property(TARGET "${target}" PROPERTY ${language}_COMPILER_LAUNCHER
      "$<TARGET_FILE:AtomicGen::atomicgen>" compile --stamps "${map_file}" -- ${launcher})
  endforeach()
  set(${out_var} ${all_launched} PARENT_SCOPE)
endfunction()

# internal: every source of <target> gets <changed_stamp> in its OBJECT_DEPENDS: a change of any
# source-tree output of that call recompiles every object of the target.
function(_atomicgen_depend_on_changed_stamp target changed_stamp)
  get_target_property(sources "${target}" SOURCES)
  get_target_property(source_dir "${target}" SOURCE_DIR)
  set(absolute_sources "")
  foreach(source IN LISTS sources)
    if(source MATCHES "\\$<" OR source STREQUAL "")
      continue()
    endif()
    # Relative names are relative to the target's directory (they then match a source of the
    # build tree as well: CMake compares both candidates).
    cmake_path(ABSOLUTE_PATH source BASE_DIRECTORY "${source_dir}" NORMALIZE OUTPUT_VARIABLE path)
    list(APPEND absolute_sources "${path}")
  endforeach()
  if(NOT absolute_sources STREQUAL "")
    set_property(SOURCE ${absolute_sources} TARGET_DIRECTORY "${target}"
      APPEND PROPERTY OBJECT_DEPENDS "${changed_stamp}")
  endif()
endfunction()
