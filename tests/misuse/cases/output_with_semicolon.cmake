add_generated_source(gen OUTPUT "semi;colon.h" COMMAND gen)
