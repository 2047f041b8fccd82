// The platform layer's parts that are the same everywhere (platform.h). Each platform has a file
// of its own: platform_posix.cc, platform_windows.cc.
#include "platform.h"

#include <fmt/format.h>

#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <random>

#include "error.h"
#include "platform_internal.h"
#ifdef __linux__
#include <sys/random.h>
#endif

namespace atomicgen {

File::File(File&& other) noexcept : handle_(other.handle_), path_(std::move(other.path_)) {
  other.handle_ = kInvalid;
}

File& File::operator=(File&& other) noexcept {
  if (this != &other) {
    File discarded(std::move(*this));
    handle_ = other.handle_;
    path_ = std::move(other.path_);
    other.handle_ = kInvalid;
  }
  return *this;
}

std::intptr_t File::Release() {
  std::intptr_t handle = handle_;
  handle_ = kInvalid;
  return handle;
}

FileLock::FileLock(FileLock&& other) noexcept
    : fs_(other.fs_),
      path_(std::move(other.path_)),
      file_(std::move(other.file_)),
      previous_holder_died_(other.previous_holder_died_),
      keep_lock_file_(other.keep_lock_file_),
      left_behind_at_start_(other.left_behind_at_start_) {}

namespace {
// How many helper files this process failed to remove (NoteLeftBehind): a lock keeps its lock file
// when the count changed while it was held.
std::atomic<unsigned> g_left_behind{0};
}  // namespace

void NoteLeftBehind() noexcept { g_left_behind.fetch_add(1, std::memory_order_relaxed); }

unsigned LeftBehindCount() noexcept { return g_left_behind.load(); }

std::string SignalName(int signal) {
#ifndef _WIN32
  switch (signal) {
    case SIGINT:
      return "SIGINT";
    case SIGTERM:
      return "SIGTERM";
    case SIGHUP:
      return "SIGHUP";
    case SIGKILL:
      return "SIGKILL";
    case SIGSEGV:
      return "SIGSEGV";
    case SIGABRT:
      return "SIGABRT";
    case SIGPIPE:
      return "SIGPIPE";
    case SIGBUS:
      return "SIGBUS";
    default:
      break;
  }
#endif
  return fmt::format("signal {}", signal);
}

std::uint64_t RandomNonce() {
#ifdef __linux__
  // One syscall; std::random_device first probes the CPU for RDRAND with cpuid, which is a VM exit
  // under virtualization (a few percent of a whole copy-if-different in `perf record`).
  std::uint64_t nonce = 0;
  if (::getrandom(&nonce, sizeof nonce, GRND_NONBLOCK) == static_cast<ssize_t>(sizeof nonce)) {
    return nonce;
  }
#endif
  std::random_device device;
  return (static_cast<std::uint64_t>(device()) << 32) ^ device();
}

void FileSystem::Touch(const std::string& path) {
  File file = OpenOrCreate(path);
  Touch(file);
  Close(file);
}

std::string FileSystem::ReadWholeFile(const std::string& path) {
  File file = OpenForReading(path);
  std::string text;
  char buffer[16384];
  while (std::size_t size = Read(file, buffer, sizeof buffer)) text.append(buffer, size);
  Close(file);
  return text;
}

FileSystem& RealFileSystem() {
  static FileSystem real;
  return real;
}

}  // namespace atomicgen
