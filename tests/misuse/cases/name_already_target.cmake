add_custom_target(gen)
add_generated_source(gen OUTPUT gen.h COMMAND gen)
