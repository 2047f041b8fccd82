# Case no-rebuild-on-identical: touching the generator's input re-runs it (its log grows) but,
# as the bytes of defs.h do not change, no object is recompiled (no "Building C object" line, all
# object mtimes kept, defs.h's mtime kept) and app is not relinked.  Then a real change of content
# recompiles exactly the three objects whose sources include defs.h.
set(log "${AGTEST_BIN}/generator.log")
agtest_configure()
agtest_build(out)
agtest_count_lines(runs "${log}" "^defs end")
agtest_assert_equal("${runs}" 1 "first build ran the generator")
agtest_objects(objects app)
list(LENGTH objects count)
agtest_assert_equal("${count}" 4 "app has 4 objects")
set(files ${objects} "${AGTEST_BIN}/defs.h" "${AGTEST_BIN}/app")
agtest_mtimes(before ${files})

# Same content, newer input.
file(READ "${AGTEST_SRC}/defs.txt" input)
agtest_write("${AGTEST_SRC}/defs.txt" "# edited comment\n${input}")
if(AGTEST_NINJA)
  # -d explain shows the objects considered and then dropped by the restat of defs.h.
  agtest_native(out ARGS -d explain)
else()
  agtest_build(out)
endif()
agtest_count_lines(runs "${log}" "^defs end")
agtest_assert_equal("${runs}" 2 "after touching the input the generator ran again")
agtest_count_compiles(compiled "${out}")
agtest_assert_equal("${compiled}" 0 "identical output: compile steps run")
agtest_assert_no_match("${out}" "Linking" "identical output: app not relinked")
agtest_mtimes(after ${files})
agtest_changed(changed before after ${files})
agtest_assert_equal("${changed}" "" "identical output: files with a new mtime among objects, defs.h, app")

# A real change.
file(READ "${AGTEST_SRC}/defs.txt" input)
string(REPLACE "DEF_B 2" "DEF_B 20" input "${input}")
agtest_write("${AGTEST_SRC}/defs.txt" "${input}")
agtest_build(out)
agtest_count_lines(runs "${log}" "^defs end")
agtest_assert_equal("${runs}" 3 "after a change of content the generator ran again")
agtest_count_compiles(compiled "${out}")
agtest_assert_equal("${compiled}" 3 "changed output: compile steps run")
agtest_mtimes(after ${files})
agtest_changed(changed before after ${files})
agtest_assert_equal("${changed}" "a.c.o;b.c.o;c.c.o;defs.h;app"
  "changed output: files with a new mtime (main.c.o, which does not include defs.h, kept)")
agtest_run(out COMMAND "${AGTEST_BIN}/app")
agtest_assert_match("${out}" "sum=24" "app uses the new definition")
