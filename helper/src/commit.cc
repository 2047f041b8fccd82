#include "commit.h"

#include <fmt/format.h>

#include <cstring>
#include <memory>

#include "error.h"

namespace atomicgen {

namespace {

constexpr std::size_t kCompareChunk = std::size_t{256} * 1024;
constexpr const char* kMarker = ".atomicgen-";

// Parses the pid out of "<prefix>.atomicgen-<pid>-<nonce>.<kind>"; 0 if it is not ours.
long OwnerPid(const std::string& name, std::string* kind, std::string* original) {
  std::size_t marker = name.rfind(kMarker);
  if (marker == std::string::npos) return 0;
  std::size_t dot = name.rfind('.');
  if (dot == std::string::npos || dot < marker) return 0;
  *kind = name.substr(dot + 1);
  if (*kind != "tmp" && *kind != "bak" && *kind != "stage") return 0;
  const char* digits = name.c_str() + marker + std::strlen(kMarker);
  char* end = nullptr;
  long pid = std::strtol(digits, &end, 10);
  if (end == digits || *end != '-') return 0;
  // ".<original>.atomicgen-..." for files; ".atomicgen-..." for staging directories.
  *original = marker > 1 && name[0] == '.' ? name.substr(1, marker - 1) : std::string();
  return pid;
}

}  // namespace

void CopyFile(FileSystem& fs, const std::string& from, const std::string& to, std::uint32_t mode,
              const CommitOptions& options) {
  File in = fs.OpenForReading(from);
  File out = CreateTemporaryFor(fs, to);
  std::unique_ptr<char[]> buffer(new char[kCompareChunk]);
  while (std::size_t n = fs.Read(in, buffer.get(), kCompareChunk)) fs.Write(out, buffer.get(), n);
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

std::string TemporaryPathFor(const std::string& destination, const std::string& run_id) {
  return JoinPath(DirectoryOf(destination),
                  fmt::format(".{}{}{}.tmp", BaseNameOf(destination), kMarker, run_id));
}

std::string BackupPathFor(const std::string& destination, const std::string& run_id) {
  return JoinPath(DirectoryOf(destination),
                  fmt::format(".{}{}{}.bak", BaseNameOf(destination), kMarker, run_id));
}

std::string LockPathFor(const std::string& destination) {
  return JoinPath(DirectoryOf(destination),
                  fmt::format(".{}.atomicgen-lock", BaseNameOf(destination)));
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
  std::unique_ptr<char[]> buffer_a(new char[kCompareChunk]);
  std::unique_ptr<char[]> buffer_b(new char[kCompareChunk]);
  for (;;) {
    std::size_t n = fs.Read(file_a, buffer_a.get(), kCompareChunk);
    std::size_t filled = 0;
    while (filled < n) {
      std::size_t m = fs.Read(file_b, buffer_b.get() + filled, n - filled);
      if (m == 0) return false;
      filled += m;
    }
    if (n == 0) return fs.Read(file_b, buffer_b.get(), 1) == 0;
    if (std::memcmp(buffer_a.get(), buffer_b.get(), n) != 0) return false;
  }
}

File CreateTemporaryFor(FileSystem& fs, const std::string& temporary) {
  return fs.CreateExclusive(temporary, 0666);
}

CommitResult CommitFile(FileSystem& fs, const std::string& temporary,
                        const std::string& destination, const CommitOptions& options) {
  std::string target = ResolveDestination(fs, destination);
  FileInfo existing = fs.Status(target);
  if (existing.exists && SameContent(fs, temporary, target)) {
    fs.Remove(temporary);
    return CommitResult::kUnchanged;
  }
  if (existing.exists || options.fsync) {
    File file = fs.OpenForReading(temporary);
    if (existing.exists) fs.ChangeMode(file, existing.mode);
    if (options.fsync) fs.Sync(file);
    fs.Close(file);
  }
  std::string staged = temporary;
  if (fs.Status(temporary).device != fs.Status(DirectoryOf(target)).device) {
    // A symlinked destination on another file system: rename cannot cross it, so the bytes are
    // copied next to the target first.
    staged = TemporaryPathFor(target, RunId());
    try {
      CopyFile(fs, temporary, staged, existing.exists ? existing.mode : 0666, options);
    } catch (...) {
      try {
        fs.Remove(staged);
      } catch (...) {
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
      }
    }
    throw;
  }
  if (options.fsync) fs.SyncDirectory(DirectoryOf(target));
  return existing.exists ? CommitResult::kReplaced : CommitResult::kCreated;
}

CommitResult UpdateIfDifferent(FileSystem& fs, const std::string& source,
                               const std::string& destination, bool move,
                               const CommitOptions& options) {
  if (!fs.Status(source).exists) {
    throw Error(ExitCode::kFileSystem, move ? "move-if-different" : "copy-if-different", source,
                "source does not exist");
  }
  std::string target = ResolveDestination(fs, destination);
  RemoveStaleLeftovers(fs, DirectoryOf(target));
  FileLock lock(fs, LockPathFor(target));
  if (SameContent(fs, source, target)) {
    if (move) fs.Remove(source);
    return CommitResult::kUnchanged;
  }
  std::string temporary = TemporaryPathFor(target, RunId());
  if (move) {
    fs.Rename(source, temporary);
  } else {
    try {
      FileInfo existing = fs.Status(target);
      CopyFile(fs, source, temporary, existing.exists ? existing.mode : fs.Status(source).mode,
               options);
    } catch (...) {
      try {
        fs.Remove(temporary);
      } catch (...) {
      }
      throw;
    }
  }
  try {
    return CommitFile(fs, temporary, target, options);
  } catch (...) {
    try {
      if (move) {
        fs.Rename(temporary, source);
      } else {
        fs.Remove(temporary);
      }
    } catch (...) {
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
    std::string kind, original;
    long pid = OwnerPid(name, &kind, &original);
    if (pid == 0 || ProcessExists(pid)) continue;
    std::string path = JoinPath(directory, name);
    try {
      if (kind == "bak" && !original.empty()) {
        // An in-place run died after backing this output up: put the previous bytes back.
        fs.Rename(path, JoinPath(directory, original));
      } else if (kind == "stage") {
        fs.RemoveTree(path);
      } else {
        fs.Remove(path);
      }
    } catch (const Error&) {
      // Another run cleaning the same directory got there first; nothing is lost.
    }
  }
}

}  // namespace atomicgen
