# AtomicGen: distributed under the terms of the LICENSE file at the top of the AtomicGen repository.
# internal to Verify.cmake: the first command of a call that keeps or verifies its checked-in
# outputs.  Creates each change stamp of the call that is missing (`ninja -t clean` and `make
# clean` delete them: they are byproducts), empty; leaves every existing one as it is, so that no
# reader of the outputs is compiled again for it.
#
#   cmake "-DSTAMPS=<stamp>[;<stamp>...]" -P CreateMissingStamps.cmake
cmake_minimum_required(VERSION 3.25)
if(NOT DEFINED STAMPS OR STAMPS STREQUAL "")
  message(FATAL_ERROR "CreateMissingStamps.cmake: -DSTAMPS=... is required")
endif()
foreach(stamp IN LISTS STAMPS)
  if(NOT EXISTS "${stamp}")
    file(TOUCH "${stamp}")
  endif()
endforeach()
