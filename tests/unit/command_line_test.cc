// The helper's command line (helper/README.md, "Synopsis"): the parser directly, and the binary's
// exit codes and messages for --help, --version and usage errors.
#include "command_line.h"

#include <gtest/gtest.h>

#include <regex>
#include <string>
#include <vector>

#include "error.h"
#include "test_support.h"

namespace atomicgen_test {
namespace {

using atomicgen::Options;
using atomicgen::ParseCommandLine;
using atomicgen::Subcommand;

// The documented one-line error format.
const std::regex kErrorLine(R"(atomicgen: error: [a-z-]+\(.*\): .+\n)");

// Expects a usage error (exit code 2) whose message names `what`.
void ExpectUsageError(const std::vector<std::string>& args, const std::string& what) {
  try {
    ParseCommandLine(args, nullptr);
    ADD_FAILURE() << "no usage error for " << Join(args, " ");
  } catch (const atomicgen::Error& error) {
    EXPECT_EQ(error.code(), atomicgen::ExitCode::kUsage);
    EXPECT_EQ(std::string(error.what()).rfind("usage(" + what + "): ", 0), 0u) << error.what();
  }
}

TEST(ParseCommandLineTest, RunCollectsOutputsOptionsAndGenerator) {
  Options options =
      ParseCommandLine({"run", "--output", "a.c", "--output", "b.h", "--stamp", "s",
                        "--changed-stamp", "cs", "--verbose", "--", "gen", "--output", "x"},
                       nullptr);
  EXPECT_EQ(options.subcommand, Subcommand::kRun);
  EXPECT_EQ(options.outputs, (std::vector<std::string>{"a.c", "b.h"}));
  EXPECT_EQ(options.stamp, "s");
  EXPECT_EQ(options.changed_stamp, "cs");
  EXPECT_TRUE(options.verbose);
  EXPECT_FALSE(options.fsync);
  EXPECT_FALSE(options.in_place);
  // Everything after "--" belongs to the generator, even options the helper knows.
  EXPECT_EQ(options.generator, (std::vector<std::string>{"gen", "--output", "x"}));
}

TEST(ParseCommandLineTest, OutputChangedStampTakesAnOutputAndAStampAndRepeats) {
  Options options =
      ParseCommandLine({"run", "--output", "a.c", "--output-changed-stamp", "a.c", "a.stamp",
                        "--output-changed-stamp", "b.h", "b.stamp", "--", "gen"},
                       nullptr);
  ASSERT_EQ(options.output_changed_stamps.size(), 2u);
  EXPECT_EQ(options.output_changed_stamps[0].output, "a.c");
  EXPECT_EQ(options.output_changed_stamps[0].stamp, "a.stamp");
  EXPECT_EQ(options.output_changed_stamps[1].output, "b.h");
  EXPECT_EQ(options.output_changed_stamps[1].stamp, "b.stamp");
  ExpectUsageError({"run", "--output", "a.c", "--output-changed-stamp", "a.c", "--", "gen"},
                   "--output-changed-stamp");
  ExpectUsageError({"run", "--output", "a.c", "--output-changed-stamp", "a.c"},
                   "--output-changed-stamp");
}

TEST(ParseCommandLineTest, CompileTakesTheMapAndTheCommand) {
  Options options = ParseCommandLine(
      {"compile", "--stamps", "s.map", "--", "ccache", "gcc", "-c", "x.c"}, nullptr);
  EXPECT_EQ(options.subcommand, Subcommand::kCompile);
  EXPECT_EQ(options.stamps_map, "s.map");
  EXPECT_EQ(options.command, (std::vector<std::string>{"ccache", "gcc", "-c", "x.c"}));
  ExpectUsageError({"compile", "--", "gcc"}, "compile");
  ExpectUsageError({"compile", "--stamps", "s.map"}, "compile");
  ExpectUsageError({"compile", "--stamps", "s.map", "--output", "x", "--", "gcc"}, "--output");
}

TEST(ParseCommandLineTest, OnlyIfMissingIsAccepted) {
  EXPECT_TRUE(ParseCommandLine({"run", "--only-if-missing", "--output", "o", "--", "g"}, nullptr)
                  .only_if_missing);
  EXPECT_FALSE(ParseCommandLine({"run", "--output", "o", "--", "g"}, nullptr).only_if_missing);
}

TEST(ParseCommandLineTest, StdoutAloneIsAnOutput) {
  Options options = ParseCommandLine({"run", "--stdout", "o.txt", "--", "echo"}, nullptr);
  EXPECT_EQ(options.stdout_output, "o.txt");
  EXPECT_TRUE(options.outputs.empty());
}

TEST(ParseCommandLineTest, StdoutPathMayAlsoBeDeclaredAsOutput) {
  EXPECT_NO_THROW(
      ParseCommandLine({"run", "--stdout", "o.txt", "--output", "o.txt", "--", "echo"}, nullptr));
}

TEST(ParseCommandLineTest, FsyncFlagIsAccepted) {
  EXPECT_TRUE(ParseCommandLine({"run", "--fsync", "--output", "o", "--", "g"}, nullptr).fsync);
}

TEST(ParseCommandLineTest, FsyncEnvironmentOneEnablesFsync) {
  EXPECT_TRUE(ParseCommandLine({"run", "--output", "o", "--", "g"}, "1").fsync);
}

TEST(ParseCommandLineTest, FsyncEnvironmentZeroOrEmptyLeavesFsyncOff) {
  EXPECT_FALSE(ParseCommandLine({"run", "--output", "o", "--", "g"}, "0").fsync);
  EXPECT_FALSE(ParseCommandLine({"run", "--output", "o", "--", "g"}, "").fsync);
}

TEST(ParseCommandLineTest, CopyIfDifferentTakesSourceAndDestination) {
  Options options = ParseCommandLine({"copy-if-different", "--fsync", "s", "d"}, nullptr);
  EXPECT_EQ(options.subcommand, Subcommand::kCopyIfDifferent);
  EXPECT_EQ(options.source, "s");
  EXPECT_EQ(options.destination, "d");
  EXPECT_TRUE(options.fsync);
}

TEST(ParseCommandLineTest, MoveIfDifferentTakesSourceAndDestination) {
  Options options = ParseCommandLine({"move-if-different", "s", "d"}, nullptr);
  EXPECT_EQ(options.subcommand, Subcommand::kMoveIfDifferent);
  EXPECT_EQ(options.source, "s");
  EXPECT_EQ(options.destination, "d");
}

TEST(ParseCommandLineTest, HelpAndVersionAreRecognized) {
  EXPECT_EQ(ParseCommandLine({"--help"}, nullptr).subcommand, Subcommand::kHelp);
  EXPECT_EQ(ParseCommandLine({"--version"}, nullptr).subcommand, Subcommand::kVersion);
}

TEST(ParseCommandLineTest, UnknownOptionIsAUsageError) {
  ExpectUsageError({"run", "--bogus", "--output", "o", "--", "g"}, "--bogus");
}

TEST(ParseCommandLineTest, UnknownSubcommandIsAUsageError) {
  ExpectUsageError({"frobnicate"}, "frobnicate");
}

TEST(ParseCommandLineTest, NoArgumentsIsAUsageError) { ExpectUsageError({}, "atomicgen"); }

TEST(ParseCommandLineTest, MissingDoubleDashIsAUsageError) {
  ExpectUsageError({"run", "--output", "o"}, "run");
}

TEST(ParseCommandLineTest, GeneratorWordsBeforeDoubleDashAreAUsageError) {
  ExpectUsageError({"run", "--output", "o", "gen"}, "gen");
}

TEST(ParseCommandLineTest, EmptyGeneratorIsAUsageError) {
  ExpectUsageError({"run", "--output", "o", "--"}, "run");
}

TEST(ParseCommandLineTest, NoOutputIsAUsageError) { ExpectUsageError({"run", "--", "g"}, "run"); }

TEST(ParseCommandLineTest, OutputWithoutValueIsAUsageError) {
  ExpectUsageError({"run", "--output"}, "--output");
}

TEST(ParseCommandLineTest, StdoutWithInPlaceIsAUsageError) {
  ExpectUsageError({"run", "--in-place", "--stdout", "o", "--", "g"}, "--stdout");
}

TEST(ParseCommandLineTest, ReadOutputsWithInPlaceIsAUsageError) {
  ExpectUsageError({"run", "--in-place", "--read-outputs", "--output", "o", "--", "g"},
                   "--read-outputs");
}

// Options that only go together or never together: each pairing a usage error naming the option.
TEST(ParseCommandLineTest, OptionsThatGoTogetherOrNotAtAll) {
  ExpectUsageError({"run", "--outputs-depfile", "d", "--output", "o", "--", "g"},
                   "--outputs-depfile");
  ExpectUsageError({"run", "--depfile-target", "t", "--output", "o", "--", "g"},
                   "--depfile-target");
  ExpectUsageError({"run", "--in-place", "--reads-tree", "--output", "o", "--", "g"},
                   "--reads-tree");
  ExpectUsageError({"run", "--in-place", "--rewrites", "i", "--output", "o", "--", "g"},
                   "--rewrites");
  ExpectUsageError({"run", "--reads-tree", "--stdout", "o", "--", "g"}, "--stdout");
}

TEST(ParseCommandLineTest, DuplicateOutputIsAUsageError) {
  ExpectUsageError({"run", "--output", "o.c", "--output", "o.c", "--", "g"}, "o.c");
}

TEST(ParseCommandLineTest, ByproductsAreCollectedInOrder) {
  Options options = ParseCommandLine(
      {"run", "--output", "o.c", "--byproduct", "a.log", "--byproduct", "b.log", "--", "g"},
      nullptr);
  EXPECT_EQ(options.outputs, (std::vector<std::string>{"o.c"}));
  EXPECT_EQ(options.byproducts, (std::vector<std::string>{"a.log", "b.log"}));
}

TEST(ParseCommandLineTest, ByproductMisusesAreUsageErrors) {
  ExpectUsageError({"run", "--in-place", "--output", "o", "--byproduct", "l", "--", "g"},
                   "--byproduct");
  ExpectUsageError({"run", "--output", "o", "--byproduct", "o", "--", "g"}, "o");
  ExpectUsageError({"run", "--stdout", "s", "--byproduct", "s", "--", "g"}, "s");
  ExpectUsageError({"run", "--output", "o", "--byproduct", "l", "--byproduct", "l", "--", "g"},
                   "l");
  ExpectUsageError({"run", "--output", "o", "--byproduct"}, "--byproduct");
  // A byproduct is no output: a run needs one.
  ExpectUsageError({"run", "--byproduct", "l", "--", "g"}, "run");
}

TEST(ParseCommandLineTest, StdoutGivenTwiceIsAUsageError) {
  ExpectUsageError({"run", "--stdout", "a", "--stdout", "b", "--", "g"}, "--stdout");
}

TEST(ParseCommandLineTest, CopyIfDifferentWithOneOperandIsAUsageError) {
  ExpectUsageError({"copy-if-different", "s"}, "copy-if-different");
}

TEST(ParseCommandLineTest, RunOnlyOptionIsUnknownToCopyIfDifferent) {
  ExpectUsageError({"copy-if-different", "--output", "x", "s", "d"}, "--output");
}

// ------------------------------------------------------------------------------------------------
// Through the binary.

class CommandLineBinaryTest : public TempDirTest {
 protected:
  void ExpectUsageExit(const std::vector<std::string>& args) {
    Result result = RunHelper(args);
    EXPECT_EQ(result.exit_code, 2) << result;
    EXPECT_TRUE(std::regex_match(result.err, std::regex(R"(atomicgen: error: usage\(.*\): .+\n)")))
        << result;
    EXPECT_TRUE(std::regex_match(result.err, kErrorLine)) << result;
    EXPECT_EQ(result.out, "");
  }
};

TEST_F(CommandLineBinaryTest, HelpPrintsUsageAndExitsZero) {
  Result result = RunHelper({"--help"});
  EXPECT_EQ(result.exit_code, 0) << result;
  EXPECT_NE(result.out.find("atomicgen run"), std::string::npos) << result;
  EXPECT_EQ(result.err, "");
}

TEST_F(CommandLineBinaryTest, VersionPrintsTheVersionAndExitsZero) {
  Result result = RunHelper({"--version"});
  EXPECT_EQ(result.exit_code, 0) << result;
  EXPECT_TRUE(std::regex_match(result.out, std::regex(R"(atomicgen [0-9]+\.[0-9]+\.[0-9]+.*\n)")))
      << result;
}

TEST_F(CommandLineBinaryTest, UnknownOptionExitsTwo) {
  ExpectUsageExit({"run", "--bogus", "--output", "o", "--", "true"});
}

TEST_F(CommandLineBinaryTest, MissingDoubleDashExitsTwo) {
  ExpectUsageExit({"run", "--output", "o"});
}

TEST_F(CommandLineBinaryTest, NoOutputsExitsTwo) { ExpectUsageExit({"run", "--", "true"}); }

TEST_F(CommandLineBinaryTest, StdoutWithInPlaceExitsTwo) {
  ExpectUsageExit({"run", "--in-place", "--stdout", "o", "--", "true"});
}

TEST_F(CommandLineBinaryTest, DuplicateOutputExitsTwo) {
  ExpectUsageExit({"run", "--output", "o", "--output", "o", "--", "true"});
}

// "out.c" and "./out.c" name one file: a usage error before anything runs.
TEST_F(CommandLineBinaryTest, DuplicateOutputInAnotherSpellingExitsTwoAndChangesNothing) {
  WriteFile(Path("out.c"), "old");
  Result result = RunHelper(
      {"run", "--output", "out.c", "--output", "./out.c", "--", "sh", "-c", "echo new > out.c"});
  EXPECT_EQ(result.exit_code, 2) << result;
  EXPECT_TRUE(std::regex_match(result.err, std::regex(R"(atomicgen: error: usage\(.*\): .+\n)")))
      << result;
  EXPECT_EQ(ReadFile(Path("out.c")), "old");
}

TEST_F(CommandLineBinaryTest, NoArgumentsExitsTwo) { ExpectUsageExit({}); }

TEST_F(CommandLineBinaryTest, UsageErrorRunsNothingAndCreatesNothing) {
  Result result =
      RunHelper({"run", "--bogus", "--output", "o", "--", "sh", "-c", "echo ran > ran.txt"});
  EXPECT_EQ(result.exit_code, 2) << result;
  EXPECT_EQ(ListDirectory(root_), std::vector<std::string>{});
}

}  // namespace
}  // namespace atomicgen_test
