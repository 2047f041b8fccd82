// Concurrent helpers: readers never see a partial file, runs sharing an output serialize, runs on
// different outputs do not. Every wait is bounded; each test prints what it counted.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <atomic>
#include <fstream>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "commit.h"
#include "platform.h"
#include "test_support.h"

namespace atomicgen_test {
namespace {

constexpr int kHelpers = 8;
constexpr int kChunks = 4;

class ConcurrencyTest : public TempDirTest {
 protected:
  // Version `v` of the output, as `kChunks` chunk files under base_/versions; returns the whole.
  std::string MakeVersion(int v) {
    std::string whole;
    for (int c = 1; c <= kChunks; ++c) {
      std::string chunk;
      for (int line = 0; line < 100; ++line) {
        chunk += "version " + std::to_string(v) + " chunk " + std::to_string(c) + " line " +
                 std::to_string(line) + "\n";
      }
      WriteFile(base_ + "/versions/v" + std::to_string(v) + "." + std::to_string(c), chunk);
      whole += chunk;
    }
    return whole;
  }
};

// Reads `path` in a loop until stopped, counting reads that were not one of `complete`.
class Reader {
 public:
  Reader(std::string path, std::set<std::string> complete)
      : path_(std::move(path)), complete_(std::move(complete)), thread_([this] { Loop(); }) {}
  ~Reader() { Stop(); }
  void Stop() {
    stop_ = true;
    if (thread_.joinable()) thread_.join();
  }
  int reads() const { return reads_; }
  int missing() const { return missing_; }
  int partial() const { return partial_; }

 private:
  void Loop() {
    std::vector<char> buffer(1 << 20);
    while (!stop_) {
      int fd = ::open(path_.c_str(), O_RDONLY | O_CLOEXEC);
      if (fd < 0) {
        ++missing_;
        continue;
      }
      std::string content;
      ssize_t n;
      while ((n = ::read(fd, buffer.data(), buffer.size())) > 0) content.append(buffer.data(), n);
      ::close(fd);
      ++reads_;
      if (complete_.count(content) == 0) ++partial_;
    }
  }

  std::string path_;
  std::set<std::string> complete_;
  std::atomic<bool> stop_{false};
  std::atomic<int> reads_{0}, missing_{0}, partial_{0};
  std::thread thread_;
};

TEST_F(ConcurrencyTest, ConcurrentRunsOnOneOutputNeverExposeAPartialFile) {
  ASSERT_EQ(::mkdir((base_ + "/versions").c_str(), 0777), 0);
  std::set<std::string> complete;
  std::vector<std::string> versions;
  for (int v = 0; v <= kHelpers; ++v) {
    versions.push_back(MakeVersion(v));
    complete.insert(versions.back());
  }
  WriteFile(Path("out.txt"), versions[0]);
  std::string gen =
      Script("slow.sh", "for c in 1 2 3 4; do cat \"$1.$c\" >> out.txt; sleep 0.01; done\n");

  Reader reader(Path("out.txt"), complete);
  std::vector<Process> helpers;
  for (int v = 1; v <= kHelpers; ++v) {
    Invocation invocation;
    invocation.args = {"run", "--output", "out.txt",
                       "--",  gen,        base_ + "/versions/v" + std::to_string(v)};
    helpers.push_back(StartHelper(invocation));
  }
  for (Process& helper : helpers) {
    Result result = helper.Wait();
    EXPECT_EQ(result.exit_code, 0) << result;
  }
  reader.Stop();

  std::cout << "[ counted  ] " << kHelpers << " helpers, " << reader.reads() << " reads, "
            << reader.missing() << " missing, " << reader.partial() << " partial\n";
  EXPECT_GT(reader.reads(), 0);
  EXPECT_EQ(reader.missing(), 0);
  EXPECT_EQ(reader.partial(), 0);
  std::string final_content = ReadFile(Path("out.txt"));
  EXPECT_NE(final_content, versions[0]);
  EXPECT_EQ(complete.count(final_content), 1u) << "final content is not a complete version";
  EXPECT_EQ(HelperFilesIn(root_), std::vector<std::string>{});
}

TEST_F(ConcurrencyTest, ConcurrentStdoutRunsNeverExposeAPartialFile) {
  ASSERT_EQ(::mkdir((base_ + "/versions").c_str(), 0777), 0);
  std::set<std::string> complete;
  std::vector<std::string> versions;
  for (int v = 0; v <= kHelpers; ++v) {
    versions.push_back(MakeVersion(v));
    complete.insert(versions.back());
  }
  WriteFile(Path("out.txt"), versions[0]);
  std::string gen = Script("slow.sh", "for c in 1 2 3 4; do cat \"$1.$c\"; sleep 0.01; done\n");

  Reader reader(Path("out.txt"), complete);
  std::vector<Process> helpers;
  for (int v = 1; v <= kHelpers; ++v) {
    Invocation invocation;
    invocation.args = {"run", "--stdout", "out.txt",
                       "--",  gen,        base_ + "/versions/v" + std::to_string(v)};
    helpers.push_back(StartHelper(invocation));
  }
  for (Process& helper : helpers) {
    Result result = helper.Wait();
    EXPECT_EQ(result.exit_code, 0) << result;
  }
  reader.Stop();
  std::cout << "[ counted  ] " << kHelpers << " helpers, " << reader.reads() << " reads, "
            << reader.missing() << " missing, " << reader.partial() << " partial\n";
  EXPECT_EQ(reader.missing(), 0);
  EXPECT_EQ(reader.partial(), 0);
  EXPECT_EQ(complete.count(ReadFile(Path("out.txt"))), 1u);
}

TEST_F(ConcurrencyTest, ConcurrentCopyIfDifferentNeverExposesAPartialFile) {
  std::set<std::string> complete;
  for (int v = 0; v <= kHelpers; ++v) {
    std::string content(300000, static_cast<char>('a' + v));
    complete.insert(content);
    WriteFile(v == 0 ? Path("dst.bin") : Path("src" + std::to_string(v)), content);
  }
  Reader reader(Path("dst.bin"), complete);
  std::vector<Process> helpers;
  for (int v = 1; v <= kHelpers; ++v) {
    Invocation invocation;
    invocation.args = {"copy-if-different", "src" + std::to_string(v), "dst.bin"};
    helpers.push_back(StartHelper(invocation));
  }
  for (Process& helper : helpers) {
    Result result = helper.Wait();
    EXPECT_EQ(result.exit_code, 0) << result;
  }
  reader.Stop();
  std::cout << "[ counted  ] " << kHelpers << " copies, " << reader.reads() << " reads\n";
  EXPECT_EQ(reader.missing(), 0);
  EXPECT_EQ(reader.partial(), 0);
  EXPECT_EQ(complete.count(ReadFile(Path("dst.bin"))), 1u);
}

TEST_F(ConcurrencyTest, RunsSharingAnOutputDoNotOverlap) {
  const std::string log = base_ + "/log";
  std::string gen = Script("logged.sh",
                           "echo start >> \"$1\"; sleep 0.05; echo end >> \"$1\"; "
                           "printf '%s' \"$2\" > shared.txt\n");
  std::vector<Process> helpers;
  for (int i = 0; i < 3; ++i) {
    Invocation invocation;
    invocation.args = {"run", "--output", "shared.txt", "--", gen, log, std::to_string(i)};
    helpers.push_back(StartHelper(invocation));
  }
  for (Process& helper : helpers) {
    Result result = helper.Wait();
    EXPECT_EQ(result.exit_code, 0) << result;
  }
  EXPECT_EQ(ReadFile(log), "start\nend\nstart\nend\nstart\nend\n");
}

TEST_F(ConcurrencyTest, RunsOnDifferentOutputsProceedConcurrently) {
  // Each generator announces itself, then waits (bounded) for the other one: with a global lock
  // the first would time out and fail; with per-output locks both finish.
  std::string gen = Script("rendezvous.sh",
                           ": > \"$1\"\n"
                           "i=0; while [ ! -e \"$2\" ] && [ $i -lt 300 ]; do sleep 0.01; "
                           "i=$((i+1)); done\n"
                           "[ -e \"$2\" ] || exit 9\n"
                           "printf '%s' \"$1\" > \"$3\"\n");
  const std::string a_started = base_ + "/a.started";
  const std::string b_started = base_ + "/b.started";
  Invocation a, b;
  a.args = {"run", "--output", "a.txt", "--", gen, a_started, b_started, "a.txt"};
  b.args = {"run", "--output", "b.txt", "--", gen, b_started, a_started, "b.txt"};
  auto begin = std::chrono::steady_clock::now();
  Process helper_a = StartHelper(a);
  Process helper_b = StartHelper(b);
  Result result_a = helper_a.Wait();
  Result result_b = helper_b.Wait();
  auto elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(
      std::chrono::steady_clock::now() - begin);
  std::cout << "[ counted  ] both runs took " << elapsed.count() << " ms\n";
  EXPECT_EQ(result_a.exit_code, 0) << result_a;
  EXPECT_EQ(result_b.exit_code, 0) << result_b;
  EXPECT_TRUE(Exists(Path("a.txt")));
  EXPECT_TRUE(Exists(Path("b.txt")));
}

TEST_F(ConcurrencyTest, RunsWithOverlappingOutputsInOppositeOrderDoNotDeadlock) {
  std::string gen =
      Script("two.sh", "sleep 0.02; printf '%s' \"$1\" > x.txt; printf '%s' \"$1\" > y.txt\n");
  std::vector<Process> helpers;
  for (int i = 0; i < 6; ++i) {
    Invocation invocation;
    invocation.args =
        i % 2 == 0 ? std::vector<std::string>{"run",   "--output", "x.txt", "--output",
                                              "y.txt", "--",       gen,     std::to_string(i)}
                   : std::vector<std::string>{"run",   "--output", "y.txt", "--output",
                                              "x.txt", "--",       gen,     std::to_string(i)};
    helpers.push_back(StartHelper(invocation));
  }
  for (Process& helper : helpers) {
    Result result = helper.Wait(std::chrono::milliseconds(10000));
    EXPECT_FALSE(result.timed_out) << "deadlock";
    EXPECT_EQ(result.exit_code, 0) << result;
  }
  EXPECT_EQ(ReadFile(Path("x.txt")), ReadFile(Path("y.txt")));
}

// True once `pid` is blocked in flock(2) (per /proc/<pid>/syscall).
bool BlockedInFlock(pid_t pid) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/syscall");
  long number = -1;
  return (in >> number) && number == SYS_flock;
}

TEST_F(ConcurrencyTest, HelperInterruptedWhileWaitingForALockExitsWith128PlusSignal) {
  WriteFile(Path("out.c"), "old");
  atomicgen::FileLock held(atomicgen::RealFileSystem(), atomicgen::LockPathFor(Path("out.c")));
  const std::string ran = base_ + "/ran";
  std::string gen = Script("gen.sh", ": > \"$1\"; printf new > out.c\n");
  Invocation invocation;
  invocation.args = {"run", "--output", "out.c", "--", gen, ran};
  Process helper = StartHelper(invocation);
  ASSERT_TRUE(
      WaitUntil([&] { return BlockedInFlock(helper.pid()); }, std::chrono::milliseconds(5000)))
      << "the helper never waited for the lock";
  ASSERT_EQ(::kill(helper.pid(), SIGTERM), 0);
  Result result = helper.Wait(std::chrono::milliseconds(5000));
  ASSERT_FALSE(result.timed_out);
  EXPECT_EQ(result.exit_code, 128 + SIGTERM) << result;
  EXPECT_FALSE(Exists(ran));
  EXPECT_EQ(ReadFile(Path("out.c")), "old");
}

TEST_F(ConcurrencyTest, HelperWaitsForALockHeldByAnotherRun) {
  WriteFile(Path("out.c"), "old");
  auto held = std::make_unique<atomicgen::FileLock>(atomicgen::RealFileSystem(),
                                                    atomicgen::LockPathFor(Path("out.c")));
  const std::string ran = base_ + "/ran";
  std::string gen = Script("gen.sh", ": > \"$1\"; printf new > out.c\n");
  Invocation invocation;
  invocation.args = {"run", "--output", "out.c", "--", gen, ran};
  Process helper = StartHelper(invocation);
  ASSERT_TRUE(
      WaitUntil([&] { return BlockedInFlock(helper.pid()); }, std::chrono::milliseconds(5000)));
  EXPECT_FALSE(Exists(ran));
  held.reset();
  Result result = helper.Wait();
  EXPECT_EQ(result.exit_code, 0) << result;
  EXPECT_TRUE(Exists(ran));
  EXPECT_EQ(ReadFile(Path("out.c")), "new");
  EXPECT_EQ(HelperFilesIn(root_), std::vector<std::string>{});
}

// ------------------------------------------------------------------------------------------------
// The lock file as the sign that a run died (FileLock::previous_holder_died): the sweep for
// leftovers runs only then.

TEST_F(ConcurrencyTest, ALockFileThisRunCreatesShowsNoDeadHolderAndIsRemovedOnRelease) {
  const std::string path = atomicgen::LockPathFor(Path("out.c"));
  {
    atomicgen::FileLock lock(atomicgen::RealFileSystem(), path);
    EXPECT_FALSE(lock.previous_holder_died());
    EXPECT_TRUE(Exists(path));
  }
  EXPECT_FALSE(Exists(path));
  atomicgen::FileLock again(atomicgen::RealFileSystem(), path);
  EXPECT_FALSE(again.previous_holder_died());  // a normal release leaves no sign
}

TEST_F(ConcurrencyTest, ALockFileLeftByAHolderThatDiedIsReportedAndRemovedOnRelease) {
  const std::string path = atomicgen::LockPathFor(Path("out.c"));
  WriteFile(path, "");  // what a helper killed with SIGKILL leaves: it never removes its lock file
  {
    atomicgen::FileLock lock(atomicgen::RealFileSystem(), path);
    EXPECT_TRUE(lock.previous_holder_died());
  }
  EXPECT_FALSE(Exists(path));
}

TEST_F(ConcurrencyTest, AHolderThatLeftAFileBehindKeepsItsLockFileForTheNextRun) {
  const std::string path = atomicgen::LockPathFor(Path("out.c"));
  {
    atomicgen::FileLock lock(atomicgen::RealFileSystem(), path);
    atomicgen::NoteLeftBehind();  // a best-effort cleanup failed while it was held
  }
  EXPECT_TRUE(Exists(path));
  {
    atomicgen::FileLock next(atomicgen::RealFileSystem(), path);
    EXPECT_TRUE(next.previous_holder_died());
  }
  EXPECT_FALSE(Exists(path));  // the next holder swept and left nothing behind itself
}

}  // namespace
}  // namespace atomicgen_test
