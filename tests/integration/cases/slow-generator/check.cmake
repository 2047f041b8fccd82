# Case slow-generator: the header is written slowly in 25 steps (about 1 s) while 20 consumers are
# compiled at -j16.
#  - With add_generated_source(): the build succeeds, from scratch and after a change of content.
#  - Negative control, NAIVE=ON (plain add_custom_command writing in place, consumers not ordered):
#    a deterministic check that the build graph has no edge ordering app's compile steps after the
#    generator, then up to 3 clean builds, of which at least one must fail (the consumers read a
#    missing or partial slow.h).  This shows the positive result above is not luck.

# Positive: AtomicGen.
agtest_configure()
agtest_build(out JOBS 16)
agtest_count_compiles(compiled "${out}")
agtest_assert_equal("${compiled}" 21 "-j16 build from scratch compiled all consumers")
agtest_count_lines(runs "${AGTEST_BIN}/generator.log" "^slow end")
agtest_assert_equal("${runs}" 1 "the slow generator ran once")
agtest_run(out COMMAND "${AGTEST_BIN}/app")
agtest_ok("app links and returns the sum of the 20 generated definitions")

file(READ "${AGTEST_SRC}/slow.txt" input)
string(REPLACE "SLOW_20 20" "SLOW_20 20 /* changed */" input "${input}")
agtest_write("${AGTEST_SRC}/slow.txt" "${input}")
agtest_build(out JOBS 16)
agtest_count_compiles(compiled "${out}")
agtest_assert_equal("${compiled}" 20 "-j16 rebuild after a change recompiled the 20 consumers")
agtest_assert_no_temporaries("no helper leftovers in the build tree" "${AGTEST_BIN}")

# Negative control, deterministic part: no ordering edge in the naive build graph.
set(naive "${AGTEST_WORK}/naive")
agtest_configure(BINARY "${naive}" ARGS -DNAIVE=ON)
if(AGTEST_NINJA)
  file(READ "${naive}/build.ninja" graph)
  string(REGEX MATCH "\nbuild cmake_object_order_depends_target_app: phony[^\n]*" phony "${graph}")
  agtest_assert_no_match("${phony}" "naive_gen|slow\\.h"
    "control: build.ninja orders app's compile steps after nothing of the generator")
  string(REGEX MATCHALL "\nbuild CMakeFiles/app\\.dir/[^:\n]*\\.o: [^\n]*" compiles "${graph}")
  agtest_assert_no_match("${compiles}" "slow\\.h|naive_gen"
    "control: no compile step of app names slow.h or naive_gen")
else()
  file(READ "${naive}/CMakeFiles/Makefile2" graph)
  agtest_assert_no_match("${graph}" "\nCMakeFiles/app\\.dir/all: CMakeFiles/naive_gen\\.dir/all"
    "control: Makefile2 does not order app after naive_gen")
  file(READ "${AGTEST_BIN}/CMakeFiles/Makefile2" graph)
  agtest_assert_match("${graph}" "\nCMakeFiles/app\\.dir/all: CMakeFiles/slow\\.dir/all"
    "(while with AtomicGen, Makefile2 orders app after slow)")
endif()

# Negative control, empirical part: a clean -j16 build reads a missing or partial header.
set(failures 0)
foreach(attempt RANGE 1 3)
  if(attempt GREATER 1)
    file(REMOVE_RECURSE "${naive}")
    agtest_configure(BINARY "${naive}" ARGS -DNAIVE=ON)
  endif()
  agtest_build(out BINARY "${naive}" JOBS 16 ANY_RESULT)
  string(REGEX MATCHALL "error: #error \"slow\\.h is partial" partial "${out}")
  string(REGEX MATCHALL "slow\\.h: No such file" missing "${out}")
  list(LENGTH partial partial)
  list(LENGTH missing missing)
  agtest_log("control attempt ${attempt}: build exit status ${out_RESULT}; "
    "${partial} compile(s) saw a partial slow.h, ${missing} found none")
  if(NOT out_RESULT EQUAL 0)
    if(partial EQUAL 0 AND missing EQUAL 0)
      agtest_fail("control: the naive build failed for another reason than the race")
    endif()
    math(EXPR failures "${failures} + 1")
    set(failed_attempt ${attempt})
    break()
  endif()
endforeach()
if(failures EQUAL 0)
  agtest_fail("control: 3 naive -j16 builds all succeeded: the test no longer shows the race")
endif()
agtest_ok("control: the naive -j16 build failed on attempt ${failed_attempt} (race reproduced)")
