// Instruction parsing: "Summarize this content to 2000 words in 6 paragraphs in Arabic" → summary_spec.
//
// The instruction is tokenized (spec_tokens.h) and read by a handful of phrase matchers, each anchored on the
// token it starts at: a count ("about 2000 words", "1,500-2,000 words", "ست فقرات", "فقرتين"), a tolerance
// ("±5%", "within 5%") or a language ("in Arabic", "باللغة العربية", "lang: ar"). Words the matchers do not
// know are skipped, which is what makes the parser tolerant of free phrasing. Matchers never throw; the
// values they read are checked afterwards, so the same matchers can also find where a leading instruction
// ends (leading_instruction_length) without judging it.
#include "precis/spec.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include <fmt/format.h>

#include "precis/error.h"
#include "precis/language.h"
#include "precis/utf8.h"
#include "precis/words.h"
#include "spec/number_words.h"
#include "spec/spec_tokens.h"

namespace precis {

namespace {

using detail::spec_key;
using detail::spec_token;
using detail::spec_token_kind;
using tokens_t = std::vector<spec_token>;
using phrase = std::vector<std::string>;  // a sequence of token keys

enum class quantity { words, paragraphs, characters };

// What one matcher recognised, as token range [first, end) plus its values.
struct spec_match {
    enum class kind { count, tolerance, language, unknown_language } what = kind::count;
    std::size_t first = 0;
    std::size_t end = 0;
    quantity unit = quantity::words;
    double low = 0.0;
    std::optional<double> high;
    length_bound bound = length_bound::about;
    bool negative = false;
    bool integral = true;
    bool per_paragraph = false;
    double tolerance = 0.0;
    std::string language;  // ISO code, or the unknown name
};

// ---- phrase tables -------------------------------------------------------------------------------------

phrase to_phrase(std::string_view text) {
    phrase p;
    for (auto &t : detail::tokenize_instruction(text)) p.push_back(std::move(t.key));
    return p;
}

template <typename T>
std::vector<std::pair<phrase, T>> phrase_list(std::initializer_list<std::pair<std::string_view, T>> items) {
    std::vector<std::pair<phrase, T>> out;
    for (const auto &[text, value] : items) out.emplace_back(to_phrase(text), value);
    // Longest first, so "no more than" wins over "more than".
    std::stable_sort(out.begin(), out.end(), [](const auto &a, const auto &b) { return a.first.size() > b.first.size(); });
    return out;
}

std::vector<phrase> phrases(std::initializer_list<std::string_view> items) {
    std::vector<phrase> out;
    for (auto text : items) out.push_back(to_phrase(text));
    std::stable_sort(out.begin(), out.end(), [](const phrase &a, const phrase &b) { return a.size() > b.size(); });
    return out;
}

std::unordered_set<std::string> key_set(std::initializer_list<std::string_view> items) {
    std::unordered_set<std::string> out;
    for (auto text : items) out.insert(spec_key(text));
    return out;
}

using bound_list = std::vector<std::pair<phrase, length_bound>>;

// Bounds written before the number ("at most 500 words", "لا يزيد عن 500 كلمة").
const bound_list &bounds_before() {
    static const bound_list list = phrase_list<length_bound>({
        {"about", length_bound::about}, {"approximately", length_bound::about}, {"approx", length_bound::about},
        {"approx.", length_bound::about}, {"around", length_bound::about}, {"roughly", length_bound::about},
        {"~", length_bound::about}, {"≈", length_bound::about}, {"circa", length_bound::about},
        {"ca.", length_bound::about}, {"some", length_bound::about}, {"nearly", length_bound::about},
        {"close to", length_bound::about}, {"exactly", length_bound::about}, {"precisely", length_bound::about},
        {"around about", length_bound::about}, {"in the region of", length_bound::about},
        {"حوالي", length_bound::about}, {"حوالى", length_bound::about}, {"نحو", length_bound::about},
        {"قرابة", length_bound::about}, {"ما يقارب", length_bound::about}, {"يقارب", length_bound::about},
        {"تقريبا", length_bound::about}, {"في حدود", length_bound::about}, {"بحدود", length_bound::about},
        {"زهاء", length_bound::about}, {"بالضبط", length_bound::about},
        {"no more than", length_bound::at_most}, {"not more than", length_bound::at_most},
        {"at most", length_bound::at_most}, {"at the most", length_bound::at_most}, {"up to", length_bound::at_most},
        {"maximum", length_bound::at_most}, {"max", length_bound::at_most}, {"max.", length_bound::at_most},
        {"under", length_bound::at_most}, {"fewer than", length_bound::at_most}, {"less than", length_bound::at_most},
        {"below", length_bound::at_most}, {"within", length_bound::at_most}, {"not exceeding", length_bound::at_most},
        {"not to exceed", length_bound::at_most}, {"no longer than", length_bound::at_most},
        {"shorter than", length_bound::at_most}, {"no more then", length_bound::at_most},
        {"<", length_bound::at_most}, {"<=", length_bound::at_most}, {"≤", length_bound::at_most},
        {"لا يزيد عن", length_bound::at_most}, {"لا يزيد على", length_bound::at_most},
        {"لا تزيد عن", length_bound::at_most}, {"لا تزيد على", length_bound::at_most},
        {"لا يتجاوز", length_bound::at_most}, {"لا تتجاوز", length_bound::at_most},
        {"لا يتعدى", length_bound::at_most}, {"لا تتعدى", length_bound::at_most},
        {"على الأكثر", length_bound::at_most}, {"بحد أقصى", length_bound::at_most},
        {"كحد أقصى", length_bound::at_most}, {"حد أقصى", length_bound::at_most},
        {"الحد الأقصى", length_bound::at_most}, {"أقل من", length_bound::at_most}, {"حتى", length_bound::at_most},
        {"at least", length_bound::at_least}, {"minimum", length_bound::at_least}, {"min", length_bound::at_least},
        {"min.", length_bound::at_least}, {"no fewer than", length_bound::at_least},
        {"no less than", length_bound::at_least}, {"not less than", length_bound::at_least},
        {"not fewer than", length_bound::at_least}, {"more than", length_bound::at_least},
        {"over", length_bound::at_least}, {"above", length_bound::at_least}, {"longer than", length_bound::at_least},
        {"in excess of", length_bound::at_least}, {"upwards of", length_bound::at_least},
        {">", length_bound::at_least}, {">=", length_bound::at_least}, {"≥", length_bound::at_least},
        {"لا يقل عن", length_bound::at_least}, {"لا يقل على", length_bound::at_least},
        {"لا تقل عن", length_bound::at_least}, {"لا تقل على", length_bound::at_least},
        {"على الأقل", length_bound::at_least}, {"بحد أدنى", length_bound::at_least},
        {"كحد أدنى", length_bound::at_least}, {"حد أدنى", length_bound::at_least},
        {"الحد الأدنى", length_bound::at_least}, {"أكثر من", length_bound::at_least},
        {"between", length_bound::between}, {"from", length_bound::between}, {"بين", length_bound::between},
        {"ما بين", length_bound::between}, {"من", length_bound::between},
    });
    return list;
}

// Bounds written after the unit ("500 words or less", "500 كلمة على الأكثر").
const bound_list &bounds_after() {
    static const bound_list list = phrase_list<length_bound>({
        {"or less", length_bound::at_most}, {"or fewer", length_bound::at_most}, {"or under", length_bound::at_most},
        {"max", length_bound::at_most}, {"max.", length_bound::at_most}, {"maximum", length_bound::at_most},
        {"at most", length_bound::at_most}, {"at the most", length_bound::at_most}, {"tops", length_bound::at_most},
        {"على الأكثر", length_bound::at_most}, {"كحد أقصى", length_bound::at_most},
        {"بحد أقصى", length_bound::at_most}, {"أو أقل", length_bound::at_most},
        {"or more", length_bound::at_least}, {"or above", length_bound::at_least}, {"minimum", length_bound::at_least},
        {"min", length_bound::at_least}, {"min.", length_bound::at_least}, {"at least", length_bound::at_least},
        {"على الأقل", length_bound::at_least}, {"كحد أدنى", length_bound::at_least},
        {"بحد أدنى", length_bound::at_least}, {"أو أكثر", length_bound::at_least},
        {"or so", length_bound::about}, {"approximately", length_bound::about}, {"roughly", length_bound::about},
        {"or thereabouts", length_bound::about}, {"give or take", length_bound::about},
        {"تقريبا", length_bound::about}, {"أو نحو ذلك", length_bound::about},
    });
    return list;
}

// "100 words per paragraph": the count is per paragraph, not the total.
const std::vector<phrase> &per_paragraph_phrases() {
    static const auto list = phrases({"each", "apiece", "per paragraph", "per para", "a paragraph",
                                      "in each paragraph", "for each paragraph", "لكل فقرة", "في كل فقرة",
                                      "بكل فقرة", "للفقرة الواحدة"});
    return list;
}

struct unit_word {
    quantity unit = quantity::words;
    int form = 0;  // 0: plural or any, 1: singular, 2: dual (the noun alone means two)
};

const std::unordered_map<std::string, unit_word> &unit_words() {
    static const auto table = [] {
        std::unordered_map<std::string, unit_word> m;
        auto add = [&m](std::initializer_list<std::string_view> keys, quantity q, int form) {
            for (auto k : keys) m.emplace(spec_key(k), unit_word{q, form});
        };
        add({"words", "wds", "mots", "wörter", "worte", "palabras", "parole", "palavras", "слов", "слова",
             "كلمات", "كلمة", "词"},
            quantity::words, 0);
        add({"word", "wd", "mot", "wort", "palabra", "palavra", "слово"}, quantity::words, 1);
        add({"كلمتين", "كلمتان"}, quantity::words, 2);
        add({"paragraphs", "paras", "paragraphes", "párrafos", "parrafos", "absätze", "абзаца", "абзацев",
             "فقرات", "مقاطع", "段"},
            quantity::paragraphs, 0);
        add({"paragraph", "para", "paragraphe", "párrafo", "absatz", "абзац", "فقرة", "مقطع"},
            quantity::paragraphs, 1);
        add({"فقرتين", "فقرتان", "فقرتي", "مقطعين", "مقطعان"}, quantity::paragraphs, 2);
        add({"characters", "chars", "caractères", "caracteres", "zeichen", "знаков", "символов", "أحرف", "حروف",
             "حرفا", "字"},
            quantity::characters, 0);
        add({"character", "char", "حرف"}, quantity::characters, 1);
        return m;
    }();
    return table;
}

const unit_word *find_unit(const spec_token &t) {
    if (t.kind != spec_token_kind::word) return nullptr;
    const auto &m = unit_words();
    if (auto it = m.find(t.key); it != m.end()) return &it->second;
    if (t.arabic && detail::has_arabic_proclitic(t.key))
        if (auto it = m.find(t.key.substr(2)); it != m.end()) return &it->second;
    return nullptr;
}

// Words that end the search for a unit after a number: "3 key points in 200 words" must not read "3 … words".
const std::unordered_set<std::string> &unit_stop_words() {
    static const auto set = key_set({"and", "or", "in", "into", "to", "of", "with", "for", "than", "at", "from",
                                     "between", "per", "each", "the", "a", "an", "about", "by", "on", "is", "are",
                                     "not", "no", "في", "من", "الى", "إلى", "و", "أو", "على", "عن"});
    return set;
}

// ---- small helpers -------------------------------------------------------------------------------------

bool is_word(const tokens_t &t, std::size_t i) { return i < t.size() && t[i].kind == spec_token_kind::word; }
bool is_symbol(const tokens_t &t, std::size_t i, std::string_view s) {
    return i < t.size() && t[i].kind == spec_token_kind::symbol && t[i].key == s;
}
bool key_is(const tokens_t &t, std::size_t i, std::string_view key) { return i < t.size() && t[i].key == key; }

// Forward match of `p` at tokens[i]; the index after it, or 0 when it does not match.
std::size_t match_forward(const tokens_t &t, std::size_t i, const phrase &p) {
    if (p.empty() || i + p.size() > t.size()) return 0;
    for (std::size_t k = 0; k < p.size(); ++k)
        if (t[i + k].key != p[k] || (k > 0 && t[i + k].line_before)) return 0;
    return i + p.size();
}

// Backward match: `p` ends just before tokens[end]; the index where it starts, or npos.
std::size_t match_backward(const tokens_t &t, std::size_t end, const phrase &p) {
    if (p.empty() || end < p.size()) return std::string_view::npos;
    const std::size_t start = end - p.size();
    for (std::size_t k = 0; k < p.size(); ++k)
        if (t[start + k].key != p[k] || (k > 0 && t[start + k].line_before)) return std::string_view::npos;
    return start;
}

// A preposition in front of a count ("in 6 paragraphs", "to 2000 words"); it is part of the quoted phrase.
bool is_count_preposition(const spec_token &t) {
    static const auto set = key_set({"in", "into", "to", "within", "using", "with", "of", "في", "إلى", "الى", "ب"});
    return set.count(t.key) > 0;
}

// ---- the matchers --------------------------------------------------------------------------------------

// Looks for a bound before tokens[i]. Returns the bound and where its phrase starts.
std::optional<std::pair<length_bound, std::size_t>> bound_before(const tokens_t &t, std::size_t i) {
    // "a maximum of 500", "in excess of 500": the "of" is optional in the table.
    const std::size_t ends[2] = {i, i > 0 && key_is(t, i - 1, "of") ? i - 1 : i};
    for (const auto &[p, bound] : bounds_before())
        for (std::size_t e : ends) {
            if (e > t.size()) continue;
            const std::size_t s = match_backward(t, e, p);
            if (s == std::string_view::npos) continue;
            std::size_t first = s;
            if (first > 0 && (t[first - 1].key == "a" || t[first - 1].key == "the")) --first;
            return std::make_pair(bound, first);
        }
    return std::nullopt;
}

// "word count: 500", "paragraphs = 6", "--words 500", "عدد الكلمات: 500". Labels put the unit first.
std::optional<spec_match> match_labelled_count(const tokens_t &t, std::size_t i) {
    struct label {
        phrase p;
        quantity unit;
        length_bound bound;
        bool needs_separator;
    };
    static const std::vector<label> labels = [] {
        std::vector<label> v;
        auto add = [&v](std::string_view text, quantity q, length_bound b, bool sep) {
            v.push_back({to_phrase(text), q, b, sep});
        };
        add("word count", quantity::words, length_bound::about, false);
        add("word limit", quantity::words, length_bound::at_most, false);
        add("word target", quantity::words, length_bound::about, false);
        add("number of words", quantity::words, length_bound::about, false);
        add("length in words", quantity::words, length_bound::about, false);
        add("max words", quantity::words, length_bound::at_most, false);
        add("words", quantity::words, length_bound::about, true);
        add("paragraph count", quantity::paragraphs, length_bound::about, false);
        add("number of paragraphs", quantity::paragraphs, length_bound::about, false);
        add("paragraphs", quantity::paragraphs, length_bound::about, true);
        add("عدد الكلمات", quantity::words, length_bound::about, false);
        add("عدد الفقرات", quantity::paragraphs, length_bound::about, false);
        add("الكلمات", quantity::words, length_bound::about, true);
        add("الفقرات", quantity::paragraphs, length_bound::about, true);
        std::stable_sort(v.begin(), v.end(), [](const label &a, const label &b) { return a.p.size() > b.p.size(); });
        return v;
    }();
    for (const auto &l : labels) {
        std::size_t j = match_forward(t, i, l.p);
        if (j == 0) continue;
        const bool flag = i >= 2 && is_symbol(t, i - 1, "-") && is_symbol(t, i - 2, "-");
        bool separated = false;
        if (is_symbol(t, j, ":") || is_symbol(t, j, "=")) {
            separated = true;
            ++j;
        } else if (key_is(t, j, "of") || key_is(t, j, "is")) {
            ++j;
        }
        if (l.needs_separator && !separated && !flag) continue;
        if (!detail::starts_number(t, j) || t[j].line_before) continue;
        const auto n = detail::parse_number(t, j);
        if (!n) continue;
        // "words: 500 characters" is unusual; a unit after the number is left to the number-first reading.
        if (n->end < t.size() && find_unit(t[n->end])) continue;
        spec_match m;
        m.what = spec_match::kind::count;
        m.first = flag ? i - 2 : i;
        m.end = n->end;
        m.unit = l.unit;
        m.low = n->value;
        m.integral = n->integral;
        m.bound = l.bound;
        return m;
    }
    return std::nullopt;
}

// "فقرتين" (two paragraphs), "a single paragraph", "one paragraph" (via the number), "فقرة واحدة", "في فقرة".
std::optional<spec_match> match_implicit_count(const tokens_t &t, std::size_t i) {
    spec_match m;
    m.what = spec_match::kind::count;
    m.first = i;
    if (const auto *u = find_unit(t[i])) {
        if (u->form == 2) {
            m.unit = u->unit;
            m.low = 2;
            m.end = i + 1;
            if (i > 0 && is_count_preposition(t[i - 1])) m.first = i - 1;
            return m;
        }
        if (u->form == 1 && t[i].arabic) {
            static const auto one = key_set({"واحدة", "واحد"});
            const bool numbered = i + 1 < t.size() && one.count(t[i + 1].key) > 0;
            // "في فقرة" / "بفقرة": "in a paragraph"
            const bool in_a = (i > 0 && t[i - 1].key == spec_key("في")) ||
                              (detail::has_arabic_proclitic(t[i].key) && t[i].key.rfind(spec_key("ب"), 0) == 0);
            if (numbered || in_a) {
                m.unit = u->unit;
                m.low = 1;
                m.end = numbered ? i + 2 : i + 1;
                if (i > 0 && t[i - 1].key == spec_key("في")) m.first = i - 1;
                return m;
            }
        }
        return std::nullopt;
    }
    // "a paragraph", "a single paragraph", "single paragraph", "an one-paragraph summary" is not English.
    std::size_t j = i;
    if (t[j].key == "a" || t[j].key == "an") ++j;
    if (key_is(t, j, "single")) ++j;
    if (j == i || j >= t.size()) return std::nullopt;
    if (const auto *u = find_unit(t[j]); u && u->form == 1 && u->unit == quantity::paragraphs) {
        m.unit = quantity::paragraphs;
        m.low = 1;
        m.end = j + 1;
        if (i > 0 && is_count_preposition(t[i - 1])) m.first = i - 1;
        return m;
    }
    return std::nullopt;
}

std::optional<spec_match> match_count(const tokens_t &t, std::size_t i) {
    if (auto m = match_labelled_count(t, i)) return m;
    if (auto m = match_implicit_count(t, i)) return m;
    if (!detail::starts_number(t, i)) return std::nullopt;

    const auto before = bound_before(t, i);
    const bool range_cue = before && before->first == length_bound::between;
    auto low = detail::parse_number(t, i, true);
    if (!low) return std::nullopt;

    // A range: "1,500-2,000", "1500 to 2000", "between 300 and 500", "بين 300 و 500", "من 300 إلى 500".
    static const auto range_connectors = key_set({"-", "–", "—", "to", "إلى", "الى", "حتى", "till", "until"});
    static const auto and_connectors = key_set({"and", "و", "&"});
    auto read_high = [&](const detail::number_phrase &lo) -> std::optional<detail::number_phrase> {
        const std::size_t c = lo.end;
        if (c + 1 >= t.size() || t[c].line_before) return std::nullopt;
        const bool plain = range_connectors.count(t[c].key) > 0;
        const bool conj = range_cue && and_connectors.count(t[c].key) > 0;
        // "و500" / "وخمسمائة": the conjunction written on the number.
        if (!plain && !conj && range_cue && t[c].arabic && t[c].key.size() > 2 &&
            t[c].key.rfind(spec_key("و"), 0) == 0) {
            auto hi = detail::parse_number(t, c, false);  // parse_number peels the و
            if (hi) return hi;
        }
        if (!plain && !conj) return std::nullopt;
        if (!detail::starts_number(t, c + 1)) return std::nullopt;
        return detail::parse_number(t, c + 1, true);
    };
    auto high = read_high(*low);
    if (!high && range_cue) {
        // The greedy reading may have swallowed the "and" of "between two hundred and three hundred".
        if (auto strict = detail::parse_number(t, i, false); strict && strict->end != low->end) {
            if (auto h = read_high(*strict)) {
                low = strict;
                high = h;
            }
        }
    }

    std::size_t j = high ? high->end : low->end;
    // The unit: "500 words", "500-word", "6 short paragraphs", "600字", "600 个字".
    if (is_symbol(t, j, "-") && !t[j].space_before) ++j;
    const unit_word *unit = nullptr;
    for (int filler = 0; j < t.size() && !t[j].line_before; ++filler) {
        if ((unit = find_unit(t[j]))) break;
        if (filler >= 3) break;
        if (is_symbol(t, j, "-") || t[j].key == "个") {
            ++j;
            continue;
        }
        if (!is_word(t, j) || unit_stop_words().count(t[j].key) || detail::starts_number(t, j)) break;
        ++j;
    }
    if (!unit) return std::nullopt;
    std::size_t end = j + 1;
    if (t[j].key == "段" && key_is(t, end, "落")) ++end;

    spec_match m;
    m.what = spec_match::kind::count;
    m.unit = unit->unit;
    m.low = low->value;
    m.integral = low->integral && (!high || high->integral);
    if (high) {
        m.high = high->value;
        m.bound = length_bound::between;
    }
    m.first = i;
    if (before && (before->first != length_bound::between || high)) {
        m.bound = high ? length_bound::between : before->first;
        m.first = before->second;
    }
    // A minus sign touching the number: "-5 words" (but not the dash of "1,500-2,000").
    if (i > 0 && is_symbol(t, i - 1, "-") && !t[i].space_before &&
        (i == 1 || t[i - 1].space_before || t[i - 2].kind != spec_token_kind::number)) {
        m.negative = true;
        m.first = std::min(m.first, i - 1);
    }
    if (i > 0 && key_is(t, i - 1, "minus")) {
        m.negative = true;
        m.first = std::min(m.first, i - 1);
    }
    if (m.first > 0 && is_count_preposition(t[m.first - 1])) --m.first;
    // "each paragraph 100 words", "كل فقرة 100 كلمة": the count is per paragraph.
    static const auto per_before = phrases({"each paragraph", "every paragraph", "per paragraph", "كل فقرة",
                                            "لكل فقرة", "في كل فقرة", "each paragraph should be",
                                            "each paragraph of"});
    if (m.unit != quantity::paragraphs)
        for (const auto &p : per_before) {
            std::size_t e = m.first;
            if (e > 0 && (is_symbol(t, e - 1, ":") || is_symbol(t, e - 1, ","))) --e;
            if (const std::size_t s = match_backward(t, e, p); s != std::string_view::npos) {
                m.per_paragraph = true;
                m.first = s;
                break;
            }
        }

    // Bounds and "each" after the unit.
    std::size_t k = end;
    const bool paren = is_symbol(t, k, "(");
    const bool comma = is_symbol(t, k, ",");
    if (paren || comma) ++k;
    for (const auto &[p, bound] : bounds_after()) {
        const std::size_t e = match_forward(t, k, p);
        if (e == 0 || detail::starts_number(t, e)) continue;
        if (!high) m.bound = bound;
        end = e;
        if (paren && is_symbol(t, end, ")")) ++end;
        k = end;
        break;
    }
    for (const auto &p : per_paragraph_phrases()) {
        if (const std::size_t e = match_forward(t, end, p)) {
            m.per_paragraph = m.unit != quantity::paragraphs;
            if (m.per_paragraph) end = e;
            break;
        }
    }
    m.end = end;
    return m;
}

// "±5%", "+/- 10%", "within 5%", "5% tolerance", "بهامش 5%", "tolerance 0.05".
std::optional<spec_match> match_tolerance(const tokens_t &t, std::size_t i) {
    static const auto cues = phrases({"±", "+/-", "+-", "-/+", "plus or minus", "plus/minus", "plus minus",
                                      "give or take", "within", "tolerance", "tolerance of", "a tolerance of",
                                      "with a tolerance of", "tolerance:", "tolerance =", "margin of",
                                      "a margin of", "margin:", "هامش", "بهامش", "بهامش قدره", "في حدود",
                                      "بحدود", "بتفاوت", "تفاوت", "بنسبة تفاوت", "زيادة أو نقصان",
                                      "بزيادة أو نقصان"});
    static const auto percent = phrases({"%", "percent", "per cent", "pct", "بالمائة", "بالمئة", "في المائة",
                                         "في المئة", "بالمية"});
    static const auto after_cues = phrases({"tolerance", "margin", "either way", "leeway", "تفاوت", "هامش"});
    auto read_percent = [&](std::size_t j, bool bare_fraction_ok, spec_match &m) -> bool {
        if (!detail::starts_number(t, j) || t[j].kind != spec_token_kind::number) return false;
        const auto n = detail::parse_number(t, j);
        if (!n) return false;
        for (const auto &p : percent)
            if (const std::size_t e = match_forward(t, n->end, p)) {
                m.tolerance = n->value / 100.0;
                m.end = e;
                return true;
            }
        if (bare_fraction_ok && n->value < 1.0) {
            m.tolerance = n->value;
            m.end = n->end;
            return true;
        }
        return false;
    };
    spec_match m;
    m.what = spec_match::kind::tolerance;
    m.first = i;
    for (const auto &cue : cues) {
        const std::size_t j = match_forward(t, i, cue);
        if (j == 0) continue;
        const bool named = cue[0] == "tolerance" || cue.back() == "tolerance" || cue.back() == ":" ||
                           cue.back() == "=";
        if (read_percent(j, named, m)) return m;
    }
    // "5% tolerance", "10% either way"
    if (t[i].kind == spec_token_kind::number && read_percent(i, false, m))
        for (const auto &p : after_cues)
            if (const std::size_t e = match_forward(t, m.end, p)) {
                m.end = e;
                return m;
            }
    return std::nullopt;
}

// Words allowed between "in" and the language name: "in plain English", "in Modern Standard Arabic".
const std::unordered_set<std::string> &language_adjectives() {
    static const auto set = key_set({"the", "plain", "simple", "modern", "standard", "simplified", "traditional",
                                     "formal", "informal", "fluent", "good", "proper", "clear", "easy", "literary",
                                     "classical", "colloquial", "british", "american", "اللغة", "لغة"});
    return set;
}

// Capitalised words after "in" that are not languages: formats and styles people ask for.
const std::unordered_set<std::string> &not_language_names() {
    static const auto set = key_set({"markdown", "html", "json", "xml", "yaml", "csv", "latex", "bullet",
                                     "bullets", "points", "prose", "summary", "brief", "short", "full", "detail",
                                     "total", "table", "order", "general", "particular", "conclusion", "sum",
                                     "addition", "practice", "fact", "time", "english", "words", "paragraphs",
                                     "plain", "simple", "one", "two", "three", "case", "future", "short",
                                     "summary", "turn", "brief", "advance", "print", "writing", "text"});
    return set;
}

// A language given by name (not by code, which could be an ordinary word: "in it", "to id").
const language *language_by_name(std::string_view raw) {
    const language *l = find_language(raw);
    if (!l) return nullptr;
    const std::string key = spec_key(raw);
    if (key == spec_key(l->code)) return nullptr;
    bool ascii = true;
    for (char c : raw) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
    if (ascii && raw.size() <= 3) return nullptr;
    return l;
}

bool clause_ends_after(const tokens_t &t, std::size_t j) {
    if (j >= t.size() || t[j].line_before) return true;
    static const auto enders = key_set({".", ",", ";", "!", "?", ":", ")", "،", "؛", "؟", "please", "\"", "'"});
    return enders.count(t[j].key) > 0;
}

std::optional<spec_match> match_language(std::string_view text, const tokens_t &t, std::size_t i) {
    spec_match m;
    m.what = spec_match::kind::language;
    m.first = i;
    auto raw = [&](std::size_t a, std::size_t b) { return text.substr(t[a].begin, t[b].end - t[a].begin); };
    // The extent of a code or name written as one hyphenated unit: "zh-CN", "pt_BR".
    auto value_end = [&](std::size_t j) {
        std::size_t e = j;
        while (e + 2 < t.size() && (is_symbol(t, e + 1, "-") || is_symbol(t, e + 1, "_")) &&
               !t[e + 1].space_before && !t[e + 2].space_before && is_word(t, e + 2))
            e += 2;
        return e;
    };

    // Labels: "lang: ar", "language=fr", "--lang ar", "target language: Arabic", "اللغة: العربية",
    // "باللغة العربية".
    static const auto labels = phrases({"lang", "language", "target language", "output language",
                                        "summary language", "لغة", "اللغة", "باللغة", "لغة الملخص",
                                        "لغة التلخيص"});
    // "وباللغة العربية": the conjunction written on the label.
    const std::string waw = spec_key("و");
    const bool waw_label = t[i].arabic && t[i].key.size() > 4 && t[i].key.rfind(waw, 0) == 0;
    for (const auto &label : labels) {
        std::size_t j = match_forward(t, i, label);
        if (j == 0 && waw_label && label.size() == 1 && t[i].key.compare(2, std::string::npos, label[0]) == 0)
            j = i + 1;
        if (j == 0) continue;
        const bool flag = i >= 2 && is_symbol(t, i - 1, "-") && is_symbol(t, i - 2, "-");
        bool separated = flag;
        if (is_symbol(t, j, ":") || is_symbol(t, j, "=")) {
            separated = true;
            ++j;
        }
        if (!is_word(t, j) || (t[j].line_before && !separated)) continue;
        const bool arabic_label = t[i].arabic;
        const std::size_t e = value_end(j);
        const language *l = find_language(raw(j, e));
        if (!l && j + 1 < t.size() && is_word(t, j + 1)) {
            if ((l = find_language(raw(j, j + 1)))) {
                m.first = flag ? i - 2 : i;
                m.end = j + 2;
                m.language = std::string(l->code);
                return m;
            }
        }
        if (l) {
            m.first = flag ? i - 2 : i;
            m.end = e + 1;
            m.language = std::string(l->code);
            return m;
        }
        // An explicit label followed by a name it does not know is a request for that language.
        if (separated || (arabic_label && label.size() == 1 && label[0] == spec_key("باللغة"))) {
            m.what = spec_match::kind::unknown_language;
            m.first = flag ? i - 2 : i;
            m.end = e + 1;
            m.language = std::string(raw(j, e));
            return m;
        }
    }

    const spec_token &tok = t[i];
    if (tok.kind != spec_token_kind::word) return std::nullopt;

    // Prepositions: "in Arabic", "into French", "to Spanish", "en français", "auf Deutsch", "إلى العربية".
    static const auto preps = key_set({"in", "into", "to", "en", "auf", "em", "på", "na", "إلى", "الى", "ل"});
    if (preps.count(tok.key)) {
        std::size_t j = i + 1;
        for (int skipped = 0; skipped < 2 && is_word(t, j) && language_adjectives().count(t[j].key) &&
                              !t[j].line_before;
             ++skipped)
            ++j;
        if (!is_word(t, j) || t[j].line_before) return std::nullopt;
        const language *l = language_by_name(raw(j, j));
        std::size_t e = j;
        if (!l && j + 1 < t.size() && is_word(t, j + 1) && !t[j + 1].line_before) {
            if ((l = language_by_name(raw(j, j + 1)))) e = j + 1;
        }
        if (l) {
            if (key_is(t, e + 1, "language")) ++e;
            m.end = e + 1;
            m.language = std::string(l->code);
            return m;
        }
        // "in Klingon" at the end of the instruction: a capitalised unknown word where a language goes.
        const bool translating = i > 0 && (t[i - 1].key.rfind("translat", 0) == 0 ||
                                           (i > 1 && t[i - 2].key.rfind("translat", 0) == 0));
        const bool strong_prep = tok.key == "in" || tok.key == "into" || translating;
        const spec_token &name = t[j];
        if (strong_prep && name.capitalized && !name.arabic && name.key.size() >= 3 &&
            !not_language_names().count(name.key) && !detail::starts_number(t, j) &&
            (clause_ends_after(t, j + 1) || key_is(t, j + 1, "language"))) {
            m.what = spec_match::kind::unknown_language;
            m.end = key_is(t, j + 1, "language") ? j + 2 : j + 1;
            m.language = std::string(raw(j, j));
            return m;
        }
        return std::nullopt;
    }

    // Arabic forms with the preposition on the name: "بالعربية", "للعربية" (= لـ + العربية).
    if (tok.arabic && detail::has_arabic_proclitic(tok.key)) {
        std::string_view word = raw(i, i);
        std::string key = tok.key;
        // "وبالعربية", "فبالعربية": a conjunction in front of the preposition.
        if ((key.rfind(waw, 0) == 0 || key.rfind(spec_key("ف"), 0) == 0) && key.size() > 4) {
            key.erase(0, 2);
            word.remove_prefix(2);
        }
        const language *l = nullptr;
        const std::string lam = spec_key("ل");
        const std::string ba = spec_key("ب");
        if (key.rfind(ba, 0) == 0 || key.rfind(lam + lam, 0) == 0) {
            l = find_language(word);
            if (!l && key.rfind(lam + lam, 0) == 0) {
                // لل + X = ل + ال + X: restore the article the spelling drops.
                std::string restored = "ال";
                restored.append(word.substr(4));
                l = find_language(restored);
            } else if (!l) {
                l = find_language(word.substr(2));
            }
        }
        if (l) {
            m.end = i + 1;
            m.language = std::string(l->code);
            return m;
        }
        return std::nullopt;
    }

    // A bare name as an item of a list of requirements: "(500 words, 5 paragraphs, Arabic)".
    if (tok.capitalized) {
        static const auto openers = key_set({",", "(", ";", "/", "|", "-", "،", ".", ":"});
        const bool opened = i == 0 || t[i].line_before || openers.count(t[i - 1].key) > 0;
        if (opened && clause_ends_after(t, i + 1) && !key_is(t, i + 1, "please"))
            if (const language *l = language_by_name(raw(i, i))) {
                m.end = i + 1;
                m.language = std::string(l->code);
                return m;
            }
    }

    // "an Arabic summary", "a French translation"
    static const auto nouns = key_set({"summary", "translation", "version", "rendition", "abstract", "synopsis"});
    if (tok.capitalized && i + 1 < t.size() && nouns.count(t[i + 1].key)) {
        if (const language *l = language_by_name(raw(i, i))) {
            m.end = i + 1;
            m.language = std::string(l->code);
            return m;
        }
    }
    return std::nullopt;
}

// The one entry point of the matchers: what, if anything, starts at tokens[i].
std::optional<spec_match> match_at(std::string_view text, const tokens_t &t, std::size_t i) {
    if (auto m = match_tolerance(t, i)) return m;
    if (auto m = match_count(t, i)) return m;
    if (auto m = match_language(text, t, i)) return m;
    return std::nullopt;
}

// ---- checking and messages -----------------------------------------------------------------------------

std::string number_text(double v) {
    if (v >= 1e15) return fmt::format("{:.3g}", v);
    if (v == std::floor(v)) return fmt::format("{:.0f}", v);
    return fmt::format("{}", v);
}


std::string supported_codes() {
    std::string out;
    for (const auto &l : supported_languages()) {
        if (!out.empty()) out += ", ";
        out += l.code;
    }
    return out;
}

const char *unit_name(quantity q) {
    switch (q) {
    case quantity::words: return "words";
    case quantity::paragraphs: return "paragraphs";
    case quantity::characters: return "characters";
    }
    return "words";
}

// Throws for a count no summary can have; `phrase` is the text the count was read from.
void check_count(const spec_match &m, const std::string &phrase) {
    const char *what = unit_name(m.unit);
    if (m.negative)
        throw error{errc::usage,
                    fmt::format("a length cannot be negative (\"{}\"): ask for a positive number of {}", phrase, what),
                    phrase};
    if (!m.integral)
        throw error{errc::usage,
                    fmt::format("cannot summarize into a fractional number of {} (\"{}\"): ask for a whole number",
                                what, phrase),
                    phrase};
    const double top = m.high ? std::max(m.low, *m.high) : m.low;
    if (top <= 0.0)
        throw error{errc::usage,
                    fmt::format("cannot summarize into 0 {} (\"{}\"): ask for at least 1", what, phrase), phrase};
    if (top > static_cast<double>(max_target_words))
        throw error{errc::usage,
                    fmt::format("cannot summarize into {} {} (\"{}\"): the most precis writes is {} words",
                                number_text(top), what, phrase, max_target_words),
                    phrase};
}

void check_tolerance(double tolerance, const std::string &phrase) {
    if (!(tolerance > 0.0 && tolerance <= 0.5))
        throw error{errc::usage,
                    fmt::format("tolerance {}% is outside what precis accepts (\"{}\"): ask for more than 0% and "
                                "at most 50%",
                                number_text(tolerance * 100.0), phrase),
                    phrase};
}

std::size_t to_size(double v) { return static_cast<std::size_t>(std::llround(v)); }

// ---- where a leading instruction ends ------------------------------------------------------------------

bool any_key(const tokens_t &t, std::size_t i, const std::unordered_set<std::string> &set) {
    return i < t.size() && set.count(t[i].key) > 0;
}

}  // namespace

parsed_instruction parse_instruction(std::string_view text) {
    parsed_instruction out;
    const std::string_view trimmed = trim_space(text);
    out.text.assign(trimmed);
    const tokens_t t = detail::tokenize_instruction(out.text);
    auto phrase_of = [&](const spec_match &m) {
        const std::size_t last = std::max(m.first, m.end == 0 ? m.first : m.end - 1);
        return std::string(std::string_view(out.text).substr(t[m.first].begin, t[last].end - t[m.first].begin));
    };

    std::optional<spec_match> words_match, paragraphs_match;
    for (std::size_t i = 0; i < t.size();) {
        auto m = match_at(out.text, t, i);
        if (!m) {
            ++i;
            continue;
        }
        i = std::max(m->end, i + 1);
        const std::string phrase = phrase_of(*m);
        switch (m->what) {
        case spec_match::kind::unknown_language:
            throw error{errc::usage,
                        fmt::format("unknown language \"{}\" (\"{}\"): name a supported language ({}) by its "
                                    "English or native name or ISO 639-1 code",
                                    m->language, phrase, supported_codes()),
                        phrase};
        case spec_match::kind::language: out.language = m->language; break;
        case spec_match::kind::tolerance:
            check_tolerance(m->tolerance, phrase);
            out.tolerance = m->tolerance;
            break;
        case spec_match::kind::count:
            check_count(*m, phrase);
            if (m->unit == quantity::paragraphs) {
                // A paragraph count is exact; a range of paragraphs ("3-5 paragraphs") takes its middle.
                paragraphs_match = m;
                out.paragraphs = m->high ? to_size((m->low + *m->high) / 2.0) : to_size(m->low);
            } else {
                words_match = m;
                double low = m->low;
                std::optional<double> high = m->high;
                if (high && *high < low) std::swap(low, *high);
                out.words = to_size(low);
                out.words_high = high ? std::optional<std::size_t>(to_size(*high)) : std::nullopt;
                out.bound = m->bound;
                out.length_in_characters = m->unit == quantity::characters;
            }
            break;
        }
    }
    // "100 words per paragraph" with "in 5 paragraphs": the total is 500.
    if (words_match && words_match->per_paragraph && out.paragraphs && out.words) {
        *out.words *= *out.paragraphs;
        if (out.words_high) *out.words_high *= *out.paragraphs;
        const double top = static_cast<double>(out.words_high.value_or(*out.words));
        if (top > static_cast<double>(max_target_words)) {
            const std::string phrase = phrase_of(*words_match);
            throw error{errc::usage,
                        fmt::format("cannot summarize into {} words (\"{}\" in {} paragraphs): the most precis "
                                    "writes is {} words",
                                    number_text(top), phrase, *out.paragraphs, max_target_words),
                        phrase};
        }
    }
    if (words_match && paragraphs_match && out.words && out.paragraphs) {
        const std::size_t most = std::max(*out.words, out.words_high.value_or(0));
        if (*out.paragraphs > most) {
            const std::size_t a = std::min(words_match->first, paragraphs_match->first);
            const std::size_t b = std::max(words_match->end, paragraphs_match->end) - 1;
            const std::string phrase(std::string_view(out.text).substr(t[a].begin, t[b].end - t[a].begin));
            throw error{errc::usage,
                        fmt::format("cannot fit {} paragraphs into {} {} (\"{}\"): ask for fewer paragraphs or "
                                    "more words",
                                    *out.paragraphs, most, out.length_in_characters ? "characters" : "words", phrase),
                        phrase};
        }
    }
    return out;
}

std::optional<std::size_t> leading_instruction_length(std::string_view input) {
    static const auto labels = key_set({"instruction", "instructions", "prompt", "task", "request", "query",
                                        "تعليمات", "التعليمات", "المطلوب", "الطلب", "المهمة", "التعليمة"});
    static const auto politeness = key_set({"please", "kindly", "pls", "يرجى", "الرجاء", "رجاء", "رجاءً"});
    static const auto modal = key_set({"can", "could", "would", "will"});
    static const auto strong_verbs =
        key_set({"summarize", "summarise", "condense", "shorten", "abridge", "paraphrase", "translate", "rewrite",
                 "reword", "résumez", "résume", "resume", "resumir", "resuma", "resume", "zusammenfassen",
                 "لخص", "لخصي", "لخصوا", "اختصر", "اختصري", "ترجم", "ترجمي", "تلخيص", "ملخص"});
    static const auto weak_verbs = key_set({"write", "give", "produce", "create", "generate", "provide", "make",
                                            "compose", "draft", "prepare", "output", "return", "keep", "limit",
                                            "reduce", "cut", "trim", "sum", "boil", "اكتب", "اكتبي", "قدم", "اعط",
                                            "أعط", "انشئ", "صغ", "أعد", "اعد", "قم", "أريد", "اريد", "نريد"});
    static const auto summary_words = key_set({"summary", "summaries", "abstract", "synopsis", "digest",
                                               "overview", "recap", "précis", "tl;dr", "tldr", "translation",
                                               "ملخص", "ملخصا", "تلخيص", "بتلخيص", "خلاصة", "ترجمة", "بترجمة",
                                               "صياغة", "باختصار", "بإعادة"});
    static const auto objects = key_set({"content", "article", "text", "passage", "story", "page", "document",
                                         "piece", "news", "report", "post", "essay", "item", "following", "below",
                                         "this", "it", "المحتوى", "المقال", "المقالة", "النص", "الخبر",
                                         "التقرير", "الموضوع", "المادة", "التالي", "هذا", "هذه"});
    // ";" and "؛" separate clauses of one instruction ("language: German; 300 words"), so they do not end it.
    static const auto terminators = key_set({":", ".", "!", "?", "؟", "…"});
    static const auto abbreviations = key_set({"approx", "max", "min", "ca", "e", "i", "vs", "no", "para"});

    // How an instruction opens: an optional "Instruction:" label, politeness, "can you", then a verb. `k` is
    // left at the verb (or where it would be); the result says whether the opening rules an instruction out.
    // Every token it reads is at an index <= k + 1.
    struct opening {
        std::size_t k = 0;
        bool labelled = false, strong = false, weak = false, ruled_out = false;
    };
    const auto read_opening = [&](const tokens_t &t) {
        opening o;
        std::size_t &k = o.k;
        if (any_key(t, 0, labels) && is_symbol(t, 1, ":")) {
            o.labelled = true;
            k = 2;
        }
        while (any_key(t, k, politeness)) ++k;
        if (any_key(t, k, modal) && key_is(t, k + 1, "you")) k += 2;
        if (key_is(t, k, "من") && key_is(t, k + 1, spec_key("فضلك"))) k += 2;
        o.strong = any_key(t, k, strong_verbs);
        o.weak = !o.strong && any_key(t, k, weak_verbs);
        if (o.strong || o.weak) {
            // "Write-in candidates …" is not an instruction.
            o.ruled_out = k + 1 < t.size() && is_symbol(t, k + 1, "-") && !t[k + 1].space_before;
        } else {
            o.ruled_out = !o.labelled;
        }
        return o;
    };

    // Only the head of the input can hold an instruction; tokenizing 2 KiB keeps this cheap on long pages.
    std::size_t cut = std::min<std::size_t>(input.size(), 2048);
    while (cut < input.size() && cut > 0 && (static_cast<unsigned char>(input[cut]) & 0xC0) == 0x80) --cut;
    const bool truncated = cut < input.size();

    // Nearly every input is an article whose first words rule an instruction out, so the opening is first
    // read from a short head. The head ends before an ASCII whitespace byte, where no token can continue
    // (words, numbers and the apostrophe look-ahead all stop at whitespace), so its tokens are exactly the
    // first tokens of the full head; the answer is the same whenever the opening reads only tokens it has.
    constexpr std::size_t short_head = 64;
    if (cut > 2 * short_head) {
        std::size_t head = short_head;
        while (head < 2 * short_head && input[head] != ' ' && input[head] != '\n' && input[head] != '\t' &&
               input[head] != '\r')
            ++head;
        if (head < 2 * short_head) {
            const tokens_t t = detail::tokenize_instruction(input.substr(0, head));
            const opening o = read_opening(t);
            if (o.k + 1 < t.size() && o.ruled_out) return std::nullopt;
        }
    }

    const tokens_t t = detail::tokenize_instruction(input.substr(0, cut));
    if (t.empty()) return std::nullopt;

    const opening o = read_opening(t);
    if (o.ruled_out) return std::nullopt;
    std::size_t k = o.k;
    const bool strong = o.strong, labelled = o.labelled;
    if (o.strong || o.weak) ++k;
    bool summary_word = strong || labelled;

    std::size_t last_end = k == 0 ? 0 : k - 1;  // the last token known to belong to the instruction
    bool found_spec = false;
    std::size_t gap = 0, words_seen = 0, object = std::string_view::npos;
    enum class stop { none, line, terminator, gap } why = stop::none;
    std::size_t j = k;
    while (j < t.size()) {
        if (t[j].line_before) {
            why = stop::line;
            break;
        }
        if (t[j].kind == spec_token_kind::symbol && terminators.count(t[j].key) &&
            !(t[j].key == "." && j > 0 && abbreviations.count(t[j - 1].key) && !t[j].space_before)) {
            why = stop::terminator;
            break;
        }
        if (auto m = match_at(input, t, j); m && m->end > j) {
            found_spec = true;
            last_end = m->end - 1;
            j = m->end;
            gap = 0;
            continue;
        }
        if (t[j].kind == spec_token_kind::word) {
            if (summary_words.count(t[j].key)) summary_word = true;
            if (!found_spec && objects.count(t[j].key) && j - k <= 8) object = j;
            ++gap;
            ++words_seen;
            if (gap > (found_spec ? 8u : 20u)) {
                why = stop::gap;
                break;
            }
        }
        ++j;
    }
    if (why == stop::none && truncated) why = stop::gap;
    if (!found_spec && !summary_word) return std::nullopt;

    std::size_t end_tok = 0;
    switch (why) {
    case stop::none:
        // The input ended inside the instruction's reach: all of it is the instruction unless the words after
        // the last phrase read as an article (see the terminator case).
        if (!found_spec) {
            end_tok = t.size() - 1;
            break;
        }
        j = t.size();
        [[fallthrough]];
    case stop::line: {
        if (!found_spec) {
            if (words_seen > 60) return std::nullopt;
            end_tok = j - 1;
            break;
        }
        // The rest of an instruction line is the instruction unless it reads as the article's first words
        // (capitalised Latin words or numbers after the last phrase: "… in Arabic A small lab …").
        bool continuation = gap <= 8;
        for (std::size_t x = last_end + 1; x < j && continuation; ++x)
            if ((t[x].kind == spec_token_kind::word && t[x].capitalized) || t[x].kind == spec_token_kind::number)
                continuation = false;
        end_tok = continuation ? j - 1 : last_end;
        break;
    }
    case stop::terminator: {
        if (j < t.size() && (t[j].key == ":" || !found_spec)) {
            if (words_seen > 40 && !found_spec) {
                if (object == std::string_view::npos) return std::nullopt;
                end_tok = object;
            } else {
                end_tok = j;
            }
            break;
        }
        // Words after the last phrase belong to the instruction only when they read as its continuation:
        // few, lower-case, Latin ("…in Arabic, keeping the figures."); otherwise the article has begun.
        bool continuation = gap <= 8;
        for (std::size_t x = last_end + 1; x < j && continuation; ++x)
            if (t[x].kind == spec_token_kind::word && (t[x].capitalized || t[x].arabic || t[x].han))
                continuation = false;
            else if (t[x].kind == spec_token_kind::number)
                continuation = false;
        end_tok = continuation ? std::min(j, t.size() - 1) : last_end;
        break;
    }
    case stop::gap:
        if (found_spec) end_tok = last_end;
        else if (object != std::string_view::npos) end_tok = object;
        else return std::nullopt;
        break;
    }
    // Closing punctuation that touches the instruction: "… in Arabic:" / "… 6 paragraphs." / "…)".
    static const auto closers = key_set({".", ":", ")", "\"", "»", "!", "؟", "?"});
    while (end_tok + 1 < t.size() && !t[end_tok + 1].space_before && !t[end_tok + 1].line_before &&
           closers.count(t[end_tok + 1].key))
        ++end_tok;
    if (key_is(t, end_tok + 1, "please") && !t[end_tok + 1].line_before) ++end_tok;
    return t[end_tok].end;
}

summary_spec resolve_spec(const parsed_instruction &instruction, const spec_overrides &overrides,
                          std::string_view source_language, std::size_t source_words) {
    summary_spec spec;

    // Language: flag, then instruction, then the source's, then English when nothing is known.
    std::string wanted = overrides.language ? *overrides.language
                         : instruction.language ? *instruction.language
                                                : std::string(source_language);
    if (wanted.empty()) wanted = "en";
    const language *lang = find_language(wanted);
    if (!lang)
        throw error{errc::usage,
                    fmt::format("unknown language \"{}\": use a supported language's ISO 639-1 code ({})", wanted,
                                supported_codes()),
                    wanted};
    spec.language = std::string(lang->code);

    spec.tolerance = overrides.tolerance.value_or(instruction.tolerance.value_or(default_tolerance));
    check_tolerance(spec.tolerance, fmt::format("tolerance {}", spec.tolerance));

    std::optional<std::size_t> paragraphs = overrides.paragraphs ? overrides.paragraphs : instruction.paragraphs;

    // Length: flag ("about"), then the instruction with its bound, then a default from the source length.
    // Fractional bounds round inwards, so every count in [min_words, max_words] honours the request.
    constexpr double eps = 1e-7;
    double low = 0.0, high = 0.0;
    auto around = [&](double n) {
        low = std::ceil(n - spec.tolerance * n - eps);
        high = std::floor(n + spec.tolerance * n + eps);
    };
    if (overrides.words) {
        around(static_cast<double>(*overrides.words));
        if (*overrides.words == 0) low = high = 0.0;
    } else if (instruction.words) {
        double n = static_cast<double>(*instruction.words);
        double n_high = instruction.words_high ? static_cast<double>(*instruction.words_high) : n;
        // precis counts each Han/kana character as a word, so "600 characters" is 600 words for zh and ja; for
        // other languages a word is about six characters with its space.
        if (instruction.length_in_characters && !lang->counts_characters) {
            n = std::max(1.0, std::round(n / 6.0));
            n_high = std::max(1.0, std::round(n_high / 6.0));
        }
        switch (instruction.words_high ? length_bound::between : instruction.bound) {
        case length_bound::about: around(n); break;
        case length_bound::at_most:
            low = std::ceil(0.9 * n - eps);
            high = n;
            break;
        case length_bound::at_least:
            low = n;
            high = std::min(std::floor(1.1 * n + eps), static_cast<double>(max_target_words));
            break;
        case length_bound::between:
            low = std::min(n, n_high);
            high = std::max(n, n_high);
            break;
        }
    } else {
        // A fifth of the source within [100, 600], at least 50 words for each requested paragraph, and
        // never longer than the source itself.
        double n = std::clamp(std::round(static_cast<double>(source_words) / 5.0), 100.0, 600.0);
        if (paragraphs) n = std::max(n, 50.0 * static_cast<double>(*paragraphs));
        if (source_words > 0) n = std::min(n, static_cast<double>(source_words));
        n = std::min(n, static_cast<double>(max_target_words));
        around(n);
    }
    const std::string words_phrase =
        overrides.words ? fmt::format("--words {}", *overrides.words) : instruction.text;
    if (high <= 0.0)
        throw error{errc::usage, fmt::format("cannot summarize into 0 words (\"{}\"): ask for at least 1", words_phrase),
                    words_phrase};
    if (high > static_cast<double>(max_target_words) + 0.5 && (overrides.words || instruction.words))
        throw error{errc::usage,
                    fmt::format("cannot summarize into {} words (\"{}\"): the most precis writes is {} words",
                                number_text(high), words_phrase, max_target_words),
                    words_phrase};
    if (low < 1.0) low = 1.0;
    spec.min_words = to_size(low);
    spec.max_words = std::max(spec.min_words, to_size(high));
    spec.words = to_size((static_cast<double>(spec.min_words) + static_cast<double>(spec.max_words)) / 2.0);

    if (paragraphs) {
        spec.paragraphs = *paragraphs;
    } else {
        spec.paragraphs = std::clamp<std::size_t>(to_size(static_cast<double>(spec.words) / 120.0), 1, 8);
    }
    const std::string para_phrase =
        overrides.paragraphs ? fmt::format("--paragraphs {}", *overrides.paragraphs) : instruction.text;
    if (spec.paragraphs == 0)
        throw error{errc::usage,
                    fmt::format("cannot summarize into 0 paragraphs (\"{}\"): ask for at least 1", para_phrase),
                    para_phrase};
    if (spec.paragraphs > spec.max_words)
        throw error{errc::usage,
                    fmt::format("cannot fit {} paragraphs into at most {} words (\"{}\"): ask for fewer paragraphs "
                                "or more words",
                                spec.paragraphs, spec.max_words, para_phrase),
                    para_phrase};
    return spec;
}

}  // namespace precis
