add_generated_source(gen OUTPUT gen.h COMMAND gen)
target_link_generated_sources(nosuch gen)
