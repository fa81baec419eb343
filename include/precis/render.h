// precis/render.h — output formats (text, markdown, json, html) and the JSON forms of precis's types.
//
//   std::string page = precis::render_paragraphs(paragraphs, precis::output_format::html, "ar");
//   // <article lang="ar" dir="rtl">\n<p>…</p>\n…</article>
//
// Thread-safe; pure functions.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "precis/analyze.h"
#include "precis/spec.h"

namespace precis {

enum class output_format { text, markdown, json, html };

// Parses "text", "markdown", "json", "html"; throws error{usage} otherwise.
output_format parse_output_format(std::string_view name);

// Paragraphs as text/markdown (one blank line between paragraphs, trailing newline) or as an HTML
// <article lang dir> with one <p> per paragraph (text escaped). json is not a paragraph format: use the
// *_to_json functions and throw error{internal} here.
std::string render_paragraphs(const std::vector<std::string> &paragraphs, output_format format,
                              std::string_view language);

// {"words","min_words","max_words","paragraphs","language","tolerance"}
nlohmann::json spec_to_json(const summary_spec &spec);

// {"language","language_confidence","format","words","sentences","paragraphs","removed":[{"text","reason"}]}
nlohmann::json source_to_json(const source_analysis &source);

// The instruction as parsed: {"text","words","words_high","bound","paragraphs","language","tolerance"}
// (absent parts are null).
nlohmann::json instruction_to_json(const parsed_instruction &instruction);

// Escapes &, <, >, " and ' for HTML text and attributes.
std::string html_escape(std::string_view text);

}  // namespace precis
