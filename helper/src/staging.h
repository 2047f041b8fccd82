// Staging: where a generator that names its outputs on its command line writes them, so that
// nothing reaches a destination before the commit. See helper/README.md, "How a generator's
// output is staged".
#pragma once

#include <map>
#include <string>
#include <vector>

#include "platform.h"

namespace atomicgen {

// Lexically normalized absolute path: `path` joined to `base` when relative, with "", ".", ".."
// and repeated slashes resolved (no symlinks are followed).
std::string NormalizePath(const std::string& path, const std::string& base);

// True if `path` (normalized) is `directory` or below it; sets `relative` to the rest ("" if
// equal).
bool IsWithin(const std::string& path, const std::string& directory, std::string* relative);

// Creates `directory` and its missing parents.
void MakeDirectories(FileSystem& fs, const std::string& directory);

struct StagedOutput {
  std::string declared;     // as given on the helper's command line
  std::string destination;  // absolute, physical directory + name
  std::string staged;       // where the generator's bytes are before the commit
};

// One staging directory: `stage` stands in for the real directory `real`, which it mirrors with
// symlinks (when `mirror`) except along the paths of the outputs below it.
struct StageDirectory {
  std::string real;
  std::string stage;
  std::vector<std::string> output_paths;  // relative to `real`
  bool mirror = false;
};

struct StagingPlan {
  std::string working_directory;    // physical
  std::string generator_directory;  // where the generator runs: a stage, or the working directory
  std::vector<std::string> argv;    // the generator's arguments after rewriting
  std::vector<StagedOutput> outputs;
  std::vector<StageDirectory> stages;
  std::string run_id;                // in the name of every file of the run's own (RunId())
  std::string token;                 // unique digits in every staging path
  bool arguments_rewritten = false;  // some argument names an output (or its directory) absolutely
};

// Decides staging for `outputs` (paths relative to the working directory or absolute) and
// rewrites `argv`: an argument, `--opt=` value or `-o` value naming an output or a directory
// holding one by an absolute path (or a relative path climbing out with "..") is pointed at its
// staged counterpart. Relative names need no rewriting: the generator runs in the stage that
// mirrors the working directory. Creates missing destination directories.
StagingPlan PlanStaging(FileSystem& fs, const std::string& working_directory,
                        const std::vector<std::string>& outputs,
                        const std::vector<std::string>& argv, const std::string& run_id);

// Creates the staging directories and their mirrors.
void CreateStaging(FileSystem& fs, const StagingPlan& plan);

// Gives every staged output that exists at its destination a copy of the destination's bytes,
// mode and mtime (--read-outputs: a read-modify-write generator sees the current content).
void SeedStagedOutputs(FileSystem& fs, const StagingPlan& plan);

// Throws the kContract error naming the first file the generator wrote in a staging directory
// that is not a declared output (a file it made beside its outputs, which a direct run would have
// left in the tree). The mirror's own links are not counted; Python's __pycache__ is ignored.
void CheckStagingForUndeclaredFiles(FileSystem& fs, const StagingPlan& plan,
                                    const std::string& generator);

// Removes the staging directories (best effort: never throws).
void RemoveStaging(FileSystem& fs, const StagingPlan& plan) noexcept;

// Rewrites a staged file so that every staging directory in it reads as the directory it stands
// in for: spelled as it is, and folded into an identifier as bison folds an output's path into its
// header guard (upper case, one '_' for each run of anything but letters and digits). So a
// generator given an absolute output path writes, through the helper, the bytes of a direct run
// (`#line` directives, header guards, depfiles).
void RestoreStagedPaths(FileSystem& fs, const StagingPlan& plan, const std::string& path);

// True if the file contains `token` (the generator embedded a staging path).
bool FileContains(FileSystem& fs, const std::string& path, const std::string& token);

}  // namespace atomicgen
