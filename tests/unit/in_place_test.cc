// `atomicgen run --in-place` end to end (helper/README.md, "In place").
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/stat.h>

#include <regex>
#include <string>
#include <vector>

#include "test_support.h"

namespace atomicgen_test {
namespace {

class InPlaceTest : public GeneratorRunTest {};

TEST_F(InPlaceTest, RewritingIdenticalBytesKeepsThePreviousMtime) {
  WriteFile(Path("clinic.c.h"), "same");
  SetPastMtime(Path("clinic.c.h"));
  struct stat before = StatOf(Path("clinic.c.h"));
  Result result = RunHelper(
      {"run", "--in-place", "--output", "clinic.c.h", "--", write_, "clinic.c.h", "same"});
  ASSERT_EQ(result.exit_code, 0) << result;
  EXPECT_EQ(ReadFile(Path("clinic.c.h")), "same");
  EXPECT_TRUE(SameMtime(StatOf(Path("clinic.c.h")), before));
  EXPECT_EQ(Leftovers(), std::vector<std::string>{});
}

TEST_F(InPlaceTest, ChangedBytesAreKept) {
  WriteFile(Path("clinic.c.h"), "old");
  SetPastMtime(Path("clinic.c.h"));
  struct stat before = StatOf(Path("clinic.c.h"));
  Result result =
      RunHelper({"run", "--in-place", "--output", "clinic.c.h", "--", write_, "clinic.c.h", "new"});
  ASSERT_EQ(result.exit_code, 0) << result;
  EXPECT_EQ(ReadFile(Path("clinic.c.h")), "new");
  EXPECT_FALSE(SameMtime(StatOf(Path("clinic.c.h")), before));
  EXPECT_EQ(Leftovers(), std::vector<std::string>{});
}

TEST_F(InPlaceTest, NewOutputIsCreated) {
  Result result =
      RunHelper({"run", "--in-place", "--output", "new.c", "--", write_, "new.c", "fresh"});
  ASSERT_EQ(result.exit_code, 0) << result;
  EXPECT_EQ(ReadFile(Path("new.c")), "fresh");
}

TEST_F(InPlaceTest, GeneratorSeesTheRealWorkingDirectory) {
  std::string gen = Script("pwd.sh", "pwd -P > \"$1\"\n");
  Result result = RunHelper({"run", "--in-place", "--output", "where.txt", "--", gen, "where.txt"});
  ASSERT_EQ(result.exit_code, 0) << result;
  EXPECT_EQ(ReadFile(Path("where.txt")), root_ + "\n");
}

TEST_F(InPlaceTest, FailureAfterPartialRewriteRestoresOldBytesAndMtime) {
  WriteFile(Path("clinic.c.h"), "old complete content");
  ASSERT_EQ(::chmod(Path("clinic.c.h").c_str(), 0640), 0);
  SetPastMtime(Path("clinic.c.h"));
  struct stat before = StatOf(Path("clinic.c.h"));
  std::string gen = Script("fail.sh", "printf 'half' > clinic.c.h; exit 5\n");

  Result result = RunHelper({"run", "--in-place", "--output", "clinic.c.h", "--", gen});

  EXPECT_EQ(result.exit_code, 1) << result;
  EXPECT_EQ(result.err, "atomicgen: error: run(" + gen +
                            "): exited with status 5; previous outputs kept: clinic.c.h\n");
  EXPECT_EQ(ReadFile(Path("clinic.c.h")), "old complete content");
  struct stat after = StatOf(Path("clinic.c.h"));
  EXPECT_TRUE(SameMtime(after, before));
  EXPECT_EQ(after.st_mode & 07777, 0640u);
  EXPECT_EQ(Leftovers(), std::vector<std::string>{});
}

TEST_F(InPlaceTest, FailureRemovesAnOutputThatDidNotExistBefore) {
  std::string gen = Script("fail.sh", "printf 'half' > new.c; exit 1\n");
  Result result = RunHelper({"run", "--in-place", "--output", "new.c", "--", gen});
  EXPECT_EQ(result.exit_code, 1) << result;
  EXPECT_FALSE(Exists(Path("new.c")));
  EXPECT_EQ(Leftovers(), std::vector<std::string>{});
}

TEST_F(InPlaceTest, GeneratorKilledBySignalRestoresTheOutput) {
  WriteFile(Path("out.c"), "old");
  std::string gen = Script("die.sh", "printf half > out.c; kill -9 $$\n");
  Result result = RunHelper({"run", "--in-place", "--output", "out.c", "--", gen});
  EXPECT_EQ(result.exit_code, 1) << result;
  EXPECT_EQ(ReadFile(Path("out.c")), "old");
  EXPECT_EQ(Leftovers(), std::vector<std::string>{});
}

TEST_F(InPlaceTest, DeletedDeclaredOutputIsRestoredAndReportedWithExitFour) {
  WriteFile(Path("out.c"), "old");
  SetPastMtime(Path("out.c"));
  struct stat before = StatOf(Path("out.c"));
  std::string gen = Script("rm.sh", "rm out.c\n");
  Result result = RunHelper({"run", "--in-place", "--output", "out.c", "--", gen});
  EXPECT_EQ(result.exit_code, 4) << result;
  EXPECT_TRUE(std::regex_match(result.err, std::regex(R"(atomicgen: error: run\(out\.c\): .+\n)")))
      << result;
  EXPECT_EQ(ReadFile(Path("out.c")), "old");
  EXPECT_TRUE(SameMtime(StatOf(Path("out.c")), before));
  EXPECT_EQ(Leftovers(), std::vector<std::string>{});
}

TEST_F(InPlaceTest, NeverProducedDeclaredOutputExitsFourAndRestoresTheOthers) {
  WriteFile(Path("a.c"), "old a");
  std::string gen = Script("one.sh", "printf 'new a' > a.c\n");
  Result result = RunHelper({"run", "--in-place", "--output", "a.c", "--output", "b.c", "--", gen});
  EXPECT_EQ(result.exit_code, 4) << result;
  EXPECT_NE(result.err.find("run(b.c)"), std::string::npos) << result;
  EXPECT_EQ(ReadFile(Path("a.c")), "old a");
  EXPECT_FALSE(Exists(Path("b.c")));
  EXPECT_EQ(Leftovers(), std::vector<std::string>{});
}

TEST_F(InPlaceTest, SigtermToTheHelperRestoresTheOutput) {
  WriteFile(Path("out.c"), "old");
  SetPastMtime(Path("out.c"));
  struct stat before = StatOf(Path("out.c"));
  const std::string started = base_ + "/started";
  std::string gen = Script("slow.sh", "printf half > out.c; : > \"$1\"; exec sleep 10\n");
  Invocation invocation;
  invocation.args = {"run", "--in-place", "--output", "out.c", "--", gen, started};
  Process helper = StartHelper(invocation);
  ASSERT_TRUE(WaitUntil([&] { return Exists(started); }));
  ASSERT_EQ(::kill(helper.pid(), SIGTERM), 0);
  Result result = helper.Wait(std::chrono::milliseconds(5000));
  ASSERT_FALSE(result.timed_out);
  EXPECT_EQ(result.exit_code, 143) << result;
  EXPECT_EQ(ReadFile(Path("out.c")), "old");
  EXPECT_TRUE(SameMtime(StatOf(Path("out.c")), before));
  EXPECT_EQ(Leftovers(), std::vector<std::string>{});
}

TEST_F(InPlaceTest, BackupIsHiddenAndEndsInBakWhileTheGeneratorRuns) {
  WriteFile(Path("out.c"), "old");
  const std::string started = base_ + "/started";
  std::string gen = Script("slow.sh", ": > \"$1\"; ls -a > \"$2\"; printf new > out.c\n");
  Result result =
      RunHelper({"run", "--in-place", "--output", "out.c", "--", gen, started, base_ + "/listing"});
  ASSERT_EQ(result.exit_code, 0) << result;
  std::string listing = ReadFile(base_ + "/listing");
  EXPECT_TRUE(std::regex_search(listing,
                                std::regex(R"((^|\n)\.out\.c\.atomicgen-[0-9]+-[0-9]{19}\.bak\n)")))
      << listing;
  EXPECT_EQ(Leftovers(), std::vector<std::string>{});
}

TEST_F(InPlaceTest, SigkilledHelperLeavesABackupThatTheNextRunRestores) {
  WriteFile(Path("out.c"), "old");
  const std::string started = base_ + "/started";
  std::string gen = Script("slow.sh", "printf half > out.c; : > \"$1\"; exec sleep 2\n");
  Invocation invocation;
  invocation.args = {"run", "--in-place", "--output", "out.c", "--", gen, started};
  Process helper = StartHelper(invocation);
  ASSERT_TRUE(WaitUntil([&] { return Exists(started); }));
  ASSERT_EQ(::kill(helper.pid(), SIGKILL), 0);
  Result killed = helper.Wait(std::chrono::milliseconds(5000));
  ASSERT_TRUE(killed.signaled);
  ASSERT_EQ(ReadFile(Path("out.c")), "half");

  // The next run on that output sees the dead run's backup and puts it back first.
  Result result = RunHelper({"run", "--in-place", "--output", "out.c", "--", "false"});
  EXPECT_EQ(result.exit_code, 1) << result;
  EXPECT_EQ(ReadFile(Path("out.c")), "old");
  EXPECT_EQ(Leftovers(), std::vector<std::string>{});
}

TEST_F(InPlaceTest, StampAndMissingChangedStampAreCreated) {
  WriteFile(Path("out.c"), "same");
  Result result = RunHelper({"run", "--in-place", "--stamp", "s", "--changed-stamp", "cs",
                             "--output", "out.c", "--", write_, "out.c", "same"});
  ASSERT_EQ(result.exit_code, 0) << result;
  EXPECT_TRUE(Exists(Path("s")));
  EXPECT_TRUE(Exists(Path("cs")));
}

TEST_F(InPlaceTest, ChangedStampIsNotTouchedWhenTheBytesDidNotChange) {
  WriteFile(Path("out.c"), "same");
  WriteFile(Path("cs"), "");
  SetPastMtime(Path("cs"));
  struct stat before = StatOf(Path("cs"));
  Result result = RunHelper({"run", "--in-place", "--changed-stamp", "cs", "--output", "out.c",
                             "--", write_, "out.c", "same"});
  ASSERT_EQ(result.exit_code, 0) << result;
  EXPECT_TRUE(SameMtime(StatOf(Path("cs")), before));
}

TEST_F(InPlaceTest, ChangedStampIsTouchedWhenTheBytesChanged) {
  WriteFile(Path("out.c"), "old");
  WriteFile(Path("cs"), "");
  SetPastMtime(Path("cs"));
  struct stat before = StatOf(Path("cs"));
  Result result = RunHelper({"run", "--in-place", "--changed-stamp", "cs", "--output", "out.c",
                             "--", write_, "out.c", "new"});
  ASSERT_EQ(result.exit_code, 0) << result;
  EXPECT_FALSE(SameMtime(StatOf(Path("cs")), before));
}

TEST_F(InPlaceTest, SymlinkedOutputStaysALink) {
  WriteFile(Path("target.c"), "old");
  ASSERT_EQ(::symlink("target.c", Path("link.c").c_str()), 0);
  Result result =
      RunHelper({"run", "--in-place", "--output", "link.c", "--", write_, "link.c", "new"});
  ASSERT_EQ(result.exit_code, 0) << result;
  EXPECT_TRUE(S_ISLNK(LStatOf(Path("link.c")).st_mode));
  EXPECT_EQ(ReadFile(Path("target.c")), "new");
  EXPECT_EQ(Leftovers(), std::vector<std::string>{});
}

}  // namespace
}  // namespace atomicgen_test
