// The commit journal (journal.h) and the recovery around it (commit.h) on the real disk, in a
// scoped temporary directory. A run killed at each step of a commit is simulated by leaving what it
// leaves: its lock files, hard-link backups, new files, a journal (StartCommit itself), and the
// renames done before the kill. Recovery is then driven the way the next run on those outputs
// drives it: LockOutputs, or FindInterruptedCommits with RecoverInterruptedCommit / RollBack.
#include "journal.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <optional>
#include <string>
#include <vector>

#include "commit.h"
#include "test_support.h"

namespace atomicgen_test {
namespace {

using atomicgen::BackupPathFor;
using atomicgen::FileLock;
using atomicgen::FindInterruptedCommits;
using atomicgen::HelperFileName;
using atomicgen::Journal;
using atomicgen::JournalEntry;
using atomicgen::LockOutputs;
using atomicgen::LockPathFor;
using atomicgen::ParseHelperFileName;
using atomicgen::RealFileSystem;
using atomicgen::RemoveStaleLeftovers;
using atomicgen::TemporaryPathFor;

// True when another open file description holds an exclusive flock(2) on `path`.
bool LockedByAnother(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  const bool held = ::flock(fd, LOCK_EX | LOCK_NB) != 0 && errno == EWOULDBLOCK;
  ::close(fd);
  return held;
}

void RenameOrFail(const std::string& from, const std::string& to) {
  ASSERT_EQ(::rename(from.c_str(), to.c_str()), 0)
      << from << " -> " << to << ": " << std::strerror(errno);
}

// One output of a simulated run: its bytes before and after the commit.
struct Change {
  std::string target;
  std::optional<std::string> old_content;  // nullopt: the output did not exist
  std::string new_content;
};

class JournalTest : public TempDirTest {
 protected:
  // A run that was killed mid-commit: what it wrote, and what the outputs were before.
  struct DeadRun {
    Journal journal;
    std::vector<Change> changes;
    std::vector<std::string> new_files;  // entry i's new file, until its rename
    std::vector<struct stat> old_stats;  // entry i's output before the commit (when it existed)
    std::vector<struct stat> new_stats;  // entry i's new file
  };

  // The run id of a run whose process is gone.
  static std::string DeadRunId() { return std::to_string(DeadPid()) + "-0000000000000000001"; }

  // Does what CommitAll does up to its first rename, as the run `run_id`: the lock file of every
  // output (empty, as a run that died holding it leaves it), a hard-link backup of every existing
  // output, every new file written next to its output, then the journal (StartCommit).
  DeadRun StartCommitOf(const std::vector<Change>& changes, const std::string& run_id) {
    DeadRun run;
    run.changes = changes;
    run.journal.run_id = run_id;
    for (const Change& change : changes) {
      WriteFile(LockPathFor(change.target), "");
      JournalEntry entry;
      entry.target = change.target;
      struct stat old_stat {};
      if (change.old_content) {
        WriteFile(change.target, *change.old_content);
        SetPastMtime(change.target);
        old_stat = StatOf(change.target);
        const std::string backup = BackupPathFor(change.target, run_id);
        EXPECT_EQ(::link(change.target.c_str(), backup.c_str()), 0)
            << backup << ": " << std::strerror(errno);
        entry.old_inode = old_stat.st_ino;
        entry.backup_inode = StatOf(backup).st_ino;
      }
      const std::string new_file = TemporaryPathFor(change.target, run_id);
      WriteFile(new_file, change.new_content);
      const struct stat new_stat = StatOf(new_file);
      entry.device = new_stat.st_dev;
      entry.new_inode = new_stat.st_ino;
      run.journal.entries.push_back(entry);
      run.new_files.push_back(new_file);
      run.old_stats.push_back(old_stat);
      run.new_stats.push_back(new_stat);
    }
    atomicgen::StartCommit(RealFileSystem(), run.journal, false);
    return run;
  }

  // The commit's rename of entry `i` (the dead run got this far).
  static void RenameIn(const DeadRun& run, std::size_t i) {
    RenameOrFail(run.new_files[i], run.changes[i].target);
  }

  // Output `i` is the file it was before the commit: same bytes, inode and mtime.
  static void ExpectOld(const DeadRun& run, std::size_t i) {
    const std::string& target = run.changes[i].target;
    ASSERT_TRUE(run.changes[i].old_content.has_value());
    ASSERT_TRUE(Exists(target)) << target;
    EXPECT_EQ(ReadFile(target), *run.changes[i].old_content) << target;
    const struct stat now = StatOf(target);
    EXPECT_EQ(now.st_ino, run.old_stats[i].st_ino) << target;
    EXPECT_TRUE(SameMtime(now, run.old_stats[i])) << target;
  }

  // Output `i` is the dead run's new file.
  static void ExpectNew(const DeadRun& run, std::size_t i) {
    const std::string& target = run.changes[i].target;
    ASSERT_TRUE(Exists(target)) << target;
    EXPECT_EQ(ReadFile(target), run.changes[i].new_content) << target;
    EXPECT_EQ(StatOf(target).st_ino, run.new_stats[i].st_ino) << target;
  }

  // The lock file names of `targets`' outputs, as HelperFilesIn lists them.
  static std::vector<std::string> LockNames(const std::vector<std::string>& targets) {
    std::vector<std::string> names;
    for (const std::string& target : targets) {
      names.push_back(atomicgen::BaseNameOf(LockPathFor(target)));
    }
    return names;
  }

  // Two existing outputs in the root, a.c then b.c.
  std::vector<Change> TwoOutputs() const {
    return {{Path("a.c"), "old a", "new a"}, {Path("b.c"), "old b", "new b"}};
  }
};

// ------------------------------------------------------------------------------------------------
// The journal as written and found.

TEST_F(JournalTest, StartCommitPutsTheJournalNextToTheFirstOutput) {
  DeadRun run = StartCommitOf(TwoOutputs(), DeadRunId());
  EXPECT_EQ(run.journal.path, Path(".a.c.atomicgen-" + DeadRunId() + ".journal"));
  EXPECT_TRUE(S_ISREG(LStatOf(run.journal.path).st_mode));
  EXPECT_FALSE(Exists(TemporaryPathFor(run.journal.path, DeadRunId())));
}

TEST_F(JournalTest, FindInterruptedCommitsReadsBackWhatStartCommitWrote) {
  DeadRun run = StartCommitOf(
      {{Path("a.c"), "old a", "new a"}, {Path("new.h"), std::nullopt, "new h"}}, DeadRunId());
  std::vector<Journal> found = FindInterruptedCommits(RealFileSystem(), {root_});
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].run_id, DeadRunId());
  EXPECT_EQ(found[0].path, run.journal.path);
  ASSERT_EQ(found[0].entries.size(), 2u);
  for (std::size_t i = 0; i < 2; ++i) {
    const JournalEntry& read = found[0].entries[i];
    const JournalEntry& written = run.journal.entries[i];
    EXPECT_EQ(read.target, written.target);
    EXPECT_EQ(read.device, written.device);
    EXPECT_EQ(read.old_inode, written.old_inode);
    EXPECT_EQ(read.backup_inode, written.backup_inode);
    EXPECT_EQ(read.new_inode, written.new_inode);
  }
  EXPECT_EQ(found[0].entries[1].old_inode, 0u);
  EXPECT_EQ(found[0].entries[1].backup_inode, 0u);
}

// ------------------------------------------------------------------------------------------------
// A run killed at each step of its commit, recovered by the next run on its outputs.

TEST_F(JournalTest, KillAfterTheFirstOfTwoRenamesPutsBothOutputsBack) {
  DeadRun run = StartCommitOf(TwoOutputs(), DeadRunId());
  RenameIn(run, 0);

  std::vector<FileLock> locks = LockOutputs(RealFileSystem(), {Path("a.c"), Path("b.c")});

  ExpectOld(run, 0);
  ExpectOld(run, 1);
  EXPECT_EQ(StatOf(Path("a.c")).st_nlink, 1u);  // its backup name is gone
  EXPECT_EQ(StatOf(Path("b.c")).st_nlink, 1u);
}

TEST_F(JournalTest, RecoveryLeavesOnlyTheLockFilesWhichTheirReleaseRemoves) {
  DeadRun run = StartCommitOf(TwoOutputs(), DeadRunId());
  RenameIn(run, 0);
  {
    std::vector<FileLock> locks = LockOutputs(RealFileSystem(), {Path("a.c"), Path("b.c")});
    EXPECT_EQ(HelperFilesIn(root_), LockNames({Path("a.c"), Path("b.c")}));
  }
  EXPECT_EQ(HelperFilesIn(root_), std::vector<std::string>{});
}

TEST_F(JournalTest, KillAfterTheLastRenameKeepsTheNewSet) {
  DeadRun run = StartCommitOf(TwoOutputs(), DeadRunId());
  RenameIn(run, 0);
  RenameIn(run, 1);

  std::vector<FileLock> locks = LockOutputs(RealFileSystem(), {Path("a.c"), Path("b.c")});

  ExpectNew(run, 0);
  ExpectNew(run, 1);
}

TEST_F(JournalTest, KillAfterTheLastRenameRemovesTheJournalAndTheBackups) {
  DeadRun run = StartCommitOf(TwoOutputs(), DeadRunId());
  RenameIn(run, 0);
  RenameIn(run, 1);

  std::vector<FileLock> locks = LockOutputs(RealFileSystem(), {Path("a.c"), Path("b.c")});

  EXPECT_FALSE(Exists(run.journal.path));
  EXPECT_FALSE(Exists(BackupPathFor(Path("a.c"), DeadRunId())));
  EXPECT_FALSE(Exists(BackupPathFor(Path("b.c"), DeadRunId())));
  EXPECT_EQ(HelperFilesIn(root_), LockNames({Path("a.c"), Path("b.c")}));
}

TEST_F(JournalTest, RecoverInterruptedCommitKeepsTheNewSetWhenEveryOutputWasRenamed) {
  DeadRun run = StartCommitOf(TwoOutputs(), DeadRunId());
  RenameIn(run, 0);
  RenameIn(run, 1);
  std::vector<Journal> found = FindInterruptedCommits(RealFileSystem(), {root_});
  ASSERT_EQ(found.size(), 1u);

  atomicgen::RecoverInterruptedCommit(RealFileSystem(), found[0]);

  ExpectNew(run, 0);
  ExpectNew(run, 1);
  EXPECT_FALSE(Exists(run.journal.path));
}

TEST_F(JournalTest, KillBeforeAnyRenameLeavesBothOutputsUntouched) {
  DeadRun run = StartCommitOf(TwoOutputs(), DeadRunId());

  std::vector<FileLock> locks = LockOutputs(RealFileSystem(), {Path("a.c"), Path("b.c")});

  ExpectOld(run, 0);
  ExpectOld(run, 1);
  EXPECT_EQ(HelperFilesIn(root_), LockNames({Path("a.c"), Path("b.c")}));
}

TEST_F(JournalTest, BackupsLeftAfterTheJournalsRemovalAreSweptAndNeverRestored) {
  DeadRun run = StartCommitOf(TwoOutputs(), DeadRunId());
  RenameIn(run, 0);
  RenameIn(run, 1);
  ASSERT_EQ(::unlink(run.journal.path.c_str()), 0);  // FinishCommit's first step: the commit point

  std::vector<FileLock> locks = LockOutputs(RealFileSystem(), {Path("a.c"), Path("b.c")});

  ExpectNew(run, 0);
  ExpectNew(run, 1);
  EXPECT_FALSE(Exists(BackupPathFor(Path("a.c"), DeadRunId())));
  EXPECT_FALSE(Exists(BackupPathFor(Path("b.c"), DeadRunId())));
}

TEST_F(JournalTest, BackupsWithoutAJournalAreNotAnInterruptedCommit) {
  DeadRun run = StartCommitOf(TwoOutputs(), DeadRunId());
  RenameIn(run, 0);
  ASSERT_EQ(::unlink(run.journal.path.c_str()), 0);
  EXPECT_TRUE(FindInterruptedCommits(RealFileSystem(), {root_}).empty());
}

TEST_F(JournalTest, ANewOutputRenamedInIsRemovedWhenTheOtherWasNotRenamed) {
  DeadRun run = StartCommitOf(
      {{Path("new.h"), std::nullopt, "new h"}, {Path("a.c"), "old a", "new a"}}, DeadRunId());
  RenameIn(run, 0);

  std::vector<FileLock> locks = LockOutputs(RealFileSystem(), {Path("a.c"), Path("new.h")});

  EXPECT_FALSE(Exists(Path("new.h")));
  ExpectOld(run, 1);
}

TEST_F(JournalTest, ANewOutputStaysWhenEveryOutputWasRenamed) {
  DeadRun run = StartCommitOf(
      {{Path("new.h"), std::nullopt, "new h"}, {Path("a.c"), "old a", "new a"}}, DeadRunId());
  RenameIn(run, 0);
  RenameIn(run, 1);

  std::vector<FileLock> locks = LockOutputs(RealFileSystem(), {Path("a.c"), Path("new.h")});

  ExpectNew(run, 0);
  ExpectNew(run, 1);
}

// ------------------------------------------------------------------------------------------------
// Outputs in two directories: the journal in the first one's, a reference in the other.

class JournalTwoDirectoriesTest : public JournalTest {
 protected:
  void SetUp() override {
    JournalTest::SetUp();
    ASSERT_EQ(::mkdir(Path("one").c_str(), 0777), 0);
    ASSERT_EQ(::mkdir(Path("two").c_str(), 0777), 0);
  }
  std::vector<Change> OutputsInTwoDirectories() const {
    return {{Path("one/a.c"), "old a", "new a"}, {Path("two/b.c"), "old b", "new b"}};
  }
  std::string ReferenceIn(const std::string& directory) const {
    return Path(directory + "/.atomicgen-" + DeadRunId() + ".ref");
  }
};

TEST_F(JournalTwoDirectoriesTest, StartCommitLeavesAReferenceToTheJournalInTheOtherDirectory) {
  DeadRun run = StartCommitOf(OutputsInTwoDirectories(), DeadRunId());
  EXPECT_EQ(atomicgen::DirectoryOf(run.journal.path), Path("one"));
  ASSERT_TRUE(Exists(ReferenceIn("two")));
  EXPECT_EQ(ReadFile(ReferenceIn("two")), run.journal.path);
  EXPECT_FALSE(Exists(ReferenceIn("one")));
}

TEST_F(JournalTwoDirectoriesTest, TheSecondDirectoryAloneLeadsToTheJournal) {
  DeadRun run = StartCommitOf(OutputsInTwoDirectories(), DeadRunId());
  std::vector<Journal> found = FindInterruptedCommits(RealFileSystem(), {Path("two")});
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].path, run.journal.path);
}

TEST_F(JournalTwoDirectoriesTest, LockingOnlyTheSecondOutputRollsBackBoth) {
  DeadRun run = StartCommitOf(OutputsInTwoDirectories(), DeadRunId());
  RenameIn(run, 0);

  std::vector<FileLock> locks = LockOutputs(RealFileSystem(), {Path("two/b.c")});

  ExpectOld(run, 0);
  ExpectOld(run, 1);
  EXPECT_FALSE(Exists(run.journal.path));
  EXPECT_FALSE(Exists(ReferenceIn("two")));
}

TEST_F(JournalTwoDirectoriesTest, LockingOnlyTheSecondOutputAlsoTakesTheFirstOutputsLock) {
  DeadRun run = StartCommitOf(OutputsInTwoDirectories(), DeadRunId());
  RenameIn(run, 0);

  std::vector<FileLock> locks = LockOutputs(RealFileSystem(), {Path("two/b.c")});

  EXPECT_EQ(locks.size(), 2u);
  EXPECT_TRUE(LockedByAnother(LockPathFor(Path("one/a.c"))));
  EXPECT_TRUE(LockedByAnother(LockPathFor(Path("two/b.c"))));
}

TEST_F(JournalTwoDirectoriesTest, NothingIsLeftInEitherDirectoryOnceTheLocksAreReleased) {
  DeadRun run = StartCommitOf(OutputsInTwoDirectories(), DeadRunId());
  RenameIn(run, 0);
  { std::vector<FileLock> locks = LockOutputs(RealFileSystem(), {Path("two/b.c")}); }
  EXPECT_EQ(HelperFilesIn(Path("one")), std::vector<std::string>{});
  EXPECT_EQ(HelperFilesIn(Path("two")), std::vector<std::string>{});
}

// ------------------------------------------------------------------------------------------------
// Journals that are not the helper's own, or not of a dead run: ignored, the outputs untouched.

class JournalPlantedTest : public JournalTest {
 protected:
  // A dead run killed after its first rename (a.c new, b.c old): acting on its journal would put
  // a.c back.
  void SetUp() override {
    JournalTest::SetUp();
    if (HasFatalFailure()) return;
    run_ = StartCommitOf(TwoOutputs(), DeadRunId());
    RenameIn(run_, 0);
  }

  // Rewrites the journal's text in place (same file, mode and owner).
  void EditJournal(const std::string& from, const std::string& to) {
    std::string text = ReadFile(run_.journal.path);
    const std::size_t at = text.find(from);
    ASSERT_NE(at, std::string::npos) << text;
    text.replace(at, from.size(), to);
    WriteFile(run_.journal.path, text);
  }

  // The journal is not found, and locking the outputs leaves them as the dead run left them.
  void ExpectIgnored(const std::vector<std::string>& outputs) {
    EXPECT_TRUE(FindInterruptedCommits(RealFileSystem(), {root_}).empty());
    EXPECT_NO_THROW({ std::vector<FileLock> locks = LockOutputs(RealFileSystem(), outputs); });
    ExpectNew(run_, 0);
    ExpectOld(run_, 1);
  }

  DeadRun run_;
};

TEST_F(JournalPlantedTest, ASymlinkToAValidJournalElsewhereIsIgnored) {
  const std::string elsewhere = base_ + "/elsewhere.journal";
  RenameOrFail(run_.journal.path, elsewhere);
  ASSERT_EQ(::symlink(elsewhere.c_str(), run_.journal.path.c_str()), 0);

  ExpectIgnored({Path("a.c"), Path("b.c")});
  EXPECT_TRUE(S_ISLNK(LStatOf(run_.journal.path).st_mode));
  EXPECT_TRUE(Exists(elsewhere));
}

TEST_F(JournalPlantedTest, AJournalWithAWrongHeaderIsIgnored) {
  ASSERT_EQ(LStatOf(run_.journal.path).st_mode & 0777, 0600u);
  EditJournal("atomicgen journal 1\n", "atomicgen journal 2\n");
  ExpectIgnored({Path("a.c"), Path("b.c")});
}

TEST_F(JournalPlantedTest, AJournalWithoutItsEndIsIgnored) {
  EditJournal("end\n", "");
  ExpectIgnored({Path("a.c"), Path("b.c")});
}

TEST_F(JournalPlantedTest, AJournalWhoseRunIdDiffersFromItsNameIsIgnored) {
  const std::string other = std::to_string(DeadPid()) + "-0000000000000000002";
  EditJournal("run " + DeadRunId() + "\n", "run " + other + "\n");
  ExpectIgnored({Path("a.c"), Path("b.c")});
}

TEST_F(JournalPlantedTest, AJournalNamingAnOutputWithoutItsLockFileIsIgnored) {
  ASSERT_EQ(::unlink(LockPathFor(Path("b.c")).c_str()), 0);
  ExpectIgnored({Path("a.c")});
}

TEST_F(JournalPlantedTest, AJournalWithASecondNameIsIgnored) {
  ASSERT_EQ(::link(run_.journal.path.c_str(), (base_ + "/second-name").c_str()), 0);
  ExpectIgnored({Path("a.c"), Path("b.c")});
}

TEST_F(JournalPlantedTest, AJournalAwayFromItsFirstOutputIsIgnored) {
  ASSERT_EQ(::mkdir(Path("other").c_str(), 0777), 0);
  const std::string moved = Path("other/" + atomicgen::BaseNameOf(run_.journal.path));
  RenameOrFail(run_.journal.path, moved);
  EXPECT_TRUE(FindInterruptedCommits(RealFileSystem(), {Path("other")}).empty());
  EXPECT_TRUE(Exists(moved));
}

TEST_F(JournalTest, TheJournalOfALiveRunIsLeftToIt) {
  const std::string live = std::to_string(::getpid()) + "-0000000000000000001";
  DeadRun run = StartCommitOf(TwoOutputs(), live);
  RenameIn(run, 0);

  EXPECT_TRUE(FindInterruptedCommits(RealFileSystem(), {root_}).empty());
  EXPECT_NO_THROW({
    std::vector<FileLock> locks = LockOutputs(RealFileSystem(), {Path("a.c"), Path("b.c")});
  });
  ExpectNew(run, 0);
  ExpectOld(run, 1);
  EXPECT_TRUE(Exists(run.journal.path));
  EXPECT_TRUE(Exists(BackupPathFor(Path("a.c"), live)));
}

// ------------------------------------------------------------------------------------------------
// RemoveStaleLeftovers and a dead run's files.

TEST_F(JournalTest, RemoveStaleLeftoversNeitherFollowsNorRemovesASymlinkNamedLikeABackup) {
  WriteFile(Path("victim"), "keep me");
  const std::string planted = BackupPathFor(Path("out.c"), DeadRunId());
  ASSERT_EQ(::symlink(Path("victim").c_str(), planted.c_str()), 0);

  RemoveStaleLeftovers(RealFileSystem(), root_);

  EXPECT_TRUE(S_ISLNK(LStatOf(planted).st_mode));
  EXPECT_EQ(ReadFile(Path("victim")), "keep me");
}

TEST_F(JournalTest, RemoveStaleLeftoversNeitherFollowsNorRemovesASymlinkNamedLikeATemporary) {
  WriteFile(Path("victim"), "keep me");
  const std::string planted = TemporaryPathFor(Path("out.c"), DeadRunId());
  ASSERT_EQ(::symlink(Path("victim").c_str(), planted.c_str()), 0);

  RemoveStaleLeftovers(RealFileSystem(), root_);

  EXPECT_TRUE(S_ISLNK(LStatOf(planted).st_mode));
  EXPECT_EQ(ReadFile(Path("victim")), "keep me");
}

TEST_F(JournalTest, RemoveStaleLeftoversNeitherFollowsNorRemovesASymlinkNamedLikeAStage) {
  ASSERT_EQ(::mkdir(Path("victim").c_str(), 0777), 0);
  WriteFile(Path("victim/file"), "keep me");
  const std::string planted = Path(".atomicgen-" + DeadRunId() + ".stage");
  ASSERT_EQ(::symlink(Path("victim").c_str(), planted.c_str()), 0);

  RemoveStaleLeftovers(RealFileSystem(), root_);

  EXPECT_TRUE(S_ISLNK(LStatOf(planted).st_mode));
  EXPECT_EQ(ReadFile(Path("victim/file")), "keep me");
}

TEST_F(JournalTest, RemoveStaleLeftoversRemovesADeadRunsBackupWithoutAJournal) {
  WriteFile(Path("out.c"), "committed");
  const std::string backup = BackupPathFor(Path("out.c"), DeadRunId());
  WriteFile(backup, "previous");

  RemoveStaleLeftovers(RealFileSystem(), root_);

  EXPECT_FALSE(Exists(backup));
  EXPECT_EQ(ReadFile(Path("out.c")), "committed");
}

TEST_F(JournalTest, RemoveStaleLeftoversNeverRemovesAJournal) {
  DeadRun run = StartCommitOf(TwoOutputs(), DeadRunId());
  RenameIn(run, 0);

  RemoveStaleLeftovers(RealFileSystem(), root_);

  EXPECT_TRUE(Exists(run.journal.path));
}

// The documented name shapes start with a dot (ParseHelperFileName): a visible file of the user's
// that merely contains a dead run's id is not the helper's to remove.
TEST_F(JournalTest, RemoveStaleLeftoversKeepsAVisibleFileNamedLikeABackup) {
  const std::string users = Path("notes.atomicgen-" + DeadRunId() + ".bak");
  WriteFile(users, "user data");

  RemoveStaleLeftovers(RealFileSystem(), root_);

  EXPECT_TRUE(Exists(users));
}

// ------------------------------------------------------------------------------------------------
// A recovery killed midway, then run again.

TEST_F(JournalTest, RecoveryKilledAfterPuttingOneBackupBackEndsInTheOldSet) {
  DeadRun run = StartCommitOf(TwoOutputs(), DeadRunId());
  RenameIn(run, 0);
  // The recovering run put a.c's backup back, then was killed before removing the journal.
  RenameOrFail(BackupPathFor(Path("a.c"), DeadRunId()), Path("a.c"));

  std::vector<FileLock> locks = LockOutputs(RealFileSystem(), {Path("a.c"), Path("b.c")});

  ExpectOld(run, 0);
  ExpectOld(run, 1);
  EXPECT_FALSE(Exists(run.journal.path));
  EXPECT_EQ(HelperFilesIn(root_), LockNames({Path("a.c"), Path("b.c")}));
}

TEST_F(JournalTest, RecoveryKilledBetweenTwoRestoresEndsInTheOldSet) {
  DeadRun run = StartCommitOf({{Path("a.c"), "old a", "new a"},
                               {Path("b.c"), "old b", "new b"},
                               {Path("c.c"), "old c", "new c"}},
                              DeadRunId());
  RenameIn(run, 0);
  RenameIn(run, 1);
  // The recovering run put a.c back and was killed before b.c.
  RenameOrFail(BackupPathFor(Path("a.c"), DeadRunId()), Path("a.c"));

  std::vector<FileLock> locks =
      LockOutputs(RealFileSystem(), {Path("a.c"), Path("b.c"), Path("c.c")});

  ExpectOld(run, 0);
  ExpectOld(run, 1);
  ExpectOld(run, 2);
  EXPECT_FALSE(Exists(run.journal.path));
}

TEST_F(JournalTest, RollBackRunTwiceKeepsTheOldSet) {
  DeadRun run = StartCommitOf(TwoOutputs(), DeadRunId());
  RenameIn(run, 0);
  std::vector<Journal> found = FindInterruptedCommits(RealFileSystem(), {root_});
  ASSERT_EQ(found.size(), 1u);

  atomicgen::RollBack(RealFileSystem(), found[0]);
  EXPECT_NO_THROW(atomicgen::RollBack(RealFileSystem(), found[0]));

  ExpectOld(run, 0);
  ExpectOld(run, 1);
}

// ------------------------------------------------------------------------------------------------
// The next run on a dead run's outputs is `atomicgen copy-if-different` given a relative
// destination (as a user types it): the dead run's journal names absolute outputs.

TEST_F(JournalTest, CopyIfDifferentToARelativeDestinationLeavesADeadRunsCommitRecoverable) {
  DeadRun run = StartCommitOf(TwoOutputs(), DeadRunId());
  RenameIn(run, 0);
  WriteFile(Path("source"), "copied b");

  // b.c's lock file is the dead run's: this run must deal with its commit first.
  Result result = RunHelper({"copy-if-different", "source", "b.c"});
  ASSERT_EQ(result.exit_code, 0) << result;
  EXPECT_EQ(ReadFile(Path("b.c")), "copied b");

  // Whether that run rolled the dead commit back or left it whole, the next run on a.c puts a.c
  // back: it must not find the journal with its backups swept away.
  EXPECT_NO_THROW({ std::vector<FileLock> locks = LockOutputs(RealFileSystem(), {Path("a.c")}); });
  ExpectOld(run, 0);
}

TEST_F(JournalTest, CopyIfDifferentToARelativeDestinationReachedThroughAReferenceFinishes) {
  ASSERT_EQ(::mkdir(Path("one").c_str(), 0777), 0);
  DeadRun run = StartCommitOf(
      {{Path("one/x.c"), "old x", "new x"}, {Path("a.c"), "old a", "new a"}}, DeadRunId());
  RenameIn(run, 0);
  WriteFile(Path("source"), "newer a");

  Invocation invocation;
  invocation.args = {"copy-if-different", "source", "a.c"};
  Process helper = StartHelper(invocation);
  Result result = helper.Wait(std::chrono::milliseconds(5000));

  ASSERT_FALSE(result.timed_out) << "the helper waited on a lock it holds itself\n" << result;
  EXPECT_EQ(result.exit_code, 0) << result;
  ExpectOld(run, 0);
  EXPECT_EQ(ReadFile(Path("a.c")), "newer a");
}

// ------------------------------------------------------------------------------------------------
// ParseHelperFileName

TEST(JournalHelperFileName, ParsesEveryKindOfTheHelpersFileNames) {
  struct Expected {
    const char* name;
    const char* kind;
    const char* stem;
  };
  for (const Expected& expected : {
           Expected{".mod.c.h.atomicgen-42-0000000000000000007.tmp", "tmp", "mod.c.h"},
           Expected{".out.c.atomicgen-42-0000000000000000007.copy", "copy", "out.c"},
           Expected{".out.c.atomicgen-42-0000000000000000007.bak", "bak", "out.c"},
           Expected{".atomicgen-42-0000000000000000007.stage", "stage", ""},
           Expected{".out.c.atomicgen-42-0000000000000000007.journal", "journal", "out.c"},
           Expected{".atomicgen-42-0000000000000000007.ref", "ref", ""},
       }) {
    SCOPED_TRACE(expected.name);
    HelperFileName name = ParseHelperFileName(expected.name);
    EXPECT_EQ(name.pid, 42);
    EXPECT_EQ(name.run_id, "42-0000000000000000007");
    EXPECT_EQ(name.kind, expected.kind);
    EXPECT_EQ(name.stem, expected.stem);
  }
}

TEST(JournalHelperFileName, TheJournalPathOfAnOutputParsesBackToItsRun) {
  const std::string path = atomicgen::JournalPathFor("/a/b/out.c", "42-0000000000000000007");
  EXPECT_EQ(path, "/a/b/.out.c.atomicgen-42-0000000000000000007.journal");
  HelperFileName name = ParseHelperFileName(atomicgen::BaseNameOf(path));
  EXPECT_EQ(name.run_id, "42-0000000000000000007");
  EXPECT_EQ(name.kind, "journal");
}

TEST(JournalHelperFileName, RejectsANonDigitNonce) {
  EXPECT_EQ(ParseHelperFileName(".out.c.atomicgen-42-00000x7.tmp").pid, 0);
}

TEST(JournalHelperFileName, RejectsANonDigitPid) {
  EXPECT_EQ(ParseHelperFileName(".out.c.atomicgen-4x2-0000000000000000007.tmp").pid, 0);
}

TEST(JournalHelperFileName, RejectsARunIdWithoutPidOrNonce) {
  EXPECT_EQ(ParseHelperFileName(".out.c.atomicgen--0000000000000000007.tmp").pid, 0);
  EXPECT_EQ(ParseHelperFileName(".out.c.atomicgen-42-.tmp").pid, 0);
  EXPECT_EQ(ParseHelperFileName(".out.c.atomicgen-42.tmp").pid, 0);
}

TEST(JournalHelperFileName, RejectsAnUnknownKind) {
  EXPECT_EQ(ParseHelperFileName(".out.c.atomicgen-42-0000000000000000007.txt").pid, 0);
  EXPECT_EQ(ParseHelperFileName(".out.c.atomicgen-42-0000000000000000007.").pid, 0);
}

TEST(JournalHelperFileName, RejectsALockFile) {
  EXPECT_EQ(ParseHelperFileName(".out.c.atomicgen-lock").pid, 0);
}

TEST(JournalHelperFileName, RejectsANameWithoutARunId) {
  EXPECT_EQ(ParseHelperFileName("x.atomicgen-cfg").pid, 0);
}

// The documented shapes are ".<stem>.atomicgen-<id>.<kind>" and ".atomicgen-<id>.<kind>": a
// visible name (a user's file) is none of the helper's, whatever follows.
TEST(JournalHelperFileName, RejectsANameNotStartingWithADot) {
  EXPECT_EQ(ParseHelperFileName("notes.atomicgen-42-0000000000000000007.bak").pid, 0);
  EXPECT_EQ(ParseHelperFileName("atomicgen-42-0000000000000000007.tmp").pid, 0);
}

}  // namespace
}  // namespace atomicgen_test
