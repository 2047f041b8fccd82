# OWNER is not a valid target name.
add_generated_source(gen OUTPUT gen.h COMMAND gen OWNER "bad name")
