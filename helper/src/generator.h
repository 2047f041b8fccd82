// Running the generator and the two modes of `atomicgen run`.
#pragma once

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
  bool changed() const;
};

// Default and --stdout modes: stage, run, verify, commit all or nothing.
RunReport RunStaged(FileSystem& fs, const Options& options);

// --in-place mode (in_place.cc).
RunReport RunInPlace(FileSystem& fs, const Options& options);

// Dispatches on options.in_place, then writes the stamps.
RunReport Run(FileSystem& fs, const Options& given);

}  // namespace atomicgen
