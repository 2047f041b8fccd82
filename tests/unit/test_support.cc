#include "test_support.h"

#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <thread>

extern char** environ;

namespace atomicgen_test {

const char* HelperPath() { return ATOMICGEN_EXECUTABLE_PATH; }

ScopedWorkingDirectory::ScopedWorkingDirectory(const std::string& directory) {
  char* previous = ::getcwd(nullptr, 0);
  previous_ = previous != nullptr ? previous : "/";
  std::free(previous);
  EXPECT_EQ(::chdir(directory.c_str()), 0);
}

ScopedWorkingDirectory::~ScopedWorkingDirectory() { EXPECT_EQ(::chdir(previous_.c_str()), 0); }

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  EXPECT_TRUE(in.good()) << "cannot read " << path;
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

void WriteFile(const std::string& path, const std::string& content) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  ASSERT_TRUE(out.good()) << "cannot write " << path;
  out << content;
  out.close();
  ASSERT_TRUE(out.good()) << "cannot write " << path;
}

bool Exists(const std::string& path) {
  struct stat st;
  return ::lstat(path.c_str(), &st) == 0;
}

struct stat StatOf(const std::string& path) {
  struct stat st;
  std::memset(&st, 0, sizeof st);
  EXPECT_EQ(::stat(path.c_str(), &st), 0) << path << ": " << std::strerror(errno);
  return st;
}

struct stat LStatOf(const std::string& path) {
  struct stat st;
  std::memset(&st, 0, sizeof st);
  EXPECT_EQ(::lstat(path.c_str(), &st), 0) << path << ": " << std::strerror(errno);
  return st;
}

void SetPastMtime(const std::string& path) {
  struct timespec times[2];
  times[0].tv_sec = 1000000000;  // 2001
  times[0].tv_nsec = 0;
  times[1].tv_sec = 1000000000;
  times[1].tv_nsec = 123456789;
  ASSERT_EQ(::utimensat(AT_FDCWD, path.c_str(), times, AT_SYMLINK_NOFOLLOW), 0)
      << path << ": " << std::strerror(errno);
}

bool SameMtime(const struct stat& a, const struct stat& b) {
  return a.st_mtim.tv_sec == b.st_mtim.tv_sec && a.st_mtim.tv_nsec == b.st_mtim.tv_nsec;
}

std::vector<std::string> ListDirectory(const std::string& path) {
  std::vector<std::string> names;
  DIR* dir = ::opendir(path.c_str());
  EXPECT_NE(dir, nullptr) << path << ": " << std::strerror(errno);
  if (dir == nullptr) return names;
  while (dirent* entry = ::readdir(dir)) {
    std::string name = entry->d_name;
    if (name != "." && name != "..") names.push_back(name);
  }
  ::closedir(dir);
  std::sort(names.begin(), names.end());
  return names;
}

std::vector<std::string> HelperFilesIn(const std::string& directory) {
  std::vector<std::string> found;
  for (const std::string& name : ListDirectory(directory)) {
    if (name.find(".atomicgen-") != std::string::npos) found.push_back(name);
  }
  return found;
}

std::string Join(const std::vector<std::string>& parts, const std::string& separator) {
  std::string joined;
  for (const std::string& part : parts) {
    if (!joined.empty()) joined += separator;
    joined += part;
  }
  return joined;
}

long DeadPid() {
  for (long pid : {999999L, 4194000L, 3999999L, 2999999L, 32000L, 31999L, 31000L}) {
    if (::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH) return pid;
  }
  ADD_FAILURE() << "found no unused pid";
  return 999999;
}

bool WaitUntil(const std::function<bool()>& condition, std::chrono::milliseconds timeout) {
  auto deadline = std::chrono::steady_clock::now() + timeout;
  while (!condition()) {
    if (std::chrono::steady_clock::now() > deadline) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  return true;
}

std::ostream& operator<<(std::ostream& os, const Result& result) {
  if (result.timed_out) os << "timed out; ";
  if (result.signaled) {
    os << "killed by signal " << result.signal;
  } else {
    os << "exit " << result.exit_code;
  }
  return os << "\n--- stdout ---\n" << result.out << "--- stderr ---\n" << result.err;
}

Process::Process(const Invocation& invocation, const std::string& capture_prefix)
    : out_path_(capture_prefix + ".out"), err_path_(capture_prefix + ".err") {
  // Everything the child needs is prepared before fork(): only async-signal-safe calls after it
  // (the test process may have other threads).
  std::string program = invocation.program.empty() ? HelperPath() : invocation.program;
  std::vector<std::string> args{program};
  args.insert(args.end(), invocation.args.begin(), invocation.args.end());
  std::vector<char*> argv;
  for (std::string& arg : args) argv.push_back(arg.data());
  argv.push_back(nullptr);

  std::vector<std::string> env;
  for (char** entry = environ; *entry != nullptr; ++entry) {
    std::string item = *entry;
    std::string name = item.substr(0, item.find('='));
    bool drop = std::count(invocation.unset_environment.begin(), invocation.unset_environment.end(),
                           name) != 0;
    for (const auto& [key, value] : invocation.environment) drop = drop || key == name;
    if (!drop) env.push_back(item);
  }
  for (const auto& [key, value] : invocation.environment) env.push_back(key + "=" + value);
  std::vector<char*> envp;
  for (std::string& item : env) envp.push_back(item.data());
  envp.push_back(nullptr);

  const char* directory = invocation.directory.empty() ? nullptr : invocation.directory.c_str();
  int out_fd = ::open(out_path_.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  int err_fd = ::open(err_path_.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  EXPECT_GE(out_fd, 0);
  EXPECT_GE(err_fd, 0);
  bool set_umask = invocation.umask.has_value();
  mode_t mask = set_umask ? *invocation.umask : 0;

  pid_ = ::fork();
  if (pid_ == 0) {
    int null_fd = ::open("/dev/null", O_RDONLY);
    if (null_fd < 0 || ::dup2(null_fd, 0) < 0 || ::dup2(out_fd, 1) < 0 || ::dup2(err_fd, 2) < 0) {
      ::_exit(126);
    }
    if (directory != nullptr && ::chdir(directory) != 0) ::_exit(126);
    if (set_umask) ::umask(mask);
    // Default dispositions and an empty mask, whatever the test runner had.
    sigset_t none;
    sigemptyset(&none);
    ::sigprocmask(SIG_SETMASK, &none, nullptr);
    for (int signal : {SIGINT, SIGTERM, SIGHUP, SIGPIPE}) ::signal(signal, SIG_DFL);
    ::execve(argv[0], argv.data(), envp.data());
    ::_exit(127);
  }
  EXPECT_GT(pid_, 0) << "fork: " << std::strerror(errno);
  ::close(out_fd);
  ::close(err_fd);
}

Process::Process(Process&& other) noexcept
    : pid_(other.pid_),
      out_path_(std::move(other.out_path_)),
      err_path_(std::move(other.err_path_)) {
  other.pid_ = -1;
}

Process::~Process() {
  if (pid_ > 0) {
    ::kill(pid_, SIGKILL);
    int status;
    ::waitpid(pid_, &status, 0);
  }
}

Result Process::Wait(std::chrono::milliseconds timeout) {
  Result result;
  if (pid_ <= 0) return result;
  int status = 0;
  auto deadline = std::chrono::steady_clock::now() + timeout;
  for (;;) {
    pid_t done = ::waitpid(pid_, &status, WNOHANG);
    if (done == pid_) break;
    if (done < 0 && errno != EINTR) {
      ADD_FAILURE() << "waitpid: " << std::strerror(errno);
      pid_ = -1;
      return result;
    }
    if (std::chrono::steady_clock::now() > deadline) {
      result.timed_out = true;
      ::kill(pid_, SIGKILL);
      ::waitpid(pid_, &status, 0);
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  pid_ = -1;
  if (WIFSIGNALED(status)) {
    result.signaled = true;
    result.signal = WTERMSIG(status);
  } else {
    result.exit_code = WEXITSTATUS(status);
  }
  result.out = ReadFile(out_path_);
  result.err = ReadFile(err_path_);
  return result;
}

void TempDirTest::SetUp() {
  std::string pattern = ::testing::TempDir() + "atomicgen_unit_XXXXXX";
  ASSERT_NE(::mkdtemp(pattern.data()), nullptr) << pattern << ": " << std::strerror(errno);
  char* physical = ::realpath(pattern.c_str(), nullptr);
  ASSERT_NE(physical, nullptr);
  base_ = physical;
  std::free(physical);
  root_ = base_ + "/work";
  ASSERT_EQ(::mkdir(root_.c_str(), 0777), 0);
  ASSERT_EQ(::mkdir((base_ + "/bin").c_str(), 0777), 0);
  ASSERT_EQ(::mkdir((base_ + "/io").c_str(), 0777), 0);
}

void TempDirTest::TearDown() {
  if (base_.empty()) return;
  std::error_code error;
  std::filesystem::remove_all(base_, error);
  EXPECT_FALSE(error) << "cannot remove " << base_ << ": " << error.message();
}

std::string TempDirTest::Script(const std::string& name, const std::string& body) const {
  std::string path = base_ + "/bin/" + name;
  WriteFile(path, "#!/bin/sh\n" + body);
  EXPECT_EQ(::chmod(path.c_str(), 0755), 0);
  return path;
}

Process TempDirTest::StartHelper(Invocation invocation) {
  if (invocation.directory.empty()) invocation.directory = root_;
  return Process(invocation, base_ + "/io/" + std::to_string(captures_++));
}

Result TempDirTest::RunHelper(Invocation invocation) {
  return StartHelper(std::move(invocation)).Wait();
}

Result TempDirTest::RunHelper(const std::vector<std::string>& args, const std::string& directory) {
  Invocation invocation;
  invocation.args = args;
  invocation.directory = directory;
  return RunHelper(std::move(invocation));
}

void ExpectOneErrorLine(const Result& result) {
  static const std::regex error_line(R"(atomicgen: error: [a-z-]+\(.*\): .+\n)");
  EXPECT_TRUE(std::regex_match(result.err, error_line)) << result;
  EXPECT_EQ(std::count(result.err.begin(), result.err.end(), '\n'), 1) << result;
}

}  // namespace atomicgen_test
