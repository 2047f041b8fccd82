#include "generator.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "error.h"
#include "isolation.h"
#include "staging.h"
#include "unified_diff.h"

namespace atomicgen {

std::string DescribeStatus(const ExitStatus& status) {
  if (status.signaled) return fmt::format("was killed by {}", SignalName(status.code));
  return fmt::format("exited with status {}", status.code);
}

void ThrowGeneratorFailure(const std::string& generator, const std::string& status,
                           const std::vector<std::string>& outputs, int exit_code) {
  std::string kept;
  for (const std::string& output : outputs) {
    if (!kept.empty()) kept += ", ";
    kept += output;
  }
  throw Error(static_cast<ExitCode>(exit_code), "run", generator,
              fmt::format("{}; previous outputs kept: {}", status, kept));
}

bool RunReport::changed() const {
  return std::any_of(outputs.begin(), outputs.end(),
                     [](const auto& output) { return output.second != CommitResult::kUnchanged; });
}

namespace {

// internal: the files the generator writes by name: the declared outputs without the --stdout
// one (which is staged differently), then the depfile, then the byproducts (last: RunStaged tells
// them by their place).
std::vector<std::string> ArgumentOutputs(const Options& options) {
  std::vector<std::string> outputs;
  for (const std::string& output : options.outputs) {
    if (!options.stdout_output || output != *options.stdout_output) outputs.push_back(output);
  }
  if (options.depfile) outputs.push_back(*options.depfile);
  outputs.insert(outputs.end(), options.byproducts.begin(), options.byproducts.end());
  return outputs;
}

// internal: `error` saying that the previous outputs were kept, unless it says so already. True of
// every error but a usage error and a destination changed behind the helper's back: CommitAll
// rolls back what it renamed before it reports.
Error WithWhatWasKept(const Error& error, const std::vector<std::string>& declared) {
  if (error.code() == ExitCode::kUsage || error.code() == ExitCode::kOutputChanged ||
      error.reason().find("kept") != std::string::npos) {
    return error;
  }
  std::string names;
  for (const std::string& name : declared) names += (names.empty() ? "" : ", ") + name;
  return {error.code(), error.operation(), error.path(),
          fmt::format("{}; previous outputs kept: {}", error.reason(), names)};
}

// internal: the interrupted helper's exit (128 + signal), after cleanup by the caller.
void ThrowIfInterrupted(const std::string& generator, const std::vector<std::string>& outputs) {
  if (int signal = InterruptSignal()) {
    ThrowGeneratorFailure(generator, fmt::format("interrupted by {}", SignalName(signal)), outputs,
                          128 + signal);
  }
}

// internal: whether two looks at a path found the same file, unchanged.
bool SameFileUnchanged(const FileInfo& before, const FileInfo& after) {
  if (before.exists != after.exists) return false;
  if (!before.exists) return true;
  return before.device == after.device && before.inode == after.inode &&
         before.size == after.size && before.mtime == after.mtime;
}

// internal: the kOutputChanged error when a destination is no longer the file it was when the run
// took its lock: something other than the helper wrote it meanwhile (a generator writing the
// final path itself, or another program). Nothing is committed then.
void ThrowIfChangedBehindTheHelper(FileSystem& fs, const std::vector<StagedOutput>& outputs,
                                   const std::vector<std::string>& destinations,
                                   const std::vector<FileInfo>& before,
                                   const std::string& generator) {
  for (std::size_t i = 0; i < outputs.size(); ++i) {
    if (SameFileUnchanged(before[i], fs.LinkStatus(destinations[i]))) continue;
    throw Error(ExitCode::kOutputChanged, "run", outputs[i].declared,
                fmt::format("changed while {} ran, not through the helper (a generator writing "
                            "this final path itself, or another program); nothing was committed, "
                            "and this file is left as that writer made it",
                            generator));
  }
}

// internal: a --stamp, --changed-stamp or --output-changed-stamp file, opened (created if
// missing) before any output is touched, so that a stamp that cannot be written fails the run
// while everything is as it was.
File OpenStamp(FileSystem& fs, const std::string& path) {
  try {
    MakeDirectories(fs, DirectoryOf(NormalizePath(path, fs.RealDirectory("."))));
    return fs.OpenOrCreate(path);
  } catch (const Error& error) {
    throw Error(error.code(), "stamp", path, error.what());
  }
}

// internal: the bytes of `path` ("" when it does not exist), for --verify's diffs.
std::string ContentOf(FileSystem& fs, const std::string& path) {
  if (!fs.Status(path).exists) return "";
  return fs.ReadWholeFile(path);
}

// internal: --verify's comparison of each staged file with its destination: the stale ones, each
// with a diff headed "a/<path>" (what is there) and "b/<path>" (what the generator writes now),
// <path> relative to the working directory when it lies below it, else absolute (then without
// the a/ and b/ prefixes, as `diff -u` names files). A missing destination diffs as empty.
std::vector<RunReport::Stale> CompareForVerify(FileSystem& fs, const std::vector<StagedFile>& files,
                                               const std::vector<std::string>& declared,
                                               const std::string& working_directory) {
  std::vector<RunReport::Stale> stale;
  for (std::size_t i = 0; i < files.size(); ++i) {
    const StagedFile& file = files[i];
    if (fs.Status(file.destination).exists && SameContent(fs, file.temporary, file.destination)) {
      continue;
    }
    const std::string path = NormalizePath(declared[i], working_directory);
    std::string relative;
    const bool below = IsWithin(path, working_directory, &relative) && !relative.empty();
    const std::string before_name = below ? "a/" + relative : path;
    const std::string after_name = below ? "b/" + relative : path;
    stale.push_back({declared[i], UnifiedDiff(ContentOf(fs, file.destination),
                                              ContentOf(fs, file.temporary), before_name,
                                              after_name)});
  }
  return stale;
}

}  // namespace

ExitStatus StartAndWait(const SpawnRequest& request, const std::vector<std::string>& outputs) {
  try {
    return RunProcess(request);
  } catch (const Error& error) {
    if (error.code() != ExitCode::kGeneratorFailed) throw;
    ThrowGeneratorFailure(request.argv.front(), error.reason(), outputs,
                          static_cast<int>(ExitCode::kGeneratorFailed));
  }
}

RunReport RunStaged(FileSystem& fs, const Options& options, const BeforeCommit& before_commit) {
  const std::string& generator = options.generator.front();
  const std::string working_directory = fs.RealDirectory(".");
  StagingPlan plan =
      PlanStaging(fs, working_directory, ArgumentOutputs(options), options.generator, RunId());

  // (staged file, destination, declared) for every output, the --stdout one last. The byproducts
  // are the last of plan.outputs, before the --stdout one: staged like outputs, but optional.
  std::vector<StagedOutput> outputs = plan.outputs;
  const std::size_t first_byproduct = plan.outputs.size() - options.byproducts.size();
  auto is_byproduct = [&](std::size_t i) {
    return i >= first_byproduct && i < plan.outputs.size();
  };
  std::string stdout_temporary;
  if (options.stdout_output) {
    std::string spelled = NormalizePath(*options.stdout_output, working_directory);
    MakeDirectories(fs, DirectoryOf(spelled));
    const std::string directory = DirectoryOf(spelled);
    std::string destination = ResolveDestination(
        fs, JoinPath(directory == working_directory ? directory : fs.RealDirectory(directory),
                     BaseNameOf(spelled)));
    stdout_temporary = TemporaryPathFor(destination, RunId());
    outputs.push_back({*options.stdout_output, destination, stdout_temporary});
  }
  std::vector<std::string> declared, destinations;
  for (const StagedOutput& output : outputs) {
    declared.push_back(output.declared);
    destinations.push_back(ResolveDestination(fs, output.destination));
  }
  // --rewrites: inputs the generator may rewrite, committed with the outputs when it did.
  std::vector<std::string> rewritten;
  for (const std::string& input : options.rewrites) {
    const std::string spelled = NormalizePath(input, working_directory);
    rewritten.push_back(ResolveDestination(
        fs, JoinPath(fs.RealDirectory(DirectoryOf(spelled)), BaseNameOf(spelled))));
  }

  std::vector<std::string> staging_parents;
  for (const StageDirectory& stage : plan.stages) staging_parents.push_back(stage.real);
  std::vector<std::string> locked = destinations;
  locked.insert(locked.end(), rewritten.begin(), rewritten.end());
  std::vector<FileLock> locks = LockOutputs(fs, locked, staging_parents);
  // What each destination is now, under its lock: only the helper may change it until the commit.
  std::vector<FileInfo> before;
  before.reserve(destinations.size());
  for (const std::string& destination : destinations) before.push_back(fs.LinkStatus(destination));

  // Isolated staging (overlays over every directory the generator is declared to write in:
  // isolation.h) where the mirror (staging.h) falls short and the kernel allows it: for a
  // generator that reads its outputs or the tree, and one given its outputs' paths absolutely (it
  // may write them into its outputs); for every run with ATOMICGEN_ISOLATION=always. Else the
  // mirror, which costs one process and a mount less (see helper/README.md). Not by the size of
  // the working directory: what a run may write beside its outputs must not depend on it.
  const bool isolate = options.read_outputs || plan.arguments_rewritten ||
                       IsolationSettingFromEnvironment() == IsolationSetting::kAlways;
  IsolationPlan isolation;
  if (isolate) {
    std::vector<std::string> overlaid;
    for (const StagedOutput& output : plan.outputs) {
      overlaid.push_back(DirectoryOf(output.destination));
    }
    for (const std::string& path : locked) overlaid.push_back(DirectoryOf(path));
    isolation = PlanIsolation(fs, overlaid, locked, RunId());
  }

  RunReport report;
  auto discard = [&]() noexcept {
    RemoveIsolation(fs, isolation);
    RemoveStaging(fs, plan);
    if (!stdout_temporary.empty()) {
      try {
        fs.Remove(stdout_temporary);
      } catch (...) {
        NoteLeftBehind();
      }
    }
  };
  try {
    ThrowIfInterrupted(generator, declared);
    // The --stdout temporary is handed to the generator as it was created, not reopened.
    File stdout_file;
    if (!stdout_temporary.empty()) stdout_file = CreateTemporaryFor(fs, stdout_temporary);
    SpawnRequest request;
    if (!stdout_temporary.empty()) {
      request.stdout_path = stdout_temporary;
      request.stdout_file = &stdout_file;
    }
    ExitStatus status;
    bool isolated = false;
    if (isolation.possible) {
      CreateIsolation(fs, isolation);
      request.argv = options.generator;
      request.directory = working_directory;
      IsolatedExit exit = RunProcessIsolated(request, isolation.layers);
      isolated = exit.isolated;
      status = exit.status;
      if (!isolated) RemoveIsolation(fs, isolation);
    }
    if (!isolated && options.reads_tree && options.verify) {
      throw Error(ExitCode::kFileSystem, "run", generator,
                  "--verify: this generator reads the tree (--reads-tree, --rewrites), so it runs "
                  "isolated or in place, and isolation was refused here (helper/README.md, "
                  "\"Isolated staging\"); in place would write the tree: nothing compared");
    }
    if (!isolated && options.reads_tree) {
      // A generator that must see the tree as it is cannot run in a mirror: in place instead.
      discard();
      locks.clear();
      return RunInPlace(fs, options, before_commit);
    }
    if (!isolated) {
      CreateStaging(fs, plan);
      if (options.read_outputs) SeedStagedOutputs(fs, plan);
      request.argv = plan.argv;
      request.directory.reset();
      if (plan.generator_directory != working_directory) {
        request.directory = plan.generator_directory;
      }
      status = StartAndWait(request, declared);
    }
    if (stdout_file.is_open()) fs.Close(stdout_file);
    ThrowIfChangedBehindTheHelper(fs, outputs, destinations, before, generator);
    ThrowIfInterrupted(generator, declared);
    if (!status.success()) {
      ThrowGeneratorFailure(generator, DescribeStatus(status), declared,
                            static_cast<int>(ExitCode::kGeneratorFailed));
    }

    // What the generator wrote: in the overlays' upper directories, or in the mirror's stage.
    // A byproduct the generator did not write (or removed) is left alone: no error, and the file
    // at its destination, if any, stays as it is.
    std::vector<bool> left_alone(outputs.size(), false);
    if (!isolated) CheckStagingForUndeclaredFiles(fs, plan, generator);
    for (std::size_t i = 0; !isolated && i < plan.outputs.size(); ++i) {
      left_alone[i] = is_byproduct(i) && !fs.LinkStatus(outputs[i].staged).exists;
    }
    if (isolated) {
      std::set<std::string> allowed(locked.begin(), locked.end());
      for (const StagedOutput& output : plan.outputs) allowed.insert(output.destination);
      CheckForUndeclaredFiles(fs, isolation, allowed, generator);
      for (std::size_t i = 0; i < plan.outputs.size(); ++i) {
        outputs[i].staged = UpperPathFor(isolation, destinations[i]);
        // A generator that reads its outputs may leave one as it is.
        const FileInfo written = fs.LinkStatus(outputs[i].staged);
        left_alone[i] = is_byproduct(i)
                            ? !written.exists || written.is_whiteout
                            : !written.exists && options.read_outputs && before[i].exists;
      }
    }
    // All or nothing: every declared output must exist, and none may embed a staging path,
    // before the first one is committed.
    for (std::size_t i = 0; i < outputs.size(); ++i) {
      const StagedOutput& output = outputs[i];
      if (left_alone[i]) continue;
      FileInfo info = fs.LinkStatus(output.staged);
      if (!info.exists || !info.is_regular) {
        throw Error(ExitCode::kContract, "run", output.declared,
                    fmt::format("{} {} this declared output{}; previous outputs kept", generator,
                                info.is_whiteout ? "removed" : "did not produce",
                                info.exists && !info.is_whiteout ? " as a regular file" : ""));
      }
      if (isolated) {
        RemoveOverlayAttributes(fs, output.staged);
        continue;
      }
      // A generator given an absolute output path (rewritten to its staged counterpart) may
      // write that path into its outputs: put the final path back, then refuse what remains.
      if (!FileContains(fs, output.staged, plan.token)) continue;
      RestoreStagedPaths(fs, plan, output.staged);
      if (FileContains(fs, output.staged, plan.token)) {
        throw Error(ExitCode::kContract, "run", output.declared,
                    fmt::format("{} wrote its staging path into this output in a form the helper "
                                "cannot turn back into the final path, so its bytes would differ "
                                "from a direct run; name the output relative to the working "
                                "directory in the command; previous outputs kept",
                                generator));
      }
    }
    std::vector<StagedFile> files;
    std::vector<std::string> committed;  // declared names, in the order of `files`
    std::vector<bool> committed_byproduct;
    for (std::size_t i = 0; i < outputs.size(); ++i) {
      if (left_alone[i] && is_byproduct(i)) continue;
      if (left_alone[i]) {
        report.outputs.emplace_back(outputs[i].declared, CommitResult::kUnchanged);
        continue;
      }
      files.push_back({outputs[i].staged, destinations[i]});
      committed.push_back(outputs[i].declared);
      committed_byproduct.push_back(is_byproduct(i));
    }
    for (std::size_t i = 0; isolated && i < rewritten.size(); ++i) {
      const std::string staged = UpperPathFor(isolation, rewritten[i]);
      const FileInfo info = fs.LinkStatus(staged);
      if (!info.exists) {
        // Not written: the input stays as it is.
        report.outputs.emplace_back(options.rewrites[i], CommitResult::kUnchanged);
        continue;
      }
      if (!info.is_regular) {
        throw Error(ExitCode::kContract, "run", options.rewrites[i],
                    fmt::format("{} {} this input it may rewrite; previous outputs kept", generator,
                                info.is_whiteout ? "removed" : "replaced"));
      }
      RemoveOverlayAttributes(fs, staged);
      files.push_back({staged, rewritten[i]});
      committed.push_back(options.rewrites[i]);
      committed_byproduct.push_back(false);
    }
    if (options.verify) {
      // Compare only: the staged files are discarded below, no stamp is touched. Not the depfile
      // and the byproducts: build-tree files of the run, not checked-in content.
      std::vector<StagedFile> compared;
      std::vector<std::string> compared_declared;
      for (std::size_t i = 0; i < files.size(); ++i) {
        if (committed_byproduct[i] || (options.depfile && committed[i] == *options.depfile)) {
          continue;
        }
        compared.push_back(files[i]);
        compared_declared.push_back(committed[i]);
      }
      report.stale = CompareForVerify(fs, compared, compared_declared, working_directory);
      discard();
      return report;
    }
    CommitOptions commit{options.fsync, {}};
    if (before_commit) {
      // Compared, nothing renamed yet: the stamps of the changes go first (Run()).
      commit.before_commit = [&](const std::vector<CommitResult>& results) {
        RunReport will_change = report;  // the outputs left alone
        for (std::size_t i = 0; i < files.size(); ++i) {
          will_change.outputs.emplace_back(committed[i], results[i]);
        }
        before_commit(will_change);
      };
    }
    std::vector<CommitResult> results = CommitAll(fs, files, commit);
    stdout_temporary.clear();  // committed or removed by CommitAll
    for (std::size_t i = 0; i < files.size(); ++i) {
      (committed_byproduct[i] ? report.byproducts : report.outputs)
          .emplace_back(committed[i], results[i]);
    }
  } catch (const Error& error) {
    discard();
    throw WithWhatWasKept(error, declared);
  } catch (...) {
    discard();
    throw;
  }
  discard();
  return report;
}

namespace {

// internal: the outputs with each file named once, however it is spelled: an --output naming the
// --stdout file is that file; two --output naming one file are a usage error.
Options WithDistinctOutputs(FileSystem& fs, const Options& given) {
  Options options = given;
  const std::string here = fs.RealDirectory(".");
  std::string stdout_path =
      options.stdout_output ? NormalizePath(*options.stdout_output, here) : std::string();
  std::vector<std::string> seen;
  options.outputs.clear();
  for (const std::string& output : given.outputs) {
    std::string normalized = NormalizePath(output, here);
    if (normalized == stdout_path) continue;
    if (options.depfile && normalized == NormalizePath(*options.depfile, here)) continue;
    if (std::find(seen.begin(), seen.end(), normalized) != seen.end()) {
      throw Error(ExitCode::kUsage, "usage", output,
                  "declared twice (in another spelling) (see atomicgen --help)");
    }
    seen.push_back(normalized);
    options.outputs.push_back(output);
  }
  if (!stdout_path.empty()) seen.push_back(stdout_path);
  if (options.depfile) seen.push_back(NormalizePath(*options.depfile, here));
  for (const std::string& byproduct : given.byproducts) {
    std::string normalized = NormalizePath(byproduct, here);
    if (std::find(seen.begin(), seen.end(), normalized) != seen.end()) {
      throw Error(ExitCode::kUsage, "usage", byproduct,
                  "declared twice, or both as an output and as a byproduct (in another "
                  "spelling) (see atomicgen --help)");
    }
    seen.push_back(normalized);
  }
  return options;
}

// internal: throws the usage error for an --output-changed-stamp whose output is none of the
// files the run commits (--output, --stdout, --depfile, --rewrites), compared as
// WithDistinctOutputs compares outputs: lexically normalized against the working directory.
void CheckOutputChangedStamps(FileSystem& fs, const Options& options) {
  if (options.output_changed_stamps.empty()) return;
  const std::string here = fs.RealDirectory(".");
  std::vector<std::string> committed = options.outputs;
  if (options.stdout_output) committed.push_back(*options.stdout_output);
  if (options.depfile) committed.push_back(*options.depfile);
  committed.insert(committed.end(), options.rewrites.begin(), options.rewrites.end());
  for (std::string& path : committed) path = NormalizePath(path, here);
  for (const Options::OutputChangedStamp& entry : options.output_changed_stamps) {
    if (std::find(committed.begin(), committed.end(), NormalizePath(entry.output, here)) ==
        committed.end()) {
      throw Error(ExitCode::kUsage, "usage", entry.output,
                  "--output-changed-stamp names no declared output (--output, --stdout, "
                  "--depfile or --rewrites) (see atomicgen --help)");
    }
  }
}

// internal: whether the run changed `output` (any spelling). An output the report does not name
// counts as changed: a stamp touched needlessly costs a recompile, one missed a stale object.
bool OutputChanged(const RunReport& report, const std::string& output, const std::string& here) {
  const std::string wanted = NormalizePath(output, here);
  for (const auto& [declared, result] : report.outputs) {
    if (NormalizePath(declared, here) == wanted) return result != CommitResult::kUnchanged;
  }
  return true;
}

// internal: `path` as a depfile spells it (Make's rules, which Ninja reads): a space or '#'
// after a backslash, '$' doubled.
std::string DepfileEscaped(const std::string& path) {
  std::string escaped;
  for (char c : path) {
    if (c == ' ' || c == '#') escaped += '\\';
    if (c == '$') escaped += '$';
    escaped += c;
  }
  return escaped;
}

// internal: --outputs-depfile: "<stamp>: <output>...", written whole under a temporary name and
// renamed into place.
void WriteOutputsDepfile(FileSystem& fs, const Options& options) {
  std::string text = DepfileEscaped(*options.depfile_target) + ":";
  for (const std::string& output : options.outputs) text += " " + DepfileEscaped(output);
  if (options.stdout_output) text += " " + DepfileEscaped(*options.stdout_output);
  text += "\n";
  const std::string& depfile = *options.outputs_depfile;
  const std::string temporary = TemporaryPathFor(depfile, RunId());
  try {
    File file = CreateTemporaryFor(fs, temporary);
    fs.Write(file, text.data(), text.size());
    fs.Close(file);
    fs.Rename(temporary, depfile);
  } catch (const Error& error) {
    try {
      fs.Remove(temporary);
    } catch (...) {
      NoteLeftBehind();
    }
    throw Error(error.code(), "depfile", depfile, error.reason());
  }
}

}  // namespace

RunReport Run(FileSystem& fs, const Options& given) {
  const Options options = WithDistinctOutputs(fs, given);
  CheckOutputChangedStamps(fs, options);
  if (options.only_if_missing) {
    bool missing = options.stdout_output && !fs.Status(*options.stdout_output).exists;
    for (const std::string& output : options.outputs) missing |= !fs.Status(output).exists;
    if (!missing) return {};
  }
  InstallInterruptHandlers();
  RunReport report;
  File stamp, changed_stamp;
  std::vector<File> output_changed_stamps;  // in the order of options.output_changed_stamps
  try {
    if (options.stamp) stamp = OpenStamp(fs, *options.stamp);
    // A changed stamp that was missing is created now, which is what it needs ("created if
    // missing"); one that exists is touched below when an output changed.
    if (options.changed_stamp) changed_stamp = OpenStamp(fs, *options.changed_stamp);
    for (const Options::OutputChangedStamp& entry : options.output_changed_stamps) {
      output_changed_stamps.push_back(OpenStamp(fs, entry.stamp));
    }
    // The change stamps are touched before the change they speak for can be committed, never
    // after: a helper killed between a commit and a later touch would leave a changed output
    // whose readers the build never recompiles (its re-run finds the bytes already there and
    // changes nothing). A stamp touched for a change then not committed costs one recompile.
    const std::string here = output_changed_stamps.empty() ? "" : fs.RealDirectory(".");
    std::vector<bool> touched(output_changed_stamps.size(), false);
    bool changed_touched = false;
    auto touch = [&](File& file, const std::string& path) {
      try {
        fs.Touch(file);
      } catch (const Error& error) {
        throw Error(error.code(), "stamp", path, error.reason());
      }
    };
    const BeforeCommit touch_stamps = [&](const RunReport& will_change) {
      if (changed_stamp.is_open() && !changed_touched && will_change.changed()) {
        touch(changed_stamp, *options.changed_stamp);
        changed_touched = true;
      }
      for (std::size_t i = 0; i < output_changed_stamps.size(); ++i) {
        const Options::OutputChangedStamp& entry = options.output_changed_stamps[i];
        if (touched[i] || !OutputChanged(will_change, entry.output, here)) continue;
        touch(output_changed_stamps[i], entry.stamp);
        touched[i] = true;
      }
    };
    report = options.in_place ? RunInPlace(fs, options, touch_stamps)
                              : RunStaged(fs, options, touch_stamps);
  } catch (const Error& error) {
    std::vector<std::string> declared = options.outputs;
    if (options.stdout_output) declared.insert(declared.begin(), *options.stdout_output);
    throw WithWhatWasKept(error, declared);
  }
  try {
    // The change stamps were touched before the commit (touch_stamps above).
    if (changed_stamp.is_open()) fs.Close(changed_stamp);
    for (File& file : output_changed_stamps) fs.Close(file);
    if (options.outputs_depfile) WriteOutputsDepfile(fs, options);
    if (stamp.is_open()) {
      fs.Touch(stamp);
      fs.Close(stamp);
    }
  } catch (const Error& error) {
    std::string committed;
    for (const auto& [output, result] : report.outputs) {
      committed +=
          fmt::format("{}{} ({})", committed.empty() ? "" : ", ", output, Describe(result));
    }
    throw Error(error.code(), error.operation(), error.path(),
                fmt::format("{}; the outputs were committed: {}", error.reason(), committed));
  }
  return report;
}

}  // namespace atomicgen
