# Case make-no-rerun: after a full build, further `cmake --build` calls (of all, or of the generated
# source's target) do not run the generator again: its log keeps one run and the build output has
# no "Generating" line.  Matters most for Make, where the outputs are not rule targets and only the
# stamp says the generator is up to date.  A change of an unrelated source recompiles that source
# only, still without running the generator.
set(log "${AGTEST_BIN}/generator.log")
agtest_configure()
agtest_build(out)
agtest_count_lines(runs "${log}" "^defs start")
agtest_assert_equal("${runs}" 1 "first build ran the generator")
agtest_mtimes(before "${AGTEST_BIN}/defs.h" "${AGTEST_BIN}/CMakeFiles/atomicgen.stamps/defs.done")

foreach(round RANGE 1 2)
  agtest_build(out)
  agtest_count_lines(runs "${log}" "^defs start")
  agtest_assert_equal("${runs}" 1 "build #${round} after the full build: generator runs in total")
  agtest_assert_no_match("${out}" "Generating" "build #${round}: no \"Generating\" line")
  agtest_count_compiles(compiled "${out}")
  agtest_assert_equal("${compiled}" 0 "build #${round}: compile steps run")
endforeach()

agtest_build(out TARGET defs)
agtest_count_lines(runs "${log}" "^defs start")
agtest_assert_equal("${runs}" 1 "`--target defs`: generator runs in total")
agtest_mtimes(after "${AGTEST_BIN}/defs.h" "${AGTEST_BIN}/CMakeFiles/atomicgen.stamps/defs.done")
agtest_assert_equal("${after}" "${before}" "mtimes of defs.h and defs.done")

agtest_touch("${AGTEST_SRC}/main.c")
agtest_build(out)
agtest_count_lines(runs "${log}" "^defs start")
agtest_assert_equal("${runs}" 1 "after touching main.c: generator runs in total")
agtest_count_compiles(compiled "${out}")
agtest_assert_equal("${compiled}" 1 "after touching main.c: compile steps run")
