add_generated_source("" OUTPUT gen.h COMMAND gen)
