#include "precis/extractive.h"

#include <algorithm>
#include <vector>

#include "precis/utf8.h"
#include "precis/words.h"

namespace precis {
namespace {

bool is_terminator(char32_t cp) noexcept {
    return cp == U'.' || cp == U'!' || cp == U'?' || cp == U'\u061F' || cp == U'\u3002' || cp == U'\uFF01' ||
           cp == U'\uFF1F' || cp == U'\u2026' || cp == U'\u06D4';
}

bool is_closing(char32_t cp) noexcept {
    return cp == U'"' || cp == U'\'' || cp == U')' || cp == U']' || cp == U'\u201D' || cp == U'\u2019' ||
           cp == U'\u00BB' || cp == U'\u300D' || cp == U'\uFF09';
}

// The sentence's final terminator (skipping closing quotes and brackets after it), "." when it has none.
std::string terminator_of(std::string_view sentence) {
    std::vector<std::pair<std::size_t, char32_t>> cps;
    std::size_t pos = 0;
    while (pos < sentence.size()) {
        const std::size_t start = pos;
        cps.emplace_back(start, next_code_point(sentence, pos));
    }
    for (auto it = cps.rbegin(); it != cps.rend(); ++it) {
        if (is_terminator(it->second)) {
            std::string t;
            append_utf8(t, it->second);
            return t;
        }
        if (!is_closing(it->second) && !is_space(it->second)) break;
    }
    return ".";
}

}  // namespace

std::string cut_sentence(std::string_view sentence, std::size_t keep) {
    const auto spans = find_words(sentence);
    if (keep >= spans.size() || keep == 0) return std::string(sentence);
    std::string_view head = sentence.substr(0, spans[keep - 1].end);
    // Drop punctuation the cut left dangling (the clause mark itself, an opening quote, a dash): the kept
    // part must end on its last letter or digit before the terminator goes on.
    std::size_t end = 0, pos = 0;
    while (pos < head.size()) {
        const char32_t cp = next_code_point(head, pos);
        if (is_letter_or_digit(cp) || is_closing(cp)) end = pos;
    }
    std::string out(head.substr(0, end));
    // A cut inside a clause is marked as one, so a reader sees that the sentence goes on in the source.
    if (!ends_at_clause_mark(sentence.substr(spans[keep - 1].begin, spans[keep].begin - spans[keep - 1].begin)))
        out += "\u2026";
    // A cut inside a quotation would leave it open; close what is open, innermost first, before the
    // terminator. A straight quote opens only at the start or after a space or an opening mark ("12\" pipe"
    // is an inch mark), and closes the straight quote open innermost.
    std::vector<char32_t> open;  // the closing mark each open quotation needs
    pos = 0;
    char32_t previous = U' ';
    while (pos < out.size()) {
        const char32_t cp = next_code_point(out, pos);
        if (cp == U'\u00AB') open.push_back(U'\u00BB');
        else if (cp == U'\u201C') open.push_back(U'\u201D');
        else if ((cp == U'\u00BB' || cp == U'\u201D') && !open.empty() && open.back() == cp) open.pop_back();
        else if (cp == U'"' && !open.empty() && open.back() == U'"') open.pop_back();
        else if (cp == U'"' && (is_space(previous) || previous == U'(' || previous == U'\u00AB' || previous == U'\u201C'))
            open.push_back(U'"');
        previous = cp;
    }
    for (auto it = open.rbegin(); it != open.rend(); ++it) append_utf8(out, *it);
    out += terminator_of(sentence);
    return out;
}

extractive_result realize_extractive(const source_analysis &source, const content_plan &plan) {
    extractive_result r;
    r.warnings = plan.warnings;
    r.paragraphs.reserve(plan.paragraphs.size());
    // Chinese and Japanese run sentences together; other languages separate them with a space.
    const bool no_space = source.language == "zh" || source.language == "ja";
    for (const auto &para : plan.paragraphs) {
        std::string text;
        for (std::size_t a = 0; a < para.sentences.size(); ++a) {
            const auto &s = source.sentences[para.sentences[a]];
            if (!text.empty() && !no_space) text += ' ';
            const std::size_t keep = a < para.sentence_words.size() ? para.sentence_words[a] : s.words;
            if (keep < s.words) text += cut_sentence(s.text, keep);
            else text += s.text;
        }
        r.paragraphs.push_back(std::move(text));
    }
    return r;
}

extractive_result summarize_extractive(const source_analysis &source, const summary_spec &spec,
                                       const plan_params &params) {
    return realize_extractive(source, make_plan(source, spec, params));
}

extractive_result summarize_extractive(const source_analysis &source, const summary_spec &spec) {
    return summarize_extractive(source, spec, plan_params{});
}

}  // namespace precis
