# Case absolute-paths: generators given absolute output paths (issue 10).
#  - The build succeeds and the programs of both styles run: demo parses with two bison parsers
#    (one fed by the flex lexer), classifies a word with the re2c scanner and the gperf lookup,
#    and prints the path the Python script wrote into paths.h; points round-trips a protobuf
#    message. Built with absolute paths, the path in paths.h is the final one, not a staging path.
#  - The absolute outputs do contain their absolute paths (#line lines, bison's header guard,
#    gperf's command line, the script's strings), so the comparison below is not vacuous.
#  - A second build runs no generator; no .atomicgen- temporary is left.
#  - Every output of every generator, absolute and relative, is byte-identical to a direct run of
#    the same command line (recorded by the project in direct-runs.cmake) in the same working
#    directory, writing the very same paths: the committed outputs are moved aside, the generator
#    is run by hand, and the first differing file is named with its first differing line.
agtest_configure()
agtest_build(out)

set(abs "${AGTEST_BIN}/absolute")
set(rel "${AGTEST_BIN}/relative")
foreach(style IN ITEMS absolute relative)
  agtest_run(out COMMAND "${AGTEST_BIN}/${style}/${style}_demo" "2+3*(4-1)" "1,2,3" "while")
  agtest_assert_match("${out}" "calc 2\\+3\\*\\(4-1\\) = 11\nsum 1,2,3 = 6\nwhile: identifier, keyword\n"
    "${style}_demo runs (bison -d + flex, bison --defines=, re2c, gperf)")
  agtest_run(out COMMAND "${AGTEST_BIN}/${style}/${style}_points")
  agtest_assert_match("${out}" "point corner \\(3,-4\\)" "${style}_points runs (protoc --cpp_out=)")
endforeach()
agtest_run(out COMMAND "${AGTEST_BIN}/absolute/absolute_demo" "1" "1" "x")
string(REGEX MATCH "paths.h generated as ([^\n]*)" line "${out}")
agtest_assert_equal("${CMAKE_MATCH_1}" "${abs}/paths.h"
  "absolute_demo was compiled with the final path in paths.h")
agtest_run(out COMMAND "${AGTEST_BIN}/relative/relative_demo" "1" "1" "x")
string(REGEX MATCH "paths.h generated as ([^\n]*)" line "${out}")
agtest_assert_equal("${CMAKE_MATCH_1}" "paths.h"
  "relative_demo was compiled with the relative path in paths.h")
agtest_run(out COMMAND "${PYTHON}" "${abs}/paths.py")
string(STRIP "${out}" out)
agtest_assert_equal("${out}" "${abs}/paths.py" "the generated paths.py prints its final path")

# What each absolute output must contain: its final path, as the generator spells it.
string(REGEX REPLACE "[^A-Za-z0-9]+" "_" folded "${abs}")
string(TOUPPER "${folded}" folded)
set(expect_calc.c "\"${abs}/calc.c\"")
set(expect_calc.h "YY_YY${folded}_CALC_H_INCLUDED")
set(expect_list.c "\"${abs}/list.c\"")
set(expect_list.h "YY_LIST${folded}_LIST_H_INCLUDED")
set(expect_lexer.c "\"${abs}/lexer.c\"")
set(expect_lexer.h "\"${abs}/lexer.h\"")
set(expect_scanner.c "\"${abs}/scanner.c\"")
set(expect_keywords.h "--output-file=${abs}/keywords.h ")
set(expect_paths.h "#define GENERATED_BESIDE \"${abs}/paths.py\"")
set(expect_paths.py "GENERATED_BESIDE = '${abs}/paths.h'")
foreach(file IN ITEMS calc.c calc.h list.c list.h lexer.c lexer.h scanner.c keywords.h paths.h
    paths.py)
  file(READ "${abs}/${file}" text)
  string(FIND "${text}" "${expect_${file}}" at)
  if(at EQUAL -1)
    agtest_fail("absolute/${file} does not contain ${expect_${file}}")
  endif()
  agtest_ok("absolute/${file} names its final path: ${expect_${file}}")
  agtest_assert_no_match("${text}" "\\.atomicgen-" "absolute/${file} names no staging path")
endforeach()

agtest_build(out)
agtest_assert_no_match("${out}" "Generating" "second build runs no generator")
agtest_count_compiles(compiled "${out}")
agtest_assert_equal("${compiled}" 0 "second build: compile steps run")
agtest_assert_no_temporaries("no .atomicgen- temporaries" "${AGTEST_BIN}")

# compare_with_direct(<committed> <direct> <shown> <name>): fail unless the file committed by
# add_generated_source(<name>) and the one its direct run wrote are the same bytes, naming the
# file (<shown>) and the first line where they part.
function(compare_with_direct committed direct shown name)
  execute_process(COMMAND "${CMAKE_COMMAND}" -E compare_files "${committed}" "${direct}"
    RESULT_VARIABLE differ)
  if(differ EQUAL 0)
    agtest_ok("${shown} is byte-identical to the direct run of ${name}")
    return()
  endif()
  execute_process(COMMAND "${PYTHON}" -c [[
import sys
a = open(sys.argv[1], 'rb').read().split(b'\n')
b = open(sys.argv[2], 'rb').read().split(b'\n')
for i, (x, y) in enumerate(zip(a, b)):
    if x != y:
        print(f'first difference at line {i + 1}:\n  committed: {x!r}\n  direct:    {y!r}')
        break
else:
    print(f'one is a prefix of the other ({len(a)} and {len(b)} lines)')
]] "${committed}" "${direct}" OUTPUT_VARIABLE where)
  list(JOIN DIRECT_${name}_COMMAND " " command)
  agtest_fail("${shown} committed by add_generated_source(${name}) differs from a direct run "
    "of `${command}` (${direct}; the committed file is kept as ${committed}), ${where}")
endfunction()

# Each generator run directly, with the recorded command in the recorded working directory, into
# the very paths add_generated_source() committed (moved aside first, so a direct run that writes
# nothing cannot pass): bison's header guard and the #line lines hold the output path, so only a
# run writing the same path can be compared byte for byte.
include("${AGTEST_BIN}/direct-runs.cmake")
list(LENGTH DIRECT_RUNS runs)
agtest_assert_equal("${runs}" 14 "generators recorded for a direct run (7 per style)")
foreach(name IN LISTS DIRECT_RUNS)
  set(committed "${AGTEST_WORK}/committed/${name}")
  file(MAKE_DIRECTORY "${committed}")
  foreach(output IN LISTS DIRECT_${name}_OUTPUTS)
    cmake_path(GET output FILENAME file)
    file(RENAME "${output}" "${committed}/${file}")
  endforeach()
  agtest_run(out COMMAND ${DIRECT_${name}_COMMAND}
    WORKING_DIRECTORY "${DIRECT_${name}_DIRECTORY}")
  foreach(output IN LISTS DIRECT_${name}_OUTPUTS)
    cmake_path(GET output FILENAME file)
    cmake_path(RELATIVE_PATH output BASE_DIRECTORY "${AGTEST_BIN}" OUTPUT_VARIABLE shown)
    agtest_assert_exists("${output}" "the direct run of ${name} wrote ${shown}")
    compare_with_direct("${committed}/${file}" "${output}" "${shown}" "${name}")
  endforeach()
endforeach()
