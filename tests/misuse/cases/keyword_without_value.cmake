add_generated_source(gen OUTPUT COMMAND gen)
