add_generated_source(gen FOO OUTPUT gen.h COMMAND gen)
