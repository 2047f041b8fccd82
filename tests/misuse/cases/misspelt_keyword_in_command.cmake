add_custom_target(app)
add_generated_source(gen OUTPUT gen.h COMMAND py -c "print(1)" CONSUMER app)
