// Committing a finished temporary file over its destination: compare byte for byte, keep an
// identical destination untouched, otherwise rename over it in one step.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "platform.h"

namespace atomicgen {

enum class CommitResult { kUnchanged, kReplaced, kCreated };

struct CommitOptions {
  bool fsync = false;
  // CommitAll: called once every file was compared with its destination, with what each will
  // become (all kUnchanged when nothing changes), before anything is prepared, backed up or
  // renamed. Run() touches the stamps that speak for the changes here, so that no change can be
  // committed before its stamp was touched. A throw commits nothing.
  std::function<void(const std::vector<CommitResult>&)> before_commit;
};

const char* Describe(CommitResult result);

// Names of the helper's own files next to a destination. None ends in a source suffix and all are
// hidden, so no `*.c`/`*.h`/`*.py` glob picks them up (CPython gh-110429).
std::string DirectoryOf(const std::string& path);  // "" -> "."
std::string BaseNameOf(const std::string& path);
std::string JoinPath(const std::string& directory, const std::string& name);
std::string TemporaryPathFor(const std::string& destination, const std::string& run_id);
// A copy of a staged file made next to its destination (PrepareReplacement in commit.cc).
std::string CopyPathFor(const std::string& destination, const std::string& run_id);
std::string BackupPathFor(const std::string& destination, const std::string& run_id);
std::string LockPathFor(const std::string& destination);

// What a name in a directory says about it, when it is named like one of the helper's files:
// ".<stem>.atomicgen-<pid>-<nonce>.<kind>" or ".atomicgen-<pid>-<nonce>.<kind>".
struct HelperFileName {
  long pid = 0;        // 0: not named like one of ours (lock files included)
  std::string run_id;  // "<pid>-<nonce>"
  std::string kind;    // tmp, copy, bak, stage, journal, ref
  std::string stem;    // "" for staging directories and references
};
HelperFileName ParseHelperFileName(const std::string& name);

// The destination's name as used in the helper's own file names: itself, or for a name too long
// to be decorated within NAME_MAX, a prefix and a hash.
std::string StemOf(const std::string& name);

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

// Copies `target` (bytes, mode, mtime) to `backup`, through a temporary name so that a backup is
// never partial: a partial one would be "restored" over its output.
void MakeBackupCopy(FileSystem& fs, const std::string& target, const std::string& backup,
                    const FileInfo& existing);

struct StagedFile {
  std::string temporary;
  std::string destination;
};

// Commits several outputs all or nothing: unchanged ones are left untouched, changed ones renamed
// over their destinations. With more than one change, each existing destination first gets a
// backup (a hard link, or a copy) and the run a journal (journal.h), so that a failure rolls the
// renamed ones back, and a run killed mid-commit is rolled back by the next run on its outputs.
// A staged file is renamed as it is unless it has another name (a generator that hard-linked an
// input), is on another file system, or has a mode other than the one its destination keeps: then
// a copy of the helper's own is renamed instead (the helper sets modes only on files it created).
std::vector<CommitResult> CommitAll(FileSystem& fs, const std::vector<StagedFile>& files,
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

// Removes what runs whose process is gone left in `directory`: temporary files, staging
// directories, backups and journal references, each only if it is a regular file (a directory for
// a stage) of the running user. Journals are not touched: LockOutputs rolls them back first.
void RemoveStaleLeftovers(FileSystem& fs, const std::string& directory);

// Locks every output (sorted, so concurrent runs cannot deadlock). `destinations` are absolute,
// with physical directories (ResolveDestination of such a path), so that one file has one spelling
// here and in every journal. When a lock shows that a run
// died holding it, rolls back every unfinished commit of a dead run found next to the outputs
// (first taking the locks of all its outputs too, in order), then sweeps stale leftovers from the
// outputs' directories and from `staging_directories` (where a dead run of this command staged).
std::vector<FileLock> LockOutputs(FileSystem& fs, const std::vector<std::string>& destinations,
                                  const std::vector<std::string>& staging_directories = {});

}  // namespace atomicgen
