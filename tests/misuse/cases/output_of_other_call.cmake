add_generated_source(other OUTPUT gen.h COMMAND gen)
add_generated_source(gen OUTPUT gen.h COMMAND gen)
