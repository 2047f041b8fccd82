// The absolute-paths case: a protobuf message round trip through the protoc-generated code.
#include <iostream>
#include <string>

#include "point.pb.h"

int main() {
  points::Point point;
  point.set_x(3);
  point.set_y(-4);
  point.set_label("corner");
  std::string bytes;
  if (!point.SerializeToString(&bytes)) return 1;
  points::Point copy;
  if (!copy.ParseFromString(bytes)) return 1;
  std::cout << "point " << copy.label() << " (" << copy.x() << "," << copy.y() << ")\n";
  return 0;
}
