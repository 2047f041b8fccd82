#include "compile_launcher.h"

#include <fmt/format.h>

#include <algorithm>

#include "commit.h"
#include "error.h"
#include "staging.h"

namespace atomicgen {

namespace {

bool StartsWith(const std::string& text, std::string_view prefix) {
  return text.compare(0, prefix.size(), prefix) == 0;
}

// internal: the whole file; an error names `what` ("the stamp map", "the depfile") and exits 1.
std::string ReadWholeFile(FileSystem& fs, const std::string& path, const char* what) {
  try {
    return fs.ReadWholeFile(path);
  } catch (const Error& error) {
    throw Error(ExitCode::kGeneratorFailed, "compile", path,
                fmt::format("cannot read {}: {}", what, error.reason()));
  }
}

// internal: `path` escaped for a depfile, or the error naming it.
std::string Escaped(const std::string& path, const std::string& depfile) {
  std::optional<std::string> escaped = EscapeDepfilePath(path);
  if (!escaped) {
    throw Error(ExitCode::kGeneratorFailed, "compile", depfile,
                fmt::format("cannot write \"{}\" in a depfile", path));
  }
  return *escaped;
}

// internal: `text` written under a temporary name next to `path` and renamed over it, so that
// Ninja never reads half of it.
void ReplaceDepfile(FileSystem& fs, const std::string& path, const std::string& text) {
  const std::string temporary = TemporaryPathFor(path, RunId());
  try {
    File file = CreateTemporaryFor(fs, temporary);
    fs.Write(file, text.data(), text.size());
    fs.Close(file);
    fs.Rename(temporary, path);
  } catch (const Error& error) {
    try {
      fs.Remove(temporary);
    } catch (...) {
      // Nothing more to do: the error below is what matters.
    }
    throw Error(ExitCode::kGeneratorFailed, "compile", path,
                fmt::format("cannot add the stamps to the depfile: {}", error.what()));
  }
}

// internal: the part of RunCompile after a successful command.
void AddStamps(FileSystem& fs, const std::string& depfile_path, const std::string& map_path) {
  const StampMap map = ParseStampMap(ReadWholeFile(fs, map_path, "the stamp map"), map_path);
  if (map.empty()) return;
  std::string text = ReadWholeFile(fs, depfile_path, "the depfile");
  std::optional<Depfile> depfile = ParseDepfile(text);
  // What Ninja cannot read is left for Ninja to report.
  if (!depfile || depfile->targets.empty()) return;
  const std::vector<std::string> stamps = StampsOfInputs(*depfile, map, fs.CurrentDirectory());
  if (stamps.empty()) return;
  if (!text.empty() && text.back() != '\n') text += '\n';
  text += Escaped(depfile->targets.front(), depfile_path) + ":";
  for (const std::string& stamp : stamps) text += " " + Escaped(stamp, depfile_path);
  text += '\n';
  ReplaceDepfile(fs, depfile_path, text);
}

}  // namespace

std::optional<std::string> DepfileOfCommand(const std::vector<std::string>& command) {
  std::optional<std::string> depfile;
  for (std::size_t i = 1; i < command.size(); ++i) {
    const std::string& arg = command[i];
    if (arg == "-MF") {
      if (i + 1 < command.size()) depfile = command[++i];
    } else if (StartsWith(arg, "-MF")) {
      depfile = arg.substr(3);
    } else if (StartsWith(arg, "-Wp,-MD,")) {
      depfile = arg.substr(8);
    } else if (StartsWith(arg, "-Wp,-MMD,")) {
      depfile = arg.substr(9);
    }
  }
  if (depfile && depfile->empty()) return std::nullopt;
  return depfile;
}

StampMap ParseStampMap(std::string_view text, const std::string& map_path) {
  StampMap map;
  std::size_t line_number = 0;
  while (!text.empty()) {
    ++line_number;
    const std::size_t newline = text.find('\n');
    std::string_view line = text.substr(0, newline);
    text.remove_prefix(newline == std::string_view::npos ? text.size() : newline + 1);
    if (line.empty()) continue;
    const std::size_t tab = line.find('\t');
    if (tab == std::string_view::npos || tab == 0 || tab + 1 == line.size() || line[0] != '/' ||
        line[tab + 1] != '/') {
      throw Error(ExitCode::kGeneratorFailed, "compile", map_path,
                  fmt::format("line {} of the stamp map is not \"<absolute output>\\t<absolute "
                              "stamp>\"",
                              line_number));
    }
    std::vector<std::string>& stamps = map[NormalizePath(std::string(line.substr(0, tab)), "/")];
    std::string stamp = NormalizePath(std::string(line.substr(tab + 1)), "/");
    if (std::find(stamps.begin(), stamps.end(), stamp) == stamps.end()) stamps.push_back(stamp);
  }
  return map;
}

std::vector<std::string> StampsOfInputs(const Depfile& depfile, const StampMap& map,
                                        const std::string& directory) {
  std::vector<std::string> found;
  for (const std::string& input : depfile.inputs) {
    auto entry = map.find(NormalizePath(input, directory));
    if (entry == map.end()) continue;
    for (const std::string& stamp : entry->second) {
      if (std::find(found.begin(), found.end(), stamp) == found.end()) found.push_back(stamp);
    }
  }
  return found;
}

int RunCompile(FileSystem& fs, const Options& options) {
  // SIGINT, SIGTERM and SIGHUP go on to the compiler, which the launcher then reaps.
  InstallInterruptHandlers();
  SpawnRequest request;
  request.argv = options.command;
  ExitStatus status;
  try {
    status = RunProcess(request);
  } catch (const Error& error) {
    if (error.code() != ExitCode::kGeneratorFailed) throw;  // RunProcess's "cannot be started"
    throw Error(static_cast<ExitCode>(kCommandNotStarted), "compile", options.command.front(),
                error.reason());
  }
  if (status.signaled) return 128 + status.code;
  if (status.code != 0) return status.code;
  const std::optional<std::string> depfile = DepfileOfCommand(options.command);
  if (!depfile || !fs.Status(*depfile).exists) return 0;
  AddStamps(fs, *depfile, *options.stamps_map);
  return 0;
}

}  // namespace atomicgen
