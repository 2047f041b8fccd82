# ATOMICGEN_CHECKED_IN_OUTPUTS=keep: a checked-in output (all outputs in the source tree) that is
# not there cannot be used as shipped.
add_generated_source(shipped
  OUTPUT "${CMAKE_SOURCE_DIR}/not-shipped.h"
  COMMAND "${CMAKE_COMMAND}" -E echo never
  STDOUT)
