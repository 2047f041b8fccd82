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

std::string EscapeControlCharacters(std::string_view text) {
  std::string escaped;
  escaped.reserve(text.size());
  for (char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (c == '\n') {
      escaped += "\\n";
    } else if (c == '\t') {
      escaped += "\\t";
    } else if (c == '\r') {
      escaped += "\\r";
    } else if (byte < 0x20 || byte == 0x7f) {
      escaped += fmt::format("\\x{:02x}", byte);
    } else {
      escaped += c;
    }
  }
  return escaped;
}

void ThrowSystemError(int err, std::string_view operation, std::string_view path) {
  throw Error(ExitCode::kFileSystem, operation, path, std::strerror(err));
}

}  // namespace atomicgen
