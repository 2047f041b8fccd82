/* Stands in for the aarch64 atomicgen of an AtomicGen package built for the target (RunCross.cmake,
   package): an aarch64 program, which the build host cannot run without an emulator. */
#include <stdio.h>

int main(void) {
  puts("atomicgen 0.1.0");
  return 0;
}
