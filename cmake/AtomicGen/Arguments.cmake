# AtomicGen: distributed under the terms of the LICENSE file at the top of the AtomicGen repository.
# internal to AtomicGen.cmake: the checks of add_generated_source()'s arguments.  Every misuse stops
# configuration with one message naming the call, the keyword and the quoted value; the checks run
# in the order of the reference, so a call with several mistakes reports the first one.

include_guard(GLOBAL)

# The keywords of add_generated_source(), as cmake_parse_arguments() takes them.
set_property(GLOBAL PROPERTY _ATOMICGEN_OPTION_KEYWORDS
  ALL STDOUT IN_PLACE READS_OUTPUTS READS_TREE FSYNC)
set_property(GLOBAL PROPERTY _ATOMICGEN_ONE_VALUE_KEYWORDS
  WORKING_DIRECTORY DEPFILE COMMENT JOB_POOL GROUP OWNER OUTPUT_VARIABLE)
set_property(GLOBAL PROPERTY _ATOMICGEN_LIST_KEYWORDS
  OUTPUT COMMAND DEPENDS CONSUMERS REWRITES BYPRODUCTS)

# internal: `word` reduced to what a misspelling rarely changes: upper case, no vowels, no letter
# twice in a row, no final S (COMENT and COMMENT, CONSUMER and CONSUMERS read the same).
function(_atomicgen_keyword_skeleton word out_var)
  string(TOUPPER "${word}" upper)
  string(REGEX REPLACE "[AEIOU]" "" consonants "${upper}")
  set(skeleton "")
  set(previous "")
  string(LENGTH "${consonants}" length)
  foreach(index RANGE 0 ${length})
    string(SUBSTRING "${consonants}" ${index} 1 letter)
    if(NOT letter STREQUAL previous)
      string(APPEND skeleton "${letter}")
    endif()
    set(previous "${letter}")
  endforeach()
  string(REGEX REPLACE "S$" "" skeleton "${skeleton}")
  set(${out_var} "${skeleton}" PARENT_SCOPE)
endfunction()

# The skeleton of each keyword, computed once.  ALL is left out: its skeleton, "L", would match
# ordinary words such as ILL.
set(_atomicgen_skeletons "")
get_property(_atomicgen_keywords GLOBAL PROPERTY _ATOMICGEN_LIST_KEYWORDS)
get_property(_atomicgen_more GLOBAL PROPERTY _ATOMICGEN_ONE_VALUE_KEYWORDS)
list(APPEND _atomicgen_keywords ${_atomicgen_more})
get_property(_atomicgen_more GLOBAL PROPERTY _ATOMICGEN_OPTION_KEYWORDS)
list(APPEND _atomicgen_keywords ${_atomicgen_more})
list(REMOVE_ITEM _atomicgen_keywords ALL)
foreach(_atomicgen_keyword IN LISTS _atomicgen_keywords)
  _atomicgen_keyword_skeleton("${_atomicgen_keyword}" _atomicgen_skeleton)
  list(APPEND _atomicgen_skeletons "${_atomicgen_skeleton}=${_atomicgen_keyword}")
endforeach()
set_property(GLOBAL PROPERTY _ATOMICGEN_KEYWORD_SKELETONS "${_atomicgen_skeletons}")
unset(_atomicgen_skeletons)
unset(_atomicgen_keywords)
unset(_atomicgen_more)
unset(_atomicgen_keyword)
unset(_atomicgen_skeleton)

# internal: stop when <word>, found in the list of <list_keyword>, reads like a keyword misspelt
# (`COMMAND py gen.py CONSUMER app`, `OUTPUT a.h COMENT "x"`): the list would swallow it, and
# the rest of the call, silently.
# (Called for all-capitals words only.)
function(_atomicgen_check_misspelt_keyword cmd list_keyword word)
  _atomicgen_keyword_skeleton("${word}" word_skeleton)
  get_property(skeletons GLOBAL PROPERTY _ATOMICGEN_KEYWORD_SKELETONS)
  foreach(entry IN LISTS skeletons)
    string(REPLACE "=" ";" entry "${entry}")
    list(GET entry 0 keyword_skeleton)
    list(GET entry 1 keyword)
    if(word_skeleton STREQUAL keyword_skeleton)
      message(FATAL_ERROR "${cmd}: ${list_keyword} \"${word}\" looks like the keyword "
        "${keyword} misspelt (a word that reads like a keyword cannot be passed in a list)")
    endif()
  endforeach()
endfunction()

# internal: check the arguments of add_generated_source(<name>) (its variables arg_*, from
# cmake_parse_arguments()) and stop at the first misuse.  Sets <outputs_var> to the outputs made
# absolute (relative to CMAKE_CURRENT_BINARY_DIR) and normalized.
function(_atomicgen_check_arguments name outputs_var)
  list(APPEND CMAKE_MESSAGE_CONTEXT atomicgen)
  set(cmd "add_generated_source(${name})")

  # 1. Unparsed arguments.
  _atomicgen_reject_unparsed("${cmd}" arg_UNPARSED_ARGUMENTS)

  # 2. Keywords given without a value.
  if(DEFINED arg_KEYWORDS_MISSING_VALUES)
    list(GET arg_KEYWORDS_MISSING_VALUES 0 keyword)
    message(FATAL_ERROR "${cmd}: keyword ${keyword} given without a value")
  endif()

  # 3. A keyword misspelt inside a list (it would have been taken as one more value).
  foreach(list_keyword IN ITEMS OUTPUT COMMAND DEPENDS CONSUMERS REWRITES BYPRODUCTS)
    foreach(word IN LISTS arg_${list_keyword})
      if(word MATCHES "^[A-Z][A-Z_]+$")
        _atomicgen_check_misspelt_keyword("${cmd}" ${list_keyword} "${word}")
      endif()
    endforeach()
  endforeach()

  # 4. Required keywords.
  if(NOT DEFINED arg_OUTPUT)
    message(FATAL_ERROR "${cmd}: required keyword OUTPUT is missing")
  endif()
  if(NOT DEFINED arg_COMMAND)
    message(FATAL_ERROR "${cmd}: required keyword COMMAND is missing")
  endif()

  # 5. Values of the wrong shape, beginning with the name.
  if("${name}" STREQUAL "")
    message(FATAL_ERROR "${cmd}: the name \"\" is empty")
  endif()
  if(NOT "${name}" MATCHES "^[A-Za-z0-9_.+-]+$")
    message(FATAL_ERROR "${cmd}: the name \"${name}\" is not a valid target name "
      "(letters, digits and _.+- only)")
  endif()
  get_property(taken GLOBAL PROPERTY "_ATOMICGEN_${name}_OWNER" SET)
  if(taken)
    message(FATAL_ERROR "${cmd}: the name \"${name}\" is already used by an earlier "
      "add_generated_source()")
  endif()
  if(NOT DEFINED arg_OWNER AND TARGET "${name}")
    message(FATAL_ERROR "${cmd}: the name \"${name}\" is already a target")
  endif()

  if(arg_STDOUT AND arg_IN_PLACE)
    message(FATAL_ERROR "${cmd}: STDOUT and IN_PLACE cannot be used together")
  endif()
  if(arg_READS_OUTPUTS AND arg_IN_PLACE)
    message(FATAL_ERROR "${cmd}: READS_OUTPUTS and IN_PLACE cannot be used together (IN_PLACE "
      "generators write, and so read, the final files themselves)")
  endif()
  if(arg_READS_TREE AND arg_IN_PLACE)
    message(FATAL_ERROR "${cmd}: READS_TREE and IN_PLACE cannot be used together (IN_PLACE "
      "generators run in the tree itself)")
  endif()
  if(DEFINED arg_REWRITES AND arg_IN_PLACE)
    message(FATAL_ERROR "${cmd}: REWRITES and IN_PLACE cannot be used together (IN_PLACE "
      "generators rewrite their inputs themselves)")
  endif()
  if(arg_READS_TREE AND arg_STDOUT)
    message(FATAL_ERROR "${cmd}: READS_TREE and STDOUT cannot be used together (where isolation "
      "is refused, such a generator runs in place, which has no STDOUT)")
  endif()
  if(DEFINED arg_REWRITES AND arg_STDOUT)
    message(FATAL_ERROR "${cmd}: REWRITES and STDOUT cannot be used together (where isolation "
      "is refused, such a generator runs in place, which has no STDOUT)")
  endif()
  if(DEFINED arg_BYPRODUCTS AND arg_IN_PLACE)
    message(FATAL_ERROR "${cmd}: BYPRODUCTS and IN_PLACE cannot be used together (IN_PLACE "
      "generators write every file themselves: declare the side files as OUTPUT)")
  endif()

  list(GET arg_COMMAND 0 generator)
  if("${generator}" STREQUAL "")
    message(FATAL_ERROR "${cmd}: COMMAND \"\" is empty: the first word must name the generator")
  endif()

  set(outputs "")
  set(seen "")  # outputs and byproducts: a file is given once, under one keyword
  foreach(keyword IN ITEMS OUTPUT BYPRODUCTS)
    foreach(output IN LISTS arg_${keyword})
      if("${output}" STREQUAL "")
        message(FATAL_ERROR "${cmd}: ${keyword} \"\" is empty")
      endif()
      if("${output}" MATCHES ";")
        message(FATAL_ERROR "${cmd}: ${keyword} \"${output}\" contains a semicolon, which CMake's "
          "custom commands cannot carry in a file name")
      endif()
      if("${output}" MATCHES "\\$<")
        message(FATAL_ERROR
          "${cmd}: ${keyword} \"${output}\" is a generator expression (not supported)")
      endif()
      cmake_path(ABSOLUTE_PATH output BASE_DIRECTORY "${CMAKE_CURRENT_BINARY_DIR}" NORMALIZE
        OUTPUT_VARIABLE path)
      if(path IN_LIST seen)
        message(FATAL_ERROR "${cmd}: ${keyword} \"${output}\" is given twice")
      endif()
      list(APPEND seen "${path}")
      get_property(other GLOBAL PROPERTY "_ATOMICGEN_OUTPUT_OWNER:${path}")
      if(DEFINED other)
        message(FATAL_ERROR
          "${cmd}: ${keyword} \"${output}\" is already generated by add_generated_source(${other})")
      endif()
      if(keyword STREQUAL "BYPRODUCTS")
        cmake_path(IS_PREFIX CMAKE_BINARY_DIR "${path}" in_build_tree)
        if(NOT in_build_tree)
          message(FATAL_ERROR "${cmd}: BYPRODUCTS \"${output}\" is not in the build tree (the "
            "build tool deletes byproducts when cleaning: a side file in the source tree is an "
            "OUTPUT)")
        endif()
      else()
        list(APPEND outputs "${path}")
      endif()
    endforeach()
  endforeach()

  foreach(consumer IN LISTS arg_CONSUMERS)
    if("${consumer}" STREQUAL "")
      message(FATAL_ERROR "${cmd}: CONSUMERS \"\" is empty")
    endif()
    if("${consumer}" STREQUAL "${name}" OR "${consumer}" STREQUAL "${arg_OWNER}")
      message(FATAL_ERROR "${cmd}: CONSUMERS \"${consumer}\" is the generated source itself")
    endif()
  endforeach()

  if(DEFINED arg_WORKING_DIRECTORY AND "${arg_WORKING_DIRECTORY}" STREQUAL "")
    message(FATAL_ERROR "${cmd}: WORKING_DIRECTORY \"\" is empty")
  endif()

  if(DEFINED arg_GROUP)
    if("${arg_GROUP}" STREQUAL "${name}")
      message(FATAL_ERROR "${cmd}: GROUP \"${arg_GROUP}\" is the generated source itself")
    endif()
    if("${arg_GROUP}" STREQUAL "${arg_OWNER}")
      message(FATAL_ERROR "${cmd}: OWNER \"${arg_OWNER}\" is also the GROUP: an owner already "
        "builds its generators, give another GROUP or none")
    endif()
    if(TARGET "${arg_GROUP}")
      get_target_property(group_type "${arg_GROUP}" TYPE)
      get_target_property(group_imported "${arg_GROUP}" IMPORTED)
      get_target_property(group_aliased "${arg_GROUP}" ALIASED_TARGET)
      if(NOT group_type STREQUAL "UTILITY" OR group_imported OR group_aliased)
        message(FATAL_ERROR
          "${cmd}: GROUP \"${arg_GROUP}\" is already a target that is not a custom target")
      endif()
    elseif(NOT "${arg_GROUP}" MATCHES "^[A-Za-z0-9_.+-]+$")
      message(FATAL_ERROR "${cmd}: GROUP \"${arg_GROUP}\" is not a valid target name")
    endif()
  endif()

  if(DEFINED arg_OWNER)
    get_property(owner_dir GLOBAL PROPERTY "_ATOMICGEN_OWNER_${arg_OWNER}_DIR")
    if(NOT "${owner_dir}" STREQUAL "" AND NOT "${owner_dir}" STREQUAL CMAKE_CURRENT_BINARY_DIR)
      message(FATAL_ERROR "${cmd}: OWNER \"${arg_OWNER}\" owns generators of another directory "
        "(${owner_dir}): a custom target can only run custom commands of its own directory")
    endif()
    if("${owner_dir}" STREQUAL "" AND TARGET "${arg_OWNER}")
      message(FATAL_ERROR "${cmd}: OWNER \"${arg_OWNER}\" is already a target not created by "
        "add_generated_source(OWNER)")
    endif()
    if(NOT "${arg_OWNER}" MATCHES "^[A-Za-z0-9_.+-]+$")
      message(FATAL_ERROR "${cmd}: OWNER \"${arg_OWNER}\" is not a valid target name")
    endif()
  endif()

  foreach(dep IN LISTS arg_DEPENDS)
    if("${dep}" STREQUAL "")
      message(FATAL_ERROR "${cmd}: DEPENDS \"\" is empty")
    endif()
    if("${dep}" STREQUAL "${name}")
      message(FATAL_ERROR "${cmd}: DEPENDS \"${dep}\" is the generated source itself")
    endif()
  endforeach()

  if(DEFINED arg_OUTPUT_VARIABLE AND NOT "${arg_OUTPUT_VARIABLE}" MATCHES "^[A-Za-z0-9_.+-]+$")
    message(FATAL_ERROR "${cmd}: OUTPUT_VARIABLE \"${arg_OUTPUT_VARIABLE}\" is not a valid "
      "variable name (letters, digits and _.+- only)")
  endif()

  set(${outputs_var} "${outputs}" PARENT_SCOPE)
endfunction()

# internal: stop when list variable <unparsed_var> (cmake_parse_arguments()'s UNPARSED_ARGUMENTS of
# the command <cmd>) is defined: name every argument the command does not know.
function(_atomicgen_reject_unparsed cmd unparsed_var)
  if(NOT DEFINED ${unparsed_var})
    return()
  endif()
  _atomicgen_quote_list(quoted ${unparsed_var})
  list(LENGTH ${unparsed_var} count)
  if(count EQUAL 1)
    message(FATAL_ERROR "${cmd}: unknown argument ${quoted}")
  endif()
  message(FATAL_ERROR "${cmd}: unknown arguments ${quoted}")
endfunction()

# internal: set <out_var> to the items of list variable <list_var> (empty ones too), each in double
# quotes, separated by spaces.
function(_atomicgen_quote_list out_var list_var)
  set(quoted "")
  foreach(item IN LISTS ${list_var})
    string(APPEND quoted " \"${item}\"")
  endforeach()
  string(STRIP "${quoted}" quoted)
  set(${out_var} "${quoted}" PARENT_SCOPE)
endfunction()
