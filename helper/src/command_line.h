// The helper's command line (helper/README.md, "Synopsis").
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace atomicgen {

enum class Subcommand { kHelp, kVersion, kRun, kCopyIfDifferent, kMoveIfDifferent, kCompile };

struct Options {
  Subcommand subcommand = Subcommand::kHelp;
  // run
  std::vector<std::string> outputs;  // --output, in order
  // --byproduct: side files (a log, a report) the generator may write besides its outputs: staged
  // and committed like outputs when written; one it does not write is no error and is left as it
  // is.
  std::vector<std::string> byproducts;
  std::optional<std::string> stdout_output;  // --stdout
  std::optional<std::string> depfile;        // --depfile: an output whose staging paths are fixed
  bool in_place = false;
  bool read_outputs = false;  // each staged --output starts as a copy of the current file
  // --reads-tree: the generator must see the tree as it is (it walks directories, imports modules
  // beside its outputs): run isolated, or in place where isolation is refused. Implies
  // read_outputs. Set by --rewrites too.
  bool reads_tree = false;
  std::vector<std::string> rewrites;  // --rewrites: inputs the generator may rewrite
  bool only_if_missing = false;       // run only when a declared output is missing
  // --verify: compare only. The generator runs staged as usual; nothing is committed and no stamp
  // is touched; each output (and --rewrites input) that differs is reported with a diff.
  bool verify = false;
  std::optional<std::string> stamp;
  std::optional<std::string> changed_stamp;
  // --output-changed-stamp <output> <stamp>: <stamp> is touched when that one output changed.
  // <output> names a declared output (or a --rewrites input) in any spelling; Run() checks it.
  struct OutputChangedStamp {
    std::string output;
    std::string stamp;
  };
  std::vector<OutputChangedStamp> output_changed_stamps;
  // --outputs-depfile: after a successful run, a depfile naming every declared output as an
  // input of --depfile-target (Ninja then re-runs the generator when one is deleted).
  std::optional<std::string> outputs_depfile;
  std::optional<std::string> depfile_target;
  std::vector<std::string> generator;  // after "--"
  // compile (compile_launcher.h)
  std::optional<std::string> stamps_map;  // --stamps: "<output>\t<stamp>" lines
  std::vector<std::string> command;       // after "--": the compiler (or another launcher)
  // copy-if-different / move-if-different
  std::string source;
  std::string destination;
  // all
  bool fsync = false;
  bool verbose = false;
};

// Parses argv (without argv[0]). Throws Error(kUsage) naming the bad argument.
// `fsync_from_environment` is the value of ATOMICGEN_FSYNC (nullptr when unset).
Options ParseCommandLine(const std::vector<std::string>& args, const char* fsync_from_environment);

// The text printed by --help.
const char* UsageText();

}  // namespace atomicgen
