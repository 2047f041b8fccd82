add_generated_source(gen OUTPUT gen.h COMMAND gen BYPRODUCTS gen.log IN_PLACE)
