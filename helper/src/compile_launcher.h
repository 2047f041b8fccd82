// `atomicgen compile --stamps <map> -- <compiler> [<arg>...]`: a compiler launcher that tells
// Ninja which source-tree outputs of generators an object read, through the per-output changed
// stamps of `atomicgen run --output-changed-stamp` (README, "compile").
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "command_line.h"
#include "depfile.h"
#include "platform.h"

namespace atomicgen {

// What `atomicgen compile` exits with when the command cannot be started, as a shell does.
constexpr int kCommandNotStarted = 127;

// The depfile a compiler command names: the last of "-MF <path>", "-MF<path>", "-Wp,-MD,<path>"
// and "-Wp,-MMD,<path>" among its arguments (not its program), or std::nullopt.
std::optional<std::string> DepfileOfCommand(const std::vector<std::string>& command);

// Output -> its stamps, both absolute and lexically normalized.
using StampMap = std::unordered_map<std::string, std::vector<std::string>>;

// Reads the map's text: one "<absolute output>\t<absolute stamp>" a line (the last line may lack
// its newline; empty lines are skipped). Throws Error(kGeneratorFailed) naming `map_path` and the
// line for anything else.
StampMap ParseStampMap(std::string_view text, const std::string& map_path);

// The stamps of the outputs in `map` that are inputs of `depfile`, each once, in the order their
// outputs first appear. Relative inputs are taken relative to `directory`; every input is
// normalized lexically (".", "..", repeated '/'), symlinks are not resolved.
std::vector<std::string> StampsOfInputs(const Depfile& depfile, const StampMap& map,
                                        const std::string& directory);

// Runs options.command and returns the exit code `atomicgen compile` exits with: the command's
// own, or 128+N when a signal N killed it. After a successful command whose depfile exists, adds
// the rule "<first target>: <stamp>..." to the depfile (a new file renamed over it) when it names
// an output of options.stamps_map. Throws Error(kCommandNotStarted) for a command that cannot be
// started and Error(kGeneratorFailed) for a map or depfile that cannot be read or written.
int RunCompile(FileSystem& fs, const Options& options);

}  // namespace atomicgen
