#include "unified_diff.h"

#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <string_view>
#include <vector>

namespace atomicgen {

namespace {

// internal: the lines of `text`, each with its '\n' (the last one may lack it).
std::vector<std::string_view> SplitLines(const std::string& text) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    end = end == std::string::npos ? text.size() : end + 1;
    lines.emplace_back(text.data() + start, end - start);
    start = end;
  }
  return lines;
}

enum class Op { kEqual, kDelete, kInsert };

// internal: the shortest edit script turning a[begin_a, end_a) into b[begin_b, end_b) (Myers,
// "An O(ND) Difference Algorithm"), or nothing when it needs more than `max_edits` edits.
std::optional<std::vector<Op>> ShortestEdits(const std::vector<std::string_view>& a,
                                             const std::vector<std::string_view>& b,
                                             std::size_t begin_a, std::size_t end_a,
                                             std::size_t begin_b, std::size_t end_b,
                                             std::size_t max_edits) {
  const long n = static_cast<long>(end_a - begin_a);
  const long m = static_cast<long>(end_b - begin_b);
  const long limit = std::min<long>(n + m, static_cast<long>(max_edits));
  auto same = [&](long x, long y) { return a[begin_a + x] == b[begin_b + y]; };
  // trace[d][k + d]: the furthest x on diagonal k after d edits.
  std::vector<std::vector<long>> trace;
  std::vector<long> v(2 * static_cast<std::size_t>(limit) + 3, 0);
  const long offset = limit + 1;
  long found = -1;
  for (long d = 0; d <= limit && found < 0; ++d) {
    for (long k = -d; k <= d; k += 2) {
      long x = (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]))
                   ? v[offset + k + 1]
                   : v[offset + k - 1] + 1;
      long y = x - k;
      while (x < n && y < m && same(x, y)) ++x, ++y;
      v[offset + k] = x;
      if (x >= n && y >= m) found = d;
    }
    trace.emplace_back(v.begin() + (offset - d), v.begin() + (offset + d + 1));
  }
  if (found < 0) return std::nullopt;

  std::vector<Op> reversed;
  long x = n, y = m;
  for (long d = found; d > 0; --d) {
    const std::vector<long>& previous = trace[d - 1];  // index k + (d - 1)
    auto at = [&](long k) { return previous[k + d - 1]; };
    const long k = x - y;
    const bool down = k == -d || (k != d && at(k - 1) < at(k + 1));
    const long previous_k = down ? k + 1 : k - 1;
    const long previous_x = at(previous_k);
    const long previous_y = previous_x - previous_k;
    const long start_x = down ? previous_x : previous_x + 1;
    const long start_y = down ? previous_y + 1 : previous_y;
    while (x > start_x && y > start_y) reversed.push_back(Op::kEqual), --x, --y;
    reversed.push_back(down ? Op::kInsert : Op::kDelete);
    x = previous_x;
    y = previous_y;
  }
  while (x > 0 && y > 0) reversed.push_back(Op::kEqual), --x, --y;
  return std::vector<Op>(reversed.rbegin(), reversed.rend());
}

// internal: "<start>,<count>" as GNU diff writes it: the count omitted when 1, and an empty range
// named by the line before it.
std::string Range(std::size_t begin, std::size_t count) {
  if (count == 1) return fmt::format("{}", begin + 1);
  return fmt::format("{},{}", count == 0 ? begin : begin + 1, count);
}

// internal: one line of a hunk, with its prefix; a last line without '\n' says so.
void AppendLine(std::string& out, char prefix, std::string_view line) {
  out += prefix;
  out.append(line.data(), line.size());
  if (line.empty() || line.back() != '\n') out += "\n\\ No newline at end of file\n";
}

}  // namespace

std::string UnifiedDiff(const std::string& before, const std::string& after,
                        const std::string& before_name, const std::string& after_name,
                        std::size_t max_edits) {
  if (before == after) return "";
  const std::vector<std::string_view> a = SplitLines(before);
  const std::vector<std::string_view> b = SplitLines(after);
  // The common head and tail cost nothing to match; Myers runs on the middle.
  std::size_t head = 0;
  while (head < a.size() && head < b.size() && a[head] == b[head]) ++head;
  std::size_t tail = 0;
  while (tail < a.size() - head && tail < b.size() - head &&
         a[a.size() - 1 - tail] == b[b.size() - 1 - tail]) {
    ++tail;
  }
  std::string out = fmt::format("--- {}\n+++ {}\n", before_name, after_name);
  std::optional<std::vector<Op>> middle =
      ShortestEdits(a, b, head, a.size() - tail, head, b.size() - tail, max_edits);
  if (!middle) {
    out += fmt::format(
        "(diff not shown: more than {} lines differ; {} lines before, {} lines after)\n", max_edits,
        a.size(), b.size());
    return out;
  }
  std::vector<Op> ops(head, Op::kEqual);
  ops.insert(ops.end(), middle->begin(), middle->end());
  ops.insert(ops.end(), tail, Op::kEqual);

  // Hunks: each change with 3 lines of context; changes closer than 2 * 3 lines share a hunk.
  constexpr std::size_t kContext = 3;
  std::vector<std::size_t> line_a(ops.size() + 1), line_b(ops.size() + 1);  // before op i
  for (std::size_t i = 0; i < ops.size(); ++i) {
    line_a[i + 1] = line_a[i] + (ops[i] != Op::kInsert);
    line_b[i + 1] = line_b[i] + (ops[i] != Op::kDelete);
  }
  std::size_t i = 0;
  while (i < ops.size()) {
    while (i < ops.size() && ops[i] == Op::kEqual) ++i;
    if (i == ops.size()) break;
    const std::size_t first = i >= kContext ? i - kContext : 0;
    std::size_t last_change = i;  // one past the last change of the hunk
    for (std::size_t j = i; j < ops.size(); ++j) {
      if (ops[j] != Op::kEqual) {
        last_change = j + 1;
      } else if (j - last_change + 1 > 2 * kContext) {
        break;
      }
    }
    const std::size_t end = std::min(ops.size(), last_change + kContext);
    out += fmt::format("@@ -{} +{} @@\n", Range(line_a[first], line_a[end] - line_a[first]),
                       Range(line_b[first], line_b[end] - line_b[first]));
    for (std::size_t j = first; j < end; ++j) {
      switch (ops[j]) {
        case Op::kEqual:
          AppendLine(out, ' ', a[line_a[j]]);
          break;
        case Op::kDelete:
          AppendLine(out, '-', a[line_a[j]]);
          break;
        case Op::kInsert:
          AppendLine(out, '+', b[line_b[j]]);
          break;
      }
    }
    i = end;
  }
  return out;
}

}  // namespace atomicgen
