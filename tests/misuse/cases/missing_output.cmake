add_generated_source(gen COMMAND gen)
