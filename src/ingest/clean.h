// src/ingest/clean.h — line normalisation and paragraph assembly shared by text and HTML ingest.
#pragma once

#include <string_view>

#include "precis/ingest.h"

namespace precis::detail {

// Turns valid UTF-8 text into clean paragraphs: CRLF/CR become LF, each line is trimmed (Unicode
// whitespace) and stripped of control characters, boilerplate lines and run-together footer segments are
// removed and appended to `doc.removed`, and paragraphs (blocks between blank lines) are written to
// `doc.text` separated by exactly one blank line. Lines inside a paragraph stay on their own lines, except
// in hard-wrapped text (lines broken at a fixed width in mid-sentence), whose wrapped lines are rejoined.
// Linear in the input; thread-safe. Precondition: `text` is valid UTF-8.
void clean_text(std::string_view text, document &doc);

}  // namespace precis::detail
