# AtomicGen: distributed under the terms of the LICENSE file at the top of the AtomicGen repository.
# The test of atomicgen_add_audit_test() (AtomicGen/Audit.cmake): finds, in a built tree, every
# object that read a generated file while nothing orders its target after the file's generator.
#
#   cmake -DBUILD_DIR=<built tree> -DGENERATOR=<CMAKE_GENERATOR> [-DMAKE_PROGRAM=<ninja or make>]
#         -P RunAudit.cmake
#
# Sources of truth:
#   - ${BUILD_DIR}/CMakeFiles/atomicgen/audit.txt (written by _atomicgen_write_audit_record()): the
#     add_generated_source() calls, their outputs, and the target-level dependencies;
#   - Ninja: `ninja -t missingdeps` for every file Ninja knows as generated (its own graph decides
#     what is ordered), and `ninja -t deps` for the source-tree outputs, which Ninja does not know;
#   - Unix Makefiles: the compiler's dependency files, CMakeFiles/<target>.dir/**/*.d.
# Prints one line per problem, then a summary; fails if there is any problem.  With another
# generator it prints "atomicgen audit: cannot audit ..." (the test's SKIP_REGULAR_EXPRESSION).
cmake_minimum_required(VERSION 3.25)

foreach(var IN ITEMS BUILD_DIR GENERATOR)
  if(NOT DEFINED ${var} OR "${${var}}" STREQUAL "")
    message(FATAL_ERROR "RunAudit.cmake: -D${var}=... is required")
  endif()
endforeach()

if(NOT GENERATOR STREQUAL "Ninja" AND NOT GENERATOR STREQUAL "Unix Makefiles")
  message("atomicgen audit: cannot audit a build tree of generator \"${GENERATOR}\" "
    "(Ninja and Unix Makefiles only): skipped")
  return()
endif()
if(NOT DEFINED MAKE_PROGRAM OR MAKE_PROGRAM STREQUAL "")
  set(MAKE_PROGRAM ninja)
endif()

# ---------------------------------------------------------------------------------------------
# The record.  Variables used as maps: generated:<path> = name, owner:<name> = owning target,
# reads:<target> = names it is ordered after directly, after:<target> = its other dependencies.
# ---------------------------------------------------------------------------------------------
set(record_file "${BUILD_DIR}/CMakeFiles/atomicgen/audit.txt")
set(record_lines "")
if(EXISTS "${record_file}")
  file(STRINGS "${record_file}" record_lines REGEX "^[a-z]+\t")
else()
  message("atomicgen audit: no ${record_file}: the project declares no add_generated_source() "
    "(or was configured before the audit existed); only other generators' files are checked")
endif()
set(source_tree_outputs FALSE)
set(call_count 0)
foreach(line IN LISTS record_lines)
  string(REPLACE "\t" ";" fields "${line}")
  list(GET fields 0 kind)
  list(GET fields 1 first)
  list(GET fields 2 second)
  if(kind STREQUAL "call")
    set("owner:${first}" "${second}")
    math(EXPR call_count "${call_count} + 1")
  elseif(kind STREQUAL "output")
    set("generated:${first}" "${second}")
    cmake_path(IS_PREFIX BUILD_DIR "${first}" in_build_tree)
    if(NOT in_build_tree)
      set("source_tree:${first}" TRUE)
      set(source_tree_outputs TRUE)
    endif()
  elseif(kind STREQUAL "reader")
    list(APPEND "reads:${first}" "${second}")
  elseif(kind STREQUAL "after")
    list(APPEND "after:${first}" "${second}")
  endif()
endforeach()

# internal: set <out_var> to TRUE if <target> is ordered after add_generated_source(<name>): it
# depends on the call's owning target, directly or through other targets.
function(_audit_ordered target name out_var)
  set(queue "${target}")
  set(seen "")
  while(NOT queue STREQUAL "")
    list(POP_FRONT queue current)
    if(current IN_LIST seen)
      continue()
    endif()
    list(APPEND seen "${current}")
    if(name IN_LIST "reads:${current}")
      set(${out_var} TRUE PARENT_SCOPE)
      return()
    endif()
    set(var "after:${current}")
    list(APPEND queue ${${var}})
  endwhile()
  set(${out_var} FALSE PARENT_SCOPE)
endfunction()

# internal: set <out_var> to the target of an object path (".../CMakeFiles/<target>.dir/...").
function(_audit_target object out_var)
  if(object MATCHES "(^|/)CMakeFiles/([^/]+)\\.dir/")
    set(${out_var} "${CMAKE_MATCH_2}" PARENT_SCOPE)
  else()
    set(${out_var} "" PARENT_SCOPE)
  endif()
endfunction()

# internal: <file> as shown in messages: relative to the build tree when inside it.
function(_audit_shown file out_var)
  cmake_path(IS_PREFIX BUILD_DIR "${file}" inside)
  if(inside)
    file(RELATIVE_PATH file "${BUILD_DIR}" "${file}")
  endif()
  set(${out_var} "${file}" PARENT_SCOPE)
endfunction()

# Problems: one per target and call (problem:<target>|<name> = files read), one per target and
# file generated elsewhere.
set(problem_keys "")
set(objects_checked 0)

# internal: <object> read <file> (absolute, normalized): record a problem if <file> is an output
# of an add_generated_source() call that <object>'s target is not ordered after.
macro(_audit_check_read object file)
  if(DEFINED "generated:${file}")
    set(_audit_var "generated:${file}")
    set(_audit_name "${${_audit_var}}")
    set(_audit_var "owner:${_audit_name}")
    _audit_target("${object}" _audit_reader)
    if(NOT _audit_reader STREQUAL "" AND NOT _audit_reader STREQUAL "${${_audit_var}}")
      set(_audit_key "${_audit_reader}|${_audit_name}")
      if(NOT DEFINED "ordered:${_audit_key}")
        _audit_ordered("${_audit_reader}" "${_audit_name}" "ordered:${_audit_key}")
      endif()
      set(_audit_var "ordered:${_audit_key}")
      if(NOT ${${_audit_var}} AND NOT "${file}" IN_LIST "problem:${_audit_key}")
        if(NOT DEFINED "problem:${_audit_key}")
          list(APPEND problem_keys "${_audit_key}")
        endif()
        list(APPEND "problem:${_audit_key}" "${file}")
      endif()
    endif()
  endif()
endmacro()

if(GENERATOR STREQUAL "Ninja")
  if(NOT EXISTS "${BUILD_DIR}/.ninja_deps")
    message(FATAL_ERROR "atomicgen audit: ${BUILD_DIR} has no compiler dependency information "
      "(.ninja_deps): build the project first, then run the audit")
  endif()

  # 1. Every file Ninja knows as generated: its graph says whether a path leads from the rule that
  #    generates a file to each object that read it.
  execute_process(COMMAND "${MAKE_PROGRAM}" -C "${BUILD_DIR}" -t missingdeps
    OUTPUT_VARIABLE missing ERROR_VARIABLE missing_error RESULT_VARIABLE missing_result)
  if(missing MATCHES "unknown tool")
    message(FATAL_ERROR "atomicgen audit: ${MAKE_PROGRAM} has no `-t missingdeps` (Ninja 1.11 "
      "or later is needed): ${missing}${missing_error}")
  endif()
  string(REGEX MATCHALL "Missing dep: [^\n]+" missing_lines "${missing}")
  foreach(line IN LISTS missing_lines)
    if(NOT line MATCHES "^Missing dep: (.+) uses (.+) \\(generated by ([^)]+)\\)$")
      message(FATAL_ERROR "atomicgen audit: cannot read ninja's line \"${line}\"")
    endif()
    set(object "${CMAKE_MATCH_1}")
    set(file "${CMAKE_MATCH_2}")
    set(rule "${CMAKE_MATCH_3}")
    cmake_path(ABSOLUTE_PATH file BASE_DIRECTORY "${BUILD_DIR}" NORMALIZE OUTPUT_VARIABLE abs)
    set(var "generated:${abs}")
    if(DEFINED "${var}")
      # An add_generated_source() output: the message names the call and the fix.
      _audit_target("${object}" reader)
      if(reader STREQUAL "")
        set(reader "${object}")
      endif()
      set(key "${reader}|${${var}}")
      if(NOT DEFINED "problem:${key}")
        list(APPEND problem_keys "${key}")
      endif()
      if(NOT abs IN_LIST "problem:${key}")
        list(APPEND "problem:${key}" "${abs}")
      endif()
    else()
      _audit_target("${object}" reader)
      if(reader STREQUAL "")
        set(reader "${object}")
      endif()
      set(key "${reader}|${abs}|${rule}")
      if(NOT DEFINED "foreign:${key}")
        set("foreign:${key}" TRUE)
        list(APPEND problem_keys "foreign:${key}")
      endif()
    endif()
  endforeach()

  # 2. Source-tree outputs: Ninja does not know them as generated; what each object read is in
  #    the deps log ("<object>: #deps ..." then one indented line per input).
  if(source_tree_outputs)
    execute_process(COMMAND "${MAKE_PROGRAM}" -C "${BUILD_DIR}" -t deps
      OUTPUT_VARIABLE deps RESULT_VARIABLE deps_result)
    if(NOT deps_result EQUAL 0)
      message(FATAL_ERROR "atomicgen audit: `${MAKE_PROGRAM} -t deps` failed (${deps_result})")
    endif()
    # Brackets and semicolons would split the lines wrongly: no path of interest has them.
    string(REGEX REPLACE "[][;]" "_" deps "${deps}")
    string(REPLACE "\n" ";" deps "${deps}")
    set(object "")
    foreach(line IN LISTS deps)
      if(line MATCHES "^([^ ].*): #deps ")
        set(object "${CMAKE_MATCH_1}")
        math(EXPR objects_checked "${objects_checked} + 1")
      elseif(line MATCHES "^    (.+)$")
        set(file "${CMAKE_MATCH_1}")
        if(NOT IS_ABSOLUTE "${file}")
          cmake_path(ABSOLUTE_PATH file BASE_DIRECTORY "${BUILD_DIR}" NORMALIZE)
        endif()
        if(DEFINED "source_tree:${file}")
          _audit_check_read("${object}" "${file}")
        endif()
      endif()
    endforeach()
  endif()
else()
  # Unix Makefiles: every CMakeFiles/<target>.dir/**/<object>.d the compiler wrote
  # ("<object>: <input> \<newline> <input> ...").  Relative inputs are relative to the
  # directory of the target's CMakeFiles/, where Make runs the compiler.
  file(GLOB_RECURSE depfiles "${BUILD_DIR}/*.d")
  list(FILTER depfiles INCLUDE REGEX "/CMakeFiles/[^/]+\\.dir/")
  if(depfiles STREQUAL "")
    message(FATAL_ERROR "atomicgen audit: ${BUILD_DIR} has no compiler dependency files "
      "(CMakeFiles/<target>.dir/**/*.d): build the project first, then run the audit")
  endif()
  foreach(depfile IN LISTS depfiles)
    file(RELATIVE_PATH object "${BUILD_DIR}" "${depfile}")
    string(REGEX REPLACE "/CMakeFiles/[^/]+\\.dir/.*$" "" directory "${depfile}")
    file(READ "${depfile}" text)
    string(REGEX REPLACE "[][;]" "_" text "${text}")
    string(ASCII 1 space)
    string(REPLACE "\\ " "${space}" text "${text}")
    string(REPLACE "\\\n" " " text "${text}")
    # The rule's target, up to ": ", is the object.
    string(REGEX REPLACE "^[^\n]*: " "" text "${text}")
    string(REGEX MATCHALL "[^ \t\r\n]+" inputs "${text}")
    math(EXPR objects_checked "${objects_checked} + 1")
    foreach(file IN LISTS inputs)
      string(REPLACE "${space}" " " file "${file}")
      string(REPLACE "$$" "$" file "${file}")
      cmake_path(ABSOLUTE_PATH file BASE_DIRECTORY "${directory}" NORMALIZE)
      _audit_check_read("${object}" "${file}")
    endforeach()
  endforeach()
endif()

# ---------------------------------------------------------------------------------------------
# Report.
# ---------------------------------------------------------------------------------------------
set(problem_count 0)
foreach(key IN LISTS problem_keys)
  math(EXPR problem_count "${problem_count} + 1")
  if(key MATCHES "^foreign:(.*)\\|(.*)\\|(.*)$")
    set(reader "${CMAKE_MATCH_1}")
    _audit_shown("${CMAKE_MATCH_2}" shown)
    message("atomicgen audit: target ${reader} reads ${shown} (generated by ninja rule "
      "${CMAKE_MATCH_3}, not by add_generated_source()) but nothing orders it after the "
      "generator: wire that generator with add_generated_source(<name> OUTPUT ${shown} ... "
      "CONSUMERS ${reader})")
    continue()
  endif()
  string(REGEX MATCH "^(.*)\\|([^|]*)$" key "${key}")
  set(reader "${CMAKE_MATCH_1}")
  set(name "${CMAKE_MATCH_2}")
  set(var "problem:${key}")
  set(files "${${var}}")
  list(LENGTH files file_count)
  list(GET files 0 file)
  _audit_shown("${file}" shown)
  if(file_count GREATER 1)
    math(EXPR more "${file_count} - 1")
    string(APPEND shown " (and ${more} more of its outputs)")
  endif()
  message("atomicgen audit: target ${reader} reads ${shown} (add_generated_source(${name})) but "
    "nothing orders it after the generator: add CONSUMERS ${reader} to "
    "add_generated_source(${name}), or call target_link_generated_sources(${reader} ${name})")
endforeach()

set(summary "${call_count} add_generated_source() calls")
if(GENERATOR STREQUAL "Ninja")
  string(APPEND summary ", ninja -t missingdeps")
endif()
if(objects_checked GREATER 0)
  string(APPEND summary ", ${objects_checked} objects' dependencies")
endif()
if(problem_count EQUAL 0)
  message("atomicgen audit: 0 problems (${summary} checked)")
else()
  message(FATAL_ERROR "atomicgen audit: ${problem_count} problem(s) (${summary} checked)")
endif()
