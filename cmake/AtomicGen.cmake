# AtomicGen: distributed under the terms of the LICENSE file at the top of the AtomicGen repository.

#[=======================================================================[.rst:
AtomicGen
---------

.. versionadded:: 0.1

Run code generators so that no compiler, and no other generator, ever reads a missing, empty,
partial or needlessly rewritten generated file, with both Ninja and Make.

Every generator runs through the ``atomicgen`` helper (see ``helper/README.md``), which stages the
outputs, replaces each changed one with a single rename and leaves unchanged ones untouched.  This
module wires that helper into the build graph: one owning target per generator (or per group of
generators), stamps that make write-if-changed outputs work with Make, build-order edges to the
targets that consume the outputs, and generator-to-generator edges.

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
      [OWNER <target>]
      [STDOUT]
      [IN_PLACE]
      [FSYNC])

  Creates the custom target ``<name>`` (or, with ``OWNER``, uses a shared one), which owns the one
  custom command that runs the generator.  Build ``<name>`` to regenerate the outputs if out of
  date.  ``<name>`` is not part of ``all``: it is built before its consumers, as part of its
  ``GROUP``, or on request.

  ``<name>``
    Name of the generated source, used by ``DEPENDS`` and
    :command:`target_link_generated_sources`; unique among the calls.  It must be a valid target
    name, and without ``OWNER`` it is the target created, so it must not be a target already.

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
    naming another ``add_generated_source()``, or one of its outputs, depends on what that
    generator changes (its build-tree outputs with Ninja, its *changed stamp* otherwise), so this
    generator re-runs exactly when an output of the other one changed (see ``OWNER`` for the
    exception), and never before the other one ran.  That other call must come first (a later
    call that turns out to be named stops configuration).

  ``CONSUMERS <target>...``
    Targets that read the outputs (compile them or include them).  Each gets
    ``add_dependencies(<consumer> <owner>)`` (``<name>`` without ``OWNER``), so none of its sources compile before the generator
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

  ``OWNER <target>``
    The custom target that owns the command, shared by every call of the current directory that
    names it; created with ``add_custom_target(<target>)`` by the first such call (it must not
    exist before, and a custom target can only own custom commands of its own directory).  No
    target ``<name>`` is created.  One target for many generators keeps configure and no-op build
    times close to hand-written ``add_custom_command()`` wiring (with Make, each target costs
    sub-make runs on every build).  The trade-offs: a consumer waits for every generator of the
    owner, and with Make a call that ``DEPENDS`` on another call of the same owner re-runs whenever
    that one ran (not only when its outputs changed).  With Make the owner runs one shell script
    (``sh``) that re-runs the generators whose outputs are missing.

  ``STDOUT``
    The generator's standard output becomes the first ``OUTPUT`` (helper ``--stdout``).  Cannot be
    combined with ``IN_PLACE``.

  ``IN_PLACE``
    Legacy mode for generators that must write the final paths themselves (helper ``--in-place``);
    see the helper's documentation for what it can and cannot promise.

  ``FSYNC``
    Pass ``--fsync`` to the helper.  Also enabled for every call by ``ATOMICGEN_FSYNC``.

  With Ninja, the custom command's outputs are the build-tree outputs (restat, and Ninja's log,
  make write-if-changed outputs work).  With Make, and with Ninja for a call with source-tree
  outputs only, its primary output is the stamp
  ``${CMAKE_CURRENT_BINARY_DIR}/CMakeFiles/<name>.atomicgen/done.stamp``, touched on each successful
  run.  With Make, and with Ninja for a call with source-tree outputs, ``changed.stamp`` next to it
  is touched only when an output changed.

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

# internal: record that <consumer> reads the outputs of <name>; <origin> is the call, for messages.
function(_atomicgen_record_link origin consumer name)
  set_property(GLOBAL APPEND PROPERTY _ATOMICGEN_LINK_ORIGINS "${origin}")
  set_property(GLOBAL APPEND PROPERTY _ATOMICGEN_LINK_CONSUMERS "${consumer}")
  set_property(GLOBAL APPEND PROPERTY _ATOMICGEN_LINK_NAMES "${name}")
endfunction()

# internal: add_generated_source() found something wrong with its arguments: name it and stop.
# Reads the caller's variables (cmd, name, owner, arg_*); the checks run in the order of the
# reference, so a call with several mistakes reports the first one.
function(_atomicgen_diagnose)
  list(APPEND CMAKE_MESSAGE_CONTEXT atomicgen)
  set(cmd "add_generated_source(${name})")
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
  if("${name}" STREQUAL "")
    message(FATAL_ERROR "${cmd}: the name \"\" is empty")
  endif()
  if(NOT "${name}" MATCHES "^[A-Za-z0-9_.+-]+$")
    message(FATAL_ERROR "${cmd}: the name \"${name}\" is not a valid target name "
      "(letters, digits and _.+- only)")
  endif()
  get_property(taken GLOBAL PROPERTY "_ATOMICGEN_SOURCE:${name}" SET)
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

  list(GET arg_COMMAND 0 generator)
  if("${generator}" STREQUAL "")
    message(FATAL_ERROR "${cmd}: COMMAND \"\" is empty: the first word must name the generator")
  endif()

  set(seen "")
  foreach(output IN LISTS arg_OUTPUT)
    if("${output}" STREQUAL "")
      message(FATAL_ERROR "${cmd}: OUTPUT \"\" is empty")
    endif()
    if("${output}" MATCHES ";")
      message(FATAL_ERROR "${cmd}: OUTPUT \"${output}\" contains a semicolon, which CMake's "
        "custom commands cannot carry in a file name")
    endif()
    if("${output}" MATCHES "\\$<")
      message(FATAL_ERROR "${cmd}: OUTPUT \"${output}\" is a generator expression (not supported)")
    endif()
    cmake_path(ABSOLUTE_PATH output BASE_DIRECTORY "${CMAKE_CURRENT_BINARY_DIR}" NORMALIZE
      OUTPUT_VARIABLE abs)
    if(abs IN_LIST seen)
      message(FATAL_ERROR "${cmd}: OUTPUT \"${output}\" is given twice")
    endif()
    get_property(other GLOBAL PROPERTY "_ATOMICGEN_OUTPUT_OWNER:${abs}")
    if(NOT "${other}" STREQUAL "" AND NOT "${other}" STREQUAL "${name}")
      message(FATAL_ERROR
        "${cmd}: OUTPUT \"${output}\" is already generated by add_generated_source(${other})")
    endif()
    list(APPEND seen "${abs}")
  endforeach()

  foreach(consumer IN LISTS arg_CONSUMERS)
    if("${consumer}" STREQUAL "")
      message(FATAL_ERROR "${cmd}: CONSUMERS \"\" is empty")
    endif()
    if("${consumer}" STREQUAL "${name}" OR "${consumer}" STREQUAL "${owner}")
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
    get_property(owner_dir GLOBAL PROPERTY "_ATOMICGEN_OWNER_DIR:${owner}")
    if("${owner}" STREQUAL "${arg_GROUP}")
      message(FATAL_ERROR "${cmd}: OWNER \"${owner}\" is also the GROUP: an owner already "
        "builds its generators, give another GROUP or none")
    elseif(NOT "${owner_dir}" STREQUAL "" AND NOT "${owner_dir}" STREQUAL CMAKE_CURRENT_BINARY_DIR)
      message(FATAL_ERROR "${cmd}: OWNER \"${owner}\" owns generators of another directory "
        "(${owner_dir}): a custom target can only run custom commands of its own directory")
    elseif("${owner_dir}" STREQUAL "" AND TARGET "${owner}")
      message(FATAL_ERROR "${cmd}: OWNER \"${owner}\" is already a target not created by "
        "add_generated_source(OWNER)")
    elseif(NOT "${owner}" MATCHES "^[A-Za-z0-9_.+-]+$")
      message(FATAL_ERROR "${cmd}: OWNER \"${owner}\" is not a valid target name")
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
  message(FATAL_ERROR "${cmd}: internal error: the arguments were rejected but no check says why")
endfunction()

# internal: the custom target <owner> of OWNER, created on first use in the current directory.
function(_atomicgen_create_owner owner)
  set_property(GLOBAL PROPERTY "_ATOMICGEN_OWNER_DIR:${owner}" "${CMAKE_CURRENT_BINARY_DIR}")
  set(recover_missing "")
  if(CMAKE_GENERATOR MATCHES "Makefiles")
    # Make cannot see a deleted byproduct (it has no rule): one shell script per owner re-runs
    # the generators whose outputs are missing (written by _atomicgen_finalize()).
    set(recover_missing
      COMMAND sh "${CMAKE_CURRENT_BINARY_DIR}/CMakeFiles/${owner}.atomicgen-missing.sh" VERBATIM)
    set_property(GLOBAL APPEND PROPERTY _ATOMICGEN_OWNERS_WITH_SCRIPT "${owner}")
  endif()
  add_custom_target("${owner}" ${recover_missing})
endfunction()

# The body of add_generated_source() is written for speed (a project may call it thousands of
# times, and every CMake command costs about a microsecond): the common path runs few commands, a
# misuse costs one if() and is explained by _atomicgen_diagnose(), rare keywords and spellings are
# handled by helper functions.
function(add_generated_source name)
  cmake_parse_arguments(PARSE_ARGV 1 arg
    "STDOUT;IN_PLACE;FSYNC"
    "WORKING_DIRECTORY;DEPFILE;COMMENT;JOB_POOL;GROUP;OWNER"
    "OUTPUT;COMMAND;DEPENDS;CONSUMERS")
  if(DEFINED arg_OWNER)
    set(owner "${arg_OWNER}")
    get_property(owner_dir GLOBAL PROPERTY "_ATOMICGEN_OWNER_DIR:${owner}")
    if(NOT owner_dir STREQUAL CMAKE_CURRENT_BINARY_DIR)
      if(DEFINED owner_dir OR TARGET "${owner}" OR NOT owner MATCHES "^[A-Za-z0-9_.+-]+$"
          OR owner STREQUAL "${arg_GROUP}")
        _atomicgen_diagnose()
      endif()
      _atomicgen_create_owner("${owner}")
    elseif(owner STREQUAL "${arg_GROUP}")
      _atomicgen_diagnose()
    endif()
  else()
    set(owner "${name}")
  endif()
  get_property(taken GLOBAL PROPERTY "_ATOMICGEN_SOURCE:${name}" SET)
  list(GET arg_COMMAND 0 generator)
  if(taken OR (NOT DEFINED arg_OWNER AND TARGET "${name}") OR DEFINED arg_UNPARSED_ARGUMENTS OR DEFINED arg_KEYWORDS_MISSING_VALUES
      OR NOT DEFINED arg_OUTPUT OR NOT DEFINED arg_COMMAND OR "${generator}" STREQUAL ""
      OR NOT name MATCHES "^[A-Za-z0-9_.+-]+$" OR (arg_STDOUT AND arg_IN_PLACE)
      OR "" IN_LIST arg_CONSUMERS OR name IN_LIST arg_CONSUMERS OR owner IN_LIST arg_CONSUMERS
      OR "" IN_LIST arg_DEPENDS OR name IN_LIST arg_DEPENDS
      OR (DEFINED arg_WORKING_DIRECTORY AND "${arg_WORKING_DIRECTORY}" STREQUAL ""))
    _atomicgen_diagnose()
  endif()
  if(DEFINED arg_GROUP)
    _atomicgen_check_group()
  endif()

  # Outputs: absolute, each claimed by one call.  Only files under the build tree are the build's
  # to delete; anything else (the source tree, an external checkout such as a CPython tree) may
  # hold checked-in generated files.
  set(outputs "")
  set(build_tree_outputs "")
  set(source_tree_outputs "")
  foreach(output IN LISTS arg_OUTPUT)
    cmake_path(ABSOLUTE_PATH output BASE_DIRECTORY "${CMAKE_CURRENT_BINARY_DIR}" NORMALIZE
      OUTPUT_VARIABLE abs)
    get_property(claimed GLOBAL PROPERTY "_ATOMICGEN_OUTPUT_OWNER:${abs}" SET)
    if(claimed OR output MATCHES "^$|;|\\$<")
      _atomicgen_diagnose()
    endif()
    set_property(GLOBAL PROPERTY "_ATOMICGEN_OUTPUT_OWNER:${abs}" "${name}")
    list(APPEND outputs "${abs}")
    cmake_path(IS_PREFIX CMAKE_BINARY_DIR "${abs}" in_binary)
    if(in_binary)
      list(APPEND build_tree_outputs "${abs}")
    else()
      list(APPEND source_tree_outputs "${abs}")
    endif()
  endforeach()

  # What the custom command produces.  Ninja restats its outputs and keeps, in its log, the time
  # of the last run of a restat edge, so write-if-changed build-tree outputs can be the outputs
  # themselves.  Make compares mtimes only: its rule makes a stamp touched on every successful run
  # (done.stamp), the outputs are byproducts.  Source-tree outputs are declared nowhere; a stamp
  # touched only when an output changed (changed.stamp) orders their consumers and downstream
  # generators (with Make also those of build-tree outputs: byproducts have no rule there).
  if(CMAKE_GENERATOR MATCHES "^Ninja")
    set(ninja TRUE)
    if(source_tree_outputs STREQUAL "")
      set(done_stamp "")
      set(changed_stamp "")
      set(produces ${build_tree_outputs})
      set(byproducts "")
      set(stamp_args --)
    else()
      set(changed_stamp "${CMAKE_CURRENT_BINARY_DIR}/CMakeFiles/${name}.atomicgen/changed.stamp")
      set(byproducts "${changed_stamp}")
      if(build_tree_outputs STREQUAL "")
        string(REPLACE "changed.stamp" "done.stamp" done_stamp "${changed_stamp}")
        set(produces "${done_stamp}")
        set(stamp_args --stamp "${done_stamp}" --changed-stamp "${changed_stamp}" --)
      else()
        set(done_stamp "")
        set(produces ${build_tree_outputs})
        set(stamp_args --changed-stamp "${changed_stamp}" --)
      endif()
    endif()
  else()
    set(ninja FALSE)
    set(done_stamp "${CMAKE_CURRENT_BINARY_DIR}/CMakeFiles/${name}.atomicgen/done.stamp")
    string(REPLACE "done.stamp" "changed.stamp" changed_stamp "${done_stamp}")
    set(produces "${done_stamp}")
    set(byproducts ${build_tree_outputs} "${changed_stamp}")
    set(stamp_args --stamp "${done_stamp}" --changed-stamp "${changed_stamp}" --)
  endif()

  # DEPENDS: an entry naming an earlier add_generated_source() or one of its outputs depends on
  # what that generator's custom command changes, so this generator re-runs when an output of the
  # other one changed, and never before the other one ran.  Entries that name nothing known yet
  # are checked at the end: a later add_generated_source() must not claim them.
  set(depends AtomicGen::atomicgen ${arg_DEPENDS})
  set(unresolved "")
  set(upstreams "")
  set(resolved "")
  set(upstream_edges "")
  foreach(dep IN LISTS arg_DEPENDS)
    # Names and (normalized, absolute) outputs of earlier calls.
    get_property(upstream GLOBAL PROPERTY "_ATOMICGEN_OUTPUT_OWNER:${dep}")
    if(NOT DEFINED upstream)
      if(dep MATCHES "^/[^$]*$" AND NOT dep MATCHES "/\\.|//" AND NOT dep IN_LIST outputs)
        list(APPEND unresolved "${dep}" "${dep}")
        continue()
      endif()
      # Relative, not normalized, or a generator expression.
      _atomicgen_resolve_dependency()
      if(NOT DEFINED upstream)
        continue()
      endif()
    endif()
    if(upstream STREQUAL name)
      list(APPEND CMAKE_MESSAGE_CONTEXT atomicgen)
      message(FATAL_ERROR
        "add_generated_source(${name}): DEPENDS \"${dep}\" is an OUTPUT of this same call: a "
        "generator cannot depend on its own output")
    endif()
    list(APPEND resolved "${dep}")
    if(upstream IN_LIST upstreams)
      continue()
    endif()
    list(APPEND upstreams "${upstream}")
    get_property(upstream_record GLOBAL PROPERTY "_ATOMICGEN_SOURCE:${upstream}")
    list(POP_FRONT upstream_record upstream_owner upstream_done upstream_changed upstream_in_source)
    if(ninja)
      # Ninja knows every file here as the output of the other generator's edge; restat keeps
      # this one from re-running when none of them changed.
      list(APPEND upstream_edges ${upstream_record} ${upstream_changed})
      if(NOT upstream_owner STREQUAL owner)
        list(APPEND upstream_edges "${upstream_owner}")
      endif()
    elseif(upstream_owner STREQUAL owner)
      # The same Make target: only the done stamp has a rule there (so with Make this generator
      # re-runs whenever the other one ran).
      list(APPEND upstream_edges "${upstream_done}")
    else()
      # Another target, complete before this one starts: its changed stamp (a byproduct, which
      # Make has no rule for) exists by then.
      list(APPEND upstream_edges "${upstream_owner}" "${upstream_changed}")
    endif()
  endforeach()
  if(NOT resolved STREQUAL "")
    # Replaced by the edges above (a name is no file, and with OWNER no target either).
    list(REMOVE_ITEM depends ${resolved})
    list(APPEND depends ${upstream_edges})
  endif()
  if(NOT unresolved STREQUAL "")
    # [key, DEPENDS entry]... for _atomicgen_finalize().
    set_property(GLOBAL APPEND PROPERTY _ATOMICGEN_UNRESOLVED ${unresolved})
    set_property(GLOBAL APPEND PROPERTY _ATOMICGEN_UNRESOLVED_BY "${name}")
    set_property(GLOBAL PROPERTY "_ATOMICGEN_UNRESOLVED:${name}" ${unresolved})
  endif()

  # Record the generated source.
  set_property(GLOBAL PROPERTY "_ATOMICGEN_OUTPUT_OWNER:${name}" "${name}")
  # [owner, done stamp, changed stamp, has source-tree outputs, build-tree outputs...]
  set_property(GLOBAL PROPERTY "_ATOMICGEN_SOURCE:${name}"
    "${owner}" "${done_stamp}" "${changed_stamp}" "${source_tree_outputs}" ${build_tree_outputs})
  set_property(GLOBAL APPEND PROPERTY _ATOMICGEN_KEYS "${name}" ${outputs})

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

  # The helper's command line.
  if(arg_FSYNC OR ATOMICGEN_FSYNC OR arg_IN_PLACE OR arg_STDOUT OR DEFINED arg_DEPFILE
      OR DEFINED arg_JOB_POOL)
    _atomicgen_helper_options()
  else()
    set(helper_options ${outputs})
    list(TRANSFORM helper_options PREPEND "--output;")
    set(optional_args "")
  endif()
  list(APPEND helper_options ${stamp_args})

  if(DEFINED arg_COMMENT)
    set(comment "${arg_COMMENT}")
  else()
    # Outputs relative to the build tree, or to the source tree, or absolute.
    string(REPLACE "${CMAKE_BINARY_DIR}/" "" comment "${outputs}")
    if(NOT source_tree_outputs STREQUAL "")
      string(REPLACE "${CMAKE_SOURCE_DIR}/" "" comment "${comment}")
    endif()
    string(REPLACE ";" ", " comment "Generating ${comment} (atomicgen)")
  endif()

  # The helper writes into existing directories only (those of build-tree outputs are created at
  # the end); a working directory in the build tree is created too (add_custom_command does not).
  if(DEFINED arg_WORKING_DIRECTORY)
    cmake_path(ABSOLUTE_PATH arg_WORKING_DIRECTORY BASE_DIRECTORY "${CMAKE_CURRENT_BINARY_DIR}"
      NORMALIZE OUTPUT_VARIABLE working_directory)
    set_property(GLOBAL APPEND PROPERTY _ATOMICGEN_DIRECTORIES "${working_directory}")
  else()
    set(working_directory "${CMAKE_CURRENT_BINARY_DIR}")
  endif()

  add_custom_command(
    OUTPUT ${produces}
    BYPRODUCTS ${byproducts}
    COMMAND AtomicGen::atomicgen run ${helper_options} ${generator_command}
    DEPENDS ${depends}
    WORKING_DIRECTORY "${working_directory}"
    COMMENT "${comment}"
    ${optional_args}
    VERBATIM)

  # Make cannot see a deleted byproduct (it has no rule): the owning target re-runs the generator
  # when an output is missing.  Ninja knows build-tree outputs and needs no such step.
  if(DEFINED arg_OWNER)
    target_sources("${owner}" PRIVATE ${produces})
    if(NOT ninja AND CMAKE_GENERATOR MATCHES "Makefiles")
      _atomicgen_add_recovery_line()
    endif()
  else()
    set(recover_missing "")
    if(NOT ninja AND CMAKE_GENERATOR MATCHES "Makefiles")
      set(recover_missing
        COMMAND AtomicGen::atomicgen run --only-if-missing ${helper_options} ${generator_command}
        WORKING_DIRECTORY "${working_directory}"
        VERBATIM)
    endif()
    add_custom_target("${name}" ${recover_missing} DEPENDS ${produces})
  endif()

  if(DEFINED arg_GROUP)
    _atomicgen_add_to_group("${arg_GROUP}" "${owner}")
  endif()

  if(DEFINED arg_CONSUMERS)
    set_property(GLOBAL APPEND PROPERTY _ATOMICGEN_CONSUMED "${name}")
    set_property(GLOBAL PROPERTY "_ATOMICGEN_CONSUMERS:${name}" ${arg_CONSUMERS})
  endif()
endfunction()

# internal: a DEPENDS entry of add_generated_source() that is relative, not normalized or a
# generator expression (reads and sets the caller's dep, outputs, name, upstream, unresolved).
macro(_atomicgen_resolve_dependency)
  if(NOT dep MATCHES "\\$<")
    if(IS_ABSOLUTE "${dep}")
      cmake_path(NORMAL_PATH dep OUTPUT_VARIABLE _atomicgen_candidates)
    else()
      cmake_path(ABSOLUTE_PATH dep BASE_DIRECTORY "${CMAKE_CURRENT_SOURCE_DIR}" NORMALIZE
        OUTPUT_VARIABLE _atomicgen_candidates)
      cmake_path(ABSOLUTE_PATH dep BASE_DIRECTORY "${CMAKE_CURRENT_BINARY_DIR}" NORMALIZE
        OUTPUT_VARIABLE _atomicgen_in_binary)
      list(APPEND _atomicgen_candidates "${_atomicgen_in_binary}")
    endif()
    foreach(_atomicgen_candidate IN LISTS _atomicgen_candidates)
      if(_atomicgen_candidate IN_LIST outputs)
        list(APPEND CMAKE_MESSAGE_CONTEXT atomicgen)
        message(FATAL_ERROR
          "add_generated_source(${name}): DEPENDS \"${dep}\" is an OUTPUT of this same call: a "
          "generator cannot depend on its own output")
      endif()
      get_property(upstream GLOBAL PROPERTY "_ATOMICGEN_OUTPUT_OWNER:${_atomicgen_candidate}")
      if(DEFINED upstream)
        break()
      endif()
    endforeach()
    if(NOT DEFINED upstream)
      list(APPEND unresolved "${dep}" "${dep}")
      foreach(_atomicgen_candidate IN LISTS _atomicgen_candidates)
        list(APPEND unresolved "${_atomicgen_candidate}" "${dep}")
      endforeach()
    endif()
  endif()
endmacro()

# internal: add_generated_source()'s helper options and optional arguments for the rarer keywords
# (reads the caller's arg_* and outputs, sets helper_options and optional_args there).
macro(_atomicgen_helper_options)
  set(helper_options "")
  if(arg_FSYNC OR ATOMICGEN_FSYNC)
    list(APPEND helper_options --fsync)
  endif()
  set(_atomicgen_declared ${outputs})
  if(arg_IN_PLACE)
    list(APPEND helper_options --in-place)
  elseif(arg_STDOUT)
    list(POP_FRONT _atomicgen_declared _atomicgen_stdout)
    list(APPEND helper_options --stdout "${_atomicgen_stdout}")
  endif()
  list(TRANSFORM _atomicgen_declared PREPEND "--output;")
  list(APPEND helper_options ${_atomicgen_declared})
  # The generator writes the depfile next to its outputs, so in staged mode it is staged and
  # committed with them (and any staging path in it turned back into the final one).
  set(optional_args "")
  if(DEFINED arg_DEPFILE)
    list(APPEND optional_args DEPFILE "${arg_DEPFILE}")
    if(NOT arg_IN_PLACE)
      cmake_path(ABSOLUTE_PATH arg_DEPFILE BASE_DIRECTORY "${CMAKE_CURRENT_BINARY_DIR}" NORMALIZE
        OUTPUT_VARIABLE _atomicgen_depfile)
      list(APPEND helper_options --depfile "${_atomicgen_depfile}")
    endif()
  endif()
  if(DEFINED arg_JOB_POOL)
    list(APPEND optional_args JOB_POOL "${arg_JOB_POOL}")
  endif()
endmacro()

# internal: with Make, the line of the OWNER's script that re-runs this generator when one of its
# outputs is missing (reads the caller's variables).
function(_atomicgen_add_recovery_line)
  # Each word in single quotes, a quote in it as '\''; an escaped semicolon of COMMAND is a
  # semicolon of its argument.
  set(words run --only-if-missing ${helper_options})
  list(TRANSFORM words REPLACE "'" "'\\\\''")
  list(JOIN words "' '" words)
  # list() commands split at escaped semicolons too: hide them behind a control character.
  string(ASCII 1 semicolon)
  string(REPLACE "\\;" "${semicolon}" command_words "${generator_command}")
  list(TRANSFORM command_words REPLACE "'" "'\\\\''")
  list(JOIN command_words "' '" command_words)
  string(REPLACE "${semicolon}" ";" command_words "${command_words}")
  set(tests ${outputs})
  list(TRANSFORM tests REPLACE "'" "'\\\\''")
  list(JOIN tests "' ] && [ -e '" tests)
  string(REPLACE "'" "'\\''" quoted_directory "${working_directory}")
  string(CONCAT line "[ -e '${tests}' ] && : || (cd '${quoted_directory}' && exec "
    "'$<TARGET_FILE:AtomicGen::atomicgen>' '${words}' '${command_words}') || exit $?\n")
  set_property(GLOBAL APPEND_STRING PROPERTY "_ATOMICGEN_OWNER_SCRIPT_TEXT:${owner}" "${line}")
endfunction()

# internal: check add_generated_source()'s GROUP (reads the caller's variables).
function(_atomicgen_check_group)
  if(arg_GROUP STREQUAL name OR arg_GROUP STREQUAL owner)
    _atomicgen_diagnose()
  elseif(TARGET "${arg_GROUP}")
    get_target_property(group_type "${arg_GROUP}" TYPE)
    get_target_property(group_imported "${arg_GROUP}" IMPORTED)
    get_target_property(group_aliased "${arg_GROUP}" ALIASED_TARGET)
    if(NOT group_type STREQUAL "UTILITY" OR group_imported OR group_aliased)
      _atomicgen_diagnose()
    endif()
  elseif(NOT arg_GROUP MATCHES "^[A-Za-z0-9_.+-]+$")
    _atomicgen_diagnose()
  endif()
endfunction()

# internal: make custom target <group> (created on first use) build <owner>, once.
function(_atomicgen_add_to_group group owner)
  if(NOT TARGET "${group}")
    add_custom_target("${group}")
  endif()
  get_property(grouped GLOBAL PROPERTY "_ATOMICGEN_GROUPED:${group}|${owner}" SET)
  if(NOT grouped)
    set_property(GLOBAL PROPERTY "_ATOMICGEN_GROUPED:${group}|${owner}" TRUE)
    add_dependencies("${group}" "${owner}")
  endif()
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
endfunction()

# internal: wire <consumer> to the generated source <name> (variables of _atomicgen_finalize():
# consumer, name, owner, changed_stamp, source_tree_outputs); <shown> names the link in messages.
macro(_atomicgen_link shown)
  # What a consumer resolves to (itself, or the target it aliases) is looked up once.
  get_property(_atomicgen_target GLOBAL PROPERTY "_ATOMICGEN_CONSUMER:${consumer}")
  if(NOT DEFINED _atomicgen_target)
    if(NOT TARGET "${consumer}")
      message(FATAL_ERROR "${shown} is not a target")
    endif()
    get_target_property(_atomicgen_target "${consumer}" ALIASED_TARGET)
    if(NOT _atomicgen_target)
      set(_atomicgen_target "${consumer}")
    endif()
    set_property(GLOBAL PROPERTY "_ATOMICGEN_CONSUMER:${consumer}" "${_atomicgen_target}")
  endif()
  if(consumer STREQUAL name OR consumer STREQUAL owner OR _atomicgen_target STREQUAL owner)
    message(FATAL_ERROR "${shown}: a generated source cannot consume itself")
  endif()
  if(NOT DEFINED "_atomicgen_linked:${_atomicgen_target}|${owner}")
    set("_atomicgen_linked:${_atomicgen_target}|${owner}" TRUE)
    add_dependencies("${_atomicgen_target}" "${owner}")
  endif()
  # The build tool does not know source-tree outputs: every object of the consumer depends on
  # the stamp touched when one of them changed.
  if(NOT source_tree_outputs STREQUAL "")
    _atomicgen_depend_on_changed_stamp("${_atomicgen_target}" "${name}" "${changed_stamp}")
  endif()
endmacro()

# internal: every source of <consumer> gets <changed_stamp> in its OBJECT_DEPENDS (once per name).
function(_atomicgen_depend_on_changed_stamp consumer name changed_stamp)
  get_property(done GLOBAL PROPERTY "_ATOMICGEN_STAMPED:${consumer}|${name}" SET)
  get_target_property(imported "${consumer}" IMPORTED)
  if(done OR imported)
    return()
  endif()
  set_property(GLOBAL PROPERTY "_ATOMICGEN_STAMPED:${consumer}|${name}" TRUE)
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
endfunction()

# internal: end of configuration: create the directories the helper writes into, write the Make
# owners' scripts, check and wire every consumer link.
function(_atomicgen_finalize)
  list(APPEND CMAKE_MESSAGE_CONTEXT atomicgen)

  # Every name and output (keys), and what earlier DEPENDS entries named before anything claimed
  # it (pairs of key and entry).  A key among those means a DEPENDS entry named a later call.
  get_property(keys GLOBAL PROPERTY _ATOMICGEN_KEYS)
  get_property(unresolved GLOBAL PROPERTY _ATOMICGEN_UNRESOLVED)
  if(NOT unresolved STREQUAL "")
    set(all ${unresolved})
    list(REMOVE_DUPLICATES all)
    list(LENGTH all unresolved_count)
    list(LENGTH keys key_count)
    list(APPEND all ${keys})
    list(REMOVE_DUPLICATES all)
    list(LENGTH all all_count)
    math(EXPR disjoint_count "${unresolved_count} + ${key_count}")
    if(all_count LESS disjoint_count)
      get_property(callers GLOBAL PROPERTY _ATOMICGEN_UNRESOLVED_BY)
      foreach(caller IN LISTS callers)
        get_property(pairs GLOBAL PROPERTY "_ATOMICGEN_UNRESOLVED:${caller}")
        while(NOT pairs STREQUAL "")
          list(POP_FRONT pairs key value)
          get_property(owner GLOBAL PROPERTY "_ATOMICGEN_OUTPUT_OWNER:${key}")
          if(DEFINED owner)
            message(FATAL_ERROR
              "add_generated_source(${caller}): DEPENDS \"${value}\" refers to "
              "add_generated_source(${owner}), which is declared after it: declare "
              "add_generated_source(${owner}) first")
          endif()
        endwhile()
      endforeach()
    endif()
  endif()

  # The directories of build-tree outputs, and build-tree working directories.
  string(REGEX REPLACE "([][+.*()^$?|\\])" "\\\\\\1" binary_dir_regex "${CMAKE_BINARY_DIR}")
  set(directories ${keys})
  list(FILTER directories INCLUDE REGEX "^${binary_dir_regex}/")
  list(TRANSFORM directories REPLACE "/[^/]*$" "")
  get_property(working_directories GLOBAL PROPERTY _ATOMICGEN_DIRECTORIES)
  list(FILTER working_directories INCLUDE REGEX "^${binary_dir_regex}(/|$)")
  list(APPEND directories ${working_directories})
  if(NOT directories STREQUAL "")
    list(REMOVE_DUPLICATES directories)
    file(MAKE_DIRECTORY ${directories})
  endif()

  get_property(owners GLOBAL PROPERTY _ATOMICGEN_OWNERS_WITH_SCRIPT)
  foreach(owner IN LISTS owners)
    get_property(owner_dir GLOBAL PROPERTY "_ATOMICGEN_OWNER_DIR:${owner}")
    set(script "${owner_dir}/CMakeFiles/${owner}.atomicgen-missing.sh")
    get_property(text GLOBAL PROPERTY "_ATOMICGEN_OWNER_SCRIPT_TEXT:${owner}")
    file(GENERATE OUTPUT "${script}" CONTENT
      "# Generated by AtomicGen: re-run the generators of ${owner} whose outputs are missing.\n${text}")
  endforeach()

  # CONSUMERS of each call, then the links of target_link_generated_sources().
  get_property(consumed GLOBAL PROPERTY _ATOMICGEN_CONSUMED)
  foreach(name IN LISTS consumed)
    get_property(record GLOBAL PROPERTY "_ATOMICGEN_SOURCE:${name}")
    list(POP_FRONT record owner done_stamp changed_stamp source_tree_outputs)
    get_property(call_consumers GLOBAL PROPERTY "_ATOMICGEN_CONSUMERS:${name}")
    foreach(consumer IN LISTS call_consumers)
      _atomicgen_link("add_generated_source(${name}): CONSUMERS \"${consumer}\"")
    endforeach()
  endforeach()
  get_property(origins GLOBAL PROPERTY _ATOMICGEN_LINK_ORIGINS)
  get_property(consumers GLOBAL PROPERTY _ATOMICGEN_LINK_CONSUMERS)
  get_property(names GLOBAL PROPERTY _ATOMICGEN_LINK_NAMES)
  # ZIP_LISTS walks the three lists in step: linear, where list(GET <i>) per entry is quadratic.
  foreach(origin consumer name IN ZIP_LISTS origins consumers names)
    get_property(record GLOBAL PROPERTY "_ATOMICGEN_SOURCE:${name}")
    if(NOT DEFINED record)
      message(FATAL_ERROR "${origin} \"${name}\" is not a name declared by add_generated_source()")
    endif()
    list(POP_FRONT record owner done_stamp changed_stamp source_tree_outputs)
    _atomicgen_link("${origin} \"${name}\"")
  endforeach()
endfunction()

# The end of configuration wires what add_generated_source() recorded (see _atomicgen_finalize()).
cmake_language(DEFER DIRECTORY "${CMAKE_SOURCE_DIR}" CALL _atomicgen_finalize)

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
