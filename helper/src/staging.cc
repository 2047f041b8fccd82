#include "staging.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <functional>
#include <memory>
#include <set>

#include "commit.h"
#include "error.h"

namespace atomicgen {

namespace {

std::vector<std::string> SplitComponents(const std::string& path) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (start <= path.size()) {
    std::size_t slash = path.find('/', start);
    if (slash == std::string::npos) slash = path.size();
    if (slash > start) parts.push_back(path.substr(start, slash - start));
    start = slash + 1;
  }
  return parts;
}

bool HasParentReference(const std::string& path) {
  for (const std::string& part : SplitComponents(path)) {
    if (part == "..") return true;
  }
  return false;
}

// The part of an argument that may be a path: whole, after "--opt=", or after "-o".
struct PathCandidate {
  std::size_t offset;
  bool joined_short_option;
};

std::vector<PathCandidate> Candidates(const std::string& arg) {
  std::vector<PathCandidate> candidates{{0, false}};
  std::size_t equals = arg.find('=');
  if (equals != std::string::npos && equals + 1 < arg.size()) {
    candidates.push_back({equals + 1, false});
  }
  if (arg.size() > 2 && arg[0] == '-' && arg[1] != '-') candidates.push_back({2, true});
  return candidates;
}

}  // namespace

std::string NormalizePath(const std::string& path, const std::string& base) {
  std::string joined = !path.empty() && path[0] == '/' ? path : base + "/" + path;
  std::vector<std::string> parts;
  for (std::string& part : SplitComponents(joined)) {
    if (part == ".") continue;
    if (part == "..") {
      if (!parts.empty()) parts.pop_back();
      continue;
    }
    parts.push_back(std::move(part));
  }
  std::string result;
  for (const std::string& part : parts) result += "/" + part;
  return result.empty() ? "/" : result;
}

bool IsWithin(const std::string& path, const std::string& directory, std::string* relative) {
  if (path == directory) {
    relative->clear();
    return true;
  }
  std::string prefix = directory == "/" ? "/" : directory + "/";
  if (path.compare(0, prefix.size(), prefix) != 0) return false;
  *relative = path.substr(prefix.size());
  return true;
}

void MakeDirectories(FileSystem& fs, const std::string& directory) {
  if (directory.empty() || directory == "/" || fs.Status(directory).is_directory) return;
  MakeDirectories(fs, DirectoryOf(directory));
  fs.MakeDirectory(directory);
}

StagingPlan PlanStaging(FileSystem& fs, const std::string& working_directory,
                        const std::vector<std::string>& outputs,
                        const std::vector<std::string>& argv, const std::string& run_id) {
  StagingPlan plan;
  plan.working_directory = working_directory;
  plan.generator_directory = working_directory;
  plan.run_id = run_id;
  plan.token = run_id.substr(run_id.find('-') + 1);
  const std::string stage_name = fmt::format(".atomicgen-{}.stage", run_id);

  // Spelled absolute path -> staged path, for outputs and for directories that hold them.
  std::map<std::string, std::string> staged_for;
  std::map<std::string, std::size_t> stage_index;  // real directory -> index in plan.stages
  auto stage_of = [&](const std::string& real) -> StageDirectory& {
    auto [it, inserted] = stage_index.emplace(real, plan.stages.size());
    if (inserted) plan.stages.push_back({real, JoinPath(real, stage_name), {}, false});
    return plan.stages[it->second];
  };

  for (const std::string& declared : outputs) {
    std::string spelled = NormalizePath(declared, working_directory);
    const std::string directory = DirectoryOf(spelled);
    MakeDirectories(fs, directory);
    // The working directory is physical already: no realpath() for outputs directly in it.
    std::string physical =
        JoinPath(directory == working_directory ? directory : fs.RealDirectory(directory),
                 BaseNameOf(spelled));
    std::string relative;
    std::string root = IsWithin(physical, working_directory, &relative) ? working_directory
                                                                        : DirectoryOf(physical);
    if (root != working_directory) relative = BaseNameOf(physical);
    StageDirectory& stage = stage_of(root);
    stage.output_paths.push_back(relative);
    std::string staged = JoinPath(stage.stage, relative);
    plan.outputs.push_back({declared, physical, staged});

    // The output itself and each directory from its own up to the stage root, under both the
    // spelling it was given and its physical path.
    std::string spelled_level = spelled, physical_level = physical, staged_level = staged;
    for (std::size_t depth = std::count(relative.begin(), relative.end(), '/') + 1;; --depth) {
      staged_for.emplace(spelled_level, staged_level);
      staged_for.emplace(physical_level, staged_level);
      if (depth == 0) break;
      spelled_level = DirectoryOf(spelled_level);
      physical_level = DirectoryOf(physical_level);
      staged_level = DirectoryOf(staged_level);
    }
  }

  // Rewrite arguments; note which outputs below the working directory were reached by absolute
  // spelling (the others are reached relative to the generator's working directory).
  std::set<std::string> reached_absolutely;
  bool directory_named = false;
  std::vector<std::size_t> climbing;  // arguments with "../" that name an existing non-output
  plan.argv.reserve(argv.size());
  for (std::size_t i = 0; i < argv.size(); ++i) {
    std::string arg = argv[i];
    for (const PathCandidate& candidate : i == 0 ? std::vector<PathCandidate>{} : Candidates(arg)) {
      std::string tail = arg.substr(candidate.offset);
      bool absolute = !tail.empty() && tail[0] == '/';
      if (!absolute && (candidate.joined_short_option || !HasParentReference(tail))) continue;
      std::string normalized = NormalizePath(tail, working_directory);
      auto found = staged_for.find(normalized);
      if (found == staged_for.end()) {
        if (!absolute) climbing.push_back(i);
        if (!absolute) break;
        continue;
      }
      arg = arg.substr(0, candidate.offset) + found->second;
      plan.arguments_rewritten = true;
      reached_absolutely.insert(found->second);
      // A directory holding outputs (protoc's --cpp_out=DIR) may be read through the stage too,
      // so the stage must mirror it; a declared output itself (existing or not yet) needs none.
      bool names_an_output =
          std::any_of(plan.outputs.begin(), plan.outputs.end(),
                      [&](const StagedOutput& output) { return output.staged == found->second; });
      if (!names_an_output) directory_named = true;
      break;
    }
    plan.argv.push_back(std::move(arg));
  }

  bool run_in_stage = false;
  for (const StagedOutput& output : plan.outputs) {
    std::string relative;
    if (IsWithin(output.destination, working_directory, &relative) &&
        reached_absolutely.count(output.staged) == 0) {
      run_in_stage = true;
    }
  }
  for (StageDirectory& stage : plan.stages) {
    stage.mirror = directory_named || (run_in_stage && stage.real == working_directory);
  }
  if (run_in_stage) {
    plan.generator_directory = stage_of(working_directory).stage;
    // The generator runs one level deeper than the working directory: keep "../x" naming the
    // same file by passing it absolute (documented; a generator embedding it would see that).
    for (std::size_t i : climbing) {
      for (const PathCandidate& candidate : Candidates(plan.argv[i])) {
        std::string tail = plan.argv[i].substr(candidate.offset);
        if (candidate.joined_short_option || !HasParentReference(tail)) continue;
        std::string normalized = NormalizePath(tail, working_directory);
        if (!fs.Status(normalized).exists) continue;
        plan.argv[i] = plan.argv[i].substr(0, candidate.offset) + normalized;
        break;
      }
    }
  }
  return plan;
}

namespace {

// internal: makes `stage` look like `real` except along `output_paths`, which become real,
// initially empty directories (and absent files).
void Mirror(FileSystem& fs, const std::string& real, const std::string& stage,
            const std::vector<std::string>& output_paths, bool link_entries,
            const std::string& own_marker) {
  std::map<std::string, std::vector<std::string>> below;  // first component -> rest
  for (const std::string& path : output_paths) {
    std::size_t slash = path.find('/');
    if (slash == std::string::npos) {
      below[path];
    } else {
      below[path.substr(0, slash)].push_back(path.substr(slash + 1));
    }
  }
  for (const auto& [name, rest] : below) {
    if (!rest.empty()) {
      fs.MakeDirectory(JoinPath(stage, name));
      std::string real_child = JoinPath(real, name);
      Mirror(fs, real_child, JoinPath(stage, name), rest,
             link_entries && fs.Status(real_child).is_directory, own_marker);
    }
  }
  if (!link_entries) return;
  // Every entry but this run's own files: its staging directory and temporaries (named with its
  // run id) and the lock files of its outputs here.
  std::set<std::string> own_locks;
  for (const auto& [name, rest] : below) {
    if (rest.empty()) own_locks.insert(BaseNameOf(LockPathFor(name)));
  }
  for (const std::string& name : fs.ListDirectory(real)) {
    if (below.count(name) != 0 || own_locks.count(name) != 0 ||
        name.find(own_marker) != std::string::npos) {
      continue;
    }
    fs.MakeSymlink(JoinPath(real, name), JoinPath(stage, name));
  }
}

}  // namespace

void CreateStaging(FileSystem& fs, const StagingPlan& plan) {
  for (const StageDirectory& stage : plan.stages) {
    fs.MakeDirectory(stage.stage);
    Mirror(fs, stage.real, stage.stage, stage.output_paths, stage.mirror,
           ".atomicgen-" + plan.run_id);
  }
}

void SeedStagedOutputs(FileSystem& fs, const StagingPlan& plan) {
  for (const StagedOutput& output : plan.outputs) {
    const FileInfo current = fs.Status(output.destination);
    if (!current.exists) continue;
    CopyFile(fs, output.destination, output.staged, current.mode, CommitOptions{});
    fs.SetModificationTime(output.staged, current.mtime);
  }
}

namespace {

// internal: CheckStagingForUndeclaredFiles() for one directory of a stage standing in for `real`.
void CheckStagedDirectory(FileSystem& fs, const std::string& staged, const std::string& real,
                          const std::set<std::string>& outputs, const std::string& generator) {
  for (const std::string& name : fs.ListDirectory(staged)) {
    const std::string path = JoinPath(staged, name);
    const FileInfo info = fs.LinkStatus(path);
    if (outputs.count(path) != 0 || info.is_symlink) continue;
    if (info.is_directory && name == "__pycache__") continue;
    if (info.is_directory) {
      CheckStagedDirectory(fs, path, JoinPath(real, name), outputs, generator);
      continue;
    }
    throw Error(ExitCode::kContract, "run", JoinPath(real, name),
                fmt::format("{} wrote this file, which is not a declared output (declare it as "
                            "one), so nothing was committed and this file was not written",
                            generator));
  }
}

}  // namespace

void CheckStagingForUndeclaredFiles(FileSystem& fs, const StagingPlan& plan,
                                    const std::string& generator) {
  std::set<std::string> outputs;
  for (const StagedOutput& output : plan.outputs) outputs.insert(output.staged);
  for (const StageDirectory& stage : plan.stages) {
    CheckStagedDirectory(fs, stage.stage, stage.real, outputs, generator);
  }
}

void RemoveStaging(FileSystem& fs, const StagingPlan& plan) noexcept {
  for (const StageDirectory& stage : plan.stages) {
    try {
      fs.RemoveTree(stage.stage);
    } catch (...) {
      NoteLeftBehind();
      // Left for the next run's stale-leftover sweep; the error that brought us here matters more.
    }
  }
}

namespace {

// internal: `path` as generators fold it into an identifier (bison's header guard
// YY_YY_<PATH>_INCLUDED): letters and digits upper-cased, each run of anything else one '_'.
std::string IdentifierOf(const std::string& path) {
  std::string identifier;
  for (char c : path) {
    const auto byte = static_cast<unsigned char>(c);
    if (std::isalnum(byte) != 0) {
      identifier += static_cast<char>(std::toupper(byte));
    } else if (identifier.empty() || identifier.back() != '_') {
      identifier += '_';
    }
  }
  return identifier;
}

// internal: `text` with every `from` replaced by `to`.
std::string ReplaceAll(std::string text, const std::string& from, const std::string& to) {
  for (std::size_t at = text.find(from); at != std::string::npos;
       at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
  return text;
}

}  // namespace

void RestoreStagedPaths(FileSystem& fs, const StagingPlan& plan, const std::string& path) {
  std::string text;
  std::uint32_t mode = 0;
  {
    File file = fs.OpenForReading(path);
    mode = fs.Status(file).mode;
    char buffer[64 * 1024];
    while (std::size_t n = fs.Read(file, buffer, sizeof buffer)) text.append(buffer, n);
  }
  // Each staging directory back to the directory it stands in for: as written, and as folded
  // into an identifier. Longest first, so a stage below another is restored whole.
  std::vector<StageDirectory> stages = plan.stages;
  std::sort(stages.begin(), stages.end(), [](const StageDirectory& a, const StageDirectory& b) {
    return a.stage.size() > b.stage.size();
  });
  std::string restored = text;
  for (const StageDirectory& stage : stages) {
    restored = ReplaceAll(restored, stage.stage, stage.real);
    restored = ReplaceAll(restored, IdentifierOf(stage.stage), IdentifierOf(stage.real));
  }
  if (restored == text) return;
  // A file of the helper's own, with the generator's mode, renamed over the staged one.
  std::string rewritten = TemporaryPathFor(path, plan.run_id);
  try {
    File file = fs.CreateExclusive(rewritten, 0600);
    fs.Write(file, restored.data(), restored.size());
    fs.ChangeMode(file, mode);
    fs.Close(file);
    fs.Rename(rewritten, path);
  } catch (...) {
    try {
      fs.Remove(rewritten);
    } catch (...) {
      NoteLeftBehind();
    }
    throw;
  }
}

bool FileContains(FileSystem& fs, const std::string& path, const std::string& token) {
  constexpr std::size_t kChunk = std::size_t{64} * 1024;  // below malloc's mmap threshold
  File file = fs.OpenForReading(path);
  std::unique_ptr<char[]> buffer(new char[kChunk + token.size()]);
  std::boyer_moore_horspool_searcher searcher(token.begin(), token.end());
  std::size_t kept = 0;
  for (;;) {
    std::size_t n = fs.Read(file, buffer.get() + kept, kChunk);
    if (n == 0) return false;
    std::size_t filled = kept + n;
    const char* begin = buffer.get();
    const char* end = begin + filled;
    if (std::search(begin, end, searcher) != end) return true;
    kept = std::min(filled, token.size() - 1);
    std::memmove(buffer.get(), buffer.get() + filled - kept, kept);
  }
}

}  // namespace atomicgen
