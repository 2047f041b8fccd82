# Case usage-requirements: app reads the source-tree output inc/v.h through hdrs's usage
# requirements (MODE interface: an INTERFACE library), and is not named in CONSUMERS.
#  1. The first build: app prints the checked-in value.
#  2. A changed input, ONE build: app prints the new value (with Ninja it used to print the old
#     one until a second build).
#  3. Nothing changed: a second build runs no compile.
#  4. The checked-in inc/v.h deleted: one build regenerates it (Ninja, which knows nothing of
#     source-tree outputs, used to fail with "No such file") and app prints the value; then a
#     build does nothing again.
agtest_configure(ARGS "-DAG_MODE=${MODE}")
agtest_build(out)
agtest_run(out COMMAND "${AGTEST_BIN}/app")
agtest_assert_match("${out}" "value=1" "first build: app prints the checked-in value")

agtest_tick()
agtest_write("${AGTEST_SRC}/defs.txt" "VALUE 2\n")
agtest_build(out)
agtest_run(out COMMAND "${AGTEST_BIN}/app")
agtest_assert_match("${out}" "value=2" "changed input, one build: app prints the new value")

agtest_build(out)
agtest_count_compiles(compiled "${out}")
agtest_assert_equal("${compiled}" 0 "nothing changed: compile steps run")

file(REMOVE "${AGTEST_SRC}/inc/v.h")
agtest_build(out)
agtest_assert_exists("${AGTEST_SRC}/inc/v.h" "deleted output: one build regenerated it")
agtest_run(out COMMAND "${AGTEST_BIN}/app")
agtest_assert_match("${out}" "value=2" "deleted output: app prints the value")
agtest_build(out)
agtest_count_compiles(compiled "${out}")
agtest_assert_equal("${compiled}" 0 "after the regeneration, nothing changed: compile steps run")
agtest_assert_no_match("${out}" "Generating" "after the regeneration: the generator did not run")
