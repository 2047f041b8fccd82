# Cross-compiling with the module of a repository and no ATOMICGEN_EXECUTABLE: the module plans a
# nested native build of the helper, and configuring succeeds (tests/cross builds it).
if(NOT TARGET _atomicgen_host_helper)
  message(FATAL_ERROR "no target _atomicgen_host_helper: the helper is not built for the host")
endif()
