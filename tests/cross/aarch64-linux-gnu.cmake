# AtomicGen: distributed under the terms of the LICENSE file at the top of the AtomicGen repository.
# Toolchain file of the cross tests: Debian's cross compilers for 64-bit ARM Linux
# (g++-aarch64-linux-gnu), the target's programs run under qemu-aarch64 (qemu-user).
set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_SYSTEM_PROCESSOR aarch64)
set(CMAKE_C_COMPILER aarch64-linux-gnu-gcc)
set(CMAKE_CXX_COMPILER aarch64-linux-gnu-g++)

# Debian's multiarch cross root: the target's C library and headers.
set(CMAKE_FIND_ROOT_PATH /usr/aarch64-linux-gnu)
# The test's own sysroot, holding AtomicGen's package for the target (RunCross.cmake, package).
if(CROSS_TEST_SYSROOT)
  list(APPEND CMAKE_FIND_ROOT_PATH "${CROSS_TEST_SYSROOT}")
endif()
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)

set(CMAKE_CROSSCOMPILING_EMULATOR qemu-aarch64 -L /usr/aarch64-linux-gnu)
