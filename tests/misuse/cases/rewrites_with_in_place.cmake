add_generated_source(gen OUTPUT gen.h COMMAND gen REWRITES gen.y IN_PLACE)
