// The platform layer on POSIX systems (platform.h); Linux-only parts (namespaces, overlays,
// extended attributes) under __linux__. Compiles to nothing on Windows.
#ifndef _WIN32
#include <dirent.h>
#include <fcntl.h>
#include <fmt/format.h>
#include <spawn.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <csignal>
#include <cstring>

#include "error.h"
#include "platform.h"
#include "platform_internal.h"
#ifdef __linux__
#include <sched.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/sysmacros.h>
#include <sys/xattr.h>
#endif

namespace atomicgen {
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
    : fs_(&fs), path_(std::move(path)), left_behind_at_start_(LeftBehindCount()) {
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
  if (!keep_lock_file_ && LeftBehindCount() == left_behind_at_start_) ::unlink(path_.c_str());
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

}  // namespace atomicgen

#endif  // _WIN32
