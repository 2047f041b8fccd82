// Committing a finished temporary file over its destination: compare byte for byte, keep an
// identical destination untouched, otherwise rename over it in one step.
#pragma once

#include <string>
#include <vector>

#include "platform.h"

namespace atomicgen {

struct CommitOptions {
  bool fsync = false;
};

enum class CommitResult { kUnchanged, kReplaced, kCreated };

const char* Describe(CommitResult result);

// Names of the helper's own files next to a destination. None ends in a source suffix and all are
// hidden, so no `*.c`/`*.h`/`*.py` glob picks them up (CPython gh-110429).
std::string DirectoryOf(const std::string& path);  // "" -> "."
std::string BaseNameOf(const std::string& path);
std::string JoinPath(const std::string& directory, const std::string& name);
std::string TemporaryPathFor(const std::string& destination, const std::string& run_id);
std::string BackupPathFor(const std::string& destination, const std::string& run_id);
std::string LockPathFor(const std::string& destination);

// A unique id for this process's helper files: "<pid>-<nonce>".
const std::string& RunId();

// Follows a destination that is a symlink to the file it names (the link stays a link).
// Throws for a dangling link and for a destination that is a directory.
std::string ResolveDestination(FileSystem& fs, const std::string& destination);

// True when both files exist and hold the same bytes.
bool SameContent(FileSystem& fs, const std::string& a, const std::string& b);

// Creates an empty temporary file for `destination` (a plain create: mode 0666 & ~umask).
File CreateTemporaryFor(FileSystem& fs, const std::string& temporary);

// Copies the bytes of `from` into the new file `to` with permission bits `mode`.
void CopyFile(FileSystem& fs, const std::string& from, const std::string& to, std::uint32_t mode,
              const CommitOptions& options);

// Replaces `destination` by `temporary` unless their bytes are equal, in which case `temporary` is
// removed and `destination` keeps its inode and mtime. A replaced file keeps its previous mode.
CommitResult CommitFile(FileSystem& fs, const std::string& temporary,
                        const std::string& destination, const CommitOptions& options);

// Copies `source` to `destination` through a temporary file when they differ; with `move`, the
// source is renamed (different) or removed (identical) instead. Holds the destination's lock.
CommitResult UpdateIfDifferent(FileSystem& fs, const std::string& source,
                               const std::string& destination, bool move,
                               const CommitOptions& options);

// Removes the helper files left in `directory` by runs whose process is gone. Backups of an
// interrupted in-place run are renamed back over their destination first.
void RemoveStaleLeftovers(FileSystem& fs, const std::string& directory);

}  // namespace atomicgen
