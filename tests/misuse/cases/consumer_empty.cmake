# An empty CONSUMERS entry (an unset variable in quotes) is reported at the end of configuration.
add_custom_target(reader)
add_generated_source(gen OUTPUT gen.h COMMAND gen CONSUMERS reader "")
