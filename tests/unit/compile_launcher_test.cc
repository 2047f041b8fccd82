// `atomicgen compile` (compile_launcher.h): its pieces directly, then the real binary in front of a
// fake compiler, and once in front of it under a real Ninja.
#include "compile_launcher.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <csignal>
#include <cstdlib>
#include <string>
#include <vector>

#include "depfile.h"
#include "error.h"
#include "test_support.h"

namespace atomicgen_test {
namespace {

using atomicgen::DepfileOfCommand;
using atomicgen::ParseStampMap;
using atomicgen::StampMap;
using atomicgen::StampsOfInputs;
using Names = std::vector<std::string>;

TEST(DepfileOfCommandTest, FindsEverySpellingAndTheLastWins) {
  EXPECT_EQ(DepfileOfCommand({"gcc", "-MD", "-MF", "a.d", "-c", "x.c"}), "a.d");
  EXPECT_EQ(DepfileOfCommand({"gcc", "-MFa.d", "-c", "x.c"}), "a.d");
  EXPECT_EQ(DepfileOfCommand({"gcc", "-Wp,-MD,a.d", "-c", "x.c"}), "a.d");
  EXPECT_EQ(DepfileOfCommand({"gcc", "-Wp,-MMD,a.d", "-c", "x.c"}), "a.d");
  EXPECT_EQ(DepfileOfCommand({"ccache", "gcc", "-MF", "a.d", "-MFb.d", "-c", "x.c"}), "b.d");
  EXPECT_EQ(DepfileOfCommand({"gcc", "-MFb.d", "-MF", "a.d"}), "a.d");
}

TEST(DepfileOfCommandTest, NoneWithoutADepfileArgument) {
  EXPECT_EQ(DepfileOfCommand({"gcc", "-MD", "-c", "x.c"}), std::nullopt);
  EXPECT_EQ(DepfileOfCommand({"gcc", "-c", "x.c", "-MF"}), std::nullopt);
  EXPECT_EQ(DepfileOfCommand({"-MFprogram.d"}), std::nullopt);  // the program is not an argument
}

TEST(ParseStampMapTest, ReadsLinesNormalizedAndSkipsEmptyOnes) {
  StampMap map =
      ParseStampMap("/s/a.h\t/b/a.stamp\n\n/s//x/../b.h\t/b/./b.stamp\n/s/a.h\t/b/c", "m");
  EXPECT_EQ(map.size(), 2u);
  EXPECT_EQ(map["/s/a.h"], (Names{"/b/a.stamp", "/b/c"}));
  EXPECT_EQ(map["/s/b.h"], Names{"/b/b.stamp"});
  EXPECT_TRUE(ParseStampMap("", "m").empty());
}

TEST(ParseStampMapTest, AMalformedLineIsAnErrorNamingTheMapAndTheLine) {
  for (const char* text : {"/s/a.h /b/a.stamp\n", "\t/b/a.stamp\n", "/s/a.h\t\n",
                           "s/a.h\t/b/a.stamp\n", "/s/a.h\tb/a.stamp\n"}) {
    try {
      ParseStampMap(std::string("/s/ok.h\t/b/ok\n") + text, "/b/stamps.map");
      ADD_FAILURE() << "accepted " << text;
    } catch (const atomicgen::Error& error) {
      EXPECT_EQ(error.code(), atomicgen::ExitCode::kGeneratorFailed);
      EXPECT_EQ(error.path(), "/b/stamps.map");
      EXPECT_NE(error.reason().find("line 2 "), std::string::npos) << error.what();
    }
  }
}

TEST(StampsOfInputsTest, MatchesRelativeAndUnnormalizedInputsLexicallyEachStampOnce) {
  StampMap map = ParseStampMap(
      "/s/gen/a.h\t/b/a.stamp\n/s/gen/b.h\t/b/b.stamp\n/s/gen/c.h\t/b/a.stamp\n/s/unread.h\t/b/u\n",
      "m");
  atomicgen::Depfile depfile;
  depfile.targets = {"obj.o"};
  depfile.inputs = {"x.c", "gen/b.h", "/s/gen//./a.h", "../s/gen/c.h", "link/../gen/a.h"};
  // "link/../gen/a.h" is /s/gen/a.h lexically, whatever `link` points to.
  EXPECT_EQ(StampsOfInputs(depfile, map, "/s"), (Names{"/b/b.stamp", "/b/a.stamp"}));
  EXPECT_EQ(StampsOfInputs(depfile, map, "/elsewhere"), Names{"/b/a.stamp"});
}

// The real binary in front of cc.sh, a fake compiler: it copies the file given with --deps-from to
// the depfile its -MF (any spelling) names, creates the -o file, and exits with --exit's status.
class CompileTest : public TempDirTest {
 protected:
  void SetUp() override {
    TempDirTest::SetUp();
    cc_ = Script("cc.sh", R"(depfile= from= out= code=0
while [ $# -gt 0 ]; do
  case "$1" in
    -MF) shift; depfile=$1 ;;
    -MF*) depfile=${1#-MF} ;;
    -Wp,-MD,*) depfile=${1#-Wp,-MD,} ;;
    -o) shift; out=$1 ;;
    --deps-from=*) from=${1#--deps-from=} ;;
    --exit=*) code=${1#--exit=} ;;
  esac
  shift
done
if [ -n "$depfile" ] && [ -n "$from" ]; then cp "$from" "$depfile"; fi
if [ -n "$out" ]; then : > "$out"; fi
exit $code
)");
    WriteFile(Path("stamps.map"), Path("gen/a.h") + "\t" + Path("st/a.stamp") + "\n" +
                                      Path("gen/b.h") + "\t" + Path("st/b.stamp") + "\n");
  }

  // `atomicgen compile --stamps <map> -- cc.sh <args>` in the root.
  Result Compile(const std::vector<std::string>& args, const std::string& map = "stamps.map") {
    std::vector<std::string> all = {"compile", "--stamps", map, "--", cc_};
    all.insert(all.end(), args.begin(), args.end());
    return RunHelper(all);
  }

  std::string cc_;
};

TEST_F(CompileTest, AppendsTheStampsOfTheOutputsTheObjectRead) {
  const std::string deps = "obj.o: x.c " + Path("gen/a.h") + " /usr/include/stdio.h\n";
  WriteFile(Path("deps.in"), deps);
  Result result = Compile({"-MD", "-MT", "obj.o", "-MF", "obj.o.d", "--deps-from=deps.in"});
  ASSERT_EQ(result.exit_code, 0) << result;
  EXPECT_EQ(result.err, "");
  EXPECT_EQ(ReadFile(Path("obj.o.d")), deps + "obj.o: " + Path("st/a.stamp") + "\n");
  EXPECT_EQ(HelperFilesIn(root_), Names{});
}

TEST_F(CompileTest, TheAppendedRuleReadsBackWithEveryStampOnce) {
  // A stamp whose name needs escapes, two outputs sharing it, a relative input, no final newline.
  WriteFile(Path("stamps.map"), Path("gen/a.h") + "\t" + Path("st/a b#$.stamp") + "\n" +
                                    Path("gen/b.h") + "\t" + Path("st/a b#$.stamp") + "\n" +
                                    Path("gen/c.h") + "\t" + Path("st/c.stamp") + "\n");
  WriteFile(Path("deps.in"),
            "obj.o: x.c \\\n gen/sub/../a.h " + Path("gen/b.h") + " \\\n " + Path("gen//c.h"));
  Result result = Compile({"-MF", "obj.o.d", "--deps-from=deps.in"});
  ASSERT_EQ(result.exit_code, 0) << result;
  std::optional<atomicgen::Depfile> depfile = atomicgen::ParseDepfile(ReadFile(Path("obj.o.d")));
  ASSERT_TRUE(depfile.has_value());
  EXPECT_EQ(depfile->targets, Names{"obj.o"});
  EXPECT_EQ(depfile->inputs, (Names{"x.c", "gen/sub/../a.h", Path("gen/b.h"), Path("gen//c.h"),
                                    Path("st/a b#$.stamp"), Path("st/c.stamp")}));
}

TEST_F(CompileTest, JoinedMinusMFAndMinusWpSpellingsAreFound) {
  WriteFile(Path("deps.in"), "obj.o: " + Path("gen/b.h") + "\n");
  for (const std::string& option : {std::string("-MFobj.o.d"), std::string("-Wp,-MD,obj.o.d")}) {
    Result result = Compile({option, "--deps-from=deps.in"});
    ASSERT_EQ(result.exit_code, 0) << result;
    EXPECT_EQ(ReadFile(Path("obj.o.d")),
              "obj.o: " + Path("gen/b.h") + "\nobj.o: " + Path("st/b.stamp") + "\n")
        << option;
  }
}

TEST_F(CompileTest, ADepfileNamingNoOutputIsLeftAsItIs) {
  WriteFile(Path("deps.in"), "obj.o: x.c /usr/include/stdio.h\n");
  Result result = Compile({"-MF", "obj.o.d", "--deps-from=deps.in"});
  ASSERT_EQ(result.exit_code, 0) << result;
  EXPECT_EQ(ReadFile(Path("obj.o.d")), "obj.o: x.c /usr/include/stdio.h\n");
}

TEST_F(CompileTest, AnEmptyMapLeavesTheDepfileAlone) {
  WriteFile(Path("empty.map"), "");
  WriteFile(Path("deps.in"), "obj.o: " + Path("gen/a.h") + "\n");
  Result result = Compile({"-MF", "obj.o.d", "--deps-from=deps.in"}, "empty.map");
  ASSERT_EQ(result.exit_code, 0) << result;
  EXPECT_EQ(ReadFile(Path("obj.o.d")), "obj.o: " + Path("gen/a.h") + "\n");
}

TEST_F(CompileTest, TheCommandsExitStatusIsPassedThroughAndTheDepfileLeftAlone) {
  WriteFile(Path("deps.in"), "obj.o: " + Path("gen/a.h") + "\n");
  Result result = Compile({"-MF", "obj.o.d", "--deps-from=deps.in", "--exit=3"});
  EXPECT_EQ(result.exit_code, 3) << result;
  EXPECT_EQ(result.err, "");
  EXPECT_EQ(ReadFile(Path("obj.o.d")), "obj.o: " + Path("gen/a.h") + "\n");
}

TEST_F(CompileTest, ACommandKilledBySignalNExits128PlusN) {
  std::string killed = Script("killed.sh", "kill -KILL $$\n");
  Result result = RunHelper({"compile", "--stamps", "stamps.map", "--", killed});
  ASSERT_FALSE(result.signaled) << result;
  EXPECT_EQ(result.exit_code, 128 + SIGKILL) << result;
}

TEST_F(CompileTest, ACommandThatCannotBeFoundExits127WithOneErrorLine) {
  Result result =
      RunHelper({"compile", "--stamps", "stamps.map", "--", "atomicgen-no-such-compiler", "-c"});
  EXPECT_EQ(result.exit_code, 127) << result;
  ExpectOneErrorLine(result);
  EXPECT_NE(result.err.find("compile(atomicgen-no-such-compiler): "), std::string::npos) << result;
}

TEST_F(CompileTest, WithoutADepfileArgumentNothingElseIsRead) {
  // The map does not exist: it is not even read.
  Result result = Compile({"-MD", "-o", "obj.o"}, "missing.map");
  EXPECT_EQ(result.exit_code, 0) << result;
  EXPECT_EQ(result.err, "");
}

TEST_F(CompileTest, ADepfileTheCommandDidNotWriteIsNotAnError) {
  Result result = Compile({"-MF", "obj.o.d"}, "missing.map");
  EXPECT_EQ(result.exit_code, 0) << result;
  EXPECT_FALSE(Exists(Path("obj.o.d")));
}

TEST_F(CompileTest, AMissingMapIsOneErrorLineNamingItAndExit1) {
  WriteFile(Path("deps.in"), "obj.o: x.c\n");
  Result result = Compile({"-MF", "obj.o.d", "--deps-from=deps.in"}, "missing.map");
  EXPECT_EQ(result.exit_code, 1) << result;
  ExpectOneErrorLine(result);
  EXPECT_NE(result.err.find("compile(missing.map): cannot read the stamp map"), std::string::npos)
      << result;
}

TEST_F(CompileTest, UsageErrorsExit2) {
  EXPECT_EQ(RunHelper({"compile", "--", "cc"}).exit_code, 2);
  EXPECT_EQ(RunHelper({"compile", "--stamps", "m"}).exit_code, 2);
  EXPECT_EQ(RunHelper({"compile", "--stamps", "m", "cc", "--", "cc"}).exit_code, 2);
}

std::string FindInPath(const std::string& program) {
  const char* path = std::getenv("PATH");
  std::string directories = path != nullptr ? path : "/usr/bin:/bin";
  std::size_t start = 0;
  while (start <= directories.size()) {
    std::size_t colon = directories.find(':', start);
    if (colon == std::string::npos) colon = directories.size();
    std::string candidate = directories.substr(start, colon - start) + "/" + program;
    if (::access(candidate.c_str(), X_OK) == 0) return candidate;
    start = colon + 1;
  }
  return "";
}

// The whole design under a real Ninja: the object depends on the stamp through the deps log, and a
// touched stamp rebuilds it.
TEST_F(CompileTest, NinjaRecordsTheStampAndRebuildsTheObjectWhenItIsTouched) {
  const std::string ninja = FindInPath("ninja");
  if (ninja.empty()) GTEST_SKIP() << "ninja is not installed";
  WriteFile(Path("deps.in"), "obj.o: x.c " + Path("gen/a.h") + "\n");
  ASSERT_EQ(::mkdir(Path("gen").c_str(), 0777), 0);
  ASSERT_EQ(::mkdir(Path("st").c_str(), 0777), 0);
  WriteFile(Path("x.c"), "");
  WriteFile(Path("gen/a.h"), "");
  WriteFile(Path("st/a.stamp"), "");
  SetPastMtime(Path("st/a.stamp"));
  WriteFile(Path("build.ninja"), "rule cc\n  command = " + std::string(HelperPath()) +
                                     " compile --stamps stamps.map -- " + cc_ +
                                     " -MF $out.d -o $out --deps-from=deps.in $in\n"
                                     "  depfile = $out.d\n  deps = gcc\n"
                                     "build obj.o: cc x.c\n");
  auto run_ninja = [&](const std::vector<std::string>& args) {
    Invocation invocation;
    invocation.program = ninja;
    invocation.args = args;
    return RunHelper(std::move(invocation));
  };
  Result built = run_ninja({});
  ASSERT_EQ(built.exit_code, 0) << built;
  Result deps = run_ninja({"-t", "deps"});
  ASSERT_EQ(deps.exit_code, 0) << deps;
  EXPECT_NE(deps.out.find("    " + Path("st/a.stamp") + "\n"), std::string::npos) << deps;
  EXPECT_NE(run_ninja({}).out.find("no work to do"), std::string::npos);

  WriteFile(Path("st/a.stamp"), "");  // now newer than obj.o
  Result rebuilt = run_ninja({"-d", "explain"});
  ASSERT_EQ(rebuilt.exit_code, 0) << rebuilt;
  EXPECT_NE(rebuilt.out.find("[1/1]"), std::string::npos) << rebuilt;
}

}  // namespace
}  // namespace atomicgen_test
