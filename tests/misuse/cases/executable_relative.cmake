# The module fails while loading.  A relative FILEPATH given on the command line is made absolute
# against the current directory by CMake itself; the message shows that path.
