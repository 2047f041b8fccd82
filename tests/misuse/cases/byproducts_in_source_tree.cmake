add_generated_source(gen OUTPUT gen.h COMMAND gen BYPRODUCTS "${CMAKE_CURRENT_SOURCE_DIR}/gen.log")
