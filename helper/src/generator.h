// Running the generator and the two modes of `atomicgen run`.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "command_line.h"
#include "commit.h"
#include "platform.h"

namespace atomicgen {

// "exited with status 3" / "was killed by SIGKILL".
std::string DescribeStatus(const ExitStatus& status);

// Throws the one-line failure for a generator that did not succeed, or for an interrupted helper.
[[noreturn]] void ThrowGeneratorFailure(const std::string& generator, const std::string& status,
                                        const std::vector<std::string>& outputs, int exit_code);

// Runs the generator; one that cannot be started fails like one that exited non-zero.
ExitStatus StartAndWait(const SpawnRequest& request, const std::vector<std::string>& outputs);

struct RunReport {
  std::vector<std::pair<std::string, CommitResult>> outputs;
  // --byproduct files the generator wrote (one it did not write is not listed). Not outputs:
  // they do not count in changed().
  std::vector<std::pair<std::string, CommitResult>> byproducts;
  // --verify: each output (or --rewrites input) whose destination differs from what the generator
  // wrote, with the unified diff from the one to the other. Nothing was committed.
  struct Stale {
    std::string declared;
    std::string diff;
  };
  std::vector<Stale> stale;
  bool changed() const;
};

// Told what a run's commit will change (`will_change`; a file it does not name may change too)
// before any of it can become visible: Run() touches the --changed-stamp and the
// --output-changed-stamp stamps there. A throw fails the run with nothing committed.
using BeforeCommit = std::function<void(const RunReport& will_change)>;

// Default and --stdout modes: stage, run, verify, commit all or nothing (with --verify: compare,
// report what differs in RunReport::stale, commit nothing). `before_commit` is called
// once, when the staged files were compared with their destinations, before the first rename.
RunReport RunStaged(FileSystem& fs, const Options& options, const BeforeCommit& before_commit = {});

// --in-place mode (in_place.cc). `before_commit` is called when the outputs the generator wrote
// were compared with their backups, before the journal's removal (the commit point: until then a
// failure or a kill puts the backups back); and, when some file the journal does not protect
// (--depfile, a --rewrites input) may be written, also before the generator starts, naming every
// protected output as unchanged.
RunReport RunInPlace(FileSystem& fs, const Options& options,
                     const BeforeCommit& before_commit = {});

// Dispatches on options.in_place; touches the change stamps before the commit (BeforeCommit) and
// the --stamp after it.
RunReport Run(FileSystem& fs, const Options& given);

}  // namespace atomicgen
