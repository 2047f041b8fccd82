#include "depfile.h"

#include <algorithm>
#include <unordered_set>

namespace atomicgen {

namespace {

// internal: characters Ninja's depfile parser takes as part of a name as they are.
bool IsPlain(char c) {
  const auto byte = static_cast<unsigned char>(c);
  if (byte >= 0x80) return true;
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
  switch (c) {
    case '+':
    case ',':
    case '/':
    case '_':
    case ':':
    case '.':
    case '~':
    case '(':
    case ')':
    case '{':
    case '}':
    case '%':
    case '=':
    case '@':
    case '[':
    case ']':
    case '!':
    case '-':
      return true;
    default:
      return false;
  }
}

// internal: the character at `i`, or '\0' past the end (Ninja's parser reads the NUL that ends
// its buffer there).
char At(std::string_view text, std::size_t i) { return i < text.size() ? text[i] : '\0'; }

bool IsSpaceOrEnd(char c) { return c == '\0' || c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// internal: one name read from `text` at `*position`; `*rule_ended` when a newline ended it.
// Mirrors the longest-match rules of Ninja's re2c lexer, one token at a time.
std::string ReadName(std::string_view text, std::size_t* position, bool* rule_ended) {
  std::string name;
  std::size_t i = *position;
  *rule_ended = false;
  while (i < text.size()) {
    const char c = text[i];
    if (c == '\\') {
      std::size_t run = 0;
      while (At(text, i + run) == '\\') ++run;
      const std::size_t after = i + run;
      const char next = At(text, after);
      if (next == ' ') {
        if (run % 2 == 1) {  // 2N+1 backslashes and a space: N backslashes and a space
          name.append(run / 2, '\\');
          name += ' ';
          i = after + 1;
          continue;
        }
        name.append(run, '\\');  // 2N backslashes: kept, and the name ends
        i = after + 1;
        break;
      }
      if (next == '#') {  // one backslash less, then '#'
        name.append(run - 1, '\\');
        name += '#';
        i = after + 1;
        continue;
      }
      if (next == ':') {
        if (IsSpaceOrEnd(At(text, after + 1))) {  // "\:" ending a name is not an escape
          name.append(run, '\\');
          name += ':';
          *rule_ended = At(text, after + 1) == '\n';
          i = after + 2;
          break;
        }
        name.append(run - 1, '\\');  // an escaped ':' inside a name
        name += ':';
        i = after + 1;
        continue;
      }
      if (next == '\0' || next == '\r' || next == '\n') {
        if (run >= 2) {  // all but the last backslash, then the last one, are plain
          name.append(run, '\\');
          i = after;
          continue;
        }
        if (next == '\n' || (next == '\r' && At(text, after + 1) == '\n')) {
          i = after + (next == '\n' ? 1 : 2);  // a continuation: the name ends, the rule goes on
          break;
        }
        i = after;  // a lone backslash before '\0' or '\r' is swallowed and ends the name
        break;
      }
      name.append(run, '\\');  // backslashes before any other character are plain, and so is it
      name += next;
      i = after + 1;
      continue;
    }
    if (c == '$' && At(text, i + 1) == '$') {
      name += '$';
      i += 2;
      continue;
    }
    if (IsPlain(c)) {
      name += c;
      ++i;
      continue;
    }
    if (c == '\n') {
      *rule_ended = true;
      ++i;
      break;
    }
    if (c == '\r' && At(text, i + 1) == '\n') {
      *rule_ended = true;
      i += 2;
      break;
    }
    ++i;  // anything else (a space, a tab, a lone '$', '\0') ends the name and is swallowed
    break;
  }
  *position = i;
  return name;
}

}  // namespace

std::optional<Depfile> ParseDepfile(std::string_view text) {
  Depfile depfile;
  bool have_target = false;
  bool parsing_targets = true;
  bool input_on_the_left = false;  // this rule's left side named an input: no inputs may follow
  std::unordered_set<std::string> inputs;  // depfile.inputs, for lookups (a compile has hundreds)
  std::size_t position = 0;
  while (position < text.size()) {
    bool rule_ended = false;
    std::string name = ReadName(text, &position, &rule_ended);
    const bool is_input = !parsing_targets;
    if (!name.empty() && name.back() == ':') {
      name.pop_back();
      parsing_targets = false;
      have_target = true;
    }
    if (!name.empty()) {
      if (is_input) {
        if (input_on_the_left) return std::nullopt;  // Ninja: "inputs may not also have inputs"
        if (inputs.insert(name).second) depfile.inputs.push_back(name);
      } else if (inputs.count(name) != 0) {
        input_on_the_left = true;
      } else if (std::find(depfile.targets.begin(), depfile.targets.end(), name) ==
                 depfile.targets.end()) {
        depfile.targets.push_back(name);
      }
    }
    if (rule_ended) {
      parsing_targets = true;
      input_on_the_left = false;
    }
  }
  if (!have_target) return std::nullopt;
  return depfile;
}

std::optional<std::string> EscapeDepfilePath(std::string_view path) {
  if (path.empty() || path.back() == '\\' || path.back() == ':') return std::nullopt;
  std::string escaped;
  std::size_t backslashes = 0;  // the run of backslashes just written
  for (char c : path) {
    if (c == '\\') {
      escaped += c;
      ++backslashes;
      continue;
    }
    if (c == ' ') {
      escaped.append(backslashes + 1, '\\');  // 2N+1 backslashes before the space
      escaped += ' ';
    } else if (c == '#') {
      escaped += "\\#";
    } else if (c == ':') {
      if (backslashes > 0) escaped += '\\';  // "\\+:" loses one backslash
      escaped += ':';
    } else if (c == '$') {
      escaped += backslashes > 0 ? "$" : "$$";  // "\$" is read as it is
    } else if (IsPlain(c)) {
      escaped += c;
    } else {
      return std::nullopt;
    }
    backslashes = 0;
  }
  return escaped;
}

}  // namespace atomicgen
