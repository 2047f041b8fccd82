# AtomicGen: distributed under the terms of the LICENSE file at the top of the AtomicGen repository.
# internal to AtomicGen.cmake: the pieces of one add_generated_source() call's graph that need a
# function of their own: DEPENDS on other calls, the OWNER and GROUP targets, and Make's recovery
# of a deleted output.

include_guard(GLOBAL)

# internal: add_generated_source(<name>)'s DEPENDS entries <depends>..., with every entry naming an
# earlier call (its name, or one of its outputs) replaced by what that call's custom command
# changes, so that this generator re-runs exactly when an output of the other one changed, and
# never before the other one ran.  <owner> owns this call.  Sets <out_var> to the result.  Entries
# naming nothing known yet are kept and recorded: at the end of configuration, a later call that
# turns out to be named stops configuration (_atomicgen_check_later_depends()).
function(_atomicgen_resolve_depends name owner out_var)
  set(depends "")
  set(upstreams "")
  foreach(dep IN LISTS ARGN)
    # The spellings the entry may stand for: a name, or a path (relative ones are looked up in the
    # source directory, then in the binary directory, as add_custom_command() does).
    if(dep MATCHES "\\$<")
      list(APPEND depends "${dep}")
      continue()
    endif()
    set(candidates "")
    get_property(is_name GLOBAL PROPERTY "_ATOMICGEN_${dep}_OWNER" SET)
    if(is_name)
      set(candidates "${dep}")
    elseif(IS_ABSOLUTE "${dep}")
      cmake_path(NORMAL_PATH dep OUTPUT_VARIABLE candidates)
    else()
      cmake_path(ABSOLUTE_PATH dep BASE_DIRECTORY "${CMAKE_CURRENT_SOURCE_DIR}" NORMALIZE
        OUTPUT_VARIABLE in_source_dir)
      cmake_path(ABSOLUTE_PATH dep BASE_DIRECTORY "${CMAKE_CURRENT_BINARY_DIR}" NORMALIZE
        OUTPUT_VARIABLE in_binary_dir)
      set(candidates "${dep}" "${in_source_dir}" "${in_binary_dir}")
    endif()

    set(upstream "")
    foreach(candidate IN LISTS candidates)
      get_property(output_owner GLOBAL PROPERTY "_ATOMICGEN_OUTPUT_OWNER:${candidate}")
      get_property(is_name GLOBAL PROPERTY "_ATOMICGEN_${candidate}_OWNER" SET)
      if(DEFINED output_owner)
        set(upstream "${output_owner}")
        break()
      elseif(is_name)
        set(upstream "${candidate}")
        break()
      endif()
    endforeach()

    if(upstream STREQUAL "")
      list(APPEND depends "${dep}")
      foreach(candidate IN LISTS candidates)
        set_property(GLOBAL APPEND PROPERTY _ATOMICGEN_UNRESOLVED_CALLERS "${name}")
        set_property(GLOBAL APPEND PROPERTY _ATOMICGEN_UNRESOLVED_ENTRIES "${candidate}")
        set_property(GLOBAL APPEND PROPERTY _ATOMICGEN_UNRESOLVED_SPELLINGS "${dep}")
      endforeach()
      continue()
    endif()
    if(upstream STREQUAL name)
      list(APPEND CMAKE_MESSAGE_CONTEXT atomicgen)
      message(FATAL_ERROR
        "add_generated_source(${name}): DEPENDS \"${dep}\" is an OUTPUT of this same call: a "
        "generator cannot depend on its own output")
    endif()
    if(upstream IN_LIST upstreams)
      continue()
    endif()
    list(APPEND upstreams "${upstream}")
    _atomicgen_upstream_edges("${upstream}" "${owner}" edges)
    list(APPEND depends ${edges})
  endforeach()
  set(${out_var} "${depends}" PARENT_SCOPE)
endfunction()

# internal: set <out_var> to what a call owned by <owner> depends on to follow the earlier call
# <upstream>.
function(_atomicgen_upstream_edges upstream owner out_var)
  get_property(upstream_owner GLOBAL PROPERTY "_ATOMICGEN_${upstream}_OWNER")
  get_property(build_tree_outputs GLOBAL PROPERTY "_ATOMICGEN_${upstream}_BUILD_TREE_OUTPUTS")
  get_property(done_stamp GLOBAL PROPERTY "_ATOMICGEN_${upstream}_DONE_STAMP")
  get_property(changed_stamp GLOBAL PROPERTY "_ATOMICGEN_${upstream}_CHANGED_STAMP")
  set(edges "")
  if(CMAKE_GENERATOR MATCHES "^Ninja")
    # Ninja knows each of these files as an output of the other call's edge, and restats it: this
    # generator re-runs only when one of them changed.
    list(APPEND edges ${build_tree_outputs} ${changed_stamp})
    if(NOT upstream_owner STREQUAL owner)
      list(APPEND edges "${upstream_owner}")
    endif()
  elseif(upstream_owner STREQUAL owner)
    # The same Make target: only the done stamp has a rule there (so with Make this generator
    # re-runs whenever the other one ran).
    list(APPEND edges "${done_stamp}")
  elseif(changed_stamp STREQUAL "")
    # Another Make target, complete before this one starts: its build-tree outputs are byproducts
    # (Make has no rule for them), which exist by then and keep their times when unchanged.
    list(APPEND edges "${upstream_owner}" ${build_tree_outputs})
  else()
    list(APPEND edges "${upstream_owner}" "${changed_stamp}")
  endif()
  set(${out_var} "${edges}" PARENT_SCOPE)
endfunction()

# internal: the custom target <owner> of OWNER, created by the first call naming it; its commands
# are added at the end of configuration, in one target_sources().
function(_atomicgen_create_owner owner)
  set_property(GLOBAL PROPERTY "_ATOMICGEN_OWNER_${owner}_DIR" "${CMAKE_CURRENT_BINARY_DIR}")
  set_property(GLOBAL APPEND PROPERTY _ATOMICGEN_OWNERS "${owner}")
  set(recover_missing "")
  if(CMAKE_GENERATOR MATCHES "Makefiles")
    # Make cannot see a deleted byproduct (it has no rule): one shell script per owner re-runs
    # the generators whose outputs are missing (written at the end of configuration).
    set(recover_missing
      COMMAND sh "${CMAKE_CURRENT_BINARY_DIR}/CMakeFiles/${owner}.atomicgen-missing.sh" VERBATIM)
  endif()
  add_custom_target("${owner}" ${recover_missing})
endfunction()

# internal: with Make, add to <owner>'s script the line that re-runs a generator when one of its
# outputs is missing: `check <output>... -- <working directory> <helper arguments>...`, each word in
# single quotes.  <outputs_var> and <arguments_var> name list variables.
function(_atomicgen_add_recovery_line owner outputs_var working_directory arguments_var)
  # A quote in a word is written '\''.  An escaped semicolon of COMMAND is a semicolon of its
  # argument: list() commands split at escaped semicolons too, so they hide behind a control
  # character meanwhile.
  string(ASCII 1 semicolon)
  string(REPLACE "\\;" "${semicolon}" words
    "${${outputs_var}};--;${working_directory};${${arguments_var}}")
  list(TRANSFORM words REPLACE "'" "'\\\\''")
  list(JOIN words "' '" line)
  string(REPLACE "${semicolon}" ";" line "${line}")
  set_property(GLOBAL APPEND_STRING PROPERTY "_ATOMICGEN_OWNER_${owner}_SCRIPT" "check '${line}'\n")
endfunction()

# internal: make the custom target <group> (created on first use) build <owner>, once.
function(_atomicgen_add_to_group group owner)
  if(NOT TARGET "${group}")
    add_custom_target("${group}")
  endif()
  _atomicgen_add_dependency_once("${group}" "${owner}")
endfunction()

# internal: add_dependencies(<target> <dependency>), once per pair (a consumer of a thousand calls
# of one OWNER, or a GROUP of them, gets one edge).
function(_atomicgen_add_dependency_once target dependency)
  get_property(added GLOBAL PROPERTY "_ATOMICGEN_TARGET_${target}_AFTER_${dependency}" SET)
  if(NOT added)
    set_property(GLOBAL PROPERTY "_ATOMICGEN_TARGET_${target}_AFTER_${dependency}" TRUE)
    add_dependencies("${target}" "${dependency}")
  endif()
endfunction()

# internal: record that <consumer> reads the outputs of <name>; <origin> says who asked, for
# messages ("add_generated_source(gen): CONSUMERS", "target_link_generated_sources(app):").
function(_atomicgen_record_link origin consumer name)
  set_property(GLOBAL APPEND PROPERTY _ATOMICGEN_LINK_ORIGINS "${origin}")
  set_property(GLOBAL APPEND PROPERTY _ATOMICGEN_LINK_CONSUMERS "${consumer}")
  set_property(GLOBAL APPEND PROPERTY _ATOMICGEN_LINK_NAMES "${name}")
endfunction()
