// Isolated staging (Linux): the generator runs where the directories of its outputs (and of the
// inputs it may rewrite) are overlays, so it sees the final paths and the tree as they are, and
// everything it writes there lands in upper directories that the helper commits from. See
// helper/README.md, "Isolated staging".
#pragma once

#include <set>
#include <string>
#include <vector>

#include "platform.h"

namespace atomicgen {

// ATOMICGEN_ISOLATION: unset or "auto" (isolate the runs that need it), "off", "always".
enum class IsolationSetting { kAuto, kOff, kAlways };
IsolationSetting IsolationSettingFromEnvironment();

struct IsolationPlan {
  bool possible = false;
  std::string why_not;  // when not possible
  std::string stage;    // this run's directory below the staging root
  std::vector<OverlayLayer> layers;
};

// Plans overlays over `directories` (physical; nested ones are covered by their ancestor) for one
// run, with its stage under $TMPDIR (or /tmp)/atomicgen-<uid>. Not possible when
// ATOMICGEN_ISOLATION=off, when the staging root is not the user's own, when it lies inside a
// layer or a layer inside it, or (not as root) when an existing file in `written` belongs to
// another user or group, which a user namespace cannot map. Sweeps the stages of dead runs.
IsolationPlan PlanIsolation(FileSystem& fs, const std::vector<std::string>& directories,
                            const std::vector<std::string>& written, const std::string& run_id);

// Creates the upper and work directories of every layer.
void CreateIsolation(FileSystem& fs, const IsolationPlan& plan);

// Removes the run's stage (best effort: never throws).
void RemoveIsolation(FileSystem& fs, const IsolationPlan& plan) noexcept;

// Where the generator's write of `path` (physical, inside a layer) is found after the run.
std::string UpperPathFor(const IsolationPlan& plan, const std::string& path);

// Throws the kContract error naming the first file the generator wrote, removed or replaced in a
// layer that is not in `allowed` (physical paths). Ignored: Python's __pycache__ directories, and
// files the overlay copied up with their bytes unchanged (opened for writing, never written).
void CheckForUndeclaredFiles(FileSystem& fs, const IsolationPlan& plan,
                             const std::set<std::string>& allowed, const std::string& generator);

// Removes the overlay's own extended attributes ("trusted.overlay.*", "user.overlay.*") from a
// file about to be committed, so that they never reach the tree.
void RemoveOverlayAttributes(FileSystem& fs, const std::string& path);

}  // namespace atomicgen
