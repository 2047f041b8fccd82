# Case checked-in-outputs: ATOMICGEN_CHECKED_IN_OUTPUTS on generated/table.h, checked in (the
# scratch copy of the source tree), each mode in a build directory of its own:
#  1. keep: no generator of a checked-in output runs, even with its input edited; the downstream
#     call (build-tree output) and the consumer build from the shipped file; after a clean, the
#     build after the next has nothing to do.  A missing shipped file stops configuration, named.
#  2. verify: the unmodified tree builds (the generator ran, nothing written; after a clean, the
#     build after the next has nothing to do); with the input edited and not regenerated, the
#     build fails showing the diff that names generated/table.h, and the tree is unchanged.
#  3. regenerate (the default): the atomicgen-verify target fails the same way and writes nothing;
#     a build regenerates; atomicgen-verify then passes, and so does the verify build.  The call
#     stdin-copy, also checked in (never stale), reads its stdin (`< stdin.txt`): atomicgen-verify,
#     which runs no shell, redirects it as the build tool's shell does.
set(table "${AGTEST_SRC}/generated/table.h")
set(shipped "${AGTEST_CASES}/${AGTEST_CASE}/generated/table.h")
set(input "${AGTEST_SRC}/table.txt")
file(READ "${input}" original_input)
set(edited_input "ROWS 7\nCOLS 5\n")
agtest_mtimes(shipped_mtime "${table}")

# 1.
set(keep "${AGTEST_WORK}/build-keep")
agtest_configure(BINARY "${keep}" ARGS -DATOMICGEN_CHECKED_IN_OUTPUTS=keep)
agtest_assert_match("${AGTEST_CONFIGURE}" "AtomicGen: checked-in outputs: keep"
  "keep: configuring says the mode")
agtest_write("${input}" "${edited_input}")
agtest_build(out BINARY "${keep}")
agtest_assert_missing("${keep}/generator.log" "keep: the generator of table never ran")
agtest_run(out COMMAND "${keep}/app")
agtest_assert_match("${out}" "rows=4 cols=5 derived_rows=4"
  "keep: app and the downstream call built from the shipped table.h")
agtest_assert_same_file("${table}" "${shipped}" "keep: table.h as shipped")
agtest_mtimes(mtime "${table}")
agtest_assert_equal("${mtime}" "${shipped_mtime}" "keep: table.h keeps its mtime")
agtest_build(out BINARY "${keep}")
agtest_assert_missing("${keep}/generator.log" "keep: a second build ran no generator either")
# A clean deletes the change stamps (byproducts of the keep command): the keep command creates
# them again, else it and the readers of table.h would run in every build after it.
agtest_build(out BINARY "${keep}" TARGET clean)
agtest_build(out BINARY "${keep}")
agtest_build(out BINARY "${keep}")
agtest_count_compiles(compiles "${out}")
agtest_assert_equal("${compiles}" 0 "keep, after a clean: the build after the next compiles nothing")
agtest_assert_no_match("${out}" "Keeping" "keep, after a clean: the build after the next keeps nothing")
file(RENAME "${table}" "${table}.away")
agtest_configure(BINARY "${AGTEST_WORK}/build-keep-missing" ARGS -DATOMICGEN_CHECKED_IN_OUTPUTS=keep
  EXPECT_FAIL)
string(REGEX REPLACE "[ \t\r\n]+" " " error "${AGTEST_CONFIGURE}")  # CMake wraps messages
agtest_assert_match("${error}"
  "add_generated_source\\(table\\): OUTPUT \"[^\"]*/generated/table.h\" is missing, and ATOMICGEN_CHECKED_IN_OUTPUTS is keep \\(shipped files are used as they are\\)"
  "keep: a missing shipped file stops configuration, named")
file(RENAME "${table}.away" "${table}")
agtest_write("${input}" "${original_input}")

# 2.
set(verify "${AGTEST_WORK}/build-verify")
agtest_configure(BINARY "${verify}" ARGS -DATOMICGEN_CHECKED_IN_OUTPUTS=verify)
agtest_assert_match("${AGTEST_CONFIGURE}" "AtomicGen: checked-in outputs: verify"
  "verify: configuring says the mode")
agtest_build(out BINARY "${verify}")
agtest_count_lines(runs "${verify}/generator.log" "^table end")
agtest_assert_equal("${runs}" 1 "verify, unmodified tree: the generator ran")
agtest_mtimes(mtime "${table}")
agtest_assert_equal("${mtime}" "${shipped_mtime}" "verify, unmodified tree: table.h keeps its mtime")
agtest_build(out BINARY "${verify}" TARGET clean)
agtest_build(out BINARY "${verify}")
agtest_build(out BINARY "${verify}")
agtest_count_compiles(compiles "${out}")
agtest_assert_equal("${compiles}" 0 "verify, after a clean: the build after the next compiles nothing")
agtest_assert_no_match("${out}" "Verifying" "verify, after a clean: the build after the next verifies nothing")
agtest_write("${input}" "${edited_input}")
agtest_build(out BINARY "${verify}" EXPECT_FAIL)
agtest_assert_match("${out}" "--- a/generated/table.h\n\\+\\+\\+ b/generated/table.h\n@@ -1,7 \\+1,7 @@\n"
  "verify, stale: the diff names generated/table.h")
agtest_assert_match("${out}" "\n-#define ROWS 4\n\\+#define ROWS 7\n" "verify, stale: the diff's lines")
agtest_assert_same_file("${table}" "${shipped}" "verify, stale: table.h left as shipped")
agtest_mtimes(mtime "${table}")
agtest_assert_equal("${mtime}" "${shipped_mtime}" "verify, stale: table.h keeps its mtime")
agtest_assert_no_temporaries("verify, stale: no helper leftovers in the tree" "${AGTEST_SRC}")
agtest_build(out BINARY "${verify}" EXPECT_FAIL)
agtest_assert_match("${out}" "--- a/generated/table.h" "verify, stale: the next build fails again")

# 3.
set(regenerate "${AGTEST_WORK}/build-regenerate")
agtest_configure(BINARY "${regenerate}")
agtest_assert_match("${AGTEST_CONFIGURE}" "AtomicGen: checked-in outputs: regenerate"
  "regenerate (default): configuring says the mode")
agtest_build(out BINARY "${regenerate}" TARGET atomicgen-verify EXPECT_FAIL)
agtest_assert_match("${out}" "--- a/generated/table.h\n\\+\\+\\+ b/generated/table.h\n"
  "atomicgen-verify, stale: the diff names generated/table.h")
agtest_assert_match("${out}" "stale checked-in outputs \\(diffs above\\) of: table"
  "atomicgen-verify, stale: names the call")
agtest_assert_same_file("${table}" "${shipped}" "atomicgen-verify, stale: table.h left as shipped")
agtest_assert_missing("${regenerate}/derived.h" "atomicgen-verify built no regenerating call")
agtest_build(out BINARY "${regenerate}")
agtest_run(out COMMAND "${regenerate}/app")
agtest_assert_match("${out}" "rows=7 cols=5 derived_rows=7" "regenerate: the build regenerated")
agtest_build(out BINARY "${regenerate}" TARGET atomicgen-verify)
agtest_assert_no_match("${out}" "--- a/" "atomicgen-verify, regenerated: passes, no diff")
agtest_build(out BINARY "${verify}")
agtest_assert_no_match("${out}" "--- a/" "verify, regenerated tree: the build passes")
