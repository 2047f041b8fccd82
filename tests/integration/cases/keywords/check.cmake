# Case keywords: an executable target as the generator, DEPFILE, WORKING_DIRECTORY, JOB_POOL,
# COMMENT and FSYNC, each checked in the generated build files or by its effect.
agtest_configure()
agtest_build(out)
agtest_assert_match("${out}" "Making the table for the keywords case" "COMMENT is the status line")
agtest_assert_exists("${AGTEST_BIN}/gen/table.h" "the output, written in WORKING_DIRECTORY gen")
agtest_run(value QUIET COMMAND "${AGTEST_BIN}/app")
string(STRIP "${value}" value)
agtest_assert_equal("${value}" "4" "app prints the length of extra.txt")

if(AGTEST_NINJA)
  file(READ "${AGTEST_BIN}/build.ninja" rules)
  agtest_assert_match("${rules}" "atomicgen[^\n]* run --fsync" "FSYNC passes --fsync to the helper")
  agtest_assert_match("${rules}" "\n  pool = one_at_a_time" "JOB_POOL reaches the Ninja edge")
else()
  file(GLOB_RECURSE makefiles "${AGTEST_BIN}/CMakeFiles/table.dir/build.make")
  file(READ "${makefiles}" rules)
  agtest_assert_match("${rules}" "atomicgen[^\n]* run --fsync" "FSYNC passes --fsync to the helper")
endif()

# DEPFILE (Ninja): extra.txt is named only in the depfile, yet changing it re-runs the generator.
# With Makefile generators CMake attaches a depfile's dependencies to the rule whose output the
# depfile names; here that is table.h, a byproduct with no rule, so Make does not see them
# (documented: list such inputs in DEPENDS too).
if(AGTEST_NINJA)
  agtest_write("${AGTEST_SRC}/extra.txt" "abcdefg\n")
  agtest_build(out)
  agtest_run(value QUIET COMMAND "${AGTEST_BIN}/app")
  string(STRIP "${value}" value)
  agtest_assert_equal("${value}" "8" "after changing the depfile's input, app prints the new length")
endif()
agtest_assert_exists("${AGTEST_BIN}/gen/table.d" "the depfile, committed with the output")
file(READ "${AGTEST_BIN}/gen/table.d" depfile)
agtest_assert_no_match("${depfile}" "atomicgen-" "no staging path in the committed depfile")

# A rebuilt generator re-runs generation (same output bytes: the consumer is not recompiled).
agtest_tick()
file(APPEND "${AGTEST_SRC}/make_table.c" "/* touched */\n")
agtest_build(out)
agtest_assert_match("${out}" "Making the table for the keywords case"
  "the generator re-ran after its own target was rebuilt")
agtest_count_compiles(compiled "${out}")
agtest_assert_equal("${compiled}" 1 "compile steps (the generator itself, not main.c)")
