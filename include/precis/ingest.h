// precis/ingest.h — bytes in, clean article text out (with a record of what was removed).
//
//   precis::document doc = precis::ingest(bytes);          // text or HTML, sniffed
//   for (auto &r : doc.removed) log(r.reason, r.text);      // "share", "copyright", "navigation", …
//
// Thread-safe. Errors: error{bad_input} for empty input, binary data (NUL bytes), or invalid UTF-8 in text
// input (with the byte offset); HTML is converted from its declared charset (e.g. windows-1256) first.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace precis {

// A block ingest removed from the content, and why.
struct removed_block {
    std::string text;    // the removed text, trimmed
    std::string reason;  // "share", "copyright", "navigation", "footer", "instruction", "markup"
};

struct document {
    std::string text;                    // clean content: paragraphs separated by exactly one blank line
    std::vector<removed_block> removed;  // in input order
    std::string format;                  // "text" or "html"
    std::string title;                   // HTML <title> or first heading, when known
};

// Largest input ingest accepts (bytes); larger input is refused with error{bad_input} before it is read
// whole.
inline constexpr std::size_t max_input_bytes = 64u << 20;

// Text input: validates UTF-8, normalises line endings, drops boilerplate lines (share / copyright /
// navigation / "Exit mobile version" in Arabic and English) and records each removal.
document ingest_text(std::string_view bytes);

// HTML input: charset conversion, main-content extraction, then the same boilerplate removal.
document ingest_html(std::string_view bytes);

// Sniffs HTML vs text and calls the matching function.
document ingest(std::string_view bytes);

// True when a single line/paragraph is boilerplate (share, copyright, navigation, footer), with its reason
// written to `reason`. Used by ingest and by the boilerplate_leak check.
bool is_boilerplate(std::string_view line, std::string *reason = nullptr);

}  // namespace precis
