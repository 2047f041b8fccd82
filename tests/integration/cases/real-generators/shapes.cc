#include <iostream>
#include <string>

#include "shape.pb.h"

int main() {
  shapes::Shape shape;
  shape.set_name("triangle");
  shape.set_sides(3);
  shape.mutable_fill()->set_green(255);
  std::string bytes;
  if (!shape.SerializeToString(&bytes)) return 1;
  shapes::Shape copy;
  if (!copy.ParseFromString(bytes)) return 1;
  std::cout << "shape " << copy.name() << " sides=" << copy.sides()
            << " green=" << copy.fill().green() << "\n";
  return 0;
}
