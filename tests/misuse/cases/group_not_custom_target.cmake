add_library(regen-all INTERFACE)
add_generated_source(gen OUTPUT gen.h COMMAND gen GROUP regen-all)
