add_generated_source(gen OUTPUT gen.h COMMAND gen STDOUT REWRITES gen.y)
