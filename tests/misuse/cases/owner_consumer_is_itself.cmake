# With OWNER the name is no target; consuming it is still consuming itself.
add_generated_source(gen OUTPUT gen.h COMMAND gen OWNER generators CONSUMERS gen)
