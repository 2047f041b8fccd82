add_generated_source(gen OUTPUT gen.h COMMAND gen DEPENDS "${CMAKE_CURRENT_BINARY_DIR}/gen.h")
