// Faults injected at the platform layer (a FileSystem subclass), no disk tricks: every failing
// syscall leaves the destination as it was and reports "<operation>(<path>): <reason>".
#include <gtest/gtest.h>
#include <unistd.h>

#include <cerrno>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "commit.h"
#include "error.h"
#include "generator.h"
#include "test_support.h"

namespace atomicgen_test {
namespace {

using atomicgen::CommitFile;
using atomicgen::CommitOptions;
using atomicgen::Error;
using atomicgen::File;
using atomicgen::ThrowSystemError;

// Fails the chosen operation on the chosen path with the chosen errno; everything else is real.
class FaultyFileSystem : public atomicgen::FileSystem {
 public:
  enum class Operation {
    kNone,
    kClose,
    kWrite,
    kRead,
    kRename,
    kSync,
    kChangeMode,
    kOpenOrCreate,
    kCreateExclusive,
    kRemove
  };

  void FailOn(Operation operation, std::string path, int error) {
    operation_ = operation;
    path_ = std::move(path);
    error_ = error;
  }
  // Matches any path that contains `fragment` instead of one exact path.
  void FailOnPathContaining(Operation operation, std::string fragment, int error) {
    FailOn(operation, std::move(fragment), error);
    match_fragment_ = true;
  }
  // Paths containing `fragment` report another device than the real one (a file system
  // boundary, as between a build tree and a source tree on separate mounts).
  void PretendOtherDevice(std::string fragment) { other_device_ = std::move(fragment); }
  int failures() const { return failures_; }

  using FileSystem::Status;
  atomicgen::FileInfo Status(const std::string& path) override {
    atomicgen::FileInfo info = FileSystem::Status(path);
    if (!other_device_.empty() && path.find(other_device_) != std::string::npos) ++info.device;
    return info;
  }

  void Close(File& file) override {
    if (Hits(Operation::kClose, file.path())) {
      std::string path = file.path();
      FileSystem::Close(file);  // the descriptor is gone either way, as with a real close()
      failures_++;
      ThrowSystemError(error_, "close", path);
    }
    FileSystem::Close(file);
  }
  void Write(File& file, const void* data, std::size_t size) override {
    if (Hits(Operation::kWrite, file.path())) Fail("write", file.path());
    FileSystem::Write(file, data, size);
  }
  std::size_t Read(File& file, void* buffer, std::size_t size) override {
    if (Hits(Operation::kRead, file.path())) Fail("read", file.path());
    return FileSystem::Read(file, buffer, size);
  }
  void Rename(const std::string& from, const std::string& to) override {
    if (Hits(Operation::kRename, to)) Fail("rename", to);
    FileSystem::Rename(from, to);
  }
  void Sync(File& file) override {
    if (Hits(Operation::kSync, file.path())) Fail("fsync", file.path());
    FileSystem::Sync(file);
  }
  void ChangeMode(File& file, std::uint32_t mode) override {
    if (Hits(Operation::kChangeMode, file.path())) Fail("chmod", file.path());
    FileSystem::ChangeMode(file, mode);
  }
  using FileSystem::OpenOrCreate;
  File OpenOrCreate(const std::string& path, bool* created) override {
    if (Hits(Operation::kOpenOrCreate, path)) Fail("open", path);
    return FileSystem::OpenOrCreate(path, created);
  }
  bool Remove(const std::string& path) override {
    if (Hits(Operation::kRemove, path)) Fail("remove", path);
    return FileSystem::Remove(path);
  }
  File CreateExclusive(const std::string& path, std::uint32_t mode) override {
    if (Hits(Operation::kCreateExclusive, path)) Fail("create", path);
    return FileSystem::CreateExclusive(path, mode);
  }

 private:
  bool Hits(Operation operation, const std::string& path) const {
    if (operation != operation_) return false;
    return match_fragment_ ? path.find(path_) != std::string::npos : path == path_;
  }
  [[noreturn]] void Fail(const char* operation, const std::string& path) {
    failures_++;
    ThrowSystemError(error_, operation, path);
  }

  Operation operation_ = Operation::kNone;
  std::string path_;
  int error_ = 0;
  bool match_fragment_ = false;
  std::string other_device_;
  int failures_ = 0;
};

using Op = FaultyFileSystem::Operation;

const std::regex kMessage(R"([a-z-]+\(.*\): [^\n]+)");

class FaultInjectionTest : public TempDirTest {
 protected:
  // An existing destination with old content (and its inode), and a temporary with new content.
  void SetUpReplacement() {
    WriteFile(Path("out.c"), "old");
    destination_inode_ = StatOf(Path("out.c")).st_ino;
    WriteFile(Path("new.tmp"), "new");
  }
  void ExpectDestinationUnchanged() {
    EXPECT_EQ(ReadFile(Path("out.c")), "old");
    EXPECT_EQ(StatOf(Path("out.c")).st_ino, destination_inode_);
  }
  // The error names `path` and `reason` in the documented form.
  void ExpectMessage(const Error& error, const std::string& operation, const std::string& path,
                     const std::string& reason) {
    EXPECT_EQ(error.code(), atomicgen::ExitCode::kFileSystem);
    EXPECT_TRUE(std::regex_match(error.what(), kMessage)) << error.what();
    EXPECT_EQ(std::string(error.what()), operation + "(" + path + "): " + reason);
  }
  // CommitFile(new.tmp -> out.c) fails with the documented message.
  void ExpectCommitFails(const std::string& operation, const std::string& path,
                         const std::string& reason, const CommitOptions& options = {}) {
    try {
      CommitFile(fs_, Path("new.tmp"), Path("out.c"), options);
      ADD_FAILURE() << "no error";
    } catch (const Error& error) {
      ExpectMessage(error, operation, path, reason);
    }
  }
  // A whole run's error: the platform error, then what happened to the outputs.
  void ExpectRunMessage(const Error& error, const std::string& operation, const std::string& path,
                        const std::string& reason, const std::string& kept) {
    EXPECT_EQ(error.code(), atomicgen::ExitCode::kFileSystem);
    EXPECT_TRUE(std::regex_match(error.what(), kMessage)) << error.what();
    EXPECT_EQ(std::string(error.what()),
              operation + "(" + path + "): " + reason + "; previous outputs kept: " + kept);
  }

  FaultyFileSystem fs_;
  ino_t destination_inode_ = 0;
};

TEST_F(FaultInjectionTest, CommitAllRollsBackTheRenamedOutputsWhenALaterRenameFails) {
  WriteFile(Path("a.c"), "old a");
  WriteFile(Path("b.c"), "old b");
  WriteFile(Path("a.tmp"), "new a");
  WriteFile(Path("b.tmp"), "new b");
  WriteFile(Path("c.tmp"), "new c");
  const ino_t a_inode = StatOf(Path("a.c")).st_ino;
  fs_.FailOn(Op::kRename, Path("b.c"), EIO);
  try {
    atomicgen::CommitAll(
        fs_,
        {{Path("a.tmp"), Path("a.c")}, {Path("c.tmp"), Path("c.c")}, {Path("b.tmp"), Path("b.c")}},
        {});
    FAIL() << "no error";
  } catch (const Error& error) {
    ExpectMessage(error, "rename", Path("b.c"), "Input/output error");
  }
  // a.c and c.c were committed before b.c failed: both are undone, a.c with its old inode back.
  EXPECT_EQ(ReadFile(Path("a.c")), "old a");
  EXPECT_EQ(StatOf(Path("a.c")).st_ino, a_inode);
  EXPECT_FALSE(Exists(Path("c.c")));
  EXPECT_EQ(ReadFile(Path("b.c")), "old b");
  EXPECT_EQ(HelperFilesIn(root_), std::vector<std::string>{});
}

TEST_F(FaultInjectionTest, CommitCloseFailureLeavesTheDestinationUnchanged) {
  SetUpReplacement();
  fs_.FailOn(Op::kClose, Path("new.tmp"), ENOSPC);
  CommitOptions options;
  options.fsync = true;  // the staged file is opened (to fsync it) only then
  ExpectCommitFails("close", Path("new.tmp"), "No space left on device", options);
  EXPECT_EQ(fs_.failures(), 1);
  ExpectDestinationUnchanged();
}

TEST_F(FaultInjectionTest, CommitRenameFailureLeavesTheDestinationUnchanged) {
  SetUpReplacement();
  fs_.FailOn(Op::kRename, Path("out.c"), EIO);
  ExpectCommitFails("rename", Path("out.c"), "Input/output error");
  ExpectDestinationUnchanged();
}

TEST_F(FaultInjectionTest, CommitFsyncFailureLeavesTheDestinationUnchanged) {
  SetUpReplacement();
  fs_.FailOn(Op::kSync, Path("new.tmp"), EIO);
  CommitOptions options;
  options.fsync = true;
  ExpectCommitFails("fsync", Path("new.tmp"), "Input/output error", options);
  ExpectDestinationUnchanged();
}

TEST_F(FaultInjectionTest, CommitChangeModeFailureLeavesTheDestinationUnchanged) {
  SetUpReplacement();
  // A destination with another mode than the staged file: the helper commits a copy of its own,
  // which it gives that mode (it never changes the mode of a file it did not create).
  ASSERT_EQ(::chmod(Path("out.c").c_str(), 0640), 0);
  fs_.FailOnPathContaining(Op::kChangeMode, ".out.c.atomicgen-", EPERM);
  try {
    CommitFile(fs_, Path("new.tmp"), Path("out.c"), {});
    ADD_FAILURE() << "no error";
  } catch (const Error& error) {
    EXPECT_TRUE(std::regex_match(
        error.what(), std::regex(R"(chmod\(.*/\.out\.c\.atomicgen-[0-9-]+\.copy\): Operation not permitted)")))
        << error.what();
  }
  EXPECT_EQ(fs_.failures(), 1);
  ExpectDestinationUnchanged();
  EXPECT_EQ(HelperFilesIn(root_), std::vector<std::string>{});
}

TEST_F(FaultInjectionTest, CommitReadFailureWhileComparingLeavesTheDestinationUnchanged) {
  SetUpReplacement();
  WriteFile(Path("new.tmp"), "olx");  // same size: the bytes must be read
  fs_.FailOn(Op::kRead, Path("out.c"), EIO);
  ExpectCommitFails("read", Path("out.c"), "Input/output error");
  ExpectDestinationUnchanged();
}

TEST_F(FaultInjectionTest, CopyWriteFailureLeavesTheDestinationAndNoTemporary) {
  SetUpReplacement();
  fs_.FailOnPathContaining(Op::kWrite, ".atomicgen-", ENOSPC);
  try {
    atomicgen::UpdateIfDifferent(fs_, Path("new.tmp"), Path("out.c"), false, {});
    FAIL() << "no error";
  } catch (const Error& error) {
    EXPECT_TRUE(std::regex_match(
        error.what(),
        std::regex(R"(write\(.*/\.out\.c\.atomicgen-[0-9-]+\.tmp\): No space left on device)")))
        << error.what();
  }
  ExpectDestinationUnchanged();
  EXPECT_EQ(HelperFilesIn(root_), std::vector<std::string>{});
}

TEST_F(FaultInjectionTest, CopyCloseFailureLeavesTheDestinationAndNoTemporary) {
  SetUpReplacement();
  fs_.FailOnPathContaining(Op::kClose, ".atomicgen-", ENOSPC);
  try {
    atomicgen::UpdateIfDifferent(fs_, Path("new.tmp"), Path("out.c"), false, {});
    FAIL() << "no error";
  } catch (const Error& error) {
    EXPECT_TRUE(
        std::regex_match(error.what(), std::regex(R"(close\(.*\.tmp\): No space left on device)")))
        << error.what();
  }
  ExpectDestinationUnchanged();
  EXPECT_EQ(HelperFilesIn(root_), std::vector<std::string>{});
}

TEST_F(FaultInjectionTest, CopyRenameFailureLeavesTheDestinationAndNoTemporary) {
  SetUpReplacement();
  fs_.FailOn(Op::kRename, Path("out.c"), EIO);
  try {
    atomicgen::UpdateIfDifferent(fs_, Path("new.tmp"), Path("out.c"), false, {});
    FAIL() << "no error";
  } catch (const Error& error) {
    ExpectMessage(error, "rename", Path("out.c"), "Input/output error");
  }
  ExpectDestinationUnchanged();
  EXPECT_EQ(ReadFile(Path("new.tmp")), "new");
  EXPECT_EQ(HelperFilesIn(root_), std::vector<std::string>{});
}

TEST_F(FaultInjectionTest, CopyTemporaryCreationFailureLeavesTheDestination) {
  SetUpReplacement();
  fs_.FailOnPathContaining(Op::kCreateExclusive, ".atomicgen-", EACCES);
  try {
    atomicgen::UpdateIfDifferent(fs_, Path("new.tmp"), Path("out.c"), false, {});
    FAIL() << "no error";
  } catch (const Error& error) {
    EXPECT_TRUE(std::regex_match(error.what(), std::regex(R"(create\(.*\): Permission denied)")))
        << error.what();
  }
  ExpectDestinationUnchanged();
  EXPECT_EQ(HelperFilesIn(root_), std::vector<std::string>{});
}

TEST_F(FaultInjectionTest, LockFailureIsReportedAndChangesNothing) {
  SetUpReplacement();
  fs_.FailOn(Op::kOpenOrCreate, Path(".out.c.atomicgen-lock"), EACCES);
  try {
    atomicgen::UpdateIfDifferent(fs_, Path("new.tmp"), Path("out.c"), false, {});
    FAIL() << "no error";
  } catch (const Error& error) {
    ExpectMessage(error, "lock", Path(".out.c.atomicgen-lock"), "Permission denied");
  }
  ExpectDestinationUnchanged();
}

TEST_F(FaultInjectionTest, MoveRenameFailurePutsTheSourceBack) {
  SetUpReplacement();
  fs_.FailOn(Op::kRename, Path("out.c"), EIO);
  try {
    atomicgen::UpdateIfDifferent(fs_, Path("new.tmp"), Path("out.c"), true, {});
    FAIL() << "no error";
  } catch (const Error& error) {
    ExpectMessage(error, "rename", Path("out.c"), "Input/output error");
  }
  ExpectDestinationUnchanged();
  EXPECT_EQ(ReadFile(Path("new.tmp")), "new");
  EXPECT_EQ(HelperFilesIn(root_), std::vector<std::string>{});
}

TEST_F(FaultInjectionTest, MoveChangeModeFailurePutsTheSourceBack) {
  SetUpReplacement();
  ASSERT_EQ(::chmod(Path("out.c").c_str(), 0640), 0);  // the moved file needs the old mode
  fs_.FailOnPathContaining(Op::kChangeMode, ".atomicgen-", EPERM);
  EXPECT_THROW(atomicgen::UpdateIfDifferent(fs_, Path("new.tmp"), Path("out.c"), true, {}), Error);
  ExpectDestinationUnchanged();
  EXPECT_EQ(ReadFile(Path("new.tmp")), "new");
  EXPECT_EQ(HelperFilesIn(root_), std::vector<std::string>{});
}

// ------------------------------------------------------------------------------------------------
// Whole runs (RunStaged / RunInPlace) with a faulty platform layer. These need the process's
// working directory to be the test's directory (ScopedWorkingDirectory).

class FaultyRunTest : public FaultInjectionTest {
 protected:
  void SetUp() override {
    FaultInjectionTest::SetUp();
    write_ = Script("write.sh", "printf '%s' \"$2\" > \"$1\"\n");
  }
  atomicgen::Options RunOptions(std::vector<std::string> outputs,
                                std::vector<std::string> generator) {
    atomicgen::Options options;
    options.subcommand = atomicgen::Subcommand::kRun;
    options.outputs = std::move(outputs);
    options.generator = std::move(generator);
    return options;
  }
  std::string write_;
};

TEST_F(FaultyRunTest, StagedRunRenameFailureKeepsTheOutputAndLeavesNoTemporary) {
  SetUpReplacement();
  ScopedWorkingDirectory in(root_);
  fs_.FailOn(Op::kRename, Path("out.c"), EIO);
  try {
    atomicgen::RunStaged(fs_, RunOptions({"out.c"}, {write_, "out.c", "new"}));
    FAIL() << "no error";
  } catch (const Error& error) {
    ExpectRunMessage(error, "rename", Path("out.c"), "Input/output error", "out.c");
  }
  ExpectDestinationUnchanged();
  EXPECT_EQ(HelperFilesIn(root_), std::vector<std::string>{});
}

TEST_F(FaultyRunTest, StagedRunStdoutTemporaryCloseFailureKeepsTheOutput) {
  WriteFile(Path("out.c"), "old");
  destination_inode_ = StatOf(Path("out.c")).st_ino;
  ScopedWorkingDirectory in(root_);
  fs_.FailOnPathContaining(Op::kClose, ".out.c.atomicgen-", ENOSPC);
  atomicgen::Options options = RunOptions({}, {"echo", "new"});
  options.stdout_output = "out.c";
  try {
    atomicgen::RunStaged(fs_, options);
    FAIL() << "no error";
  } catch (const Error& error) {
    EXPECT_TRUE(std::regex_match(
        error.what(),
        std::regex(R"(close\(.*\): No space left on device; previous outputs kept: out\.c)")))
        << error.what();
  }
  ExpectDestinationUnchanged();
  EXPECT_EQ(HelperFilesIn(root_), std::vector<std::string>{});
}

TEST_F(FaultyRunTest, ATemporaryThatCannotBeRemovedKeepsTheLockFileSoTheNextRunSweeps) {
  // Leftovers are swept only where a lock file shows that a run did not finish cleanly: a run
  // that is alive but cannot remove its own temporary must leave that sign too.
  WriteFile(Path("out.c"), "old");
  ScopedWorkingDirectory in(root_);
  fs_.FailOnPathContaining(Op::kRemove, ".out.c.atomicgen-", EIO);
  atomicgen::Options options = RunOptions({}, {"false"});
  options.stdout_output = "out.c";
  EXPECT_THROW(atomicgen::RunStaged(fs_, options), Error);
  EXPECT_EQ(ReadFile(Path("out.c")), "old");
  ASSERT_TRUE(Exists(Path(".out.c.atomicgen-lock")));
  atomicgen::FileLock next(atomicgen::RealFileSystem(), atomicgen::LockPathFor(Path("out.c")));
  EXPECT_TRUE(next.previous_holder_died());
}

TEST_F(FaultyRunTest, StagedRunMissingSecondOutputCommitsNeitherOutput) {
  // The library-level view of "all or nothing": verification of the second output fails after
  // the first one was checked, and the first must not have been committed.
  WriteFile(Path("a.c"), "old a");
  ScopedWorkingDirectory in(root_);
  std::string gen = Script("ab.sh", "printf 'new a' > a.c\n");
  EXPECT_THROW(atomicgen::RunStaged(fs_, RunOptions({"a.c", "b.c"}, {gen})), Error);
  EXPECT_EQ(ReadFile(Path("a.c")), "old a");
  EXPECT_FALSE(Exists(Path("b.c")));
  EXPECT_EQ(HelperFilesIn(root_), std::vector<std::string>{});
}

TEST_F(FaultyRunTest, StagedRunIntoASymlinkedOutputLeavesNoTemporaryWhenTheRenameFails) {
  ASSERT_EQ(::mkdir((base_ + "/real").c_str(), 0777), 0);
  const std::string target = base_ + "/real/target.c";
  WriteFile(target, "old");
  ASSERT_EQ(::symlink(target.c_str(), Path("link.c").c_str()), 0);
  ScopedWorkingDirectory in(root_);
  fs_.FailOn(Op::kRename, target, EIO);
  try {
    atomicgen::RunStaged(fs_, RunOptions({"link.c"}, {write_, "link.c", "new"}));
    FAIL() << "no error";
  } catch (const Error& error) {
    ExpectRunMessage(error, "rename", target, "Input/output error", "link.c");
  }
  EXPECT_EQ(ReadFile(target), "old");
  EXPECT_EQ(HelperFilesIn(root_), std::vector<std::string>{});
  // "no temporary file remains": also not next to the link's target.
  EXPECT_EQ(HelperFilesIn(base_ + "/real"), std::vector<std::string>{});
}

TEST_F(FaultyRunTest, StagedRunIntoASymlinkedOutputOnAnotherDeviceCopiesNextToTheTarget) {
  ASSERT_EQ(::mkdir((base_ + "/real").c_str(), 0777), 0);
  const std::string target = base_ + "/real/target.c";
  WriteFile(target, "old");
  ASSERT_EQ(::chmod(target.c_str(), 0640), 0);
  ASSERT_EQ(::symlink(target.c_str(), Path("link.c").c_str()), 0);
  ScopedWorkingDirectory in(root_);
  fs_.PretendOtherDevice(".stage");
  atomicgen::RunStaged(fs_, RunOptions({"link.c"}, {write_, "link.c", "new"}));
  EXPECT_TRUE(S_ISLNK(LStatOf(Path("link.c")).st_mode));
  EXPECT_EQ(ReadFile(target), "new");
  EXPECT_EQ(StatOf(target).st_mode & 07777, 0640u);
  EXPECT_EQ(HelperFilesIn(root_), std::vector<std::string>{});
  EXPECT_EQ(HelperFilesIn(base_ + "/real"), std::vector<std::string>{});
}

TEST_F(FaultyRunTest,
       StagedRunIntoASymlinkedOutputOnAnotherDeviceLeavesNoTemporaryWhenTheCopyFails) {
  ASSERT_EQ(::mkdir((base_ + "/real").c_str(), 0777), 0);
  const std::string target = base_ + "/real/target.c";
  WriteFile(target, "old");
  ASSERT_EQ(::symlink(target.c_str(), Path("link.c").c_str()), 0);
  ScopedWorkingDirectory in(root_);
  fs_.PretendOtherDevice(".stage");
  fs_.FailOnPathContaining(Op::kWrite, "/real/.target.c.atomicgen-", ENOSPC);
  try {
    atomicgen::RunStaged(fs_, RunOptions({"link.c"}, {write_, "link.c", "new"}));
    FAIL() << "no error";
  } catch (const Error& error) {
    EXPECT_TRUE(std::regex_match(
        error.what(),
        std::regex(
            R"(write\(.*/real/\.target\.c\.atomicgen-.*\.copy\): No space left on device; previous outputs kept: link\.c)")))
        << error.what();
  }
  EXPECT_EQ(ReadFile(target), "old");
  EXPECT_EQ(HelperFilesIn(root_), std::vector<std::string>{});
  EXPECT_EQ(HelperFilesIn(base_ + "/real"), std::vector<std::string>{});
}

TEST_F(FaultyRunTest,
       StagedRunIntoASymlinkedOutputOnAnotherDeviceLeavesNoTemporaryWhenTheRenameFails) {
  ASSERT_EQ(::mkdir((base_ + "/real").c_str(), 0777), 0);
  const std::string target = base_ + "/real/target.c";
  WriteFile(target, "old");
  ASSERT_EQ(::symlink(target.c_str(), Path("link.c").c_str()), 0);
  ScopedWorkingDirectory in(root_);
  fs_.PretendOtherDevice(".stage");
  fs_.FailOn(Op::kRename, target, EIO);
  try {
    atomicgen::RunStaged(fs_, RunOptions({"link.c"}, {write_, "link.c", "new"}));
    FAIL() << "no error";
  } catch (const Error& error) {
    ExpectRunMessage(error, "rename", target, "Input/output error", "link.c");
  }
  EXPECT_EQ(ReadFile(target), "old");
  EXPECT_EQ(HelperFilesIn(root_), std::vector<std::string>{});
  // "no temporary file remains": also not the copy made next to the link's target.
  EXPECT_EQ(HelperFilesIn(base_ + "/real"), std::vector<std::string>{});
}

TEST_F(FaultyRunTest, InPlaceBackupFailureRunsNoGeneratorAndKeepsTheOutput) {
  SetUpReplacement();
  ScopedWorkingDirectory in(root_);
  const std::string ran = base_ + "/ran";
  std::string gen = Script("touch.sh", ": > \"$1\"; printf new > out.c\n");
  fs_.FailOnPathContaining(Op::kWrite, ".bak", ENOSPC);
  atomicgen::Options options = RunOptions({"out.c"}, {gen, ran});
  options.in_place = true;
  try {
    atomicgen::RunInPlace(fs_, options);
    FAIL() << "no error";
  } catch (const Error& error) {
    EXPECT_TRUE(std::regex_match(error.what(),
                                 std::regex(R"(write\(.*\.bak.*\): No space left on device)")))
        << error.what();
  }
  EXPECT_FALSE(Exists(ran));
  ExpectDestinationUnchanged();
  EXPECT_EQ(HelperFilesIn(root_), std::vector<std::string>{});
}

TEST_F(FaultyRunTest, InPlaceFailedRestoreKeepsTheBackupForTheNextRun) {
  SetUpReplacement();
  ScopedWorkingDirectory in(root_);
  std::string gen = Script("fail.sh", "printf half > out.c; exit 1\n");
  fs_.FailOn(Op::kRename, Path("out.c"), EIO);
  atomicgen::Options options = RunOptions({"out.c"}, {gen});
  options.in_place = true;
  EXPECT_THROW(atomicgen::RunInPlace(fs_, options), Error);
  // The restore failed: the previous bytes must still exist, in the backup, with the journal that
  // says to put it back, and the lock file stays so that the next run on out.c finds them.
  std::vector<std::string> left = HelperFilesIn(root_);
  ASSERT_EQ(left.size(), 3u) << Join(left, " ");
  EXPECT_TRUE(std::regex_match(left[0], std::regex(R"(\.out\.c\.atomicgen-[0-9-]+\.bak)")));
  EXPECT_EQ(ReadFile(Path(left[0])), "old");
  EXPECT_TRUE(std::regex_match(left[1], std::regex(R"(\.out\.c\.atomicgen-[0-9-]+\.journal)")));
  EXPECT_EQ(left[2], ".out.c.atomicgen-lock");
}

}  // namespace
}  // namespace atomicgen_test
