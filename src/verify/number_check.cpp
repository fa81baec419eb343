// The `numbers` check.
//
// Matching is by value, after normalisation (facts.cpp): "5.6 million", "5,600,000" and "٥٫٦ مليون" are one
// number. Value matching alone misses an edit that lands on a value found elsewhere in the source ("ولد عام
// 1771" when the source also mentions 1771), so each number is first aligned with the source by the three
// words on either side: where the source has the same words around a number, the summary must have that
// number there (or one of them, when the words recur).
#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "verify/checks.h"

namespace precis::detail {

namespace {

constexpr std::size_t context_words = 3;
constexpr std::size_t min_context_words = 2;
constexpr std::size_t max_reported = 8;

// The text on one line, for a detail line ("3 تريليونات\nدولار" → "3 تريليونات دولار").
std::string one_line(std::string_view text) {
    std::string out(text);
    std::replace(out.begin(), out.end(), '\n', ' ');
    std::replace(out.begin(), out.end(), '\r', ' ');
    return out;
}

bool same_value(double a, double b) noexcept {
    return std::fabs(a - b) <= 1e-9 * std::max(std::fabs(a), std::fabs(b));
}

bool contains_value(const std::vector<double> &sorted, double v) {
    auto it = std::lower_bound(sorted.begin(), sorted.end(), v - 1e-9 * std::fabs(v));
    return it != sorted.end() && same_value(*it, v);
}

// Context keys: the hashes of up to three words before (after) the number within its sentence, with the
// number's place in its word. No key when fewer than two such words are there: the start of a sentence is
// no evidence of alignment, and a context running into the next sentence would tie a number to whatever
// preceded that sentence in the source (summaries join sentences the source did not).
bool left_key(const text_index &idx, const number_token &t, std::uint64_t &key) {
    std::size_t from = t.first_word;
    while (from > 0 && t.first_word - from < context_words && !idx.words[from - 1].ends_sentence) --from;
    if (t.first_word - from < min_context_words) return false;
    key = hash_combine(0x4c, t.part);
    for (std::size_t w = from; w < t.first_word; ++w) key = hash_combine(key, idx.words[w].hash);
    return true;
}

bool right_key(const text_index &idx, const number_token &t, std::uint64_t &key) {
    const std::size_t n = idx.words.size();
    if (idx.words[t.last_word].ends_sentence) return false;
    std::size_t to = t.last_word + 1;
    while (to < n && to - t.last_word - 1 < context_words) {
        ++to;
        if (idx.words[to - 1].ends_sentence) break;
    }
    if (to - t.last_word - 1 < min_context_words) return false;
    key = hash_combine(0x52, t.part);
    for (std::size_t w = t.last_word + 1; w < to; ++w) key = hash_combine(key, idx.words[w].hash);
    return true;
}

bool in_magnitude(double v, double scale) noexcept { return v >= scale * 0.999999 && v < scale * 1000; }

// Does source number `t` support summary number `s`? `strict` (aligned numbers) compares full values only;
// otherwise a summary number without a scale may match a source number's digits ("5.6" for "5.6 million").
bool supports(const number_token &s, const number_token &t, bool strict) {
    if (s.kind == number_kind::code || t.kind == number_kind::code)
        return s.kind == t.kind && s.code == t.code;
    if (s.kind == number_kind::vague)
        return (t.kind == number_kind::vague && t.scale == s.scale) ||
               (t.kind != number_kind::vague && in_magnitude(t.values[0], s.scale));
    if (t.kind == number_kind::vague) return false;
    for (std::uint8_t i = 0; i < s.readings; ++i)
        for (std::uint8_t j = 0; j < t.readings; ++j) {
            if (same_value(s.values[i], t.values[j])) return true;
            if (!strict && s.scale == 1.0 && same_value(s.values[i], t.mantissas[j])) return true;
        }
    // "more than a million" for 1.2 million: a bare scale word is a magnitude.
    if (!strict && s.kind == number_kind::scale_word && s.digits == "1") return in_magnitude(t.values[0], s.scale);
    return false;
}

// A source number the summary's number looks like an edit of: one digit changed, two adjacent digits
// swapped, or the same digits with another scale.
const number_token *near_miss(const number_token &s, const std::vector<number_token> &source) {
    if (s.kind == number_kind::vague) return nullptr;
    for (const auto &t : source) {
        if (t.kind == number_kind::vague || t.digits.size() != s.digits.size()) continue;
        if ((t.kind == number_kind::code) != (s.kind == number_kind::code)) continue;
        if (t.digits == s.digits) {
            if (t.scale != s.scale) return &t;
            continue;
        }
        std::size_t diff = 0;
        std::size_t first = 0;
        for (std::size_t i = 0; i < s.digits.size(); ++i)
            if (s.digits[i] != t.digits[i]) {
                if (diff++ == 0) first = i;
            }
        if (diff == 1) return &t;
        if (diff == 2 && first + 1 < s.digits.size() && s.digits[first] == t.digits[first + 1] &&
            s.digits[first + 1] == t.digits[first])
            return &t;
    }
    return nullptr;
}


}  // namespace

check_item check_numbers(const text_index &summary, const text_index &source) {
    check_item item{"numbers", true, {}, nullptr};
    const std::vector<number_token> s_nums = scan_numbers(summary);
    const std::vector<number_token> t_nums = scan_numbers(source);

    // Source lookups, each sorted for binary search.
    std::vector<double> values;
    std::vector<double> mantissas;
    std::vector<std::uint64_t> codes;
    std::vector<std::pair<std::uint64_t, std::uint32_t>> keys;
    for (std::uint32_t i = 0; i < t_nums.size(); ++i) {
        const number_token &t = t_nums[i];
        if (t.kind == number_kind::code) {
            codes.push_back(t.code);
        } else if (t.kind != number_kind::vague) {
            for (std::uint8_t j = 0; j < t.readings; ++j) {
                values.push_back(t.values[j]);
                mantissas.push_back(t.mantissas[j]);
            }
        }
        std::uint64_t k = 0;
        if (left_key(source, t, k)) keys.emplace_back(k, i);
        if (right_key(source, t, k)) keys.emplace_back(k, i);
    }
    std::sort(values.begin(), values.end());
    std::sort(mantissas.begin(), mantissas.end());
    std::sort(codes.begin(), codes.end());
    std::sort(keys.begin(), keys.end());
    bool magnitude[5] = {};  // thousands … trillions present in the source
    for (const auto &t : t_nums) {
        if (t.kind == number_kind::code) continue;
        for (int m = 1; m <= 4; ++m)
            if ((t.kind == number_kind::vague && t.scale == std::pow(1000.0, m)) ||
                (t.kind != number_kind::vague && in_magnitude(t.values[0], std::pow(1000.0, m))))
                magnitude[m] = true;
    }
    const auto globally_supported = [&](const number_token &s) {
        if (s.kind == number_kind::code) return std::binary_search(codes.begin(), codes.end(), s.code);
        const int m = static_cast<int>(std::lround(std::log10(std::max(s.scale, 1.0)) / 3));
        if (s.kind == number_kind::vague) return m >= 1 && m <= 4 && magnitude[m];
        for (std::uint8_t i = 0; i < s.readings; ++i) {
            if (contains_value(values, s.values[i])) return true;
            if (s.scale == 1.0 && contains_value(mantissas, s.values[i])) return true;
        }
        return s.kind == number_kind::scale_word && s.digits == "1" && m >= 1 && m <= 4 && magnitude[m];
    };

    nlohmann::json altered = nlohmann::json::array();
    nlohmann::json unsupported = nlohmann::json::array();
    std::vector<std::string> notes;
    std::vector<std::uint32_t> aligned;
    for (const auto &s : s_nums) {
        aligned.clear();
        std::uint64_t k = 0;
        for (int side = 0; side < 2; ++side) {
            if (!(side == 0 ? left_key(summary, s, k) : right_key(summary, s, k))) continue;
            auto it = std::lower_bound(keys.begin(), keys.end(), std::make_pair(k, std::uint32_t{0}));
            for (; it != keys.end() && it->first == k; ++it) aligned.push_back(it->second);
        }
        const std::string text = one_line(summary.text.substr(s.begin, s.end - s.begin));
        const number_token *was = nullptr;
        if (!aligned.empty()) {
            bool ok = false;
            for (auto i : aligned) ok = ok || supports(s, t_nums[i], true);
            if (ok) continue;
            was = &t_nums[aligned.front()];
        } else {
            if (globally_supported(s)) continue;
            was = near_miss(s, t_nums);
        }
        if (was) {
            const std::string src = one_line(source.text.substr(was->begin, was->end - was->begin));
            altered.push_back({{"text", text}, {"source", src}, {"offset", s.begin}});
            if (notes.size() < max_reported)
                notes.push_back(fmt::format("«{}» where the source has «{}»", text, src));
        } else {
            unsupported.push_back({{"text", text}, {"offset", s.begin}});
            if (notes.size() < max_reported) notes.push_back(fmt::format("«{}» is not in the source", text));
        }
    }
    const std::size_t bad = altered.size() + unsupported.size();
    item.passed = bad == 0;
    item.data = {{"numbers", s_nums.size()}, {"altered", altered}, {"unsupported", unsupported}};
    if (item.passed) {
        item.detail = s_nums.empty() ? "no numbers" : fmt::format("all {} numbers match the source", s_nums.size());
    } else {
        std::string list;
        for (const auto &n : notes) list += (list.empty() ? "" : "; ") + n;
        if (bad > notes.size()) list += fmt::format("; and {} more", bad - notes.size());
        item.detail = fmt::format("{} of {} numbers do not match the source: {}", bad, s_nums.size(), list);
    }
    return item;
}

}  // namespace precis::detail
