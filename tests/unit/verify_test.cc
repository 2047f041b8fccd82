// `atomicgen run --verify` (compare only) end to end, in the mirror and isolated, and the unified
// diff it prints (unified_diff.h) in-process.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <string>
#include <vector>

#include "test_support.h"
#include "unified_diff.h"

namespace atomicgen_test {
namespace {

using atomicgen::UnifiedDiff;

// --- The diff itself. ---

TEST(UnifiedDiffTest, EqualTextsGiveNoDiff) {
  EXPECT_EQ(UnifiedDiff("a\nb\n", "a\nb\n", "x", "y"), "");
}

TEST(UnifiedDiffTest, OneChangedLineWithThreeLinesOfContextEachSide) {
  const std::string before = "1\n2\n3\n4\n5\n6\n7\n8\n9\n";
  const std::string after = "1\n2\n3\n4\nfive\n6\n7\n8\n9\n";
  EXPECT_EQ(UnifiedDiff(before, after, "a/f.h", "b/f.h"),
            "--- a/f.h\n+++ b/f.h\n"
            "@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n");
}

TEST(UnifiedDiffTest, ChangesFarApartGetOneHunkEachAndCloseOnesShareOne) {
  std::string before, after;
  for (int i = 1; i <= 20; ++i) {
    before += std::to_string(i) + "\n";
    after += (i == 2 || i == 9 || i == 18 ? "x" : std::to_string(i)) + "\n";
  }
  // 2 and 9 are 6 lines apart (one hunk); 18 is 8 lines after 9 (a hunk of its own).
  EXPECT_EQ(UnifiedDiff(before, after, "a", "b"),
            "--- a\n+++ b\n"
            "@@ -1,12 +1,12 @@\n 1\n-2\n+x\n 3\n 4\n 5\n 6\n 7\n 8\n-9\n+x\n 10\n 11\n 12\n"
            "@@ -15,6 +15,6 @@\n 15\n 16\n 17\n-18\n+x\n 19\n 20\n");
}

TEST(UnifiedDiffTest, InsertionsDeletionsAndEmptyRangesAsGnuDiffWritesThem) {
  EXPECT_EQ(UnifiedDiff("", "new\n", "a", "b"), "--- a\n+++ b\n@@ -0,0 +1 @@\n+new\n");
  EXPECT_EQ(UnifiedDiff("old\n", "", "a", "b"), "--- a\n+++ b\n@@ -1 +0,0 @@\n-old\n");
  EXPECT_EQ(UnifiedDiff("a\nc\n", "a\nb\nc\n", "a", "b"),
            "--- a\n+++ b\n@@ -1,2 +1,3 @@\n a\n+b\n c\n");
}

TEST(UnifiedDiffTest, AMissingFinalNewlineIsSaid) {
  EXPECT_EQ(UnifiedDiff("a\nb", "a\nb\n", "x", "y"),
            "--- x\n+++ y\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+b\n");
}

TEST(UnifiedDiffTest, TooManyEditsAreNamedNotDiffed) {
  std::string before, after;
  for (int i = 0; i < 50; ++i) {
    before += "a" + std::to_string(i) + "\n";
    after += "b" + std::to_string(i) + "\n";
  }
  EXPECT_EQ(UnifiedDiff(before, after, "x", "y", 10),
            "--- x\n+++ y\n(diff not shown: more than 10 lines differ; 50 lines before, 50 lines "
            "after)\n");
  // The same texts within the limit: every line replaced.
  EXPECT_NE(UnifiedDiff(before, after, "x", "y", 100).find("@@ -1,50 +1,50 @@\n-a0\n"),
            std::string::npos);
}

// --- The helper: in the mirror and isolated. ---

class VerifyTest : public GeneratorRunTest, public ::testing::WithParamInterface<const char*> {
 protected:
  Result Verify(const std::vector<std::string>& args) {
    Invocation invocation;
    invocation.args = {"run", "--verify"};
    invocation.args.insert(invocation.args.end(), args.begin(), args.end());
    invocation.environment = {{"ATOMICGEN_ISOLATION", GetParam()}};
    return RunHelper(std::move(invocation));
  }
};

TEST_P(VerifyTest, IdenticalOutputsExitZeroAndTouchNothing) {
  WriteFile(Path("out.h"), "line\n");
  SetPastMtime(Path("out.h"));
  const struct stat before = StatOf(Path("out.h"));
  const std::string stamp = base_ + "/never.stamp";

  Result result = Verify({"--output", "out.h", "--", write_, "out.h", "line\n"});

  ASSERT_EQ(result.exit_code, 0) << result;
  EXPECT_EQ(result.out, "");
  EXPECT_EQ(result.err, "");
  const struct stat after = StatOf(Path("out.h"));
  EXPECT_EQ(after.st_ino, before.st_ino);
  EXPECT_TRUE(SameMtime(after, before));
  EXPECT_EQ(Leftovers(), std::vector<std::string>{});
}

TEST_P(VerifyTest, StaleOutputExitsSixWithItsDiffAndCommitsNothing) {
  WriteFile(Path("same.h"), "same\n");
  WriteFile(Path("stale.h"), "1\n2\nold\n4\n");
  SetPastMtime(Path("stale.h"));
  const struct stat before = StatOf(Path("stale.h"));
  const std::string gen =
      Script("two.sh", "printf 'same\\n' > same.h; printf '1\\n2\\nnew\\n4\\n' > stale.h\n");

  Result result = Verify({"--output", "same.h", "--output", "stale.h", "--", gen});

  ASSERT_EQ(result.exit_code, 6) << result;
  EXPECT_EQ(result.out, "--- a/stale.h\n+++ b/stale.h\n@@ -1,4 +1,4 @@\n 1\n 2\n-old\n+new\n 4\n");
  ExpectOneErrorLine(result);
  EXPECT_NE(result.err.find("verify(stale.h): stale: this file differs from what " + gen +
                            " generates now (diff above; nothing was written): stale.h"),
            std::string::npos)
      << result;
  EXPECT_EQ(ReadFile(Path("stale.h")), "1\n2\nold\n4\n");
  const struct stat after = StatOf(Path("stale.h"));
  EXPECT_EQ(after.st_ino, before.st_ino);
  EXPECT_TRUE(SameMtime(after, before));
  EXPECT_EQ(Leftovers(), std::vector<std::string>{});
}

TEST_P(VerifyTest, MissingOutputIsStaleAndStaysMissing) {
  Result result = Verify({"--stdout", "gen.h", "--", "echo", "made"});
  ASSERT_EQ(result.exit_code, 6) << result;
  EXPECT_EQ(result.out, "--- a/gen.h\n+++ b/gen.h\n@@ -0,0 +1 @@\n+made\n");
  EXPECT_FALSE(Exists(Path("gen.h")));
  EXPECT_EQ(Leftovers(), std::vector<std::string>{});
}

TEST_P(VerifyTest, OutputOutsideTheWorkingDirectoryIsNamedAbsolutely) {
  const std::string elsewhere = base_ + "/elsewhere.h";
  WriteFile(elsewhere, "old\n");
  Result result = Verify({"--output", elsewhere, "--", write_, elsewhere, "new\n"});
  ASSERT_EQ(result.exit_code, 6) << result;
  EXPECT_EQ(result.out, "--- " + elsewhere + "\n+++ " + elsewhere + "\n@@ -1 +1 @@\n-old\n+new\n");
  EXPECT_EQ(ReadFile(elsewhere), "old\n");
}

TEST_P(VerifyTest, AFailingGeneratorFailsAsUsualWithNothingWritten) {
  WriteFile(Path("out.h"), "kept\n");
  const std::string gen = Script("fail.sh", "printf x > out.h; exit 3\n");
  Result result = Verify({"--output", "out.h", "--", gen});
  EXPECT_EQ(result.exit_code, 1) << result;
  EXPECT_EQ(ReadFile(Path("out.h")), "kept\n");
}

INSTANTIATE_TEST_SUITE_P(Staging, VerifyTest, ::testing::Values("off", "always"),
                         [](const auto& info) {
                           return std::string(info.param) == "off" ? "Mirror" : "Isolated";
                         });

TEST_F(GeneratorRunTest, VerifyComparesARewrittenInputAndLeavesItAsItWas) {
  WriteFile(Path("in.c"), "checksum 1\n");
  WriteFile(Path("out.h"), "out\n");
  const struct stat before = StatOf(Path("in.c"));
  const std::string gen =
      Script("clinic.sh", "printf 'checksum 2\\n' > in.c; printf 'out\\n' > out.h\n");

  Result result =
      RunHelper({"run", "--verify", "--rewrites", "in.c", "--output", "out.h", "--", gen});

  ASSERT_EQ(result.exit_code, 6) << result;
  EXPECT_EQ(result.out, "--- a/in.c\n+++ b/in.c\n@@ -1 +1 @@\n-checksum 1\n+checksum 2\n");
  EXPECT_EQ(ReadFile(Path("in.c")), "checksum 1\n");
  EXPECT_EQ(StatOf(Path("in.c")).st_ino, before.st_ino);
  EXPECT_EQ(Leftovers(), std::vector<std::string>{});
}

TEST_F(GeneratorRunTest, VerifyOfAReadsTreeGeneratorWhereIsolationIsOffComparesNothing) {
  WriteFile(Path("out.h"), "old\n");
  Invocation invocation;
  invocation.args = {"run", "--verify", "--reads-tree", "--output", "out.h",
                     "--",  write_,     "out.h",        "new\n"};
  invocation.environment = {{"ATOMICGEN_ISOLATION", "off"}};
  Result result = RunHelper(std::move(invocation));
  EXPECT_EQ(result.exit_code, 3) << result;
  ExpectOneErrorLine(result);
  EXPECT_EQ(ReadFile(Path("out.h")), "old\n");
}

TEST_F(GeneratorRunTest, VerifyCannotBeCombinedWithInPlaceOrAStamp) {
  for (const std::vector<std::string>& extra : {std::vector<std::string>{"--in-place"},
                                                {"--stamp", "s"},
                                                {"--changed-stamp", "s"},
                                                {"--only-if-missing"}}) {
    std::vector<std::string> args = {"run", "--verify"};
    args.insert(args.end(), extra.begin(), extra.end());
    args.insert(args.end(), {"--output", "out.h", "--", write_, "out.h", "x"});
    Result result = RunHelper(args);
    EXPECT_EQ(result.exit_code, 2) << extra.front() << ": " << result;
    EXPECT_NE(result.err.find("usage(" + extra.front() + "): cannot be combined with --verify"),
              std::string::npos)
        << result;
    EXPECT_FALSE(Exists(Path("out.h")));
    EXPECT_FALSE(Exists(Path("s")));
  }
}

}  // namespace
}  // namespace atomicgen_test
