add_generated_source(gen OUTPUT gen.h COMMAND gen DEPENDS early.h)
add_generated_source(early OUTPUT early.h COMMAND gen)
