# Case real-generators: bison, protoc and a Python script on standard output.
#  - The build succeeds and both programs run: calc parses with the bison parser and prints the
#    version from the STDOUT-generated header; shapes round-trips a protobuf message whose type
#    imports another .proto.
#  - Every generated file is byte-identical to a direct run of the same command line in another
#    directory (bison's #line directives and header guard included, protoc's file set included):
#    the helper's staging is invisible to the generators.
#  - A second build runs no generator; no .atomicgen- temporary is left.
agtest_configure()
agtest_build(out)
agtest_run(out COMMAND "${AGTEST_BIN}/calc" "2+3*(4-1)")
agtest_assert_match("${out}" "calc 1\\.2\\.3: 2\\+3\\*\\(4-1\\) = 11" "calc (bison parser + stdout header) runs")
agtest_run(out COMMAND "${AGTEST_BIN}/shapes")
agtest_assert_match("${out}" "shape triangle sides=3 green=255" "shapes (protoc sources) runs")

include("${AGTEST_BIN}/tools.cmake")
set(direct "${AGTEST_WORK}/direct")
file(MAKE_DIRECTORY "${direct}/proto")
agtest_run(out COMMAND "${BISON}" --defines=parser.h -o parser.c "${AGTEST_SRC}/calc.y"
  WORKING_DIRECTORY "${direct}")
foreach(file IN ITEMS parser.c parser.h)
  agtest_assert_same_file("${AGTEST_BIN}/${file}" "${direct}/${file}"
    "${file} is byte-identical to a direct bison run")
endforeach()
agtest_run(out COMMAND "${PROTOC}" --cpp_out=proto -I "${AGTEST_SRC}/protos"
  "${AGTEST_SRC}/protos/color.proto" "${AGTEST_SRC}/protos/shape.proto"
  WORKING_DIRECTORY "${direct}")
file(GLOB direct_protos RELATIVE "${direct}/proto" "${direct}/proto/*")
list(SORT direct_protos)
agtest_assert_equal("${direct_protos}" "color.pb.cc;color.pb.h;shape.pb.cc;shape.pb.h"
  "a direct protoc run makes exactly the four declared files")
foreach(file IN LISTS direct_protos)
  agtest_assert_same_file("${AGTEST_BIN}/proto/${file}" "${direct}/proto/${file}"
    "proto/${file} is byte-identical to a direct protoc run")
endforeach()
execute_process(COMMAND "${PYTHON}" "${AGTEST_TOOLS}/gen_header.py"
  --input "${AGTEST_SRC}/version.txt" --output -
  OUTPUT_FILE "${direct}/version.h" RESULT_VARIABLE result)
agtest_assert_equal("${result}" 0 "direct run of the stdout generator")
agtest_assert_same_file("${AGTEST_BIN}/version.h" "${direct}/version.h"
  "version.h is byte-identical to the generator's standard output")

agtest_build(out)
agtest_assert_no_match("${out}" "Generating" "second build runs no generator")
agtest_count_compiles(compiled "${out}")
agtest_assert_equal("${compiled}" 0 "second build: compile steps run")
agtest_assert_no_temporaries("no .atomicgen- temporaries" "${AGTEST_BIN}")

# Make: each generator's command is in the build.make of its own target only, even where a
# consumer lists a generated file as a source (calc: parser.c; shapes: *.pb.cc), so Make can never
# run it twice in parallel from two targets.
if(NOT AGTEST_NINJA)
  file(GLOB build_makes "${AGTEST_BIN}/CMakeFiles/*.dir/build.make")
  foreach(name IN ITEMS parser version protos)
    set(owners "")
    foreach(build_make IN LISTS build_makes)
      file(STRINGS "${build_make}" lines REGEX "atomicgen run .*--stamp [^ ]*/atomicgen\\.stamps/${name}\\.done")
      if(NOT lines STREQUAL "")
        cmake_path(GET build_make PARENT_PATH dir)
        cmake_path(GET dir FILENAME dir)
        list(APPEND owners "${dir}")
      endif()
    endforeach()
    agtest_assert_equal("${owners}" "${name}.dir" "the command of ${name} is in one build.make only")
  endforeach()
endif()
