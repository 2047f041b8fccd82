# Case unnamed-consumer: app (another directory, not in CONSUMERS) lists gen/value.c among its
# sources (MODE cmp0118-old: with CMP0118 OLD, and named in CONSUMERS; configuring used to stop
# with "Cannot find source file").
#  1. The first build succeeds with both tools (Make used to stop: "No rule to make target") and
#     app prints the generated value.
#  2. A changed input, one build: app prints the new value.
agtest_configure(ARGS "-DAG_MODE=${MODE}")
agtest_build(out)
agtest_run(out COMMAND "${AGTEST_BIN}/app/app")
agtest_assert_match("${out}" "value=7" "first build: app prints the generated value")

agtest_tick()
agtest_write("${AGTEST_SRC}/value.txt" "8\n")
agtest_build(out)
agtest_run(out COMMAND "${AGTEST_BIN}/app/app")
agtest_assert_match("${out}" "value=8" "changed input, one build: app prints the new value")
