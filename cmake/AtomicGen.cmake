# AtomicGen: distributed under the terms of the LICENSE file at the top of the AtomicGen repository.

#[=======================================================================[.rst:
AtomicGen
---------

.. versionadded:: 0.1

Run code generators so that no compiler, and no other generator, ever reads a missing, empty,
partial or needlessly rewritten generated file, with both Ninja and Make.

Every generator runs through the ``atomicgen`` helper (see ``helper/README.md``), which stages the
outputs, replaces each changed one with a single rename and leaves unchanged ones untouched.  This
module wires that helper into the build graph: one owning target per generator, stamps that make
write-if-changed outputs work with Make, build-order edges to the targets that consume the outputs,
and generator-to-generator edges.

Loading the module
^^^^^^^^^^^^^^^^^^

From an installed package:

.. code-block:: cmake

  find_package(AtomicGen 0.1 REQUIRED)

From a copy of the AtomicGen repository (the helper is then built as part of your project):

.. code-block:: cmake

  include(path/to/atomicgen/cmake/AtomicGen.cmake)

When the module is loaded it makes the helper available as the executable target
``AtomicGen::atomicgen``, trying in this order:

1. a target ``AtomicGen::atomicgen`` that already exists (the installed package's imported target,
   or the helper built by AtomicGen's own project);
2. the cache variable ``ATOMICGEN_EXECUTABLE``, if set, imported as ``AtomicGen::atomicgen``;
3. when cross-compiling, nothing else: a helper built for the target system cannot run on the build
   host, so configuring stops with an error asking for ``ATOMICGEN_EXECUTABLE``;
4. the helper's sources next to this module (``../helper``), added with
   ``add_subdirectory(... EXCLUDE_FROM_ALL)`` into ``${CMAKE_BINARY_DIR}/_atomicgen_helper``;
5. ``find_program(ATOMICGEN_EXECUTABLE atomicgen)``.

Cache variables
^^^^^^^^^^^^^^^

``ATOMICGEN_EXECUTABLE``
  ``FILEPATH``: a host-built ``atomicgen`` to use.  Required when cross-compiling.  It must name an
  existing file (an absolute path).

``ATOMICGEN_FSYNC``
  ``BOOL``, default ``OFF``: pass ``--fsync`` to every generator run, as the ``FSYNC`` keyword does
  for one.

Commands
^^^^^^^^

.. command:: add_generated_source

  Run a generator through ``atomicgen`` and make its outputs available to consumers.

  .. code-block:: cmake

    add_generated_source(<name>
      OUTPUT <file>...
      COMMAND <command> [<arg>...]
      [DEPENDS <file-or-target>...]
      [CONSUMERS <target>...]
      [WORKING_DIRECTORY <dir>]
      [DEPFILE <file>]
      [COMMENT <text>]
      [JOB_POOL <pool>]
      [GROUP <target>]
      [STDOUT]
      [IN_PLACE]
      [FSYNC])

  Creates the custom target ``<name>``, which owns the one custom command that runs the generator.
  Build ``<name>`` to regenerate the outputs if out of date.  ``<name>`` is not part of ``all``:
  it is built before its consumers, as part of its ``GROUP``, or on request.

  ``<name>``
    Name of the target to create.  It must be a valid target name that is not already taken.

  ``OUTPUT <file>...``
    The files the generator produces.  Relative paths are relative to
    ``CMAKE_CURRENT_BINARY_DIR``.  An output may lie in the source tree (a checked-in generated
    file, as CPython keeps them): an output that is not under ``CMAKE_BINARY_DIR`` (in the source
    tree, or in another checkout) is a *source-tree output*; outputs under ``CMAKE_BINARY_DIR``
    are *build-tree outputs*.
    Build-tree outputs are declared to the build tool as byproducts: Ninja restats them
    (consumers of an unchanged output are not rebuilt), and ``ninja -t clean`` and
    ``make clean`` remove them.  Source-tree outputs are declared nowhere, so no clean step and
    no interrupted build ever deletes them; their consumers are ordered by a stamp instead (see
    ``CONSUMERS``).  A source-tree output that a target lists among its sources must exist when
    configuring (it is checked in).  A file may be the output of only one
    ``add_generated_source()`` call.  Missing directories of build-tree outputs are created at
    configure time.  Generator expressions are not supported.

  ``COMMAND <command> [<arg>...]``
    The generator's command line, run by ``atomicgen run ... -- <command> [<arg>...]``.  If
    ``<command>`` names an executable target, its path (``$<TARGET_FILE:...>``) is substituted and
    the target is added to ``DEPENDS``, so a rebuilt generator re-runs.  Arguments are passed
    verbatim (semicolons included); generator expressions are allowed.  An argument spelled like
    one of this command's keywords cannot be passed.  When cross-compiling, a generator target's
    ``CROSSCOMPILING_EMULATOR`` is not applied: name a host tool.

  ``DEPENDS <file-or-target>...``
    Inputs of the generator, as for ``add_custom_command(DEPENDS)``: a change re-runs it.  An entry
    naming another ``add_generated_source()`` target, or one of its outputs, also depends on that
    generator's *changed stamp*, so this generator re-runs exactly when an output of the other one
    changed, and never before the other one ran.  That other call must come first (checked at the
    end of configuration).

  ``CONSUMERS <target>...``
    Targets that read the outputs (compile them or include them).  Each gets
    ``add_dependencies(<consumer> <name>)``, so none of its sources compile before the generator
    finished.  If the call has source-tree outputs, every source file of every consumer also gets
    the changed stamp in its ``OBJECT_DEPENDS``: a change of any source-tree output recompiles
    every object of every consumer of this call (coarse, but correct, since the build tool does not
    know these files).  Consumers may be defined later, in any directory: the wiring is done, and
    each entry checked to be a target, at the end of configuration.  See also
    :command:`target_link_generated_sources`.

  ``WORKING_DIRECTORY <dir>``
    Directory the helper and the generator run in; relative paths are relative to
    ``CMAKE_CURRENT_BINARY_DIR`` (the rule of ``add_custom_command``), which is also the default.
    The helper creates its staging directory there, so it must be writable.  A directory in the
    build tree is created at configure time.

  ``DEPFILE <file>``
    Passed to ``add_custom_command(DEPFILE)``; relative to ``CMAKE_CURRENT_BINARY_DIR``.  The
    helper stages and commits it like an output (``--depfile``), turning any staging path in it back
    into the final path; with ``IN_PLACE`` the generator writes it directly.  With Makefile
    generators CMake applies a depfile's dependencies to the rule it names; a depfile naming the
    generated files (rather than the stamp, which is the rule's output) is then ignored by Make:
    list such inputs in ``DEPENDS`` as well.

  ``COMMENT <text>``
    Status line shown while the generator runs.  Default:
    ``Generating <outputs> (atomicgen)``, with outputs relative to the build or source tree.

  ``JOB_POOL <pool>``
    Passed to ``add_custom_command(JOB_POOL)`` (Ninja only).

  ``GROUP <target>``
    An aggregate target (CPython's ``regen-all``) that depends on ``<name>``.  It is created with
    ``add_custom_target(<target>)`` on first use; an existing target must be a custom target.

  ``STDOUT``
    The generator's standard output becomes the first ``OUTPUT`` (helper ``--stdout``).  Cannot be
    combined with ``IN_PLACE``.

  ``IN_PLACE``
    Legacy mode for generators that must write the final paths themselves (helper ``--in-place``);
    see the helper's documentation for what it can and cannot promise.

  ``FSYNC``
    Pass ``--fsync`` to the helper.  Also enabled for every call by ``ATOMICGEN_FSYNC``.

  The custom command's primary output is the stamp
  ``${CMAKE_CURRENT_BINARY_DIR}/CMakeFiles/<name>.atomicgen/done.stamp``, touched on each successful
  run; ``changed.stamp`` next to it is touched only when an output changed.

.. command:: target_link_generated_sources

  Make a target a consumer of generated sources, after the fact.

  .. code-block:: cmake

    target_link_generated_sources(<target> <name>...)

  ``<target>``
    An existing target, in any directory.

  ``<name>...``
    Names given to ``add_generated_source()``, possibly in calls further down the configuration.
    ``<target>`` is wired as if listed in their ``CONSUMERS``.  Each name is checked at the end of
    configuration.
#]=======================================================================]

include_guard(GLOBAL)

if(CMAKE_VERSION VERSION_LESS 3.25)
  message(FATAL_ERROR "AtomicGen: requires CMake 3.25 or later, this is CMake ${CMAKE_VERSION}")
endif()

cmake_policy(PUSH)
cmake_policy(VERSION 3.25)

# Version of this module and of the helper built from ../helper when that is added from here.
set(_ATOMICGEN_VERSION 0.1.0)
if(PROJECT_NAME STREQUAL "AtomicGen" AND NOT PROJECT_VERSION VERSION_EQUAL _ATOMICGEN_VERSION)
  message(AUTHOR_WARNING "AtomicGen: project version ${PROJECT_VERSION} differs from the module's "
    "_ATOMICGEN_VERSION ${_ATOMICGEN_VERSION}: update cmake/AtomicGen.cmake")
endif()

set(ATOMICGEN_EXECUTABLE "" CACHE FILEPATH
  "host-built atomicgen to use, required when cross-compiling")
option(ATOMICGEN_FSYNC "Pass --fsync to every atomicgen run (make generated files durable)" OFF)

# internal: make the helper available as AtomicGen::atomicgen (see "Loading the module"); set
# <build_var> to true when it must be built from ../helper (done at file scope: enable_language()).
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
  elseif(EXISTS "${CMAKE_CURRENT_FUNCTION_LIST_DIR}/../helper/CMakeLists.txt")
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

# internal: set <out_var> to the add_generated_source() name owning file <path> (absolute), or "".
function(_atomicgen_output_owner out_var path)
  get_property(owner GLOBAL PROPERTY "_ATOMICGEN_OUTPUT_OWNER:${path}")
  set(${out_var} "${owner}" PARENT_SCOPE)
endfunction()

# internal: true in <out_var> if <path> (absolute) is a source-tree output (see OUTPUT).
function(_atomicgen_is_source_tree out_var path)
  # Only files under the build tree are the build's to delete; anything else (the source tree, an
  # external checkout such as a CPython tree) may hold checked-in generated files.
  cmake_path(IS_PREFIX CMAKE_BINARY_DIR "${path}" NORMALIZE in_binary)
  if(in_binary)
    set(${out_var} FALSE PARENT_SCOPE)
  else()
    set(${out_var} TRUE PARENT_SCOPE)
  endif()
endfunction()

# internal: schedule _atomicgen_finalize() once, at the end of the top-level directory.
function(_atomicgen_schedule_finalize)
  get_property(scheduled GLOBAL PROPERTY _ATOMICGEN_FINALIZE_SCHEDULED)
  if(NOT scheduled)
    set_property(GLOBAL PROPERTY _ATOMICGEN_FINALIZE_SCHEDULED TRUE)
    cmake_language(DEFER DIRECTORY "${CMAKE_SOURCE_DIR}" CALL _atomicgen_finalize)
  endif()
endfunction()

# internal: record that <consumer> reads the outputs of <name>; <origin> is the call, for messages.
function(_atomicgen_record_link origin consumer name)
  set_property(GLOBAL APPEND PROPERTY _ATOMICGEN_LINK_ORIGINS "${origin}")
  set_property(GLOBAL APPEND PROPERTY _ATOMICGEN_LINK_CONSUMERS "${consumer}")
  set_property(GLOBAL APPEND PROPERTY _ATOMICGEN_LINK_NAMES "${name}")
  _atomicgen_schedule_finalize()
endfunction()

function(add_generated_source name)
  list(APPEND CMAKE_MESSAGE_CONTEXT atomicgen)
  set(cmd "add_generated_source(${name})")
  cmake_parse_arguments(PARSE_ARGV 1 arg
    "STDOUT;IN_PLACE;FSYNC"
    "WORKING_DIRECTORY;DEPFILE;COMMENT;JOB_POOL;GROUP"
    "OUTPUT;COMMAND;DEPENDS;CONSUMERS")

  # 1. Unparsed arguments.
  if(DEFINED arg_UNPARSED_ARGUMENTS)
    _atomicgen_quote_list(quoted arg_UNPARSED_ARGUMENTS)
    list(LENGTH arg_UNPARSED_ARGUMENTS count)
    if(count EQUAL 1)
      message(FATAL_ERROR "${cmd}: unknown argument ${quoted}")
    endif()
    message(FATAL_ERROR "${cmd}: unknown arguments ${quoted}")
  endif()

  # 2. Keywords given without a value.
  if(DEFINED arg_KEYWORDS_MISSING_VALUES)
    list(GET arg_KEYWORDS_MISSING_VALUES 0 keyword)
    message(FATAL_ERROR "${cmd}: keyword ${keyword} given without a value")
  endif()

  # 3. Required keywords.
  foreach(keyword IN ITEMS OUTPUT COMMAND)
    if(NOT DEFINED arg_${keyword})
      message(FATAL_ERROR "${cmd}: required keyword ${keyword} is missing")
    endif()
  endforeach()

  # 4. Values of the wrong shape, beginning with the name.
  if(name STREQUAL "")
    message(FATAL_ERROR "${cmd}: the name \"\" is empty")
  endif()
  if(NOT name MATCHES "^[A-Za-z0-9_.+-]+$")
    message(FATAL_ERROR "${cmd}: the name \"${name}\" is not a valid target name "
      "(letters, digits and _.+- only)")
  endif()
  if(TARGET "${name}")
    message(FATAL_ERROR "${cmd}: the name \"${name}\" is already a target")
  endif()

  if(arg_STDOUT AND arg_IN_PLACE)
    message(FATAL_ERROR "${cmd}: STDOUT and IN_PLACE cannot be used together")
  endif()

  list(GET arg_COMMAND 0 generator)
  if(generator STREQUAL "")
    message(FATAL_ERROR "${cmd}: COMMAND \"\" is empty: the first word must name the generator")
  endif()

  set(outputs "")
  set(source_tree_outputs "")
  set(build_tree_outputs "")
  foreach(output IN LISTS arg_OUTPUT)
    if(output STREQUAL "")
      message(FATAL_ERROR "${cmd}: OUTPUT \"\" is empty")
    endif()
    if(output MATCHES ";")
      message(FATAL_ERROR "${cmd}: OUTPUT \"${output}\" contains a semicolon, which CMake's "
        "custom commands cannot carry in a file name")
    endif()
    if(output MATCHES "\\$<")
      message(FATAL_ERROR "${cmd}: OUTPUT \"${output}\" is a generator expression (not supported)")
    endif()
    cmake_path(ABSOLUTE_PATH output BASE_DIRECTORY "${CMAKE_CURRENT_BINARY_DIR}" NORMALIZE
      OUTPUT_VARIABLE abs)
    if(abs IN_LIST outputs)
      message(FATAL_ERROR "${cmd}: OUTPUT \"${output}\" is given twice")
    endif()
    _atomicgen_output_owner(owner "${abs}")
    if(NOT owner STREQUAL "")
      message(FATAL_ERROR
        "${cmd}: OUTPUT \"${output}\" is already generated by add_generated_source(${owner})")
    endif()
    list(APPEND outputs "${abs}")
    _atomicgen_is_source_tree(in_source "${abs}")
    if(in_source)
      list(APPEND source_tree_outputs "${abs}")
    else()
      list(APPEND build_tree_outputs "${abs}")
    endif()
  endforeach()

  foreach(consumer IN LISTS arg_CONSUMERS)
    if(consumer STREQUAL "")
      message(FATAL_ERROR "${cmd}: CONSUMERS \"\" is empty")
    endif()
    if(consumer STREQUAL name)
      message(FATAL_ERROR "${cmd}: CONSUMERS \"${consumer}\" is the generated source itself")
    endif()
  endforeach()

  if(DEFINED arg_WORKING_DIRECTORY)
    if(arg_WORKING_DIRECTORY STREQUAL "")
      message(FATAL_ERROR "${cmd}: WORKING_DIRECTORY \"\" is empty")
    endif()
    cmake_path(ABSOLUTE_PATH arg_WORKING_DIRECTORY BASE_DIRECTORY "${CMAKE_CURRENT_BINARY_DIR}"
      NORMALIZE OUTPUT_VARIABLE working_directory)
  else()
    set(working_directory "${CMAKE_CURRENT_BINARY_DIR}")
  endif()

  if(DEFINED arg_GROUP)
    if(arg_GROUP STREQUAL name)
      message(FATAL_ERROR "${cmd}: GROUP \"${arg_GROUP}\" is the generated source itself")
    endif()
    if(TARGET "${arg_GROUP}")
      get_target_property(group_type "${arg_GROUP}" TYPE)
      get_target_property(group_imported "${arg_GROUP}" IMPORTED)
      get_target_property(group_aliased "${arg_GROUP}" ALIASED_TARGET)
      if(NOT group_type STREQUAL "UTILITY" OR group_imported OR group_aliased)
        message(FATAL_ERROR
          "${cmd}: GROUP \"${arg_GROUP}\" is already a target that is not a custom target")
      endif()
    elseif(NOT arg_GROUP MATCHES "^[A-Za-z0-9_.+-]+$")
      message(FATAL_ERROR "${cmd}: GROUP \"${arg_GROUP}\" is not a valid target name")
    endif()
  endif()

  # DEPENDS: entries naming an earlier add_generated_source() or one of its outputs also depend
  # on that generator's changed stamp.  Entries that may name a later one are checked at the end.
  set(depends "AtomicGen::atomicgen")
  set(upstreams "")
  foreach(dep IN LISTS arg_DEPENDS)
    if(dep STREQUAL "")
      message(FATAL_ERROR "${cmd}: DEPENDS \"\" is empty")
    endif()
    list(APPEND depends "${dep}")
    if(dep STREQUAL name)
      message(FATAL_ERROR "${cmd}: DEPENDS \"${dep}\" is the generated source itself")
    endif()
    set(upstream "")
    get_property(known GLOBAL PROPERTY "_ATOMICGEN_SOURCE:${dep}" SET)
    if(known)
      set(upstream "${dep}")
    elseif(NOT dep MATCHES "\\$<")
      cmake_path(ABSOLUTE_PATH dep BASE_DIRECTORY "${CMAKE_CURRENT_SOURCE_DIR}" NORMALIZE
        OUTPUT_VARIABLE dep_in_source)
      cmake_path(ABSOLUTE_PATH dep BASE_DIRECTORY "${CMAKE_CURRENT_BINARY_DIR}" NORMALIZE
        OUTPUT_VARIABLE dep_in_binary)
      foreach(candidate IN ITEMS "${dep_in_source}" "${dep_in_binary}")
        _atomicgen_output_owner(owner "${candidate}")
        if(NOT owner STREQUAL "")
          set(upstream "${owner}")
          break()
        endif()
      endforeach()
      if(upstream STREQUAL "")
        # Checked by _atomicgen_finalize(): a later add_generated_source() must not claim it.
        set_property(GLOBAL APPEND PROPERTY _ATOMICGEN_LATE_CHECK_ORIGINS "${cmd}")
        set_property(GLOBAL APPEND PROPERTY _ATOMICGEN_LATE_CHECK_VALUES "${dep}")
        set_property(GLOBAL APPEND PROPERTY _ATOMICGEN_LATE_CHECK_PATHS
          "${dep_in_source}|${dep_in_binary}")
        _atomicgen_schedule_finalize()
      endif()
    endif()
    if(NOT upstream STREQUAL "" AND NOT upstream IN_LIST upstreams)
      list(APPEND upstreams "${upstream}")
      get_property(upstream_changed GLOBAL PROPERTY "_ATOMICGEN_SOURCE:${upstream}:CHANGED_STAMP")
      list(APPEND depends "${upstream}" "${upstream_changed}")
    endif()
  endforeach()

  # COMMAND: an executable target as the generator.  add_custom_command() substitutes only the
  # first word of its own COMMAND, which is the helper here, so substitute the generator ourselves.
  set(generator_command "${arg_COMMAND}") # quoted: keeps semicolons inside arguments
  if(TARGET "${generator}")
    get_target_property(generator_type "${generator}" TYPE)
    if(generator_type STREQUAL "EXECUTABLE")
      list(POP_FRONT generator_command)
      list(PREPEND generator_command "$<TARGET_FILE:${generator}>")
      list(APPEND depends "${generator}")
    endif()
  endif()

  # Record the generated source.
  set(stamp_dir "${CMAKE_CURRENT_BINARY_DIR}/CMakeFiles/${name}.atomicgen")
  set(done_stamp "${stamp_dir}/done.stamp")
  set(changed_stamp "${stamp_dir}/changed.stamp")
  set_property(GLOBAL APPEND PROPERTY _ATOMICGEN_SOURCES "${name}")
  set_property(GLOBAL PROPERTY "_ATOMICGEN_SOURCE:${name}" "${cmd}")
  set_property(GLOBAL PROPERTY "_ATOMICGEN_SOURCE:${name}:OUTPUTS" "${outputs}")
  set_property(GLOBAL PROPERTY "_ATOMICGEN_SOURCE:${name}:SOURCE_TREE_OUTPUTS"
    "${source_tree_outputs}")
  set_property(GLOBAL PROPERTY "_ATOMICGEN_SOURCE:${name}:DONE_STAMP" "${done_stamp}")
  set_property(GLOBAL PROPERTY "_ATOMICGEN_SOURCE:${name}:CHANGED_STAMP" "${changed_stamp}")
  foreach(abs IN LISTS outputs)
    set_property(GLOBAL PROPERTY "_ATOMICGEN_OUTPUT_OWNER:${abs}" "${name}")
  endforeach()

  # The helper's command line.
  set(helper_args run)
  if(arg_FSYNC OR ATOMICGEN_FSYNC)
    list(APPEND helper_args --fsync)
  endif()
  if(arg_IN_PLACE)
    list(APPEND helper_args --in-place)
  endif()
  set(declared ${outputs})
  if(arg_STDOUT)
    list(POP_FRONT declared stdout_output)
    list(APPEND helper_args --stdout "${stdout_output}")
  endif()
  foreach(abs IN LISTS declared)
    list(APPEND helper_args --output "${abs}")
  endforeach()
  # The generator writes the depfile next to its outputs, so in staged mode it is staged and
  # committed with them (and any staging path in it turned back into the final one).
  if(DEFINED arg_DEPFILE AND NOT arg_IN_PLACE)
    cmake_path(ABSOLUTE_PATH arg_DEPFILE BASE_DIRECTORY "${CMAKE_CURRENT_BINARY_DIR}" NORMALIZE
      OUTPUT_VARIABLE depfile)
    list(APPEND helper_args --depfile "${depfile}")
  endif()
  list(APPEND helper_args --stamp "${done_stamp}" --changed-stamp "${changed_stamp}" --)

  if(DEFINED arg_COMMENT)
    set(comment "${arg_COMMENT}")
  else()
    set(shown "")
    foreach(abs IN LISTS outputs)
      if(abs IN_LIST source_tree_outputs)
        cmake_path(RELATIVE_PATH abs BASE_DIRECTORY "${CMAKE_SOURCE_DIR}" OUTPUT_VARIABLE rel)
      else()
        cmake_path(IS_PREFIX CMAKE_BINARY_DIR "${abs}" NORMALIZE in_binary)
        if(in_binary)
          cmake_path(RELATIVE_PATH abs BASE_DIRECTORY "${CMAKE_BINARY_DIR}" OUTPUT_VARIABLE rel)
        else()
          set(rel "${abs}")
        endif()
      endif()
      list(APPEND shown "${rel}")
    endforeach()
    list(JOIN shown ", " shown)
    set(comment "Generating ${shown} (atomicgen)")
  endif()

  set(optional_args "")
  if(DEFINED arg_DEPFILE)
    list(APPEND optional_args DEPFILE "${arg_DEPFILE}")
  endif()
  if(DEFINED arg_JOB_POOL)
    list(APPEND optional_args JOB_POOL "${arg_JOB_POOL}")
  endif()

  # The helper writes into existing directories only; a working directory in the build tree is
  # created too (add_custom_command does not create it).
  set(directories "${stamp_dir}")
  cmake_path(IS_PREFIX CMAKE_BINARY_DIR "${working_directory}" NORMALIZE working_in_binary)
  if(working_in_binary)
    list(APPEND directories "${working_directory}")
  endif()
  foreach(abs IN LISTS build_tree_outputs)
    cmake_path(GET abs PARENT_PATH parent)
    list(APPEND directories "${parent}")
  endforeach()
  list(REMOVE_DUPLICATES directories)
  file(MAKE_DIRECTORY ${directories})

  add_custom_command(
    OUTPUT "${done_stamp}"
    BYPRODUCTS ${build_tree_outputs} "${changed_stamp}"
    COMMAND AtomicGen::atomicgen ${helper_args} ${generator_command}
    DEPENDS ${depends}
    WORKING_DIRECTORY "${working_directory}"
    COMMENT "${comment}"
    ${optional_args}
    VERBATIM)
  # Make cannot see a deleted byproduct (it has no rule): the owning target re-runs the generator
  # when an output is missing.  Ninja knows build-tree outputs and needs no such step.
  set(recover_missing "")
  if(CMAKE_GENERATOR MATCHES "Makefiles")
    list(SUBLIST helper_args 1 -1 run_options)
    set(recover_missing
      COMMAND AtomicGen::atomicgen run --only-if-missing ${run_options} ${generator_command}
      WORKING_DIRECTORY "${working_directory}"
      VERBATIM)
  endif()
  add_custom_target("${name}" ${recover_missing} DEPENDS "${done_stamp}")

  if(DEFINED arg_GROUP)
    if(NOT TARGET "${arg_GROUP}")
      add_custom_target("${arg_GROUP}")
    endif()
    add_dependencies("${arg_GROUP}" "${name}")
  endif()

  foreach(consumer IN LISTS arg_CONSUMERS)
    _atomicgen_record_link("${cmd}: CONSUMERS" "${consumer}" "${name}")
  endforeach()
  list(POP_BACK CMAKE_MESSAGE_CONTEXT)
endfunction()

function(target_link_generated_sources target)
  list(APPEND CMAKE_MESSAGE_CONTEXT atomicgen)
  set(cmd "target_link_generated_sources(${target})")
  if(NOT TARGET "${target}")
    message(FATAL_ERROR "${cmd}: \"${target}\" is not a target")
  endif()
  if(ARGC LESS 2)
    message(FATAL_ERROR "${cmd}: no add_generated_source() name given")
  endif()
  foreach(i RANGE 1 ${ARGC})
    if(i EQUAL ARGC)
      break()
    endif()
    set(name "${ARGV${i}}")
    if(name STREQUAL "")
      message(FATAL_ERROR "${cmd}: name \"\" is empty")
    endif()
    _atomicgen_record_link("${cmd}:" "${target}" "${name}")
  endforeach()
  list(POP_BACK CMAKE_MESSAGE_CONTEXT)
endfunction()

# internal: end of configuration: check and wire every consumer link, check late DEPENDS.
function(_atomicgen_finalize)
  list(APPEND CMAKE_MESSAGE_CONTEXT atomicgen)

  # A DEPENDS entry of one call must not name a later add_generated_source() or its output:
  # the changed-stamp edge can only be added when the upstream is known.
  get_property(origins GLOBAL PROPERTY _ATOMICGEN_LATE_CHECK_ORIGINS)
  get_property(values GLOBAL PROPERTY _ATOMICGEN_LATE_CHECK_VALUES)
  get_property(paths GLOBAL PROPERTY _ATOMICGEN_LATE_CHECK_PATHS)
  # ZIP_LISTS walks the three lists in step: linear, where list(GET <i>) per entry is quadratic.
  foreach(origin value candidates IN ZIP_LISTS origins values paths)
    string(REPLACE "|" ";" candidates "${candidates}")
    set(owner "")
    get_property(known GLOBAL PROPERTY "_ATOMICGEN_SOURCE:${value}" SET)
    if(known)
      set(owner "${value}")
    else()
      foreach(candidate IN LISTS candidates)
        _atomicgen_output_owner(owner "${candidate}")
        if(NOT owner STREQUAL "")
          break()
        endif()
      endforeach()
    endif()
    if(origin STREQUAL "add_generated_source(${owner})")
      message(FATAL_ERROR
        "${origin}: DEPENDS \"${value}\" is an OUTPUT of this same call: a generator cannot "
        "depend on its own output")
    elseif(NOT owner STREQUAL "")
      message(FATAL_ERROR
        "${origin}: DEPENDS \"${value}\" refers to add_generated_source(${owner}), which is "
        "declared after it: declare add_generated_source(${owner}) first")
    endif()
  endforeach()

  get_property(origins GLOBAL PROPERTY _ATOMICGEN_LINK_ORIGINS)
  get_property(consumers GLOBAL PROPERTY _ATOMICGEN_LINK_CONSUMERS)
  get_property(names GLOBAL PROPERTY _ATOMICGEN_LINK_NAMES)
  foreach(origin consumer name IN ZIP_LISTS origins consumers names)
    if(origin MATCHES ": CONSUMERS$")
      set(shown "${origin} \"${consumer}\"")
    else()
      set(shown "${origin} \"${name}\"")
    endif()
    get_property(known GLOBAL PROPERTY "_ATOMICGEN_SOURCE:${name}" SET)
    if(NOT known)
      message(FATAL_ERROR "${shown} is not a name declared by add_generated_source()")
    endif()
    if(NOT TARGET "${consumer}")
      message(FATAL_ERROR "${shown} is not a target")
    endif()
    if(consumer STREQUAL name)
      message(FATAL_ERROR "${shown}: a generated source cannot consume itself")
    endif()
    get_target_property(aliased "${consumer}" ALIASED_TARGET)
    if(aliased)
      set(consumer "${aliased}")
    endif()
    if(DEFINED "_atomicgen_linked:${consumer}|${name}")
      continue()
    endif()
    set("_atomicgen_linked:${consumer}|${name}" TRUE)

    add_dependencies("${consumer}" "${name}")

    get_property(source_tree_outputs GLOBAL
      PROPERTY "_ATOMICGEN_SOURCE:${name}:SOURCE_TREE_OUTPUTS")
    get_target_property(imported "${consumer}" IMPORTED)
    if(source_tree_outputs STREQUAL "" OR imported)
      continue()
    endif()
    # The build tool does not know source-tree outputs; make every object of the consumer depend
    # on the stamp touched when one of them changed.
    get_property(changed_stamp GLOBAL PROPERTY "_ATOMICGEN_SOURCE:${name}:CHANGED_STAMP")
    get_target_property(sources "${consumer}" SOURCES)
    get_target_property(source_dir "${consumer}" SOURCE_DIR)
    set(absolute_sources "")
    foreach(source IN LISTS sources)
      if(source MATCHES "\\$<" OR source STREQUAL "")
        continue()
      endif()
      # Relative names are relative to the consumer's directory (they then match a source of the
      # build tree as well: CMake compares both candidates).
      cmake_path(ABSOLUTE_PATH source BASE_DIRECTORY "${source_dir}" NORMALIZE
        OUTPUT_VARIABLE abs)
      list(APPEND absolute_sources "${abs}")
    endforeach()
    if(NOT absolute_sources STREQUAL "")
      set_property(SOURCE ${absolute_sources} TARGET_DIRECTORY "${consumer}"
        APPEND PROPERTY OBJECT_DEPENDS "${changed_stamp}")
    endif()
  endforeach()
  list(POP_BACK CMAKE_MESSAGE_CONTEXT)
endfunction()

_atomicgen_find_helper(_ATOMICGEN_BUILD_HELPER)
if(_ATOMICGEN_BUILD_HELPER)
  # The helper is C++; the including project may not have enabled C++ (only allowed at file scope).
  get_property(_ATOMICGEN_LANGUAGES GLOBAL PROPERTY ENABLED_LANGUAGES)
  if(NOT CXX IN_LIST _ATOMICGEN_LANGUAGES)
    enable_language(CXX)
  endif()
  add_subdirectory("${CMAKE_CURRENT_LIST_DIR}/../helper" "${CMAKE_BINARY_DIR}/_atomicgen_helper"
    EXCLUDE_FROM_ALL)
  unset(_ATOMICGEN_LANGUAGES)
endif()
unset(_ATOMICGEN_BUILD_HELPER)

cmake_policy(POP)
