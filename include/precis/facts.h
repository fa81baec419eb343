// precis/facts.h — the facts a summary must not invent: numbers and Latin-script names.
//
//   for (auto &n : precis::extract_numbers("بلغت الخسائر ٥٫٦ مليون دولار في 2024"))
//       use(n.text, n.value);   // "٥٫٦ مليون دولار" → 5600000 (unit "USD"), "2024" → 2024
//   auto names = precis::extract_latin_names("أطلقت DeepSeek نموذج R1");   // {"DeepSeek", "R1"}
//
// Used by the `numbers` and `entities` checks (precis/check.h) and by the LLM engine, which builds its trie
// of copyable names from extract_latin_names(source). Thread-safe; no shared state.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace precis {

// One number as written in a text, with its value normalised.
//   * Digits: Western (0-9), Eastern Arabic (٠-٩) and Persian (۰-۹).
//   * Thousands separators "," "٬" "،" and decimal marks "." "٫" ("," before a group of other than three
//     digits is a decimal comma: "6,5 بليون" is 6.5 billion).
//   * A scale word after the digits or glued to them is applied: thousand / million / billion / trillion,
//     k / mn / bn / tn, ألف / آلاف / مليون / ملايين / مليار / مليارات / بليون, with the prefixes و ب ل ف ك and
//     the dual forms (مليونا, ملياري, ألفين …). A scale word without digits is a number too ("مليون وحدة" is
//     1,000,000; a dual without digits is read as two of the scale; a plural such as "آلاف" has only a
//     magnitude and `value` is the scale).
//   * Ranges, dates and times ("2019-2020", "12/3", "10:30") are several numbers.
//   * Digits glued to letters ("H800", "R1", "كم2") are codes: `unit` is "code" and `value` is the digits'.
struct number_fact {
    std::string text;      // as written: digits with their currency, percent and scale words
    double value = 0.0;    // normalised, scale applied: "5.6 million" → 5600000
    bool percent = false;  // "%", "٪", "percent", "في المائة", "بالمئة"
    std::string unit;      // "USD" for $ / dollars / دولار, "EUR", "GBP", "code", a glued unit ("km"), or ""
    std::size_t offset = 0;  // byte offset of `text` in the input
};

// All numbers in `text` (valid UTF-8), in order of appearance. Number words other than scale words
// ("three", "ثلاثة") are not numbers here, except directly before a scale word ("three million").
std::vector<number_fact> extract_numbers(std::string_view text);

// Latin-script names in `text`, in order of appearance, each as written (possessive "'s" removed):
// consecutive Latin words separated only by spaces form one name ("Liang Wenfeng", "Google DeepMind").
// In text whose letters are mostly non-Latin (Arabic, Chinese, …) every Latin word belongs to a name; in
// Latin-script text only capitalised words, words with inner capitals or digits ("DeepSeek", "H800"), and
// lower-case connectors between them ("Bank of America") do, and a lone ordinary capitalised word at the
// start of a sentence ("The", "However") does not.
std::vector<std::string> extract_latin_names(std::string_view text);

}  // namespace precis
