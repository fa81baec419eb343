// src/eval/corpus.h — loaders for the evaluation corpora of ../shared/data (EASC, CNN/DailyMail 100), shared
// by the data tests and bench/eval_tables. Internal to precis's own evaluation; not public API.
//
// Thread-safe (no shared state). Errors: error{bad_input} naming the file that is missing or unreadable.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "precis/analyze.h"
#include "precis/spec.h"

namespace precis::detail {

struct eval_document {
    std::string id;                       // "Topic12" or the line number
    source_analysis source;               // segmented with the text core (no ingest, no instruction)
    std::vector<std::string> references;  // one sentence per line where the corpus marks sentences
};

// A source_analysis of plain `text` in `language`: paragraphs split at blank lines (and, when
// `lines_are_paragraphs`, at every line break), sentences by split_sentences, words by count_words.
source_analysis analyze_plain(std::string_view text, std::string_view language, bool lines_are_paragraphs);

// EASC: `dir` is .../summarization/easc. 153 documents in topic order, five references each. Each article
// goes through precis::analyze, as a user's file would (so its hard-wrapped lines are rejoined).
std::vector<eval_document> load_easc(const std::string &dir);

// CNN/DailyMail 100: `dir` is .../summarization/cnndm100. Sources from abs/ptr_generator/src.txt (one tag
// holds the whole article, so sentences come from split_sentences), references from abs/bart/ref.txt (the same highlights, one sentence per tag).
std::vector<eval_document> load_cnndm100(const std::string &dir);

// The whole file at `path` (UTF-8 byte-order mark removed).
std::string read_text_file(const std::string &path);

// The decompressed content of the gzip file at `path` (the benchmark pages are stored gzipped); empty when
// it cannot be opened.
std::string read_gzip_file(const std::string &path);

// The first `words` words of `text` (Lead-N-words baseline), cut after the last word's end.
std::string first_words(std::string_view text, std::size_t words);

// A spec of `words` ± tolerance·words in `paragraphs` paragraphs (the rule of resolve_spec for "N words").
summary_spec make_spec(std::size_t words, std::size_t paragraphs, std::string_view language,
                       double tolerance = default_tolerance);

}  // namespace precis::detail
