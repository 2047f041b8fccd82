# Case deleted-output: after a full build, one of the two build-tree outputs (gen/one.h) is
# deleted by hand, as a user or a script does.  The next build must run the generator again and
# recreate it (a plain add_custom_command(OUTPUT) does, with both generators), rather than compile
# against a missing header.
set(log "${AGTEST_BIN}/generator.log")
agtest_configure()
agtest_build(out)
file(REMOVE "${AGTEST_BIN}/gen/one.h")
agtest_tick()
agtest_build(out ANY_RESULT)
agtest_count_lines(runs "${log}" "^pair end")
agtest_assert_equal("${runs}" 2 "after deleting gen/one.h the generator ran again (runs in total)")
agtest_assert_exists("${AGTEST_BIN}/gen/one.h" "gen/one.h was recreated")
agtest_assert_equal("${out_RESULT}" 0 "the build after deleting gen/one.h succeeded")
agtest_run(out COMMAND "${AGTEST_BIN}/app")
agtest_assert_match("${out}" "value=7" "app runs")
