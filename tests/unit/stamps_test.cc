// When `run` touches its stamps, seen from the platform layer: the stamps that speak for a change
// (--changed-stamp, --output-changed-stamp) are touched before the change can be committed (the
// first rename, or in place the journal's removal), --stamp after everything. A helper killed in
// between then leaves at worst a stamp touched for nothing, never a committed change without its
// stamp (which the build's re-run, finding the bytes already there, would never touch).
#include <gtest/gtest.h>

#include <cerrno>
#include <string>
#include <vector>

#include "command_line.h"
#include "error.h"
#include "generator.h"
#include "platform.h"
#include "test_support.h"

namespace atomicgen_test {
namespace {

using atomicgen::Error;
using atomicgen::File;

// Records the calls that touch, rename and remove, in order; fails Touch on one path if told.
class RecordingFileSystem : public atomicgen::FileSystem {
 public:
  void Touch(File& file) override {
    if (!fail_touch_.empty() && file.path().find(fail_touch_) != std::string::npos) {
      atomicgen::ThrowSystemError(EIO, "futimens", file.path());
    }
    calls.push_back("touch " + file.path());
    FileSystem::Touch(file);
  }
  void Rename(const std::string& from, const std::string& to) override {
    calls.push_back("rename " + from + " -> " + to);
    FileSystem::Rename(from, to);
  }
  bool Remove(const std::string& path) override {
    calls.push_back("remove " + path);
    return FileSystem::Remove(path);
  }
  void FailTouchOn(std::string fragment) { fail_touch_ = std::move(fragment); }

  // The index of the first call that starts with `prefix` and ends with `suffix`; calls.size()
  // when there is none.
  std::size_t First(const std::string& prefix, const std::string& suffix = "") const {
    for (std::size_t i = 0; i < calls.size(); ++i) {
      const std::string& call = calls[i];
      if (call.rfind(prefix, 0) == 0 && call.size() >= prefix.size() + suffix.size() &&
          call.compare(call.size() - suffix.size(), suffix.size(), suffix) == 0) {
        return i;
      }
    }
    return calls.size();
  }

  std::vector<std::string> calls;

 private:
  std::string fail_touch_;
};

class StampOrderTest : public TempDirTest {
 protected:
  void SetUp() override {
    TempDirTest::SetUp();
    // write.sh <path> <content>...: writes each <content> to its <path>.
    write_ = Script("write.sh",
                    "while [ \"$#\" -gt 0 ]; do printf '%s' \"$2\" > \"$1\"; shift 2; done\n");
    for (const char* stamp : {"a.stamp", "b.stamp", "changed.stamp", "done.stamp"}) {
      WriteFile(Path(stamp), "");
      SetPastMtime(Path(stamp));
    }
  }
  // `run` with every stamp, for outputs a.c and b.c, writing `a` and `b`.
  atomicgen::Options RunOptions(const std::string& a, const std::string& b) {
    atomicgen::Options options;
    options.subcommand = atomicgen::Subcommand::kRun;
    options.outputs = {"a.c", "b.c"};
    options.stamp = "done.stamp";
    options.changed_stamp = "changed.stamp";
    options.output_changed_stamps = {{"a.c", "a.stamp"}, {"b.c", "b.stamp"}};
    options.generator = {write_, "a.c", a, "b.c", b};
    return options;
  }
  std::string Calls() const { return Join(fs_.calls, "\n"); }

  RecordingFileSystem fs_;
  std::string write_;
};

TEST_F(StampOrderTest, StagedRunTouchesTheStampOfAChangedOutputBeforeRenamingIt) {
  WriteFile(Path("a.c"), "old a");
  WriteFile(Path("b.c"), "same b");
  ScopedWorkingDirectory in(root_);
  atomicgen::Run(fs_, RunOptions("new a", "same b"));
  ASSERT_EQ(ReadFile(Path("a.c")), "new a");

  const std::size_t rename = fs_.First("rename ", " -> " + Path("a.c"));
  ASSERT_LT(rename, fs_.calls.size()) << Calls();
  EXPECT_LT(fs_.First("touch a.stamp"), rename) << Calls();
  EXPECT_LT(fs_.First("touch changed.stamp"), rename) << Calls();
  EXPECT_EQ(fs_.First("touch b.stamp"), fs_.calls.size()) << Calls();  // b.c kept its bytes
  // --stamp says "the run finished": after the commit.
  const std::size_t done = fs_.First("touch done.stamp");
  ASSERT_LT(done, fs_.calls.size()) << Calls();
  EXPECT_GT(done, rename) << Calls();
}

TEST_F(StampOrderTest, StagedRunOfTwoChangesTouchesBothStampsBeforeTheJournalAndAnyRename) {
  WriteFile(Path("a.c"), "old a");
  WriteFile(Path("b.c"), "old b");
  ScopedWorkingDirectory in(root_);
  atomicgen::Run(fs_, RunOptions("new a", "new b"));
  ASSERT_EQ(ReadFile(Path("b.c")), "new b");

  const std::size_t journal = fs_.First("rename ", ".journal");
  ASSERT_LT(journal, fs_.calls.size()) << Calls();
  EXPECT_LT(journal, fs_.First("rename ", " -> " + Path("a.c"))) << Calls();
  EXPECT_LT(journal, fs_.First("rename ", " -> " + Path("b.c"))) << Calls();
  for (const char* stamp : {"touch a.stamp", "touch b.stamp", "touch changed.stamp"}) {
    EXPECT_LT(fs_.First(stamp), journal) << stamp << "\n" << Calls();
  }
}

TEST_F(StampOrderTest, InPlaceRunTouchesTheStampsBeforeItsCommitPoint) {
  WriteFile(Path("a.c"), "old a");
  WriteFile(Path("b.c"), "same b");
  ScopedWorkingDirectory in(root_);
  atomicgen::Options options = RunOptions("new a", "same b");
  options.in_place = true;
  atomicgen::Run(fs_, options);
  ASSERT_EQ(ReadFile(Path("a.c")), "new a");

  // In place the generator writes the final paths; the journal's removal ends the commit (until
  // then a kill puts the backups back), so the stamps go between the two.
  const std::size_t journal_in = fs_.First("rename ", ".journal");
  const std::size_t commit_point = fs_.First("remove ", ".journal");
  ASSERT_LT(commit_point, fs_.calls.size()) << Calls();
  const std::size_t a_stamp = fs_.First("touch a.stamp");
  EXPECT_GT(a_stamp, journal_in) << Calls();  // after the generator, which starts after this
  EXPECT_LT(a_stamp, commit_point) << Calls();
  EXPECT_LT(fs_.First("touch changed.stamp"), commit_point) << Calls();
  EXPECT_EQ(fs_.First("touch b.stamp"), fs_.calls.size()) << Calls();
  EXPECT_GT(fs_.First("touch done.stamp"), commit_point) << Calls();
}

TEST_F(StampOrderTest, AStampThatCannotBeTouchedFailsTheRunWithNothingCommitted) {
  WriteFile(Path("a.c"), "old a");
  WriteFile(Path("b.c"), "same b");
  const ino_t inode = StatOf(Path("a.c")).st_ino;
  ScopedWorkingDirectory in(root_);
  fs_.FailTouchOn("a.stamp");
  try {
    atomicgen::Run(fs_, RunOptions("new a", "same b"));
    FAIL() << "no error";
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), atomicgen::ExitCode::kFileSystem);
    EXPECT_EQ(std::string(error.what()),
              "stamp(a.stamp): Input/output error; previous outputs kept: a.c, b.c")
        << error.what();
  }
  EXPECT_EQ(ReadFile(Path("a.c")), "old a");
  EXPECT_EQ(StatOf(Path("a.c")).st_ino, inode);
  EXPECT_EQ(fs_.First("rename ", " -> " + Path("a.c")), fs_.calls.size()) << Calls();
  EXPECT_EQ(HelperFilesIn(root_), std::vector<std::string>{});
}

TEST_F(StampOrderTest, InPlaceRunWhoseStampCannotBeTouchedPutsTheOutputsBack) {
  WriteFile(Path("a.c"), "old a");
  WriteFile(Path("b.c"), "same b");
  ScopedWorkingDirectory in(root_);
  fs_.FailTouchOn("a.stamp");
  atomicgen::Options options = RunOptions("new a", "same b");
  options.in_place = true;
  EXPECT_THROW(atomicgen::Run(fs_, options), Error);
  EXPECT_EQ(ReadFile(Path("a.c")), "old a");
  EXPECT_EQ(ReadFile(Path("b.c")), "same b");
  EXPECT_EQ(HelperFilesIn(root_), std::vector<std::string>{});
}

}  // namespace
}  // namespace atomicgen_test
