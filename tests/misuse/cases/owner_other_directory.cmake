# OWNER names the owner of generators of another directory.
add_generated_source(first OUTPUT first.h COMMAND gen OWNER headers)
file(WRITE "${CMAKE_CURRENT_BINARY_DIR}/sub/CMakeLists.txt"
  "add_generated_source(second OUTPUT second.h COMMAND gen OWNER headers)\n")
add_subdirectory("${CMAKE_CURRENT_BINARY_DIR}/sub" "${CMAKE_CURRENT_BINARY_DIR}/sub-build")
