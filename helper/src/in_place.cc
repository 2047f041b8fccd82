// --in-place: for legacy generators that write their final paths themselves (CPython's Argument
// Clinic). What this mode can and cannot promise is in helper/README.md, "In place".
#include <fmt/format.h>

#include "error.h"
#include "generator.h"
#include "staging.h"

namespace atomicgen {

namespace {

struct Protected {
  std::string declared;
  std::string destination;
  FileInfo before;
  std::string backup;  // empty when the output did not exist
};

// internal: puts every output back as it was before the generator ran.
void Restore(FileSystem& fs, std::vector<Protected>& outputs) noexcept {
  for (Protected& output : outputs) {
    try {
      if (!output.backup.empty()) {
        fs.Rename(output.backup, output.destination);
        output.backup.clear();
      } else if (!output.before.exists) {
        fs.Remove(output.destination);
      }
    } catch (...) {
      NoteLeftBehind();
      // The backup stays; the next run on this output restores it (RemoveStaleLeftovers).
    }
  }
}

}  // namespace

RunReport RunInPlace(FileSystem& fs, const Options& options) {
  const std::string& generator = options.generator.front();
  const std::string working_directory = fs.RealDirectory(".");
  std::vector<Protected> outputs;
  std::vector<std::string> declared, destinations;
  for (const std::string& output : options.outputs) {
    std::string spelled = NormalizePath(output, working_directory);
    MakeDirectories(fs, DirectoryOf(spelled));
    std::string destination = ResolveDestination(
        fs, JoinPath(fs.RealDirectory(DirectoryOf(spelled)), BaseNameOf(spelled)));
    outputs.push_back({output, destination, {}, {}});
    declared.push_back(output);
    destinations.push_back(destination);
  }
  std::vector<FileLock> locks = LockOutputs(fs, destinations);

  try {
    for (Protected& output : outputs) {
      output.before = fs.Status(output.destination);
      if (!output.before.exists) continue;
      std::string backup = BackupPathFor(output.destination, RunId());
      // A copy, not a hard link: the generator may rewrite the file in place. It keeps the old
      // mtime too, so restoring it by rename restores both.
      MakeBackupCopy(fs, output.destination, backup, output.before);
      output.backup = backup;
    }
    if (int signal = InterruptSignal()) {
      ThrowGeneratorFailure(generator, fmt::format("interrupted by {}", SignalName(signal)),
                            declared, 128 + signal);
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
      if (!after.exists || !after.is_regular) {
        throw Error(ExitCode::kContract, "run", output.declared,
                    fmt::format("{} did not produce this declared output; previous outputs kept",
                                generator));
      }
    }
  } catch (...) {
    Restore(fs, outputs);
    throw;
  }

  RunReport report;
  for (Protected& output : outputs) {
    CommitResult result = CommitResult::kCreated;
    if (!output.backup.empty()) {
      if (SameContent(fs, output.destination, output.backup)) {
        // Unchanged bytes keep their previous mtime, so restat and Make see no change.
        fs.SetModificationTime(output.destination, output.before.mtime);
        result = CommitResult::kUnchanged;
      } else {
        result = CommitResult::kReplaced;
      }
      fs.Remove(output.backup);
    }
    if (options.fsync && result != CommitResult::kUnchanged) {
      File file = fs.OpenForReading(output.destination);
      fs.Sync(file);
      fs.Close(file);
      fs.SyncDirectory(DirectoryOf(output.destination));
    }
    report.outputs.emplace_back(output.declared, result);
  }
  return report;
}

}  // namespace atomicgen
