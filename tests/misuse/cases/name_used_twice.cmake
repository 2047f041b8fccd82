# Two calls with OWNER (no target of their own) and the same name.
add_generated_source(gen OUTPUT one.h COMMAND gen OWNER headers)
add_generated_source(gen OUTPUT two.h COMMAND gen OWNER headers)
