# OWNER and GROUP name the same target.
add_generated_source(gen OUTPUT gen.h COMMAND gen OWNER headers GROUP headers)
