# Case in-place: IN_PLACE generator (clinic.py reads and rewrites clinic/module.c.h itself); with
# MODE reads-outputs the same generator staged with READS_OUTPUTS, where every step below holds
# the same (step 1 fails if the staged copy does not start as the current header: clinic.py would
# lose its preserved line).
#  1. The first build keeps the checked-in clinic/module.c.h (same bytes, same mtime).
#  2. Touching module.c (the generator's input, also compiled) re-runs clinic.py, which rewrites
#     the header with the same bytes: the helper puts the old mtime back, so only module.c.o is
#     recompiled and main.c.o, which includes the header, is not.
#  3. clinic.py failing half-way through its write: the build fails with the helper's error line,
#     the header's bytes and mtime are restored, no backup or other .atomicgen- file remains.
#  4. A real change: header updated, both objects recompiled, app prints the new values.
# MODE reads-tree (walking_clinic.py, READS_TREE, REWRITES module.c) also checks that the generator
# walked the tree itself (module.c and clinic/ seen, no staging directory), that the failed run of
# step 3 left module.c as it was, and that step 4 committed module.c's new checksum line with the
# header.
set(log "${AGTEST_BIN}/generator.log")
set(header "${AGTEST_SRC}/clinic/module.c.h")
set(saved "${AGTEST_WORK}/saved/module.c.h")
file(MAKE_DIRECTORY "${AGTEST_WORK}/saved")
file(COPY_FILE "${header}" "${saved}")
file(COPY_FILE "${AGTEST_SRC}/module.c" "${AGTEST_WORK}/saved/module.c")
agtest_mtimes(header_mtime "${header}")

# 1.
agtest_configure(ARGS "-DAG_MODE=${MODE}")
agtest_build(out)
agtest_count_lines(runs "${log}" "^clinic end")
agtest_assert_equal("${runs}" 1 "first build ran clinic.py")
agtest_assert_same_file("${header}" "${saved}" "first build: module.c.h keeps its bytes")
agtest_mtimes(mtime "${header}")
agtest_assert_equal("${mtime}" "${header_mtime}" "first build: module.c.h keeps its mtime")
agtest_run(out COMMAND "${AGTEST_BIN}/app")
agtest_assert_match("${out}" "area=12 width=3" "app runs")
if(MODE STREQUAL "reads-tree")
  file(READ "${log}" walked)
  agtest_assert_match("${walked}" "walked \\./module\\.c\n" "the generator walked the tree (module.c)")
  agtest_assert_match("${walked}" "walked \\./clinic/module\\.c\\.h\n"
    "the generator walked the tree (clinic/module.c.h)")
  if(walked MATCHES "\\.stage|atomicgen-[0-9]")
    agtest_fail("the generator's walk saw a staging directory or a helper file:\n${walked}")
  endif()
  agtest_assert_same_file("${AGTEST_SRC}/module.c" "${AGTEST_WORK}/saved/module.c"
    "first build: module.c (its checksum right) keeps its bytes")
endif()

# 2.
agtest_objects(objects app)
agtest_mtimes(before ${objects} "${header}")
agtest_touch("${AGTEST_SRC}/module.c")
agtest_build(out)
agtest_count_lines(runs "${log}" "^clinic end")
agtest_assert_equal("${runs}" 2 "touched module.c: clinic.py ran again (runs in total)")
agtest_assert_same_file("${header}" "${saved}" "rewritten with the same bytes: module.c.h unchanged")
agtest_mtimes(after ${objects} "${header}")
agtest_changed(changed before after ${objects} "${header}")
agtest_assert_equal("${changed}" "module.c.o"
  "files with a new mtime (module.c.h's mtime put back; main.c.o not rebuilt)")

# 3.
agtest_write("${AGTEST_SRC}/clinic.flags" "FAIL\n")
agtest_build(out EXPECT_FAIL)
agtest_assert_match("${out}" "clinic\\.py: failing half-way" "clinic.py did fail half-way")
agtest_assert_match("${out}" "atomicgen: error: run\\(" "the helper reported the failure")
agtest_assert_same_file("${header}" "${saved}" "failed run: module.c.h restored byte for byte")
agtest_mtimes(mtime "${header}")
agtest_assert_equal("${mtime}" "${header_mtime}" "failed run: module.c.h's mtime restored")
agtest_assert_no_temporaries("failed run: no backup or temporary left" "${AGTEST_SRC}")
agtest_assert_same_file("${AGTEST_SRC}/module.c" "${AGTEST_WORK}/saved/module.c"
  "failed run: module.c as it was")

# 4.
agtest_write("${AGTEST_SRC}/clinic.flags" "\n")
file(READ "${AGTEST_SRC}/module.c" source)
string(REPLACE "width 3" "width 5" source "${source}")
agtest_write("${AGTEST_SRC}/module.c" "${source}")
agtest_build(out)
agtest_count_compiles(compiled "${out}")
agtest_assert_equal("${compiled}" 2 "changed header: compile steps run (both objects)")
agtest_run(out COMMAND "${AGTEST_BIN}/app")
agtest_assert_match("${out}" "area=20 width=5" "app sees the new header")
if(MODE STREQUAL "reads-tree")
  file(READ "${AGTEST_SRC}/module.c" source)
  string(SHA256 block "width 5\nheight 4\n")
  string(SUBSTRING "${block}" 0 16 checksum)
  agtest_assert_match("${source}" "clinic checksum: ${checksum}"
    "module.c's checksum line rewritten and committed with the header")
endif()
agtest_assert_no_temporaries("no backup or temporary left" "${AGTEST_SRC}")
