add_generated_source(gen OUTPUT gen.h COMMAND gen READS_TREE STDOUT)
