// atomicgen: runs a code generator and commits its outputs atomically (helper/README.md).
#include <fmt/format.h>

#include <cstdio>
#include <cstdlib>
#include <exception>

#include "command_line.h"
#include "commit.h"
#include "compile_launcher.h"
#include "error.h"
#include "generator.h"

namespace {

int Main(int argc, char** argv) {
  using namespace atomicgen;
  Options options = ParseCommandLine(std::vector<std::string>(argv + 1, argv + argc),
                                     std::getenv("ATOMICGEN_FSYNC"));
  FileSystem& fs = RealFileSystem();
  switch (options.subcommand) {
    case Subcommand::kHelp:
      if (std::fputs(UsageText(), stdout) == EOF) return static_cast<int>(ExitCode::kFileSystem);
      return 0;
    case Subcommand::kVersion:
      fmt::print("atomicgen {}\n", ATOMICGEN_VERSION);
      return 0;
    case Subcommand::kRun: {
      RunReport report = Run(fs, options);
      if (!report.stale.empty()) {
        // --verify: every diff, then the one error line naming every stale file.
        std::string names;
        for (const RunReport::Stale& stale : report.stale) {
          if (std::fputs(stale.diff.c_str(), stdout) == EOF) {
            return static_cast<int>(ExitCode::kFileSystem);
          }
          names += (names.empty() ? "" : ", ") + stale.declared;
        }
        throw Error(ExitCode::kStale, "verify", report.stale.front().declared,
                    fmt::format("stale: {} differs from what {} generates now (diff above; "
                                "nothing was written): {}",
                                report.stale.size() == 1 ? "this file" :
                                fmt::format("{} files", report.stale.size()),
                                options.generator.front(), names));
      }
      if (options.verbose) {
        for (const auto& [output, result] : report.outputs) {
          fmt::print("atomicgen: {}: {}\n", output, Describe(result));
        }
        for (const auto& [byproduct, result] : report.byproducts) {
          fmt::print("atomicgen: {}: {} (byproduct)\n", byproduct, Describe(result));
        }
      }
      return 0;
    }
    case Subcommand::kCopyIfDifferent:
    case Subcommand::kMoveIfDifferent: {
      bool move = options.subcommand == Subcommand::kMoveIfDifferent;
      InstallInterruptHandlers();
      CommitResult result = UpdateIfDifferent(fs, options.source, options.destination, move,
                                              CommitOptions{options.fsync});
      if (options.verbose) fmt::print("atomicgen: {}: {}\n", options.destination, Describe(result));
      return 0;
    }
    case Subcommand::kCompile:
      return RunCompile(fs, options);
  }
  return 0;
}

// Runs Main and turns every exception into one error line and an exit code.
int MainReportingErrors(int argc, char** argv) {
  using atomicgen::EscapeControlCharacters;
  try {
    return Main(argc, argv);
  } catch (const atomicgen::Error& error) {
    (void)std::fflush(stdout);  // stderr must follow what was printed; nothing to do on error
    fmt::print(stderr, "atomicgen: error: {}\n", EscapeControlCharacters(error.what()));
    return static_cast<int>(error.code());
  } catch (const std::exception& error) {
    (void)std::fflush(stdout);  // stderr must follow what was printed; nothing to do on error
    fmt::print(stderr, "atomicgen: error: {}\n",
               EscapeControlCharacters(
                   fmt::format("internal({}): {}", argc > 1 ? argv[1] : "", error.what())));
    return static_cast<int>(atomicgen::ExitCode::kFileSystem);
  }
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return MainReportingErrors(argc, argv);
  } catch (...) {
    // Reporting itself failed (stderr gone, out of memory): the exit code still says it.
    return static_cast<int>(atomicgen::ExitCode::kFileSystem);
  }
}
