// src/text/normalize_detail.h — allocation-free form of precis/normalize.h for per-word loops.
#pragma once

#include <string>
#include <string_view>

namespace precis::detail {

// Appends normalize_for_matching(text) to `out` (same result), so a caller normalising word by word can
// reuse one buffer. Thread-safe.
void append_normalized_for_matching(std::string &out, std::string_view text);

}  // namespace precis::detail
