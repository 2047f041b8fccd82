// A unified diff of two texts, line by line (`atomicgen run --verify` prints one per stale file).
#pragma once

#include <cstddef>
#include <string>

namespace atomicgen {

// Edits beyond which UnifiedDiff() gives up: Myers' algorithm keeps O(D^2) integers for D edits.
constexpr std::size_t kMaxDiffEdits = 2000;

// The unified diff (3 lines of context, GNU diff's hunk headers and "\ No newline at end of file")
// turning `before` into `after`, headed "--- <before_name>" / "+++ <after_name>"; "" when the texts
// are equal. When more than `max_edits` lines would be added or removed, the headers and one line
// saying so, instead of the hunks.
std::string UnifiedDiff(const std::string& before, const std::string& after,
                        const std::string& before_name, const std::string& after_name,
                        std::size_t max_edits = kMaxDiffEdits);

}  // namespace atomicgen
