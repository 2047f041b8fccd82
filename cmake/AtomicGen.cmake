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
      [READS_OUTPUTS]
      [READS_TREE]
      [REWRITES <file>...]
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
    ``CONSUMERS``).  A deleted source-tree output is generated again by the next build (Make:
    the owning target re-runs a generator whose output is missing; Ninja: the helper's depfile
    names the outputs as inputs of the call's stamp, unless the call has a ``DEPFILE`` of its own
    or also has build-tree outputs).  A source-tree output that a target lists among its sources must exist when
    configuring (it is checked in).  A file may be the output of only one
    ``add_generated_source()`` call.  Missing directories of build-tree outputs are created at
    configure time.  Generator expressions are not supported.

  ``COMMAND <command> [<arg>...]``
    The generator's command line, run by ``atomicgen run ... -- <command> [<arg>...]``.  If
    ``<command>`` names an executable target, its path (``$<TARGET_FILE:...>``) is substituted and
    the target is added to ``DEPENDS``, so a rebuilt generator re-runs.  Arguments are passed
    verbatim (semicolons included); generator expressions are allowed.  An argument spelled like
    one of this command's keywords cannot be passed.  When cross-compiling, a generator target's
    ``CROSSCOMPILING_EMULATOR`` is not applied: name a host tool.  The helper itself is built
    first when it is part of the project, but it is no dependency of the outputs: what a generator
    writes does not depend on it, so a rebuilt helper re-runs nothing (as a new CMake does not
    re-run ``cmake -E`` commands).

  ``DEPENDS <file-or-target>...``
    Inputs of the generator, as for ``add_custom_command(DEPENDS)``: a change re-runs it.  An entry
    naming another ``add_generated_source()``, or one of its outputs, depends on what that
    generator changes (its build-tree outputs, kept with their old times when unchanged, and
    its *changed stamp* if it has source-tree outputs), so this generator re-runs exactly when
    an output of the other one changed (see ``OWNER`` for the exception), and never before the
    other one ran.  That other call must come first (a later
    call that turns out to be named stops configuration).

  ``CONSUMERS <target>...``
    Targets that read the outputs (compile them or include them).  Each gets
    ``add_dependencies(<consumer> <owner>)`` (``<name>`` without ``OWNER``), so none of its sources compile before the generator
    finished.  If the call has source-tree outputs, every source file of every consumer also gets
    the changed stamp in its ``OBJECT_DEPENDS``: a change of any source-tree output recompiles
    every object of every consumer of this call (coarse, but correct, since the build tool does not
    know these files).  Consumers may be defined later, in any directory: the wiring is done, and
    each entry checked (a target, other than the generated source itself), at the end of
    configuration.  A target that lists an output among its sources is ordered after the generator
    as if it were named here (Ninja and Make alike), and so is a target that links a consumer of
    source-tree outputs (it sees them through the consumer's usage requirements: its objects get
    the changed stamp too).  See also
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
    see the helper's documentation for what it can and cannot promise.  Prefer ``READS_TREE`` (and
    ``REWRITES``), which stage such generators where the kernel allows it.

  ``READS_OUTPUTS``
    For read-modify-write generators, that read the files they rewrite (helper
    ``--read-outputs``): each staged output starts as a copy of the current file, so the generator
    runs staged and sees the current content; an output it leaves alone keeps its file and time.
    Cannot be combined with ``IN_PLACE``.

  ``READS_TREE``
    For generators that must see the tree around their outputs as it is: they walk directories
    (CPython's Argument Clinic and ``generate_global_objects.py`` use ``os.walk``) or import
    modules beside their outputs (helper ``--reads-tree``; implies ``READS_OUTPUTS``).  On Linux the
    helper runs them *isolated*: in a private mount namespace where the directories they write in
    are overlays, so they see the final paths and the real tree while every write lands in a
    staging directory; everything committed at once.  Where the kernel refuses isolation, the
    helper runs them ``IN_PLACE`` instead (see the helper's documentation).  Cannot be combined
    with ``IN_PLACE`` or ``STDOUT``.

  ``REWRITES <file>...``
    Inputs the generator may rewrite (Argument Clinic rewrites the checksum lines of its ``.c``
    inputs); relative paths are relative to ``CMAKE_CURRENT_SOURCE_DIR``.  They are added to
    ``DEPENDS``, and one the generator changed is committed with the outputs (helper
    ``--rewrites``; implies ``READS_TREE``).  Cannot be combined with ``IN_PLACE`` or ``STDOUT``.

  ``FSYNC``
    Pass ``--fsync`` to the helper.  Also enabled for every call by ``ATOMICGEN_FSYNC``.

  With Ninja, the custom command's outputs are the build-tree outputs (restat, and Ninja's log,
  make write-if-changed outputs work).  With Make, and with Ninja for a call with source-tree
  outputs only, its primary output is the stamp
  ``${CMAKE_CURRENT_BINARY_DIR}/CMakeFiles/atomicgen.stamps/<name>.done``, touched on each
  successful run.  For a call with source-tree outputs, ``<name>.changed`` next to it is touched
  only when an output changed.

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

# internal: stops when a word of one of add_generated_source()'s lists reads like one of its
# keywords misspelt (`COMMAND py gen.py CONSUMER app`, `OUTPUT a.h COMENT "x"`): the list would
# swallow it, and the rest of the call, silently.
function(_atomicgen_check_misspelt_keywords cmd)
  set(keywords OUTPUT COMMAND DEPENDS CONSUMERS WORKING_DIRECTORY DEPFILE COMMENT JOB_POOL GROUP
    OWNER STDOUT IN_PLACE READS_OUTPUTS READS_TREE REWRITES FSYNC)
  foreach(list_keyword IN ITEMS OUTPUT COMMAND DEPENDS CONSUMERS REWRITES)
    foreach(word IN LISTS arg_${list_keyword})
      if(NOT word MATCHES "^[A-Z][A-Z_]+$")
        continue()
      endif()
      _atomicgen_keyword_skeleton("${word}" word_skeleton)
      foreach(keyword IN LISTS keywords)
        _atomicgen_keyword_skeleton("${keyword}" keyword_skeleton)
        if(word_skeleton STREQUAL keyword_skeleton)
          message(FATAL_ERROR "${cmd}: ${list_keyword} \"${word}\" looks like the keyword "
            "${keyword} misspelt (a word that reads like a keyword cannot be passed in a list)")
        endif()
      endforeach()
    endforeach()
  endforeach()
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
  set_property(GLOBAL PROPERTY "_ATOMICGEN_OWNER:${owner}|${CMAKE_CURRENT_BINARY_DIR}" TRUE)
  set_property(GLOBAL APPEND PROPERTY _ATOMICGEN_OWNERS "${owner}")
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

# add_generated_source() is written for speed: a project may call it thousands of times, and
# every CMake command costs about a microsecond, as does every predicate of an if() and every
# compilation of a regular expression (on each use).  It has two paths.  The common call (see
# there) is recognized by two matches and taken straight through: a few commands, the same graph.
# The general path handles everything, checking whole lists with one string operation each where
# it can; what such a check cannot vouch for goes to a helper macro that works entry by entry
# (_atomicgen_classify_outputs(), _atomicgen_resolve_dependencies(), _atomicgen_rare_keywords()),
# and a misuse is explained by _atomicgen_diagnose().  The two paths must produce the same graph:
# the integration tests run both (their generators with a quote, an escaped semicolon, source-tree
# outputs, relative DEPENDS or rare keywords take the general path).  What concerns several calls
# (consumers, DEPENDS on later calls) is recorded and checked at the end of configuration, in bulk
# (_atomicgen_finalize()).
function(add_generated_source name)
  cmake_parse_arguments(PARSE_ARGV 1 arg
    "STDOUT;IN_PLACE;READS_OUTPUTS;READS_TREE;FSYNC"
    "WORKING_DIRECTORY;DEPFILE;COMMENT;JOB_POOL;GROUP;OWNER"
    "OUTPUT;COMMAND;DEPENDS;CONSUMERS;REWRITES")
  # A misspelt keyword would be swallowed by the list before it: one match finds an all-capitals
  # word in the lists, and only then is each compared with the keywords.
  if("${arg_OUTPUT};${arg_COMMAND};${arg_DEPENDS};${arg_CONSUMERS};${arg_REWRITES}" MATCHES
      "(^|;)[A-Z][A-Z_]+(;|$)")
    _atomicgen_check_misspelt_keywords("add_generated_source(${name})")
  endif()
  # REWRITES: inputs the generator may rewrite are inputs first.
  if(DEFINED arg_REWRITES)
    list(TRANSFORM arg_REWRITES PREPEND "${CMAKE_CURRENT_SOURCE_DIR}/" REGEX "^[^/]")
    list(APPEND arg_DEPENDS ${arg_REWRITES})
  endif()

  # The common call, straight through: Ninja or Unix Makefiles; no rare keyword; the name new and
  # valid; no OWNER, or one this directory already created; a generator that is no target and a
  # command without quote or backslash (an escaped semicolon); every output in the build tree,
  # normalized and without quote; DEPENDS given, every entry absolute, normalized and
  # outside the build tree, and no source-tree output anywhere (so no entry can name another
  # call: see below).  Anything else takes the general path below, which checks and explains
  # everything one by one.  The test is written for CMake's cost model: every predicate of an
  # if() costs about as much as a command, and a regular expression is compiled on each use, so
  # the scalar conditions are joined into one subject for one match, and the paths into another
  # (the outputs with the build tree's prefix replaced by "|", where no ";" may be left, a
  # newline, the DEPENDS entries, where ";|" would be one in the build tree).
  get_property(owner_here GLOBAL PROPERTY "_ATOMICGEN_OWNER:${arg_OWNER}|${CMAKE_CURRENT_BINARY_DIR}"
    SET)
  get_property(taken GLOBAL PROPERTY "_ATOMICGEN_SOURCE:${name}" SET)
  list(GET arg_COMMAND 0 generator)
  list(TRANSFORM arg_OUTPUT PREPEND "${CMAKE_CURRENT_BINARY_DIR}/" REGEX "^[^/]"
    OUTPUT_VARIABLE outputs)
  string(REPLACE ";${CMAKE_BINARY_DIR}/" "|" probe ";${outputs}\n;${arg_DEPENDS}")
  if(NOT DEFINED arg_UNPARSED_ARGUMENTS AND "${taken}${owner_here}${arg_OWNER}|\
${_ATOMICGEN_SOURCE_TREE_OUTPUTS}${arg_KEYWORDS_MISSING_VALUES}${arg_STDOUT}${arg_IN_PLACE}\
${arg_READS_OUTPUTS}${arg_READS_TREE}${arg_FSYNC}${arg_WORKING_DIRECTORY}${arg_DEPFILE}${arg_JOB_POOL}${arg_GROUP}\
${arg_COMMENT}${arg_REWRITES}|${ATOMICGEN_FSYNC}|${CMAKE_GENERATOR}|${name}|${arg_COMMAND}" MATCHES
      "^0(0|1[^|]+)\\|FALSEFALSEFALSEFALSEFALSE\\|OFF\\|(Ninja|Unix Makefiles)\\|[A-Za-z0-9_.+-]+\\|[^;'\\][^'\\]*$"
      AND NOT probe MATCHES "^[^\n]*;|\n[^\n]*[\n|]|[\\:$']|//|[/|][.|\n]|;([^/]|$)"
      AND NOT TARGET "${name}" AND NOT TARGET "${generator}")
    set(owner ${arg_OWNER} "${name}")
    list(GET owner 0 owner)
    _atomicgen_claim_outputs()
    set_property(GLOBAL APPEND PROPERTY _ATOMICGEN_UNRESOLVED "<${name}>" ${arg_DEPENDS})
    set_property(GLOBAL APPEND PROPERTY _ATOMICGEN_KEYS "${name}" ${outputs})
    list(TRANSFORM outputs PREPEND "--output;" OUTPUT_VARIABLE helper_options)
    string(REPLACE "${CMAKE_BINARY_DIR}/" "" comment "${outputs}")
    string(REPLACE ";" ", " comment "Generating ${comment} (atomicgen)")
    if(CMAKE_GENERATOR STREQUAL "Ninja")
      set_property(GLOBAL PROPERTY "_ATOMICGEN_SOURCE:${name}" "${owner}" "" "" "" ${outputs})
      add_custom_command(
        OUTPUT ${outputs}
        COMMAND AtomicGen::atomicgen run ${helper_options} -- ${arg_COMMAND}
        DEPENDS ${arg_DEPENDS}
        COMMENT "${comment}"
        VERBATIM)
      if(DEFINED arg_OWNER)
        set_property(GLOBAL APPEND PROPERTY "_ATOMICGEN_OWNED:${owner}" ${outputs})
      else()
        add_custom_target("${name}" DEPENDS ${outputs})
      endif()
    else()
      # Unix Makefiles: the rule makes the done stamp, the outputs are byproducts; the owner
      # re-runs the generator when an output is missing (see the general path).
      set(done_stamp "${CMAKE_CURRENT_BINARY_DIR}/CMakeFiles/atomicgen.stamps/${name}.done")
      set_property(GLOBAL PROPERTY "_ATOMICGEN_SOURCE:${name}" "${owner}" "${done_stamp}" "" ""
        ${outputs})
      add_custom_command(
        OUTPUT "${done_stamp}"
        BYPRODUCTS ${outputs}
        COMMAND AtomicGen::atomicgen run ${helper_options} --stamp "${done_stamp}" -- ${arg_COMMAND}
        DEPENDS ${arg_DEPENDS}
        COMMENT "${comment}"
        VERBATIM)
      if(NOT DEFINED arg_OWNER)
        add_custom_target("${name}"
          COMMAND AtomicGen::atomicgen run --only-if-missing ${helper_options}
                  --stamp "${done_stamp}" -- ${arg_COMMAND}
          VERBATIM
          DEPENDS "${done_stamp}")
      else()
        # (No word has a quote or a backslash here: the test above sent those the general way.)
        set_property(GLOBAL APPEND PROPERTY "_ATOMICGEN_OWNED:${owner}" "${done_stamp}")
        string(REPLACE ";" "' '" words "${outputs};--;${CMAKE_CURRENT_BINARY_DIR};run;\
--only-if-missing;${helper_options};--stamp;${done_stamp};--;${arg_COMMAND}")
        set_property(GLOBAL APPEND_STRING PROPERTY "_ATOMICGEN_OWNER_SCRIPT_TEXT:${owner}"
          "check '${words}'\n")
      endif()
    endif()
    list(TRANSFORM arg_CONSUMERS APPEND ">${owner}>${name}" OUTPUT_VARIABLE links)
    set_property(GLOBAL APPEND PROPERTY _ATOMICGEN_LINKS ${links})
    return()
  endif()

  # The general path (recorded for the tests that make sure the common path is taken).  The
  # owning target: an OWNER of this directory already created is the common case.
  set_property(GLOBAL APPEND PROPERTY _ATOMICGEN_GENERAL_CALLS "${name}")
  get_property(owner_dir GLOBAL PROPERTY "_ATOMICGEN_OWNER_DIR:${arg_OWNER}")
  if(owner_dir STREQUAL CMAKE_CURRENT_BINARY_DIR)
    set(owner "${arg_OWNER}")
  elseif(DEFINED arg_OWNER)
    set(owner "${arg_OWNER}")
    if(DEFINED owner_dir OR TARGET "${owner}" OR NOT owner MATCHES "^[A-Za-z0-9_.+-]+$")
      _atomicgen_diagnose()
    endif()
    _atomicgen_create_owner("${owner}")
  else()
    set(owner "${name}")
    if(TARGET "${name}")
      _atomicgen_diagnose()
    endif()
  endif()
  # One match checks that the name is new ("0", looked up above) and valid, that no keyword lacks
  # its value and that COMMAND has a non-empty first word.  A missing OUTPUT is caught with the
  # outputs.
  if(DEFINED arg_UNPARSED_ARGUMENTS OR NOT
      "${taken}${arg_KEYWORDS_MISSING_VALUES}|${name}|${arg_COMMAND}" MATCHES
      "^0\\|[A-Za-z0-9_.+-]+\\|[^;]")
    _atomicgen_diagnose()
  endif()

  # Outputs (made absolute above): each claimed by one call.  Only files under the build tree are
  # the build's to delete; anything else (the source tree, an external checkout such as a CPython
  # tree) may hold checked-in generated files.  Build-tree outputs are recognized on the whole
  # list: once the build tree's prefix is replaced by "|", no ";" is left and nothing needs
  # normalizing (no "//", "/.", empty name, "\", ":" or "$").
  string(REPLACE ";${CMAKE_BINARY_DIR}/" "|" probe ";${outputs}")
  if(probe MATCHES "[;\\:$]|//|/\\.|\\|\\.|/\\||/$|\\|$|\\|\\|")
    _atomicgen_classify_outputs()
  else()
    set(build_tree_outputs ${outputs})
    set(has_source_tree_outputs "")
    # The status line shows outputs relative to the build tree.
    string(REPLACE "${CMAKE_BINARY_DIR}/" "" comment "${outputs}")
    _atomicgen_claim_outputs()
  endif()

  # What the custom command produces.  Ninja restats its outputs and keeps, in its log, the time
  # of the last run of a restat edge, so write-if-changed build-tree outputs can be the outputs
  # themselves.  Make compares mtimes only: its rule makes a stamp touched on every successful run
  # (done stamp), the outputs are byproducts (whose mtimes, kept when unchanged, order generators
  # downstream).  Source-tree outputs are declared nowhere; a stamp touched only when one of them
  # changed (changed stamp) orders their consumers and downstream generators.  The stamps of a
  # directory's calls share one directory (one per call costs CMake noticeably more).
  # (Comparisons, not matches: a CMake regular expression is compiled on every use.)
  if("${has_source_tree_outputs}${CMAKE_GENERATOR}" STREQUAL "Ninja")
    set(makefiles FALSE)
    set(produces ${build_tree_outputs})
    set(byproducts "")
    set(done_stamp "")
    set(changed_stamp "")
    set(stamp_args "")
  elseif("${has_source_tree_outputs}${CMAKE_GENERATOR}" STREQUAL "Unix Makefiles")
    set(makefiles TRUE)
    set(done_stamp "${CMAKE_CURRENT_BINARY_DIR}/CMakeFiles/atomicgen.stamps/${name}.done")
    set(changed_stamp "")
    set(produces "${done_stamp}")
    set(byproducts ${build_tree_outputs})
    set(stamp_args --stamp "${done_stamp}")
  else()
    _atomicgen_stamps()
  endif()

  # DEPENDS: an entry naming an earlier add_generated_source() or one of its outputs depends on
  # what that generator's custom command changes, so this generator re-runs when an output of the
  # other one changed, and never before the other one ran.  Entries that name nothing known yet
  # are checked at the end: a later add_generated_source() must not claim them.  The common case
  # needs no lookup: every entry absolute and normalized, none in the build tree (shown as ";|"
  # once the prefix is replaced), and no source-tree output anywhere ("1" in front).  (A name is
  # relative.)
  string(REPLACE ";${CMAKE_BINARY_DIR}/" ";|" probe ";${arg_DEPENDS}")
  if("${_ATOMICGEN_SOURCE_TREE_OUTPUTS}${probe}" MATCHES "^1|;(\\||[^/]|$)|//|/\\.|[\\:$]")
    _atomicgen_resolve_dependencies()
  else()
    # "<name>", then the entries that name nothing known yet: for _atomicgen_finalize().
    set_property(GLOBAL APPEND PROPERTY _ATOMICGEN_UNRESOLVED "<${name}>" ${arg_DEPENDS})
  endif()

  # COMMAND: an executable target as the generator.  add_custom_command() substitutes only the
  # first word of its own COMMAND, which is the helper here, so substitute the generator ourselves.
  list(GET arg_COMMAND 0 generator)
  if(TARGET "${generator}")
    get_target_property(generator_type "${generator}" TYPE)
    if(generator_type STREQUAL "EXECUTABLE")
      list(POP_FRONT arg_COMMAND)
      list(PREPEND arg_COMMAND "$<TARGET_FILE:${generator}>")
      list(APPEND arg_DEPENDS "${generator}")
    endif()
  endif()

  # The helper's command line, the status line and the directory the helper and the generator
  # run in; the rarer keywords (or an ATOMICGEN_FSYNC other than the default), recognized in one
  # comparison (an option is TRUE or FALSE, an absent keyword expands to nothing), change them.
  list(TRANSFORM outputs PREPEND "--output;" OUTPUT_VARIABLE helper_options)
  string(REPLACE ";" ", " comment "Generating ${comment} (atomicgen)")
  set(working_directory "${CMAKE_CURRENT_BINARY_DIR}")
  set(optional_args "")
  if(NOT "${arg_STDOUT}${arg_IN_PLACE}${arg_READS_OUTPUTS}${arg_READS_TREE}${arg_FSYNC}\
${arg_WORKING_DIRECTORY}${arg_DEPFILE}${arg_JOB_POOL}${arg_GROUP}${arg_COMMENT}${arg_REWRITES}|\
${ATOMICGEN_FSYNC}" STREQUAL "FALSEFALSEFALSEFALSEFALSE|OFF")
    _atomicgen_rare_keywords()
  endif()

  # Ninja knows nothing of source-tree outputs: the helper writes a depfile naming them as inputs
  # of the done stamp, so that a deleted one re-runs the generator (with Make, the owning target's
  # --only-if-missing step does that).  Not for a call with a DEPFILE of its own: a command has one.
  if(CMAKE_GENERATOR STREQUAL "Ninja" AND has_source_tree_outputs AND build_tree_outputs STREQUAL ""
      AND NOT DEFINED arg_DEPFILE)
    set(outputs_depfile "${CMAKE_CURRENT_BINARY_DIR}/CMakeFiles/atomicgen.stamps/${name}.d")
    # Ninja wants the rule's first output as build.ninja spells it: relative to the build tree.
    file(RELATIVE_PATH depfile_target "${CMAKE_BINARY_DIR}" "${done_stamp}")
    list(APPEND stamp_args --outputs-depfile "${outputs_depfile}" --depfile-target "${depfile_target}")
    list(APPEND optional_args DEPFILE "${outputs_depfile}")
  endif()

  # Record the generated source:
  # [owner, done stamp, changed stamp, has source-tree outputs, build-tree outputs...]
  set_property(GLOBAL PROPERTY "_ATOMICGEN_SOURCE:${name}"
    "${owner}" "${done_stamp}" "${changed_stamp}" "${has_source_tree_outputs}"
    ${build_tree_outputs})
  set_property(GLOBAL APPEND PROPERTY _ATOMICGEN_KEYS "${name}" ${outputs})

  # The helper is no dependency: what a generator writes does not depend on it (a target-level
  # dependency still builds it first when it is part of the project).  The outputs' depfile names
  # absolute paths, which Ninja reads as they are: no `cmake -E cmake_transform_depfile` process
  # per run (CMP0116 OLD for that one command).
  cmake_policy(PUSH)
  if(DEFINED outputs_depfile)
    cmake_policy(SET CMP0116 OLD)
  endif()
  add_custom_command(
    OUTPUT ${produces}
    BYPRODUCTS ${byproducts}
    COMMAND AtomicGen::atomicgen run ${helper_options} ${stamp_args} -- ${arg_COMMAND}
    DEPENDS ${arg_DEPENDS}
    WORKING_DIRECTORY "${working_directory}"
    COMMENT "${comment}"
    ${optional_args}
    VERBATIM)
  cmake_policy(POP)

  # Make cannot see a deleted byproduct (it has no rule): the owning target re-runs the generator
  # when an output is missing.  Ninja knows build-tree outputs and needs no such step.
  if(DEFINED arg_OWNER)
    # Added to the owner at the end, in one target_sources() per owner.
    set_property(GLOBAL APPEND PROPERTY "_ATOMICGEN_OWNED:${owner}" ${produces})
    if(makefiles)
      _atomicgen_add_recovery_line()
    endif()
  else()
    set(recover_missing "")
    if(makefiles)
      set(recover_missing
        COMMAND AtomicGen::atomicgen run --only-if-missing ${helper_options} ${stamp_args} --
                ${arg_COMMAND}
        WORKING_DIRECTORY "${working_directory}"
        VERBATIM)
    endif()
    add_custom_target("${name}" ${recover_missing} DEPENDS ${produces})
  endif()

  # CONSUMERS: "<consumer>><owner>><name>" for _atomicgen_finalize(), which checks and wires each
  # consumer and owner pair once; those of a call with source-tree outputs (_ATOMICGEN_LINKS1)
  # also get its changed stamp.  (No CONSUMERS appends nothing.)
  list(TRANSFORM arg_CONSUMERS APPEND ">${owner}>${name}" OUTPUT_VARIABLE links)
  set_property(GLOBAL APPEND PROPERTY "_ATOMICGEN_LINKS${has_source_tree_outputs}" ${links})
endfunction()

# internal: claim add_generated_source()'s outputs (absolute, normalized) for the call <name>, or
# explain why one cannot be (reads the caller's variables).
function(_atomicgen_claim_outputs)
  foreach(abs IN LISTS outputs)
    get_property(claimed GLOBAL PROPERTY "_ATOMICGEN_OUTPUT_OWNER:${abs}" SET)
    if(claimed)
      _atomicgen_diagnose()
    endif()
    set_property(GLOBAL PROPERTY "_ATOMICGEN_OUTPUT_OWNER:${abs}" "${name}")
  endforeach()
endfunction()

# internal: add_generated_source()'s outputs one by one, when the whole-list check could not vouch
# for them (reads the caller's arg_OUTPUT and name; sets outputs, build_tree_outputs,
# has_source_tree_outputs and comment there).
macro(_atomicgen_classify_outputs)
  if(NOT DEFINED arg_OUTPUT)
    _atomicgen_diagnose()
  endif()
  set(outputs "")
  set(build_tree_outputs "")
  set(has_source_tree_outputs "")
  foreach(_atomicgen_output IN LISTS arg_OUTPUT)
    cmake_path(ABSOLUTE_PATH _atomicgen_output BASE_DIRECTORY "${CMAKE_CURRENT_BINARY_DIR}"
      NORMALIZE OUTPUT_VARIABLE _atomicgen_abs)
    get_property(_atomicgen_claimed GLOBAL PROPERTY "_ATOMICGEN_OUTPUT_OWNER:${_atomicgen_abs}" SET)
    if(_atomicgen_claimed OR _atomicgen_output MATCHES "^$|;|\\$<")
      _atomicgen_diagnose()
    endif()
    set_property(GLOBAL PROPERTY "_ATOMICGEN_OUTPUT_OWNER:${_atomicgen_abs}" "${name}")
    list(APPEND outputs "${_atomicgen_abs}")
    cmake_path(IS_PREFIX CMAKE_BINARY_DIR "${_atomicgen_abs}" _atomicgen_in_binary)
    if(_atomicgen_in_binary)
      list(APPEND build_tree_outputs "${_atomicgen_abs}")
    else()
      set(has_source_tree_outputs 1)
    endif()
  endforeach()
  if(has_source_tree_outputs)
    # From now on every DEPENDS entry is looked up (see add_generated_source()).
    set(_ATOMICGEN_SOURCE_TREE_OUTPUTS 1 CACHE INTERNAL "")
  endif()
  # The status line shows outputs relative to the build tree, or the source tree, or absolute.
  string(REPLACE "${CMAKE_BINARY_DIR}/" "" comment "${outputs}")
  string(REPLACE "${CMAKE_SOURCE_DIR}/" "" comment "${comment}")
endmacro()

# internal: add_generated_source()'s stamps and custom command outputs for a call with source-tree
# outputs, or with another generator than Ninja and Unix Makefiles (reads and sets the caller's
# variables; see there).
macro(_atomicgen_stamps)
  set(done_stamp "${CMAKE_CURRENT_BINARY_DIR}/CMakeFiles/atomicgen.stamps/${name}.done")
  set(changed_stamp "${CMAKE_CURRENT_BINARY_DIR}/CMakeFiles/atomicgen.stamps/${name}.changed")
  set(byproducts "${changed_stamp}")
  if(CMAKE_GENERATOR MATCHES "Makefiles")
    set(makefiles TRUE)
  else()
    set(makefiles FALSE)
  endif()
  if(NOT CMAKE_GENERATOR MATCHES "^Ninja")
    set(produces "${done_stamp}")
    list(APPEND byproducts ${build_tree_outputs})
    set(stamp_args --stamp "${done_stamp}" --changed-stamp "${changed_stamp}")
  elseif(NOT has_source_tree_outputs)
    # Ninja Multi-Config, build-tree outputs only: as with Ninja.
    set(done_stamp "")
    set(changed_stamp "")
    set(produces ${build_tree_outputs})
    set(byproducts "")
    set(stamp_args "")
  elseif(build_tree_outputs STREQUAL "")
    set(produces "${done_stamp}")
    set(stamp_args --stamp "${done_stamp}" --changed-stamp "${changed_stamp}")
  else()
    set(done_stamp "")
    set(produces ${build_tree_outputs})
    set(stamp_args --changed-stamp "${changed_stamp}")
  endif()
endmacro()

# internal: add_generated_source()'s DEPENDS entries one by one, when some entry may be known,
# relative, not normalized or a generator expression (reads the caller's variables; rewrites its
# arg_DEPENDS; entries that name nothing known yet are recorded for _atomicgen_finalize()).  A
# function, not a macro: a macro costs its whole body on every call.
function(_atomicgen_resolve_dependencies)
  set(_atomicgen_unresolved "")
  set(_atomicgen_upstreams "")
  set(_atomicgen_resolved "")
  set(_atomicgen_edges "")
  if(CMAKE_GENERATOR MATCHES "^Ninja")
    set(_atomicgen_ninja TRUE)
  else()
    set(_atomicgen_ninja FALSE)
  endif()
  foreach(dep IN LISTS arg_DEPENDS)
    if(dep STREQUAL "" OR dep STREQUAL name)
      _atomicgen_diagnose()
    endif()
    # (Normalized, absolute) outputs and names of earlier calls.
    get_property(upstream GLOBAL PROPERTY "_ATOMICGEN_OUTPUT_OWNER:${dep}")
    if(NOT DEFINED upstream)
      get_property(_atomicgen_is_name GLOBAL PROPERTY "_ATOMICGEN_SOURCE:${dep}" SET)
      if(_atomicgen_is_name)
        set(upstream "${dep}")
      else()
        # Nothing known as spelled: an absolute normalized path is kept as it is; a relative one
        # may be a file relative to the source or the binary directory; a path is normalized.
        # Each candidate that names nothing known yet is recorded as unresolved, with its
        # spelling when that differs.
        if(dep MATCHES "\\$<|^<")
          # A generator expression is not resolved; a "<" cannot begin a name or an absolute path.
        elseif(dep MATCHES "^/[^$]*$" AND NOT dep MATCHES "/\\.|//")
          list(APPEND _atomicgen_unresolved "${dep}")
        else()
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
            get_property(upstream GLOBAL PROPERTY "_ATOMICGEN_OUTPUT_OWNER:${_atomicgen_candidate}")
            if(DEFINED upstream)
              break()
            endif()
          endforeach()
          if(NOT DEFINED upstream)
            list(APPEND _atomicgen_unresolved "${dep}" ${_atomicgen_candidates})
            foreach(_atomicgen_candidate IN LISTS _atomicgen_candidates)
              set_property(GLOBAL PROPERTY "_ATOMICGEN_SPELLING:${name}|${_atomicgen_candidate}" "${dep}")
            endforeach()
          endif()
        endif()
        if(NOT DEFINED upstream)
          continue()
        endif()
      endif()
    endif()
    if(upstream STREQUAL name)
      list(APPEND CMAKE_MESSAGE_CONTEXT atomicgen)
      message(FATAL_ERROR
        "add_generated_source(${name}): DEPENDS \"${dep}\" is an OUTPUT of this same call: a "
        "generator cannot depend on its own output")
    endif()
    list(APPEND _atomicgen_resolved "${dep}")
    if(upstream IN_LIST _atomicgen_upstreams)
      continue()
    endif()
    list(APPEND _atomicgen_upstreams "${upstream}")
    get_property(_atomicgen_record GLOBAL PROPERTY "_ATOMICGEN_SOURCE:${upstream}")
    list(POP_FRONT _atomicgen_record _atomicgen_upstream_owner _atomicgen_upstream_done
      _atomicgen_upstream_changed _atomicgen_upstream_in_source)
    if(_atomicgen_ninja)
      # Ninja knows every file here as the output of the other generator's edge; restat keeps
      # this one from re-running when none of them changed.
      list(APPEND _atomicgen_edges ${_atomicgen_record} ${_atomicgen_upstream_changed})
      if(NOT _atomicgen_upstream_owner STREQUAL owner)
        list(APPEND _atomicgen_edges "${_atomicgen_upstream_owner}")
      endif()
    elseif(_atomicgen_upstream_owner STREQUAL owner)
      # The same Make target: only the done stamp has a rule there (so with Make this generator
      # re-runs whenever the other one ran).
      list(APPEND _atomicgen_edges "${_atomicgen_upstream_done}")
    else()
      # Another target, complete before this one starts: its build-tree outputs (byproducts,
      # which Make has no rule for, exist by then and keep their mtimes when unchanged), or its
      # changed stamp when it has source-tree outputs.
      if(_atomicgen_upstream_changed STREQUAL "")
        list(APPEND _atomicgen_edges "${_atomicgen_upstream_owner}" ${_atomicgen_record})
      else()
        list(APPEND _atomicgen_edges "${_atomicgen_upstream_owner}" "${_atomicgen_upstream_changed}")
      endif()
    endif()
  endforeach()
  if(NOT _atomicgen_resolved STREQUAL "")
    # Replaced by the edges above (a name is no file, and with OWNER no target either).
    list(REMOVE_ITEM arg_DEPENDS ${_atomicgen_resolved})
    list(APPEND arg_DEPENDS ${_atomicgen_edges})
    set(arg_DEPENDS "${arg_DEPENDS}" PARENT_SCOPE)
  endif()
  if(NOT _atomicgen_unresolved STREQUAL "")
    set_property(GLOBAL APPEND PROPERTY _ATOMICGEN_UNRESOLVED "<${name}>" ${_atomicgen_unresolved})
  endif()
endfunction()

# internal: add_generated_source()'s rarer keywords: checks, helper options, optional arguments,
# status line and working directory (reads and sets the caller's variables).
macro(_atomicgen_rare_keywords)
  if((arg_STDOUT AND arg_IN_PLACE) OR (arg_READS_OUTPUTS AND arg_IN_PLACE))
    _atomicgen_diagnose()
  endif()
  if(arg_READS_TREE AND (arg_IN_PLACE OR arg_STDOUT))
    _atomicgen_diagnose()
  endif()
  if(DEFINED arg_REWRITES AND (arg_IN_PLACE OR arg_STDOUT))
    _atomicgen_diagnose()
  endif()
  if(DEFINED arg_GROUP)
    _atomicgen_check_group()
    # (A target may depend on one defined later: <owner> may not exist yet.)
    _atomicgen_add_to_group("${arg_GROUP}" "${owner}")
  endif()
  set(helper_options "")
  if(arg_FSYNC OR ATOMICGEN_FSYNC)
    list(APPEND helper_options --fsync)
  endif()
  set(_atomicgen_declared ${outputs})
  if(arg_READS_OUTPUTS)
    list(APPEND helper_options --read-outputs)
  endif()
  if(arg_READS_TREE)
    list(APPEND helper_options --reads-tree)
  endif()
  foreach(_atomicgen_input IN LISTS arg_REWRITES)
    list(APPEND helper_options --rewrites "${_atomicgen_input}")
  endforeach()
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
  if(DEFINED arg_COMMENT)
    set(comment "${arg_COMMENT}")
  endif()
  # The helper writes into existing directories only (those of build-tree outputs are created at
  # the end); a working directory in the build tree is created too (add_custom_command does not).
  if(DEFINED arg_WORKING_DIRECTORY)
    cmake_path(ABSOLUTE_PATH arg_WORKING_DIRECTORY BASE_DIRECTORY "${CMAKE_CURRENT_BINARY_DIR}"
      NORMALIZE OUTPUT_VARIABLE working_directory)
    set_property(GLOBAL APPEND PROPERTY _ATOMICGEN_DIRECTORIES "${working_directory}")
  endif()
endmacro()

# internal: with Make, the line of the OWNER's script that re-runs this generator when one of its
# outputs is missing (reads the caller's variables): each word in single quotes; words with a
# quote or a backslash (an escaped semicolon) are left to _atomicgen_add_quoted_recovery_line().
macro(_atomicgen_add_recovery_line)
  if("${working_directory}${helper_options}${stamp_args}${arg_COMMAND}" MATCHES "['\\]")
    _atomicgen_add_quoted_recovery_line()
  else()
    string(REPLACE ";" "' '" _atomicgen_words "${outputs};--;${working_directory};run;\
--only-if-missing;${helper_options};${stamp_args};--;${arg_COMMAND}")
    set_property(GLOBAL APPEND_STRING PROPERTY "_ATOMICGEN_OWNER_SCRIPT_TEXT:${owner}"
      "check '${_atomicgen_words}'\n")
  endif()
endmacro()

# internal: _atomicgen_add_recovery_line() for words that need quoting.
function(_atomicgen_add_quoted_recovery_line)
  # Each word in single quotes, a quote in it as '\''; an escaped semicolon of COMMAND is a
  # semicolon of its argument: list() commands split at escaped semicolons too, so they hide
  # behind a control character meanwhile.
  string(ASCII 1 semicolon)
  string(REPLACE "\\;" "${semicolon}" words "${outputs};--;${working_directory};run;--only-if-missing;\
${helper_options};${stamp_args};--;${arg_COMMAND}")
  list(TRANSFORM words REPLACE "'" "'\\\\''")
  list(JOIN words "' '" words)
  string(REPLACE "${semicolon}" ";" words "${words}")
  set_property(GLOBAL APPEND_STRING PROPERTY "_ATOMICGEN_OWNER_SCRIPT_TEXT:${owner}"
    "check '${words}'\n")
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

# internal: wire <consumer> to the generated source <name> for target_link_generated_sources()
# (variables of _atomicgen_finalize(): consumer, name, owner, changed_stamp,
# has_source_tree_outputs); <shown> names the link in messages.
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
  if(has_source_tree_outputs)
    _atomicgen_depend_on_changed_stamp("${_atomicgen_target}" "${name}" "${changed_stamp}")
  endif()
endmacro()

# internal: a CONSUMERS entry <consumer> of the calls owned by <owner> is empty, not a target, or
# the generated source itself: name the first such call and stop (reads the variables of
# _atomicgen_finalize(): links, consumer, owner, target).
function(_atomicgen_reject_consumer)
  foreach(link IN LISTS links)
    if(link MATCHES "^(.*)>([^>]*)>([^>]*)$" AND CMAKE_MATCH_1 STREQUAL consumer
        AND CMAKE_MATCH_2 STREQUAL owner)
      set(name "${CMAKE_MATCH_3}")
      break()
    endif()
  endforeach()
  set(shown "add_generated_source(${name}): CONSUMERS \"${consumer}\"")
  if(consumer STREQUAL "")
    message(FATAL_ERROR "${shown} is empty")
  elseif(consumer STREQUAL name OR consumer STREQUAL owner OR target STREQUAL owner)
    message(FATAL_ERROR "${shown} is the generated source itself")
  endif()
  message(FATAL_ERROR "${shown} is not a target")
endfunction()

# internal: every source of <consumer> gets <changed_stamp> in its OBJECT_DEPENDS (once per name).
function(_atomicgen_depend_on_changed_stamp consumer name changed_stamp)
  get_property(done GLOBAL PROPERTY "_ATOMICGEN_STAMPED:${consumer}|${name}" SET)
  get_target_property(imported "${consumer}" IMPORTED)
  if(done OR imported)
    return()
  endif()
  set_property(GLOBAL PROPERTY "_ATOMICGEN_STAMPED:${consumer}|${name}" TRUE)
  # (Read by _atomicgen_finalize(): a target linking this one reads these calls' outputs too.)
  set_property(GLOBAL APPEND PROPERTY "_ATOMICGEN_READS:${consumer}" "${name}")
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
# internal: every target defined in `directory` and the directories below it.
function(_atomicgen_all_targets directory out_var)
  get_property(targets DIRECTORY "${directory}" PROPERTY BUILDSYSTEM_TARGETS)
  get_property(subdirectories DIRECTORY "${directory}" PROPERTY SUBDIRECTORIES)
  foreach(subdirectory IN LISTS subdirectories)
    _atomicgen_all_targets("${subdirectory}" below)
    list(APPEND targets ${below})
  endforeach()
  set(${out_var} ${targets} PARENT_SCOPE)
endfunction()

function(_atomicgen_finalize)
  list(APPEND CMAKE_MESSAGE_CONTEXT atomicgen)

  # Every name and output (keys), and what DEPENDS entries named before anything claimed it
  # ("<caller>" followed by the caller's entries).  A key among those means a DEPENDS entry named
  # a later call.
  get_property(keys GLOBAL PROPERTY _ATOMICGEN_KEYS)
  get_property(unresolved GLOBAL PROPERTY _ATOMICGEN_UNRESOLVED)
  if(NOT unresolved STREQUAL "")
    set(all ${unresolved})
    list(FILTER all EXCLUDE REGEX "^<")
    list(REMOVE_DUPLICATES all)
    list(LENGTH all unresolved_count)
    list(LENGTH keys key_count)
    list(APPEND all ${keys})
    list(REMOVE_DUPLICATES all)
    list(LENGTH all all_count)
    math(EXPR disjoint_count "${unresolved_count} + ${key_count}")
    if(all_count LESS disjoint_count)
      foreach(entry IN LISTS unresolved)
        if(entry MATCHES "^<(.*)>$")
          set(caller "${CMAKE_MATCH_1}")
          continue()
        endif()
        get_property(owner GLOBAL PROPERTY "_ATOMICGEN_OUTPUT_OWNER:${entry}")
        get_property(is_name GLOBAL PROPERTY "_ATOMICGEN_SOURCE:${entry}" SET)
        if(is_name)
          set(owner "${entry}")
        endif()
        if(DEFINED owner)
          get_property(spelling GLOBAL PROPERTY "_ATOMICGEN_SPELLING:${caller}|${entry}")
          if(NOT DEFINED spelling)
            set(spelling "${entry}")
          endif()
          message(FATAL_ERROR
            "add_generated_source(${caller}): DEPENDS \"${spelling}\" refers to "
            "add_generated_source(${owner}), which is declared after it: declare "
            "add_generated_source(${owner}) first")
        endif()
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

  # What each OWNER builds (its commands' outputs or done stamps).
  get_property(owners GLOBAL PROPERTY _ATOMICGEN_OWNERS)
  foreach(owner IN LISTS owners)
    get_property(owned GLOBAL PROPERTY "_ATOMICGEN_OWNED:${owner}")
    target_sources("${owner}" PRIVATE ${owned})
  endforeach()

  get_property(owners GLOBAL PROPERTY _ATOMICGEN_OWNERS_WITH_SCRIPT)
  foreach(owner IN LISTS owners)
    get_property(owner_dir GLOBAL PROPERTY "_ATOMICGEN_OWNER_DIR:${owner}")
    set(script "${owner_dir}/CMakeFiles/${owner}.atomicgen-missing.sh")
    get_property(text GLOBAL PROPERTY "_ATOMICGEN_OWNER_SCRIPT_TEXT:${owner}")
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
]] "${text}")
    file(GENERATE OUTPUT "${script}" CONTENT "${text}")
  endforeach()

  # CONSUMERS: each consumer and owner pair once (so a consumer of a thousand calls of one
  # owner costs one check).
  get_property(links GLOBAL PROPERTY _ATOMICGEN_LINKS)
  get_property(stamp_links GLOBAL PROPERTY _ATOMICGEN_LINKS1)
  list(APPEND links ${stamp_links})
  if(NOT links STREQUAL "")
    list(TRANSFORM links REPLACE ">[^>]*$" "" OUTPUT_VARIABLE pairs)
    list(REMOVE_DUPLICATES pairs)
    foreach(pair IN LISTS pairs)
      string(REGEX MATCH "^(.*)>([^>]*)$" pair "${pair}")
      set(consumer "${CMAKE_MATCH_1}")
      set(owner "${CMAKE_MATCH_2}")
      set(target "")
      if(consumer STREQUAL owner OR NOT TARGET "${consumer}")
        _atomicgen_reject_consumer()
      endif()
      get_target_property(target "${consumer}" ALIASED_TARGET)
      if(NOT target)
        set(target "${consumer}")
      endif()
      if(target STREQUAL owner)
        _atomicgen_reject_consumer()
      endif()
      set_property(GLOBAL PROPERTY "_ATOMICGEN_CONSUMER:${consumer}" "${target}")
      if(NOT DEFINED "_atomicgen_linked:${target}|${owner}")
        set("_atomicgen_linked:${target}|${owner}" TRUE)
        add_dependencies("${target}" "${owner}")
      endif()
    endforeach()
  endif()
  # A target that lists an output among its sources reads it, whether CONSUMERS names it or not:
  # it waits for the generator too, as a consumer does.  (Ninja knows every byproduct and would
  # order it anyway; Make knows one only in its owner's makefile and stops with "No rule to make
  # target": the two tools must agree.)  A relative source is looked up in the target's source and
  # binary directories, as CMake does.
  _atomicgen_all_targets("${CMAKE_SOURCE_DIR}" targets)
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
      foreach(base IN ITEMS "${source_dir}" "${binary_dir}")
        cmake_path(ABSOLUTE_PATH source BASE_DIRECTORY "${base}" NORMALIZE OUTPUT_VARIABLE path)
        get_property(name GLOBAL PROPERTY "_ATOMICGEN_OUTPUT_OWNER:${path}")
        if(NOT DEFINED name)
          continue()
        endif()
        get_property(record GLOBAL PROPERTY "_ATOMICGEN_SOURCE:${name}")
        list(GET record 0 owner)
        list(GET record 2 changed_stamp)
        if(target STREQUAL owner)
          continue()
        endif()
        # Known as generated in the target's directory too: with CMP0118 OLD (a project at
        # cmake_minimum_required(VERSION 3.19) or older) GENERATED is seen only in the directory
        # that set it, and a build-tree output does not exist when configuring.
        cmake_path(IS_PREFIX CMAKE_BINARY_DIR "${path}" in_build_tree)
        if(in_build_tree)
          set_property(SOURCE "${path}" TARGET_DIRECTORY "${target}" PROPERTY GENERATED TRUE)
        endif()
        if(NOT DEFINED "_atomicgen_linked:${target}|${owner}")
          set("_atomicgen_linked:${target}|${owner}" TRUE)
          add_dependencies("${target}" "${owner}")
        endif()
        if(NOT changed_stamp STREQUAL "")
          _atomicgen_depend_on_changed_stamp("${target}" "${name}" "${changed_stamp}")
        endif()
      endforeach()
    endforeach()
  endforeach()

  # The build tool does not know source-tree outputs: every object of a consumer of such a call
  # depends on the stamp touched when one of them changed.
  foreach(link IN LISTS stamp_links)
    string(REGEX MATCH "^(.*)>([^>]*)>([^>]*)$" link "${link}")
    get_property(target GLOBAL PROPERTY "_ATOMICGEN_CONSUMER:${CMAKE_MATCH_1}")
    get_property(record GLOBAL PROPERTY "_ATOMICGEN_SOURCE:${CMAKE_MATCH_3}")
    list(GET record 2 changed_stamp)
    _atomicgen_depend_on_changed_stamp("${target}" "${CMAKE_MATCH_3}" "${changed_stamp}")
  endforeach()

  # The links of target_link_generated_sources().
  get_property(origins GLOBAL PROPERTY _ATOMICGEN_LINK_ORIGINS)
  get_property(consumers GLOBAL PROPERTY _ATOMICGEN_LINK_CONSUMERS)
  get_property(names GLOBAL PROPERTY _ATOMICGEN_LINK_NAMES)
  # ZIP_LISTS walks the three lists in step: linear, where list(GET <i>) per entry is quadratic.
  foreach(origin consumer name IN ZIP_LISTS origins consumers names)
    get_property(record GLOBAL PROPERTY "_ATOMICGEN_SOURCE:${name}")
    if(NOT DEFINED record)
      message(FATAL_ERROR "${origin} \"${name}\" is not a name declared by add_generated_source()")
    endif()
    list(POP_FRONT record owner done_stamp changed_stamp has_source_tree_outputs)
    _atomicgen_link("${origin} \"${name}\"")
  endforeach()

  # A target that links a reader of source-tree outputs sees them through its usage requirements
  # (a PUBLIC include directory, an INTERFACE library): its objects depend on the same changed
  # stamps, and it waits for the same generators.  The build tool knows nothing of these files,
  # so without this such an object would be recompiled only on the next build.
  foreach(target IN LISTS targets)
    _atomicgen_linked_targets("${target}" linked)
    foreach(library IN LISTS linked)
      get_property(names GLOBAL PROPERTY "_ATOMICGEN_READS:${library}")
      foreach(name IN LISTS names)
        get_property(record GLOBAL PROPERTY "_ATOMICGEN_SOURCE:${name}")
        list(GET record 0 owner)
        list(GET record 2 changed_stamp)
        if(NOT target STREQUAL owner AND NOT DEFINED "_atomicgen_linked:${target}|${owner}")
          set("_atomicgen_linked:${target}|${owner}" TRUE)
          add_dependencies("${target}" "${owner}")
        endif()
        _atomicgen_depend_on_changed_stamp("${target}" "${name}" "${changed_stamp}")
      endforeach()
    endforeach()
  endforeach()

  # What atomicgen_add_audit_test() checks the built tree against (AtomicGen/Audit.cmake).
  _atomicgen_write_audit_record()
endfunction()

# internal: the targets whose usage requirements `target` gets: those it links, and theirs through
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

# Whether some call has source-tree outputs (see add_generated_source()): a cache variable, since
# the one test per call is then a mere expansion; reset for each configuration.
set(_ATOMICGEN_SOURCE_TREE_OUTPUTS "" CACHE INTERNAL "")

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

# atomicgen_add_audit_test() and the record it reads.
include("${CMAKE_CURRENT_LIST_DIR}/AtomicGen/Audit.cmake")

cmake_policy(POP)
