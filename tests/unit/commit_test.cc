// CommitFile and its helpers (commit.h) on the real disk, in a scoped temporary directory.
#include "commit.h"

#include <fnmatch.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <unistd.h>

#include <regex>
#include <string>
#include <vector>

#include "error.h"
#include "test_support.h"

namespace atomicgen_test {
namespace {

using atomicgen::CommitFile;
using atomicgen::CommitOptions;
using atomicgen::CommitResult;
using atomicgen::RealFileSystem;

class CommitTest : public TempDirTest {};

TEST_F(CommitTest, IdenticalContentKeepsDestinationInodeAndMtime) {
  WriteFile(Path("out.c"), "int x;\n");
  SetPastMtime(Path("out.c"));
  struct stat before = StatOf(Path("out.c"));
  WriteFile(Path("new.tmp"), "int x;\n");

  EXPECT_EQ(CommitFile(RealFileSystem(), Path("new.tmp"), Path("out.c"), {}),
            CommitResult::kUnchanged);

  struct stat after = StatOf(Path("out.c"));
  EXPECT_EQ(after.st_ino, before.st_ino);
  EXPECT_TRUE(SameMtime(after, before));
  EXPECT_EQ(ReadFile(Path("out.c")), "int x;\n");
}

TEST_F(CommitTest, IdenticalContentRemovesTheTemporaryFile) {
  WriteFile(Path("out.c"), "same");
  WriteFile(Path("new.tmp"), "same");
  CommitFile(RealFileSystem(), Path("new.tmp"), Path("out.c"), {});
  EXPECT_FALSE(Exists(Path("new.tmp")));
}

TEST_F(CommitTest, DifferentContentIsRenamedOverTheDestination) {
  WriteFile(Path("out.c"), "old");
  struct stat old_destination = StatOf(Path("out.c"));
  WriteFile(Path("new.tmp"), "new");
  struct stat temporary = StatOf(Path("new.tmp"));

  EXPECT_EQ(CommitFile(RealFileSystem(), Path("new.tmp"), Path("out.c"), {}),
            CommitResult::kReplaced);

  struct stat after = StatOf(Path("out.c"));
  EXPECT_EQ(after.st_ino, temporary.st_ino);  // the temporary file itself, renamed
  EXPECT_NE(after.st_ino, old_destination.st_ino);
  EXPECT_EQ(ReadFile(Path("out.c")), "new");
  EXPECT_FALSE(Exists(Path("new.tmp")));
}

TEST_F(CommitTest, SameSizeDifferentBytesIsReplaced) {
  WriteFile(Path("out.c"), "abcd");
  WriteFile(Path("new.tmp"), "abce");
  EXPECT_EQ(CommitFile(RealFileSystem(), Path("new.tmp"), Path("out.c"), {}),
            CommitResult::kReplaced);
  EXPECT_EQ(ReadFile(Path("out.c")), "abce");
}

TEST_F(CommitTest, MissingDestinationIsCreated) {
  WriteFile(Path("new.tmp"), "fresh");
  EXPECT_EQ(CommitFile(RealFileSystem(), Path("new.tmp"), Path("out.c"), {}),
            CommitResult::kCreated);
  EXPECT_EQ(ReadFile(Path("out.c")), "fresh");
  EXPECT_FALSE(Exists(Path("new.tmp")));
}

TEST_F(CommitTest, ReplacedFileKeepsItsPreviousMode) {
  WriteFile(Path("out.c"), "old");
  ASSERT_EQ(::chmod(Path("out.c").c_str(), 0640), 0);
  WriteFile(Path("new.tmp"), "new");
  ASSERT_EQ(::chmod(Path("new.tmp").c_str(), 0600), 0);
  CommitFile(RealFileSystem(), Path("new.tmp"), Path("out.c"), {});
  EXPECT_EQ(StatOf(Path("out.c")).st_mode & 07777, 0640u);
}

TEST_F(CommitTest, FsyncOptionStillCommits) {
  WriteFile(Path("out.c"), "old");
  WriteFile(Path("new.tmp"), "new");
  CommitOptions options;
  options.fsync = true;
  EXPECT_EQ(CommitFile(RealFileSystem(), Path("new.tmp"), Path("out.c"), options),
            CommitResult::kReplaced);
  EXPECT_EQ(ReadFile(Path("out.c")), "new");
  WriteFile(Path("created.tmp"), "created");
  EXPECT_EQ(CommitFile(RealFileSystem(), Path("created.tmp"), Path("created.c"), options),
            CommitResult::kCreated);
  EXPECT_EQ(ReadFile(Path("created.c")), "created");
}

TEST_F(CommitTest, SymlinkedDestinationStaysALinkAndItsTargetIsReplaced) {
  ASSERT_EQ(::mkdir(Path("real").c_str(), 0777), 0);
  WriteFile(Path("real/target.c"), "old");
  ASSERT_EQ(::symlink("real/target.c", Path("link.c").c_str()), 0);
  WriteFile(Path("new.tmp"), "new");

  EXPECT_EQ(CommitFile(RealFileSystem(), Path("new.tmp"), Path("link.c"), {}),
            CommitResult::kReplaced);

  EXPECT_TRUE(S_ISLNK(LStatOf(Path("link.c")).st_mode));
  EXPECT_EQ(ReadFile(Path("real/target.c")), "new");
  EXPECT_EQ(HelperFilesIn(Path("real")), std::vector<std::string>{});
  EXPECT_FALSE(Exists(Path("new.tmp")));
}

TEST_F(CommitTest, DanglingSymlinkDestinationIsAnError) {
  ASSERT_EQ(::symlink("nowhere.c", Path("link.c").c_str()), 0);
  WriteFile(Path("new.tmp"), "new");
  try {
    CommitFile(RealFileSystem(), Path("new.tmp"), Path("link.c"), {});
    FAIL() << "no error";
  } catch (const atomicgen::Error& error) {
    EXPECT_EQ(error.code(), atomicgen::ExitCode::kFileSystem);
    EXPECT_NE(std::string(error.what()).find("dangling"), std::string::npos) << error.what();
    EXPECT_NE(std::string(error.what()).find(Path("link.c")), std::string::npos) << error.what();
  }
  EXPECT_FALSE(Exists(Path("nowhere.c")));
}

TEST_F(CommitTest, DirectoryDestinationIsAnError) {
  ASSERT_EQ(::mkdir(Path("out.c").c_str(), 0777), 0);
  WriteFile(Path("new.tmp"), "new");
  try {
    CommitFile(RealFileSystem(), Path("new.tmp"), Path("out.c"), {});
    FAIL() << "no error";
  } catch (const atomicgen::Error& error) {
    EXPECT_EQ(error.code(), atomicgen::ExitCode::kFileSystem);
    EXPECT_NE(std::string(error.what()).find("directory"), std::string::npos) << error.what();
  }
  EXPECT_TRUE(S_ISDIR(StatOf(Path("out.c")).st_mode));
}

// Records the order of the file-system calls that change names.
class RecordingFileSystem : public atomicgen::FileSystem {
 public:
  void Rename(const std::string& from, const std::string& to) override {
    calls.push_back("rename " + from + " -> " + to);
    FileSystem::Rename(from, to);
  }
  bool Remove(const std::string& path) override {
    calls.push_back("remove " + path);
    return FileSystem::Remove(path);
  }
  bool RemoveTree(const std::string& path) override {
    calls.push_back("remove-tree " + path);
    return FileSystem::RemoveTree(path);
  }
  std::vector<std::string> calls;
};

TEST_F(CommitTest, NeverRemovesTheDestinationBeforeRenamingOverIt) {
  WriteFile(Path("out.c"), "old");
  WriteFile(Path("new.tmp"), "new");
  RecordingFileSystem fs;
  CommitFile(fs, Path("new.tmp"), Path("out.c"), {});

  const std::string rename_over = "rename " + Path("new.tmp") + " -> " + Path("out.c");
  ASSERT_EQ(fs.calls, std::vector<std::string>{rename_over}) << Join(fs.calls, "\n");
}

TEST_F(CommitTest, NeverRemovesASymlinkedDestinationOrItsTarget) {
  ASSERT_EQ(::mkdir(Path("real").c_str(), 0777), 0);
  WriteFile(Path("real/target.c"), "old");
  ASSERT_EQ(::symlink("real/target.c", Path("link.c").c_str()), 0);
  WriteFile(Path("new.tmp"), "new");
  RecordingFileSystem fs;
  CommitFile(fs, Path("new.tmp"), Path("link.c"), {});
  for (const std::string& call : fs.calls) {
    EXPECT_NE(call, "remove " + Path("link.c")) << Join(fs.calls, "\n");
    EXPECT_NE(call, "remove " + Path("real/target.c")) << Join(fs.calls, "\n");
  }
  ASSERT_FALSE(fs.calls.empty());
  const std::string suffix = " -> " + Path("real/target.c");
  EXPECT_EQ(fs.calls.back().rfind("rename ", 0), 0u) << Join(fs.calls, "\n");
  EXPECT_EQ(fs.calls.back().substr(fs.calls.back().size() - suffix.size()), suffix)
      << Join(fs.calls, "\n");
}

// ------------------------------------------------------------------------------------------------
// Names of the helper's own files.

bool MatchesSourceGlob(const std::string& name) {
  for (const char* glob : {"*.c", "*.h", "*.py", "*.cc", "*.cpp", "*.hpp", "*.cxx", "*.y"}) {
    if (::fnmatch(glob, name.c_str(), 0) == 0) return true;
  }
  return false;
}

TEST(HelperFileNames, RunIdIsPidDashNineteenDigits) {
  EXPECT_TRUE(
      std::regex_match(atomicgen::RunId(), std::regex(std::to_string(::getpid()) + "-[0-9]{19}")))
      << atomicgen::RunId();
  EXPECT_EQ(atomicgen::RunId(), atomicgen::RunId());
}

TEST(HelperFileNames, TemporaryNameIsHiddenAndEndsInTmp) {
  std::string path = atomicgen::TemporaryPathFor("gen/parser.c", "42-0000000000000000007");
  EXPECT_EQ(path, "gen/.parser.c.atomicgen-42-0000000000000000007.tmp");
  EXPECT_FALSE(MatchesSourceGlob(atomicgen::BaseNameOf(path)));
}

TEST(HelperFileNames, BackupNameIsHiddenAndEndsInBak) {
  std::string path = atomicgen::BackupPathFor("/a/b/mod.c.h", "42-0000000000000000007");
  EXPECT_EQ(path, "/a/b/.mod.c.h.atomicgen-42-0000000000000000007.bak");
  EXPECT_FALSE(MatchesSourceGlob(atomicgen::BaseNameOf(path)));
}

TEST(HelperFileNames, LockNameIsHiddenAndMatchesNoSourceGlob) {
  std::string path = atomicgen::LockPathFor("x.py");
  EXPECT_EQ(path, ".x.py.atomicgen-lock");
  EXPECT_FALSE(MatchesSourceGlob(path));
}

TEST(HelperFileNames, PathPiecesSplitAndJoin) {
  EXPECT_EQ(atomicgen::DirectoryOf("a.c"), ".");
  EXPECT_EQ(atomicgen::DirectoryOf("/a.c"), "/");
  EXPECT_EQ(atomicgen::DirectoryOf("x/y/a.c"), "x/y");
  EXPECT_EQ(atomicgen::BaseNameOf("x/y/a.c"), "a.c");
  EXPECT_EQ(atomicgen::JoinPath(".", "a.c"), "a.c");
  EXPECT_EQ(atomicgen::JoinPath("/", "a.c"), "/a.c");
  EXPECT_EQ(atomicgen::JoinPath("x", "a.c"), "x/a.c");
}

// ------------------------------------------------------------------------------------------------
// SameContent

class SameContentTest : public TempDirTest {};

TEST_F(SameContentTest, EqualBytesAreTheSame) {
  WriteFile(Path("a"), std::string(600000, 'x'));
  WriteFile(Path("b"), std::string(600000, 'x'));
  EXPECT_TRUE(atomicgen::SameContent(RealFileSystem(), Path("a"), Path("b")));
}

TEST_F(SameContentTest, ALastByteDifferenceInALargeFileIsFound) {
  std::string content(600000, 'x');
  WriteFile(Path("a"), content);
  content.back() = 'y';
  WriteFile(Path("b"), content);
  EXPECT_FALSE(atomicgen::SameContent(RealFileSystem(), Path("a"), Path("b")));
}

TEST_F(SameContentTest, DifferentSizesDiffer) {
  WriteFile(Path("a"), "abc");
  WriteFile(Path("b"), "abcd");
  EXPECT_FALSE(atomicgen::SameContent(RealFileSystem(), Path("a"), Path("b")));
}

TEST_F(SameContentTest, AMissingSecondFileDiffers) {
  WriteFile(Path("a"), "abc");
  EXPECT_FALSE(atomicgen::SameContent(RealFileSystem(), Path("a"), Path("missing")));
}

TEST_F(SameContentTest, TwoEmptyFilesAreTheSame) {
  WriteFile(Path("a"), "");
  WriteFile(Path("b"), "");
  EXPECT_TRUE(atomicgen::SameContent(RealFileSystem(), Path("a"), Path("b")));
}

// ------------------------------------------------------------------------------------------------
// RemoveStaleLeftovers

class StaleLeftoversTest : public TempDirTest {
 protected:
  std::string DeadName(const std::string& original, const std::string& kind) {
    return "." + original + ".atomicgen-" + std::to_string(DeadPid()) + "-0000000000000000001." +
           kind;
  }
};

TEST_F(StaleLeftoversTest, TemporaryOfADeadProcessIsRemoved) {
  std::string name = DeadName("out.c", "tmp");
  WriteFile(Path(name), "partial");
  atomicgen::RemoveStaleLeftovers(RealFileSystem(), root_);
  EXPECT_FALSE(Exists(Path(name)));
}

TEST_F(StaleLeftoversTest, TemporaryOfALiveProcessIsKept) {
  std::string name = ".out.c.atomicgen-" + std::to_string(::getpid()) + "-0000000000000000001.tmp";
  WriteFile(Path(name), "in progress");
  atomicgen::RemoveStaleLeftovers(RealFileSystem(), root_);
  EXPECT_TRUE(Exists(Path(name)));
}

TEST_F(StaleLeftoversTest, StagingDirectoryOfADeadProcessIsRemovedWithItsContents) {
  std::string name = ".atomicgen-" + std::to_string(DeadPid()) + "-0000000000000000001.stage";
  ASSERT_EQ(::mkdir(Path(name).c_str(), 0777), 0);
  WriteFile(Path(name + "/out.c"), "partial");
  WriteFile(Path("input.txt"), "keep me");
  ASSERT_EQ(::symlink(Path("input.txt").c_str(), Path(name + "/input.txt").c_str()), 0);
  atomicgen::RemoveStaleLeftovers(RealFileSystem(), root_);
  EXPECT_FALSE(Exists(Path(name)));
  EXPECT_EQ(ReadFile(Path("input.txt")), "keep me");  // a mirror link is not followed
}

TEST_F(StaleLeftoversTest, BackupOfADeadRunWithoutAJournalIsRemovedAndNeverRestored) {
  WriteFile(Path("out.c"), "committed");
  std::string name = DeadName("out.c", "bak");
  WriteFile(Path(name), "previous");
  atomicgen::RemoveStaleLeftovers(RealFileSystem(), root_);
  EXPECT_EQ(ReadFile(Path("out.c")), "committed");
  EXPECT_FALSE(Exists(Path(name)));
}

TEST_F(StaleLeftoversTest, APlantedSymlinkNamedLikeALeftoverIsNeitherFollowedNorRemoved) {
  WriteFile(Path("victim"), "keep me");
  std::string name = DeadName("out.c", "tmp");
  ASSERT_EQ(::symlink(Path("victim").c_str(), Path(name).c_str()), 0);
  atomicgen::RemoveStaleLeftovers(RealFileSystem(), root_);
  EXPECT_TRUE(Exists(Path(name)));
  EXPECT_EQ(ReadFile(Path("victim")), "keep me");
}

TEST_F(StaleLeftoversTest, BackupOfALiveRunIsNotTouched) {
  std::string name = ".out.c.atomicgen-" + std::to_string(::getpid()) + "-0000000000000000001.bak";
  WriteFile(Path(name), "previous");
  atomicgen::RemoveStaleLeftovers(RealFileSystem(), root_);
  EXPECT_TRUE(Exists(Path(name)));
}

TEST_F(StaleLeftoversTest, VeryLongNamesGetAbbreviatedHelperFileNames) {
  std::string name(250, 'n');
  std::string lock = atomicgen::LockPathFor(Path(name));
  std::string temporary = atomicgen::TemporaryPathFor(Path(name), atomicgen::RunId());
  EXPECT_LE(atomicgen::BaseNameOf(lock).size(), 255u);
  EXPECT_LE(atomicgen::BaseNameOf(temporary).size(), 255u);
  EXPECT_NE(atomicgen::StemOf(name), atomicgen::StemOf(std::string(249, 'n') + "m"));
}

TEST_F(StaleLeftoversTest, UnrelatedFilesAreLeftAlone) {
  for (const char* name : {"out.c", ".hidden.tmp", "x.atomicgen-notes", ".out.c.atomicgen-lock",
                           ".y.atomicgen-abc-1.tmp", ".z.atomicgen-1-x.tmp"}) {
    WriteFile(Path(name), "user data");
  }
  atomicgen::RemoveStaleLeftovers(RealFileSystem(), root_);
  EXPECT_EQ(ListDirectory(root_),
            (std::vector<std::string>{".hidden.tmp", ".out.c.atomicgen-lock",
                                      ".y.atomicgen-abc-1.tmp", ".z.atomicgen-1-x.tmp", "out.c",
                                      "x.atomicgen-notes"}));
}

TEST_F(StaleLeftoversTest, AMissingDirectoryIsNotAnError) {
  EXPECT_NO_THROW(atomicgen::RemoveStaleLeftovers(RealFileSystem(), Path("missing")));
}

}  // namespace
}  // namespace atomicgen_test
