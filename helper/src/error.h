// Errors of the helper: one exception type that carries the exit code and renders as
// "<operation>(<path>): <reason>", which main() prints after "atomicgen: error: ".
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

namespace atomicgen {

// Documented exit codes (helper/README.md, "Exit codes").
enum class ExitCode : int {
  kOk = 0,
  kGeneratorFailed = 1,
  kUsage = 2,
  kFileSystem = 3,
  kContract = 4,
  kOutputChanged = 5,  // a destination changed during the run, not through the helper
  kStale = 6,          // run --verify: an output differs from what the generator makes now
};

class Error : public std::runtime_error {
 public:
  Error(ExitCode code, std::string_view operation, std::string_view path, std::string_view reason);

  ExitCode code() const { return code_; }
  const std::string& operation() const { return operation_; }
  const std::string& path() const { return path_; }
  const std::string& reason() const { return reason_; }

 private:
  ExitCode code_;
  std::string operation_;
  std::string path_;
  std::string reason_;
};

// `text` with every control character written as an escape (\n, \t, \r, \xNN), so that an
// error naming a file whose name holds a newline is still one line.
std::string EscapeControlCharacters(std::string_view text);

// Throws a kFileSystem Error whose reason is strerror(err).
[[noreturn]] void ThrowSystemError(int err, std::string_view operation, std::string_view path);

}  // namespace atomicgen
