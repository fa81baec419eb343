// src/ingest/html.h — main-content extraction from an HTML page.
#pragma once

#include <string>
#include <string_view>

namespace precis::detail {

// What extract_html found: the page title and the article text, one paragraph per block element
// (<p>, <br>, headings, list items), blocks separated by blank lines. The text is not yet trimmed or
// stripped of boilerplate lines (clean_text does that).
struct html_content {
    std::string title;
    std::string text;
};

// Parses `utf8` with libxml2's forgiving HTML parser and extracts the main content with a readability-style
// scorer: page furniture (script, style, nav, header, footer, aside, forms) and blocks whose class/id say
// comment/sidebar/share/related are dropped, paragraphs score their ancestors by text length and commas,
// the best container (discounted by link density) wins and brings its sibling paragraphs along. Falls
// back to all body text when nothing scores. Never throws on malformed HTML; thread-safe.
html_content extract_html(std::string_view utf8);

// True when `bytes` looks like HTML: a doctype, <html>, or known tags near the start.
bool looks_like_html(std::string_view bytes);

}  // namespace precis::detail
