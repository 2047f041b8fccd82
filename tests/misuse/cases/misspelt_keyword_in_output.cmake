add_generated_source(gen OUTPUT a.h COMENT "x" COMMAND gen)
