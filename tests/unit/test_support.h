// Shared pieces of the helper's unit tests: a scoped temporary directory per test, small file
// utilities, and a bounded runner for the real `atomicgen` binary.
#pragma once

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <sys/types.h>

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace atomicgen_test {

// Path of the helper under test (a compile definition set by tests/unit/CMakeLists.txt).
const char* HelperPath();

std::string ReadFile(const std::string& path);
void WriteFile(const std::string& path, const std::string& content);
bool Exists(const std::string& path);          // lstat succeeds
struct stat StatOf(const std::string& path);   // stat(); fails the test if it cannot
struct stat LStatOf(const std::string& path);  // lstat(); fails the test if it cannot
// Sets the mtime to a fixed value well in the past, so that any rewrite is visible.
void SetPastMtime(const std::string& path);
bool SameMtime(const struct stat& a, const struct stat& b);
std::vector<std::string> ListDirectory(const std::string& path);
// Names in `directory` that contain ".atomicgen-" (temporaries, stages, backups, locks).
std::vector<std::string> HelperFilesIn(const std::string& directory);
std::string Join(const std::vector<std::string>& parts, const std::string& separator);

// Makes `directory` the process's working directory until destruction (for the tests that run
// the helper's library in-process: it resolves outputs against the working directory).
class ScopedWorkingDirectory {
 public:
  explicit ScopedWorkingDirectory(const std::string& directory);
  ~ScopedWorkingDirectory();
  ScopedWorkingDirectory(const ScopedWorkingDirectory&) = delete;
  ScopedWorkingDirectory& operator=(const ScopedWorkingDirectory&) = delete;

 private:
  std::string previous_;
};

// A pid that certainly does not exist right now (kill(pid, 0) fails with ESRCH).
long DeadPid();

// Polls `condition` every few milliseconds until it holds or `timeout` passes.
bool WaitUntil(const std::function<bool()>& condition,
               std::chrono::milliseconds timeout = std::chrono::milliseconds(10000));

struct Invocation {
  std::vector<std::string> args;                                 // after argv[0]
  std::string directory;                                         // working directory of the child
  std::vector<std::pair<std::string, std::string>> environment;  // added or replaced
  std::vector<std::string> unset_environment;
  std::optional<mode_t> umask;
  std::string program;  // defaults to the helper
};

struct Result {
  bool timed_out = false;
  bool signaled = false;
  int exit_code = -1;  // when !signaled
  int signal = 0;      // when signaled
  std::string out;
  std::string err;
};

std::ostream& operator<<(std::ostream& os, const Result& result);

// Expects exactly one error line on stderr, in the documented format
// ("atomicgen: error: <what>(<path>): <reason>").
void ExpectOneErrorLine(const Result& result);

// A started child whose stdout/stderr go to files; Wait() is bounded.
class Process {
 public:
  Process(const Invocation& invocation, const std::string& capture_prefix);
  Process(Process&& other) noexcept;
  Process(const Process&) = delete;
  Process& operator=(const Process&) = delete;
  ~Process();  // kills and reaps a child that was not waited for

  pid_t pid() const { return pid_; }
  Result Wait(std::chrono::milliseconds timeout = std::chrono::milliseconds(20000));

 private:
  pid_t pid_ = -1;
  std::string out_path_;
  std::string err_path_;
};

// Fixture: a fresh, physical (symlink-free) temporary directory per test, removed afterwards.
class TempDirTest : public ::testing::Test {
 protected:
  void SetUp() override;
  void TearDown() override;

  std::string Path(const std::string& name) const { return root_ + "/" + name; }
  // Writes an executable shell script outside root_ and returns its absolute path.
  std::string Script(const std::string& name, const std::string& body) const;
  // Runs the helper with `args` in `directory` (default: the root) and waits (bounded).
  Result RunHelper(const std::vector<std::string>& args, const std::string& directory = "");
  Result RunHelper(Invocation invocation);
  Process StartHelper(Invocation invocation);

  std::string base_;  // holds root_, scripts and captured output
  std::string root_;  // the test's working directory

 private:
  int captures_ = 0;
};

// A temporary directory and the generator most end-to-end tests run through the helper.
class GeneratorRunTest : public TempDirTest {
 protected:
  void SetUp() override {
    TempDirTest::SetUp();
    // write.sh <path> <content>: writes exactly <content> to <path>.
    write_ = Script("write.sh", "printf '%s' \"$2\" > \"$1\"\n");
  }
  // Files the helper owns (temporaries, stages, backups, locks) left in the working directory.
  std::vector<std::string> Leftovers() { return HelperFilesIn(root_); }

  std::string write_;
};

}  // namespace atomicgen_test
