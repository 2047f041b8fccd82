add_generated_source(gen OUTPUT gen.h COMMAND gen OUTPUT_VARIABLE "gen files")
