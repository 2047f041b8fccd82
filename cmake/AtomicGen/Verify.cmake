# AtomicGen: distributed under the terms of the LICENSE file at the top of the AtomicGen repository.
# internal to AtomicGen.cmake: checked-in outputs (ATOMICGEN_CHECKED_IN_OUTPUTS): the calls whose
# outputs are all in the source tree kept as shipped or verified instead of regenerated, and the
# atomicgen-verify target that verifies them all in any mode.

include_guard(GLOBAL)

# internal: set <out_var> to what add_generated_source(<name>) does with its outputs: regenerate,
# keep or verify.  Only a call whose outputs are all source-tree outputs (checked in) follows
# ATOMICGEN_CHECKED_IN_OUTPUTS; an IN_PLACE one cannot be verified (its generator writes the tree)
# and regenerates then.  keep: every output must exist now.
function(_atomicgen_checked_in_handling name build_tree_outputs source_tree_outputs in_place
    out_var)
  set(handling regenerate)
  if(build_tree_outputs STREQUAL "")
    set_property(GLOBAL PROPERTY "_ATOMICGEN_${name}_CHECKED_IN" TRUE)
    set(handling "${ATOMICGEN_CHECKED_IN_OUTPUTS}")
  endif()
  if(handling STREQUAL "verify" AND in_place)
    set(handling regenerate)
  endif()
  if(handling STREQUAL "keep")
    foreach(output IN LISTS source_tree_outputs)
      if(NOT EXISTS "${output}")
        list(APPEND CMAKE_MESSAGE_CONTEXT atomicgen)
        message(FATAL_ERROR
          "add_generated_source(${name}): OUTPUT \"${output}\" is missing, and "
          "ATOMICGEN_CHECKED_IN_OUTPUTS is keep (shipped files are used as they are)")
      endif()
    endforeach()
  endif()
  set(${out_var} "${handling}" PARENT_SCOPE)
endfunction()

# internal: the custom command of add_generated_source(<name>) when it keeps (<handling> keep) or
# verifies (verify) its checked-in outputs.  It makes <done_stamp>, like a regenerating call, and
# declares the byproducts of <byproducts_var>; the change stamps among them, which it never
# touches, are created now if missing (so that later calls and the compile launcher can depend on
# them), and again by the command when a clean deleted them (else the command and every reader of
# the outputs would run in every later build).  keep runs no generator and depends on nothing;
# verify runs `atomicgen <verify arguments>` (<verify_arguments_var>) with the DEPENDS of
# <depends_var>, in <working_directory>.
function(_atomicgen_add_checked_in_command name handling done_stamp byproducts_var
    verify_arguments_var depends_var working_directory outputs_var)
  cmake_path(GET done_stamp PARENT_PATH stamp_dir)
  file(MAKE_DIRECTORY "${stamp_dir}")
  set(stamps "")
  foreach(byproduct IN LISTS ${byproducts_var})
    cmake_path(IS_PREFIX stamp_dir "${byproduct}" is_stamp)
    if(is_stamp)
      list(APPEND stamps "${byproduct}")
    endif()
    if(is_stamp AND NOT EXISTS "${byproduct}")
      file(TOUCH "${byproduct}")
    endif()
  endforeach()
  set(create_missing_stamps "")
  if(NOT stamps STREQUAL "")
    # One argument, the list's semicolons kept ($<SEMICOLON>: the command is a list itself).
    string(REPLACE ";" "$<SEMICOLON>" stamps "${stamps}")
    set(create_missing_stamps COMMAND "${CMAKE_COMMAND}" "-DSTAMPS=${stamps}"
      -P "${CMAKE_CURRENT_FUNCTION_LIST_DIR}/CreateMissingStamps.cmake")
  endif()
  string(REPLACE "${CMAKE_SOURCE_DIR}/" "" shown "${${outputs_var}}")
  string(REPLACE ";" ", " shown "${shown}")
  if(handling STREQUAL "keep")
    add_custom_command(
      OUTPUT "${done_stamp}"
      BYPRODUCTS ${${byproducts_var}}
      ${create_missing_stamps}
      COMMAND "${CMAKE_COMMAND}" -E touch "${done_stamp}"
      COMMENT "Keeping ${shown} as shipped (ATOMICGEN_CHECKED_IN_OUTPUTS=keep)"
      VERBATIM)
  else()
    add_custom_command(
      OUTPUT "${done_stamp}"
      BYPRODUCTS ${${byproducts_var}}
      ${create_missing_stamps}
      COMMAND AtomicGen::atomicgen ${${verify_arguments_var}}
      COMMAND "${CMAKE_COMMAND}" -E touch "${done_stamp}"
      DEPENDS ${${depends_var}}
      WORKING_DIRECTORY "${working_directory}"
      COMMENT "Verifying ${shown} (atomicgen run --verify)"
      VERBATIM)
  endif()
endfunction()

# internal: record add_generated_source(<name>), a call with checked-in outputs, for the
# atomicgen-verify target: its working directory, the helper's arguments that verify it
# (<verify_arguments_var>) and its DEPENDS (<depends_var>).
function(_atomicgen_record_verify name working_directory verify_arguments_var depends_var)
  set_property(GLOBAL APPEND PROPERTY _ATOMICGEN_VERIFIED_CALLS "${name}")
  set_property(GLOBAL PROPERTY "_ATOMICGEN_${name}_VERIFY_DIRECTORY" "${working_directory}")
  set_property(GLOBAL PROPERTY "_ATOMICGEN_${name}_VERIFY_ARGUMENTS" "${${verify_arguments_var}}")
  set_property(GLOBAL PROPERTY "_ATOMICGEN_${name}_VERIFY_DEPENDS" "${${depends_var}}")
endfunction()

# internal: at the end of configuration, the target atomicgen-verify: one `cmake -P` script that
# verifies every recorded call in turn, prints every diff, and fails if any call is stale.  It
# builds first what the generators need (generator targets, owners of calls with build-tree
# outputs), never the owner of a checked-in call (that would regenerate the tree).
function(_atomicgen_add_verify_target)
  get_property(names GLOBAL PROPERTY _ATOMICGEN_VERIFIED_CALLS)
  if(names STREQUAL "" OR TARGET atomicgen-verify)
    return()
  endif()
  string(CONCAT text [[
# Generated by AtomicGen: verify every call with checked-in outputs (target atomicgen-verify).
set(stale "")
set(failed "")
# internal: run one call's verify (`atomicgen run --verify`) in <directory>; record a stale or failed one.
# The build tool runs a COMMAND through a shell, and CMake passes shell operators through unquoted:
# `< <file>` (CPython's typeslots.py reads its stdin) becomes the INPUT_FILE here; any other
# operator cannot be run without a shell: the call is reported as not verified.
function(_atomicgen_verify_call name directory)
  set(command "")
  set(input_file "")
  set(operator "")
  set(reading_input_file FALSE)
  foreach(argument IN LISTS ARGN)
    if(reading_input_file)
      cmake_path(ABSOLUTE_PATH argument BASE_DIRECTORY "${directory}" OUTPUT_VARIABLE input_file)
      set(reading_input_file FALSE)
    elseif(argument STREQUAL "<")
      set(reading_input_file TRUE)
    elseif(argument MATCHES "^([12]?>>?|[12]>&[12]|<<|&>|[|][|]?|&&)$")
      set(operator "${argument}")
    else()
      list(APPEND command "${argument}")
    endif()
  endforeach()
  if(NOT operator STREQUAL "")
    set(failed ${failed} "${name} (its COMMAND uses the shell operator ${operator})" PARENT_SCOPE)
    return()
  endif()
  set(input "")
  if(NOT input_file STREQUAL "")
    set(input INPUT_FILE "${input_file}")
  endif()
  execute_process(COMMAND ${command} WORKING_DIRECTORY "${directory}" ${input}
    RESULT_VARIABLE result)
  if(result EQUAL 6)
    set(stale ${stale} ${name} PARENT_SCOPE)
  elseif(NOT result EQUAL 0)
    set(failed ${failed} "${name} (${result})" PARENT_SCOPE)
  endif()
endfunction()
]])
  set(checked_in_owners "")
  foreach(name IN LISTS names)
    get_property(owner GLOBAL PROPERTY "_ATOMICGEN_${name}_OWNER")
    list(APPEND checked_in_owners "${owner}")
  endforeach()
  set(needed "")
  foreach(name IN LISTS names)
    get_property(directory GLOBAL PROPERTY "_ATOMICGEN_${name}_VERIFY_DIRECTORY")
    get_property(arguments GLOBAL PROPERTY "_ATOMICGEN_${name}_VERIFY_ARGUMENTS")
    get_property(depends GLOBAL PROPERTY "_ATOMICGEN_${name}_VERIFY_DEPENDS")
    set(line "_atomicgen_verify_call([==[${name}]==] [==[${directory}]==] [==[$<TARGET_FILE:AtomicGen::atomicgen>]==]")
    foreach(argument IN LISTS arguments)
      string(APPEND line " [==[${argument}]==]")
    endforeach()
    string(APPEND text "${line})\n")
    foreach(dependency IN LISTS depends)
      if(NOT TARGET "${dependency}" OR dependency IN_LIST checked_in_owners)
        continue()
      endif()
      get_target_property(imported "${dependency}" IMPORTED)
      if(NOT imported)
        list(APPEND needed "${dependency}")
      endif()
    endforeach()
  endforeach()
  string(APPEND text [[
if(failed)
  message(FATAL_ERROR "atomicgen-verify: could not verify: ${failed}")
endif()
if(stale)
  list(JOIN stale ", " stale)
  message(FATAL_ERROR "atomicgen-verify: stale checked-in outputs (diffs above) of: ${stale}")
endif()
]])
  set(script "${CMAKE_BINARY_DIR}/CMakeFiles/atomicgen-verify-$<CONFIG>.cmake")
  file(GENERATE OUTPUT "${script}" CONTENT "${text}")
  list(LENGTH names count)
  add_custom_target(atomicgen-verify
    COMMAND "${CMAKE_COMMAND}" -P "${script}"
    COMMENT "Verifying the checked-in outputs of ${count} add_generated_source() calls"
    VERBATIM)
  get_property(helper GLOBAL PROPERTY _ATOMICGEN_HELPER_BUILD_TARGET)
  if(helper)
    list(APPEND needed "${helper}")
  endif()
  if(NOT needed STREQUAL "")
    list(REMOVE_DUPLICATES needed)
    add_dependencies(atomicgen-verify ${needed})
  endif()
endfunction()
