# AtomicGen: distributed under the terms of the LICENSE file at the top of the AtomicGen repository.
# What every `cmake -P` test driver starts with: its arguments checked, and the environment of
# whatever runs CTest kept out of the builds it starts.  Included first, by a path relative to the
# driver (its arguments are not checked yet).

# agdriver_require(<driver> <var>...): stop unless each <var> was given, -D<var>=<value>.
function(agdriver_require driver)
  foreach(var IN LISTS ARGN)
    if(NOT DEFINED ${var} OR "${${var}}" STREQUAL "")
      message(FATAL_ERROR "${driver}: -D${var}=... is required")
    endif()
  endforeach()
endfunction()

# agdriver_forget_caller_environment([<var>...]): unset what would change the builds the driver
# starts (a make jobserver, a default generator, a parallel level, a build type, an install root,
# Ninja's status line) and the <var>s named.
function(agdriver_forget_caller_environment)
  foreach(var IN ITEMS MAKEFLAGS MFLAGS MAKELEVEL GNUMAKEFLAGS CMAKE_GENERATOR
      CMAKE_GENERATOR_PLATFORM CMAKE_GENERATOR_TOOLSET CMAKE_BUILD_PARALLEL_LEVEL CMAKE_BUILD_TYPE
      CMAKE_CONFIG_TYPE DESTDIR NINJA_STATUS ${ARGN})
    unset(ENV{${var}})
  endforeach()
endfunction()
