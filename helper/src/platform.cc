// POSIX and Windows implementations of the platform layer (platform.h). This is the only file
// with `#ifdef _WIN32`.
#include "platform.h"

#include <fmt/format.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <random>

#include "error.h"

#ifdef _WIN32
#include <io.h>
#include <process.h>
#include <windows.h>
#else
#include <dirent.h>
#include <fcntl.h>
#include <spawn.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <climits>
#include <csignal>
#ifdef __linux__
#include <sched.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/random.h>
#include <sys/sysmacros.h>
#include <sys/xattr.h>
#endif
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

FileSystem& RealFileSystem() {
  static FileSystem real;
  return real;
}

#ifndef _WIN32
// ---------------------------------------------------------------------------------------------
// POSIX

namespace {

FileInfo FromStat(const struct stat& st) {
  FileInfo info;
  info.exists = true;
  info.is_regular = S_ISREG(st.st_mode);
  info.is_directory = S_ISDIR(st.st_mode);
  info.is_symlink = S_ISLNK(st.st_mode);
  info.mode = st.st_mode & 07777;
  info.device = st.st_dev;
  info.inode = st.st_ino;
  info.size = static_cast<std::uint64_t>(st.st_size);
  info.links = static_cast<std::uint64_t>(st.st_nlink);
  info.owner = static_cast<std::uint64_t>(st.st_uid);
  info.group = static_cast<std::uint64_t>(st.st_gid);
  info.is_whiteout = S_ISCHR(st.st_mode) && st.st_rdev == 0;
  info.mtime = {st.st_mtim.tv_sec, st.st_mtim.tv_nsec};
  return info;
}

int Fd(const File& file) { return static_cast<int>(file.handle()); }

std::string JoinChild(const std::string& directory, const std::string& name) {
  std::string child = directory;
  child += '/';
  child += name;
  return child;
}

}  // namespace

File::~File() {
  if (handle_ != kInvalid) ::close(static_cast<int>(handle_));
}

FileInfo FileSystem::Status(const std::string& path) {
  struct stat st;
  if (::stat(path.c_str(), &st) != 0) {
    if (errno == ENOENT || errno == ENOTDIR) return {};
    ThrowSystemError(errno, "stat", path);
  }
  return FromStat(st);
}

FileInfo FileSystem::LinkStatus(const std::string& path) {
  struct stat st;
  if (::lstat(path.c_str(), &st) != 0) {
    if (errno == ENOENT || errno == ENOTDIR) return {};
    ThrowSystemError(errno, "lstat", path);
  }
  return FromStat(st);
}

FileInfo FileSystem::Status(File& file) {
  struct stat st;
  if (::fstat(Fd(file), &st) != 0) ThrowSystemError(errno, "fstat", file.path());
  return FromStat(st);
}

std::string FileSystem::ReadLink(const std::string& path) {
  std::string buffer(256, '\0');
  for (;;) {
    ssize_t n = ::readlink(path.c_str(), buffer.data(), buffer.size());
    if (n < 0) ThrowSystemError(errno, "readlink", path);
    if (static_cast<std::size_t>(n) < buffer.size()) {
      buffer.resize(static_cast<std::size_t>(n));
      return buffer;
    }
    buffer.resize(buffer.size() * 2);
  }
}

std::string FileSystem::RealDirectory(const std::string& path) {
  // getcwd() is already absolute and free of symlinks (POSIX); realpath(".") would readlink()
  // every component of it again.
  if (path == ".") return CurrentDirectory();
  char* resolved = ::realpath(path.c_str(), nullptr);
  if (resolved == nullptr) ThrowSystemError(errno, "realpath", path);
  std::string result(resolved);
  std::free(resolved);
  return result;
}

std::string FileSystem::CurrentDirectory() {
  std::string buffer(PATH_MAX, '\0');
  while (::getcwd(buffer.data(), buffer.size()) == nullptr) {
    if (errno != ERANGE) ThrowSystemError(errno, "getcwd", ".");
    buffer.resize(buffer.size() * 2);
  }
  buffer.resize(std::strlen(buffer.c_str()));
  return buffer;
}

File FileSystem::CreateExclusive(const std::string& path, std::uint32_t mode) {
  int fd;
  do {
    fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
  } while (fd < 0 && errno == EINTR);
  if (fd < 0) ThrowSystemError(errno, "create", path);
  return File(fd, path);
}

File FileSystem::OpenForReading(const std::string& path) {
  int fd;
  do {
    fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  } while (fd < 0 && errno == EINTR);
  if (fd < 0) ThrowSystemError(errno, "open", path);
  return File(fd, path);
}

File FileSystem::OpenForReadingNoFollow(const std::string& path) {
  int fd;
  do {
    fd = ::open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
  } while (fd < 0 && errno == EINTR);
  if (fd < 0 && errno == ELOOP) {
    throw Error(ExitCode::kFileSystem, "open", path, "is a symbolic link (not followed)");
  }
  if (fd < 0) ThrowSystemError(errno, "open", path);
  return File(fd, path);
}

File FileSystem::OpenOrCreate(const std::string& path, bool* created) {
  for (;;) {
    int fd;
    if (created != nullptr) {
      // A lock file: a symbolic link in its place is never followed (O_EXCL fails on any link,
      // dangling or not, and O_NOFOLLOW makes the second open fail with ELOOP), and a FIFO does
      // not block the open (O_NONBLOCK: ENXIO; it means nothing for a regular file).
      do {
        fd = ::open(path.c_str(),
                    O_WRONLY | O_CREAT | O_EXCL | O_APPEND | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC,
                    0666);
      } while (fd < 0 && errno == EINTR);
      if (fd >= 0) {
        *created = true;
        return File(fd, path);
      }
      if (errno != EEXIST) ThrowSystemError(errno, "open", path);
      do {
        fd = ::open(path.c_str(), O_WRONLY | O_APPEND | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
      } while (fd < 0 && errno == EINTR);
      if (fd < 0 && errno == ELOOP) {
        throw Error(ExitCode::kFileSystem, "open", path, "is a symbolic link (not followed)");
      }
      if (fd < 0 && errno == ENOENT) {
        if (InterruptSignal() != 0) ThrowSystemError(EINTR, "open", path);
        continue;  // removed in between by its releasing holder: create it after all
      }
      if (fd >= 0) *created = false;
    } else {
      do {
        fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0666);
      } while (fd < 0 && errno == EINTR);
    }
    if (fd < 0) ThrowSystemError(errno, "open", path);
    return File(fd, path);
  }
}

std::size_t FileSystem::Read(File& file, void* buffer, std::size_t size) {
  for (;;) {
    ssize_t n = ::read(Fd(file), buffer, size);
    if (n >= 0) return static_cast<std::size_t>(n);
    if (errno != EINTR) ThrowSystemError(errno, "read", file.path());
  }
}

void FileSystem::Write(File& file, const void* data, std::size_t size) {
  const char* bytes = static_cast<const char*>(data);
  while (size > 0) {
    ssize_t n = ::write(Fd(file), bytes, size);
    if (n < 0) {
      if (errno == EINTR) continue;
      ThrowSystemError(errno, "write", file.path());
    }
    bytes += n;
    size -= static_cast<std::size_t>(n);
  }
}

void FileSystem::Sync(File& file) {
  while (::fsync(Fd(file)) != 0) {
    if (errno != EINTR) ThrowSystemError(errno, "fsync", file.path());
  }
}

void FileSystem::ChangeMode(File& file, std::uint32_t mode) {
  if (::fchmod(Fd(file), static_cast<mode_t>(mode)) != 0) {
    ThrowSystemError(errno, "chmod", file.path());
  }
}

void FileSystem::Close(File& file) {
  std::string path = file.path();
  int fd = static_cast<int>(file.Release());
  // Never retried: after EINTR the descriptor state is unspecified (and on Linux, closed).
  if (::close(fd) != 0 && errno != EINTR) ThrowSystemError(errno, "close", path);
}

void FileSystem::Rename(const std::string& from, const std::string& to) {
  if (::rename(from.c_str(), to.c_str()) != 0) ThrowSystemError(errno, "rename", to);
}

bool FileSystem::Remove(const std::string& path) {
  if (::unlink(path.c_str()) == 0) return true;
  if (errno == ENOENT) return false;
  ThrowSystemError(errno, "remove", path);
}

bool FileSystem::RemoveTree(const std::string& path) {
  // An empty directory (a staging directory after its outputs were committed) goes in one call.
  if (::rmdir(path.c_str()) == 0) return true;
  if (errno == ENOENT) return false;
  if (errno == ENOTDIR) return Remove(path);  // a file, or a symlink (never followed)
  FileInfo info = LinkStatus(path);
  if (!info.exists) return false;
  if (info.is_directory) {
    for (const std::string& name : ListDirectory(path)) RemoveTree(JoinChild(path, name));
    if (::rmdir(path.c_str()) != 0 && errno != ENOENT) ThrowSystemError(errno, "rmdir", path);
    return true;
  }
  return Remove(path);
}

bool FileSystem::MakeDirectory(const std::string& path) {
  if (::mkdir(path.c_str(), 0777) == 0) return true;
  int err = errno;
  if (err == EEXIST && Status(path).is_directory) return false;
  ThrowSystemError(err, "mkdir", path);
}

std::vector<std::string> FileSystem::ListDirectory(const std::string& path) {
  DIR* dir = ::opendir(path.c_str());
  if (dir == nullptr) ThrowSystemError(errno, "opendir", path);
  std::vector<std::string> names;
  errno = 0;
  while (dirent* entry = ::readdir(dir)) {
    if (std::strcmp(entry->d_name, ".") != 0 && std::strcmp(entry->d_name, "..") != 0) {
      names.emplace_back(entry->d_name);
    }
    errno = 0;
  }
  int err = errno;
  ::closedir(dir);
  if (err != 0) ThrowSystemError(err, "readdir", path);
  return names;
}

void FileSystem::MakeSymlink(const std::string& target, const std::string& link) {
  if (::symlink(target.c_str(), link.c_str()) != 0) ThrowSystemError(errno, "symlink", link);
}

void FileSystem::MakeHardLink(const std::string& existing, const std::string& link) {
  if (::link(existing.c_str(), link.c_str()) != 0) ThrowSystemError(errno, "link", link);
}

void FileSystem::SetModificationTime(const std::string& path, FileTime mtime) {
  struct timespec times[2];
  times[0].tv_sec = 0;
  times[0].tv_nsec = UTIME_OMIT;
  times[1].tv_sec = static_cast<time_t>(mtime.seconds);
  times[1].tv_nsec = static_cast<long>(mtime.nanoseconds);
  if (::utimensat(AT_FDCWD, path.c_str(), times, 0) != 0) {
    ThrowSystemError(errno, "utimensat", path);
  }
}

void FileSystem::Touch(File& file) {
  if (::futimens(Fd(file), nullptr) != 0) ThrowSystemError(errno, "futimens", file.path());
}

void FileSystem::SyncDirectory(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) ThrowSystemError(errno, "open", path);
  File directory(fd, path);
  Sync(directory);
  Close(directory);
}

#ifdef __linux__
std::vector<std::string> FileSystem::ListAttributes(const std::string& path) {
  std::vector<char> names(1024);
  for (;;) {
    ssize_t size = ::llistxattr(path.c_str(), names.data(), names.size());
    if (size >= 0) {
      std::vector<std::string> result;
      const auto end = static_cast<std::size_t>(size);
      for (std::size_t at = 0; at < end; at += std::strlen(names.data() + at) + 1) {
        result.emplace_back(names.data() + at);
      }
      return result;
    }
    if (errno == ENOTSUP) return {};
    if (errno != ERANGE) ThrowSystemError(errno, "llistxattr", path);
    names.resize(names.size() * 4);
  }
}

void FileSystem::RemoveAttribute(const std::string& path, const std::string& name) {
  if (::lremovexattr(path.c_str(), name.c_str()) != 0 && errno != ENODATA) {
    ThrowSystemError(errno, "lremovexattr", path);
  }
}
#else
std::vector<std::string> FileSystem::ListAttributes(const std::string&) { return {}; }

void FileSystem::RemoveAttribute(const std::string&, const std::string&) {}
#endif

FileLock::FileLock(FileSystem& fs, std::string path)
    : fs_(&fs), path_(std::move(path)), left_behind_at_start_(g_left_behind.load()) {
  for (;;) {
    bool created = false;
    File file;
    try {
      file = fs.OpenOrCreate(path_, &created);
    } catch (const Error& error) {
      throw Error(error.code(), "lock", path_, error.reason());
    }
    // Something else in the lock file's place (a directory, a device) is not waited on.
    if (!fs.Status(file).is_regular) {
      throw Error(ExitCode::kFileSystem, "lock", path_, "is not a regular file");
    }
    int rc;
    do {
      rc = ::flock(Fd(file), LOCK_EX);
    } while (rc != 0 && errno == EINTR && InterruptSignal() == 0);
    if (rc != 0) {
      if (errno == EINTR) {
        int signal = InterruptSignal();
        throw Error(static_cast<ExitCode>(128 + signal), "lock", path_,
                    fmt::format("interrupted by {} while waiting; previous outputs kept",
                                SignalName(signal)));
      }
      ThrowSystemError(errno, "lock", path_);
    }
    // The previous holder removes the lock file when it releases; if we locked a file that is no
    // longer at `path_`, lock the new one instead.
    FileInfo locked = fs.Status(file);
    FileInfo current = fs.LinkStatus(path_);
    if (current.exists && current.device == locked.device && current.inode == locked.inode) {
      // A file we did not create, still in place although we now hold it: its holder released it
      // without removing it, i.e. died (or kept it on purpose after leaving files behind).
      previous_holder_died_ = !created;
      file_ = std::move(file);
      return;
    }
  }
}

FileLock::~FileLock() {
  if (!file_.is_open()) return;
  // Unlink while still holding the lock, so a waiter that then acquires the old inode re-opens.
  // Kept when this process left a helper file behind meanwhile: the next holder then sweeps.
  if (!keep_lock_file_ && g_left_behind.load() == left_behind_at_start_) ::unlink(path_.c_str());
  ::close(static_cast<int>(file_.Release()));
}

namespace {

volatile std::sig_atomic_t g_interrupt_signal = 0;
volatile pid_t g_child_pid = 0;

void OnInterrupt(int signal) {
  if (g_interrupt_signal == 0) g_interrupt_signal = signal;
  pid_t child = g_child_pid;
  if (child > 0) ::kill(child, signal);
}

}  // namespace

void InstallInterruptHandlers() {
  static bool installed = false;
  if (installed) return;
  installed = true;
  struct sigaction action;
  std::memset(&action, 0, sizeof action);
  action.sa_handler = OnInterrupt;
  sigemptyset(&action.sa_mask);
  // No SA_RESTART: a blocking flock() or waitpid() returns EINTR so the caller can react.
  for (int signal : {SIGINT, SIGTERM, SIGHUP}) ::sigaction(signal, &action, nullptr);
  // Over `ulimit -f`, our own writes fail with EFBIG and are reported, instead of killing us
  // silently with temporary files left behind.
  struct sigaction ignore;
  std::memset(&ignore, 0, sizeof ignore);
  ignore.sa_handler = SIG_IGN;
  sigemptyset(&ignore.sa_mask);
  ::sigaction(SIGXFSZ, &ignore, nullptr);
}

int InterruptSignal() { return g_interrupt_signal; }

namespace {

// internal: reaps the child started for `program` (whose pid is in g_child_pid).
ExitStatus WaitForChild(pid_t pid, const std::string& program) {
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) {
      int wait_error = errno;
      g_child_pid = 0;
      ThrowSystemError(wait_error, "waitpid", program);
    }
  }
  g_child_pid = 0;
  ExitStatus result;
  if (WIFSIGNALED(status)) {
    result.signaled = true;
    result.code = WTERMSIG(status);
  } else {
    result.code = WEXITSTATUS(status);
  }
  return result;
}

}  // namespace

ExitStatus RunProcess(const SpawnRequest& request) {
  posix_spawn_file_actions_t actions;
  if (int err = posix_spawn_file_actions_init(&actions)) {
    ThrowSystemError(err, "spawn", request.argv.front());
  }
  struct ActionsGuard {
    posix_spawn_file_actions_t* actions;
    ~ActionsGuard() { posix_spawn_file_actions_destroy(actions); }
  } actions_guard{&actions};
  if (request.stdout_file != nullptr && request.stdout_file->is_open()) {
    // The child's copy loses close-on-exec (also when the descriptor already is 1: POSIX 2017).
    int err = posix_spawn_file_actions_adddup2(&actions, Fd(*request.stdout_file), STDOUT_FILENO);
    if (err) ThrowSystemError(err, "spawn", request.stdout_file->path());
  } else if (request.stdout_path) {
    int err = posix_spawn_file_actions_addopen(
        &actions, STDOUT_FILENO, request.stdout_path->c_str(), O_WRONLY | O_TRUNC, 0666);
    if (err) ThrowSystemError(err, "spawn", *request.stdout_path);
  }
  if (request.directory) {
    int err = posix_spawn_file_actions_addchdir_np(&actions, request.directory->c_str());
    if (err) ThrowSystemError(err, "spawn", *request.directory);
  }
  // The child gets default dispositions for the signals we handle.
  posix_spawnattr_t attributes;
  posix_spawnattr_init(&attributes);
  sigset_t defaults;
  sigemptyset(&defaults);
  for (int signal : {SIGINT, SIGTERM, SIGHUP, SIGPIPE, SIGXFSZ}) sigaddset(&defaults, signal);
  posix_spawnattr_setsigdefault(&attributes, &defaults);
  sigset_t none;
  sigemptyset(&none);
  posix_spawnattr_setsigmask(&attributes, &none);
  posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK);

  std::vector<char*> argv;
  for (const std::string& arg : request.argv) argv.push_back(const_cast<char*>(arg.c_str()));
  argv.push_back(nullptr);

  // Block the interrupt signals around spawn so the handler sees the child's pid.
  sigset_t interrupts, previous;
  sigemptyset(&interrupts);
  for (int signal : {SIGINT, SIGTERM, SIGHUP}) sigaddset(&interrupts, signal);
  sigprocmask(SIG_BLOCK, &interrupts, &previous);
  pid_t pid = 0;
  int err = posix_spawnp(&pid, argv[0], &actions, &attributes, argv.data(), environ);
  posix_spawnattr_destroy(&attributes);
  if (err == 0) g_child_pid = pid;
  int pending = g_interrupt_signal;
  sigprocmask(SIG_SETMASK, &previous, nullptr);
  if (err != 0) {
    throw Error(ExitCode::kGeneratorFailed, "run", request.argv.front(),
                fmt::format("cannot be started: {}", std::strerror(err)));
  }
  if (pending != 0) ::kill(pid, pending);
  return WaitForChild(pid, request.argv.front());
}

#ifdef __linux__
namespace {

// The steps of an isolated child before its program starts, as reported back to the parent.
// The steps of an isolated run before its program starts, and its end (kDone), as reported to
// the helper through a pipe.
enum class IsolationStep : int {
  kUnshare,
  kUserMap,
  kPrivateMounts,
  kOverlay,
  kDirectory,
  kExec,
  kDone
};

struct IsolationReport {
  IsolationStep step;
  int error;        // errno of the failed step
  int layer;        // the overlay that failed, or -1
  int wait_status;  // the program's, with kDone
};

const char* StepName(IsolationStep step) {
  switch (step) {
    case IsolationStep::kUnshare:
      return "unshare";
    case IsolationStep::kUserMap:
      return "user namespace map";
    case IsolationStep::kPrivateMounts:
      return "private mounts";
    case IsolationStep::kOverlay:
      return "overlay mount";
    case IsolationStep::kDirectory:
      return "chdir";
    case IsolationStep::kExec:
      return "exec";
    case IsolationStep::kDone:
      return "done";
  }
  return "?";
}

// internal (child, after fork): reports the failed step through the pipe and exits.
[[noreturn]] void FailIsolatedChild(int report_fd, IsolationStep step, int layer) {
  IsolationReport failure{step, errno, layer, 0};
  ssize_t written = ::write(report_fd, &failure, sizeof failure);
  (void)written;
  ::_exit(127);
}

// internal (child): writes a whole /proc file such as uid_map; false on any failure.
bool WriteProcFile(const char* path, const std::string& text) {
  int fd = ::open(path, O_WRONLY | O_CLOEXEC);
  if (fd < 0) return false;
  ssize_t written = ::write(fd, text.data(), text.size());
  int err = errno;
  ::close(fd);
  errno = err;
  return written == static_cast<ssize_t>(text.size());
}

}  // namespace

IsolatedExit RunProcessIsolated(const SpawnRequest& request,
                                const std::vector<OverlayLayer>& layers) {
  // Everything the child needs is prepared here: between fork and exec it only makes syscalls.
  const bool as_root = ::geteuid() == 0;
  const std::string uid_map = fmt::format("{0} {0} 1", ::geteuid());
  const std::string gid_map = fmt::format("{0} {0} 1", ::getegid());
  std::vector<std::string> mount_options;
  for (const OverlayLayer& layer : layers) {
    // Explicit features: no metadata-only copy-up (every written file's bytes are in `upper`), no
    // index or directory redirects (nothing in `upper` refers back to the lower layer). "nofollow",
    // not "off": kernels built to always follow redirects turn "off" into "follow", which the
    // unprivileged "userxattr" refuses.
    std::string options = fmt::format(
        "lowerdir={},upperdir={},workdir={},redirect_dir=nofollow,index=off,metacopy=off,xino=off",
        layer.directory, layer.upper, layer.work);
    if (!as_root) options += ",userxattr";
    mount_options.push_back(std::move(options));
  }
  for (const OverlayLayer& layer : layers) {
    // Mount options are comma-separated, and ':' separates lower layers: such paths are refused.
    for (const std::string* path : {&layer.directory, &layer.upper, &layer.work}) {
      if (path->find_first_of(",:\\") != std::string::npos) {
        return {false, fmt::format("overlay mount({}): a ',', ':' or '\\' in the path", *path), {}};
      }
    }
  }
  const std::string directory = request.directory.value_or(RealFileSystem().CurrentDirectory());
  std::vector<char*> argv;
  for (const std::string& arg : request.argv) argv.push_back(const_cast<char*>(arg.c_str()));
  argv.push_back(nullptr);
  const int stdout_fd = request.stdout_file != nullptr && request.stdout_file->is_open()
                            ? Fd(*request.stdout_file)
                            : -1;

  int report[2];
  if (::pipe2(report, O_CLOEXEC) != 0) ThrowSystemError(errno, "pipe", request.argv.front());
  sigset_t interrupts, previous;
  sigemptyset(&interrupts);
  for (int signal : {SIGINT, SIGTERM, SIGHUP}) sigaddset(&interrupts, signal);
  sigprocmask(SIG_BLOCK, &interrupts, &previous);
  // Two processes: a holder that makes the namespace and the program it starts in it. The holder
  // reports the program's exit through the pipe and then exits, and the namespace is torn down as
  // it does (a few milliseconds, in the kernel): this process reads the report and goes on, never
  // waiting for that teardown.
  pid_t holder = ::fork();
  if (holder == 0) {
    ::close(report[0]);
    if (::unshare(CLONE_NEWNS | (as_root ? 0 : CLONE_NEWUSER)) != 0) {
      FailIsolatedChild(report[1], IsolationStep::kUnshare, -1);
    }
    if (!as_root && (!WriteProcFile("/proc/self/setgroups", "deny") ||
                     !WriteProcFile("/proc/self/uid_map", uid_map) ||
                     !WriteProcFile("/proc/self/gid_map", gid_map))) {
      FailIsolatedChild(report[1], IsolationStep::kUserMap, -1);
    }
    if (::mount("none", "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0) {
      FailIsolatedChild(report[1], IsolationStep::kPrivateMounts, -1);
    }
    for (std::size_t i = 0; i < layers.size(); ++i) {
      if (::mount("atomicgen", layers[i].directory.c_str(), "overlay", 0,
                  mount_options[i].c_str()) != 0) {
        FailIsolatedChild(report[1], IsolationStep::kOverlay, static_cast<int>(i));
      }
    }
    const pid_t holder_itself = ::getpid();
    pid_t program = ::fork();
    if (program == 0) {
      // The program dies with its holder: a helper that goes on after losing the holder (killed)
      // must not leave the program writing.
      if (::prctl(PR_SET_PDEATHSIG, SIGKILL) != 0 || ::getppid() != holder_itself) ::_exit(127);
      for (int signal : {SIGINT, SIGTERM, SIGHUP, SIGPIPE, SIGXFSZ}) {
        (void)::signal(signal, SIG_DFL);
      }
      sigset_t none;
      sigemptyset(&none);
      sigprocmask(SIG_SETMASK, &none, nullptr);
      // Entered again by name: the old working directory is the one below the overlay.
      if (::chdir(directory.c_str()) != 0) {
        FailIsolatedChild(report[1], IsolationStep::kDirectory, -1);
      }
      if (stdout_fd >= 0 && ::dup2(stdout_fd, STDOUT_FILENO) < 0) {
        FailIsolatedChild(report[1], IsolationStep::kExec, -1);
      }
      ::execvp(argv[0], argv.data());
      FailIsolatedChild(report[1], IsolationStep::kExec, -1);
    }
    if (program < 0) FailIsolatedChild(report[1], IsolationStep::kUnshare, -1);
    // The inherited handler forwards an interrupt to the program; the holder keeps none of the
    // build's descriptors, so a build tool reading the helper's output to its end does not wait
    // for the teardown either.
    g_child_pid = program;
    sigprocmask(SIG_SETMASK, &previous, nullptr);
    int null = ::open("/dev/null", O_RDWR | O_CLOEXEC);
    for (int fd : {STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO}) ::dup2(null, fd);
    // Nor the helper's lock files: a lock is held while any descriptor of it is open.
    ::close_range(STDERR_FILENO + 1, static_cast<unsigned>(report[1]) - 1, 0);
    ::close_range(static_cast<unsigned>(report[1]) + 1, ~0U, 0);
    int status = 0;
    while (::waitpid(program, &status, 0) < 0 && errno == EINTR) {
    }
    IsolationReport done{IsolationStep::kDone, 0, -1, status};
    ssize_t written = ::write(report[1], &done, sizeof done);
    ::_exit(written == static_cast<ssize_t>(sizeof done) ? 0 : 127);
  }
  const int fork_error = errno;
  if (holder > 0) g_child_pid = holder;
  const int pending = g_interrupt_signal;
  sigprocmask(SIG_SETMASK, &previous, nullptr);
  ::close(report[1]);
  if (holder < 0) {
    ::close(report[0]);
    ThrowSystemError(fork_error, "fork", request.argv.front());
  }
  if (pending != 0) ::kill(holder, pending);

  // The first report: a step that failed (of the holder, or the program's start), or the
  // program's exit. The holder is not waited for (see above); it is reaped as this process exits.
  IsolationReport report_read{};
  ssize_t got = 0;
  for (;;) {
    got = ::read(report[0], &report_read, sizeof report_read);
    if (got >= 0 || errno != EINTR) break;
  }
  const int read_error = errno;
  ::close(report[0]);
  g_child_pid = 0;
  IsolatedExit result;
  if (got < 0) ThrowSystemError(read_error, "read", request.argv.front());
  if (got != static_cast<ssize_t>(sizeof report_read)) {
    // The holder died without a word: killed, as the program may have been.
    result.isolated = true;
    result.status = WaitForChild(holder, request.argv.front());
    if (!result.status.signaled) result.status = {true, SIGKILL};
    return result;
  }
  if (report_read.step == IsolationStep::kDone) {
    result.isolated = true;
    if (WIFSIGNALED(report_read.wait_status)) {
      result.status = {true, WTERMSIG(report_read.wait_status)};
    } else {
      result.status = {false, WEXITSTATUS(report_read.wait_status)};
    }
    return result;
  }
  if (report_read.step == IsolationStep::kExec) {
    throw Error(ExitCode::kGeneratorFailed, "run", request.argv.front(),
                fmt::format("cannot be started: {}", std::strerror(report_read.error)));
  }
  const std::string where =
      report_read.layer >= 0 ? layers[report_read.layer].directory : directory;
  result.refusal = fmt::format("{}({}): {}", StepName(report_read.step), where,
                               std::strerror(report_read.error));
  return result;
}
#else
IsolatedExit RunProcessIsolated(const SpawnRequest&, const std::vector<OverlayLayer>&) {
  return {false, "isolation: needs Linux namespaces", {}};
}
#endif

bool ProcessExists(long pid) {
  if (pid <= 0) return true;
  return ::kill(static_cast<pid_t>(pid), 0) == 0 || errno != ESRCH;
}

long CurrentProcessId() { return static_cast<long>(::getpid()); }

std::uint64_t CurrentUserId() { return static_cast<std::uint64_t>(::geteuid()); }

std::uint64_t CurrentGroupId() { return static_cast<std::uint64_t>(::getegid()); }

#else
// ---------------------------------------------------------------------------------------------
// Windows. Compiles there; cannot be run on this project's Linux machines.

namespace {

std::wstring Wide(const std::string& utf8) {
  if (utf8.empty()) return {};
  int n = MultiByteToWideChar(CP_UTF8, 0, utf8.data(), static_cast<int>(utf8.size()), nullptr, 0);
  std::wstring wide(static_cast<std::size_t>(n), L'\0');
  MultiByteToWideChar(CP_UTF8, 0, utf8.data(), static_cast<int>(utf8.size()), wide.data(), n);
  return wide;
}

std::string Narrow(const std::wstring& wide) {
  if (wide.empty()) return {};
  int n = WideCharToMultiByte(CP_UTF8, 0, wide.data(), static_cast<int>(wide.size()), nullptr, 0,
                              nullptr, nullptr);
  std::string utf8(static_cast<std::size_t>(n), '\0');
  WideCharToMultiByte(CP_UTF8, 0, wide.data(), static_cast<int>(wide.size()), utf8.data(), n,
                      nullptr, nullptr);
  return utf8;
}

[[noreturn]] void ThrowWindowsError(DWORD code, std::string_view operation, std::string_view path) {
  char* message = nullptr;
  FormatMessageA(
      FORMAT_MESSAGE_ALLOCATE_BUFFER | FORMAT_MESSAGE_FROM_SYSTEM | FORMAT_MESSAGE_IGNORE_INSERTS,
      nullptr, code, 0, reinterpret_cast<char*>(&message), 0, nullptr);
  std::string reason = message ? message : fmt::format("error {}", code);
  if (message) LocalFree(message);
  while (!reason.empty() && (reason.back() == '\n' || reason.back() == '\r')) reason.pop_back();
  throw Error(ExitCode::kFileSystem, operation, path, reason);
}

HANDLE Handle(const File& file) { return reinterpret_cast<HANDLE>(file.handle()); }

FileTime FromFiletime(FILETIME time) {
  // 100 ns ticks since 1601 -> seconds since 1970.
  std::uint64_t ticks =
      (static_cast<std::uint64_t>(time.dwHighDateTime) << 32) | time.dwLowDateTime;
  std::int64_t unix_ticks = static_cast<std::int64_t>(ticks) - 116444736000000000LL;
  return {unix_ticks / 10000000, (unix_ticks % 10000000) * 100};
}

FileInfo FromAttributes(const WIN32_FILE_ATTRIBUTE_DATA& data) {
  FileInfo info;
  info.exists = true;
  info.is_directory = (data.dwFileAttributes & FILE_ATTRIBUTE_DIRECTORY) != 0;
  info.is_symlink = (data.dwFileAttributes & FILE_ATTRIBUTE_REPARSE_POINT) != 0;
  info.is_regular = !info.is_directory;
  info.mode = (data.dwFileAttributes & FILE_ATTRIBUTE_READONLY) ? 0444 : 0666;
  info.size = (static_cast<std::uint64_t>(data.nFileSizeHigh) << 32) | data.nFileSizeLow;
  info.mtime = FromFiletime(data.ftLastWriteTime);
  return info;
}

}  // namespace

File::~File() {
  if (handle_ != kInvalid) CloseHandle(reinterpret_cast<HANDLE>(handle_));
}

FileInfo FileSystem::Status(const std::string& path) {
  WIN32_FILE_ATTRIBUTE_DATA data;
  if (!GetFileAttributesExW(Wide(path).c_str(), GetFileExInfoStandard, &data)) {
    DWORD code = GetLastError();
    if (code == ERROR_FILE_NOT_FOUND || code == ERROR_PATH_NOT_FOUND) return {};
    ThrowWindowsError(code, "stat", path);
  }
  return FromAttributes(data);
}

FileInfo FileSystem::LinkStatus(const std::string& path) { return Status(path); }

FileInfo FileSystem::Status(File& file) {
  BY_HANDLE_FILE_INFORMATION data;
  if (!GetFileInformationByHandle(Handle(file), &data)) {
    ThrowWindowsError(GetLastError(), "stat", file.path());
  }
  FileInfo info;
  info.exists = true;
  info.is_directory = (data.dwFileAttributes & FILE_ATTRIBUTE_DIRECTORY) != 0;
  info.is_regular = !info.is_directory;
  info.mode = 0666;
  info.device = data.dwVolumeSerialNumber;
  info.inode = (static_cast<std::uint64_t>(data.nFileIndexHigh) << 32) | data.nFileIndexLow;
  info.size = (static_cast<std::uint64_t>(data.nFileSizeHigh) << 32) | data.nFileSizeLow;
  info.links = data.nNumberOfLinks;
  info.mtime = FromFiletime(data.ftLastWriteTime);
  return info;
}

std::string FileSystem::ReadLink(const std::string& path) {
  throw Error(ExitCode::kFileSystem, "readlink", path, "symbolic links are not supported here");
}

std::string FileSystem::RealDirectory(const std::string& path) {
  wchar_t buffer[32768];
  DWORD n = GetFullPathNameW(Wide(path).c_str(), 32768, buffer, nullptr);
  if (n == 0 || n >= 32768) ThrowWindowsError(GetLastError(), "realpath", path);
  return Narrow(std::wstring(buffer, n));
}

std::string FileSystem::CurrentDirectory() {
  wchar_t buffer[32768];
  DWORD n = GetCurrentDirectoryW(32768, buffer);
  if (n == 0 || n >= 32768) ThrowWindowsError(GetLastError(), "getcwd", ".");
  return Narrow(std::wstring(buffer, n));
}

File FileSystem::CreateExclusive(const std::string& path, std::uint32_t) {
  HANDLE h = CreateFileW(Wide(path).c_str(), GENERIC_WRITE, 0, nullptr, CREATE_NEW,
                         FILE_ATTRIBUTE_NORMAL, nullptr);
  if (h == INVALID_HANDLE_VALUE) ThrowWindowsError(GetLastError(), "create", path);
  return File(reinterpret_cast<std::intptr_t>(h), path);
}

File FileSystem::OpenForReading(const std::string& path) {
  HANDLE h = CreateFileW(Wide(path).c_str(), GENERIC_READ,
                         FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, nullptr,
                         OPEN_EXISTING, FILE_ATTRIBUTE_NORMAL, nullptr);
  if (h == INVALID_HANDLE_VALUE) ThrowWindowsError(GetLastError(), "open", path);
  return File(reinterpret_cast<std::intptr_t>(h), path);
}

File FileSystem::OpenForReadingNoFollow(const std::string& path) {
  HANDLE h = CreateFileW(
      Wide(path).c_str(), GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE,
      nullptr, OPEN_EXISTING, FILE_ATTRIBUTE_NORMAL | FILE_FLAG_OPEN_REPARSE_POINT, nullptr);
  if (h == INVALID_HANDLE_VALUE) ThrowWindowsError(GetLastError(), "open", path);
  return File(reinterpret_cast<std::intptr_t>(h), path);
}

File FileSystem::OpenOrCreate(const std::string& path, bool* created) {
  HANDLE h = CreateFileW(Wide(path).c_str(), GENERIC_WRITE | FILE_APPEND_DATA,
                         FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, nullptr,
                         OPEN_ALWAYS, FILE_ATTRIBUTE_NORMAL, nullptr);
  if (h == INVALID_HANDLE_VALUE) ThrowWindowsError(GetLastError(), "open", path);
  if (created != nullptr) *created = GetLastError() != ERROR_ALREADY_EXISTS;
  return File(reinterpret_cast<std::intptr_t>(h), path);
}

std::size_t FileSystem::Read(File& file, void* buffer, std::size_t size) {
  DWORD n = 0;
  DWORD chunk = size > 0x40000000 ? 0x40000000 : static_cast<DWORD>(size);
  if (!ReadFile(Handle(file), buffer, chunk, &n, nullptr)) {
    ThrowWindowsError(GetLastError(), "read", file.path());
  }
  return n;
}

void FileSystem::Write(File& file, const void* data, std::size_t size) {
  const char* bytes = static_cast<const char*>(data);
  while (size > 0) {
    DWORD chunk = size > 0x40000000 ? 0x40000000 : static_cast<DWORD>(size);
    DWORD n = 0;
    if (!WriteFile(Handle(file), bytes, chunk, &n, nullptr)) {
      ThrowWindowsError(GetLastError(), "write", file.path());
    }
    bytes += n;
    size -= n;
  }
}

void FileSystem::Sync(File& file) {
  if (!FlushFileBuffers(Handle(file))) ThrowWindowsError(GetLastError(), "fsync", file.path());
}

void FileSystem::ChangeMode(File&, std::uint32_t) {}

void FileSystem::Close(File& file) {
  std::string path = file.path();
  if (!CloseHandle(reinterpret_cast<HANDLE>(file.Release()))) {
    ThrowWindowsError(GetLastError(), "close", path);
  }
}

void FileSystem::Rename(const std::string& from, const std::string& to) {
  // A reader or virus scanner holding `to` open makes the replace fail with a sharing error for a
  // short while; retry a bounded number of times.
  DWORD code = 0;
  for (int attempt = 0; attempt < 50; ++attempt) {
    if (MoveFileExW(Wide(from).c_str(), Wide(to).c_str(),
                    MOVEFILE_REPLACE_EXISTING | MOVEFILE_WRITE_THROUGH)) {
      return;
    }
    code = GetLastError();
    if (code != ERROR_ACCESS_DENIED && code != ERROR_SHARING_VIOLATION) break;
    Sleep(20);
  }
  ThrowWindowsError(code, "rename", to);
}

bool FileSystem::Remove(const std::string& path) {
  if (DeleteFileW(Wide(path).c_str())) return true;
  DWORD code = GetLastError();
  if (code == ERROR_FILE_NOT_FOUND) return false;
  ThrowWindowsError(code, "remove", path);
}

bool FileSystem::RemoveTree(const std::string& path) {
  FileInfo info = Status(path);
  if (!info.exists) return false;
  if (!info.is_directory) return Remove(path);
  for (const std::string& name : ListDirectory(path)) RemoveTree(path + "\\" + name);
  if (!RemoveDirectoryW(Wide(path).c_str())) ThrowWindowsError(GetLastError(), "rmdir", path);
  return true;
}

bool FileSystem::MakeDirectory(const std::string& path) {
  if (CreateDirectoryW(Wide(path).c_str(), nullptr)) return true;
  DWORD code = GetLastError();
  if (code == ERROR_ALREADY_EXISTS && Status(path).is_directory) return false;
  ThrowWindowsError(code, "mkdir", path);
}

std::vector<std::string> FileSystem::ListDirectory(const std::string& path) {
  WIN32_FIND_DATAW data;
  HANDLE find = FindFirstFileW(Wide(path + "\\*").c_str(), &data);
  if (find == INVALID_HANDLE_VALUE) ThrowWindowsError(GetLastError(), "opendir", path);
  std::vector<std::string> names;
  do {
    std::string name = Narrow(data.cFileName);
    if (name != "." && name != "..") names.push_back(name);
  } while (FindNextFileW(find, &data));
  FindClose(find);
  return names;
}

void FileSystem::MakeSymlink(const std::string& target, const std::string& link) {
  DWORD flags = SYMBOLIC_LINK_FLAG_ALLOW_UNPRIVILEGED_CREATE;
  if (Status(target).is_directory) flags |= SYMBOLIC_LINK_FLAG_DIRECTORY;
  if (!CreateSymbolicLinkW(Wide(link).c_str(), Wide(target).c_str(), flags)) {
    ThrowWindowsError(GetLastError(), "symlink", link);
  }
}

void FileSystem::MakeHardLink(const std::string& existing, const std::string& link) {
  if (!CreateHardLinkW(Wide(link).c_str(), Wide(existing).c_str(), nullptr)) {
    ThrowWindowsError(GetLastError(), "link", link);
  }
}

void FileSystem::SetModificationTime(const std::string& path, FileTime mtime) {
  HANDLE h = CreateFileW(Wide(path).c_str(), FILE_WRITE_ATTRIBUTES,
                         FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, nullptr,
                         OPEN_EXISTING, FILE_FLAG_BACKUP_SEMANTICS, nullptr);
  if (h == INVALID_HANDLE_VALUE) ThrowWindowsError(GetLastError(), "utimensat", path);
  File file(reinterpret_cast<std::intptr_t>(h), path);
  std::uint64_t ticks = static_cast<std::uint64_t>(mtime.seconds * 10000000 +
                                                   mtime.nanoseconds / 100 + 116444736000000000LL);
  FILETIME time{static_cast<DWORD>(ticks), static_cast<DWORD>(ticks >> 32)};
  if (!SetFileTime(h, nullptr, nullptr, &time))
    ThrowWindowsError(GetLastError(), "utimensat", path);
  Close(file);
}

void FileSystem::Touch(File& file) {
  FILETIME now;
  GetSystemTimeAsFileTime(&now);
  if (!SetFileTime(Handle(file), nullptr, nullptr, &now)) {
    ThrowWindowsError(GetLastError(), "touch", file.path());
  }
}

void FileSystem::SyncDirectory(const std::string&) {
  // NTFS metadata is journaled; MOVEFILE_WRITE_THROUGH already flushed the rename.
}

FileLock::FileLock(FileSystem& fs, std::string path) : fs_(&fs), path_(std::move(path)) {
  for (;;) {
    HANDLE h = CreateFileW(Wide(path_).c_str(), GENERIC_WRITE, 0, nullptr, OPEN_ALWAYS,
                           FILE_ATTRIBUTE_NORMAL | FILE_FLAG_DELETE_ON_CLOSE, nullptr);
    if (h != INVALID_HANDLE_VALUE) {
      file_ = File(reinterpret_cast<std::intptr_t>(h), path_);
      return;
    }
    DWORD code = GetLastError();
    if (code != ERROR_SHARING_VIOLATION && code != ERROR_ACCESS_DENIED) {
      ThrowWindowsError(code, "lock", path_);
    }
    if (InterruptSignal() != 0) throw Error(ExitCode::kFileSystem, "lock", path_, "interrupted");
    Sleep(10);
  }
}

FileLock::~FileLock() {
  if (file_.is_open()) CloseHandle(reinterpret_cast<HANDLE>(file_.Release()));
}

namespace {
volatile LONG g_interrupt_signal = 0;
BOOL WINAPI OnConsoleEvent(DWORD) {
  InterlockedCompareExchange(&g_interrupt_signal, 2, 0);
  return TRUE;  // the child in the same console receives the event itself
}
}  // namespace

void InstallInterruptHandlers() { SetConsoleCtrlHandler(OnConsoleEvent, TRUE); }

int InterruptSignal() { return static_cast<int>(g_interrupt_signal); }

ExitStatus RunProcess(const SpawnRequest& request) {
  std::wstring command_line;
  for (const std::string& arg : request.argv) {
    if (!command_line.empty()) command_line += L' ';
    std::wstring quoted = L"\"";
    std::size_t backslashes = 0;
    for (wchar_t c : Wide(arg)) {
      if (c == L'\\') {
        ++backslashes;
      } else if (c == L'"') {
        quoted.append(backslashes * 2 + 1, L'\\');
        backslashes = 0;
      } else {
        backslashes = 0;
      }
      quoted += c;
    }
    quoted.append(backslashes, L'\\');
    quoted += L'"';
    command_line += quoted;
  }
  STARTUPINFOW startup{};
  startup.cb = sizeof startup;
  File output;
  if (request.stdout_file != nullptr && request.stdout_file->is_open()) {
    // Not inheritable and opened without sharing: closed here, stdout_path is opened below.
    CloseHandle(reinterpret_cast<HANDLE>(request.stdout_file->Release()));
  }
  if (request.stdout_path) {
    SECURITY_ATTRIBUTES inherit{sizeof inherit, nullptr, TRUE};
    HANDLE h = CreateFileW(Wide(*request.stdout_path).c_str(), GENERIC_WRITE, FILE_SHARE_READ,
                           &inherit, TRUNCATE_EXISTING, FILE_ATTRIBUTE_NORMAL, nullptr);
    if (h == INVALID_HANDLE_VALUE) ThrowWindowsError(GetLastError(), "open", *request.stdout_path);
    output = File(reinterpret_cast<std::intptr_t>(h), *request.stdout_path);
    startup.dwFlags = STARTF_USESTDHANDLES;
    startup.hStdInput = GetStdHandle(STD_INPUT_HANDLE);
    startup.hStdOutput = h;
    startup.hStdError = GetStdHandle(STD_ERROR_HANDLE);
  }
  PROCESS_INFORMATION process{};
  std::wstring directory = request.directory ? Wide(*request.directory) : std::wstring();
  if (!CreateProcessW(nullptr, command_line.data(), nullptr, nullptr, TRUE, 0, nullptr,
                      request.directory ? directory.c_str() : nullptr, &startup, &process)) {
    throw Error(ExitCode::kGeneratorFailed, "run", request.argv.front(),
                fmt::format("cannot be started: error {}", GetLastError()));
  }
  CloseHandle(process.hThread);
  WaitForSingleObject(process.hProcess, INFINITE);
  DWORD code = 0;
  GetExitCodeProcess(process.hProcess, &code);
  CloseHandle(process.hProcess);
  ExitStatus result;
  result.code = static_cast<int>(code);
  return result;
}

bool ProcessExists(long pid) {
  HANDLE h = OpenProcess(SYNCHRONIZE, FALSE, static_cast<DWORD>(pid));
  if (h == nullptr) return GetLastError() != ERROR_INVALID_PARAMETER;
  DWORD wait = WaitForSingleObject(h, 0);
  CloseHandle(h);
  return wait == WAIT_TIMEOUT;
}

long CurrentProcessId() { return static_cast<long>(GetCurrentProcessId()); }

std::uint64_t CurrentUserId() { return 0; }

std::uint64_t CurrentGroupId() { return 0; }

IsolatedExit RunProcessIsolated(const SpawnRequest&, const std::vector<OverlayLayer>&) {
  return {false, "isolation: needs Linux namespaces", {}};
}

std::vector<std::string> FileSystem::ListAttributes(const std::string&) { return {}; }

void FileSystem::RemoveAttribute(const std::string&, const std::string&) {}

#endif

}  // namespace atomicgen
