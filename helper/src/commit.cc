#include "commit.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstring>
#include <memory>

#include "error.h"
#include "journal.h"

namespace atomicgen {

namespace {

constexpr std::size_t kCompareChunk = std::size_t{256} * 1024;
constexpr const char* kMarker = ".atomicgen-";

// Longest destination name used verbatim in our file names: NAME_MAX (255) less the longest
// decoration (".", ".atomicgen-", pid, "-", 19 digits, ".stage").
constexpr std::size_t kMaxStem = 200;

std::string HelperPathFor(const std::string& destination, const std::string& suffix) {
  return JoinPath(DirectoryOf(destination),
                  fmt::format(".{}{}", StemOf(BaseNameOf(destination)), suffix));
}

}  // namespace

HelperFileName ParseHelperFileName(const std::string& name) {
  HelperFileName file;
  const std::size_t marker = name.rfind(kMarker);
  const std::size_t dot = name.rfind('.');
  if (name.empty() || name[0] != '.') return file;  // all of ours are hidden
  if (marker == std::string::npos || dot == std::string::npos || dot < marker) return file;
  const std::size_t id_start = marker + std::strlen(kMarker);
  const std::string run_id = name.substr(id_start, dot - id_start);
  const std::size_t dash = run_id.find('-');
  if (dash == std::string::npos || dash == 0 || dash + 1 == run_id.size()) return file;
  for (std::size_t i = 0; i < run_id.size(); ++i) {
    if (i != dash && (run_id[i] < '0' || run_id[i] > '9')) return file;
  }
  const std::string kind = name.substr(dot + 1);
  if (kind != "tmp" && kind != "copy" && kind != "bak" && kind != "stage" && kind != "journal" &&
      kind != "ref") {
    return file;
  }
  file.pid = std::strtol(run_id.c_str(), nullptr, 10);
  file.run_id = run_id;
  file.kind = kind;
  file.stem = marker > 1 && name[0] == '.' ? name.substr(1, marker - 1) : std::string();
  return file;
}

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

std::string CopyPathFor(const std::string& destination, const std::string& run_id) {
  return HelperPathFor(destination, fmt::format("{}{}.copy", kMarker, run_id));
}

std::string BackupPathFor(const std::string& destination, const std::string& run_id) {
  return HelperPathFor(destination, fmt::format("{}{}.bak", kMarker, run_id));
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
    // One spelling per file (absolute, physical directory): the helper's files next to it, and
    // the locks and journals that name it, must be the same whichever link led here.
    path = JoinPath(fs.RealDirectory(DirectoryOf(path)), BaseNameOf(path));
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

// internal: removes one of the helper's own files after another error (best effort).
void RemoveQuietly(FileSystem& fs, const std::string& path) noexcept {
  try {
    fs.Remove(path);
  } catch (...) {
    NoteLeftBehind();
  }
}

// A file ready to be renamed over its destination.
struct Replacement {
  std::string path;
  std::uint64_t device = 0;
  std::uint64_t inode = 0;
  bool is_copy = false;  // a copy of the helper's own, made next to the destination
};

// internal: `staged` itself when it can be renamed over `target` as it is: on the same file
// system, with no other name (a generator may hard-link an input as its output: renaming that
// would make the output a second name of the input) and already with the mode `target` keeps
// (`existing`'s, or for a new output the mode the generator gave it). Otherwise a copy, created by
// the helper next to `target` and given that mode through its own descriptor.
Replacement PrepareReplacement(FileSystem& fs, const std::string& staged, const std::string& target,
                               const FileInfo& existing, const CommitOptions& options) {
  const FileInfo info = fs.Status(staged);
  const std::uint32_t mode = existing.exists ? existing.mode : info.mode;
  const bool same_file_system = DirectoryOf(staged) == DirectoryOf(target) ||
                                info.device == fs.Status(DirectoryOf(target)).device;
  if (same_file_system && info.links == 1 && info.mode == mode) {
    if (options.fsync) {
      File file = fs.OpenForReading(staged);
      fs.Sync(file);
      fs.Close(file);
    }
    return {staged, info.device, info.inode, false};
  }
  // Not the temporary name: the staged file may be this run's --stdout temporary for `target`.
  const std::string copy = CopyPathFor(target, RunId());
  try {
    CopyFile(fs, staged, copy, mode, options);
    const FileInfo copied = fs.LinkStatus(copy);
    return {copy, copied.device, copied.inode, true};
  } catch (...) {
    RemoveQuietly(fs, copy);
    throw;
  }
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
    RemoveQuietly(fs, temporary);
    throw;
  }
}

std::vector<CommitResult> CommitAll(FileSystem& fs, const std::vector<StagedFile>& files,
                                    const CommitOptions& options) {
  struct Change {
    std::size_t index;
    std::string target;
    FileInfo existing;
    Replacement replacement;
  };
  std::vector<CommitResult> results(files.size(), CommitResult::kUnchanged);
  std::vector<Change> changes;
  for (std::size_t i = 0; i < files.size(); ++i) {
    std::string target = ResolveDestination(fs, files[i].destination);
    FileInfo existing = fs.Status(target);
    if (existing.exists && SameContent(fs, files[i].temporary, target)) {
      fs.Remove(files[i].temporary);
      continue;
    }
    changes.push_back({i, target, existing, {}});
    results[i] = existing.exists ? CommitResult::kReplaced : CommitResult::kCreated;
  }
  // The one point where what will change is known and nothing is renamed yet: the caller's
  // stamps for these changes are touched now, before any of them can become visible.
  if (options.before_commit) options.before_commit(results);
  if (changes.empty()) return results;

  // Everything that can fail is done before the first rename: copies, backups, the journal.
  Journal journal{RunId(), {}, {}};
  auto discard = [&]() noexcept {
    for (const Change& change : changes) {
      if (change.replacement.is_copy) RemoveQuietly(fs, change.replacement.path);
    }
    for (const JournalEntry& entry : journal.entries) {
      if (entry.backup_inode != 0) RemoveQuietly(fs, BackupPathFor(entry.target, RunId()));
    }
  };
  try {
    for (Change& change : changes) {
      change.replacement = PrepareReplacement(fs, files[change.index].temporary, change.target,
                                              change.existing, options);
    }
    // One changed output needs no journal: its rename is the whole commit.
    if (changes.size() > 1) {
      for (const Change& change : changes) {
        JournalEntry entry{change.target, change.replacement.device, 0, 0,
                           change.replacement.inode};
        if (change.existing.exists) {
          const std::string backup = BackupPathFor(change.target, RunId());
          MakeBackup(fs, change.target, backup, change.existing);
          entry.old_inode = change.existing.inode;
          entry.backup_inode = fs.LinkStatus(backup).inode;
        }
        journal.entries.push_back(entry);
      }
      StartCommit(fs, journal, options.fsync);
    }
  } catch (...) {
    discard();
    throw;
  }

  try {
    for (const Change& change : changes) fs.Rename(change.replacement.path, change.target);
    if (options.fsync) {
      for (const Change& change : changes) fs.SyncDirectory(DirectoryOf(change.target));
    }
    if (!journal.path.empty()) FinishCommit(fs, journal);
  } catch (const Error& error) {
    if (journal.path.empty()) {
      discard();
      throw;
    }
    try {
      RollBack(fs, journal);
    } catch (const Error& rollback) {
      NoteLeftBehind();  // the journal stays, and the lock files with it: the next run rolls back
      throw Error(error.code(), error.operation(), error.path(),
                  fmt::format("{}; putting the outputs back failed too ({}): the previous outputs "
                              "are kept in backups that the next run on them puts back",
                              error.reason(), rollback.what()));
    }
    discard();
    throw;
  } catch (...) {
    try {
      if (!journal.path.empty()) RollBack(fs, journal);
    } catch (...) {
      NoteLeftBehind();
    }
    discard();
    throw;
  }
  // The staged files that were copied rather than renamed are no longer needed.
  for (const Change& change : changes) {
    if (change.replacement.is_copy) RemoveQuietly(fs, files[change.index].temporary);
  }
  return results;
}

CommitResult CommitFile(FileSystem& fs, const std::string& temporary,
                        const std::string& destination, const CommitOptions& options) {
  return CommitAll(fs, {{temporary, destination}}, options).front();
}

CommitResult UpdateIfDifferent(FileSystem& fs, const std::string& source,
                               const std::string& destination, bool move,
                               const CommitOptions& options) {
  const char* operation = move ? "move-if-different" : "copy-if-different";
  if (!fs.Status(source).exists) {
    throw Error(ExitCode::kFileSystem, operation, source, "source does not exist");
  }
  std::string target = ResolveDestination(fs, destination);
  // Identical bytes need no lock: leaving the destination alone is a correct outcome whichever
  // concurrent update comes after us. This is the common case in a rebuild, and the lock file is
  // most of its cost.
  if (SameContent(fs, source, target)) {
    if (move) fs.Remove(source);
    return CommitResult::kUnchanged;
  }
  // Absolute, with a physical directory, as every run spells its outputs (LockOutputs).
  target = ResolveDestination(
      fs, JoinPath(fs.RealDirectory(DirectoryOf(destination)), BaseNameOf(destination)));
  std::vector<FileLock> locks = LockOutputs(fs, {target});
  // Compared again under the lock: another run may have written these bytes meanwhile, and then
  // the destination must stay untouched.
  if (SameContent(fs, source, target)) {
    if (move) fs.Remove(source);
    return CommitResult::kUnchanged;
  }
  const FileInfo existing = fs.Status(target);
  // A move renames the source itself when it can (PrepareReplacement); a copy always writes a file
  // of the helper's own next to the destination.
  Replacement replacement;
  if (move) {
    replacement = PrepareReplacement(fs, source, target, existing, options);
  } else {
    replacement.path = TemporaryPathFor(target, RunId());
    replacement.is_copy = true;
    try {
      CopyFile(fs, source, replacement.path,
               existing.exists ? existing.mode : fs.Status(source).mode, options);
    } catch (...) {
      RemoveQuietly(fs, replacement.path);
      throw;
    }
  }
  try {
    if (int signal = InterruptSignal()) {
      throw Error(static_cast<ExitCode>(128 + signal), operation, destination,
                  fmt::format("interrupted by {}; previous content kept", SignalName(signal)));
    }
    // One output, its lock held and its bytes known to differ: the rename is the whole commit.
    fs.Rename(replacement.path, target);
  } catch (...) {
    if (replacement.is_copy) RemoveQuietly(fs, replacement.path);
    throw;
  }
  if (options.fsync) fs.SyncDirectory(DirectoryOf(target));
  if (move && replacement.is_copy) fs.Remove(source);
  return existing.exists ? CommitResult::kReplaced : CommitResult::kCreated;
}

void RemoveStaleLeftovers(FileSystem& fs, const std::string& directory) {
  std::vector<std::string> names;
  try {
    names = fs.ListDirectory(directory);
  } catch (const Error&) {
    return;  // A directory we cannot list holds nothing we could clean either.
  }
  for (const std::string& name : names) {
    HelperFileName file = ParseHelperFileName(name);
    if (file.pid == 0 || file.kind == "journal" || ProcessExists(file.pid)) continue;
    const std::string path = JoinPath(directory, name);
    try {
      // Only what the helper itself makes: anything else planted under such a name is ignored.
      FileInfo info = fs.LinkStatus(path);
      const bool expected_type = file.kind == "stage" ? info.is_directory : info.is_regular;
      if (!expected_type || info.owner != CurrentUserId()) continue;
      fs.RemoveTree(path);
    } catch (const Error&) {
      // Another run cleaning the same directory got there first; nothing is lost.
    }
  }
}

namespace {

// internal: sorts `paths` and drops repeated ones.
std::vector<std::string> SortedUnique(std::vector<std::string> paths) {
  std::sort(paths.begin(), paths.end());
  paths.erase(std::unique(paths.begin(), paths.end()), paths.end());
  return paths;
}

}  // namespace

std::vector<FileLock> LockOutputs(FileSystem& fs, const std::vector<std::string>& destinations,
                                  const std::vector<std::string>& staging_directories) {
  std::vector<std::string> outputs = SortedUnique(destinations);
  for (;;) {
    std::vector<FileLock> locks;
    locks.reserve(outputs.size());
    bool previous_run_died = false;
    for (const std::string& output : outputs) {
      locks.emplace_back(fs, LockPathFor(output));
      previous_run_died |= locks.back().previous_holder_died();
    }
    // Leftovers exist only where a run died holding one of these locks (FileLock).
    if (!previous_run_died) return locks;

    std::vector<std::string> directories = staging_directories;
    for (const std::string& output : outputs) directories.push_back(DirectoryOf(output));
    directories = SortedUnique(directories);
    std::vector<Journal> journals = FindInterruptedCommits(fs, directories);
    std::vector<std::string> needed = outputs;
    for (const Journal& journal : journals) {
      for (const JournalEntry& entry : journal.entries) needed.push_back(entry.target);
    }
    needed = SortedUnique(needed);
    if (needed != outputs) {
      // A dead run's commit covers outputs we do not hold: let go (keeping the lock files that
      // say a run died) and take them all in order, so no two runs wait on each other.
      for (FileLock& lock : locks) lock.KeepLockFile();
      outputs = needed;
      continue;
    }
    for (const Journal& journal : journals) RecoverInterruptedCommit(fs, journal);
    for (const std::string& directory : directories) RemoveStaleLeftovers(fs, directory);
    return locks;
  }
}

}  // namespace atomicgen
