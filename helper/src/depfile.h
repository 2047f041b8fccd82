// Make-syntax depfiles as compilers write them and Ninja reads them: parsing one the way Ninja's
// own parser does (src/depfile_parser.in.cc), and spelling a path so that Ninja reads it back.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace atomicgen {

struct Depfile {
  std::vector<std::string> targets;  // unescaped, in order of appearance, each once
  std::vector<std::string> inputs;   // unescaped, in order of appearance, each once
};

// Parses `text` as Ninja (1.10 and later) does: "<target>...: <input>..." rules, possibly several,
// a backslash-newline continuing a rule, 2N+1 backslashes before a space standing for N
// backslashes and a space in a name (2N: 2N backslashes, then the name ends), "\#" for '#', "\:"
// for ':' inside a name, "$$" for '$'; any other character outside a name (a space, a tab, a lone
// '$') separates names, and every other backslash is literal. A name that was an input is not a
// target when it later appears left of a ':' (GCC's -MP rules "header.h:"). Returns std::nullopt
// for what Ninja rejects: no name followed by ':' ("expected ':' in depfile"), or inputs in a rule
// whose left side named an input ("inputs may not also have inputs").
std::optional<Depfile> ParseDepfile(std::string_view text);

// `path` as a depfile must write it for ParseDepfile (and Ninja) to read it back: a space after
// 2N+1 backslashes, "\#", "$$". Returns std::nullopt for a path no depfile can spell (empty, one
// with a control character or a character that always ends a name in Ninja's parser, a backslash
// before '$' or at the end, a ':' at the end).
std::optional<std::string> EscapeDepfilePath(std::string_view path);

}  // namespace atomicgen
