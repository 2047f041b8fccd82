# The generators and programs of the absolute-paths case, included by absolute/ and relative/:
# ${style} prefixes the names, ${out} (the current binary directory and a slash, or nothing)
# prefixes every output, on the command line as in OUTPUT.
set(src "${PROJECT_SOURCE_DIR}")

# bison, the header named by -d (next to -o's file, bison derives it): #line "<out>calc.c" and
# the header guard YY_YY_<OUT>_CALC_H_INCLUDED come from the path.
generate(${style}_calc
  OUTPUT ${out}calc.c ${out}calc.h
  COMMAND "${BISON_EXECUTABLE}" -d -o ${out}calc.c "${src}/calc.y"
  DEPENDS "${src}/calc.y"
  CONSUMERS ${style}_demo)

# bison, the header named by --defines=.
generate(${style}_list
  OUTPUT ${out}list.c ${out}list.h
  COMMAND "${BISON_EXECUTABLE}" --defines=${out}list.h -o ${out}list.c "${src}/list.y"
  DEPENDS "${src}/list.y"
  CONSUMERS ${style}_demo)

# flex: #line "<out>lexer.c" in the source, #line "<out>lexer.h" in the header.
generate(${style}_lexer
  OUTPUT ${out}lexer.c ${out}lexer.h
  COMMAND "${FLEX_EXECUTABLE}" --header-file=${out}lexer.h -o ${out}lexer.c "${src}/lexer.l"
  DEPENDS "${src}/lexer.l"
  CONSUMERS ${style}_demo)

# re2c: #line "<out>scanner.c" (without the generation date a direct run would differ by it).
generate(${style}_scanner
  OUTPUT ${out}scanner.c
  COMMAND "${RE2C_EXECUTABLE}" --no-generation-date -o ${out}scanner.c "${src}/scanner.re"
  DEPENDS "${src}/scanner.re"
  CONSUMERS ${style}_demo)

# gperf: its command line, output path included, in a comment.
generate(${style}_keywords
  OUTPUT ${out}keywords.h
  COMMAND "${GPERF_EXECUTABLE}" --output-file=${out}keywords.h "${src}/keywords.gperf"
  DEPENDS "${src}/keywords.gperf"
  CONSUMERS ${style}_demo)

# A Python script writing both its output paths into both outputs.
generate(${style}_paths
  OUTPUT ${out}paths.h ${out}paths.py
  COMMAND "${PYTHON}" "${src}/gen_paths.py" --header ${out}paths.h --python ${out}paths.py
  DEPENDS "${src}/gen_paths.py"
  CONSUMERS ${style}_demo)

add_executable(${style}_demo "${src}/main.c"
  "${CMAKE_CURRENT_BINARY_DIR}/calc.c" "${CMAKE_CURRENT_BINARY_DIR}/list.c"
  "${CMAKE_CURRENT_BINARY_DIR}/lexer.c" "${CMAKE_CURRENT_BINARY_DIR}/scanner.c")
target_include_directories(${style}_demo PRIVATE "${CMAKE_CURRENT_BINARY_DIR}" "${src}")

# protoc: two files into the directory named by --cpp_out=.
generate(${style}_point
  OUTPUT ${out}proto/point.pb.cc ${out}proto/point.pb.h
  COMMAND "${PROTOC_EXECUTABLE}" --cpp_out=${out}proto -I "${src}" "${src}/point.proto"
  DEPENDS "${src}/point.proto"
  CONSUMERS ${style}_points)

add_executable(${style}_points "${src}/points.cc"
  "${CMAKE_CURRENT_BINARY_DIR}/proto/point.pb.cc")
target_include_directories(${style}_points PRIVATE "${CMAKE_CURRENT_BINARY_DIR}/proto")
target_link_libraries(${style}_points PRIVATE protobuf::libprotobuf)
target_compile_features(${style}_points PRIVATE cxx_std_17)
