#include "command_line.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstring>

#include "error.h"

namespace atomicgen {

const char* UsageText() {
  return R"(usage:
  atomicgen run [options] --output <path>... -- <generator> [<arg>...]
  atomicgen copy-if-different [--fsync] [--verbose] <source> <destination>
  atomicgen move-if-different [--fsync] [--verbose] <source> <destination>
  atomicgen compile --stamps <map> -- <compiler> [<arg>...]
  atomicgen --help | --version

Runs a code generator and commits its declared outputs atomically: each output is produced in a
staging location (on Linux, for the runs that need it, an overlay at the final paths, so the
generator sees the final paths and the tree as it is), compared byte for byte, and either discarded (identical: the
destination keeps its inode and mtime) or renamed over the destination. ATOMICGEN_ISOLATION=off
stages in a mirror of the working directory instead; =always isolates every run.

run options:
  --output <path>          a file the generator produces (repeatable)
  --byproduct <path>       a side file the generator may write besides its outputs (a log, a
                           report; repeatable): staged and committed like an output when it is
                           written; when it is not, that is no error and the file is left as it is
  --stdout <path>          capture the generator's standard output into <path>
  --depfile <path>         the generator also writes this depfile: committed like an output,
                           with staging paths in it turned back into the final ones
  --in-place               legacy generators that write their final paths themselves
  --read-outputs           the generator reads its outputs before rewriting them: each staged
                           output starts as the current file; one it leaves alone is unchanged
  --reads-tree             the generator walks the tree or imports modules beside its outputs:
                           it runs isolated (Linux), else in place (implies --read-outputs)
  --rewrites <path>        an input the generator may rewrite, committed with the outputs when
                           it did (repeatable; implies --reads-tree)
  --only-if-missing        do nothing unless a declared output is missing (Make's recovery
                           of deleted outputs, which Make itself cannot notice)
  --verify                 compare only: run the generator staged as usual, commit nothing,
                           touch no stamp; print a unified diff (a/ current, b/ generated) of
                           each output or --rewrites input that differs, and exit 6 if any does
                           (not with --in-place, --only-if-missing or the stamp options)
  --stamp <path>           touch <path> after every successful run, last
  --changed-stamp <path>   touch <path> when any output changed (create it if missing)
  --output-changed-stamp <output> <stamp>
                           touch <stamp> when that output (declared with --output, --stdout,
                           --depfile or --rewrites) changed (create it if missing; repeatable)
                           Both change stamps are touched before the commit point (in place:
                           before the journal's removal), so a killed run never leaves a change
                           committed without its stamp; at worst one touched for nothing
  --outputs-depfile <path> after a successful run, write a depfile naming every declared output
                           as an input of --depfile-target <name> (the build rule's output as
                           the build tool spells it), so that Ninja re-runs the generator when
                           an output it does not know is deleted
  --fsync                  fsync files and directories (also ATOMICGEN_FSYNC=1)
  --verbose                say what happened to each output

compile (a compiler launcher): runs <compiler> [<arg>...] and exits with its status (128+N
when killed by signal N, 127 when it cannot be started). After a successful compile, the
depfile it wrote (-MF <path>, -MF<path>, -Wp,-MD,<path>, -Wp,-MMD,<path>) gets one more rule
naming, as inputs of its first target, the stamp of every output in <map> it lists
(<map>: one "<absolute output>\t<absolute stamp>" a line; unreadable: exit 1).

exit codes:
  (of run, copy-if-different and move-if-different; compile exits as its compiler did)
  0 success; 1 the generator failed; 2 usage error; 3 file-system error;
  4 a declared output is missing or embeds a staging path, or the generator wrote or removed
  an undeclared file; 5 an output was changed during
  the run by another writer (nothing committed, that file left as it was written);
  6 --verify: an output is stale (differs from what the generator makes now);
  128+N interrupted by signal N. On every other failure the previous outputs are kept.
)";
}

namespace {

[[noreturn]] void Usage(const std::string& what, const std::string& reason) {
  throw Error(ExitCode::kUsage, "usage", what, reason + " (see atomicgen --help)");
}

}  // namespace

Options ParseCommandLine(const std::vector<std::string>& args, const char* fsync_from_environment) {
  Options options;
  options.fsync = fsync_from_environment != nullptr && *fsync_from_environment != '\0' &&
                  std::strcmp(fsync_from_environment, "0") != 0;
  if (args.empty()) Usage("atomicgen", "missing subcommand");
  const std::string& first = args[0];
  if (first == "--help" || first == "-h" || first == "help") {
    options.subcommand = Subcommand::kHelp;
    return options;
  }
  if (first == "--version") {
    options.subcommand = Subcommand::kVersion;
    return options;
  }
  if (first == "run") {
    options.subcommand = Subcommand::kRun;
  } else if (first == "copy-if-different") {
    options.subcommand = Subcommand::kCopyIfDifferent;
  } else if (first == "move-if-different") {
    options.subcommand = Subcommand::kMoveIfDifferent;
  } else if (first == "compile") {
    options.subcommand = Subcommand::kCompile;
  } else {
    Usage(first, "unknown subcommand");
  }

  std::vector<std::string> positional;
  std::size_t i = 1;
  auto value_of = [&](const std::string& option) -> std::string {
    if (i + 1 >= args.size() || args[i + 1].empty()) Usage(option, "expects a value");
    return args[++i];
  };
  const bool is_run = options.subcommand == Subcommand::kRun;
  const bool is_compile = options.subcommand == Subcommand::kCompile;
  for (; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg == "--") {
      if (!is_run && !is_compile) Usage(arg, "unexpected");
      std::vector<std::string>& after = is_run ? options.generator : options.command;
      after.assign(args.begin() + static_cast<std::ptrdiff_t>(i) + 1, args.end());
      break;
    }
    if (arg == "--fsync") {
      options.fsync = true;
    } else if (arg == "--verbose" || arg == "-v") {
      options.verbose = true;
    } else if (is_run && arg == "--output") {
      options.outputs.push_back(value_of(arg));
    } else if (is_run && arg == "--byproduct") {
      options.byproducts.push_back(value_of(arg));
    } else if (is_run && arg == "--stdout") {
      if (options.stdout_output) Usage(arg, "given twice");
      options.stdout_output = value_of(arg);
    } else if (is_run && arg == "--depfile") {
      if (options.depfile) Usage(arg, "given twice");
      options.depfile = value_of(arg);
    } else if (is_run && arg == "--in-place") {
      options.in_place = true;
    } else if (is_run && arg == "--read-outputs") {
      options.read_outputs = true;
    } else if (is_run && arg == "--reads-tree") {
      options.reads_tree = true;
      options.read_outputs = true;
    } else if (is_run && arg == "--rewrites") {
      options.rewrites.push_back(value_of(arg));
      options.reads_tree = true;
      options.read_outputs = true;
    } else if (is_run && arg == "--only-if-missing") {
      options.only_if_missing = true;
    } else if (is_run && arg == "--verify") {
      options.verify = true;
    } else if (is_run && arg == "--stamp") {
      options.stamp = value_of(arg);
    } else if (is_run && arg == "--changed-stamp") {
      options.changed_stamp = value_of(arg);
    } else if (is_run && arg == "--output-changed-stamp") {
      if (i + 2 >= args.size() || args[i + 1].empty() || args[i + 2].empty() ||
          args[i + 1] == "--" || args[i + 2] == "--") {
        Usage(arg, "expects <output> <stamp>");
      }
      options.output_changed_stamps.push_back({args[i + 1], args[i + 2]});
      i += 2;
    } else if (is_compile && arg == "--stamps") {
      if (options.stamps_map) Usage(arg, "given twice");
      options.stamps_map = value_of(arg);
    } else if (is_run && arg == "--outputs-depfile") {
      options.outputs_depfile = value_of(arg);
    } else if (is_run && arg == "--depfile-target") {
      options.depfile_target = value_of(arg);
    } else if (!arg.empty() && arg[0] == '-' && arg != "-") {
      Usage(arg, "unknown option");
    } else if (is_run || is_compile) {
      Usage(arg, "unexpected argument before \"--\"");
    } else {
      positional.push_back(arg);
    }
  }

  if (is_run) {
    if (options.generator.empty()) Usage("run", "missing \"-- <generator> [<arg>...]\"");
    if (options.outputs.empty() && !options.stdout_output) {
      Usage("run", "no output declared (--output or --stdout)");
    }
    if (options.outputs_depfile.has_value() != options.depfile_target.has_value()) {
      Usage(options.outputs_depfile ? "--outputs-depfile" : "--depfile-target",
            "--outputs-depfile and --depfile-target go together");
    }
    if (options.in_place && options.stdout_output) {
      Usage("--stdout", "cannot be combined with --in-place");
    }
    if (options.reads_tree && options.stdout_output) {
      Usage("--stdout",
            "cannot be combined with --reads-tree or --rewrites (which run in place "
            "where isolation is refused)");
    }
    if (options.in_place && options.reads_tree) {
      Usage(options.rewrites.empty() ? "--reads-tree" : "--rewrites",
            "cannot be combined with --in-place (which runs in the tree itself)");
    }
    if (options.in_place && options.read_outputs) {
      Usage("--read-outputs",
            "cannot be combined with --in-place (which writes the outputs "
            "themselves, so it reads them too)");
    }
    if (options.verify) {
      const char* conflicting = options.in_place          ? "--in-place"
                                : options.only_if_missing ? "--only-if-missing"
                                : options.stamp           ? "--stamp"
                                : options.changed_stamp   ? "--changed-stamp"
                                : !options.output_changed_stamps.empty() ? "--output-changed-stamp"
                                : options.outputs_depfile ? "--outputs-depfile"
                                                          : nullptr;
      if (conflicting) {
        Usage(conflicting,
              "cannot be combined with --verify (which compares only: it writes no output and "
              "touches no stamp)");
      }
    }
    if (options.in_place && !options.byproducts.empty()) {
      Usage("--byproduct",
            "cannot be combined with --in-place (whose generator writes every file itself: "
            "declare it as an --output)");
    }
    for (const std::string& byproduct : options.byproducts) {
      const bool is_output = std::find(options.outputs.begin(), options.outputs.end(), byproduct) !=
                                 options.outputs.end() ||
                             byproduct == options.stdout_output || byproduct == options.depfile;
      if (is_output) Usage(byproduct, "declared both as an output and as a byproduct");
      if (std::count(options.byproducts.begin(), options.byproducts.end(), byproduct) > 1) {
        Usage(byproduct, "declared twice");
      }
    }
    for (const std::string& output : options.outputs) {
      if (options.stdout_output && output == *options.stdout_output) continue;
      for (const std::string& other : options.outputs) {
        if (&other != &output && other == output) Usage(output, "declared twice");
      }
    }
  } else if (is_compile) {
    if (options.command.empty()) Usage("compile", "missing \"-- <compiler> [<arg>...]\"");
    if (!options.stamps_map) Usage("compile", "missing --stamps <map>");
  } else {
    if (positional.size() != 2) Usage(first, "expects <source> <destination>");
    options.source = positional[0];
    options.destination = positional[1];
  }
  return options;
}

}  // namespace atomicgen
