add_generated_source(gen OUTPUT gen.h COMMAND "" arg)
