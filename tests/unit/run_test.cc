// `atomicgen run` end to end: the real binary, a generator script, and a scoped temporary
// directory per test.
#include <fnmatch.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <unistd.h>

#include <regex>
#include <string>
#include <vector>

#include "test_support.h"

namespace atomicgen_test {
namespace {

class RunTest : public GeneratorRunTest {
 protected:
  // Runs the helper with isolated staging off, so that the mirror runs: what a run gets where
  // isolation is refused (no user namespaces, no overlayfs, another OS), and the only staging
  // whose path restoration these tests can see (isolation gives the generator the final paths).
  Result RunHelperInTheMirror(const std::vector<std::string>& args) {
    Invocation invocation;
    invocation.args = args;
    invocation.environment = {{"ATOMICGEN_ISOLATION", "off"}};
    return RunHelper(std::move(invocation));
  }
};

TEST_F(RunTest, IdenticalOutputKeepsDestinationInodeAndMtime) {
  WriteFile(Path("out.c"), "int x;\n");
  SetPastMtime(Path("out.c"));
  struct stat before = StatOf(Path("out.c"));

  Result result = RunHelper({"run", "--output", "out.c", "--", write_, "out.c", "int x;\n"});

  ASSERT_EQ(result.exit_code, 0) << result;
  struct stat after = StatOf(Path("out.c"));
  EXPECT_EQ(after.st_ino, before.st_ino);
  EXPECT_TRUE(SameMtime(after, before));
  EXPECT_EQ(Leftovers(), std::vector<std::string>{});
}

TEST_F(RunTest, DifferentOutputReplacesTheDestinationWithANewInode) {
  WriteFile(Path("out.c"), "old");
  struct stat before = StatOf(Path("out.c"));

  Result result = RunHelper({"run", "--output", "out.c", "--", write_, "out.c", "new"});

  ASSERT_EQ(result.exit_code, 0) << result;
  EXPECT_EQ(ReadFile(Path("out.c")), "new");
  EXPECT_NE(StatOf(Path("out.c")).st_ino, before.st_ino);
  EXPECT_EQ(Leftovers(), std::vector<std::string>{});
}

TEST_F(RunTest, MissingOutputIsCreated) {
  Result result = RunHelper({"run", "--output", "out.c", "--", write_, "out.c", "fresh"});
  ASSERT_EQ(result.exit_code, 0) << result;
  EXPECT_EQ(ReadFile(Path("out.c")), "fresh");
  EXPECT_EQ(Leftovers(), std::vector<std::string>{});
}

TEST_F(RunTest, SuccessfulRunPrintsNothing) {
  Result result = RunHelper({"run", "--output", "out.c", "--", write_, "out.c", "x"});
  ASSERT_EQ(result.exit_code, 0) << result;
  EXPECT_EQ(result.out, "");
  EXPECT_EQ(result.err, "");
}

TEST_F(RunTest, VerboseSaysWhatHappenedToEachOutput) {
  WriteFile(Path("same.c"), "s");
  WriteFile(Path("changed.c"), "old");
  std::string gen =
      Script("two.sh", "printf s > same.c; printf new > changed.c; printf n > new.c\n");
  Result result = RunHelper({"run", "--verbose", "--output", "same.c", "--output", "changed.c",
                             "--output", "new.c", "--", gen});
  ASSERT_EQ(result.exit_code, 0) << result;
  EXPECT_EQ(result.out,
            "atomicgen: same.c: unchanged\n"
            "atomicgen: changed.c: replaced\n"
            "atomicgen: new.c: created\n");
}

TEST_F(RunTest, StdoutIsCapturedIntoTheOutput) {
  Result result = RunHelper({"run", "--stdout", "out.txt", "--", "printf", "line 1\\nline 2\\n"});
  ASSERT_EQ(result.exit_code, 0) << result;
  EXPECT_EQ(ReadFile(Path("out.txt")), "line 1\nline 2\n");
  EXPECT_EQ(Leftovers(), std::vector<std::string>{});
}

TEST_F(RunTest, IdenticalStdoutKeepsDestinationInodeAndMtime) {
  WriteFile(Path("out.txt"), "hello\n");
  SetPastMtime(Path("out.txt"));
  struct stat before = StatOf(Path("out.txt"));
  Result result = RunHelper({"run", "--stdout", "out.txt", "--", "echo", "hello"});
  ASSERT_EQ(result.exit_code, 0) << result;
  struct stat after = StatOf(Path("out.txt"));
  EXPECT_EQ(after.st_ino, before.st_ino);
  EXPECT_TRUE(SameMtime(after, before));
}

TEST_F(RunTest, StdoutAndArgumentOutputsAreCommittedTogether) {
  std::string gen = Script("both.sh", "printf file > \"$1\"; printf stream\n");
  Result result = RunHelper({"run", "--stdout", "s.txt", "--output", "f.txt", "--", gen, "f.txt"});
  ASSERT_EQ(result.exit_code, 0) << result;
  EXPECT_EQ(ReadFile(Path("s.txt")), "stream");
  EXPECT_EQ(ReadFile(Path("f.txt")), "file");
}

TEST_F(RunTest, GeneratorReadsAnInputRelativeToTheWorkingDirectory) {
  WriteFile(Path("input.txt"), "from input");
  std::string gen = Script("copy.sh", "cat \"$1\" > \"$2\"\n");
  Result result = RunHelper({"run", "--output", "out.txt", "--", gen, "input.txt", "out.txt"});
  ASSERT_EQ(result.exit_code, 0) << result;
  EXPECT_EQ(ReadFile(Path("out.txt")), "from input");
}

TEST_F(RunTest, GeneratorReadsAnInputInASubdirectoryOfTheWorkingDirectory) {
  ASSERT_EQ(::mkdir(Path("src").c_str(), 0777), 0);
  WriteFile(Path("src/input.txt"), "nested");
  std::string gen = Script("copy.sh", "cat \"$1\" > \"$2\"\n");
  Result result = RunHelper({"run", "--output", "out.txt", "--", gen, "src/input.txt", "out.txt"});
  ASSERT_EQ(result.exit_code, 0) << result;
  EXPECT_EQ(ReadFile(Path("out.txt")), "nested");
}

TEST_F(RunTest, GeneratorReadsAClimbingRelativeInput) {
  ASSERT_EQ(::mkdir(Path("build").c_str(), 0777), 0);
  WriteFile(Path("x.txt"), "above the working directory");
  std::string gen = Script("copy.sh", "cat \"$1\" > \"$2\"\n");
  Result result =
      RunHelper({"run", "--output", "out.txt", "--", gen, "../x.txt", "out.txt"}, Path("build"));
  ASSERT_EQ(result.exit_code, 0) << result;
  EXPECT_EQ(ReadFile(Path("build/out.txt")), "above the working directory");
}

TEST_F(RunTest, GeneratorSeesTheRelativeOutputNameItWasGiven) {
  // The generator embeds the path it was given; a relative name is what a direct run sees.
  std::string gen = Script("embed.sh", "printf '%s' \"$1\" > \"$1\"\n");
  ASSERT_EQ(::mkdir(Path("gen").c_str(), 0777), 0);
  Result result = RunHelper({"run", "--output", "gen/o.h", "--", gen, "gen/o.h"});
  ASSERT_EQ(result.exit_code, 0) << result;
  EXPECT_EQ(ReadFile(Path("gen/o.h")), "gen/o.h");
}

TEST_F(RunTest, OutputInAMissingSubdirectoryIsCreated) {
  Result result = RunHelper({"run", "--output", "gen/deep/o.h", "--", write_, "gen/deep/o.h", "d"});
  ASSERT_EQ(result.exit_code, 0) << result;
  EXPECT_EQ(ReadFile(Path("gen/deep/o.h")), "d");
}

TEST_F(RunTest, AbsoluteOutputArgumentIsRewritten) {
  WriteFile(Path("out.c"), "old");
  Result result = RunHelper({"run", "--output", "out.c", "--", write_, Path("out.c"), "new"});
  ASSERT_EQ(result.exit_code, 0) << result;
  EXPECT_EQ(ReadFile(Path("out.c")), "new");
  EXPECT_EQ(Leftovers(), std::vector<std::string>{});
}

TEST_F(RunTest, AbsoluteOutputInAnOptionValueIsRewritten) {
  WriteFile(Path("out.c"), "old");
  std::string gen = Script("opt.sh", "printf new > \"${1#--opt=}\"\n");
  Result result =
      RunHelper({"run", "--output", Path("out.c"), "--", gen, "--opt=" + Path("out.c")});
  ASSERT_EQ(result.exit_code, 0) << result;
  EXPECT_EQ(ReadFile(Path("out.c")), "new");
}

TEST_F(RunTest, AbsoluteOutputJoinedToAShortOptionIsRewritten) {
  WriteFile(Path("out.c"), "old");
  std::string gen = Script("short.sh", "printf new > \"${1#-o}\"\n");
  Result result = RunHelper({"run", "--output", "out.c", "--", gen, "-o" + Path("out.c")});
  ASSERT_EQ(result.exit_code, 0) << result;
  EXPECT_EQ(ReadFile(Path("out.c")), "new");
}

TEST_F(RunTest, AbsoluteOutputOutsideTheWorkingDirectoryIsCommitted) {
  ASSERT_EQ(::mkdir((base_ + "/elsewhere").c_str(), 0777), 0);
  std::string out = base_ + "/elsewhere/o.c";
  WriteFile(out, "old");
  Result result = RunHelper({"run", "--output", out, "--", write_, out, "new"});
  ASSERT_EQ(result.exit_code, 0) << result;
  EXPECT_EQ(ReadFile(out), "new");
  EXPECT_EQ(HelperFilesIn(base_ + "/elsewhere"), std::vector<std::string>{});
}

TEST_F(RunTest, EmbeddedStagingPathIsTurnedBackIntoTheFinalPath) {
  WriteFile(Path("out.c"), "old");
  std::string gen = Script("embed.sh", "printf '#line 1 \"%s\"\\n' \"$1\" > \"$1\"\n");

  // The mirror, where isolation is refused: it turns the staging path back into the final one.
  Result result = RunHelperInTheMirror({"run", "--output", "out.c", "--", gen, Path("out.c")});

  ASSERT_EQ(result.exit_code, 0) << result;
  EXPECT_EQ(ReadFile(Path("out.c")), "#line 1 \"" + Path("out.c") + "\"\n");  // a direct run's
  EXPECT_EQ(Leftovers(), std::vector<std::string>{});
}

TEST_F(RunTest, EmbeddedStagingPathInAFormThatCannotBeTurnedBackFailsWithExitFour) {
  WriteFile(Path("out.c"), "old");
  SetPastMtime(Path("out.c"));
  struct stat before = StatOf(Path("out.c"));
  // The path with each '/' written "::": the staging token is in it, in no form the helper knows.
  std::string gen =
      Script("embed.sh", "printf '%s\\n' \"$(printf '%s' \"$1\" | sed 's|/|::|g')\" > \"$1\"\n");

  // The mirror, where isolation is refused (isolated staging gives the generator the final path).
  Result result = RunHelperInTheMirror({"run", "--output", "out.c", "--", gen, Path("out.c")});

  EXPECT_EQ(result.exit_code, 4) << result;
  ExpectOneErrorLine(result);
  EXPECT_NE(result.err.find("run(out.c)"), std::string::npos) << result;
  EXPECT_NE(result.err.find("relative"), std::string::npos) << result;
  EXPECT_EQ(ReadFile(Path("out.c")), "old");
  EXPECT_TRUE(SameMtime(StatOf(Path("out.c")), before));
  EXPECT_EQ(Leftovers(), std::vector<std::string>{});
}

TEST_F(RunTest, EmbeddedUpperCasedStagingPathIsDetected) {
  // A header guard made from the path: upper-cased, punctuation replaced.
  std::string gen = Script("guard.sh",
                           "printf '#ifndef %s\\n' \"$(printf '%s' \"$1\" | tr 'a-z./-' "
                           "'A-Z___')\" > \"$1\"\n");
  // The mirror, where isolation is refused (isolated staging gives the generator the final path).
  Result result = RunHelperInTheMirror({"run", "--output", "out.h", "--", gen, Path("out.h")});
  EXPECT_EQ(result.exit_code, 4) << result;
  EXPECT_FALSE(Exists(Path("out.h")));
  EXPECT_EQ(Leftovers(), std::vector<std::string>{});
}

TEST_F(RunTest, DirectoryOutputNamedRelativelyReceivesSeveralFiles) {
  std::string gen = Script("dir.sh",
                           "d=\"${1#--out_dir=}\"\n"
                           "printf A > \"$d/a.txt\"; printf B > \"$d/b.txt\"\n");
  ASSERT_EQ(::mkdir(Path("gen").c_str(), 0777), 0);
  WriteFile(Path("gen/unrelated.txt"), "keep");
  Result result = RunHelper(
      {"run", "--output", "gen/a.txt", "--output", "gen/b.txt", "--", gen, "--out_dir=gen"});
  ASSERT_EQ(result.exit_code, 0) << result;
  EXPECT_EQ(ReadFile(Path("gen/a.txt")), "A");
  EXPECT_EQ(ReadFile(Path("gen/b.txt")), "B");
  EXPECT_EQ(ReadFile(Path("gen/unrelated.txt")), "keep");
  EXPECT_EQ(HelperFilesIn(Path("gen")), std::vector<std::string>{});
}

TEST_F(RunTest, DirectoryOutputNamedAbsolutelyReceivesSeveralFiles) {
  std::string gen = Script("dir.sh",
                           "d=\"${1#--out_dir=}\"\n"
                           "printf A > \"$d/a.txt\"; printf B > \"$d/b.txt\"\n");
  Result result = RunHelper({"run", "--output", "gen/a.txt", "--output", "gen/b.txt", "--", gen,
                             "--out_dir=" + Path("gen")});
  ASSERT_EQ(result.exit_code, 0) << result;
  EXPECT_EQ(ReadFile(Path("gen/a.txt")), "A");
  EXPECT_EQ(ReadFile(Path("gen/b.txt")), "B");
}

TEST_F(RunTest, MissingDeclaredOutputCommitsNothing) {
  WriteFile(Path("a.c"), "old a");
  WriteFile(Path("b.c"), "old b");
  SetPastMtime(Path("a.c"));
  SetPastMtime(Path("b.c"));
  struct stat a_before = StatOf(Path("a.c"));
  struct stat b_before = StatOf(Path("b.c"));
  std::string gen = Script("two_of_three.sh", "printf 'new a' > a.c; printf 'new b' > b.c\n");

  Result result =
      RunHelper({"run", "--output", "a.c", "--output", "b.c", "--output", "c.c", "--", gen});

  EXPECT_EQ(result.exit_code, 4) << result;
  ExpectOneErrorLine(result);
  EXPECT_EQ(result.err.rfind("atomicgen: error: run(c.c): ", 0), 0u) << result;
  EXPECT_EQ(ReadFile(Path("a.c")), "old a");
  EXPECT_EQ(ReadFile(Path("b.c")), "old b");
  EXPECT_EQ(StatOf(Path("a.c")).st_ino, a_before.st_ino);
  EXPECT_EQ(StatOf(Path("b.c")).st_ino, b_before.st_ino);
  EXPECT_TRUE(SameMtime(StatOf(Path("a.c")), a_before));
  EXPECT_TRUE(SameMtime(StatOf(Path("b.c")), b_before));
  EXPECT_FALSE(Exists(Path("c.c")));
  EXPECT_EQ(Leftovers(), std::vector<std::string>{});
}

TEST_F(RunTest, OutputThatIsADirectoryInsteadOfAFileIsAContractError) {
  std::string gen = Script("mkdir.sh", "mkdir out.c\n");
  Result result = RunHelper({"run", "--output", "out.c", "--", gen});
  EXPECT_EQ(result.exit_code, 4) << result;
  EXPECT_FALSE(Exists(Path("out.c")));
}

TEST_F(RunTest, NonZeroExitPrintsTheDocumentedLineAndKeepsOutputs) {
  WriteFile(Path("a.h"), "old a");
  WriteFile(Path("b.c"), "old b");
  SetPastMtime(Path("a.h"));
  struct stat a_before = StatOf(Path("a.h"));
  std::string gen = Script("fail.sh", "printf partial > a.h; printf partial > b.c; exit 3\n");

  Result result = RunHelper({"run", "--output", "a.h", "--output", "b.c", "--", gen});

  EXPECT_EQ(result.exit_code, 1) << result;
  EXPECT_EQ(result.err, "atomicgen: error: run(" + gen +
                            "): exited with status 3; previous outputs kept: a.h, b.c\n");
  EXPECT_EQ(ReadFile(Path("a.h")), "old a");
  EXPECT_EQ(ReadFile(Path("b.c")), "old b");
  EXPECT_TRUE(SameMtime(StatOf(Path("a.h")), a_before));
  EXPECT_EQ(Leftovers(), std::vector<std::string>{});
}

TEST_F(RunTest, NonZeroExitCreatesNoNewOutput) {
  std::string gen = Script("fail.sh", "printf partial > new.c; exit 1\n");
  Result result = RunHelper({"run", "--output", "new.c", "--", gen});
  EXPECT_EQ(result.exit_code, 1) << result;
  EXPECT_FALSE(Exists(Path("new.c")));
  EXPECT_EQ(Leftovers(), std::vector<std::string>{});
}

TEST_F(RunTest, NonZeroExitOfAStdoutGeneratorKeepsTheOutput) {
  WriteFile(Path("out.txt"), "old\n");
  std::string gen = Script("fail.sh", "echo partial; exit 2\n");
  Result result = RunHelper({"run", "--stdout", "out.txt", "--", gen});
  EXPECT_EQ(result.exit_code, 1) << result;
  ExpectOneErrorLine(result);
  EXPECT_EQ(ReadFile(Path("out.txt")), "old\n");
  EXPECT_EQ(Leftovers(), std::vector<std::string>{});
}

TEST_F(RunTest, GeneratorKilledBySignalExitsOneAndKeepsOutputs) {
  WriteFile(Path("out.c"), "old");
  std::string gen = Script("die.sh", "printf partial > out.c; kill -9 $$\n");
  Result result = RunHelper({"run", "--output", "out.c", "--", gen});
  EXPECT_EQ(result.exit_code, 1) << result;
  ExpectOneErrorLine(result);
  EXPECT_NE(result.err.find("was killed by SIGKILL; previous outputs kept: out.c"),
            std::string::npos)
      << result;
  EXPECT_EQ(ReadFile(Path("out.c")), "old");
  EXPECT_EQ(Leftovers(), std::vector<std::string>{});
}

TEST_F(RunTest, GeneratorThatCannotBeStartedExitsOne) {
  WriteFile(Path("out.c"), "old");
  Result result =
      RunHelper({"run", "--output", "out.c", "--", base_ + "/bin/no-such-generator", "x"});
  EXPECT_EQ(result.exit_code, 1) << result;
  ExpectOneErrorLine(result);
  EXPECT_EQ(result.err.rfind("atomicgen: error: run(" + base_ + "/bin/no-such-generator): ", 0), 0u)
      << result;
  EXPECT_NE(result.err.find("previous outputs kept: out.c"), std::string::npos) << result;
  EXPECT_EQ(ReadFile(Path("out.c")), "old");
  EXPECT_EQ(Leftovers(), std::vector<std::string>{});
}

TEST_F(RunTest, GeneratorNotFoundInPathExitsOne) {
  Result result = RunHelper({"run", "--output", "out.c", "--", "atomicgen-no-such-tool-xyz"});
  EXPECT_EQ(result.exit_code, 1) << result;
  ExpectOneErrorLine(result);
  EXPECT_FALSE(Exists(Path("out.c")));
}

// The helper is interrupted by `signal` while its generator runs.
class InterruptTest : public RunTest, public ::testing::WithParamInterface<int> {};

TEST_P(InterruptTest, InterruptedHelperExitsWith128PlusSignalAndKeepsOutputs) {
  const int signal = GetParam();
  WriteFile(Path("out.c"), "old");
  SetPastMtime(Path("out.c"));
  struct stat before = StatOf(Path("out.c"));
  const std::string started = base_ + "/started";
  std::string gen = Script("slow.sh", "printf partial > out.c; : > \"$1\"; exec sleep 10\n");

  Invocation invocation;
  invocation.args = {"run", "--output", "out.c", "--", gen, started};
  Process helper = StartHelper(invocation);
  ASSERT_TRUE(WaitUntil([&] { return Exists(started); })) << "the generator never started";
  ASSERT_EQ(::kill(helper.pid(), signal), 0);
  Result result = helper.Wait(std::chrono::milliseconds(5000));

  ASSERT_FALSE(result.timed_out) << "the signal was not forwarded to the generator";
  EXPECT_EQ(result.exit_code, 128 + signal) << result;
  ExpectOneErrorLine(result);
  EXPECT_NE(result.err.find("previous outputs kept: out.c"), std::string::npos) << result;
  EXPECT_EQ(ReadFile(Path("out.c")), "old");
  EXPECT_EQ(StatOf(Path("out.c")).st_ino, before.st_ino);
  EXPECT_TRUE(SameMtime(StatOf(Path("out.c")), before));
  EXPECT_EQ(Leftovers(), std::vector<std::string>{});
}

INSTANTIATE_TEST_SUITE_P(Signals, InterruptTest, ::testing::Values(SIGTERM, SIGINT, SIGHUP),
                         [](const ::testing::TestParamInfo<int>& info) {
                           return info.param == SIGTERM  ? std::string("SIGTERM")
                                  : info.param == SIGINT ? std::string("SIGINT")
                                                         : std::string("SIGHUP");
                         });

TEST_F(RunTest, InterruptedStdoutRunLeavesNoTemporaryAndKeepsTheOutput) {
  WriteFile(Path("out.txt"), "old\n");
  const std::string started = base_ + "/started";
  std::string gen = Script("slow.sh", "echo partial; : > \"$1\"; exec sleep 10\n");
  Invocation invocation;
  invocation.args = {"run", "--stdout", "out.txt", "--", gen, started};
  Process helper = StartHelper(invocation);
  ASSERT_TRUE(WaitUntil([&] { return Exists(started); }));
  ASSERT_EQ(::kill(helper.pid(), SIGTERM), 0);
  Result result = helper.Wait(std::chrono::milliseconds(5000));
  ASSERT_FALSE(result.timed_out);
  EXPECT_EQ(result.exit_code, 143) << result;
  EXPECT_EQ(ReadFile(Path("out.txt")), "old\n");
  EXPECT_EQ(Leftovers(), std::vector<std::string>{});
}

TEST_F(RunTest, OnlyIfMissingDoesNothingWhenEveryOutputExists) {
  WriteFile(Path("out.c"), "old");
  SetPastMtime(Path("out.c"));
  struct stat before = StatOf(Path("out.c"));
  const std::string ran = base_ + "/ran";
  std::string gen = Script("gen.sh", ": > \"$1\"; printf new > out.c\n");
  Result result = RunHelper({"run", "--only-if-missing", "--output", "out.c", "--", gen, ran});
  ASSERT_EQ(result.exit_code, 0) << result;
  EXPECT_FALSE(Exists(ran));
  EXPECT_EQ(ReadFile(Path("out.c")), "old");
  EXPECT_TRUE(SameMtime(StatOf(Path("out.c")), before));
}

TEST_F(RunTest, OnlyIfMissingRunsWhenADeclaredOutputIsMissing) {
  WriteFile(Path("a.c"), "old a");
  std::string gen = Script("gen.sh", "printf 'new a' > a.c; printf 'new b' > b.c\n");
  Result result =
      RunHelper({"run", "--only-if-missing", "--output", "a.c", "--output", "b.c", "--", gen});
  ASSERT_EQ(result.exit_code, 0) << result;
  EXPECT_EQ(ReadFile(Path("a.c")), "new a");
  EXPECT_EQ(ReadFile(Path("b.c")), "new b");
}

TEST_F(RunTest, OnlyIfMissingRunsWhenTheStdoutOutputIsMissing) {
  Result result = RunHelper({"run", "--only-if-missing", "--stdout", "out.txt", "--", "echo", "x"});
  ASSERT_EQ(result.exit_code, 0) << result;
  EXPECT_EQ(ReadFile(Path("out.txt")), "x\n");
}

TEST_F(RunTest, DepfileIsCommittedWithStagingPathsTurnedIntoFinalPaths) {
  // The generator gets rewritten (staged) absolute paths and writes one of them into its depfile.
  std::string gen = Script("dep.sh", "printf x > \"$1\"; printf '%s: in.txt\\n' \"$1\" > \"$2\"\n");
  // The mirror, where isolation is refused (isolated staging gives the generator the final paths).
  Result result = RunHelperInTheMirror({"run", "--output", Path("out.h"), "--depfile",
                                        Path("out.d"), "--", gen, Path("out.h"), Path("out.d")});
  ASSERT_EQ(result.exit_code, 0) << result;
  EXPECT_EQ(ReadFile(Path("out.h")), "x");
  EXPECT_EQ(ReadFile(Path("out.d")), Path("out.h") + ": in.txt\n");
  EXPECT_EQ(Leftovers(), std::vector<std::string>{});
}

TEST_F(RunTest, AMissingDepfileIsAMissingDeclaredOutput) {
  Result result =
      RunHelper({"run", "--output", "out.h", "--depfile", "out.d", "--", write_, "out.h", "x"});
  EXPECT_EQ(result.exit_code, 4) << result;
  EXPECT_FALSE(Exists(Path("out.h")));
}

TEST_F(RunTest, StdoutPathAlsoDeclaredAsOutputIsCaptured) {
  Result result =
      RunHelper({"run", "--stdout", "out.txt", "--output", "out.txt", "--", "echo", "captured"});
  ASSERT_EQ(result.exit_code, 0) << result;
  EXPECT_EQ(ReadFile(Path("out.txt")), "captured\n");
  EXPECT_EQ(Leftovers(), std::vector<std::string>{});
}

// "./s.txt" is the --stdout file in another spelling, not a second output.
TEST_F(RunTest, StdoutPathAlsoDeclaredAsOutputInAnotherSpellingIsCaptured) {
  WriteFile(Path("s.txt"), "old\n");
  Result result =
      RunHelper({"run", "--stdout", "s.txt", "--output", "./s.txt", "--", "echo", "captured"});
  ASSERT_EQ(result.exit_code, 0) << result;
  EXPECT_EQ(ReadFile(Path("s.txt")), "captured\n");
  EXPECT_EQ(Leftovers(), std::vector<std::string>{});
}

TEST_F(RunTest, RelativeOutputAboveTheWorkingDirectoryIsCommitted) {
  ASSERT_EQ(::mkdir(Path("build").c_str(), 0777), 0);
  WriteFile(Path("up.c"), "old");
  Result result =
      RunHelper({"run", "--output", "../up.c", "--", write_, "../up.c", "new"}, Path("build"));
  ASSERT_EQ(result.exit_code, 0) << result;
  EXPECT_EQ(ReadFile(Path("up.c")), "new");
  EXPECT_EQ(Leftovers(), std::vector<std::string>{});
  EXPECT_EQ(HelperFilesIn(Path("build")), std::vector<std::string>{});
}

TEST_F(RunTest, EmptyOutputReplacesANonEmptyDestination) {
  WriteFile(Path("out.c"), "old");
  Result result = RunHelper({"run", "--output", "out.c", "--", write_, "out.c", ""});
  ASSERT_EQ(result.exit_code, 0) << result;
  EXPECT_EQ(ReadFile(Path("out.c")), "");
}

TEST_F(RunTest, EmptyOutputLeavesAnEmptyDestinationUntouched) {
  WriteFile(Path("out.c"), "");
  SetPastMtime(Path("out.c"));
  struct stat before = StatOf(Path("out.c"));
  Result result = RunHelper({"run", "--output", "out.c", "--", write_, "out.c", ""});
  ASSERT_EQ(result.exit_code, 0) << result;
  EXPECT_EQ(StatOf(Path("out.c")).st_ino, before.st_ino);
  EXPECT_TRUE(SameMtime(StatOf(Path("out.c")), before));
}

TEST_F(RunTest, SuccessfulRunLeavesNoLockTemporaryOrStage) {
  std::string gen = Script("both.sh", "printf x > \"$1\"; echo y\n");
  Result result = RunHelper({"run", "--stdout", "s.txt", "--output", "f.txt", "--", gen, "f.txt"});
  ASSERT_EQ(result.exit_code, 0) << result;
  EXPECT_EQ(ListDirectory(root_), (std::vector<std::string>{"f.txt", "s.txt"}));
}

TEST_F(RunTest, FsyncOptionCommitsNormally) {
  WriteFile(Path("out.c"), "old");
  Result result = RunHelper(
      {"run", "--fsync", "--output", "out.c", "--stdout", "s.txt", "--", write_, "out.c", "new"});
  ASSERT_EQ(result.exit_code, 0) << result;
  EXPECT_EQ(ReadFile(Path("out.c")), "new");
  EXPECT_EQ(ReadFile(Path("s.txt")), "");
}

TEST_F(RunTest, FsyncEnvironmentVariableIsAccepted) {
  Invocation invocation;
  invocation.args = {"run", "--output", "out.c", "--", write_, "out.c", "new"};
  invocation.environment = {{"ATOMICGEN_FSYNC", "1"}};
  Result result = RunHelper(invocation);
  ASSERT_EQ(result.exit_code, 0) << result;
  EXPECT_EQ(ReadFile(Path("out.c")), "new");
}

TEST_F(RunTest, StampIsTouchedEvenWhenNothingChanged) {
  WriteFile(Path("out.c"), "same");
  WriteFile(Path("run.stamp"), "");
  SetPastMtime(Path("run.stamp"));
  struct stat before = StatOf(Path("run.stamp"));
  Result result = RunHelper(
      {"run", "--stamp", "run.stamp", "--output", "out.c", "--", write_, "out.c", "same"});
  ASSERT_EQ(result.exit_code, 0) << result;
  EXPECT_FALSE(SameMtime(StatOf(Path("run.stamp")), before));
}

TEST_F(RunTest, StampIsCreatedIfMissing) {
  Result result = RunHelper(
      {"run", "--stamp", "stamps/run.stamp", "--output", "out.c", "--", write_, "out.c", "x"});
  ASSERT_EQ(result.exit_code, 0) << result;
  EXPECT_TRUE(Exists(Path("stamps/run.stamp")));
}

TEST_F(RunTest, StampIsNotTouchedWhenTheGeneratorFails) {
  WriteFile(Path("run.stamp"), "");
  SetPastMtime(Path("run.stamp"));
  struct stat before = StatOf(Path("run.stamp"));
  Result result = RunHelper({"run", "--stamp", "run.stamp", "--output", "out.c", "--", "false"});
  EXPECT_EQ(result.exit_code, 1) << result;
  EXPECT_TRUE(SameMtime(StatOf(Path("run.stamp")), before));
}

TEST_F(RunTest, ChangedStampIsNotTouchedWhenNothingChanged) {
  WriteFile(Path("out.c"), "same");
  WriteFile(Path("changed.stamp"), "");
  SetPastMtime(Path("changed.stamp"));
  struct stat before = StatOf(Path("changed.stamp"));
  Result result = RunHelper({"run", "--changed-stamp", "changed.stamp", "--output", "out.c", "--",
                             write_, "out.c", "same"});
  ASSERT_EQ(result.exit_code, 0) << result;
  EXPECT_TRUE(SameMtime(StatOf(Path("changed.stamp")), before));
}

TEST_F(RunTest, ChangedStampIsTouchedWhenAnOutputChanged) {
  WriteFile(Path("out.c"), "old");
  WriteFile(Path("changed.stamp"), "");
  SetPastMtime(Path("changed.stamp"));
  struct stat before = StatOf(Path("changed.stamp"));
  Result result = RunHelper({"run", "--changed-stamp", "changed.stamp", "--output", "out.c", "--",
                             write_, "out.c", "new"});
  ASSERT_EQ(result.exit_code, 0) << result;
  EXPECT_FALSE(SameMtime(StatOf(Path("changed.stamp")), before));
}

TEST_F(RunTest, ChangedStampIsCreatedIfMissingEvenWhenNothingChanged) {
  WriteFile(Path("out.c"), "same");
  Result result = RunHelper({"run", "--changed-stamp", "changed.stamp", "--output", "out.c", "--",
                             write_, "out.c", "same"});
  ASSERT_EQ(result.exit_code, 0) << result;
  EXPECT_TRUE(Exists(Path("changed.stamp")));
}

// --output-changed-stamp: one stamp per output, touched when that output changed.

// Two outputs, one rewritten with the same bytes and one changed, through every staging of a
// staged run (the mirror, isolation, the --stdout capture) and --in-place.
TEST_F(RunTest, OutputChangedStampIsTouchedOnlyForTheOutputThatChanged) {
  struct Mode {
    const char* name;
    std::vector<std::string> options;
    const char* isolation;
  };
  const std::string both = Script("both.sh", "printf same > same.c; printf new > changed.c\n");
  const std::string half = Script("half.sh", "printf same > same.c; printf new\n");
  for (const Mode& mode : {Mode{"mirror", {"--output", "changed.c"}, "off"},
                           Mode{"isolated", {"--output", "changed.c"}, "always"},
                           Mode{"stdout", {"--stdout", "changed.c"}, "off"},
                           Mode{"in-place", {"--in-place", "--output", "changed.c"}, "off"}}) {
    SCOPED_TRACE(mode.name);
    WriteFile(Path("same.c"), "same");
    WriteFile(Path("changed.c"), "old");
    for (const char* stamp : {"same.stamp", "changed.stamp"}) {
      WriteFile(Path(stamp), "");
      SetPastMtime(Path(stamp));
    }
    const struct stat same_before = StatOf(Path("same.stamp"));
    const struct stat changed_before = StatOf(Path("changed.stamp"));
    Invocation invocation;
    invocation.args = {"run",
                       "--output",
                       "same.c",
                       "--output-changed-stamp",
                       "same.c",
                       "same.stamp",
                       "--output-changed-stamp",
                       "./changed.c",
                       "changed.stamp"};
    invocation.args.insert(invocation.args.end(), mode.options.begin(), mode.options.end());
    invocation.args.insert(invocation.args.end(),
                           {"--", std::string(mode.options[0] == "--stdout" ? half : both)});
    invocation.environment = {{"ATOMICGEN_ISOLATION", mode.isolation}};
    Result result = RunHelper(std::move(invocation));
    ASSERT_EQ(result.exit_code, 0) << result;
    ASSERT_EQ(ReadFile(Path("changed.c")), "new");
    EXPECT_TRUE(SameMtime(StatOf(Path("same.stamp")), same_before));
    EXPECT_GT(StatOf(Path("changed.stamp")).st_mtime, changed_before.st_mtime);
  }
}

TEST_F(RunTest, OutputChangedStampOfACreatedOutputIsTouched) {
  WriteFile(Path("out.stamp"), "");
  SetPastMtime(Path("out.stamp"));
  struct stat before = StatOf(Path("out.stamp"));
  Result result = RunHelper({"run", "--output", "out.c", "--output-changed-stamp", "out.c",
                             "out.stamp", "--", write_, "out.c", "x"});
  ASSERT_EQ(result.exit_code, 0) << result;
  EXPECT_FALSE(SameMtime(StatOf(Path("out.stamp")), before));
}

TEST_F(RunTest, OutputChangedStampIsCreatedIfMissingEvenWhenNothingChanged) {
  WriteFile(Path("out.c"), "same");
  Result result = RunHelper({"run", "--output", "out.c", "--output-changed-stamp", "out.c",
                             "stamps/out.stamp", "--", write_, "out.c", "same"});
  ASSERT_EQ(result.exit_code, 0) << result;
  EXPECT_TRUE(Exists(Path("stamps/out.stamp")));
}

TEST_F(RunTest, OutputChangedStampNamingAnUndeclaredOutputIsAUsageError) {
  WriteFile(Path("out.c"), "old");
  Result result = RunHelper({"run", "--output", "out.c", "--output-changed-stamp", "other.c",
                             "other.stamp", "--", write_, "out.c", "new"});
  EXPECT_EQ(result.exit_code, 2) << result;
  ExpectOneErrorLine(result);
  EXPECT_NE(result.err.find("usage(other.c): --output-changed-stamp"), std::string::npos) << result;
  EXPECT_EQ(ReadFile(Path("out.c")), "old");  // nothing ran
  EXPECT_FALSE(Exists(Path("other.stamp")));
}

TEST_F(RunTest, OutputChangedStampIsNotTouchedWhenTheGeneratorFails) {
  WriteFile(Path("out.stamp"), "");
  SetPastMtime(Path("out.stamp"));
  struct stat before = StatOf(Path("out.stamp"));
  Result result = RunHelper(
      {"run", "--output", "out.c", "--output-changed-stamp", "out.c", "out.stamp", "--", "false"});
  EXPECT_EQ(result.exit_code, 1) << result;
  EXPECT_TRUE(SameMtime(StatOf(Path("out.stamp")), before));
}

TEST_F(RunTest, ReplacedOutputKeepsItsPreviousMode) {
  WriteFile(Path("out.c"), "old");
  ASSERT_EQ(::chmod(Path("out.c").c_str(), 0640), 0);
  Result result = RunHelper({"run", "--output", "out.c", "--", write_, "out.c", "new"});
  ASSERT_EQ(result.exit_code, 0) << result;
  EXPECT_EQ(ReadFile(Path("out.c")), "new");
  EXPECT_EQ(StatOf(Path("out.c")).st_mode & 07777, 0640u);
}

// --read-outputs: read-modify-write generators, staged.

TEST_F(RunTest, ReadOutputsGivesTheGeneratorTheCurrentContent) {
  WriteFile(Path("out.txt"), "line 1\n");
  Result result = RunHelper({"run", "--read-outputs", "--output", "out.txt", "--", "sh", "-c",
                             "echo 'line 2' >> out.txt"});
  ASSERT_EQ(result.exit_code, 0) << result;
  EXPECT_EQ(ReadFile(Path("out.txt")), "line 1\nline 2\n");
  EXPECT_EQ(Leftovers(), std::vector<std::string>{});
}

TEST_F(RunTest, WithoutReadOutputsTheStagedOutputStartsAbsent) {
  WriteFile(Path("out.txt"), "line 1\n");
  Result result =
      RunHelper({"run", "--output", "out.txt", "--", "sh", "-c", "echo 'line 2' >> out.txt"});
  ASSERT_EQ(result.exit_code, 0) << result;
  EXPECT_EQ(ReadFile(Path("out.txt")), "line 2\n");
}

TEST_F(RunTest, ReadOutputsLeavesAnOutputRewrittenWithItsOwnBytesUntouched) {
  WriteFile(Path("out.txt"), "same\n");
  SetPastMtime(Path("out.txt"));
  const struct stat before = StatOf(Path("out.txt"));
  Result result = RunHelper({"run", "--read-outputs", "--output", "out.txt", "--", "sh", "-c",
                             "content=$(cat out.txt); echo \"$content\" > out.txt"});
  ASSERT_EQ(result.exit_code, 0) << result;
  EXPECT_EQ(StatOf(Path("out.txt")).st_ino, before.st_ino);
  EXPECT_TRUE(SameMtime(StatOf(Path("out.txt")), before));
}

TEST_F(RunTest, ReadOutputsOfAMissingOutputFindsNothingThere) {
  Result result = RunHelper({"run", "--read-outputs", "--output", "out.txt", "--", "sh", "-c",
                             "test ! -e out.txt && echo created > out.txt"});
  ASSERT_EQ(result.exit_code, 0) << result;
  EXPECT_EQ(ReadFile(Path("out.txt")), "created\n");
}

TEST_F(RunTest, ReadOutputsGeneratorFailingAfterItsRewriteKeepsTheOldContent) {
  WriteFile(Path("out.txt"), "old\n");
  Result result = RunHelper({"run", "--read-outputs", "--output", "out.txt", "--", "sh", "-c",
                             "echo half >> out.txt; exit 3"});
  EXPECT_EQ(result.exit_code, 1) << result;
  EXPECT_EQ(ReadFile(Path("out.txt")), "old\n");
  EXPECT_EQ(Leftovers(), std::vector<std::string>{});
}

TEST_F(RunTest, ReplacedStdoutOutputKeepsItsPreviousMode) {
  WriteFile(Path("out.txt"), "old");
  ASSERT_EQ(::chmod(Path("out.txt").c_str(), 0640), 0);
  Result result = RunHelper({"run", "--stdout", "out.txt", "--", "echo", "new"});
  ASSERT_EQ(result.exit_code, 0) << result;
  EXPECT_EQ(StatOf(Path("out.txt")).st_mode & 07777, 0640u);
}

class NewFileModeTest : public RunTest, public ::testing::WithParamInterface<mode_t> {};

TEST_P(NewFileModeTest, NewOutputGets0666MaskedByTheUmask) {
  Invocation invocation;
  invocation.args = {"run", "--output", "out.c", "--", write_, "out.c", "new"};
  invocation.umask = GetParam();
  Result result = RunHelper(invocation);
  ASSERT_EQ(result.exit_code, 0) << result;
  EXPECT_EQ(StatOf(Path("out.c")).st_mode & 07777, 0666u & ~GetParam());
}

TEST_P(NewFileModeTest, NewStdoutOutputGets0666MaskedByTheUmask) {
  Invocation invocation;
  invocation.args = {"run", "--stdout", "out.txt", "--", "echo", "new"};
  invocation.umask = GetParam();
  Result result = RunHelper(invocation);
  ASSERT_EQ(result.exit_code, 0) << result;
  EXPECT_EQ(StatOf(Path("out.txt")).st_mode & 07777, 0666u & ~GetParam());
}

INSTANTIATE_TEST_SUITE_P(Umasks, NewFileModeTest, ::testing::Values(mode_t{022}, mode_t{077}),
                         [](const ::testing::TestParamInfo<mode_t>& info) {
                           return "Umask0" + std::to_string(info.param >> 3 & 7) +
                                  std::to_string(info.param & 7);
                         });

TEST_F(RunTest, SymlinkedOutputStaysALinkAndItsTargetGetsTheNewContent) {
  ASSERT_EQ(::mkdir((base_ + "/real").c_str(), 0777), 0);
  std::string target = base_ + "/real/target.c";
  WriteFile(target, "old");
  ASSERT_EQ(::symlink(target.c_str(), Path("link.c").c_str()), 0);
  Result result = RunHelper({"run", "--output", "link.c", "--", write_, "link.c", "new"});
  ASSERT_EQ(result.exit_code, 0) << result;
  EXPECT_TRUE(S_ISLNK(LStatOf(Path("link.c")).st_mode));
  EXPECT_EQ(ReadFile(target), "new");
  EXPECT_EQ(HelperFilesIn(base_ + "/real"), std::vector<std::string>{});
  EXPECT_EQ(Leftovers(), std::vector<std::string>{});
}

TEST_F(RunTest, SymlinkedOutputWithIdenticalContentKeepsTheTarget) {
  std::string target = base_ + "/target.c";
  WriteFile(target, "same");
  SetPastMtime(target);
  struct stat before = StatOf(target);
  ASSERT_EQ(::symlink(target.c_str(), Path("link.c").c_str()), 0);
  Result result = RunHelper({"run", "--output", "link.c", "--", write_, "link.c", "same"});
  ASSERT_EQ(result.exit_code, 0) << result;
  EXPECT_EQ(StatOf(target).st_ino, before.st_ino);
  EXPECT_TRUE(SameMtime(StatOf(target), before));
}

TEST_F(RunTest, DanglingSymlinkOutputExitsThree) {
  ASSERT_EQ(::symlink("nowhere.c", Path("link.c").c_str()), 0);
  Result result = RunHelper({"run", "--output", "link.c", "--", write_, "link.c", "new"});
  EXPECT_EQ(result.exit_code, 3) << result;
  ExpectOneErrorLine(result);
  EXPECT_NE(result.err.find("dangling"), std::string::npos) << result;
  EXPECT_TRUE(S_ISLNK(LStatOf(Path("link.c")).st_mode));
  EXPECT_FALSE(Exists(Path("nowhere.c")));
  EXPECT_EQ(Leftovers(), std::vector<std::string>{});
}

TEST_F(RunTest, OutputThatIsAnExistingDirectoryExitsThree) {
  ASSERT_EQ(::mkdir(Path("out.c").c_str(), 0777), 0);
  Result result = RunHelper({"run", "--output", "out.c", "--", write_, "out.c", "new"});
  EXPECT_EQ(result.exit_code, 3) << result;
  ExpectOneErrorLine(result);
  EXPECT_NE(result.err.find("directory"), std::string::npos) << result;
  EXPECT_TRUE(S_ISDIR(StatOf(Path("out.c")).st_mode));
  EXPECT_EQ(Leftovers(), std::vector<std::string>{});
}

bool MatchesSourceGlob(const std::string& name) {
  for (const char* glob : {"*.c", "*.h", "*.py", "*.cc", "*.cpp", "*.hpp", "*.txt"}) {
    if (::fnmatch(glob, name.c_str(), 0) == 0) return true;
  }
  return false;
}

TEST_F(RunTest, TemporaryNamesAreHiddenAndMatchNoSourceGlob) {
  const std::string started = base_ + "/started";
  const std::string release = base_ + "/release";
  std::string gen = Script("slow.sh",
                           "printf partial > parser.c; printf partial > parser.h; echo partial\n"
                           ": > \"$1\"\n"
                           "i=0; while [ ! -e \"$2\" ] && [ $i -lt 500 ]; do sleep 0.01; "
                           "i=$((i+1)); done\n");
  WriteFile(Path("parser.c"), "old");
  Invocation invocation;
  invocation.args = {"run",     "--output", "parser.c", "--output", "parser.h", "--stdout",
                     "out.txt", "--",       gen,        started,    release};
  Process helper = StartHelper(invocation);
  const pid_t pid = helper.pid();
  ASSERT_TRUE(WaitUntil([&] { return Exists(started); })) << "the generator never started";
  std::vector<std::string> during = ListDirectory(root_);
  WriteFile(release, "");
  Result result = helper.Wait();
  ASSERT_EQ(result.exit_code, 0) << result;

  const std::string id = std::to_string(pid) + "-[0-9]{19}";
  const std::regex temporary(R"(\.[^/]+\.atomicgen-)" + id + R"(\.tmp)");
  const std::regex stage(R"(\.atomicgen-)" + id + R"(\.stage)");
  const std::regex lock(R"(\.[^/]+\.atomicgen-lock)");
  int temporaries = 0, stages = 0;
  for (const std::string& name : during) {
    if (name == "parser.c") continue;
    SCOPED_TRACE(name);
    EXPECT_EQ(name[0], '.');
    EXPECT_NE(name.find(".atomicgen-"), std::string::npos);
    EXPECT_FALSE(MatchesSourceGlob(name));
    if (std::regex_match(name, temporary)) {
      ++temporaries;
    } else if (std::regex_match(name, stage)) {
      ++stages;
    } else {
      EXPECT_TRUE(std::regex_match(name, lock));
    }
  }
  EXPECT_EQ(temporaries, 1) << Join(during, " ");  // out.txt's
  EXPECT_EQ(stages, 1) << Join(during, " ");
  EXPECT_EQ(Leftovers(), std::vector<std::string>{});
}

// What a helper killed with SIGKILL while it held the lock of `output` always leaves: its lock
// file.
void LeaveLockOfAKilledRun(const std::string& output) {
  const std::size_t slash = output.rfind('/');
  WriteFile(output.substr(0, slash + 1) + "." + output.substr(slash + 1) + ".atomicgen-lock", "");
}

TEST_F(RunTest, LeftoverTemporaryOfADeadRunIsRemovedByTheNextRun) {
  long dead = DeadPid();
  ASSERT_NE(::kill(static_cast<pid_t>(dead), 0), 0);
  const std::string name = ".out.c.atomicgen-" + std::to_string(dead) + "-0000000000000000001.tmp";
  WriteFile(Path(name), "partial");
  LeaveLockOfAKilledRun(Path("out.c"));
  Result result = RunHelper({"run", "--output", "out.c", "--", write_, "out.c", "x"});
  ASSERT_EQ(result.exit_code, 0) << result;
  EXPECT_FALSE(Exists(Path(name)));
}

TEST_F(RunTest, LeftoverStageOfADeadRunIsRemovedByTheNextRun) {
  long dead = DeadPid();
  const std::string name = ".atomicgen-" + std::to_string(dead) + "-0000000000000000001.stage";
  ASSERT_EQ(::mkdir(Path(name).c_str(), 0777), 0);
  WriteFile(Path(name + "/out.c"), "partial");
  LeaveLockOfAKilledRun(Path("out.c"));
  Result result = RunHelper({"run", "--output", "out.c", "--", write_, "out.c", "x"});
  ASSERT_EQ(result.exit_code, 0) << result;
  EXPECT_FALSE(Exists(Path(name)));
  EXPECT_EQ(Leftovers(), std::vector<std::string>{});  // the dead run's lock file too
}

TEST_F(RunTest, LeftoverStageOfADeadRunIsRemovedAlsoWhenItsOutputIsInASubdirectory) {
  // `-o gen/out.c` is staged in the working directory, not in gen/: the sweep covers both.
  ASSERT_EQ(::mkdir(Path("gen").c_str(), 0777), 0);
  const std::string name = ".atomicgen-" + std::to_string(DeadPid()) + "-0000000000000000001.stage";
  ASSERT_EQ(::mkdir(Path(name).c_str(), 0777), 0);
  ASSERT_EQ(::mkdir(Path(name + "/gen").c_str(), 0777), 0);
  WriteFile(Path(name + "/gen/out.c"), "partial");
  LeaveLockOfAKilledRun(Path("gen/out.c"));
  Result result = RunHelper({"run", "--output", "gen/out.c", "--", write_, "gen/out.c", "x"});
  ASSERT_EQ(result.exit_code, 0) << result;
  EXPECT_EQ(ReadFile(Path("gen/out.c")), "x");
  EXPECT_FALSE(Exists(Path(name)));
  EXPECT_EQ(HelperFilesIn(Path("gen")), std::vector<std::string>{});
}

TEST_F(RunTest, NoSweepForLeftoversUnlessALockShowsThatARunDied) {
  // Every helper file is made and removed under its output's lock, and a killed helper leaves its
  // lock file; with no such lock file no run died here, so the run does not list the directory
  // (the sweep cost every run a readdir of the whole directory). This stray temporary, with no
  // lock file beside it, is therefore not looked for.
  const std::string name =
      ".out.c.atomicgen-" + std::to_string(DeadPid()) + "-0000000000000000001.tmp";
  WriteFile(Path(name), "stray");
  Result result = RunHelper({"run", "--output", "out.c", "--", write_, "out.c", "x"});
  ASSERT_EQ(result.exit_code, 0) << result;
  EXPECT_TRUE(Exists(Path(name)));
  EXPECT_EQ(ReadFile(Path("out.c")), "x");
}

TEST_F(RunTest, LeftoverOfALiveProcessIsNotRemoved) {
  const std::string name =
      ".out.c.atomicgen-" + std::to_string(::getpid()) + "-0000000000000000001.tmp";
  WriteFile(Path(name), "someone else's");
  Result result = RunHelper({"run", "--output", "out.c", "--", write_, "out.c", "x"});
  ASSERT_EQ(result.exit_code, 0) << result;
  EXPECT_TRUE(Exists(Path(name)));
}

TEST_F(RunTest, StaleBackupOfADeadRunWithoutItsJournalIsRemovedNotRestored) {
  long dead = DeadPid();
  WriteFile(Path("out.c"), "committed by a run killed after its commit point");
  const std::string name = ".out.c.atomicgen-" + std::to_string(dead) + "-0000000000000000001.bak";
  WriteFile(Path(name), "previous bytes");
  LeaveLockOfAKilledRun(Path("out.c"));
  // A failing run commits nothing, so what remains is what the sweep did.
  Result result = RunHelper({"run", "--output", "out.c", "--", "false"});
  EXPECT_EQ(result.exit_code, 1) << result;
  EXPECT_EQ(ReadFile(Path("out.c")), "committed by a run killed after its commit point");
  EXPECT_FALSE(Exists(Path(name)));
}

TEST_F(RunTest, ErrorMessagesAreOneLineInTheDocumentedFormat) {
  ASSERT_EQ(::symlink("nowhere", Path("dangling.c").c_str()), 0);
  const std::vector<std::vector<std::string>> failing = {
      {"run", "--output", "o.c", "--", "false"},
      {"run", "--output", "o.c", "--", "true"},
      {"run", "--output", "dangling.c", "--", "true"},
      {"run", "--output", "o.c", "--", base_ + "/missing-tool"},
      {"copy-if-different", "missing-source", "d"},
      {"run", "--nope"},
      {"move-if-different", "a"},
  };
  for (const std::vector<std::string>& args : failing) {
    SCOPED_TRACE(Join(args, " "));
    Result result = RunHelper(args);
    EXPECT_NE(result.exit_code, 0) << result;
    ExpectOneErrorLine(result);
  }
}

// ------------------------------------------------------------------------------------------------
// Starting the generator (vfork and exec, PATH searched like posix_spawnp and execvp).

// The bits of a signal-set line of /proc/<pid>/status ("SigBlk:\t0000000000010000").
unsigned long long SignalSet(const std::string& status, const std::string& field) {
  std::size_t at = status.find(field + ":\t");
  EXPECT_NE(at, std::string::npos) << field;
  return at == std::string::npos ? 0
                                 : std::stoull(status.substr(at + field.size() + 2), nullptr, 16);
}

TEST_F(RunTest, GeneratorStartsWithNoSignalBlockedAndDefaultActionsForTheHelpersSignals) {
  // The helper blocks every signal around the start and ignores SIGXFSZ itself: the generator
  // gets neither (a generator over `ulimit -f` must die of SIGXFSZ, as when run directly).
  Result result = RunHelper({"run", "--stdout", "status.txt", "--", "cat", "/proc/self/status"});
  ASSERT_EQ(result.exit_code, 0) << result;
  const std::string status = ReadFile(Path("status.txt"));
  EXPECT_EQ(SignalSet(status, "SigBlk"), 0u) << status;
  const unsigned long long ignored = SignalSet(status, "SigIgn");
  for (int signal : {SIGINT, SIGTERM, SIGHUP, SIGPIPE, SIGXFSZ}) {
    EXPECT_EQ(ignored & (1ull << (signal - 1)), 0u) << "signal " << signal << " ignored";
  }
}

TEST_F(RunTest, TheStdoutTemporaryIsHandedToTheGeneratorAsCreatedNotReopened) {
  // Reopening the new, empty temporary with O_TRUNC for the generator made ext4 start writeback
  // of its data when the generator closed it (auto_da_alloc: 1-2 ms per run on a busy disk, for a
  // file that is then removed as unchanged). The file is opened for writing once: one
  // IN_CLOSE_WRITE, when the helper closes it after the generator.
  WriteFile(Path("out.txt"), "same\n");
  const int watch = ::inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
  ASSERT_GE(watch, 0);
  // IN_OPEN too: inotify merges an event identical to the one queued just before it.
  ASSERT_GE(::inotify_add_watch(watch, root_.c_str(), IN_OPEN | IN_CLOSE_WRITE), 0);
  Result result = RunHelper({"run", "--stdout", "out.txt", "--", "echo", "same"});
  ASSERT_EQ(result.exit_code, 0) << result;
  int closes = 0;
  alignas(inotify_event) char buffer[64 * 1024];
  for (ssize_t n; (n = ::read(watch, buffer, sizeof buffer)) > 0;) {
    for (char* at = buffer; at < buffer + n;) {
      const auto* event = reinterpret_cast<const inotify_event*>(at);
      const std::string name = event->len > 0 ? event->name : "";
      if ((event->mask & IN_CLOSE_WRITE) != 0 &&
          std::regex_match(name, std::regex(R"(\.out\.txt\.atomicgen-[0-9]+-[0-9]+\.tmp)"))) {
        ++closes;
      }
      at += sizeof(inotify_event) + event->len;
    }
  }
  ::close(watch);
  EXPECT_EQ(closes, 1);
  EXPECT_EQ(ReadFile(Path("out.txt")), "same\n");
  EXPECT_EQ(Leftovers(), std::vector<std::string>{});
}

TEST_F(RunTest, GeneratorIsLookedUpInPathPastMissingAndNonExecutableCandidates) {
  ASSERT_EQ(::mkdir((base_ + "/first").c_str(), 0777), 0);
  WriteFile(base_ + "/first/mygen", "#!/bin/sh\necho wrong\n");  // not executable: skipped
  Script("mygen", "echo right\n");                               // in base_/bin
  Invocation invocation;
  invocation.args = {"run", "--stdout", "out.txt", "--", "mygen"};
  invocation.environment = {{"PATH", base_ + "/missing:" + base_ + "/first:" + base_ + "/bin"}};
  Result result = RunHelper(invocation);
  ASSERT_EQ(result.exit_code, 0) << result;
  EXPECT_EQ(ReadFile(Path("out.txt")), "right\n");
}

TEST_F(RunTest, GeneratorThatCannotBeStartedIsReportedWithTheReasonAndChangesNothing) {
  WriteFile(Path("out.c"), "old");
  WriteFile(base_ + "/not-executable", "#!/bin/sh\n");
  const std::vector<std::pair<std::string, std::string>> cases = {
      {base_ + "/missing-tool", "No such file or directory"},
      {"missing-tool-in-path", "No such file or directory"},
      {base_ + "/not-executable", "Permission denied"},
  };
  for (const auto& [generator, reason] : cases) {
    SCOPED_TRACE(generator);
    for (const char* mode : {"--output", "--stdout"}) {
      Result result = RunHelper({"run", mode, "out.c", "--", generator});
      EXPECT_EQ(result.exit_code, 1) << result;
      EXPECT_EQ(result.err, "atomicgen: error: run(" + generator + "): cannot be started: " +
                                reason + "; previous outputs kept: out.c\n");
      EXPECT_EQ(ReadFile(Path("out.c")), "old");
      EXPECT_EQ(Leftovers(), std::vector<std::string>{});
    }
  }
}

// ------------------------------------------------------------------------------------------------
// bison through the helper produces what a direct run produces.

constexpr const char* kGrammar = R"(%{
int yylex(void);
void yyerror(const char *);
%}
%token NUM
%%
input: %empty | input NUM ;
%%
)";

bool HaveBison() {
  return ::access("/usr/bin/bison", X_OK) == 0 ||
         std::system("command -v bison >/dev/null 2>&1") == 0;
}

TEST_F(RunTest, BisonThroughTheHelperMatchesADirectRunByteForByte) {
  if (!HaveBison()) GTEST_SKIP() << "bison is not installed";
  ASSERT_EQ(::mkdir(Path("helper").c_str(), 0777), 0);
  ASSERT_EQ(::mkdir(Path("direct").c_str(), 0777), 0);
  WriteFile(Path("helper/parser.y"), kGrammar);
  WriteFile(Path("direct/parser.y"), kGrammar);
  const std::vector<std::string> bison = {"bison", "--defines=parser.h", "-o", "parser.c",
                                          "parser.y"};

  std::vector<std::string> through = {"run", "--output", "parser.c", "--output", "parser.h", "--"};
  through.insert(through.end(), bison.begin(), bison.end());
  Result helped = RunHelper(through, Path("helper"));
  ASSERT_EQ(helped.exit_code, 0) << helped;

  Invocation direct;
  direct.program = "/bin/sh";
  direct.args = {"-c", "exec " + Join(bison, " ")};
  direct.directory = Path("direct");
  Result direct_result = RunHelper(direct);
  ASSERT_EQ(direct_result.exit_code, 0) << direct_result;

  std::string parser_c = ReadFile(Path("helper/parser.c"));
  EXPECT_NE(parser_c.find("parser.c"), std::string::npos);  // bison embeds the name it was given
  EXPECT_EQ(parser_c, ReadFile(Path("direct/parser.c")));
  EXPECT_EQ(ReadFile(Path("helper/parser.h")), ReadFile(Path("direct/parser.h")));
  EXPECT_EQ(HelperFilesIn(Path("helper")), std::vector<std::string>{});
}

TEST_F(RunTest, BisonRerunWithTheSameGrammarLeavesOutputsUntouched) {
  if (!HaveBison()) GTEST_SKIP() << "bison is not installed";
  WriteFile(Path("parser.y"), kGrammar);
  const std::vector<std::string> args = {"run",      "--output", "parser.c", "--output",
                                         "parser.h", "--",       "bison",    "--defines=parser.h",
                                         "-o",       "parser.c", "parser.y"};
  ASSERT_EQ(RunHelper(args).exit_code, 0);
  SetPastMtime(Path("parser.c"));
  SetPastMtime(Path("parser.h"));
  struct stat c_before = StatOf(Path("parser.c"));
  struct stat h_before = StatOf(Path("parser.h"));
  Result result = RunHelper(args);
  ASSERT_EQ(result.exit_code, 0) << result;
  EXPECT_EQ(StatOf(Path("parser.c")).st_ino, c_before.st_ino);
  EXPECT_TRUE(SameMtime(StatOf(Path("parser.c")), c_before));
  EXPECT_TRUE(SameMtime(StatOf(Path("parser.h")), h_before));
}

TEST_F(RunTest, BisonGivenAbsolutePathsWritesTheBytesOfADirectRun) {
  if (!HaveBison()) GTEST_SKIP() << "bison is not installed";
  WriteFile(Path("parser.y"), kGrammar);
  const std::vector<std::string> bison = {"bison", "--defines=" + Path("parser.h"), "-o",
                                          Path("parser.c"), "parser.y"};
  Invocation direct;
  direct.program = "/usr/bin/env";
  direct.args = bison;
  direct.directory = root_;
  ASSERT_EQ(RunHelper(direct).exit_code, 0);
  const std::string direct_c = ReadFile(Path("parser.c"));
  const std::string direct_h = ReadFile(Path("parser.h"));
  ASSERT_EQ(::unlink(Path("parser.c").c_str()), 0);
  ASSERT_EQ(::unlink(Path("parser.h").c_str()), 0);

  std::vector<std::string> args = {"run", "--output", "parser.c", "--output", "parser.h", "--"};
  args.insert(args.end(), bison.begin(), bison.end());
  Result result = RunHelper(args);

  ASSERT_EQ(result.exit_code, 0) << result;
  EXPECT_EQ(ReadFile(Path("parser.c")), direct_c);  // #line directives name the final path
  EXPECT_EQ(ReadFile(Path("parser.h")), direct_h);  // and so does the header guard
  EXPECT_EQ(Leftovers(), std::vector<std::string>{});
}

}  // namespace
// --outputs-depfile: every declared output (the --stdout one too) as an input of the target,
// spelled as a depfile spells them (a space after a backslash, '$' doubled), written whole.
TEST_F(RunTest, OutputsDepfileNamesEveryOutputAsAnInputOfTheTarget) {
  Result result = RunHelper({"run", "--output", "a b.h", "--output", "c$.h", "--stdout", "d.h",
                             "--outputs-depfile", Path("out.d"), "--depfile-target",
                             "CMakeFiles/x.done", "--", write_, "a b.h", "A"});
  EXPECT_EQ(result.exit_code, 4) << result;  // c$.h not produced: no depfile either
  EXPECT_FALSE(Exists(Path("out.d")));

  std::string gen = Script("both.sh", "printf A > 'a b.h'; printf C > 'c$.h'; printf D\n");
  result = RunHelper({"run", "--output", "a b.h", "--output", "c$.h", "--stdout", "d.h",
                      "--outputs-depfile", Path("out.d"), "--depfile-target", "CMakeFiles/x.done",
                      "--", gen});
  ASSERT_EQ(result.exit_code, 0) << result;
  EXPECT_EQ(ReadFile(Path("out.d")), "CMakeFiles/x.done: a\\ b.h c$$.h d.h\n");
  EXPECT_EQ(Leftovers(), std::vector<std::string>{});
}

// The mirror (where isolation is refused) names an undeclared file the generator wrote beside its
// outputs too, instead of dropping it with the staging directory: in the working directory, in a
// new subdirectory, and next to an output below the working directory.
class MirrorUndeclaredTest : public RunTest, public ::testing::WithParamInterface<const char*> {};

TEST_P(MirrorUndeclaredTest, UndeclaredFileIsNamedAndNothingIsCommitted) {
  const std::string side = GetParam();
  ::mkdir(Path("gen").c_str(), 0777);
  WriteFile(Path("gen/out.h"), "old");
  SetPastMtime(Path("gen/out.h"));
  struct stat before = StatOf(Path("gen/out.h"));
  std::string gen = Script("side.sh",
                           "printf new > gen/out.h\nmkdir -p \"$(dirname \"$1\")\"\n"
                           "printf side > \"$1\"\n");

  Result result = RunHelperInTheMirror({"run", "--output", "gen/out.h", "--", gen, side});

  EXPECT_EQ(result.exit_code, 4) << result;
  ExpectOneErrorLine(result);
  EXPECT_NE(result.err.find("run(" + Path(side) + ")"), std::string::npos) << result;
  EXPECT_NE(result.err.find("not a declared output"), std::string::npos) << result;
  EXPECT_EQ(ReadFile(Path("gen/out.h")), "old");
  EXPECT_TRUE(SameMtime(StatOf(Path("gen/out.h")), before));
  EXPECT_FALSE(Exists(Path(side)));
  EXPECT_EQ(Leftovers(), std::vector<std::string>{});
}

INSTANTIATE_TEST_SUITE_P(Places, MirrorUndeclaredTest,
                         ::testing::Values("side.txt", "made/side.txt", "gen/side.txt"));

}  // namespace atomicgen_test
