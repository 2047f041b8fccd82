# Case source-tree-outputs: OUTPUT generated/table.h lies in the (scratch copy of the) source tree.
#  1. The first build runs the generator; table.h, already checked in with the same bytes, keeps
#     its bytes and its mtime.
#  2. Clean (`ninja -t clean` and the clean target; `make clean`) leaves table.h present and
#     byte-identical: it is declared to no build tool.
#  3. Touching the input re-runs the generator with identical output: nothing recompiles.
#  4. A change of content recompiles exactly the objects that read table.h, in the same build:
#     a.c of app and sub/rows.c of rows (wired by target_link_generated_sources()); main.c and
#     sub/plain.c, which do not include it, keep their objects.
#  5. Ctrl-C: the build tool's process group gets SIGINT while the (slow) generator is writing;
#     table.h still exists and is either the old or the new complete content, no temporary is
#     left, and the next build completes with the new content and recompiles the consumer.
set(log "${AGTEST_BIN}/generator.log")
set(table "${AGTEST_SRC}/generated/table.h")
set(shipped "${AGTEST_CASES}/${AGTEST_CASE}/generated/table.h")

# internal: the bytes gen_header.py makes from <content> as table.txt, into <dir>/table.h.
function(expected_table dir content)
  file(MAKE_DIRECTORY "${dir}")
  file(WRITE "${dir}/table.txt" "${content}")
  execute_process(COMMAND "${PYTHON}" "${AGTEST_TOOLS}/gen_header.py" --input table.txt
      --output table.h
    WORKING_DIRECTORY "${dir}" RESULT_VARIABLE result)
  if(NOT result EQUAL 0)
    agtest_fail("cannot run gen_header.py for the expected table.h")
  endif()
endfunction()

# 1.
agtest_mtimes(shipped_mtime "${table}")
agtest_configure()
agtest_build(out)
agtest_count_lines(runs "${log}" "^table end")
agtest_assert_equal("${runs}" 1 "first build ran the generator")
agtest_assert_same_file("${table}" "${shipped}" "first build: table.h keeps the checked-in bytes")
agtest_mtimes(mtime "${table}")
agtest_assert_equal("${mtime}" "${shipped_mtime}" "first build: table.h keeps its mtime")

# 2.
agtest_objects(objects app)
if(AGTEST_NINJA)
  agtest_native(out ARGS -t clean)
  agtest_assert_same_file("${table}" "${shipped}" "`ninja -t clean` left table.h as it was")
  agtest_objects(left app)
  agtest_assert_equal("${left}" "" "(`ninja -t clean` did clean: objects left)")
  agtest_build(out)
endif()
agtest_build(out TARGET clean)
agtest_assert_same_file("${table}" "${shipped}" "`cmake --build . --target clean` left table.h as it was")
agtest_objects(left app)
agtest_assert_equal("${left}" "" "(the clean target did clean: objects left)")
agtest_build(out)
agtest_run(out COMMAND "${AGTEST_BIN}/app")
agtest_assert_match("${out}" "cells=20 rows=4" "rebuilt app uses table.h")
agtest_assert_no_temporaries("no .atomicgen- temporaries in the source tree" "${AGTEST_SRC}")

# 3.
agtest_count_lines(runs_before "${log}" "^table end")
agtest_objects(objects app)
agtest_objects(rows_objects rows)
list(APPEND objects ${rows_objects})
agtest_mtimes(before ${objects} "${table}")
file(READ "${AGTEST_SRC}/table.txt" input)
agtest_write("${AGTEST_SRC}/table.txt" "# another comment\n${input}")
agtest_build(out)
agtest_count_lines(runs "${log}" "^table end")
math(EXPR expected "${runs_before} + 1")
agtest_assert_equal("${runs}" ${expected} "touched input: the generator ran (runs in total)")
agtest_count_compiles(compiled "${out}")
agtest_assert_equal("${compiled}" 0 "identical output: compile steps run")
agtest_mtimes(after ${objects} "${table}")
agtest_changed(changed before after ${objects} "${table}")
agtest_assert_equal("${changed}" "" "identical output: files with a new mtime among objects, table.h")

# 4.
set(input "ROWS 6\nCOLS 5\n")
agtest_write("${AGTEST_SRC}/table.txt" "${input}")
agtest_build(out)
agtest_count_compiles(compiled "${out}")
agtest_assert_equal("${compiled}" 2 "changed output: compile steps run (a.c and sub/rows.c)")
agtest_assert_match("${out}" "a\\.c\\.o" "changed output: a.c recompiled")
agtest_assert_match("${out}" "rows\\.c\\.o" "changed output: sub/rows.c recompiled")
expected_table("${AGTEST_WORK}/expected/new" "${input}")
agtest_assert_same_file("${table}" "${AGTEST_WORK}/expected/new/table.h" "changed output: table.h updated")
agtest_run(out COMMAND "${AGTEST_BIN}/app")
agtest_assert_match("${out}" "cells=30 rows=6" "app uses the new table.h")

# 5.
file(MAKE_DIRECTORY "${AGTEST_WORK}/expected/old")
file(COPY_FILE "${table}" "${AGTEST_WORK}/expected/old/table.h")
set(input "ROWS 7\nCOLS 5\n")
expected_table("${AGTEST_WORK}/expected/new" "${input}")
agtest_write("${AGTEST_SRC}/table.txt" "DELAY 0.25\n${input}")
file(REMOVE "${AGTEST_BIN}/generator.started")
agtest_make_program(program)
agtest_run(out COMMAND "${PYTHON}" "${AGTEST_TOOLS}/interrupt_build.py"
  --marker "${AGTEST_BIN}/generator.started" --delay 0.4 -- "${program}"
  WORKING_DIRECTORY "${AGTEST_BIN}")
agtest_assert_match("${out}" "interrupt_build: sent SIGINT" "the build was interrupted mid-generation")
agtest_assert_no_match("${out}" "build exited with 0\n" "the interrupted build did not succeed")
agtest_assert_exists("${table}" "after Ctrl-C: table.h exists")
execute_process(COMMAND "${CMAKE_COMMAND}" -E compare_files "${table}" "${AGTEST_WORK}/expected/old/table.h"
  RESULT_VARIABLE differs_from_old)
execute_process(COMMAND "${CMAKE_COMMAND}" -E compare_files "${table}" "${AGTEST_WORK}/expected/new/table.h"
  RESULT_VARIABLE differs_from_new)
if(differs_from_old EQUAL 0)
  agtest_ok("after Ctrl-C: table.h is the old content, complete")
elseif(differs_from_new EQUAL 0)
  agtest_ok("after Ctrl-C: table.h is the new content, complete")
else()
  file(READ "${table}" content)
  agtest_fail("after Ctrl-C: table.h is neither the old nor the new content:\n${content}")
endif()
agtest_assert_no_temporaries("after Ctrl-C: no .atomicgen- temporaries in the source tree"
  "${AGTEST_SRC}")
agtest_assert_no_temporaries("after Ctrl-C: no .atomicgen- temporaries in the build tree"
  "${AGTEST_BIN}")
agtest_build(out)
agtest_assert_same_file("${table}" "${AGTEST_WORK}/expected/new/table.h"
  "the build after Ctrl-C committed the new table.h")
agtest_count_compiles(compiled "${out}")
agtest_assert_equal("${compiled}" 2 "the build after Ctrl-C recompiled the readers of table.h")
agtest_run(out COMMAND "${AGTEST_BIN}/app")
agtest_assert_match("${out}" "cells=35 rows=7" "app uses the table.h of the build after Ctrl-C")
