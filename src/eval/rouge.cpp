// ROUGE (Lin, 2004, "ROUGE: A Package for Automatic Evaluation of Summaries"). ROUGE-Lsum follows the
// summary-level union-LCS of section 3.2 of that paper, computed the way the rouge-score package does, so
// that figures published with it are comparable.
#include "precis/rouge.h"

#include <algorithm>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <utility>

#include <unicode/uchar.h>

#include "precis/error.h"
#include "precis/normalize.h"
#include "precis/sentences.h"
#include "precis/utf8.h"
#include "precis/words.h"

namespace precis {
namespace {

bool is_english(std::string_view language) { return language == "en"; }

// Combining marks (Devanagari vowel signs, Thai tone marks) stay inside the word they follow.
bool is_combining_mark(char32_t cp) { return (U_GET_GC_MASK(static_cast<UChar32>(cp)) & U_GC_M_MASK) != 0; }

// Tokenises into `out`, appending.
void tokenize_into(std::string_view text, std::string_view language, std::vector<std::string> &out) {
    if (is_english(language)) {
        // rouge-score: lower-case, then every run of [a-z0-9] is a token and everything else separates.
        std::string cur;
        for (char c : text) {
            char l = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
            if ((l >= 'a' && l <= 'z') || (l >= '0' && l <= '9')) {
                cur.push_back(l);
            } else if (!cur.empty()) {
                out.push_back(std::move(cur));
                cur.clear();
            }
        }
        if (!cur.empty()) out.push_back(std::move(cur));
        return;
    }
    const std::string norm = normalize_for_matching(text);
    std::string_view v = norm;
    std::size_t pos = 0;
    std::size_t run_begin = std::string_view::npos;
    auto flush = [&](std::size_t end) {
        if (run_begin != std::string_view::npos) out.emplace_back(v.substr(run_begin, end - run_begin));
        run_begin = std::string_view::npos;
    };
    while (pos < v.size()) {
        const std::size_t start = pos;
        const char32_t cp = next_code_point(v, pos);
        if (is_counted_per_character(cp)) {
            flush(start);
            out.emplace_back(v.substr(start, pos - start));
        } else if (is_letter_or_digit(cp) || (run_begin != std::string_view::npos && is_combining_mark(cp))) {
            if (run_begin == std::string_view::npos) run_begin = start;
        } else {
            flush(start);
        }
    }
    flush(v.size());
}

// Token ids shared by the candidate and one reference, so the n-gram and LCS work compares integers.
class vocabulary {
public:
    std::vector<std::vector<std::uint32_t>> encode(const std::vector<std::vector<std::string>> &sentences) {
        std::vector<std::vector<std::uint32_t>> out;
        out.reserve(sentences.size());
        for (const auto &s : sentences) {
            std::vector<std::uint32_t> ids;
            ids.reserve(s.size());
            for (const auto &t : s) {
                auto [it, inserted] = ids_.try_emplace(t, static_cast<std::uint32_t>(ids_.size()));
                ids.push_back(it->second);
            }
            out.push_back(std::move(ids));
        }
        return out;
    }
    std::size_t size() const { return ids_.size(); }

private:
    std::unordered_map<std::string, std::uint32_t> ids_;
};

double f1(std::size_t hits, std::size_t cand, std::size_t ref) {
    if (hits == 0 || cand == 0 || ref == 0) return 0.0;
    const double p = static_cast<double>(hits) / static_cast<double>(cand);
    const double r = static_cast<double>(hits) / static_cast<double>(ref);
    return 100.0 * 2.0 * p * r / (p + r);
}

std::vector<std::uint32_t> flatten(const std::vector<std::vector<std::uint32_t>> &sentences) {
    std::vector<std::uint32_t> all;
    for (const auto &s : sentences) all.insert(all.end(), s.begin(), s.end());
    return all;
}

// Clipped n-gram overlap for n = 1 or 2: n-grams are packed into 64-bit keys and compared as sorted lists.
double rouge_n(const std::vector<std::uint32_t> &cand, const std::vector<std::uint32_t> &ref, std::size_t n) {
    auto grams = [n](const std::vector<std::uint32_t> &t) {
        std::vector<std::uint64_t> g;
        if (t.size() < n) return g;
        g.reserve(t.size() - n + 1);
        for (std::size_t i = 0; i + n <= t.size(); ++i)
            g.push_back(n == 1 ? t[i] : (static_cast<std::uint64_t>(t[i]) << 32) | t[i + 1]);
        std::sort(g.begin(), g.end());
        return g;
    };
    const auto c = grams(cand);
    const auto r = grams(ref);
    // Intersection of sorted multisets = clipped counts.
    std::size_t hits = 0, i = 0, j = 0;
    while (i < c.size() && j < r.size()) {
        if (c[i] < r[j]) ++i;
        else if (r[j] < c[i]) ++j;
        else { ++hits; ++i; ++j; }
    }
    return f1(hits, c.size(), r.size());
}

// LCS dynamic-programming table ((a+1) x (b+1)), row-major.
std::vector<std::uint32_t> lcs_table(const std::vector<std::uint32_t> &a, const std::vector<std::uint32_t> &b) {
    const std::size_t w = b.size() + 1;
    std::vector<std::uint32_t> t((a.size() + 1) * w, 0);
    for (std::size_t i = 1; i <= a.size(); ++i)
        for (std::size_t j = 1; j <= b.size(); ++j)
            t[i * w + j] = a[i - 1] == b[j - 1] ? t[(i - 1) * w + j - 1] + 1
                                                : std::max(t[(i - 1) * w + j], t[i * w + j - 1]);
    return t;
}

std::size_t lcs_length(const std::vector<std::uint32_t> &a, const std::vector<std::uint32_t> &b) {
    if (a.empty() || b.empty()) return 0;
    // Two rows suffice for the length alone.
    std::vector<std::uint32_t> prev(b.size() + 1, 0), cur(b.size() + 1, 0);
    for (std::size_t i = 1; i <= a.size(); ++i) {
        for (std::size_t j = 1; j <= b.size(); ++j)
            cur[j] = a[i - 1] == b[j - 1] ? prev[j - 1] + 1 : std::max(prev[j], cur[j - 1]);
        std::swap(prev, cur);
    }
    return prev[b.size()];
}

// Summary-level union LCS (ROUGE-Lsum): for each reference sentence, the union of the reference positions
// matched by its LCS with each candidate sentence; hits are clipped by the token counts of both sides.
double rouge_lsum(const std::vector<std::vector<std::uint32_t>> &cand,
                  const std::vector<std::vector<std::uint32_t>> &ref, std::size_t vocab_size) {
    std::size_t cand_total = 0, ref_total = 0;
    std::vector<std::int32_t> cand_counts(vocab_size, 0), ref_counts(vocab_size, 0);
    for (const auto &s : cand) { cand_total += s.size(); for (auto t : s) ++cand_counts[t]; }
    for (const auto &s : ref) { ref_total += s.size(); for (auto t : s) ++ref_counts[t]; }
    std::size_t hits = 0;
    std::vector<char> in_union;
    for (const auto &r : ref) {
        in_union.assign(r.size(), 0);
        for (const auto &c : cand) {
            if (r.empty() || c.empty()) continue;
            const auto t = lcs_table(r, c);
            const std::size_t w = c.size() + 1;
            std::size_t i = r.size(), j = c.size();
            while (i > 0 && j > 0) {
                if (r[i - 1] == c[j - 1]) { in_union[i - 1] = 1; --i; --j; }
                else if (t[(i - 1) * w + j] >= t[i * w + j - 1]) --i;
                else --j;
            }
        }
        for (std::size_t i = 0; i < r.size(); ++i) {
            if (!in_union[i]) continue;
            const auto tok = r[i];
            if (cand_counts[tok] > 0 && ref_counts[tok] > 0) {
                ++hits;
                --cand_counts[tok];
                --ref_counts[tok];
            }
        }
    }
    return f1(hits, cand_total, ref_total);
}

std::vector<std::vector<std::string>> tokenize_sentences(std::string_view text, std::string_view language) {
    std::vector<std::vector<std::string>> out;
    auto add = [&](std::string_view s) {
        std::vector<std::string> toks;
        tokenize_into(s, language, toks);
        if (!toks.empty()) out.push_back(std::move(toks));
    };
    // Lines first (the rouge-score convention for Lsum), then sentences within each line, so both
    // one-sentence-per-line files and running text give sentence-level units.
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t nl = text.find('\n', start);
        if (nl == std::string_view::npos) nl = text.size();
        const std::string_view line = text.substr(start, nl - start);
        for (auto s : split_sentences(line, language)) add(line.substr(s.begin, s.end - s.begin));
        start = nl + 1;
    }
    return out;
}

}  // namespace

std::vector<std::string> rouge_tokenize(std::string_view text, std::string_view language) {
    std::vector<std::string> out;
    tokenize_into(text, language, out);
    return out;
}

std::string untag_sentences(std::string_view text) {
    if (text.find("<t>") == std::string_view::npos) return std::string(text);
    std::string out;
    out.reserve(text.size());
    std::size_t pos = 0;
    bool need_break = false;
    while (pos < text.size()) {
        if (text.compare(pos, 3, "<t>") == 0) { need_break = true; pos += 3; continue; }
        if (text.compare(pos, 4, "</t>") == 0) { need_break = true; pos += 4; continue; }
        const char c = text[pos++];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            if (!out.empty() && out.back() != ' ' && out.back() != '\n') out.push_back(' ');
            continue;
        }
        if (need_break && !out.empty()) {
            while (!out.empty() && out.back() == ' ') out.pop_back();
            if (!out.empty()) out.push_back('\n');
        }
        need_break = false;
        out.push_back(c);
    }
    while (!out.empty() && (out.back() == ' ' || out.back() == '\n')) out.pop_back();
    return out;
}

rouge_scores mean(const std::vector<rouge_scores> &scores) {
    rouge_scores m;
    if (scores.empty()) return m;
    for (const auto &s : scores) { m.r1 += s.r1; m.r2 += s.r2; m.rl += s.rl; m.rlsum += s.rlsum; }
    const double n = static_cast<double>(scores.size());
    m.r1 /= n; m.r2 /= n; m.rl /= n; m.rlsum /= n;
    return m;
}

rouge_scores rouge(std::string_view candidate, const std::vector<std::string> &references,
                   std::string_view language) {
    if (references.empty())
        throw error{errc::usage, "ROUGE needs at least one reference summary; pass one or more references"};
    const auto cand_tokens = tokenize_sentences(candidate, language);
    std::vector<rouge_scores> per_ref;
    per_ref.reserve(references.size());
    for (const auto &reference : references) {
        const auto ref_tokens = tokenize_sentences(reference, language);
        vocabulary vocab;
        const auto c = vocab.encode(cand_tokens);
        const auto r = vocab.encode(ref_tokens);
        const auto cf = flatten(c);
        const auto rf = flatten(r);
        rouge_scores s;
        s.r1 = rouge_n(cf, rf, 1);
        s.r2 = rouge_n(cf, rf, 2);
        s.rl = f1(lcs_length(cf, rf), cf.size(), rf.size());
        s.rlsum = rouge_lsum(c, r, vocab.size());
        per_ref.push_back(s);
    }
    return mean(per_ref);
}

}  // namespace precis
