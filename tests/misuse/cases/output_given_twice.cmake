add_generated_source(gen OUTPUT gen.h "${CMAKE_CURRENT_BINARY_DIR}/gen.h" COMMAND gen)
