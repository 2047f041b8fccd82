// `atomicgen copy-if-different` / `move-if-different` (helper/README.md), through the binary.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <regex>
#include <string>
#include <vector>

#include "test_support.h"

namespace atomicgen_test {
namespace {

class CopyIfDifferentTest : public TempDirTest {};

TEST_F(CopyIfDifferentTest, IdenticalDestinationIsUntouched) {
  WriteFile(Path("src.h"), "same");
  WriteFile(Path("dst.h"), "same");
  SetPastMtime(Path("dst.h"));
  struct stat before = StatOf(Path("dst.h"));
  Result result = RunHelper({"copy-if-different", "src.h", "dst.h"});
  ASSERT_EQ(result.exit_code, 0) << result;
  struct stat after = StatOf(Path("dst.h"));
  EXPECT_EQ(after.st_ino, before.st_ino);
  EXPECT_TRUE(SameMtime(after, before));
  EXPECT_EQ(HelperFilesIn(root_), std::vector<std::string>{});
}

TEST_F(CopyIfDifferentTest, DifferentDestinationIsReplacedByANewInodeWithItsMode) {
  WriteFile(Path("src.h"), "new");
  WriteFile(Path("dst.h"), "old");
  ASSERT_EQ(::chmod(Path("dst.h").c_str(), 0640), 0);
  struct stat before = StatOf(Path("dst.h"));
  Result result = RunHelper({"copy-if-different", "src.h", "dst.h"});
  ASSERT_EQ(result.exit_code, 0) << result;
  struct stat after = StatOf(Path("dst.h"));
  EXPECT_EQ(ReadFile(Path("dst.h")), "new");
  EXPECT_NE(after.st_ino, before.st_ino);  // renamed over, not rewritten in place
  EXPECT_EQ(after.st_mode & 07777, 0640u);
  EXPECT_EQ(ReadFile(Path("src.h")), "new");  // the source stays
  EXPECT_EQ(HelperFilesIn(root_), std::vector<std::string>{});
}

TEST_F(CopyIfDifferentTest, MissingDestinationIsCreated) {
  WriteFile(Path("src.h"), "new");
  Result result = RunHelper({"copy-if-different", "src.h", "dst.h"});
  ASSERT_EQ(result.exit_code, 0) << result;
  EXPECT_EQ(ReadFile(Path("dst.h")), "new");
}

TEST_F(CopyIfDifferentTest, MissingSourceIsAnErrorAndTheDestinationStays) {
  WriteFile(Path("dst.h"), "old");
  Result result = RunHelper({"copy-if-different", "missing.h", "dst.h"});
  EXPECT_EQ(result.exit_code, 3) << result;
  EXPECT_TRUE(std::regex_match(
      result.err, std::regex(R"(atomicgen: error: copy-if-different\(missing\.h\): .+\n)")))
      << result;
  EXPECT_EQ(ReadFile(Path("dst.h")), "old");
}

TEST_F(CopyIfDifferentTest, VerboseSaysWhetherItReplaced) {
  WriteFile(Path("src.h"), "new");
  WriteFile(Path("dst.h"), "old");
  Result result = RunHelper({"copy-if-different", "--verbose", "src.h", "dst.h"});
  ASSERT_EQ(result.exit_code, 0) << result;
  EXPECT_EQ(result.out, "atomicgen: dst.h: replaced\n");
}

TEST_F(CopyIfDifferentTest, FsyncOptionCopies) {
  WriteFile(Path("src.h"), "new");
  Result result = RunHelper({"copy-if-different", "--fsync", "src.h", "dst.h"});
  ASSERT_EQ(result.exit_code, 0) << result;
  EXPECT_EQ(ReadFile(Path("dst.h")), "new");
}

TEST_F(CopyIfDifferentTest, SymlinkedDestinationStaysALink) {
  WriteFile(Path("src.h"), "new");
  WriteFile(Path("target.h"), "old");
  ASSERT_EQ(::symlink("target.h", Path("dst.h").c_str()), 0);
  Result result = RunHelper({"copy-if-different", "src.h", "dst.h"});
  ASSERT_EQ(result.exit_code, 0) << result;
  EXPECT_TRUE(S_ISLNK(LStatOf(Path("dst.h")).st_mode));
  EXPECT_EQ(ReadFile(Path("target.h")), "new");
}

TEST_F(CopyIfDifferentTest, LeftoverTemporaryOfAKilledCopyIsRemovedByTheNextChangingCopy) {
  // A copy killed with SIGKILL between creating its temporary and renaming it leaves both the
  // temporary and its lock file; the next copy that takes the lock sweeps the directory.
  const std::string name =
      ".dst.h.atomicgen-" + std::to_string(DeadPid()) + "-0000000000000000001.tmp";
  WriteFile(Path(name), "partial");
  WriteFile(Path(".dst.h.atomicgen-lock"), "");
  WriteFile(Path("src.h"), "new");
  WriteFile(Path("dst.h"), "old");
  Result result = RunHelper({"copy-if-different", "src.h", "dst.h"});
  ASSERT_EQ(result.exit_code, 0) << result;
  EXPECT_EQ(ReadFile(Path("dst.h")), "new");
  EXPECT_EQ(HelperFilesIn(root_), std::vector<std::string>{});
}

class MoveIfDifferentTest : public TempDirTest {};

TEST_F(MoveIfDifferentTest, IdenticalSourceIsRemovedAndTheDestinationUntouched) {
  WriteFile(Path("new.h"), "same");
  WriteFile(Path("dst.h"), "same");
  SetPastMtime(Path("dst.h"));
  struct stat before = StatOf(Path("dst.h"));
  Result result = RunHelper({"move-if-different", "new.h", "dst.h"});
  ASSERT_EQ(result.exit_code, 0) << result;
  EXPECT_FALSE(Exists(Path("new.h")));
  struct stat after = StatOf(Path("dst.h"));
  EXPECT_EQ(after.st_ino, before.st_ino);
  EXPECT_TRUE(SameMtime(after, before));
}

TEST_F(MoveIfDifferentTest, DifferentSourceIsRenamedOverTheDestination) {
  WriteFile(Path("new.h"), "new");
  WriteFile(Path("dst.h"), "old");
  ASSERT_EQ(::chmod(Path("new.h").c_str(), 0640), 0);
  ASSERT_EQ(::chmod(Path("dst.h").c_str(), 0640), 0);
  struct stat source = StatOf(Path("new.h"));
  Result result = RunHelper({"move-if-different", "new.h", "dst.h"});
  ASSERT_EQ(result.exit_code, 0) << result;
  EXPECT_FALSE(Exists(Path("new.h")));
  struct stat after = StatOf(Path("dst.h"));
  EXPECT_EQ(after.st_ino, source.st_ino);
  EXPECT_EQ(ReadFile(Path("dst.h")), "new");
  EXPECT_EQ(HelperFilesIn(root_), std::vector<std::string>{});
}

TEST_F(MoveIfDifferentTest, SourceOfAnotherModeIsCopiedSoTheDestinationKeepsItsMode) {
  WriteFile(Path("new.h"), "new");
  WriteFile(Path("dst.h"), "old");
  ASSERT_EQ(::chmod(Path("new.h").c_str(), 0600), 0);
  ASSERT_EQ(::chmod(Path("dst.h").c_str(), 0640), 0);
  Result result = RunHelper({"move-if-different", "new.h", "dst.h"});
  ASSERT_EQ(result.exit_code, 0) << result;
  EXPECT_FALSE(Exists(Path("new.h")));
  EXPECT_EQ(ReadFile(Path("dst.h")), "new");
  EXPECT_EQ(StatOf(Path("dst.h")).st_mode & 07777, 0640u);
  EXPECT_EQ(HelperFilesIn(root_), std::vector<std::string>{});
}

TEST_F(MoveIfDifferentTest, MissingSourceIsAnError) {
  WriteFile(Path("dst.h"), "old");
  Result result = RunHelper({"move-if-different", "missing.h", "dst.h"});
  EXPECT_EQ(result.exit_code, 3) << result;
  EXPECT_TRUE(std::regex_match(
      result.err, std::regex(R"(atomicgen: error: move-if-different\(missing\.h\): .+\n)")))
      << result;
  EXPECT_EQ(ReadFile(Path("dst.h")), "old");
}

TEST_F(MoveIfDifferentTest, DanglingSymlinkDestinationIsAnErrorAndTheSourceStays) {
  WriteFile(Path("new.h"), "new");
  ASSERT_EQ(::symlink("nowhere.h", Path("dst.h").c_str()), 0);
  Result result = RunHelper({"move-if-different", "new.h", "dst.h"});
  EXPECT_EQ(result.exit_code, 3) << result;
  EXPECT_EQ(ReadFile(Path("new.h")), "new");
  EXPECT_FALSE(Exists(Path("nowhere.h")));
}

}  // namespace
}  // namespace atomicgen_test
