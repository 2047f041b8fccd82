// `atomicgen run` end to end with hostile or odd files next to the outputs, and odd inputs
// (GitHub issue 9): planted recovery files (locks, backups, created-markers, symlinks), bad lock
// paths, hard-linked outputs, a generator writing the final path itself, unwritable stamps, names
// holding control characters, and working-directory entries whose names look like the helper's.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <fstream>
#include <functional>
#include <string>
#include <vector>

#include "test_support.h"

namespace atomicgen_test {
namespace {

constexpr std::chrono::milliseconds kBound(5000);

bool Contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// Expects stderr to be exactly one line, ended by its only '\n'.
void ExpectOneLine(const Result& result) {
  EXPECT_EQ(std::count(result.err.begin(), result.err.end(), '\n'), 1) << result;
  EXPECT_TRUE(!result.err.empty() && result.err.back() == '\n') << result;
}

// True once `pid` is blocked in flock(2) (per /proc/<pid>/syscall).
bool BlockedInFlock(pid_t pid) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/syscall");
  long number = -1;
  return (in >> number) && number == SYS_flock;
}

// An exclusive flock(2) the test process itself holds on `path` (a regular file it creates).
class HeldLock {
 public:
  explicit HeldLock(const std::string& path)
      : fd_(::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0666)) {
    EXPECT_GE(fd_, 0) << path << ": " << std::strerror(errno);
    EXPECT_EQ(::flock(fd_, LOCK_EX), 0) << path << ": " << std::strerror(errno);
  }
  HeldLock(const HeldLock&) = delete;
  HeldLock& operator=(const HeldLock&) = delete;
  ~HeldLock() {
    if (fd_ >= 0) ::close(fd_);
  }

 private:
  int fd_;
};

class HostileFilesTest : public GeneratorRunTest {
 protected:
  // Plants an empty lock file for `output`, as a run killed while holding it leaves; returns
  // its name.
  std::string PlantLock(const std::string& output) {
    std::string name = "." + output + ".atomicgen-lock";
    WriteFile(Path(name), "");
    return name;
  }
  // The name a dead run's journal entry (`kind`: "bak" or "new") for `output` would have.
  std::string DeadRunFile(const std::string& output, const std::string& kind) {
    return "." + output + ".atomicgen-" + std::to_string(DeadPid()) + "-1." + kind;
  }
  // Helper files in the working directory other than the ones the test planted.
  std::vector<std::string> LeftoversBesides(const std::vector<std::string>& planted) {
    std::vector<std::string> left;
    for (const std::string& name : Leftovers()) {
      if (std::find(planted.begin(), planted.end(), name) == planted.end()) left.push_back(name);
    }
    return left;
  }
  // Runs the helper and waits at most kBound for it.
  Result RunBounded(const std::vector<std::string>& args) {
    Invocation invocation;
    invocation.args = args;
    return StartHelper(invocation).Wait(kBound);
  }
  // Starts `run --output out.h` while the test holds the lock of out.h, sends `signal` once the
  // helper waits for it, and returns the helper's result (bounded).
  Result InterruptWhileWaitingForTheLock(int signal) {
    const std::string ran = base_ + "/ran";
    HeldLock held(Path(".out.h.atomicgen-lock"));
    const std::string gen = Script("gen.sh", ": > \"$1\"; printf new > out.h\n");
    Invocation invocation;
    invocation.args = {"run", "--output", "out.h", "--", gen, ran};
    Process helper = StartHelper(invocation);
    WaitUntil([&] { return BlockedInFlock(helper.pid()); }, std::chrono::milliseconds(300));
    EXPECT_EQ(::kill(helper.pid(), signal), 0);
    Result result = helper.Wait(kBound);
    EXPECT_FALSE(Exists(ran)) << "the generator ran without the lock";
    return result;
  }
};

// 1. Planted recovery files are never obeyed blindly.

TEST_F(HostileFilesTest, PlantedSymlinkBackupIsNotRestoredOverAnExistingOrAMissingOutput) {
  ASSERT_EQ(::mkdir((base_ + "/outside").c_str(), 0777), 0);
  const std::string victim = base_ + "/outside/victim";
  for (bool output_exists : {true, false}) {
    SCOPED_TRACE(output_exists ? "out.h exists" : "out.h is missing");
    WriteFile(victim, "victim");
    const ino_t victim_inode = StatOf(victim).st_ino;
    ::unlink(Path("out.h").c_str());
    if (output_exists) WriteFile(Path("out.h"), "old");
    const std::vector<std::string> planted = {PlantLock("out.h"), DeadRunFile("out.h", "bak")};
    ASSERT_EQ(::symlink("../outside/victim", Path(planted[1]).c_str()), 0);

    Result result =
        RunHelper({"run", "--output", "out.h", "--", "sh", "-c", "echo generated >out.h"});

    ASSERT_EQ(result.exit_code, 0) << result;
    EXPECT_TRUE(S_ISREG(LStatOf(Path("out.h")).st_mode)) << "out.h is not a regular file";
    EXPECT_EQ(ReadFile(Path("out.h")), "generated\n");
    EXPECT_EQ(ReadFile(victim), "victim");
    EXPECT_EQ(StatOf(victim).st_ino, victim_inode);
    EXPECT_EQ(LeftoversBesides(planted), std::vector<std::string>{});
    for (const std::string& name : planted) ::unlink(Path(name).c_str());
  }
}

TEST_F(HostileFilesTest, PlantedCreatedMarkerDoesNotDeleteTheOutput) {
  WriteFile(Path("out.h"), "old");
  const ino_t inode = StatOf(Path("out.h")).st_ino;
  const std::vector<std::string> planted = {PlantLock("out.h"), DeadRunFile("out.h", "new")};
  WriteFile(Path(planted[1]), "");

  Result result = RunHelper({"run", "--output", "out.h", "--", "false"});

  EXPECT_EQ(result.exit_code, 1) << result;
  ExpectOneLine(result);
  EXPECT_TRUE(Contains(result.err, "previous outputs kept")) << result;
  ASSERT_TRUE(Exists(Path("out.h"))) << "the planted marker deleted out.h";
  EXPECT_EQ(ReadFile(Path("out.h")), "old");
  EXPECT_EQ(StatOf(Path("out.h")).st_ino, inode);
  EXPECT_EQ(LeftoversBesides(planted), std::vector<std::string>{});
}

TEST_F(HostileFilesTest, PlantedBackupIsNotRestoredOverTheOutput) {
  WriteFile(Path("out.h"), "old");
  const std::vector<std::string> planted = {PlantLock("out.h"), DeadRunFile("out.h", "bak")};
  WriteFile(Path(planted[1]), "evil");

  Result failed = RunHelper({"run", "--output", "out.h", "--", "false"});
  EXPECT_EQ(failed.exit_code, 1) << failed;
  EXPECT_EQ(ReadFile(Path("out.h")), "old");

  Result succeeded = RunHelper({"run", "--output", "out.h", "--", write_, "out.h", "generated"});
  ASSERT_EQ(succeeded.exit_code, 0) << succeeded;
  EXPECT_EQ(ReadFile(Path("out.h")), "generated");
  EXPECT_EQ(LeftoversBesides(planted), std::vector<std::string>{});
}

TEST_F(HostileFilesTest, PlantedBackupWithoutACommitRecordIsNotRestoredAcrossOutputs) {
  WriteFile(Path("a.h"), "new");
  WriteFile(Path("b.h"), "new");
  const std::vector<std::string> planted = {PlantLock("a.h"), PlantLock("b.h"),
                                            DeadRunFile("b.h", "bak")};
  WriteFile(Path(planted[2]), "old");

  Result result = RunHelper({"run", "--output", "a.h", "--output", "b.h", "--", "false"});

  EXPECT_EQ(result.exit_code, 1) << result;
  EXPECT_EQ(ReadFile(Path("a.h")), "new");
  EXPECT_EQ(ReadFile(Path("b.h")), "new");
  EXPECT_EQ(LeftoversBesides(planted), std::vector<std::string>{});
}

// 2. No hang on a bad lock path; an interrupted wait for a lock ends promptly.

TEST_F(HostileFilesTest, DanglingSymlinkAtTheLockPathFailsPromptlyWithExitThree) {
  WriteFile(Path("out.h"), "old");
  SetPastMtime(Path("out.h"));
  const struct stat before = StatOf(Path("out.h"));
  const std::string nowhere = base_ + "/nonexistent";  // its directory exists: it could be made
  ASSERT_EQ(::symlink(nowhere.c_str(), Path(".out.h.atomicgen-lock").c_str()), 0);

  Result result = RunBounded({"run", "--output", "out.h", "--", write_, "out.h", "new"});

  ASSERT_FALSE(result.timed_out) << "the helper did not end within 5 s";
  EXPECT_EQ(result.exit_code, 3) << result;
  ExpectOneLine(result);
  EXPECT_EQ(result.err.rfind("atomicgen: error: lock(", 0), 0u) << result;
  EXPECT_TRUE(Contains(result.err, ".out.h.atomicgen-lock")) << result;
  EXPECT_TRUE(Contains(result.err, "kept")) << result;
  EXPECT_FALSE(Exists(nowhere)) << "a lock file was created through the symlink";
  EXPECT_EQ(ReadFile(Path("out.h")), "old");
  EXPECT_EQ(StatOf(Path("out.h")).st_ino, before.st_ino);
  EXPECT_TRUE(SameMtime(StatOf(Path("out.h")), before));
  EXPECT_EQ(LeftoversBesides({".out.h.atomicgen-lock"}), std::vector<std::string>{});
}

TEST_F(HostileFilesTest, SymlinkToAFileAtTheLockPathFailsPromptlyAndLocksNothingThroughIt) {
  WriteFile(Path("out.h"), "old");
  SetPastMtime(Path("out.h"));
  const struct stat before = StatOf(Path("out.h"));
  ASSERT_EQ(::mkdir((base_ + "/outside").c_str(), 0777), 0);
  const std::string target = base_ + "/outside/target";
  WriteFile(target, "target");
  SetPastMtime(target);
  const struct stat target_before = StatOf(target);
  ASSERT_EQ(::symlink(target.c_str(), Path(".out.h.atomicgen-lock").c_str()), 0);
  // Held by the test: a helper that locked through the symlink would wait here.
  HeldLock held(target);

  Result result = RunBounded({"run", "--output", "out.h", "--", write_, "out.h", "new"});

  ASSERT_FALSE(result.timed_out) << "the helper did not end within 5 s";
  EXPECT_EQ(result.exit_code, 3) << result;
  ExpectOneLine(result);
  EXPECT_EQ(result.err.rfind("atomicgen: error: lock(", 0), 0u) << result;
  EXPECT_TRUE(Contains(result.err, ".out.h.atomicgen-lock")) << result;
  EXPECT_TRUE(Contains(result.err, "kept")) << result;
  EXPECT_EQ(ReadFile(target), "target");
  EXPECT_EQ(StatOf(target).st_ino, target_before.st_ino);
  EXPECT_TRUE(SameMtime(StatOf(target), target_before));
  EXPECT_EQ(ReadFile(Path("out.h")), "old");
  EXPECT_EQ(StatOf(Path("out.h")).st_ino, before.st_ino);
  EXPECT_TRUE(SameMtime(StatOf(Path("out.h")), before));
  EXPECT_EQ(LeftoversBesides({".out.h.atomicgen-lock"}), std::vector<std::string>{});
}

TEST_F(HostileFilesTest, DirectoryOrFifoAtTheLockPathFailsPromptlyWithExitThree) {
  const std::string lock = Path(".out.h.atomicgen-lock");
  const std::vector<std::pair<const char*, std::function<int()>>> planted = {
      {"directory", [&] { return ::mkdir(lock.c_str(), 0777); }},
      {"fifo", [&] { return ::mkfifo(lock.c_str(), 0666); }},  // an open for writing would block
  };
  for (const auto& [kind, plant] : planted) {
    SCOPED_TRACE(kind);
    WriteFile(Path("out.h"), "old");
    SetPastMtime(Path("out.h"));
    const struct stat before = StatOf(Path("out.h"));
    ASSERT_EQ(plant(), 0);

    Result result = RunBounded({"run", "--output", "out.h", "--", write_, "out.h", "new"});

    ASSERT_FALSE(result.timed_out) << "the helper did not end within 5 s";
    EXPECT_EQ(result.exit_code, 3) << result;
    ExpectOneLine(result);
    EXPECT_EQ(result.err.rfind("atomicgen: error: lock(", 0), 0u) << result;
    EXPECT_TRUE(Contains(result.err, ".out.h.atomicgen-lock")) << result;
    EXPECT_TRUE(Contains(result.err, "kept")) << result;
    EXPECT_EQ(ReadFile(Path("out.h")), "old");
    EXPECT_EQ(StatOf(Path("out.h")).st_ino, before.st_ino);
    EXPECT_TRUE(SameMtime(StatOf(Path("out.h")), before));
    EXPECT_EQ(LeftoversBesides({".out.h.atomicgen-lock"}), std::vector<std::string>{});
    ::remove(lock.c_str());
  }
}

TEST_F(HostileFilesTest, SigintOrSigtermWhileWaitingForALiveLockExitsWith128PlusSignal) {
  for (int signal : {SIGINT, SIGTERM}) {
    SCOPED_TRACE(signal);
    WriteFile(Path("out.h"), "old");
    const ino_t inode = StatOf(Path("out.h")).st_ino;

    Result result = InterruptWhileWaitingForTheLock(signal);

    ASSERT_FALSE(result.timed_out) << "the helper did not end within 5 s";
    EXPECT_EQ(result.exit_code, 128 + signal) << result;
    ExpectOneLine(result);
    EXPECT_TRUE(Contains(result.err, "kept")) << result;
    EXPECT_EQ(ReadFile(Path("out.h")), "old");
    EXPECT_EQ(StatOf(Path("out.h")).st_ino, inode);
  }
}

// 3. A mode is only set on files the helper created itself.

TEST_F(HostileFilesTest, OutputHardLinkedToAnotherFileIsCommittedAsACopy) {
  WriteFile(Path("key"), "secret");
  ASSERT_EQ(::chmod(Path("key").c_str(), 0600), 0);

  Result result = RunHelper({"run", "--output", "out.txt", "--", "ln", Path("key"), "out.txt"});

  ASSERT_EQ(result.exit_code, 0) << result;
  const struct stat key = StatOf(Path("key"));
  EXPECT_EQ(key.st_mode & 07777, 0600u);
  EXPECT_EQ(key.st_nlink, 1u);
  EXPECT_EQ(ReadFile(Path("out.txt")), "secret");
  EXPECT_NE(StatOf(Path("out.txt")).st_ino, key.st_ino);
  EXPECT_EQ(Leftovers(), std::vector<std::string>{});
}

TEST_F(HostileFilesTest, ReplacingWithAHardLinkDoesNotChangeTheLinkedFilesMode) {
  WriteFile(Path("key"), "secret");
  ASSERT_EQ(::chmod(Path("key").c_str(), 0600), 0);
  WriteFile(Path("out.txt"), "public");
  ASSERT_EQ(::chmod(Path("out.txt").c_str(), 0644), 0);

  Result result = RunHelper({"run", "--output", "out.txt", "--", "ln", Path("key"), "out.txt"});

  ASSERT_EQ(result.exit_code, 0) << result;
  const struct stat key = StatOf(Path("key"));
  EXPECT_EQ(key.st_mode & 07777, 0600u);
  EXPECT_EQ(key.st_nlink, 1u);
  const struct stat out = StatOf(Path("out.txt"));
  EXPECT_EQ(out.st_mode & 07777, 0644u);
  EXPECT_NE(out.st_ino, key.st_ino);
  EXPECT_EQ(ReadFile(Path("out.txt")), "secret");
  EXPECT_EQ(Leftovers(), std::vector<std::string>{});
}

TEST_F(HostileFilesTest, NewOutputKeepsTheModeTheGeneratorGaveIt) {
  Result result = RunHelper(
      {"run", "--output", "out.sh", "--", "sh", "-c", "printf x >out.sh; chmod 755 out.sh"});

  ASSERT_EQ(result.exit_code, 0) << result;
  EXPECT_EQ(StatOf(Path("out.sh")).st_mode & 07777, 0755u);
  EXPECT_EQ(ReadFile(Path("out.sh")), "x");
  EXPECT_EQ(Leftovers(), std::vector<std::string>{});
}

TEST_F(HostileFilesTest, ReplacedOutputKeepsItsPreviousMode) {
  WriteFile(Path("out.txt"), "old");
  ASSERT_EQ(::chmod(Path("out.txt").c_str(), 0640), 0);
  Invocation invocation;
  invocation.args = {"run", "--output", "out.txt", "--", write_, "out.txt", "new"};
  invocation.umask = 022;  // the generator creates its file 0644

  Result result = RunHelper(invocation);

  ASSERT_EQ(result.exit_code, 0) << result;
  EXPECT_EQ(StatOf(Path("out.txt")).st_mode & 07777, 0640u);
  EXPECT_EQ(ReadFile(Path("out.txt")), "new");
  EXPECT_EQ(Leftovers(), std::vector<std::string>{});
}

// 4. "previous outputs kept" only when true.

TEST_F(HostileFilesTest, GeneratorWritingTheFinalPathItselfExitsFiveAndLeavesItsBytes) {
  WriteFile(Path("o.txt"), "old");
  Invocation invocation;
  invocation.args = {"run", "--output", "o.txt", "--", "sh", "-c", "echo direct >\"$D\""};
  invocation.environment = {{"D", Path("o.txt")}};

  Result result = RunHelper(invocation);

  EXPECT_EQ(result.exit_code, 5) << result;
  ExpectOneLine(result);
  EXPECT_TRUE(Contains(result.err, "o.txt")) << result;
  EXPECT_TRUE(Contains(result.err, "changed")) << result;
  EXPECT_FALSE(Contains(result.err, "previous outputs kept")) << result;
  EXPECT_EQ(ReadFile(Path("o.txt")), "direct\n");
  EXPECT_EQ(Leftovers(), std::vector<std::string>{});
}

TEST_F(HostileFilesTest, UnwritableStampOrChangedStampFailsBeforeAnyOutputIsTouched) {
  WriteFile(Path("notadir"), "a regular file");
  for (const char* option : {"--stamp", "--changed-stamp"}) {
    SCOPED_TRACE(option);
    WriteFile(Path("out.h"), "old");
    SetPastMtime(Path("out.h"));
    const struct stat before = StatOf(Path("out.h"));

    Result result = RunHelper(
        {"run", option, "notadir/stamp", "--output", "out.h", "--", write_, "out.h", "new"});

    EXPECT_EQ(result.exit_code, 3) << result;
    ExpectOneLine(result);
    EXPECT_TRUE(Contains(result.err, "notadir/stamp")) << result;
    EXPECT_TRUE(Contains(result.err, "kept")) << result;
    EXPECT_EQ(ReadFile(Path("out.h")), "old");
    EXPECT_EQ(StatOf(Path("out.h")).st_ino, before.st_ino);
    EXPECT_TRUE(SameMtime(StatOf(Path("out.h")), before));
    EXPECT_EQ(Leftovers(), std::vector<std::string>{});
  }
}

// 5. Every error is one line.

TEST_F(HostileFilesTest, OutputNameWithANewlineIsEscapedInTheErrorLine) {
  // The output exists, so that it is among the outputs the message says were kept.
  WriteFile(Path("a\nb"), "old");

  Result result = RunHelper({"run", "--output", "a\nb", "--", "false"});

  EXPECT_EQ(result.exit_code, 1) << result;
  ExpectOneLine(result);
  EXPECT_TRUE(Contains(result.err, "a\\nb")) << result;
  EXPECT_EQ(ReadFile(Path("a\nb")), "old");
  EXPECT_EQ(Leftovers(), std::vector<std::string>{});
}

TEST_F(HostileFilesTest, GeneratorPathWithATabIsEscapedInTheErrorLine) {
  const std::string generator = base_ + "/bin/no\tsuch-generator";

  Result result = RunHelper({"run", "--output", "out.h", "--", generator});

  EXPECT_NE(result.exit_code, 0) << result;
  ExpectOneLine(result);
  EXPECT_TRUE(Contains(result.err, "no\\tsuch-generator")) << result;
  EXPECT_FALSE(Contains(result.err, "\t")) << result;
  EXPECT_FALSE(Exists(Path("out.h")));
  EXPECT_EQ(Leftovers(), std::vector<std::string>{});
}

// 6. The staging mirror hides nothing but the run's own files.

TEST_F(HostileFilesTest, FileNamedLikeAHelperFileIsVisibleToTheGenerator) {
  WriteFile(Path("x.atomicgen-cfg"), "cfg");

  Result result =
      RunHelper({"run", "--output", "out.txt", "--", "sh", "-c", "cat x.atomicgen-cfg >out.txt"});

  ASSERT_EQ(result.exit_code, 0) << result;
  EXPECT_EQ(ReadFile(Path("out.txt")), "cfg");
  EXPECT_EQ(LeftoversBesides({"x.atomicgen-cfg"}), std::vector<std::string>{});
}

TEST_F(HostileFilesTest, HiddenFileNamedLikeAHelperFileIsVisibleToTheGenerator) {
  WriteFile(Path(".atomicgen-cfg"), "cfg");

  Result result =
      RunHelper({"run", "--output", "out.txt", "--", "sh", "-c", "cat .atomicgen-cfg >out.txt"});

  ASSERT_EQ(result.exit_code, 0) << result;
  EXPECT_EQ(ReadFile(Path("out.txt")), "cfg");
  EXPECT_EQ(LeftoversBesides({".atomicgen-cfg"}), std::vector<std::string>{});
}

TEST_F(HostileFilesTest, DirectoryNamedLikeAHelperFileIsVisibleToTheGenerator) {
  ASSERT_EQ(::mkdir(Path("gen.atomicgen-d").c_str(), 0777), 0);
  WriteFile(Path("gen.atomicgen-d/f"), "in a directory");

  Result result =
      RunHelper({"run", "--output", "out.txt", "--", "sh", "-c", "cat gen.atomicgen-d/f >out.txt"});

  ASSERT_EQ(result.exit_code, 0) << result;
  EXPECT_EQ(ReadFile(Path("out.txt")), "in a directory");
  EXPECT_EQ(LeftoversBesides({"gen.atomicgen-d"}), std::vector<std::string>{});
}

}  // namespace
}  // namespace atomicgen_test
