#include "isolation.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>

#include "commit.h"
#include "error.h"
#include "staging.h"

namespace atomicgen {

namespace {

// internal: `$TMPDIR` when it is an absolute path, else /tmp.
std::string TemporaryDirectory() {
  const char* value = std::getenv("TMPDIR");
  if (value != nullptr && value[0] == '/') return value;
  return "/tmp";
}

// internal: true if the overlay marks `path` as an opaque directory (one the generator removed
// and made again: the lower directory's entries are hidden).
bool IsOpaqueDirectory(FileSystem& fs, const std::string& path) {
  for (const std::string& name : fs.ListAttributes(path)) {
    if (name == "trusted.overlay.opaque" || name == "user.overlay.opaque") return true;
  }
  return false;
}

[[noreturn]] void ThrowUndeclared(const std::string& path, const std::string& what) {
  throw Error(ExitCode::kContract, "run", path,
              fmt::format("{} this file, which is not a declared output (declare it as one), "
                          "so nothing was committed and this file is as it was",
                          what));
}

// internal: checks one directory of a layer's upper directory, `real` being what it stands for.
void CheckUpperDirectory(FileSystem& fs, const std::string& upper, const std::string& real,
                         const std::set<std::string>& allowed, const std::string& generator) {
  for (const std::string& name : fs.ListDirectory(upper)) {
    const std::string written = JoinPath(upper, name);
    const std::string path = JoinPath(real, name);
    const FileInfo info = fs.LinkStatus(written);
    if (allowed.count(path) != 0) continue;  // an output: checked and committed by the caller
    if (info.is_directory && name == "__pycache__") continue;  // Python's bytecode cache
    if (info.is_directory) {
      const FileInfo before = fs.LinkStatus(path);
      if (before.exists && !before.is_directory) {
        ThrowUndeclared(path, fmt::format("{} replaced", generator));
      }
      if (before.exists && IsOpaqueDirectory(fs, written)) {
        ThrowUndeclared(path, fmt::format("{} removed and made again", generator));
      }
      CheckUpperDirectory(fs, written, path, allowed, generator);
      continue;
    }
    if (info.is_whiteout) ThrowUndeclared(path, fmt::format("{} removed", generator));
    const FileInfo before = fs.LinkStatus(path);
    if (info.is_regular && before.is_regular && SameContent(fs, written, path)) continue;
    ThrowUndeclared(path, fmt::format("{} {}", generator, before.exists ? "changed" : "wrote"));
  }
}

}  // namespace

IsolationSetting IsolationSettingFromEnvironment() {
  const char* value = std::getenv("ATOMICGEN_ISOLATION");
  const std::string setting = value == nullptr ? "" : value;
  if (setting == "off") return IsolationSetting::kOff;
  if (setting == "always") return IsolationSetting::kAlways;
  return IsolationSetting::kAuto;
}

IsolationPlan PlanIsolation(FileSystem& fs, const std::vector<std::string>& directories,
                            const std::vector<std::string>& written, const std::string& run_id) {
  IsolationPlan plan;
  if (IsolationSettingFromEnvironment() == IsolationSetting::kOff) {
    plan.why_not = "ATOMICGEN_ISOLATION=off";
    return plan;
  }

  // The layers: each directory not inside another one, outermost first.
  std::vector<std::string> sorted = directories;
  std::sort(sorted.begin(), sorted.end());
  std::vector<std::string> layers;
  for (const std::string& directory : sorted) {
    std::string relative;
    bool covered = std::any_of(layers.begin(), layers.end(), [&](const std::string& layer) {
      return IsWithin(directory, layer, &relative);
    });
    if (!covered) layers.push_back(directory);
  }

  // The staging root: the user's own directory, mode 0700, outside every layer.
  const std::string temporary = TemporaryDirectory();
  if (!fs.Status(temporary).is_directory) {
    plan.why_not = fmt::format("{} is not a directory", temporary);
    return plan;
  }
  const std::string root =
      JoinPath(fs.RealDirectory(temporary), fmt::format("atomicgen-{}", CurrentUserId()));
  for (const std::string& layer : layers) {
    std::string relative;
    if (IsWithin(root, layer, &relative) || IsWithin(layer, root, &relative)) {
      plan.why_not = fmt::format("the staging root {} and the layer {} overlap", root, layer);
      return plan;
    }
  }
  try {
    fs.MakeDirectory(root);
  } catch (const Error& error) {
    plan.why_not = error.what();
    return plan;
  }
  const FileInfo root_info = fs.LinkStatus(root);
  if (!root_info.is_directory || root_info.owner != CurrentUserId()) {
    plan.why_not = fmt::format("{} is not a directory of this user", root);
    return plan;
  }
  if ((root_info.mode & 077) != 0) {
    File directory = fs.OpenForReadingNoFollow(root);
    fs.ChangeMode(directory, 0700);
    fs.Close(directory);
  }

  // In a user namespace only the user's own user and group are mapped: the overlay cannot copy
  // up a file of another owner or group.
  if (CurrentUserId() != 0) {
    for (const std::string& path : written) {
      const FileInfo info = fs.LinkStatus(path);
      if (info.exists && (info.owner != CurrentUserId() || info.group != CurrentGroupId())) {
        plan.why_not = fmt::format("{} belongs to another user or group", path);
        return plan;
      }
    }
  }

  RemoveStaleLeftovers(fs, root);
  plan.possible = true;
  plan.stage = JoinPath(root, fmt::format(".atomicgen-{}.stage", run_id));
  for (std::size_t i = 0; i < layers.size(); ++i) {
    plan.layers.push_back({layers[i], JoinPath(plan.stage, fmt::format("{}.upper", i)),
                           JoinPath(plan.stage, fmt::format("{}.work", i))});
  }
  return plan;
}

void CreateIsolation(FileSystem& fs, const IsolationPlan& plan) {
  fs.MakeDirectory(plan.stage);
  for (const OverlayLayer& layer : plan.layers) {
    fs.MakeDirectory(layer.upper);
    fs.MakeDirectory(layer.work);
  }
}

void RemoveIsolation(FileSystem& fs, const IsolationPlan& plan) noexcept {
  if (plan.stage.empty()) return;
  try {
    fs.RemoveTree(plan.stage);
  } catch (...) {
    // Left for the next run's sweep of the staging root.
  }
}

std::string UpperPathFor(const IsolationPlan& plan, const std::string& path) {
  for (const OverlayLayer& layer : plan.layers) {
    std::string relative;
    if (IsWithin(path, layer.directory, &relative)) return JoinPath(layer.upper, relative);
  }
  throw Error(ExitCode::kFileSystem, "run", path, "not inside any overlay (a helper bug)");
}

void CheckForUndeclaredFiles(FileSystem& fs, const IsolationPlan& plan,
                             const std::set<std::string>& allowed, const std::string& generator) {
  for (const OverlayLayer& layer : plan.layers) {
    CheckUpperDirectory(fs, layer.upper, layer.directory, allowed, generator);
  }
}

void RemoveOverlayAttributes(FileSystem& fs, const std::string& path) {
  for (const std::string& name : fs.ListAttributes(path)) {
    if (name.rfind("trusted.overlay.", 0) == 0 || name.rfind("user.overlay.", 0) == 0) {
      fs.RemoveAttribute(path, name);
    }
  }
}

}  // namespace atomicgen
