// precis/sentences.h — sentence segmentation (ICU BreakIterator, tuned for news text).
//
// Correct for Arabic terminators (؟ ! . and quotes « ») and for English abbreviations and decimals
// ("Mr.", "U.S.", "$5.6mn", "No. 3" do not end sentences). Sentences never span paragraphs.
//
//   for (auto s : precis::split_sentences(text, "en")) use(text.substr(s.begin, s.end - s.begin));
//
// Thread-safe (each call uses its own iterator, cloned from a cached prototype per language).
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace precis {

// One sentence: byte offsets [begin, end) into the segmented text, trimmed of surrounding whitespace.
struct sentence_span {
    std::size_t begin = 0;
    std::size_t end = 0;
};

// Splits `text` (valid UTF-8) into sentences. `language` is an ISO 639-1 code used to pick abbreviation
// lists; empty or unknown means language-neutral rules plus the English abbreviation list.
// Throws error{internal} only if ICU itself fails to start.
std::vector<sentence_span> split_sentences(std::string_view text, std::string_view language = {});

}  // namespace precis
