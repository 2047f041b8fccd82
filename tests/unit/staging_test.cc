// Staging decisions and argument rewriting (staging.h), without running a generator.
#include "staging.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "commit.h"
#include "test_support.h"

namespace atomicgen_test {
namespace {

using atomicgen::NormalizePath;
using atomicgen::PlanStaging;
using atomicgen::RealFileSystem;
using atomicgen::StagingPlan;

const std::string kRunId = "4242-0000000000000000777";
const std::string kStageName = ".atomicgen-4242-0000000000000000777.stage";

TEST(NormalizePathTest, RelativePathIsJoinedToTheBase) {
  EXPECT_EQ(NormalizePath("a/b.c", "/w"), "/w/a/b.c");
}

TEST(NormalizePathTest, DotsAndRepeatedSlashesAreResolved) {
  EXPECT_EQ(NormalizePath("./a//b/../c.c", "/w"), "/w/a/c.c");
  EXPECT_EQ(NormalizePath("../x", "/w/sub"), "/w/x");
  EXPECT_EQ(NormalizePath("/../..", "/w"), "/");
}

TEST(NormalizePathTest, AbsolutePathIgnoresTheBase) {
  EXPECT_EQ(NormalizePath("/abs/./o.c", "/w"), "/abs/o.c");
}

TEST(IsWithinTest, ReportsTheRelativeRest) {
  std::string relative = "unset";
  EXPECT_TRUE(atomicgen::IsWithin("/w/a/b.c", "/w", &relative));
  EXPECT_EQ(relative, "a/b.c");
  EXPECT_TRUE(atomicgen::IsWithin("/w", "/w", &relative));
  EXPECT_EQ(relative, "");
}

TEST(IsWithinTest, APrefixThatIsNotADirectoryDoesNotCount) {
  std::string relative;
  EXPECT_FALSE(atomicgen::IsWithin("/work2/a.c", "/work", &relative));
  EXPECT_FALSE(atomicgen::IsWithin("/x/a.c", "/work", &relative));
}

class StagingTest : public TempDirTest {
 protected:
  StagingPlan Plan(const std::vector<std::string>& outputs, const std::vector<std::string>& argv) {
    return PlanStaging(RealFileSystem(), root_, outputs, argv, kRunId);
  }
  std::string Stage() const { return root_ + "/" + kStageName; }
};

TEST_F(StagingTest, TokenIsTheNonceOfTheRunId) {
  EXPECT_EQ(Plan({"out.c"}, {"gen"}).token, "0000000000000000777");
}

TEST_F(StagingTest, RelativeOutputRunsTheGeneratorInAMirrorOfTheWorkingDirectory) {
  StagingPlan plan = Plan({"out.c"}, {"gen", "-o", "out.c"});
  EXPECT_EQ(plan.generator_directory, Stage());
  ASSERT_EQ(plan.outputs.size(), 1u);
  EXPECT_EQ(plan.outputs[0].declared, "out.c");
  EXPECT_EQ(plan.outputs[0].destination, Path("out.c"));
  EXPECT_EQ(plan.outputs[0].staged, Stage() + "/out.c");
  ASSERT_EQ(plan.stages.size(), 1u);
  EXPECT_TRUE(plan.stages[0].mirror);
}

TEST_F(StagingTest, OutputsNamedAbsolutelyNeedNoMirrorEvenBeforeTheyExist) {
  // The first build: out.c does not exist yet. Mirroring a large directory per run made a build of
  // 1,000 generated headers in one directory quadratic (tests/bench/RESULTS.md).
  StagingPlan plan = Plan({Path("out.c")}, {"gen", "-o", Path("out.c")});
  EXPECT_EQ(plan.generator_directory, root_);
  ASSERT_EQ(plan.stages.size(), 1u);
  EXPECT_FALSE(plan.stages[0].mirror);
}

TEST_F(StagingTest, ADirectoryHoldingOutputsNamedAbsolutelyIsMirrored) {
  StagingPlan plan = Plan({Path("gen/a.pb.h")}, {"protoc", "--cpp_out=" + Path("gen")});
  ASSERT_EQ(plan.stages.size(), 1u);
  EXPECT_TRUE(plan.stages[0].mirror);
}

TEST_F(StagingTest, RelativeOutputArgumentsAreNotRewritten) {
  std::vector<std::string> argv{"gen", "-o", "out.c", "--defines=gen/out.h", "-ogen/x.c"};
  EXPECT_EQ(Plan({"out.c", "gen/out.h", "gen/x.c"}, argv).argv, argv);
}

TEST_F(StagingTest, AbsoluteWholeArgumentIsRewritten) {
  StagingPlan plan = Plan({"out.c"}, {"gen", "-o", Path("out.c")});
  EXPECT_EQ(plan.argv, (std::vector<std::string>{"gen", "-o", Stage() + "/out.c"}));
}

TEST_F(StagingTest, AbsoluteOptionValueIsRewritten) {
  StagingPlan plan = Plan({"out.c"}, {"gen", "--opt=" + Path("out.c")});
  EXPECT_EQ(plan.argv, (std::vector<std::string>{"gen", "--opt=" + Stage() + "/out.c"}));
}

TEST_F(StagingTest, AbsoluteJoinedShortOptionIsRewritten) {
  StagingPlan plan = Plan({"out.c"}, {"gen", "-o" + Path("out.c")});
  EXPECT_EQ(plan.argv, (std::vector<std::string>{"gen", "-o" + Stage() + "/out.c"}));
}

TEST_F(StagingTest, AbsoluteDirectoryHoldingAnOutputIsRewritten) {
  StagingPlan plan = Plan({"gen/a.txt", "gen/b.txt"}, {"gen", "--out_dir=" + Path("gen")});
  EXPECT_EQ(plan.argv, (std::vector<std::string>{"gen", "--out_dir=" + Stage() + "/gen"}));
}

TEST_F(StagingTest, MissingDestinationDirectoriesAreCreated) {
  Plan({"deep/er/out.c"}, {"gen"});
  EXPECT_TRUE(S_ISDIR(StatOf(Path("deep/er")).st_mode));
}

TEST_F(StagingTest, TheGeneratorItselfIsNeverRewritten) {
  StagingPlan plan = Plan({"tool"}, {Path("tool"), "x"});
  EXPECT_EQ(plan.argv.front(), Path("tool"));
}

TEST_F(StagingTest, UnrelatedAbsoluteArgumentIsNotRewritten) {
  WriteFile(Path("input.txt"), "in");
  std::vector<std::string> argv{"gen", Path("input.txt"), "--x=/usr/include", "-I/usr/include"};
  EXPECT_EQ(Plan({"out.c"}, argv).argv, argv);
}

TEST_F(StagingTest, ClimbingInputArgumentIsMadeAbsoluteWhenRunningInTheStage) {
  WriteFile(base_ + "/x.txt", "outside");
  StagingPlan plan = Plan({"out.c"}, {"gen", "../x.txt", "out.c"});
  EXPECT_EQ(plan.argv, (std::vector<std::string>{"gen", base_ + "/x.txt", "out.c"}));
}

TEST_F(StagingTest, OutputOutsideTheWorkingDirectoryIsStagedNextToIt) {
  ASSERT_EQ(::mkdir((base_ + "/elsewhere").c_str(), 0777), 0);
  StagingPlan plan = Plan({base_ + "/elsewhere/o.c"}, {"gen", base_ + "/elsewhere/o.c"});
  ASSERT_EQ(plan.outputs.size(), 1u);
  EXPECT_EQ(plan.outputs[0].staged, base_ + "/elsewhere/" + kStageName + "/o.c");
  EXPECT_EQ(plan.argv[1], plan.outputs[0].staged);
  EXPECT_EQ(plan.generator_directory, root_);  // nothing is named relatively
}

TEST_F(StagingTest, CreateStagingMirrorsEntriesAndLeavesOutputsAbsent) {
  WriteFile(Path("input.txt"), "in");
  WriteFile(Path("out.c"), "old output");
  ASSERT_EQ(::mkdir(Path("gen").c_str(), 0777), 0);
  WriteFile(Path("gen/other.txt"), "other");
  StagingPlan plan = Plan({"out.c", "gen/o.h"}, {"gen"});
  atomicgen::CreateStaging(RealFileSystem(), plan);

  EXPECT_TRUE(S_ISLNK(LStatOf(Stage() + "/input.txt").st_mode));
  EXPECT_EQ(ReadFile(Stage() + "/input.txt"), "in");
  EXPECT_FALSE(Exists(Stage() + "/out.c"));  // the old output is not visible to the generator
  EXPECT_TRUE(S_ISDIR(LStatOf(Stage() + "/gen").st_mode));
  EXPECT_TRUE(S_ISLNK(LStatOf(Stage() + "/gen/other.txt").st_mode));
  EXPECT_FALSE(Exists(Stage() + "/gen/o.h"));
  EXPECT_FALSE(Exists(Stage() + "/" + kStageName));  // the stage does not contain itself

  atomicgen::RemoveStaging(RealFileSystem(), plan);
  EXPECT_FALSE(Exists(Stage()));
  EXPECT_EQ(ReadFile(Path("input.txt")), "in");
  EXPECT_EQ(ReadFile(Path("gen/other.txt")), "other");
}

TEST_F(StagingTest, FileContainsFindsTheTokenAcrossAChunkBoundary) {
  const std::string token = "0000000000000000777";
  std::string content(256 * 1024 - 5, 'x');
  content += token;
  content += std::string(100, 'y');
  WriteFile(Path("f"), content);
  EXPECT_TRUE(atomicgen::FileContains(RealFileSystem(), Path("f"), token));
}

TEST_F(StagingTest, FileContainsIsFalseWithoutTheToken) {
  WriteFile(Path("f"), std::string(300000, '7'));
  EXPECT_FALSE(atomicgen::FileContains(RealFileSystem(), Path("f"), "0000000000000000777"));
}

}  // namespace
}  // namespace atomicgen_test
