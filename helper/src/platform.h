// The platform layer: every file-system and process call the helper makes goes through here,
// so the logic above it can be tested with a FileSystem that injects faults, and `#ifdef _WIN32`
// lives in the platform files alone (platform_posix.cc, platform_windows.cc). Every method checks
// its syscall and throws atomicgen::Error (exit code kFileSystem, "<operation>(<path>):
// <strerror>") unless documented otherwise.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace atomicgen {

struct FileTime {
  std::int64_t seconds = 0;
  std::int64_t nanoseconds = 0;
  bool operator==(const FileTime& other) const {
    return seconds == other.seconds && nanoseconds == other.nanoseconds;
  }
};

struct FileInfo {
  bool exists = false;
  bool is_regular = false;
  bool is_directory = false;
  bool is_symlink = false;  // only from LinkStatus()
  // An overlay file system's mark of a removed name in its upper directory: a character device
  // numbered 0/0 (only from LinkStatus()).
  bool is_whiteout = false;
  std::uint32_t mode = 0;  // permission bits
  std::uint64_t device = 0;
  std::uint64_t inode = 0;
  std::uint64_t size = 0;
  std::uint64_t links = 1;  // hard links to the file
  std::uint64_t owner = 0;  // user id (0 where there are none: Windows)
  std::uint64_t group = 0;  // group id (0 where there are none: Windows)
  FileTime mtime;
};

// An open file. Closed (unchecked) by the destructor if Close() was not called: that path is
// only taken when an error is already being reported.
class File {
 public:
  File() = default;
  explicit File(std::intptr_t handle, std::string path) : handle_(handle), path_(std::move(path)) {}
  File(File&& other) noexcept;
  File& operator=(File&& other) noexcept;
  File(const File&) = delete;
  File& operator=(const File&) = delete;
  ~File();

  bool is_open() const { return handle_ != kInvalid; }
  std::intptr_t handle() const { return handle_; }
  const std::string& path() const { return path_; }
  std::intptr_t Release();

  static constexpr std::intptr_t kInvalid = -1;

 private:
  std::intptr_t handle_ = kInvalid;
  std::string path_;
};

class FileSystem {
 public:
  virtual ~FileSystem() = default;

  // Follows symlinks; exists=false when the path (or its target) does not exist.
  virtual FileInfo Status(const std::string& path);
  // Does not follow a final symlink.
  virtual FileInfo LinkStatus(const std::string& path);
  // The target of a symlink, as stored.
  virtual std::string ReadLink(const std::string& path);
  // Absolute, symlink-free path of an existing directory.
  virtual std::string RealDirectory(const std::string& path);
  virtual std::string CurrentDirectory();

  // Creates a new file that must not exist, with `mode` filtered by the umask (a plain create).
  virtual File CreateExclusive(const std::string& path, std::uint32_t mode);
  virtual File OpenForReading(const std::string& path);
  // Opens for reading without following a final symbolic link (which is an error): for files
  // the helper must know it wrote itself (commit records).
  virtual File OpenForReadingNoFollow(const std::string& path);
  // Opens (creating if needed) for appending; used for stamps and lock files. With `created` (lock
  // files), also says whether this call created the file (an exclusive create first: one syscall
  // unless the file exists), never follows a symbolic link in its place (an error) and never
  // blocks on a FIFO (an error).
  File OpenOrCreate(const std::string& path) { return OpenOrCreate(path, nullptr); }
  virtual File OpenOrCreate(const std::string& path, bool* created);
  // Reads up to `size` bytes; returns 0 at end of file. Retries EINTR.
  virtual std::size_t Read(File& file, void* buffer, std::size_t size);
  // Writes all `size` bytes (loops on short writes, retries EINTR).
  virtual void Write(File& file, const void* data, std::size_t size);
  virtual void Sync(File& file);
  virtual void ChangeMode(File& file, std::uint32_t mode);
  virtual FileInfo Status(File& file);
  // Closes and reports the error close() returns (a full disk often shows up here); never retried.
  virtual void Close(File& file);

  // Replaces `to` by `from` in one step (POSIX rename; Windows MoveFileExW with
  // MOVEFILE_REPLACE_EXISTING and a bounded retry). Never unlinks `to` first.
  virtual void Rename(const std::string& from, const std::string& to);
  // Removes a file or symlink; returns false if it did not exist.
  virtual bool Remove(const std::string& path);
  // Removes a directory tree (symlinks are removed, not followed); false if it did not exist.
  virtual bool RemoveTree(const std::string& path);
  // Creates one directory; returns false if it already exists as a directory.
  virtual bool MakeDirectory(const std::string& path);
  virtual std::vector<std::string> ListDirectory(const std::string& path);
  virtual void MakeSymlink(const std::string& target, const std::string& link);
  // Gives `existing` the second name `link` (same file); throws where hard links are unsupported.
  virtual void MakeHardLink(const std::string& existing, const std::string& link);
  virtual void SetModificationTime(const std::string& path, FileTime mtime);
  // Sets the modification time to now, creating the file if it is missing.
  void Touch(const std::string& path);
  // The bytes of a file, read whole (for files the helper itself keeps small: stamp maps,
  // depfiles, --verify's outputs).
  std::string ReadWholeFile(const std::string& path);
  // Sets the modification time of an open file to now.
  virtual void Touch(File& file);
  virtual void SyncDirectory(const std::string& path);
  // Extended attribute names of a file, not following a final symlink (none where there are
  // none: Windows, macOS, file systems without them).
  virtual std::vector<std::string> ListAttributes(const std::string& path);
  virtual void RemoveAttribute(const std::string& path, const std::string& name);
};

// The process-wide real file system.
FileSystem& RealFileSystem();

// An exclusive lock on a lock file, held until destruction. The lock file is removed on release;
// acquisition re-checks that the locked file is still the one at `path`, so removal is race-free.
//
// The lock file doubles as the sign that a run died: every helper file (temporary, stage, journal,
// backup) is created and removed while the lock of its output is held, and a holder that dies
// (SIGKILL) never removes its lock file. So only a lock file that was already there when it was
// taken (previous_holder_died()) can have leftovers next to it, and the sweep for them is skipped
// otherwise. A holder that could not remove some file of its own keeps its lock file on release
// (see NoteLeftBehind()), so that the next run sweeps it too.
class FileLock {
 public:
  FileLock(FileSystem& fs, std::string path);
  FileLock(FileLock&&) noexcept;
  FileLock& operator=(FileLock&&) = delete;
  FileLock(const FileLock&) = delete;
  ~FileLock();

  // True when the lock file existed before this lock was taken and no live holder removed it: its
  // last holder died or left files behind (or, harmlessly, a creator had not locked it yet). Always
  // true where lock files cannot outlive their holder (Windows deletes them on close).
  bool previous_holder_died() const { return previous_holder_died_; }

  // Keeps the lock file on release, so that the next holder sweeps after this one too (a run that
  // lets go of its locks to take more of them, in order, keeps what told it to sweep).
  void KeepLockFile() { keep_lock_file_ = true; }

 private:
  FileSystem* fs_;
  std::string path_;
  File file_;
  bool previous_holder_died_ = true;
  bool keep_lock_file_ = false;
  unsigned left_behind_at_start_ = 0;
};

// Records that the process could not remove one of its helper files (a best-effort cleanup after
// another error failed): every lock held now keeps its lock file on release, so the next run on
// those outputs sweeps what was left.
void NoteLeftBehind() noexcept;

// How a child process ended.
struct ExitStatus {
  bool signaled = false;
  int code = 0;  // exit code, or signal number when signaled
  bool success() const { return !signaled && code == 0; }
};

struct SpawnRequest {
  std::vector<std::string> argv;           // argv[0] is looked up in PATH if it has no slash
  std::optional<std::string> directory;    // working directory of the child
  std::optional<std::string> stdout_path;  // file (already created) that receives fd 1
  // When set, that file open for writing: the child's fd 1 is a duplicate of it (POSIX), so the
  // file is not opened again with O_TRUNC, which on ext4 makes its close start writeback of the
  // data (auto_da_alloc). Where it cannot be passed on (Windows), RunProcess closes it and opens
  // stdout_path instead.
  File* stdout_file = nullptr;
};

// Runs a child to completion. SIGINT, SIGTERM and SIGHUP received meanwhile are forwarded to the
// child; the first such signal is reported by InterruptSignal() after the child is reaped.
ExitStatus RunProcess(const SpawnRequest& request);

// A directory as an isolated child sees it: an overlay whose reads find `directory`'s files and
// whose writes land in `upper` (`work` is the overlay's scratch directory, beside `upper`).
struct OverlayLayer {
  std::string directory;
  std::string upper;
  std::string work;
};

struct IsolatedExit {
  bool isolated = false;  // false: refused before the child's program started; nothing ran
  std::string refusal;    // which step the kernel refused, and why
  ExitStatus status;
};

// Runs a child as RunProcess does, in a private mount namespace (and, unless the process is root,
// a user namespace mapping only its own user and group) in which every layer's directory is an
// overlay (Linux). Where any step before the child's program starts is refused (no namespaces, a
// file system overlayfs cannot use, other platforms), returns isolated=false and nothing has run.
IsolatedExit RunProcessIsolated(const SpawnRequest& request,
                                const std::vector<OverlayLayer>& layers);

// Starts forwarding/recording SIGINT, SIGTERM and SIGHUP (idempotent).
void InstallInterruptHandlers();
// The first interrupting signal received, or 0.
int InterruptSignal();

// Whether a process with this id exists (false only when it certainly does not).
bool ProcessExists(long pid);
long CurrentProcessId();
// The user id this process runs as (0 where there are none: Windows).
std::uint64_t CurrentUserId();
// The group id this process runs as (0 where there are none: Windows).
std::uint64_t CurrentGroupId();
// Random bits for unique names.
std::uint64_t RandomNonce();
// A signal's name ("SIGKILL"), or its number.
std::string SignalName(int signal);

}  // namespace atomicgen
