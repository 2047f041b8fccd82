# OWNER names a target that add_generated_source(OWNER) did not create.
add_library(headers INTERFACE)
add_generated_source(gen OUTPUT gen.h COMMAND gen OWNER headers)
