// --in-place: for legacy generators that write their final paths themselves (CPython's Argument
// Clinic). What this mode can and cannot promise is in helper/README.md, "In place".
#include <fmt/format.h>

#include "error.h"
#include "generator.h"
#include "journal.h"
#include "staging.h"

namespace atomicgen {

namespace {

struct Protected {
  std::string declared;
  std::string destination;
  FileInfo before;
  bool byproduct = false;  // may be missing after the run (only a --reads-tree run falling back)
};

// internal: an in-place run's journal: every output, with the copy of its bytes to put back.
Journal BackUp(FileSystem& fs, const std::vector<Protected>& outputs) {
  Journal journal{RunId(), {}, {}};
  try {
    for (const Protected& output : outputs) {
      JournalEntry entry{output.destination, fs.Status(DirectoryOf(output.destination)).device, 0,
                         0, 0};
      if (output.before.exists) {
        // A copy, not a hard link: the generator may rewrite the file in place. It keeps the old
        // mtime too, so restoring it by rename restores both.
        std::string backup = BackupPathFor(output.destination, RunId());
        MakeBackupCopy(fs, output.destination, backup, output.before);
        entry.old_inode = output.before.inode;
        entry.backup_inode = fs.LinkStatus(backup).inode;
      }
      journal.entries.push_back(entry);
    }
  } catch (...) {
    for (const JournalEntry& entry : journal.entries) {
      if (entry.backup_inode == 0) continue;
      try {
        fs.Remove(BackupPathFor(entry.target, RunId()));
      } catch (...) {
        NoteLeftBehind();
      }
    }
    throw;
  }
  return journal;
}

}  // namespace

RunReport RunInPlace(FileSystem& fs, const Options& options, const BeforeCommit& before_commit) {
  const std::string& generator = options.generator.front();
  const std::string working_directory = fs.RealDirectory(".");
  std::vector<Protected> outputs;
  std::vector<std::string> declared, destinations;
  // --byproduct is a usage error with --in-place; a --reads-tree run that falls back to this mode
  // brings its byproducts: protected like outputs (put back if the run fails), but optional.
  std::vector<std::string> files = options.outputs;
  files.insert(files.end(), options.byproducts.begin(), options.byproducts.end());
  for (std::size_t i = 0; i < files.size(); ++i) {
    const std::string& output = files[i];
    std::string spelled = NormalizePath(output, working_directory);
    MakeDirectories(fs, DirectoryOf(spelled));
    std::string destination = ResolveDestination(
        fs, JoinPath(fs.RealDirectory(DirectoryOf(spelled)), BaseNameOf(spelled)));
    outputs.push_back({output, destination, {}, i >= options.outputs.size()});
    declared.push_back(output);
    destinations.push_back(destination);
  }
  std::vector<FileLock> locks = LockOutputs(fs, destinations);

  for (Protected& output : outputs) output.before = fs.Status(output.destination);
  // From the journal's rename on, a kill is undone by the next run on these outputs.
  Journal journal = BackUp(fs, outputs);
  try {
    StartCommit(fs, journal, options.fsync);
  } catch (...) {
    RollBack(fs, journal);
    throw;
  }
  try {
    if (int signal = InterruptSignal()) {
      ThrowGeneratorFailure(generator, fmt::format("interrupted by {}", SignalName(signal)),
                            declared, 128 + signal);
    }
    // A file the journal does not protect (the --depfile, a --rewrites input of a run that fell
    // back to in place) is changed for good as the generator writes it: its stamp goes now.
    if (before_commit && (options.depfile || !options.rewrites.empty())) {
      RunReport protected_outputs;
      for (const Protected& output : outputs) {
        protected_outputs.outputs.emplace_back(output.declared, CommitResult::kUnchanged);
      }
      before_commit(protected_outputs);
    }
    SpawnRequest request;
    request.argv = options.generator;
    ExitStatus status = StartAndWait(request, declared);
    if (int signal = InterruptSignal()) {
      ThrowGeneratorFailure(generator, fmt::format("interrupted by {}", SignalName(signal)),
                            declared, 128 + signal);
    }
    if (!status.success()) {
      ThrowGeneratorFailure(generator, DescribeStatus(status), declared,
                            static_cast<int>(ExitCode::kGeneratorFailed));
    }
    for (const Protected& output : outputs) {
      FileInfo after = fs.LinkStatus(output.destination);
      if (output.byproduct && !after.exists) continue;
      if (!after.exists || !after.is_regular) {
        throw Error(ExitCode::kContract, "run", output.declared,
                    fmt::format("{} did not produce this declared output; previous outputs kept",
                                generator));
      }
    }
  } catch (...) {
    RollBack(fs, journal);
    throw;
  }

  RunReport report;
  for (const Protected& output : outputs) {
    if (output.byproduct && !fs.LinkStatus(output.destination).exists) continue;
    CommitResult result = CommitResult::kCreated;
    if (output.before.exists) {
      if (SameContent(fs, output.destination, BackupPathFor(output.destination, RunId()))) {
        // Unchanged bytes keep their previous mtime, so restat and Make see no change.
        fs.SetModificationTime(output.destination, output.before.mtime);
        result = CommitResult::kUnchanged;
      } else {
        result = CommitResult::kReplaced;
      }
    }
    if (options.fsync && result != CommitResult::kUnchanged) {
      File file = fs.OpenForReading(output.destination);
      fs.Sync(file);
      fs.Close(file);
      fs.SyncDirectory(DirectoryOf(output.destination));
    }
    (output.byproduct ? report.byproducts : report.outputs).emplace_back(output.declared, result);
  }
  try {
    // Until the journal is removed, a failure or a kill puts the backups back: the stamps of the
    // changed outputs are touched first, so no change is kept without its stamp.
    if (before_commit) before_commit(report);
    FinishCommit(fs, journal);  // the generator's outputs are now the committed ones
  } catch (...) {
    RollBack(fs, journal);
    throw;
  }
  return report;
}

}  // namespace atomicgen
