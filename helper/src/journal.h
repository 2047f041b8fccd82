// The commit record of one run (its "journal"): what makes a commit of several outputs, or an
// in-place run, all or nothing across a kill. The design is in helper/README.md, "The commit
// journal".
//
// In short: before the first output is touched, a journal naming every output (with the identity
// of its old file, of its backup and of its new file) is written under a temporary name and renamed
// into place next to the first output; the outputs are then renamed (or rewritten in place); the
// journal's removal is the single step that ends the commit. A journal found with its run dead
// means the commit did not end: the next run on those outputs puts back, from the backups, every
// output whose current file is the one the dead run put there (or, when all of them are, keeps
// them all), then removes the journal. Backups
// and references with no journal beside them are garbage of finished commits, never restored.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "platform.h"

namespace atomicgen {

struct JournalEntry {
  std::string target;              // absolute path of the output
  std::uint64_t device = 0;        // the file system of `target`'s directory
  std::uint64_t old_inode = 0;     // the file there before; 0: there was none
  std::uint64_t backup_inode = 0;  // its backup (BackupPathFor); 0: none
  std::uint64_t new_inode = 0;     // the file renamed over it; 0: the generator writes in place
};

struct Journal {
  std::string run_id;
  std::vector<JournalEntry> entries;
  std::string path;  // where it is (or will be) in place
};

// Where a journal for these entries lives: next to its first entry's target.
std::string JournalPathFor(const std::string& first_target, const std::string& run_id);

// Writes `journal` (fsynced with `fsync`) and a reference to it in every other directory of its
// outputs, then renames it into place: from here on a kill means the next run rolls back.
void StartCommit(FileSystem& fs, Journal& journal, bool fsync);

// Ends the commit: removes the journal (the commit point), then the backups and references, which
// are harmless garbage from then on (a failure to remove them is only noted).
void FinishCommit(FileSystem& fs, const Journal& journal);

// Puts every output of `journal` back as it was before the commit: an output whose current file is
// the new one gets its backup back (or is removed, when it did not exist before); in-place outputs
// get their backup back unconditionally. Then finishes the commit. Each step checks identities, so
// running it again after a kill in the middle is safe.
void RollBack(FileSystem& fs, const Journal& journal);

// Ends the commit of a dead run: when every output already is the new file (the run was killed
// after its last rename), finishes it; otherwise rolls it back. Either way the outputs are a
// complete set, the one that stood at the kill when that was complete.
void RecoverInterruptedCommit(FileSystem& fs, const Journal& journal);

// The journals of dead runs found in `directories` (directly, or through a reference), each
// checked to be the helper's own: a regular file of the running user, not followed through a link,
// well formed, naming absolute outputs whose lock files exist. Anything else is ignored.
std::vector<Journal> FindInterruptedCommits(FileSystem& fs,
                                            const std::vector<std::string>& directories);

}  // namespace atomicgen
