# Case audit: atomicgen_add_audit_test() in a project with one unordered reader (see
# CMakeLists.txt).
#  1. Built (the generator first: nothing orders stray after it), the audit test fails and names
#     stray, once per call, with the fix; it names no ordered target (good, via_link, core).
#  2. Another generator than Ninja and Unix Makefiles: the script says it cannot audit (the
#     test's SKIP_REGULAR_EXPRESSION) and succeeds.
#  3. With the fix it printed (AG_FIX=ON: target_link_generated_sources(stray tbl stbl)), built
#     again, the audit passes.
agtest_configure()
agtest_build(out TARGET tbl)
agtest_build(out)
agtest_run(out COMMAND "${CMAKE_CTEST_COMMAND}" -R "^atomicgen\\.audit$" --output-on-failure
  WORKING_DIRECTORY "${AGTEST_BIN}" EXPECT_FAIL)
agtest_assert_match("${out}" "atomicgen audit: target stray reads gen/v\\.h \\(add_generated_source\\(tbl\\)\\) but nothing orders it after the generator: add CONSUMERS stray to add_generated_source\\(tbl\\), or call target_link_generated_sources\\(stray tbl\\)"
  "unordered reader of a build-tree output: named with the fix")
agtest_assert_match("${out}" "atomicgen audit: target stray reads [^\n]*/inc/w\\.h \\(add_generated_source\\(stbl\\)\\) but nothing orders it after the generator: add CONSUMERS stray to add_generated_source\\(stbl\\), or call target_link_generated_sources\\(stray stbl\\)"
  "unordered reader of a source-tree output: named with the fix")
string(REGEX MATCHALL "atomicgen audit: target [^ ]+" named "${out}")
list(REMOVE_DUPLICATES named)
agtest_assert_equal("${named}" "atomicgen audit: target stray" "the targets the audit names")
agtest_assert_match("${out}" "atomicgen audit: 2 problem\\(s\\)" "the summary counts 2 problems")

agtest_run(out COMMAND "${CMAKE_COMMAND}" "-DBUILD_DIR=${AGTEST_BIN}" "-DGENERATOR=Ninja Multi-Config"
  -P "${ATOMICGEN_SOURCE_DIR}/cmake/AtomicGen/RunAudit.cmake")
agtest_assert_match("${out}" "atomicgen audit: cannot audit a build tree of generator \"Ninja Multi-Config\""
  "another generator: cannot audit, skipped")

agtest_configure(ARGS -DAG_FIX=ON)
agtest_build(out)
agtest_run(out COMMAND "${CMAKE_CTEST_COMMAND}" -R "^atomicgen\\.audit$" --output-on-failure -V
  WORKING_DIRECTORY "${AGTEST_BIN}")
agtest_assert_match("${out}" "atomicgen audit: 0 problems" "with the fix: the audit passes")
agtest_assert_no_match("${out}" "atomicgen audit: target" "with the fix: no target named")
