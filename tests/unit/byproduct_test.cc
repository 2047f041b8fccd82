// `atomicgen run --byproduct` end to end: a side file the generator may write besides its outputs
// is staged like an output and committed with them when written; one it does not write is no error
// and stays as it was. Each test runs in the mirror (ATOMICGEN_ISOLATION=off) and isolated
// (=always; skipped where the kernel refuses isolation).
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>
#include <vector>

#include "test_support.h"

namespace atomicgen_test {
namespace {

enum class Staging { kMirror, kIsolated };

void PrintTo(Staging staging, std::ostream* os) {
  *os << (staging == Staging::kMirror ? "Mirror" : "Isolated");
}

// First line of every generator: records its mount namespace in $PROBE.
const std::string kProbe = "[ -z \"$PROBE\" ] || readlink /proc/self/ns/mnt > \"$PROBE\"\n";

class ByproductTest : public GeneratorRunTest, public ::testing::WithParamInterface<Staging> {
 protected:
  void SetUp() override {
    GeneratorRunTest::SetUp();
    probe_ = base_ + "/probe";
  }

  std::string Generator(const std::string& name, const std::string& body) {
    return Script(name, kProbe + body);
  }

  // Runs the helper with the staging of the test's parameter.
  Result Run(const std::vector<std::string>& args) {
    Invocation invocation;
    invocation.args = args;
    invocation.environment = {
        {"ATOMICGEN_ISOLATION", GetParam() == Staging::kMirror ? "off" : "always"},
        {"PROBE", probe_}};
    return RunHelper(std::move(invocation));
  }

  // True when the last generator ran in a mount namespace other than the tests' own.
  bool RanIsolated() const {
    if (!Exists(probe_)) return false;
    char own[256] = {};
    ssize_t size = ::readlink("/proc/self/ns/mnt", own, sizeof own - 1);
    return size > 0 && ReadFile(probe_) != std::string(own, static_cast<std::size_t>(size)) + "\n";
  }

  // True when an isolated test's run was not isolated (the kernel refused): the test is skipped.
  // A mirror test whose run was isolated fails.
  bool IsolationRefused() {
    if (GetParam() == Staging::kMirror) {
      EXPECT_FALSE(RanIsolated());
      return false;
    }
    return !RanIsolated();
  }

  std::string probe_;
};

TEST_P(ByproductTest, WrittenByproductIsCommittedWithTheOutput) {
  const std::string gen =
      Generator("gen.sh", "printf out > out.c\nmkdir -p logs\nprintf 'log 1' > logs/gen.log\n");

  Result result = Run({"run", "--output", "out.c", "--byproduct", "logs/gen.log", "--", gen});

  if (IsolationRefused()) GTEST_SKIP() << "the kernel refuses isolated staging here";
  ASSERT_EQ(result.exit_code, 0) << result;
  EXPECT_EQ(ReadFile(Path("out.c")), "out");
  EXPECT_EQ(ReadFile(Path("logs/gen.log")), "log 1");
  EXPECT_EQ(Leftovers(), std::vector<std::string>{});
  EXPECT_EQ(HelperFilesIn(Path("logs")), std::vector<std::string>{});
}

TEST_P(ByproductTest, ByproductNotWrittenIsNoErrorAndTheOldOneIsKept) {
  WriteFile(Path("gen.log"), "old log");
  SetPastMtime(Path("gen.log"));
  const struct stat before = StatOf(Path("gen.log"));
  const std::string gen = Generator("gen.sh", "printf out > out.c\n");

  Result result = Run({"run", "--output", "out.c", "--byproduct", "gen.log", "--", gen});

  if (IsolationRefused()) GTEST_SKIP() << "the kernel refuses isolated staging here";
  ASSERT_EQ(result.exit_code, 0) << result;
  EXPECT_EQ(ReadFile(Path("out.c")), "out");
  EXPECT_EQ(ReadFile(Path("gen.log")), "old log");
  const struct stat after = StatOf(Path("gen.log"));
  EXPECT_EQ(after.st_ino, before.st_ino);
  EXPECT_TRUE(SameMtime(after, before));
  EXPECT_EQ(Leftovers(), std::vector<std::string>{});
}

TEST_P(ByproductTest, ByproductNeverWrittenIsNotCreated) {
  const std::string gen = Generator("gen.sh", "printf out > out.c\n");

  Result result = Run({"run", "--output", "out.c", "--byproduct", "gen.log", "--", gen});

  if (IsolationRefused()) GTEST_SKIP() << "the kernel refuses isolated staging here";
  ASSERT_EQ(result.exit_code, 0) << result;
  EXPECT_FALSE(Exists(Path("gen.log")));
  EXPECT_EQ(Leftovers(), std::vector<std::string>{});
}

TEST_P(ByproductTest, IdenticalByproductKeepsItsInodeAndMtime) {
  WriteFile(Path("gen.log"), "same log");
  SetPastMtime(Path("gen.log"));
  const struct stat before = StatOf(Path("gen.log"));
  const std::string gen = Generator("gen.sh", "printf out > out.c\nprintf 'same log' > gen.log\n");

  Result result = Run({"run", "--output", "out.c", "--byproduct", "gen.log", "--", gen});

  if (IsolationRefused()) GTEST_SKIP() << "the kernel refuses isolated staging here";
  ASSERT_EQ(result.exit_code, 0) << result;
  const struct stat after = StatOf(Path("gen.log"));
  EXPECT_EQ(after.st_ino, before.st_ino);
  EXPECT_TRUE(SameMtime(after, before));
}

TEST_P(ByproductTest, ChangedByproductReplacesTheOldOne) {
  WriteFile(Path("gen.log"), "old log");
  const std::string gen = Generator("gen.sh", "printf out > out.c\nprintf 'new log' > gen.log\n");

  Result result =
      Run({"run", "--verbose", "--output", "out.c", "--byproduct", "gen.log", "--", gen});

  if (IsolationRefused()) GTEST_SKIP() << "the kernel refuses isolated staging here";
  ASSERT_EQ(result.exit_code, 0) << result;
  EXPECT_EQ(ReadFile(Path("gen.log")), "new log");
  EXPECT_EQ(result.out,
            "atomicgen: out.c: created\n"
            "atomicgen: gen.log: replaced (byproduct)\n");
}

TEST_P(ByproductTest, FailedGeneratorCommitsNoByproduct) {
  WriteFile(Path("out.c"), "old out");
  WriteFile(Path("gen.log"), "old log");
  SetPastMtime(Path("gen.log"));
  const struct stat before = StatOf(Path("gen.log"));
  const std::string gen =
      Generator("gen.sh", "printf new > out.c\nprintf 'failure log' > gen.log\nexit 1\n");

  Result result = Run({"run", "--output", "out.c", "--byproduct", "gen.log", "--", gen});

  if (IsolationRefused()) GTEST_SKIP() << "the kernel refuses isolated staging here";
  EXPECT_EQ(result.exit_code, 1) << result;
  ExpectOneErrorLine(result);
  EXPECT_EQ(ReadFile(Path("out.c")), "old out");
  EXPECT_EQ(ReadFile(Path("gen.log")), "old log");
  const struct stat after = StatOf(Path("gen.log"));
  EXPECT_EQ(after.st_ino, before.st_ino);
  EXPECT_TRUE(SameMtime(after, before));
  EXPECT_EQ(Leftovers(), std::vector<std::string>{});
}

TEST_P(ByproductTest, MissingOutputCommitsNoByproduct) {
  const std::string gen = Generator("gen.sh", "printf 'log' > gen.log\n");

  Result result = Run({"run", "--output", "out.c", "--byproduct", "gen.log", "--", gen});

  if (IsolationRefused()) GTEST_SKIP() << "the kernel refuses isolated staging here";
  EXPECT_EQ(result.exit_code, 4) << result;
  ExpectOneErrorLine(result);
  EXPECT_NE(result.err.find("run(out.c)"), std::string::npos) << result;
  EXPECT_FALSE(Exists(Path("gen.log")));
  EXPECT_EQ(Leftovers(), std::vector<std::string>{});
}

TEST_P(ByproductTest, UndeclaredFileBesideAByproductStillExitsFour) {
  const std::string gen =
      Generator("gen.sh", "printf out > out.c\nprintf log > gen.log\nprintf x > other.log\n");

  Result result = Run({"run", "--output", "out.c", "--byproduct", "gen.log", "--", gen});

  if (IsolationRefused()) GTEST_SKIP() << "the kernel refuses isolated staging here";
  EXPECT_EQ(result.exit_code, 4) << result;
  EXPECT_NE(result.err.find("other.log"), std::string::npos) << result;
  EXPECT_FALSE(Exists(Path("out.c")));
  EXPECT_FALSE(Exists(Path("gen.log")));
}

TEST_P(ByproductTest, ByproductGivenAbsolutelyIsWrittenAtItsFinalPath) {
  // The generator writes the path it was given into the byproduct: the committed bytes name the
  // final path (isolation gives the generator that path; the mirror turns the staging path back).
  const std::string log = Path("gen.log");
  const std::string gen =
      Generator("gen.sh", "printf out > out.c\nprintf 'written to %s' \"$1\" > \"$1\"\n");

  Result result = Run({"run", "--output", "out.c", "--byproduct", log, "--", gen, log});

  if (IsolationRefused()) GTEST_SKIP() << "the kernel refuses isolated staging here";
  ASSERT_EQ(result.exit_code, 0) << result;
  EXPECT_EQ(ReadFile(log), "written to " + log);
  EXPECT_EQ(Leftovers(), std::vector<std::string>{});
}

TEST_P(ByproductTest, ByproductOfAStdoutRunIsCommitted) {
  const std::string gen = Generator("gen.sh", "printf 'log' > gen.log\nprintf stream\n");

  Result result = Run({"run", "--stdout", "out.txt", "--byproduct", "gen.log", "--", gen});

  if (IsolationRefused()) GTEST_SKIP() << "the kernel refuses isolated staging here";
  ASSERT_EQ(result.exit_code, 0) << result;
  EXPECT_EQ(ReadFile(Path("out.txt")), "stream");
  EXPECT_EQ(ReadFile(Path("gen.log")), "log");
  EXPECT_EQ(Leftovers(), std::vector<std::string>{});
}

TEST_P(ByproductTest, OnlyIfMissingDoesNotRunForAMissingByproduct) {
  WriteFile(Path("out.c"), "out");
  const std::string gen = Generator("gen.sh", "printf new > out.c\nprintf log > gen.log\n");

  Result result =
      Run({"run", "--only-if-missing", "--output", "out.c", "--byproduct", "gen.log", "--", gen});

  ASSERT_EQ(result.exit_code, 0) << result;
  EXPECT_EQ(ReadFile(Path("out.c")), "out");
  EXPECT_FALSE(Exists(Path("gen.log")));
}

INSTANTIATE_TEST_SUITE_P(Staging, ByproductTest,
                         ::testing::Values(Staging::kMirror, Staging::kIsolated));

// The in-place fallback of a --reads-tree run (isolation off): a byproduct is optional there too,
// and put back when the generator fails.
class ByproductInPlaceTest : public GeneratorRunTest {
 protected:
  Result RunWithoutIsolation(const std::vector<std::string>& args) {
    Invocation invocation;
    invocation.args = args;
    invocation.environment = {{"ATOMICGEN_ISOLATION", "off"}};
    return RunHelper(std::move(invocation));
  }
};

TEST_F(ByproductInPlaceTest, ReadsTreeFallbackCommitsAWrittenByproductAndKeepsAMissingOne) {
  const std::string gen =
      Script("gen.sh", "printf out > out.c\n[ -z \"$1\" ] || printf log > gen.log\n");

  Result result = RunWithoutIsolation(
      {"run", "--reads-tree", "--output", "out.c", "--byproduct", "gen.log", "--", gen});
  ASSERT_EQ(result.exit_code, 0) << result;
  EXPECT_FALSE(Exists(Path("gen.log")));

  result = RunWithoutIsolation(
      {"run", "--reads-tree", "--output", "out.c", "--byproduct", "gen.log", "--", gen, "log"});
  ASSERT_EQ(result.exit_code, 0) << result;
  EXPECT_EQ(ReadFile(Path("gen.log")), "log");
  EXPECT_EQ(Leftovers(), std::vector<std::string>{});
}

TEST_F(ByproductInPlaceTest, ReadsTreeFallbackPutsTheByproductBackWhenTheGeneratorFails) {
  WriteFile(Path("out.c"), "old out");
  WriteFile(Path("gen.log"), "old log");
  const std::string gen = Script("gen.sh", "printf new > out.c; printf new > gen.log; exit 1\n");

  Result result = RunWithoutIsolation(
      {"run", "--reads-tree", "--output", "out.c", "--byproduct", "gen.log", "--", gen});

  EXPECT_EQ(result.exit_code, 1) << result;
  EXPECT_EQ(ReadFile(Path("out.c")), "old out");
  EXPECT_EQ(ReadFile(Path("gen.log")), "old log");
  EXPECT_EQ(Leftovers(), std::vector<std::string>{});
}

}  // namespace
}  // namespace atomicgen_test
