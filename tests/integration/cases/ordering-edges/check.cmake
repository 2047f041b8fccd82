# Case ordering-edges (Ninja only): build.ninja orders each compile step of the consumer after the
# generator, through `|| cmake_object_order_depends_target_app` and that phony's edge to the
# generated source's target; and `ninja <one object>` really runs the generator first.
agtest_configure()
file(READ "${AGTEST_BIN}/build.ninja" ninja)

# Each compile step of app has the order-only edge.
string(REGEX MATCHALL "\nbuild CMakeFiles/app\\.dir/[^:\n]*\\.o: [^\n]*" compiles "${ninja}")
list(LENGTH compiles count)
agtest_assert_equal("${count}" 4 "build.ninja has one compile step per source of app")
foreach(line IN LISTS compiles)
  string(STRIP "${line}" line)
  string(REGEX MATCH "^build ([^:]*):" _ "${line}")
  set(object "${CMAKE_MATCH_1}")
  agtest_assert_match("${line}" "\\|\\| cmake_object_order_depends_target_app( |$)"
    "compile step ${object} is order-only dependent on cmake_object_order_depends_target_app")
endforeach()

# That phony depends (order-only) on the generated source's target ...
string(REGEX MATCH "\nbuild cmake_object_order_depends_target_app: phony[^\n]*" phony "${ninja}")
agtest_assert_match("${phony}" "\\|\\|([^\n]* )?defs( |$)"
  "cmake_object_order_depends_target_app has an order-only dependency on the target defs")
# ... whose phony depends on defs.h, the output of the generator's custom command (with Ninja a
# build-tree output is the custom command's own output: restat and the log replace a stamp) ...
string(REGEX MATCH "\nbuild defs: phony[^\n]*" target "${ninja}")
agtest_assert_match("${target}" " defs\\.h( |$)" "target defs depends on defs.h")
agtest_assert_no_match("${target}" "done\\.stamp" "target defs depends on no stamp")
# ... which is produced by the command running the helper, with restat.
string(REGEX MATCH "\nbuild defs\\.h [^\n]*: CUSTOM_COMMAND [^\n]*\n( [^\n]*\n)*" rule "${ninja}")
agtest_assert_match("${rule}" "^\nbuild defs\\.h " "a custom command produces defs.h")
agtest_assert_match("${rule}" "\n  restat = 1\n" "the custom command is restat")
agtest_assert_match("${rule}" "atomicgen[^\n]* run [^\n]*--output [^\n]*/defs\\.h"
  "the custom command runs the helper: atomicgen run --output .../defs.h")

# The control: the compile steps of `other` are not ordered after the generator.
string(REGEX MATCH "\nbuild cmake_object_order_depends_target_other: phony[^\n]*" phony "${ninja}")
agtest_assert_no_match("${phony}" "defs"
  "control: cmake_object_order_depends_target_other has no edge to defs")

# Behaviour: building one object of the control does not generate defs.h; building one object of
# app that does not even include it does, before compiling.
agtest_native(out ARGS CMakeFiles/other.dir/other.c.o)
agtest_assert_missing("${AGTEST_BIN}/defs.h"
  "control: `ninja CMakeFiles/other.dir/other.c.o` did not generate defs.h")
agtest_native(out ARGS CMakeFiles/app.dir/main.c.o)
agtest_assert_exists("${AGTEST_BIN}/defs.h"
  "`ninja CMakeFiles/app.dir/main.c.o` generated defs.h")
agtest_assert_match("${out}" "Generating defs\\.h[^\n]*\n(.*\n)?[^\n]*Building C object CMakeFiles/app\\.dir/main\\.c\\.o"
  "the generator ran before the compile step")
agtest_build(out)
agtest_run(out COMMAND "${AGTEST_BIN}/app")
agtest_ok("app, built from the generated header, runs")
