// src/ingest/boilerplate.h — internals of boilerplate removal shared by text and HTML ingest.
//
// The public predicate is precis::is_boilerplate (include/precis/ingest.h). This header adds the part that
// edits text: cutting boilerplate segments that were run together with article text on one line, e.g. an
// article's last sentence followed by "شاركها. © 2025 خليجي 247. جميع الحقوق محفوظة. Exit mobile version".
#pragma once

#include <string_view>
#include <vector>

#include "precis/ingest.h"

namespace precis::detail {

// Removes boilerplate from one trimmed line: the whole line when is_boilerplate says so, otherwise any
// boilerplate segments at its start or end (segments begin after sentence punctuation or at a strong
// footer marker such as "©"). Each removal is appended to `removed` in input order. Returns what is left of
// the line (a view into `line`, trimmed; empty when the whole line went). Thread-safe; linear in the line
// length (only a bounded window at each end is examined).
std::string_view strip_boilerplate(std::string_view line, std::vector<removed_block> &removed);

}  // namespace precis::detail
