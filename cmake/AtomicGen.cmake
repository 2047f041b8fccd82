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
2. the cache variable ``ATOMICGEN_EXECUTABLE``, if set, imported as ``AtomicGen::atomicgen``:
   the override, in native and cross builds alike;
3. when cross-compiling (``CMAKE_CROSSCOMPILING``), a helper built for the target system could not
   run on the build host, so:

   a. with the repository next to this module (``add_subdirectory()`` or ``include()`` of a copy
      of it), a nested native build of it at build time, as LLVM builds its host ``tblgen``:
      the external project ``_atomicgen_host_helper`` configures the repository (helper only: no
      tests, no install rules; ``Release``) in ``${CMAKE_BINARY_DIR}/_atomicgen_host_helper``
      with the same generator and build tool, with no toolchain file and without ``CC``,
      ``CXX`` and the flag variables of the environment, so that CMake finds the build host's
      compiler (and the host's ``libfmt-dev``); ``ATOMICGEN_HOST_CMAKE_ARGS`` adds arguments
      (``-DCMAKE_CXX_COMPILER=...``).  ``AtomicGen::atomicgen`` is imported from there, and every
      target that runs the helper (each call's owning target, hence its consumers and their
      ``atomicgen compile`` launcher; ``atomicgen-verify``) is built after the nested build.
      It runs on every build and rebuilds only what changed, so an edited helper source is
      rebuilt; it is built only when a target needs it;
   b. with an installed package (no sources: the package ships none), whose helper was built for
      another system (``AtomicGenConfig.cmake`` records the system its helper was built for, and
      does not import it when that is not the build host's): ``find_program()`` for an
      ``atomicgen`` of the build host, outside ``CMAKE_FIND_ROOT_PATH`` (the target's sysroot),
      that answers ``--version`` here, e.g. the build host's own AtomicGen package; none found
      stops configuring with an error asking for ``ATOMICGEN_EXECUTABLE`` or such an install;
4. the helper's sources next to this module (``../helper``), added with
   ``add_subdirectory(... EXCLUDE_FROM_ALL)`` into ``${CMAKE_BINARY_DIR}/_atomicgen_helper``;
5. ``find_program(ATOMICGEN_EXECUTABLE atomicgen)``.

Cache variables
^^^^^^^^^^^^^^^

``ATOMICGEN_EXECUTABLE``
  ``FILEPATH``: a host-built ``atomicgen`` to use instead of building or finding one (when
  cross-compiling too: no nested build is made).  It must name an existing file (an absolute
  path).

``ATOMICGEN_HOST_CMAKE_ARGS``
  ``STRING``, a list, empty by default: cross-compiling without ``ATOMICGEN_EXECUTABLE``, extra
  arguments of the nested configure that builds the helper for the build host (item 3a above),
  such as ``-DCMAKE_CXX_COMPILER=g++-12``.

``ATOMICGEN_FSYNC``
  ``BOOL``, default ``OFF``: pass ``--fsync`` to every generator run, as the ``FSYNC`` keyword does
  for one.

``ATOMICGEN_CHECKED_IN_OUTPUTS``
  ``STRING``, one of ``regenerate`` (the default), ``keep`` or ``verify``: what the build does with
  *checked-in* generated files, the outputs of calls whose outputs are all source-tree outputs
  (see ``OUTPUT``).  The switch a packager sets; configuring prints its value once.  Calls with a
  build-tree output regenerate in every mode.  Any other value stops configuration.

  ``regenerate``
    Such calls run their generators as any other (what Fedora does).
  ``keep``
    Such calls run nothing: their consumers build from the shipped files as they are (what Debian
    does).  Their ``<name>`` targets exist (so ``CONSUMERS``, ``GROUP`` and ``DEPENDS`` on them
    keep working) but only touch a stamp (and create again the change stamps a clean deleted); no
    generator, and no generator target, is built for them.  Each output must exist when
    configuring: a missing one stops configuration, named.
  ``verify``
    Such calls run their generators staged, as usual, but commit nothing (``atomicgen run
    --verify``): nothing in the tree is written, a unified diff of every output that differs from
    what its generator writes now (and of every ``REWRITES`` input it would rewrite) is printed,
    and the build fails if any does.  A verified call re-runs when its inputs change, as it would
    regenerate.  ``IN_PLACE`` calls cannot be verified (their generators write the tree): they
    regenerate.

Targets
^^^^^^^

``atomicgen-verify``
  Created at the end of configuration when some call has checked-in outputs (``IN_PLACE`` ones
  excepted), whatever ``ATOMICGEN_CHECKED_IN_OUTPUTS`` says, and not part of ``all``: ``cmake
  --build <dir> --target atomicgen-verify`` runs every such generator as ``verify`` does, prints
  the diff of every stale file, writes nothing in the tree and fails if any file is stale.  For CI,
  in place of "regenerate, then ``git diff --exit-code``".  It first builds what the generators
  need: the generator targets (``COMMAND`` and ``DEPENDS`` targets) and the calls with build-tree
  outputs named in ``DEPENDS``, not the checked-in calls themselves.  Building a generator target
  builds what it reads, though: with ``regenerate``, a generator target that reads checked-in
  outputs (CPython's ``_freeze_module`` compiles the clinic headers) regenerates them first.  For
  a verdict on every file in such a project, configure a build directory with ``verify`` and build
  it (or ``atomicgen-verify`` there).

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
      [BYPRODUCTS <file>...]
      [OUTPUT_VARIABLE <variable>]
      [ALL]
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
      [BYPRODUCTS <file>...]
      [OUTPUT_VARIABLE <variable>]
      [ALL]
      [FSYNC])

  Creates the custom target ``<name>`` (or, with ``OWNER``, uses a shared one), which owns the one
  custom command that runs the generator.  Build ``<name>`` to regenerate the outputs if out of
  date.  ``<name>`` is not part of ``all`` unless ``ALL`` is given: it is built before its
  consumers, as part of its ``GROUP``, or on request.

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
    ``add_dependencies(<consumer> <owner>)`` (``<name>`` without ``OWNER``), so none of its
    sources compile before the generator finished.  Consumers may be defined later, in any
    directory: the wiring is done, and each entry checked (a target, other than the generated
    source itself), at the end of configuration.  Readers are found beyond this list: a target
    that lists an output among its sources is ordered after the generator as if it were named
    here, and so is a target that links a consumer (it sees the outputs through the consumer's
    usage requirements: a ``PUBLIC`` include directory, an ``INTERFACE`` library), transitively.
    See also :command:`target_link_generated_sources`, and :command:`atomicgen_add_audit_test`
    for the readers nothing orders.

    A changed output recompiles, in the same build, exactly the objects that read it.  The build
    tool knows build-tree outputs and the compiler's dependency information does the rest.
    Source-tree outputs are known to no build tool: with Make, each target builds in a make
    process of its own after the generator ran, and sees the new file; with Ninja, each
    source-tree output has a stamp touched only when it changed, and every reader compiles through
    the launcher ``atomicgen compile``, which adds the stamps of the source-tree outputs an object
    read to the object's depfile (put before any ``<LANG>_COMPILER_LAUNCHER`` the reader has, such
    as ``ccache``).  Where a reader compiles a language whose compiler writes no GCC-style
    depfile, every object of that reader depends on the call's changed stamp instead (coarse, but
    never stale).

  ``BYPRODUCTS <file>...``
    Side files the generator may write besides its outputs (a log, a report), relative to
    ``CMAKE_CURRENT_BINARY_DIR``; they must lie in the build tree.  They are declared to the build
    tool as byproducts (Ninja restats and cleans them) and passed to the helper (``--byproduct``):
    staged like outputs and committed with them when written, but a run that does not write one is
    no error for the helper (the file there, if any, stays).  The build tool still expects it:
    Ninja re-runs the generator at the next build while a byproduct is missing.  Cannot be
    combined with ``IN_PLACE``.

  ``OUTPUT_VARIABLE <variable>``
    Set ``<variable>`` in the caller's scope to the outputs, absolute and normalized, in the order
    given (so that another directory need not spell the paths again).

  ``ALL``
    Make ``<name>`` (or the ``OWNER`` target) part of ``all``: the generator runs in a plain build
    even if no target reads its outputs.

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
  "host-built atomicgen to use instead of building or finding one")
set(ATOMICGEN_HOST_CMAKE_ARGS "" CACHE STRING
  "Cross-compiling: extra arguments of the nested configure that builds the helper for the host")
mark_as_advanced(ATOMICGEN_HOST_CMAKE_ARGS)
option(ATOMICGEN_FSYNC "Pass --fsync to every atomicgen run (make generated files durable)" OFF)
set(ATOMICGEN_CHECKED_IN_OUTPUTS regenerate CACHE STRING
  "What to do with checked-in generated files: regenerate, keep (use them as shipped) or verify")
set_property(CACHE ATOMICGEN_CHECKED_IN_OUTPUTS PROPERTY STRINGS regenerate keep verify)
set(_ATOMICGEN_CHECKED_IN_MODES regenerate keep verify)
if(NOT ATOMICGEN_CHECKED_IN_OUTPUTS IN_LIST _ATOMICGEN_CHECKED_IN_MODES)
  message(FATAL_ERROR "AtomicGen: ATOMICGEN_CHECKED_IN_OUTPUTS \"${ATOMICGEN_CHECKED_IN_OUTPUTS}\" "
    "is none of regenerate, keep, verify")
endif()
message(STATUS "AtomicGen: checked-in outputs: ${ATOMICGEN_CHECKED_IN_OUTPUTS} "
  "(ATOMICGEN_CHECKED_IN_OUTPUTS: regenerate, keep or verify)")

# The internals, one job per file (AtomicGen/):
#   Helper.cmake     finds, imports or builds the helper (AtomicGen::atomicgen)
#   Arguments.cmake  checks add_generated_source()'s arguments
#   Command.cmake    DEPENDS on other calls, OWNER and GROUP targets, Make's recovery lines
#   Readers.cmake    the end of configuration: every target that reads an output, ordered and
#                    recompiled (consumers, targets listing outputs, their linkers)
#   Audit.cmake      atomicgen_add_audit_test() and its script, RunAudit.cmake
#   Verify.cmake     ATOMICGEN_CHECKED_IN_OUTPUTS=keep/verify, and the atomicgen-verify target
include("${CMAKE_CURRENT_LIST_DIR}/AtomicGen/Helper.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/AtomicGen/Arguments.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/AtomicGen/Command.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/AtomicGen/Readers.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/AtomicGen/Audit.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/AtomicGen/Verify.cmake")

# Each call is wired here, top to bottom: check the arguments; sort the outputs into build tree and
# source tree; decide what the one custom command produces (outputs or stamps, by build tool);
# resolve DEPENDS on earlier calls; build the helper's command line; record the call under
# _ATOMICGEN_<name>_* properties; add the custom command and its owning target.  What concerns
# several calls (consumers, DEPENDS on later calls, targets that list outputs, their linkers) is
# recorded and wired at the end of configuration, in bulk (_atomicgen_finalize(), Readers.cmake).
function(add_generated_source name)
  cmake_parse_arguments(PARSE_ARGV 1 arg
    "ALL;STDOUT;IN_PLACE;READS_OUTPUTS;READS_TREE;FSYNC"
    "WORKING_DIRECTORY;DEPFILE;COMMENT;JOB_POOL;GROUP;OWNER;OUTPUT_VARIABLE"
    "OUTPUT;COMMAND;DEPENDS;CONSUMERS;REWRITES;BYPRODUCTS")

  # 1. Every misuse stops here, named; the outputs come back absolute and normalized.
  _atomicgen_check_arguments("${name}" outputs)

  # 2. Only files under the build tree are the build's to delete.  Anything else (the source tree,
  #    an external checkout such as a CPython tree) may hold checked-in generated files.
  set(build_tree_outputs "")
  set(source_tree_outputs "")
  foreach(output IN LISTS outputs)
    cmake_path(IS_PREFIX CMAKE_BINARY_DIR "${output}" in_build_tree)
    if(in_build_tree)
      list(APPEND build_tree_outputs "${output}")
    else()
      list(APPEND source_tree_outputs "${output}")
    endif()
    set_property(GLOBAL PROPERTY "_ATOMICGEN_OUTPUT_OWNER:${output}" "${name}")
  endforeach()
  set(side_files "")
  foreach(byproduct IN LISTS arg_BYPRODUCTS)
    cmake_path(ABSOLUTE_PATH byproduct BASE_DIRECTORY "${CMAKE_CURRENT_BINARY_DIR}" NORMALIZE
      OUTPUT_VARIABLE path)
    list(APPEND side_files "${path}")
    set_property(GLOBAL PROPERTY "_ATOMICGEN_OUTPUT_OWNER:${path}" "${name}")
  endforeach()

  #    Outputs all in the source tree are checked in: ATOMICGEN_CHECKED_IN_OUTPUTS says whether
  #    this call regenerates them, keeps them as shipped, or verifies them (Verify.cmake).
  _atomicgen_checked_in_handling("${name}" "${build_tree_outputs}" "${source_tree_outputs}"
    "${arg_IN_PLACE}" handling)

  # 3. The owning target: <name>, or the OWNER shared by calls of this directory.
  if(DEFINED arg_OWNER)
    set(owner "${arg_OWNER}")
    if(NOT TARGET "${owner}")
      _atomicgen_create_owner("${owner}")
    endif()
  else()
    set(owner "${name}")
  endif()

  # 4. What the custom command produces.  Ninja restats its outputs and keeps, in its log, the time
  #    of the last run of a restat edge, so write-if-changed build-tree outputs can be the outputs
  #    themselves.  Make compares times only: its rule makes a stamp touched on every successful
  #    run (the done stamp), the outputs are byproducts (whose times, kept when unchanged, order
  #    generators downstream).  Source-tree outputs are declared nowhere (no clean step and no
  #    interrupted build may delete them): a stamp touched only when one of them changed (the
  #    changed stamp) orders the generators downstream; with Ninja, each source-tree output also
  #    has a stamp of its own, which the compiler launcher adds to the depfile of every object
  #    that read it (see Readers.cmake).
  set(stamp_dir "${CMAKE_CURRENT_BINARY_DIR}/CMakeFiles/atomicgen.stamps")
  set(done_stamp "")
  set(changed_stamp "")
  set(output_stamps "")
  set(stamp_options "")
  if(CMAKE_GENERATOR MATCHES "^Ninja" AND source_tree_outputs STREQUAL "")
    set(produces ${build_tree_outputs})
    set(byproducts "")
  elseif(CMAKE_GENERATOR MATCHES "^Ninja")
    set(changed_stamp "${stamp_dir}/${name}.changed")
    set(byproducts "${changed_stamp}")
    list(APPEND stamp_options --changed-stamp "${changed_stamp}")
    set(index 0)
    foreach(output IN LISTS source_tree_outputs)
      set(output_stamp "${stamp_dir}/${name}.changed.${index}")
      list(APPEND output_stamps "${output_stamp}")
      list(APPEND byproducts "${output_stamp}")
      list(APPEND stamp_options --output-changed-stamp "${output}" "${output_stamp}")
      math(EXPR index "${index} + 1")
    endforeach()
    if(build_tree_outputs STREQUAL "")
      set(done_stamp "${stamp_dir}/${name}.done")
      set(produces "${done_stamp}")
      list(APPEND stamp_options --stamp "${done_stamp}")
    else()
      set(produces ${build_tree_outputs})
    endif()
  else()
    set(done_stamp "${stamp_dir}/${name}.done")
    set(produces "${done_stamp}")
    set(byproducts ${build_tree_outputs})
    list(APPEND stamp_options --stamp "${done_stamp}")
    if(NOT source_tree_outputs STREQUAL "")
      set(changed_stamp "${stamp_dir}/${name}.changed")
      list(APPEND byproducts "${changed_stamp}")
      list(APPEND stamp_options --changed-stamp "${changed_stamp}")
    endif()
  endif()
  list(APPEND byproducts ${side_files})

  # 5. Inputs.  REWRITES are inputs first (relative to the source directory).  An entry naming an
  #    earlier call depends on what that call changes.  An executable target as the generator:
  #    add_custom_command() substitutes only the first word of its own COMMAND, which is the
  #    helper here, so the generator's path is substituted here, and a rebuilt generator re-runs.
  set(rewrites "")
  foreach(input IN LISTS arg_REWRITES)
    cmake_path(ABSOLUTE_PATH input BASE_DIRECTORY "${CMAKE_CURRENT_SOURCE_DIR}" NORMALIZE
      OUTPUT_VARIABLE path)
    list(APPEND rewrites "${path}")
  endforeach()
  _atomicgen_resolve_depends("${name}" "${owner}" depends ${arg_DEPENDS} ${rewrites})
  set(command "${arg_COMMAND}")
  list(GET command 0 generator)
  if(TARGET "${generator}")
    get_target_property(generator_type "${generator}" TYPE)
    if(generator_type STREQUAL "EXECUTABLE")
      list(POP_FRONT command)
      list(PREPEND command "$<TARGET_FILE:${generator}>")
      list(APPEND depends "${generator}")
    endif()
  endif()

  # 6. The helper's command line (see helper/README.md).
  set(helper_options "")
  if(arg_FSYNC OR ATOMICGEN_FSYNC)
    list(APPEND helper_options --fsync)
  endif()
  if(arg_READS_OUTPUTS)
    list(APPEND helper_options --read-outputs)
  endif()
  if(arg_READS_TREE)
    list(APPEND helper_options --reads-tree)
  endif()
  foreach(input IN LISTS rewrites)
    list(APPEND helper_options --rewrites "${input}")
  endforeach()
  set(declared ${outputs})
  if(arg_IN_PLACE)
    list(APPEND helper_options --in-place)
  elseif(arg_STDOUT)
    list(POP_FRONT declared stdout_output)
    list(APPEND helper_options --stdout "${stdout_output}")
  endif()
  foreach(output IN LISTS declared)
    list(APPEND helper_options --output "${output}")
  endforeach()
  foreach(side_file IN LISTS side_files)
    list(APPEND helper_options --byproduct "${side_file}")
  endforeach()
  set(optional_arguments "")
  if(DEFINED arg_DEPFILE)
    # The generator writes the depfile next to its outputs: staged and committed with them (any
    # staging path in it turned back into the final one), unless it runs in place.
    cmake_path(ABSOLUTE_PATH arg_DEPFILE BASE_DIRECTORY "${CMAKE_CURRENT_BINARY_DIR}" NORMALIZE
      OUTPUT_VARIABLE depfile)
    list(APPEND optional_arguments DEPFILE "${depfile}")
    if(NOT arg_IN_PLACE)
      list(APPEND helper_options --depfile "${depfile}")
    endif()
  endif()
  # Ninja knows nothing of source-tree outputs: for a call with no other output the helper writes a
  # depfile naming them as inputs of the done stamp, so that a deleted one re-runs the generator
  # (with Make, the owning target's --only-if-missing step does that).  Not for a call with a
  # DEPFILE of its own: a command has one.
  set(outputs_depfile "")
  if(CMAKE_GENERATOR MATCHES "^Ninja" AND NOT source_tree_outputs STREQUAL ""
      AND build_tree_outputs STREQUAL "" AND NOT DEFINED arg_DEPFILE)
    set(outputs_depfile "${stamp_dir}/${name}.d")
    # Ninja wants the rule's output as build.ninja spells it: relative to the build tree.
    file(RELATIVE_PATH depfile_target "${CMAKE_BINARY_DIR}" "${done_stamp}")
    list(APPEND stamp_options --outputs-depfile "${outputs_depfile}" --depfile-target "${depfile_target}")
    list(APPEND optional_arguments DEPFILE "${outputs_depfile}")
  endif()
  if(DEFINED arg_JOB_POOL)
    list(APPEND optional_arguments JOB_POOL "${arg_JOB_POOL}")
  endif()

  # The status line shows outputs relative to the build tree, or the source tree, or absolute.
  if(DEFINED arg_COMMENT)
    set(comment "${arg_COMMENT}")
  else()
    string(REPLACE "${CMAKE_BINARY_DIR}/" "" shown "${outputs}")
    string(REPLACE "${CMAKE_SOURCE_DIR}/" "" shown "${shown}")
    string(REPLACE ";" ", " shown "${shown}")
    set(comment "Generating ${shown} (atomicgen)")
  endif()
  # The helper writes into existing directories only: those of build-tree outputs, and a working
  # directory in the build tree, are created at the end of configuration.
  set(working_directory "${CMAKE_CURRENT_BINARY_DIR}")
  if(DEFINED arg_WORKING_DIRECTORY)
    cmake_path(ABSOLUTE_PATH arg_WORKING_DIRECTORY BASE_DIRECTORY "${CMAKE_CURRENT_BINARY_DIR}"
      NORMALIZE OUTPUT_VARIABLE working_directory)
  endif()

  # 7. The record of the call, one property per fact (read by later calls and at the end).
  set_property(GLOBAL PROPERTY "_ATOMICGEN_${name}_OWNER" "${owner}")
  set_property(GLOBAL PROPERTY "_ATOMICGEN_${name}_DONE_STAMP" "${done_stamp}")
  set_property(GLOBAL PROPERTY "_ATOMICGEN_${name}_CHANGED_STAMP" "${changed_stamp}")
  set_property(GLOBAL PROPERTY "_ATOMICGEN_${name}_BUILD_TREE_OUTPUTS" "${build_tree_outputs}")
  set_property(GLOBAL PROPERTY "_ATOMICGEN_${name}_SOURCE_TREE_OUTPUTS" "${source_tree_outputs}")
  set_property(GLOBAL PROPERTY "_ATOMICGEN_${name}_OUTPUT_STAMPS" "${output_stamps}")
  set_property(GLOBAL PROPERTY "_ATOMICGEN_${name}_WORKING_DIRECTORY" "${working_directory}")
  set_property(GLOBAL APPEND PROPERTY _ATOMICGEN_CALLS "${name}")

  # 8. The custom command.  The helper is no dependency: what a generator writes does not depend
  #    on it (a target-level dependency still builds it first when it is part of the project).
  #    The outputs' depfile names absolute paths, which Ninja reads as they are: no
  #    `cmake -E cmake_transform_depfile` process per run (CMP0116 OLD for that one command).
  # (The command is appended quoted: an unquoted expansion would split an argument holding an
  # escaped semicolon.)
  set(run_arguments run ${helper_options} ${stamp_options} --)
  list(APPEND run_arguments "${command}")
  set(verify_arguments run --verify ${helper_options} --)
  list(APPEND verify_arguments "${command}")
  if(NOT handling STREQUAL "regenerate")
    # keep: a command that runs no generator; verify: one that compares only.  Both make the same
    # stamps as a regenerating call (the change stamps never change), so later calls, consumers
    # and readers are wired alike.
    _atomicgen_add_checked_in_command("${name}" "${handling}" "${done_stamp}" byproducts
      verify_arguments depends "${working_directory}" outputs)
  endif()
  if(NOT arg_IN_PLACE AND build_tree_outputs STREQUAL "")
    _atomicgen_record_verify("${name}" "${working_directory}" verify_arguments depends)
  endif()
  cmake_policy(PUSH)
  if(NOT outputs_depfile STREQUAL "")
    cmake_policy(SET CMP0116 OLD)
  endif()
  if(handling STREQUAL "regenerate")
    add_custom_command(
      OUTPUT ${produces}
      BYPRODUCTS ${byproducts}
      COMMAND AtomicGen::atomicgen ${run_arguments}
      DEPENDS ${depends}
      WORKING_DIRECTORY "${working_directory}"
      COMMENT "${comment}"
      ${optional_arguments}
      VERBATIM)
  endif()
  cmake_policy(POP)

  # 9. The owning target.  Make cannot see a deleted byproduct (it has no rule): the owning target
  #    re-runs the generator when an output is missing.  Ninja knows build-tree outputs, and the
  #    depfile above names source-tree ones.
  set(all "")
  if(arg_ALL)
    set(all ALL)
  endif()
  set(recovery_arguments run --only-if-missing ${helper_options} ${stamp_options} --)
  list(APPEND recovery_arguments "${command}")
  if(DEFINED arg_OWNER)
    set_property(GLOBAL APPEND PROPERTY "_ATOMICGEN_OWNER_${owner}_PRODUCES" ${produces})
    if(arg_ALL)
      set_property(TARGET "${owner}" PROPERTY EXCLUDE_FROM_ALL FALSE)
    endif()
    if(CMAKE_GENERATOR MATCHES "Makefiles" AND handling STREQUAL "regenerate")
      _atomicgen_add_recovery_line("${owner}" outputs "${working_directory}" recovery_arguments)
    endif()
  elseif(CMAKE_GENERATOR MATCHES "Makefiles" AND handling STREQUAL "regenerate")
    add_custom_target("${name}" ${all}
      COMMAND AtomicGen::atomicgen ${recovery_arguments}
      WORKING_DIRECTORY "${working_directory}"
      DEPENDS ${produces}
      VERBATIM)
  else()
    add_custom_target("${name}" ${all} DEPENDS ${produces})
  endif()
  # A helper built by a nested host build is imported: nothing orders the owner after it else.
  _atomicgen_depend_on_helper("${owner}")
  if(DEFINED arg_GROUP)
    _atomicgen_add_to_group("${arg_GROUP}" "${owner}")
  endif()

  # 10. Consumers, wired at the end of configuration (they may be defined later, anywhere).
  foreach(consumer IN LISTS arg_CONSUMERS)
    _atomicgen_record_link("add_generated_source(${name}): CONSUMERS" "${consumer}" "${name}")
  endforeach()
  if(DEFINED arg_OUTPUT_VARIABLE)
    set(${arg_OUTPUT_VARIABLE} ${outputs} PARENT_SCOPE)
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
  foreach(name IN LISTS ARGN)
    if(name STREQUAL "")
      message(FATAL_ERROR "${cmd}: name \"\" is empty")
    endif()
    _atomicgen_record_link("${cmd}:" "${target}" "${name}")
  endforeach()
endfunction()

# The end of configuration wires what add_generated_source() recorded (see Readers.cmake).
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
  set_property(GLOBAL PROPERTY _ATOMICGEN_HELPER_BUILD_TARGET atomicgen)
  unset(_ATOMICGEN_LANGUAGES)
endif()
unset(_ATOMICGEN_BUILD_HELPER)

cmake_policy(POP)
