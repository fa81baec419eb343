// precis/rouge.h — ROUGE-1, ROUGE-2, ROUGE-L and ROUGE-Lsum F1, language-aware.
//
//   precis::rouge_scores s = precis::rouge(summary, {ref_a, ref_b}, "ar");
//   // s.r1, s.r2, s.rl, s.rlsum: F1 in 0..100, averaged over the references
//
// Tokenisation (rouge_tokenize): for English ("en") the text is lower-cased and tokens are the maximal runs of
// [a-z0-9] — the convention of the widely used rouge-score package, so published CNN/DailyMail figures are
// reproduced. For every other language the text goes through normalize_for_matching (Arabic letter
// normalisation, diacritics and tatweel removed, case folding, Eastern Arabic digits → ASCII) and tokens are
// the maximal runs of letters and digits of any script; each Han or kana character is a token of its own.
// No stemming and no stop-word removal.
//
// ROUGE-N counts n-grams with clipping; ROUGE-L is the longest common subsequence over the whole text;
// ROUGE-Lsum is the summary-level union LCS over sentences: the text's lines, each further split by
// precis::split_sentences. Several references: each score is computed per reference and
// averaged (the EASC protocol).
//
// Thread-safe; no shared state.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace precis {

struct rouge_scores {
    double r1 = 0.0;     // ROUGE-1 F1, 0..100
    double r2 = 0.0;     // ROUGE-2 F1, 0..100
    double rl = 0.0;     // ROUGE-L F1, 0..100
    double rlsum = 0.0;  // ROUGE-Lsum F1, 0..100
};

// ROUGE F1 of `candidate` against `references` (averaged over them), tokenised for `language` (ISO 639-1;
// empty = language-neutral rules). An empty candidate or reference scores 0 against it.
// Throws error{usage} when `references` is empty.
rouge_scores rouge(std::string_view candidate, const std::vector<std::string> &references,
                   std::string_view language);

// The ROUGE tokens of `text` for `language`, as described above. Returned strings are owned by the caller.
std::vector<std::string> rouge_tokenize(std::string_view text, std::string_view language);

// Turns text with sentence tags ("<t> first . </t> <t> second . </t>", the CNN/DailyMail distribution
// format, nested tags allowed) into one sentence per line; text without tags is returned unchanged.
std::string untag_sentences(std::string_view text);

// Mean of a list of scores (element-wise); all zeros for an empty list.
rouge_scores mean(const std::vector<rouge_scores> &scores);

}  // namespace precis
