# Case common-path: the most common calls (a and b sharing an OWNER, c with its own target): the owner and c's own target build their generators before app compiles; a
# no-op build runs nothing; an identical regeneration recompiles nothing; a changed input
# recompiles app; a deleted output is regenerated (with Make by the owner's recovery script, or
# c's own target); `--target c` builds c only.
set(log "${AGTEST_BIN}/generator.log")
set(src "${AGTEST_BIN}/../src")
agtest_configure()

agtest_build(out TARGET c)
agtest_assert_exists("${AGTEST_BIN}/gen/c.h" "`--target c` generated c.h")
agtest_assert_missing("${AGTEST_BIN}/gen/b.h" "`--target c` did not generate b.h")

agtest_build(out)
agtest_run(out COMMAND "${AGTEST_BIN}/app")
agtest_assert_match("${out}" "a=5 b=9 c=7" "app runs with both headers")
agtest_count_lines(runs "${log}" " end ")
agtest_assert_equal("${runs}" 3 "the full build ran a, b and c once each in all")

agtest_tick()
agtest_build(out)
agtest_count_lines(runs "${log}" " end ")
agtest_assert_equal("${runs}" 3 "a no-op build runs no generator")
agtest_count_compiles(compiles "${out}")
agtest_assert_equal("${compiles}" 0 "a no-op build compiles nothing")

# b.txt: a comment only, so b's output stays identical.
agtest_write("${src}/b.txt" "# comment\nVALUE_B 9\n")
agtest_tick()
agtest_build(out)
agtest_count_lines(runs "${log}" "^b end")
agtest_assert_equal("${runs}" 2 "identical regeneration: b ran again")
agtest_count_compiles(compiles "${out}")
agtest_assert_equal("${compiles}" 0 "identical regeneration compiles nothing")

agtest_write("${src}/c.txt" "VALUE_C 8\n")
agtest_tick()
agtest_build(out)
agtest_run(out COMMAND "${AGTEST_BIN}/app")
agtest_assert_match("${out}" "a=5 b=9 c=8" "c changed: app recompiled with the new value")

foreach(header IN ITEMS b c)
  file(REMOVE "${AGTEST_BIN}/gen/${header}.h")
  agtest_tick()
  agtest_build(out)
  agtest_assert_exists("${AGTEST_BIN}/gen/${header}.h" "deleted gen/${header}.h was regenerated")
endforeach()
agtest_count_lines(runs "${log}" " end ")
agtest_assert_equal("${runs}" 7 "each deleted output re-ran its generator once")
agtest_run(out COMMAND "${AGTEST_BIN}/app")
agtest_assert_match("${out}" "a=5 b=9 c=8" "app runs after the regenerations")
agtest_assert_no_temporaries("after the builds" "${AGTEST_BIN}/gen")
