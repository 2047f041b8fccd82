#include "error.h"

#include <fmt/format.h>

#include <cstring>

namespace atomicgen {

Error::Error(ExitCode code, std::string_view operation, std::string_view path,
             std::string_view reason)
    : std::runtime_error(fmt::format("{}({}): {}", operation, path, reason)),
      code_(code),
      operation_(operation),
      path_(path),
      reason_(reason) {}

void ThrowSystemError(int err, std::string_view operation, std::string_view path) {
  throw Error(ExitCode::kFileSystem, operation, path, std::strerror(err));
}

}  // namespace atomicgen
