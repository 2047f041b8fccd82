// Isolated staging (Linux; helper/src/isolation.h) end to end: the generator runs where the working
// directory and its outputs' directories are overlays, so it sees the final paths and the tree as
// they are; what it writes lands in upper directories the helper checks and commits from.
//
// Every generator here records where it ran (kProbe): in a mount namespace of its own when
// isolated, so a test cannot pass on the mirror or in place when it means isolation (or the other
// way round).
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/xattr.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <regex>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include "test_support.h"

namespace atomicgen_test {
namespace {

// First line of every generator: records in $PROBE its mount namespace, its working directory
// (physical) and its first argument ("mnt:[4026532173] /work /work/out.c"). A direct run (no
// PROBE) records nothing.
const std::string kProbe =
    "[ -z \"$PROBE\" ] || printf '%s %s %s\\n' \"$(readlink /proc/self/ns/mnt)\" \"$(pwd -P)\" "
    "\"$1\" > \"$PROBE\"\n";

// The mount namespace of the tests (and of a generator that is not isolated).
std::string OwnMountNamespace() {
  char target[256] = {};
  ssize_t size = ::readlink("/proc/self/ns/mnt", target, sizeof target - 1);
  EXPECT_GT(size, 0) << std::strerror(errno);
  return std::string(target, size > 0 ? static_cast<std::size_t>(size) : 0);
}

// The physical path of `path`, or `path` itself when it does not exist.
std::string Physical(const std::string& path) {
  char* resolved = ::realpath(path.c_str(), nullptr);
  if (resolved == nullptr) return path;
  std::string result = resolved;
  std::free(resolved);
  return result;
}

// The isolated stages' root of user `uid` for a helper whose TMPDIR is `tmpdir` (empty: the one
// the tests run with, which the helper inherits).
std::string StagingRoot(uid_t uid, std::string tmpdir = "") {
  if (tmpdir.empty()) {
    const char* value = std::getenv("TMPDIR");
    tmpdir = value != nullptr && value[0] == '/' ? value : "/tmp";
  }
  return Physical(tmpdir) + "/atomicgen-" + std::to_string(uid);
}

// The stages in `root` of the helper whose process id is `pid` (".atomicgen-<pid>-<nonce>.stage"):
// other tests may run helpers at the same time, so only this one's are looked at.
std::vector<std::string> StagesOf(const std::string& root, pid_t pid) {
  std::vector<std::string> found;
  if (!Exists(root)) return found;
  const std::string prefix = ".atomicgen-" + std::to_string(pid) + "-";
  for (const std::string& name : ListDirectory(root)) {
    if (name.rfind(prefix, 0) == 0) found.push_back(name);
  }
  return found;
}

// The names of `path`'s extended attributes that contain "overlay".
std::vector<std::string> OverlayAttributes(const std::string& path) {
  std::vector<char> names(65536);
  ssize_t size = ::llistxattr(path.c_str(), names.data(), names.size());
  if (size < 0 && errno == ENOTSUP) return {};
  EXPECT_GE(size, 0) << path << ": " << std::strerror(errno);
  std::vector<std::string> found;
  for (ssize_t at = 0; at < size; at += static_cast<ssize_t>(std::strlen(names.data() + at)) + 1) {
    std::string name = names.data() + at;
    if (name.find("overlay") != std::string::npos) found.push_back(name);
  }
  return found;
}

// Every entry below `root` (relative name, type, inode, mtime, and a file's bytes), one a line:
// equal snapshots mean the tree was not touched.
std::string Snapshot(const std::string& root) {
  std::vector<std::string> lines;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
    const std::string path = entry.path().string();
    const struct stat st = LStatOf(path);
    std::ostringstream line;
    line << path.substr(root.size()) << " mode=" << std::oct << st.st_mode << std::dec
         << " ino=" << st.st_ino << " mtime=" << st.st_mtim.tv_sec << "." << st.st_mtim.tv_nsec;
    if (S_ISREG(st.st_mode)) line << " bytes=" << ReadFile(path);
    lines.push_back(line.str());
  }
  std::sort(lines.begin(), lines.end());
  return Join(lines, "\n");
}

// `path` in PATH (an executable), or "".
std::string FindProgram(const std::string& name) {
  const char* value = std::getenv("PATH");
  std::istringstream directories(value != nullptr ? value : "/usr/bin:/bin");
  std::string directory;
  while (std::getline(directories, directory, ':')) {
    const std::string candidate = directory + "/" + name;
    if (!directory.empty() && ::access(candidate.c_str(), X_OK) == 0) return candidate;
  }
  return "";
}

class IsolationTest : public GeneratorRunTest {
 protected:
  void SetUp() override {
    GeneratorRunTest::SetUp();
    probe_ = base_ + "/probe";
  }

  // A generator script: kProbe, then `body`.
  std::string Generator(const std::string& name, const std::string& body) {
    return Script(name, kProbe + body);
  }

  // Runs the helper (in the root unless the invocation says otherwise) and remembers its pid.
  Result Run(Invocation invocation) {
    invocation.environment.emplace_back("PROBE", probe_);
    Process helper = StartHelper(std::move(invocation));
    pid_ = helper.pid();
    return helper.Wait();
  }
  Result Run(const std::vector<std::string>& args) {
    Invocation invocation;
    invocation.args = args;
    return Run(std::move(invocation));
  }

  // What kProbe recorded in the last run: "<mount namespace> <directory> <first argument>\n".
  std::string Probe() const { return Exists(probe_) ? ReadFile(probe_) : "(the probe never ran)"; }
  // In a mount namespace of its own (the overlays are mounted there).
  bool RanIsolated() const {
    return Probe().rfind("mnt:", 0) == 0 && Probe().rfind(OwnMountNamespace() + " ", 0) != 0;
  }
  // In place: in the real working directory, given `argument` (a final path) as it was spelled.
  bool RanInPlace(const std::string& argument) const {
    return !RanIsolated() && Probe().find(" " + root_ + " " + argument + "\n") != std::string::npos;
  }

  // The last run's stages left in the staging root (of this user, with this TMPDIR).
  std::vector<std::string> StagesLeft(const std::string& tmpdir = "") const {
    return StagesOf(StagingRoot(::geteuid(), tmpdir), pid_);
  }

  void MakeDirectory(const std::string& path) {
    ASSERT_EQ(::mkdir(path.c_str(), 0777), 0) << path << ": " << std::strerror(errno);
  }

  std::string probe_;
  pid_t pid_ = -1;
};

// --- An absolute output path embedded in the output: the final path, byte for byte. ---

struct EmbeddingForm {
  const char* name;
  const char* body;  // writes the embedding of the path "$1" into the file "$2"
};

const EmbeddingForm kEmbeddingForms[] = {
    {"AsIs", "printf '%s\\n' \"$1\" > \"$2\"\n"},
    {"LineDirective", "printf '#line 1 \"%s\"\\n' \"$1\" > \"$2\"\n"},
    // Bison's header guard: upper-cased, punctuation replaced.
    {"UpperCasedHeaderGuard",
     "g=$(printf '%s' \"$1\" | tr 'a-z./-' 'A-Z___')\n"
     "printf '#ifndef %s\\n#define %s\\n#endif\\n' \"$g\" \"$g\" > \"$2\"\n"},
    // A form no restoration knows: each '/' written "::".
    {"DoubleColonSeparators",
     "printf '%s\\n' \"$(printf '%s' \"$1\" | sed 's|/|::|g')\" > \"$2\"\n"},
};

void PrintTo(const EmbeddingForm& form, std::ostream* os) { *os << form.name; }

enum class OutputPlace { kWorkingDirectory, kElsewhere };

class EmbeddedPathTest
    : public IsolationTest,
      public ::testing::WithParamInterface<std::tuple<EmbeddingForm, OutputPlace>> {};

TEST_P(EmbeddedPathTest, OutputBytesAreADirectRunsForTheFinalPath) {
  const auto& [form, place] = GetParam();
  MakeDirectory(base_ + "/elsewhere");
  const std::string out =
      place == OutputPlace::kWorkingDirectory ? Path("out.h") : base_ + "/elsewhere/out.h";
  WriteFile(out, "old");
  const std::string gen = Generator("embed.sh", form.body);

  // What the generator writes when run directly for the final path.
  Invocation direct;
  direct.program = gen;
  direct.args = {out, base_ + "/direct.h"};
  direct.directory = root_;
  Result direct_result = StartHelper(direct).Wait();
  ASSERT_EQ(direct_result.exit_code, 0) << direct_result;
  const std::string expected = ReadFile(base_ + "/direct.h");
  ASSERT_GT(expected.size(), out.size()) << expected;

  Result result = Run({"run", "--output", out, "--", gen, out, out});

  ASSERT_EQ(result.exit_code, 0) << result;
  EXPECT_TRUE(RanIsolated()) << Probe();
  EXPECT_EQ(ReadFile(out), expected);
  EXPECT_EQ(Leftovers(), std::vector<std::string>{});
  EXPECT_EQ(HelperFilesIn(base_ + "/elsewhere"), std::vector<std::string>{});
  EXPECT_EQ(StagesLeft(), std::vector<std::string>{});
}

INSTANTIATE_TEST_SUITE_P(Forms, EmbeddedPathTest,
                         ::testing::Combine(::testing::ValuesIn(kEmbeddingForms),
                                            ::testing::Values(OutputPlace::kWorkingDirectory,
                                                              OutputPlace::kElsewhere)),
                         [](const auto& info) {
                           return std::string(std::get<0>(info.param).name) +
                                  (std::get<1>(info.param) == OutputPlace::kWorkingDirectory
                                       ? "InTheWorkingDirectory"
                                       : "Elsewhere");
                         });

// --- Undeclared files: named, nothing committed, the tree as it was. ---

struct UndeclaredCase {
  const char* name;
  const char* action;  // shell, in the working directory, after the output was written
  const char* what;    // how the error says the file was touched
  const char* named;   // the file the error names, relative to the working directory
};

const UndeclaredCase kUndeclaredCases[] = {
    {"NewFile", "printf x > stray.txt", "wrote", "stray.txt"},
    {"NewFileInANewDirectory", "mkdir newdir && printf x > newdir/file.txt", "wrote",
     "newdir/file.txt"},
    {"NewFileInAnExistingDirectory", "printf x > sub/stray.txt", "wrote", "sub/stray.txt"},
    {"NewSymlink", "ln -s in.txt link", "wrote", "link"},
    {"AppendedInput", "printf more >> in.txt", "changed", "in.txt"},
    {"TruncatedInput", ": > in.txt", "changed", "in.txt"},
    {"RemovedInput", "rm in.txt", "removed", "in.txt"},
    {"RemovedFileInASubdirectory", "rm sub/keep.txt", "removed", "sub/keep.txt"},
    {"InputReplacedByADirectory", "rm in.txt && mkdir in.txt", "replaced", "in.txt"},
    {"DirectoryRemovedAndMadeAgain", "rm -r sub && mkdir sub", "removed and made again", "sub"},
};

void PrintTo(const UndeclaredCase& c, std::ostream* os) { *os << c.name; }

class UndeclaredFileTest : public IsolationTest,
                           public ::testing::WithParamInterface<UndeclaredCase> {};

TEST_P(UndeclaredFileTest, ExitsFourNamingTheFileAndLeavesTheTreeAsItWas) {
  const UndeclaredCase& c = GetParam();
  WriteFile(Path("in.txt"), "input\n");
  MakeDirectory(Path("sub"));
  WriteFile(Path("sub/keep.txt"), "keep\n");
  WriteFile(Path("out.txt"), "old");
  for (const char* name : {"in.txt", "sub/keep.txt", "out.txt", "sub"}) SetPastMtime(Path(name));
  const std::string before = Snapshot(root_);
  const std::string gen =
      Generator("gen.sh", std::string("printf new > \"$1\"\n") + c.action + "\n");

  // The output named absolutely: isolated.
  Result result = Run({"run", "--output", Path("out.txt"), "--", gen, Path("out.txt")});

  EXPECT_EQ(result.exit_code, 4) << result;
  ExpectOneErrorLine(result);
  EXPECT_TRUE(RanIsolated()) << Probe();
  EXPECT_EQ(
      result.err.rfind(
          "atomicgen: error: run(" + Path(c.named) + "): " + gen + " " + c.what + " this file", 0),
      0u)
      << result;
  EXPECT_EQ(Snapshot(root_), before);  // output kept (bytes, inode, mtime), nothing else there
  EXPECT_EQ(StagesLeft(), std::vector<std::string>{});
}

INSTANTIATE_TEST_SUITE_P(Cases, UndeclaredFileTest, ::testing::ValuesIn(kUndeclaredCases),
                         [](const auto& info) { return std::string(info.param.name); });

TEST_F(IsolationTest, UndeclaredFileBesideAnOutputOutsideTheWorkingDirectoryExitsFour) {
  MakeDirectory(base_ + "/elsewhere");
  const std::string out = base_ + "/elsewhere/out.txt";
  WriteFile(out, "old");
  SetPastMtime(out);
  const std::string before = Snapshot(base_ + "/elsewhere");
  const std::string gen =
      Generator("gen.sh", "printf new > \"$1\"; printf x > \"$(dirname \"$1\")/stray.txt\"\n");

  Result result = Run({"run", "--output", out, "--", gen, out});

  EXPECT_EQ(result.exit_code, 4) << result;
  ExpectOneErrorLine(result);
  EXPECT_TRUE(RanIsolated()) << Probe();
  EXPECT_NE(result.err.find("run(" + base_ + "/elsewhere/stray.txt): "), std::string::npos)
      << result;
  EXPECT_EQ(Snapshot(base_ + "/elsewhere"), before);
  EXPECT_EQ(StagesLeft(), std::vector<std::string>{});
}

// --- What is not an undeclared write. ---

TEST_F(IsolationTest, PythonBytecodeCachesAreIgnoredAndNeverReachTheTree) {
  MakeDirectory(Path("sub"));
  WriteFile(Path("sub/module.py"), "x = 1\n");
  const std::string gen = Generator("gen.sh",
                                    "printf new > \"$1\"\n"
                                    "mkdir -p __pycache__ sub/__pycache__\n"
                                    "printf pyc > __pycache__/x.cpython-311.pyc\n"
                                    "printf pyc > sub/__pycache__/module.cpython-311.pyc\n");

  Result result = Run({"run", "--output", Path("out.txt"), "--", gen, Path("out.txt")});

  ASSERT_EQ(result.exit_code, 0) << result;
  EXPECT_TRUE(RanIsolated()) << Probe();
  EXPECT_EQ(ReadFile(Path("out.txt")), "new");
  EXPECT_FALSE(Exists(Path("__pycache__")));
  EXPECT_FALSE(Exists(Path("sub/__pycache__")));
  EXPECT_EQ(Leftovers(), std::vector<std::string>{});
  EXPECT_EQ(StagesLeft(), std::vector<std::string>{});
}

TEST_F(IsolationTest, InputOpenedForAppendingButNotWrittenIsNotAChange) {
  WriteFile(Path("in.txt"), "input\n");
  SetPastMtime(Path("in.txt"));
  const struct stat before = StatOf(Path("in.txt"));
  // The overlay copies in.txt up on the open: same bytes in the upper directory.
  const std::string gen = Generator("gen.sh", ": >> in.txt\ncat in.txt > \"$1\"\n");

  Result result = Run({"run", "--output", Path("out.txt"), "--", gen, Path("out.txt")});

  ASSERT_EQ(result.exit_code, 0) << result;
  EXPECT_TRUE(RanIsolated()) << Probe();
  EXPECT_EQ(ReadFile(Path("out.txt")), "input\n");
  EXPECT_EQ(ReadFile(Path("in.txt")), "input\n");
  EXPECT_EQ(StatOf(Path("in.txt")).st_ino, before.st_ino);
  EXPECT_TRUE(SameMtime(StatOf(Path("in.txt")), before));
  EXPECT_EQ(StagesLeft(), std::vector<std::string>{});
}

// --- --read-outputs: the generator sees its outputs' current content. ---

enum class Naming { kAbsolute, kRelative };
enum class OutputUse { kAppends, kReadsOnly, kOpensForAppendingOnly };

class ReadOutputsTest : public IsolationTest,
                        public ::testing::WithParamInterface<std::tuple<Naming, OutputUse>> {};

TEST_P(ReadOutputsTest, AppendedOutputIsCommittedAndOneLeftAloneKeepsItsInodeAndMtime) {
  const auto& [naming, use] = GetParam();
  WriteFile(Path("out.txt"), "line 1\n");
  SetPastMtime(Path("out.txt"));
  const struct stat before = StatOf(Path("out.txt"));
  const std::string name = naming == Naming::kAbsolute ? Path("out.txt") : "out.txt";
  const std::string gen =
      Generator("gen.sh", use == OutputUse::kAppends     ? "printf 'line 2\\n' >> \"$1\"\n"
                          : use == OutputUse::kReadsOnly ? "cat \"$1\" > /dev/null\n"
                                                         : ": >> \"$1\"\n");

  Result result = Run({"run", "--read-outputs", "--output", name, "--", gen, name});

  ASSERT_EQ(result.exit_code, 0) << result;
  EXPECT_TRUE(RanIsolated()) << Probe();
  const struct stat after = StatOf(Path("out.txt"));
  if (use == OutputUse::kAppends) {
    EXPECT_EQ(ReadFile(Path("out.txt")), "line 1\nline 2\n");
    EXPECT_EQ(OverlayAttributes(Path("out.txt")), std::vector<std::string>{});
  } else {
    EXPECT_EQ(ReadFile(Path("out.txt")), "line 1\n");
    EXPECT_EQ(after.st_ino, before.st_ino);
    EXPECT_TRUE(SameMtime(after, before));
  }
  EXPECT_EQ(Leftovers(), std::vector<std::string>{});
  EXPECT_EQ(StagesLeft(), std::vector<std::string>{});
}

INSTANTIATE_TEST_SUITE_P(
    Cases, ReadOutputsTest,
    ::testing::Combine(::testing::Values(Naming::kAbsolute, Naming::kRelative),
                       ::testing::Values(OutputUse::kAppends, OutputUse::kReadsOnly,
                                         OutputUse::kOpensForAppendingOnly)),
    [](const auto& info) {
      const OutputUse use = std::get<1>(info.param);
      return std::string(std::get<0>(info.param) == Naming::kAbsolute ? "Absolute" : "Relative") +
             (use == OutputUse::kAppends     ? "Appends"
              : use == OutputUse::kReadsOnly ? "ReadsOnly"
                                             : "OpensForAppendingOnly");
    });

TEST_F(IsolationTest, CommittedCopiedUpFilesCarryNoOverlayAttributes) {
  // Both copied up by the overlay (which marks a copy-up with "trusted.overlay.origin" as root,
  // "user.overlay.origin" otherwise), then committed.
  WriteFile(Path("out.txt"), "line 1\n");
  WriteFile(Path("in.txt"), "v1\n");
  const std::string gen = Generator("gen.sh", "echo 'line 2' >> out.txt; echo v2 >> in.txt\n");

  Result result = Run({"run", "--rewrites", "in.txt", "--output", "out.txt", "--", gen});

  ASSERT_EQ(result.exit_code, 0) << result;
  EXPECT_TRUE(RanIsolated()) << Probe();
  EXPECT_EQ(ReadFile(Path("out.txt")), "line 1\nline 2\n");
  EXPECT_EQ(ReadFile(Path("in.txt")), "v1\nv2\n");
  EXPECT_EQ(OverlayAttributes(Path("out.txt")), std::vector<std::string>{});
  EXPECT_EQ(OverlayAttributes(Path("in.txt")), std::vector<std::string>{});
}

// --- --rewrites: an input the generator may rewrite. ---

TEST_F(IsolationTest, RewrittenInputIsCommittedWithTheOutput) {
  WriteFile(Path("in.txt"), "v1");
  WriteFile(Path("out.txt"), "old");
  const std::string gen = Generator("gen.sh", "printf v2 > in.txt; printf out > out.txt\n");

  Result result = Run({"run", "--rewrites", "in.txt", "--output", "out.txt", "--", gen});

  ASSERT_EQ(result.exit_code, 0) << result;
  EXPECT_TRUE(RanIsolated()) << Probe();
  EXPECT_EQ(ReadFile(Path("in.txt")), "v2");
  EXPECT_EQ(ReadFile(Path("out.txt")), "out");
  EXPECT_EQ(Leftovers(), std::vector<std::string>{});
  EXPECT_EQ(StagesLeft(), std::vector<std::string>{});
}

TEST_F(IsolationTest, InputNotRewrittenKeepsItsInodeAndMtime) {
  WriteFile(Path("in.txt"), "v1");
  SetPastMtime(Path("in.txt"));
  const struct stat before = StatOf(Path("in.txt"));
  const std::string gen = Generator("gen.sh", "cat in.txt > out.txt\n");

  Result result = Run({"run", "--rewrites", "in.txt", "--output", "out.txt", "--", gen});

  ASSERT_EQ(result.exit_code, 0) << result;
  EXPECT_TRUE(RanIsolated()) << Probe();
  EXPECT_EQ(ReadFile(Path("out.txt")), "v1");
  EXPECT_EQ(ReadFile(Path("in.txt")), "v1");
  EXPECT_EQ(StatOf(Path("in.txt")).st_ino, before.st_ino);
  EXPECT_TRUE(SameMtime(StatOf(Path("in.txt")), before));
  EXPECT_EQ(StagesLeft(), std::vector<std::string>{});
}

TEST_F(IsolationTest, RemovingAnInputItMayRewriteExitsFourAndCommitsNothing) {
  WriteFile(Path("in.txt"), "v1");
  WriteFile(Path("out.txt"), "old");
  SetPastMtime(Path("in.txt"));
  SetPastMtime(Path("out.txt"));
  const std::string before = Snapshot(root_);
  const std::string gen = Generator("gen.sh", "rm in.txt; printf out > out.txt\n");

  Result result = Run({"run", "--rewrites", "in.txt", "--output", "out.txt", "--", gen});

  EXPECT_EQ(result.exit_code, 4) << result;
  ExpectOneErrorLine(result);
  EXPECT_TRUE(RanIsolated()) << Probe();
  EXPECT_NE(result.err.find("run(in.txt): " + gen + " removed"), std::string::npos) << result;
  EXPECT_EQ(Snapshot(root_), before);
  EXPECT_EQ(StagesLeft(), std::vector<std::string>{});
}

// --- --reads-tree: the generator sees the tree as it is, and nothing of the helper's. ---

TEST_F(IsolationTest, ReadsTreeGeneratorListsTheTreeAndNoStage) {
  WriteFile(Path("a.txt"), "a");
  MakeDirectory(Path("sub"));
  WriteFile(Path("sub/b.txt"), "b");
  const std::string gen = Generator("list.sh", "find . | LC_ALL=C sort > listing.txt\n");

  Result result = Run({"run", "--reads-tree", "--output", "listing.txt", "--", gen});

  ASSERT_EQ(result.exit_code, 0) << result;
  EXPECT_TRUE(RanIsolated()) << Probe();
  std::istringstream listing(ReadFile(Path("listing.txt")));
  std::vector<std::string> names;
  for (std::string line; std::getline(listing, line);) {
    EXPECT_FALSE(line.find("atomicgen-") != std::string::npos &&
                 line.find(".stage") != std::string::npos)
        << line;
    // The output's lock file is in the real tree while the helper runs: a hidden name.
    if (line != "./.listing.txt.atomicgen-lock") names.push_back(line);
  }
  EXPECT_EQ(names,
            (std::vector<std::string>{".", "./a.txt", "./listing.txt", "./sub", "./sub/b.txt"}));
  EXPECT_EQ(Leftovers(), std::vector<std::string>{});
  EXPECT_EQ(StagesLeft(), std::vector<std::string>{});
}

TEST_F(IsolationTest, ReadsTreeGeneratorReadsTheCurrentBytesOfAFileBesideItsOutput) {
  MakeDirectory(base_ + "/elsewhere");
  const std::string out = base_ + "/elsewhere/out.h";
  WriteFile(out, "old");
  WriteFile(base_ + "/elsewhere/config.h", "current config\n");
  const std::string gen = Generator("gen.sh", "cat \"$(dirname \"$1\")/config.h\" > \"$1\"\n");

  Result result = Run({"run", "--reads-tree", "--output", out, "--", gen, out});

  ASSERT_EQ(result.exit_code, 0) << result;
  EXPECT_TRUE(RanIsolated()) << Probe();
  EXPECT_EQ(ReadFile(out), "current config\n");
  EXPECT_EQ(HelperFilesIn(base_ + "/elsewhere"), std::vector<std::string>{});
  EXPECT_EQ(StagesLeft(), std::vector<std::string>{});
}

// --- When isolation is chosen, and what runs where it is refused. ---

// ATOMICGEN_ISOLATION=always: a relative output in a working directory of 1,000 entries runs
// isolated (no link per entry, as the mirror would make).
TEST_F(IsolationTest, AlwaysIsolatesARelativeOutputInALargeWorkingDirectory) {
  for (int i = 0; i < 1000; ++i) WriteFile(Path("f" + std::to_string(1000 + i)), "x");
  const std::string gen =
      Generator("count.sh", "n=$(ls | wc -l | tr -d ' ')\necho \"$n\" > out.txt\n");

  Invocation invocation;
  invocation.args = {"run", "--output", "out.txt", "--", gen};
  invocation.environment = {{"ATOMICGEN_ISOLATION", "always"}};
  Result result = Run(std::move(invocation));

  ASSERT_EQ(result.exit_code, 0) << result;
  EXPECT_TRUE(RanIsolated()) << Probe();
  EXPECT_EQ(ReadFile(Path("out.txt")), "1000\n");  // the tree's names, and no stage among them
  EXPECT_EQ(ListDirectory(root_).size(), 1001u);
  EXPECT_EQ(Leftovers(), std::vector<std::string>{});
  EXPECT_EQ(StagesLeft(), std::vector<std::string>{});
}

TEST_F(IsolationTest, IsolationOffWithReadsTreeRunsInPlace) {
  WriteFile(Path("in.txt"), "input\n");
  WriteFile(Path("out.txt"), "old");
  const std::string gen = Generator("gen.sh", "cat in.txt > \"$1\"\n");
  Invocation invocation;
  invocation.args = {"run", "--reads-tree", "--output", "out.txt", "--", gen, Path("out.txt")};
  invocation.environment = {{"ATOMICGEN_ISOLATION", "off"}};

  Result result = Run(invocation);

  ASSERT_EQ(result.exit_code, 0) << result;
  EXPECT_TRUE(RanInPlace(Path("out.txt"))) << Probe();
  EXPECT_EQ(ReadFile(Path("out.txt")), "input\n");
  EXPECT_EQ(Leftovers(), std::vector<std::string>{});
}

// A staging root inside the working directory would lie inside its own overlay: refused.
TEST_F(IsolationTest, StagingRootInsideTheWorkingDirectoryFallsBackToTheMirrorWithRestoration) {
  MakeDirectory(Path("tmp"));
  WriteFile(Path("out.c"), "old");
  const std::string gen = Generator("embed.sh", "printf '#line 1 \"%s\"\\n' \"$1\" > \"$1\"\n");
  Invocation invocation;
  invocation.args = {"run", "--output", Path("out.c"), "--", gen, Path("out.c")};
  invocation.environment = {{"TMPDIR", Path("tmp")}};

  Result result = Run(invocation);

  ASSERT_EQ(result.exit_code, 0) << result;
  EXPECT_FALSE(RanIsolated()) << Probe();
  // In the mirror: given the output's staged counterpart, whose path the helper turned back.
  EXPECT_FALSE(RanInPlace(Path("out.c"))) << Probe();
  EXPECT_NE(Probe().find(".atomicgen-"), std::string::npos) << Probe();
  EXPECT_EQ(ReadFile(Path("out.c")), "#line 1 \"" + Path("out.c") + "\"\n");
  EXPECT_EQ(ListDirectory(Path("tmp")), std::vector<std::string>{});
  EXPECT_EQ(Leftovers(), std::vector<std::string>{});
}

TEST_F(IsolationTest, StagingRootInsideTheWorkingDirectoryRunsAReadsTreeGeneratorInPlace) {
  MakeDirectory(Path("tmp"));
  WriteFile(Path("in.txt"), "input\n");
  WriteFile(Path("out.txt"), "old");
  const std::string gen = Generator("gen.sh", "cat in.txt > \"$1\"\n");
  Invocation invocation;
  invocation.args = {"run", "--reads-tree", "--output", Path("out.txt"), "--",
                     gen,   Path("out.txt")};
  invocation.environment = {{"TMPDIR", Path("tmp")}};

  Result result = Run(invocation);

  ASSERT_EQ(result.exit_code, 0) << result;
  EXPECT_TRUE(RanInPlace(Path("out.txt"))) << Probe();
  EXPECT_EQ(ReadFile(Path("out.txt")), "input\n");
  EXPECT_EQ(ListDirectory(Path("tmp")), std::vector<std::string>{});
  EXPECT_EQ(Leftovers(), std::vector<std::string>{});
}

// --- Not root: a user namespace mapping only the user's own uid and gid. ---

TEST_F(IsolationTest, NotRootTheUserNamespacePathCommitsTheOutput) {
  constexpr uid_t kNobody = 65534;
  if (::geteuid() != 0) GTEST_SKIP() << "runs the helper as uid 65534, which needs root";
  const std::string setpriv = FindProgram("setpriv");
  if (setpriv.empty()) GTEST_SKIP() << "no setpriv in PATH";
  const std::vector<std::string> as_nobody = {setpriv, "--reuid=65534", "--regid=65534",
                                              "--clear-groups"};

  MakeDirectory(base_ + "/tmp");
  WriteFile(Path("out.txt"), "old");
  const std::string gen = Generator("gen.sh", "printf 'new %s\\n' \"$1\" > \"$1\"\n");
  std::error_code error;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(base_, error)) {
    ASSERT_EQ(::lchown(entry.path().c_str(), kNobody, kNobody), 0) << entry.path();
  }
  ASSERT_FALSE(error) << error.message();
  ASSERT_EQ(::lchown(base_.c_str(), kNobody, kNobody), 0);

  // Can uid 65534 run the helper, and make a user and mount namespace at all?
  auto as_user = [&](std::vector<std::string> command) {
    Invocation invocation;
    invocation.program = setpriv;
    invocation.args.assign(as_nobody.begin() + 1, as_nobody.end());
    invocation.args.insert(invocation.args.end(), command.begin(), command.end());
    return invocation;
  };
  if (StartHelper(as_user({HelperPath(), "--version"})).Wait().exit_code != 0) {
    GTEST_SKIP() << "uid 65534 cannot run " << HelperPath();
  }
  const std::string unshare = FindProgram("unshare");
  if (unshare.empty() ||
      StartHelper(as_user({unshare, "--user", "--mount", "true"})).Wait().exit_code != 0) {
    GTEST_SKIP() << "uid 65534 cannot make a user namespace here";
  }

  Invocation invocation =
      as_user({HelperPath(), "run", "--output", Path("out.txt"), "--", gen, Path("out.txt")});
  invocation.environment = {{"TMPDIR", base_ + "/tmp"}};
  Result result = Run(invocation);

  ASSERT_EQ(result.exit_code, 0) << result;
  EXPECT_TRUE(RanIsolated()) << Probe();
  EXPECT_EQ(ReadFile(Path("out.txt")), "new " + Path("out.txt") + "\n");
  const struct stat after = StatOf(Path("out.txt"));
  EXPECT_EQ(after.st_uid, kNobody);
  EXPECT_EQ(after.st_gid, kNobody);
  EXPECT_EQ(OverlayAttributes(Path("out.txt")), std::vector<std::string>{});
  EXPECT_EQ(Leftovers(), std::vector<std::string>{});
  EXPECT_EQ(StagesOf(StagingRoot(kNobody, base_ + "/tmp"), pid_), std::vector<std::string>{});
}

// --- A generator that dies. ---

TEST_F(IsolationTest, GeneratorKilledAfterWritingItsOutputCommitsNothingAndLeavesNoStage) {
  WriteFile(Path("out.c"), "old");
  SetPastMtime(Path("out.c"));
  const std::string before = Snapshot(root_);
  const std::string gen = Generator("die.sh", "printf new > \"$1\"; kill -9 $$\n");

  Result result = Run({"run", "--output", Path("out.c"), "--", gen, Path("out.c")});

  EXPECT_EQ(result.exit_code, 1) << result;
  ExpectOneErrorLine(result);
  EXPECT_TRUE(RanIsolated()) << Probe();
  EXPECT_NE(result.err.find("was killed by SIGKILL"), std::string::npos) << result;
  EXPECT_EQ(Snapshot(root_), before);
  EXPECT_EQ(StagesLeft(), std::vector<std::string>{});
}

// --- Other outputs of an isolated run. ---

TEST_F(IsolationTest, StdoutOutputOfAnIsolatedRunIsCommittedWithTheOthers) {
  WriteFile(Path("s.txt"), "old stream");
  const std::string gen = Generator("both.sh", "printf file > \"$1\"; printf stream\n");

  Result result =
      Run({"run", "--stdout", "s.txt", "--output", Path("f.txt"), "--", gen, Path("f.txt")});

  ASSERT_EQ(result.exit_code, 0) << result;
  EXPECT_TRUE(RanIsolated()) << Probe();
  EXPECT_EQ(ReadFile(Path("s.txt")), "stream");
  EXPECT_EQ(ReadFile(Path("f.txt")), "file");
  EXPECT_EQ(Leftovers(), std::vector<std::string>{});
  EXPECT_EQ(StagesLeft(), std::vector<std::string>{});
}

TEST_F(IsolationTest, OutputsInMissingDirectoriesAreCreated) {
  // One inside the working directory (under its overlay), one in a directory that does not exist
  // yet outside it.
  const std::string outside = base_ + "/missing/deep/o.txt";
  const std::string gen = Generator("gen.sh",
                                    "mkdir -p gen/new \"$(dirname \"$1\")\"\n"
                                    "printf in > gen/new/o.txt; printf out > \"$1\"\n");

  Result result = Run({"run", "--read-outputs", "--output", "gen/new/o.txt", "--output", outside,
                       "--", gen, outside});

  ASSERT_EQ(result.exit_code, 0) << result;
  EXPECT_EQ(ReadFile(Path("gen/new/o.txt")), "in");
  EXPECT_EQ(ReadFile(outside), "out");
  EXPECT_EQ(HelperFilesIn(Path("gen/new")), std::vector<std::string>{});
  EXPECT_EQ(StagesLeft(), std::vector<std::string>{});
}

}  // namespace
}  // namespace atomicgen_test
