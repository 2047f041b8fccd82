add_generated_source("my gen" OUTPUT gen.h COMMAND gen)
