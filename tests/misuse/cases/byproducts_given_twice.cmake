add_generated_source(gen OUTPUT gen.h COMMAND gen BYPRODUCTS gen.log "${CMAKE_CURRENT_BINARY_DIR}/gen.log")
