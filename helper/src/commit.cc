#include "commit.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstring>
#include <memory>

#include "error.h"

namespace atomicgen {

namespace {

constexpr std::size_t kCompareChunk = std::size_t{256} * 1024;
constexpr const char* kMarker = ".atomicgen-";

// Longest destination name used verbatim in our file names: NAME_MAX (255) less the longest
// decoration (".", ".atomicgen-", pid, "-", 19 digits, ".stage").
constexpr std::size_t kMaxStem = 200;

struct HelperFile {
  long pid = 0;  // 0: not one of ours (or a lock file)
  std::string kind;
  std::string stem;  // "" for staging directories
};

// Parses ".<stem>.atomicgen-<pid>-<nonce>.<kind>" and ".atomicgen-<pid>-<nonce>.stage".
HelperFile ParseHelperFile(const std::string& name) {
  HelperFile file;
  std::size_t marker = name.rfind(kMarker);
  std::size_t dot = name.rfind('.');
  if (marker == std::string::npos || dot == std::string::npos || dot < marker) return file;
  std::string kind = name.substr(dot + 1);
  if (kind != "tmp" && kind != "bak" && kind != "new" && kind != "stage") return file;
  const char* digits = name.c_str() + marker + std::strlen(kMarker);
  char* end = nullptr;
  long pid = std::strtol(digits, &end, 10);
  if (end == digits || *end != '-') return file;
  file.pid = pid;
  file.kind = kind;
  file.stem = marker > 1 && name[0] == '.' ? name.substr(1, marker - 1) : std::string();
  return file;
}

std::string HelperPathFor(const std::string& destination, const std::string& suffix) {
  return JoinPath(DirectoryOf(destination),
                  fmt::format(".{}{}", StemOf(BaseNameOf(destination)), suffix));
}

}  // namespace

void CopyFile(FileSystem& fs, const std::string& from, const std::string& to, std::uint32_t mode,
              const CommitOptions& options) {
  File in = fs.OpenForReading(from);
  File out = CreateTemporaryFor(fs, to);
  // Most generated files are small: a heap buffer of 64 KiB is reused by malloc, where 256 KiB
  // would be mapped and unmapped on every call.
  constexpr std::size_t kCopyChunk = std::size_t{64} * 1024;
  std::unique_ptr<char[]> buffer(new char[kCopyChunk]);
  while (std::size_t n = fs.Read(in, buffer.get(), kCopyChunk)) fs.Write(out, buffer.get(), n);
  fs.ChangeMode(out, mode);
  if (options.fsync) fs.Sync(out);
  fs.Close(out);
}

const char* Describe(CommitResult result) {
  switch (result) {
    case CommitResult::kUnchanged:
      return "unchanged";
    case CommitResult::kReplaced:
      return "replaced";
    case CommitResult::kCreated:
      return "created";
  }
  return "?";
}

std::string DirectoryOf(const std::string& path) {
  std::size_t slash = path.find_last_of('/');
  if (slash == std::string::npos) return ".";
  if (slash == 0) return "/";
  return path.substr(0, slash);
}

std::string BaseNameOf(const std::string& path) {
  std::size_t slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

std::string JoinPath(const std::string& directory, const std::string& name) {
  if (directory.empty() || directory == ".") return name;
  if (directory.back() == '/') return directory + name;
  return directory + "/" + name;
}

std::string StemOf(const std::string& name) {
  if (name.size() <= kMaxStem) return name;
  return fmt::format("{}~{:016x}", name.substr(0, kMaxStem - 17), std::hash<std::string>{}(name));
}

std::string TemporaryPathFor(const std::string& destination, const std::string& run_id) {
  return HelperPathFor(destination, fmt::format("{}{}.tmp", kMarker, run_id));
}

std::string BackupPathFor(const std::string& destination, const std::string& run_id) {
  return HelperPathFor(destination, fmt::format("{}{}.bak", kMarker, run_id));
}

std::string CreatedMarkerPathFor(const std::string& destination, const std::string& run_id) {
  return HelperPathFor(destination, fmt::format("{}{}.new", kMarker, run_id));
}

std::string LockPathFor(const std::string& destination) {
  return HelperPathFor(destination, ".atomicgen-lock");
}

const std::string& RunId() {
  // 19 decimal digits: survives the mangling generators apply to paths (upper-casing, replacing
  // punctuation), so an embedded staging path can be found in what they wrote.
  static const std::string id =
      fmt::format("{}-{:019}", CurrentProcessId(), RandomNonce() % 10000000000000000000ULL);
  return id;
}

std::string ResolveDestination(FileSystem& fs, const std::string& destination) {
  std::string path = destination;
  for (int hops = 0; hops < 40; ++hops) {
    FileInfo info = fs.LinkStatus(path);
    if (!info.exists) return path;
    if (info.is_directory) {
      throw Error(ExitCode::kFileSystem, "commit", destination, "destination is a directory");
    }
    if (!info.is_symlink) return path;
    std::string target = fs.ReadLink(path);
    path = !target.empty() && target[0] == '/' ? target : JoinPath(DirectoryOf(path), target);
    if (!fs.Status(path).exists) {
      throw Error(ExitCode::kFileSystem, "commit", destination,
                  fmt::format("destination is a dangling symbolic link to {}", target));
    }
  }
  throw Error(ExitCode::kFileSystem, "commit", destination, "too many symbolic links");
}

bool SameContent(FileSystem& fs, const std::string& a, const std::string& b) {
  FileInfo info_b = fs.Status(b);
  if (!info_b.exists) return false;
  File file_a = fs.OpenForReading(a);
  FileInfo info_a = fs.Status(file_a);
  if (info_a.size != info_b.size) return false;
  File file_b = fs.OpenForReading(b);
  // Buffers sized for the file (one more byte, to see the end in the same read): a small file
  // costs no 256 KiB allocation, which malloc would map and unmap.
  const std::size_t chunk =
      static_cast<std::size_t>(std::min<std::uint64_t>(kCompareChunk, info_a.size + 1));
  std::unique_ptr<char[]> buffers(new char[2 * chunk]);
  char* buffer_a = buffers.get();
  char* buffer_b = buffers.get() + chunk;
  for (;;) {
    std::size_t n = fs.Read(file_a, buffer_a, chunk);
    std::size_t filled = 0;
    while (filled < n) {
      std::size_t m = fs.Read(file_b, buffer_b + filled, n - filled);
      if (m == 0) return false;
      filled += m;
    }
    if (n == 0) return fs.Read(file_b, buffer_b, 1) == 0;
    if (std::memcmp(buffer_a, buffer_b, n) != 0) return false;
  }
}

File CreateTemporaryFor(FileSystem& fs, const std::string& temporary) {
  return fs.CreateExclusive(temporary, 0666);
}

namespace {

// internal: renames `temporary` (different bytes) over `target`, giving it the previous mode
// unless `mode_is_set` (the caller made it with that mode).
CommitResult ReplaceFile(FileSystem& fs, const std::string& temporary, const std::string& target,
                         const FileInfo& existing, const CommitOptions& options,
                         bool mode_is_set = false) {
  const bool change_mode = existing.exists && !mode_is_set;
  if (change_mode || options.fsync) {
    File file = fs.OpenForReading(temporary);
    if (change_mode) fs.ChangeMode(file, existing.mode);
    if (options.fsync) fs.Sync(file);
    fs.Close(file);
  }
  std::string staged = temporary;
  // A temporary next to the target is on its file system; one in a staging directory may not be.
  if (DirectoryOf(temporary) != DirectoryOf(target) &&
      fs.Status(temporary).device != fs.Status(DirectoryOf(target)).device) {
    // A symlinked destination on another file system: rename cannot cross it, so the bytes are
    // copied next to the target first.
    staged = TemporaryPathFor(target, RunId());
    try {
      CopyFile(fs, temporary, staged, fs.Status(temporary).mode, options);
    } catch (...) {
      try {
        fs.Remove(staged);
      } catch (...) {
        NoteLeftBehind();
      }
      throw;
    }
    fs.Remove(temporary);
  }
  try {
    fs.Rename(staged, target);
  } catch (...) {
    if (staged != temporary) {
      try {
        fs.Remove(staged);  // our copy next to the target; the caller owns `temporary`
      } catch (...) {
        NoteLeftBehind();
      }
    }
    throw;
  }
  if (options.fsync) fs.SyncDirectory(DirectoryOf(target));
  return existing.exists ? CommitResult::kReplaced : CommitResult::kCreated;
}

// internal: a second name for `target`'s current bytes, to put back by rename: a hard link where
// the file system has them, else a complete copy.
void MakeBackup(FileSystem& fs, const std::string& target, const std::string& backup,
                const FileInfo& existing) {
  try {
    fs.MakeHardLink(target, backup);
  } catch (const Error&) {
    MakeBackupCopy(fs, target, backup, existing);
  }
}

}  // namespace

void MakeBackupCopy(FileSystem& fs, const std::string& target, const std::string& backup,
                    const FileInfo& existing) {
  std::string temporary = TemporaryPathFor(backup, RunId());
  try {
    CopyFile(fs, target, temporary, existing.mode, CommitOptions{});
    fs.SetModificationTime(temporary, existing.mtime);
    fs.Rename(temporary, backup);
  } catch (...) {
    try {
      fs.Remove(temporary);
    } catch (...) {
      NoteLeftBehind();
    }
    throw;
  }
}

std::vector<CommitResult> CommitAll(FileSystem& fs, const std::vector<StagedFile>& files,
                                    const CommitOptions& options) {
  struct Pending {
    std::size_t index;
    std::string target;
    FileInfo existing;
    std::string journal;  // backup (.bak) or created-marker (.new); "" when not journaled
  };
  std::vector<CommitResult> results(files.size(), CommitResult::kUnchanged);
  std::vector<Pending> pending;
  for (std::size_t i = 0; i < files.size(); ++i) {
    std::string target = ResolveDestination(fs, files[i].destination);
    FileInfo existing = fs.Status(target);
    if (existing.exists && SameContent(fs, files[i].temporary, target)) {
      fs.Remove(files[i].temporary);
      continue;
    }
    pending.push_back({i, target, existing, {}});
  }

  auto remove_journal = [&]() noexcept {
    for (Pending& change : pending) {
      try {
        if (!change.journal.empty()) fs.Remove(change.journal);
      } catch (...) {
        NoteLeftBehind();
        // Left for RecoverInterruptedCommit; it undoes only what a dead run left.
      }
    }
  };
  std::size_t committed = 0;
  try {
    // Several changed outputs: before the first rename, record how to undo each, so that a failure
    // here (or a kill, through the next run's RecoverInterruptedCommit) never leaves some outputs
    // new and others old. One output needs no journal: its rename is the whole commit.
    if (pending.size() > 1) {
      for (Pending& change : pending) {
        if (change.existing.exists) {
          std::string backup = BackupPathFor(change.target, RunId());
          MakeBackup(fs, change.target, backup, change.existing);
          change.journal = backup;
        } else {
          std::string marker = CreatedMarkerPathFor(change.target, RunId());
          File file = fs.CreateExclusive(marker, 0666);
          change.journal = marker;
          fs.Close(file);
        }
      }
    }
    for (const Pending& change : pending) {
      results[change.index] =
          ReplaceFile(fs, files[change.index].temporary, change.target, change.existing, options);
      ++committed;
    }
  } catch (...) {
    for (std::size_t k = 0; k < committed; ++k) {
      Pending& change = pending[k];
      try {
        if (change.existing.exists) {
          fs.Rename(change.journal, change.target);
        } else {
          fs.Remove(change.target);
        }
        if (change.existing.exists) change.journal.clear();
      } catch (...) {
        NoteLeftBehind();
        // The journal entry stays; the next run on this output completes the undo.
      }
    }
    remove_journal();
    throw;
  }
  remove_journal();
  return results;
}

CommitResult CommitFile(FileSystem& fs, const std::string& temporary,
                        const std::string& destination, const CommitOptions& options) {
  return CommitAll(fs, {{temporary, destination}}, options).front();
}

CommitResult UpdateIfDifferent(FileSystem& fs, const std::string& source,
                               const std::string& destination, bool move,
                               const CommitOptions& options) {
  const FileInfo source_info = fs.Status(source);
  if (!source_info.exists) {
    throw Error(ExitCode::kFileSystem, move ? "move-if-different" : "copy-if-different", source,
                "source does not exist");
  }
  std::string target = ResolveDestination(fs, destination);
  // Identical bytes need no lock: leaving the destination alone is a correct outcome whichever
  // concurrent update comes after us. This is the common case in a rebuild, and the lock file is
  // most of its cost.
  if (SameContent(fs, source, target)) {
    if (move) fs.Remove(source);
    return CommitResult::kUnchanged;
  }
  FileLock lock(fs, LockPathFor(target));
  if (lock.previous_holder_died()) {
    // Only a run that died holding this lock can have left files here (FileLock).
    RemoveStaleLeftovers(fs, DirectoryOf(target));
    RecoverInterruptedCommit(fs, target);
  }
  // Compared again under the lock: another run may have written these bytes meanwhile, and then
  // the destination must stay untouched.
  if (SameContent(fs, source, target)) {
    if (move) fs.Remove(source);
    return CommitResult::kUnchanged;
  }
  const FileInfo existing = fs.Status(target);
  bool mode_is_set = true;
  std::string temporary = TemporaryPathFor(target, RunId());
  if (move) {
    fs.Rename(source, temporary);
    mode_is_set = !existing.exists || existing.mode == source_info.mode;
  } else {
    try {
      CopyFile(fs, source, temporary, existing.exists ? existing.mode : source_info.mode,
               options);
    } catch (...) {
      try {
        fs.Remove(temporary);
      } catch (...) {
        NoteLeftBehind();
      }
      throw;
    }
  }
  try {
    if (int signal = InterruptSignal()) {
      throw Error(static_cast<ExitCode>(128 + signal),
                  move ? "move-if-different" : "copy-if-different", destination,
                  fmt::format("interrupted by {}; previous content kept", SignalName(signal)));
    }
    // One output, its lock held and its bytes known to differ: the rename is the whole commit.
    return ReplaceFile(fs, temporary, target, existing, options, mode_is_set);
  } catch (...) {
    try {
      if (move) {
        fs.Rename(temporary, source);
      } else {
        fs.Remove(temporary);
      }
    } catch (...) {
      NoteLeftBehind();
    }
    throw;
  }
}

void RemoveStaleLeftovers(FileSystem& fs, const std::string& directory) {
  std::vector<std::string> names;
  try {
    names = fs.ListDirectory(directory);
  } catch (const Error&) {
    return;  // A directory we cannot list holds nothing we could clean either.
  }
  for (const std::string& name : names) {
    HelperFile file = ParseHelperFile(name);
    if (file.pid == 0 || (file.kind != "tmp" && file.kind != "stage") || ProcessExists(file.pid)) {
      continue;
    }
    try {
      fs.RemoveTree(JoinPath(directory, name));
    } catch (const Error&) {
      // Another run cleaning the same directory got there first; nothing is lost.
    }
  }
}

void RecoverInterruptedCommit(FileSystem& fs, const std::string& destination) {
  const std::string directory = DirectoryOf(destination);
  const std::string stem = StemOf(BaseNameOf(destination));
  std::vector<std::string> names;
  try {
    names = fs.ListDirectory(directory);
  } catch (const Error&) {
    return;
  }
  for (const std::string& name : names) {
    HelperFile file = ParseHelperFile(name);
    if (file.pid == 0 || file.stem != stem || (file.kind != "bak" && file.kind != "new") ||
        ProcessExists(file.pid)) {
      continue;
    }
    std::string path = JoinPath(directory, name);
    if (file.kind == "new") {
      // The dead run created this output in a commit it did not finish: it did not exist before.
      fs.Remove(destination);
      fs.Remove(path);
      continue;
    }
    FileInfo backup = fs.LinkStatus(path);
    FileInfo current = fs.LinkStatus(destination);
    if (current.exists && current.device == backup.device && current.inode == backup.inode) {
      fs.Remove(path);  // a hard-link backup of bytes that were never replaced
    } else {
      fs.Rename(path, destination);  // the previous bytes (and mtime) back
    }
  }
}

}  // namespace atomicgen
