# Case group-and-consumers.
#  1. Fresh build dir, `--target subconsumer` only: the library in sub/, linked to gen_b by
#     target_link_generated_sources() before gen_b was declared, compiles (b.h was generated
#     first); a.h and c.h are not generated.
#  2. `--target regen-all` (the GROUP) generates a.h and b.h, not c.h (not a member).
#  3. Second fresh build dir, full -j4 build: gen_c (DEPENDS gen_a) starts only after gen_a
#     ended, per the generators' log, and c.h has a.h's definitions; app runs.
#  4. Touching a.txt re-runs gen_a with identical output: gen_c does not run.  Changing it re-runs
#     gen_c and app sees the new value.
set(log "${AGTEST_BIN}/generator.log")

# 1.
agtest_configure()
agtest_build(out TARGET subconsumer JOBS 4)
agtest_assert_exists("${AGTEST_BIN}/b.h" "--target subconsumer generated b.h")
agtest_assert_match("${out}" "Generating b\\.h[^\n]*\n(.*\n)?[^\n]*Building C object sub/CMakeFiles/subconsumer\\.dir/sub\\.c\\.o"
  "b.h was generated before sub.c was compiled")
agtest_assert_missing("${AGTEST_BIN}/a.h" "--target subconsumer did not generate a.h")
agtest_assert_missing("${AGTEST_BIN}/c.h" "--target subconsumer did not generate c.h")

# 2.
agtest_build(out TARGET regen-all JOBS 4)
agtest_assert_exists("${AGTEST_BIN}/a.h" "--target regen-all generated a.h")
agtest_assert_missing("${AGTEST_BIN}/c.h" "--target regen-all did not generate c.h (not in the group)")
agtest_count_compiles(compiled "${out}")
agtest_assert_equal("${compiled}" 0 "--target regen-all compiled nothing")
agtest_count_lines(runs "${log}" "^gen_b end")
agtest_assert_equal("${runs}" 1 "gen_b, up to date, was not run again by regen-all")

# 3.
set(bin2 "${AGTEST_WORK}/build2")
set(log2 "${bin2}/generator.log")
agtest_configure(BINARY "${bin2}")
agtest_build(out BINARY "${bin2}" JOBS 4)
file(STRINGS "${log2}" lines)
set(a_end "")
set(c_start "")
foreach(line IN LISTS lines)
  if(line MATCHES "^gen_a end ([0-9.]+)")
    set(a_end "${CMAKE_MATCH_1}")
  elseif(line MATCHES "^gen_c start ([0-9.]+)")
    set(c_start "${CMAKE_MATCH_1}")
  endif()
endforeach()
string(REGEX MATCH "gen_a end[^\n;]*;(.*;)?gen_c start" ordered "${lines}")
if(a_end STREQUAL "" OR c_start STREQUAL "" OR ordered STREQUAL "")
  agtest_fail("the log does not show gen_a's end before gen_c's start:\n${lines}")
endif()
agtest_ok("gen_c started (${c_start}) after gen_a ended (${a_end})")
agtest_run(out COMMAND "${bin2}/app")
agtest_assert_match("${out}" "a=1 b=2 c=3" "app sees a.h's value through c.h")

# 4.
file(READ "${AGTEST_SRC}/a.txt" input)
agtest_write("${AGTEST_SRC}/a.txt" "# edited comment\n${input}")
agtest_build(out BINARY "${bin2}")
agtest_count_lines(a_runs "${log2}" "^gen_a end")
agtest_count_lines(c_runs "${log2}" "^gen_c end")
agtest_assert_equal("${a_runs}" 2 "touched a.txt: gen_a runs in total")
agtest_assert_equal("${c_runs}" 1 "identical a.h: gen_c runs in total")
string(REPLACE "A_VALUE 1" "A_VALUE 10" input "${input}")
agtest_write("${AGTEST_SRC}/a.txt" "${input}")
agtest_build(out BINARY "${bin2}")
agtest_count_lines(c_runs "${log2}" "^gen_c end")
agtest_assert_equal("${c_runs}" 2 "changed a.h: gen_c runs in total")
agtest_run(out COMMAND "${bin2}/app")
agtest_assert_match("${out}" "a=10 b=2 c=3" "app sees the new a.h value")
