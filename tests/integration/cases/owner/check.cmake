# Case owner: OWNER puts the custom commands of several add_generated_source() calls in one custom
# target (as LLVM's tablegen targets do), so a project with many generators does not pay for a
# target each.  Checks: no target per call; the owner, its GROUP and its consumer build everything
# in order; a no-op build runs nothing; an identical regeneration of a recompiles nothing (with
# Ninja it does not even re-run b); a changed a re-runs b and recompiles app; a deleted output
# is regenerated (with Make by the owner's recovery script, which must pass b's argument with a
# quote and a semicolon unchanged).
set(log "${AGTEST_BIN}/generator.log")
set(src "${AGTEST_BIN}/../src")
agtest_configure()

agtest_build(out TARGET a ANY_RESULT)
agtest_assert_match("${out_RESULT}" "^[12]$" "there is no target a (the call is owned by headers)")

agtest_build(out TARGET regen)
foreach(tag IN ITEMS "a" "b it's;odd" "c")
  agtest_count_lines(runs "${log}" "^${tag} end")
  agtest_assert_equal("${runs}" 1 "`--target regen` (the GROUP of b) ran the owner's generator ${tag}")
endforeach()
agtest_build(out)
agtest_run(out COMMAND "${AGTEST_BIN}/app")
agtest_assert_match("${out}" "a=5 b=9 b_copy_of_a=5" "app runs with both headers")
agtest_count_lines(runs "${log}" " end ")
agtest_assert_equal("${runs}" 3 "the full build after the group ran no generator again")

agtest_tick()
agtest_build(out)
agtest_count_lines(runs "${log}" " end ")
agtest_assert_equal("${runs}" 3 "a no-op build runs no generator")
agtest_count_compiles(compiles "${out}")
agtest_assert_equal("${compiles}" 0 "a no-op build compiles nothing")

# a.txt: a comment only, so a's output stays identical.
agtest_write("${src}/a.txt" "# comment\nVALUE_A 5\n")
agtest_tick()
agtest_build(out)
agtest_count_lines(runs "${log}" "^a end")
agtest_assert_equal("${runs}" 2 "identical regeneration: a ran again")
agtest_count_lines(runs "${log}" "^b it's;odd end")
if(AGTEST_NINJA)
  agtest_assert_equal("${runs}" 1 "identical regeneration: b did not (a.h unchanged, restat)")
else()
  agtest_assert_equal("${runs}" 2 "identical regeneration: b ran again (same Make target: after a's stamp)")
endif()
# From here on, Make has run b once more than Ninja.
set(b_runs 1)
if(NOT AGTEST_NINJA)
  set(b_runs 2)
endif()
agtest_count_compiles(compiles "${out}")
agtest_assert_equal("${compiles}" 0 "identical regeneration compiles nothing")

agtest_write("${src}/a.txt" "VALUE_A 6\n")
agtest_tick()
agtest_build(out)
agtest_count_lines(runs "${log}" "^b it's;odd end")
math(EXPR b_runs "${b_runs} + 1")
agtest_assert_equal("${runs}" ${b_runs} "a changed: b ran again")
agtest_run(out COMMAND "${AGTEST_BIN}/app")
agtest_assert_match("${out}" "a=6 b=9 b_copy_of_a=6" "a changed: app recompiled with the new values")

file(REMOVE "${AGTEST_BIN}/gen/b.h")
agtest_tick()
agtest_build(out)
agtest_assert_exists("${AGTEST_BIN}/gen/b.h" "deleted gen/b.h was regenerated")
agtest_count_lines(runs "${log}" "^b it's;odd end")
math(EXPR b_runs "${b_runs} + 1")
agtest_assert_equal("${runs}" ${b_runs} "deleted gen/b.h: b ran again, with its argument unchanged")
agtest_run(out COMMAND "${AGTEST_BIN}/app")
agtest_assert_match("${out}" "a=6 b=9 b_copy_of_a=6" "app runs after the regeneration")
