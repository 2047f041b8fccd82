add_generated_source(other OUTPUT sub/../gen.h COMMAND gen)
add_generated_source(gen OUTPUT "${CMAKE_CURRENT_BINARY_DIR}/gen.h" COMMAND gen)
