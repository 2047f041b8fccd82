# Everything allowed, in an awkward order: consumers and target_link_generated_sources() before
# the targets and generated sources they name, a group shared by two calls, generator-to-generator
# DEPENDS, a COMMAND argument containing a semicolon, two calls sharing an OWNER.
add_custom_target(late_consumer_link)
target_link_generated_sources(late_consumer_link second)
add_generated_source(first
  OUTPUT first.h "${CMAKE_SOURCE_DIR}/in-source-output.h"
  COMMAND "${CMAKE_COMMAND}" -E echo first
  CONSUMERS late_consumer
  GROUP regen-all
  COMMENT "first generator"
  WORKING_DIRECTORY sub
  FSYNC)
add_generated_source(second
  OUTPUT second.h
  COMMAND "${CMAKE_COMMAND}" -E echo "sec;ond"
  DEPENDS first "${CMAKE_CURRENT_BINARY_DIR}/first.h"
  GROUP regen-all
  STDOUT)
add_generated_source(third
  OUTPUT third.h
  COMMAND "${CMAKE_COMMAND}" -E echo third
  DEPENDS "${CMAKE_SOURCE_DIR}/in-source-output.h"
  IN_PLACE)
add_generated_source(fourth
  OUTPUT fourth.h
  COMMAND "${CMAKE_COMMAND}" -E echo fourth
  DEPENDS third
  OWNER generated_headers
  GROUP regen-all
  CONSUMERS late_consumer
  STDOUT)
add_generated_source(fifth
  OUTPUT fifth.h
  COMMAND "${CMAKE_COMMAND}" -E echo "fif'th;"
  DEPENDS fourth
  OWNER generated_headers
  STDOUT)
add_custom_target(late_consumer)
