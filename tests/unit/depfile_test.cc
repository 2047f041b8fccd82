// Depfiles (depfile.h): parsing as Ninja does, and spelling a path so that it reads back.
#include "depfile.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace atomicgen_test {
namespace {

using atomicgen::Depfile;
using atomicgen::EscapeDepfilePath;
using atomicgen::ParseDepfile;
using Names = std::vector<std::string>;

Depfile Parsed(const std::string& text) {
  std::optional<Depfile> depfile = ParseDepfile(text);
  EXPECT_TRUE(depfile.has_value()) << text;
  return depfile.value_or(Depfile{});
}

TEST(ParseDepfileTest, ReadsOneRule) {
  Depfile depfile = Parsed("obj.o: src.c /usr/include/stdio.h\n");
  EXPECT_EQ(depfile.targets, Names{"obj.o"});
  EXPECT_EQ(depfile.inputs, (Names{"src.c", "/usr/include/stdio.h"}));
}

TEST(ParseDepfileTest, BackslashNewlineContinuesTheRule) {
  Depfile depfile = Parsed("obj.o: src.c \\\n  a.h \\\r\n  b.h\n");
  EXPECT_EQ(depfile.targets, Names{"obj.o"});
  EXPECT_EQ(depfile.inputs, (Names{"src.c", "a.h", "b.h"}));
}

TEST(ParseDepfileTest, EscapedSpacesHashesColonsAndDollarsAreUnescaped) {
  Depfile depfile = Parsed("obj.o: a\\ b.h c\\#d.h e$$f.h g\\:h.h\n");
  EXPECT_EQ(depfile.inputs, (Names{"a b.h", "c#d.h", "e$f.h", "g:h.h"}));
}

TEST(ParseDepfileTest, BackslashesBeforeASpaceFollowNinjasRule) {
  // 2N+1 backslashes and a space: N backslashes and a space inside the name; 2N: the name ends.
  Depfile depfile = Parsed("obj.o: a\\\\\\ b.h c\\\\ d.h x\\y.h\n");
  EXPECT_EQ(depfile.inputs, (Names{"a\\ b.h", "c\\\\", "d.h", "x\\y.h"}));
}

TEST(ParseDepfileTest, SeveralRulesCollectEveryInputOnce) {
  Depfile depfile = Parsed("obj.o: a.h b.h\nobj.o: b.h c.h\nobj.o other.o: d.h");
  EXPECT_EQ(depfile.targets, (Names{"obj.o", "other.o"}));
  EXPECT_EQ(depfile.inputs, (Names{"a.h", "b.h", "c.h", "d.h"}));
}

TEST(ParseDepfileTest, PhonyRulesOfMinusMPAreNotTargets) {
  Depfile depfile = Parsed("obj.o: src.c a.h\n\na.h:\n");
  EXPECT_EQ(depfile.targets, Names{"obj.o"});
  EXPECT_EQ(depfile.inputs, (Names{"src.c", "a.h"}));
}

TEST(ParseDepfileTest, WhatNinjaRejectsIsRejected) {
  EXPECT_FALSE(ParseDepfile("obj.o src.c\n").has_value());
  EXPECT_FALSE(ParseDepfile("").has_value());
  EXPECT_FALSE(ParseDepfile("obj.o: a.h\na.h: b.h\n").has_value());
}

TEST(ParseDepfileTest, RelativePathsAndDotDotAreKeptAsWritten) {
  // Making them absolute is the caller's job (StampsOfInputs).
  Depfile depfile = Parsed("obj.o: ../src/./a.h gen//b.h\n");
  EXPECT_EQ(depfile.inputs, (Names{"../src/./a.h", "gen//b.h"}));
}

TEST(EscapeDepfilePathTest, EveryAwkwardNameReadsBackAsItself) {
  for (const std::string& path :
       {std::string("/b/plain.stamp"), std::string("/b/with space/x y.stamp"),
        std::string("/b/hash#.stamp"), std::string("/b/dollar$$.stamp"),
        std::string("/b/back\\slash"), std::string("/b/back\\ space"),
        std::string("/b/back\\#hash"), std::string("/b/back\\:colon"), std::string("/b/a:b"),
        std::string("/b/back\\$dollar"), std::string("/b/two\\\\ spaces  "),
        std::string("/b/\xc3\xa9t\xc3\xa9")}) {
    std::optional<std::string> escaped = EscapeDepfilePath(path);
    ASSERT_TRUE(escaped.has_value()) << path;
    Depfile depfile = Parsed("obj.o: " + *escaped + " next.h\n");
    EXPECT_EQ(depfile.inputs, (Names{path, "next.h"})) << *escaped;
  }
}

TEST(EscapeDepfilePathTest, NamesNoDepfileCanSpellAreRefused) {
  for (const std::string& path :
       {std::string(""), std::string("/b/tab\t"), std::string("/b/new\nline"),
        std::string("/b/star*"), std::string("/b/ends\\"), std::string("/b/ends:")}) {
    EXPECT_FALSE(EscapeDepfilePath(path).has_value()) << path;
  }
}

}  // namespace
}  // namespace atomicgen_test
