// Numbers and Latin-script names as facts to check a summary against its source.
//
// Numbers are read inside the words of text_index (a number never spans whitespace), so that the words
// around each number are known: the `numbers` check uses them to see that "ولد عام 1771" stands where the
// source says "ولد عام 1770", even when 1771 happens to occur elsewhere in the source.
#include <algorithm>
#include <bitset>
#include <cmath>
#include <unordered_map>

#include <unicode/uchar.h>

#include "precis/facts.h"
#include "precis/language.h"
#include "precis/normalize.h"
#include "precis/utf8.h"
#include "precis/words.h"
#include "text/utf8_fast.h"
#include "verify/facts_detail.h"

namespace precis {
namespace detail {

namespace {

// ---- lexicon ------------------------------------------------------------------------------------------

enum class scale_form : std::uint8_t { singular, dual, plural };

struct scale_entry {
    double scale;
    scale_form form;
    bool standalone;  // also a number without digits ("مليون وحدة"); off for short or ambiguous forms
};

// Keys are matching forms (normalize_for_matching, letters only): hamza forms of alef are bare alef and
// ta marbuta is ha, so "آلاف" is "الاف" and "ألفًا" is "الفا".
const std::unordered_map<std::string_view, scale_entry> &scale_words() {
    static const std::unordered_map<std::string_view, scale_entry> table = [] {
        std::unordered_map<std::string_view, scale_entry> t;
        const auto add = [&](std::initializer_list<std::string_view> forms, double s, scale_form f, bool alone) {
            for (auto w : forms) t.emplace(w, scale_entry{s, f, alone});
        };
        using sf = scale_form;
        // Arabic. After digits the accusative singular ("30 مليونا") is a singular; without digits the
        // same spelling is usually the dual ("مليونا دولار"), so such forms are read both ways.
        add({"الف"}, 1e3, sf::singular, true);
        add({"الفا", "الفان", "الفين", "الفي"}, 1e3, sf::dual, true);
        add({"الاف", "الوف"}, 1e3, sf::plural, true);
        add({"مليون"}, 1e6, sf::singular, true);
        add({"مليونا", "مليونان", "مليونين", "مليوني"}, 1e6, sf::dual, true);
        add({"ملايين"}, 1e6, sf::plural, true);
        add({"مليار", "بليون"}, 1e9, sf::singular, true);
        add({"مليارا", "ملياران", "مليارين", "ملياري", "بليونا", "بليونين", "بليوني"}, 1e9, sf::dual, true);
        add({"مليارات", "بلايين"}, 1e9, sf::plural, true);
        add({"تريليون", "ترليون"}, 1e12, sf::singular, true);
        add({"تريليونا", "ترليونا", "تريليونين", "ترليونين"}, 1e12, sf::dual, true);
        add({"تريليونات", "ترليونات"}, 1e12, sf::plural, true);
        // English.
        add({"thousand"}, 1e3, sf::singular, true);
        add({"thousands"}, 1e3, sf::plural, true);
        add({"million"}, 1e6, sf::singular, true);
        add({"millions"}, 1e6, sf::plural, true);
        add({"billion"}, 1e9, sf::singular, true);
        add({"billions"}, 1e9, sf::plural, true);
        add({"trillion"}, 1e12, sf::singular, true);
        add({"trillions"}, 1e12, sf::plural, true);
        add({"mn", "mln"}, 1e6, sf::singular, false);
        add({"bn", "bln"}, 1e9, sf::singular, false);
        add({"tn"}, 1e12, sf::singular, false);
        // Other supported languages, after digits only ("3 Milliarden", "2,5 millions").
        add({"milliard", "milliards", "milliarde", "milliarden", "mrd", "миллиард", "миллиарда", "миллиардов"}, 1e9,
            sf::singular, false);
        add({"mio", "millionen", "millón", "millones", "milioni", "milione", "миллион", "миллиона", "миллионов"}, 1e6,
            sf::singular, false);
        add({"tausend", "mil", "mille", "тысяч", "тысячи", "тысяча"}, 1e3, sf::singular, false);
        return t;
    }();
    return table;
}

// Number words directly before a scale word ("three million", "خمسة آلاف"), as matching forms.
const std::unordered_map<std::string_view, double> &number_words() {
    static const std::unordered_map<std::string_view, double> table = {
        {"a", 1},        {"an", 1},        {"one", 1},       {"two", 2},         {"three", 3},    {"four", 4},
        {"five", 5},     {"six", 6},       {"seven", 7},     {"eight", 8},       {"nine", 9},     {"ten", 10},
        {"eleven", 11},  {"twelve", 12},   {"fifteen", 15},  {"twenty", 20},     {"thirty", 30},  {"forty", 40},
        {"fifty", 50},   {"sixty", 60},    {"seventy", 70},  {"eighty", 80},     {"ninety", 90},  {"hundred", 100},
        {"half", 0.5},   {"واحد", 1},      {"اثنان", 2},     {"اثنين", 2},       {"ثلاث", 3},     {"ثلاثه", 3},
        {"اربع", 4},     {"اربعه", 4},     {"خمس", 5},       {"خمسه", 5},        {"ست", 6},       {"سته", 6},
        {"سبع", 7},      {"سبعه", 7},      {"ثمان", 8},      {"ثماني", 8},       {"ثمانيه", 8},   {"تسع", 9},
        {"تسعه", 9},     {"عشر", 10},      {"عشره", 10},     {"عشرين", 20},      {"عشرون", 20},   {"ثلاثين", 30},
        {"ثلاثون", 30},  {"اربعين", 40},   {"اربعون", 40},   {"خمسين", 50},      {"خمسون", 50},   {"ستين", 60},
        {"ستون", 60},    {"سبعين", 70},    {"سبعون", 70},    {"ثمانين", 80},     {"ثمانون", 80},  {"تسعين", 90},
        {"تسعون", 90},   {"مايه", 100},    {"ميه", 100},     {"نصف", 0.5},
    };
    return table;
}

// Currency words after a number (matching forms) and their unit.
std::string_view currency_word(std::string_view form) {
    static const std::unordered_map<std::string_view, std::string_view> table = {
        {"دولار", "USD"}, {"دولارا", "USD"}, {"دولارات", "USD"}, {"dollar", "USD"}, {"dollars", "USD"},
        {"usd", "USD"},   {"يورو", "EUR"},   {"euro", "EUR"},    {"euros", "EUR"},  {"eur", "EUR"},
        {"جنيه", "GBP"},  {"pounds", "GBP"}, {"gbp", "GBP"},     {"ريال", "SAR"},   {"درهم", "AED"},
    };
    auto it = table.find(form);
    return it == table.end() ? std::string_view{} : it->second;
}

// ---- characters ---------------------------------------------------------------------------------------

int digit_value(char32_t cp) noexcept {
    if (cp >= '0' && cp <= '9') return static_cast<int>(cp - '0');
    return arabic_digit_value(cp);
}

bool is_latin_letter(char32_t cp) noexcept {
    if (cp < 0x80) return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
    if (cp >= 0x0370 && cp < 0x1E00) return false;  // Greek … Arabic … Indic: no Latin letters in between
    return detail::is_letter_or_digit_fast(cp) && script_of(cp) == script::latin;
}

bool is_letter(char32_t cp) noexcept {
    if (cp < 0x80) return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
    return digit_value(cp) < 0 && detail::is_letter_or_digit_fast(cp);
}

// Decimal marks and thousands separators that may stand between digit groups.
enum class sep_kind : std::uint8_t { none, decimal, thousands, either };

sep_kind separator_kind(char32_t cp) noexcept {
    switch (cp) {
    case '.':
    case 0x066B: return sep_kind::decimal;    // ٫ ARABIC DECIMAL SEPARATOR
    case 0x066C: return sep_kind::thousands;  // ٬ ARABIC THOUSANDS SEPARATOR
    case ',':
    case 0x060C: return sep_kind::either;     // ، ARABIC COMMA: thousands in "300،000", decimal in "6،5"
    default: return sep_kind::none;
    }
}

// Code point before byte `pos` (which must be > 0 and at a boundary), and its start.
char32_t previous_code_point(std::string_view s, std::size_t pos, std::size_t &start) noexcept {
    start = pos - 1;
    while (start > 0 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) --start;
    std::size_t p = start;
    return detail::decode_fast(s, p);
}

double group_value(std::string_view digits) noexcept {
    double v = 0;
    for (char c : digits) v = v * 10 + (c - '0');
    return v;
}

double decimal_value(std::string_view int_digits, std::string_view frac_digits) noexcept {
    double v = group_value(int_digits);
    double f = 0.1;
    for (char c : frac_digits) {
        v += (c - '0') * f;
        f /= 10;
    }
    return v;
}

void add_reading(number_token &t, double mantissa) {
    for (std::uint8_t i = 0; i < t.readings; ++i)
        if (t.mantissas[i] == mantissa) return;
    if (t.readings < 3) t.mantissas[t.readings++] = mantissa;
}

void apply_scale(number_token &t) {
    for (std::uint8_t i = 0; i < t.readings; ++i) t.values[i] = t.mantissas[i] * t.scale;
}

// Strips one Arabic conjunction/preposition prefix letter ("وملايين" → "ملايين").
// Called for most Arabic words (scale-word lookup), so the prefix letters are compared as their UTF-8
// bytes: و D9 88, ب D8 A8, ل D9 84, ف D9 81, ك D9 83.
std::string_view without_prefix(std::string_view form) {
    if (form.size() <= 2) return {};
    const auto b0 = static_cast<unsigned char>(form[0]);
    const auto b1 = static_cast<unsigned char>(form[1]);
    const bool prefix = (b0 == 0xD9 && (b1 == 0x88 || b1 == 0x84 || b1 == 0x81 || b1 == 0x83)) ||
                        (b0 == 0xD8 && b1 == 0xA8);
    return prefix ? form.substr(2) : std::string_view{};
}

const scale_entry *find_scale(std::string_view form) {
    const auto &t = scale_words();
    auto it = t.find(form);
    return it == t.end() ? nullptr : &it->second;
}

// End of the last letter or digit in [begin, end): "billion." ends before the full stop.
std::size_t letters_end(std::string_view text, std::size_t begin, std::size_t end) {
    std::size_t last = begin;
    for (std::size_t p = begin; p < end;) {
        const char32_t cp = detail::decode_fast(text, p);
        if (detail::is_letter_or_digit_fast(cp)) last = p;
    }
    return last;
}

// Reads, after a number that ends word `w`, the words that belong to it: a scale word ("مليون"), "ونصف",
// percent words and a currency word. Advances t.last_word / t.end over what it took.
void take_following_words(const text_index &idx, number_token &t, bool allow_scale) {
    const std::size_t n = idx.words.size();
    std::size_t w = t.last_word + 1;
    const auto take = [&](std::size_t k) {
        t.last_word = k;
        t.end = letters_end(idx.text, idx.words[k].begin, idx.words[k].end);
        w = k + 1;
    };
    // Words after a sentence end or a line break are not part of the number.
    const auto open = [&]() { return w < n && !idx.words[t.last_word].ends_sentence; };
    if (allow_scale && open()) {
        if (const scale_entry *s = find_scale(idx.form(w))) {
            t.scale = s->scale;
            take(w);
            if (open() && idx.form(w) == "ونصف") {
                for (std::uint8_t i = 0; i < t.readings; ++i) t.mantissas[i] += 0.5;
                take(w);
            }
        }
    }
    if (open()) {
        const std::string_view f = idx.form(w);
        if (f == "percent" || f == "pct" || f == "بالمايه" || f == "بالميه") {
            t.percent = true;
            take(w);
        } else if (w + 1 < n && ((f == "per" && idx.form(w + 1) == "cent") ||
                                 (f == "في" && (idx.form(w + 1) == "المايه" || idx.form(w + 1) == "الميه")))) {
            t.percent = true;
            take(w + 1);
        }
    }
    if (open()) {
        const std::string_view unit = currency_word(idx.form(w));
        if (!unit.empty()) {
            t.unit = unit;
            take(w);
        }
    }
    // A percent sign set off by a space ("50 %") is not a word of its own.
    std::size_t p = t.end;
    while (p < idx.text.size() && idx.text[p] == ' ') ++p;
    if (p < idx.text.size()) {
        std::size_t q = p;
        const char32_t cp = detail::decode_fast(idx.text, q);
        if (cp == '%' || cp == 0x066A) {
            t.percent = true;
            t.end = q;
        }
    }
}

// Fills the readings of a digit sequence "g0 s1 g1 s2 g2 …": ambiguous separators give several readings
// (the usual one first). Returns false when no reading fits (dotted dates, version numbers): the caller
// then reads each group as a number of its own.
bool read_groups(const std::vector<std::string_view> &groups, const std::vector<sep_kind> &seps, number_token &t) {
    const std::size_t k = seps.size();
    if (k == 0) {
        add_reading(t, group_value(groups[0]));
        return true;
    }
    // Interior groups must have three digits in every reading (they are thousands groups).
    for (std::size_t i = 1; i < k; ++i)
        if (groups[i].size() != 3) return false;
    bool same_seps = true;
    for (std::size_t i = 1; i < k; ++i) same_seps = same_seps && seps[i] == seps[0];
    const sep_kind last = seps[k - 1];
    const bool last_three = groups[k].size() == 3;
    std::string joined_int;
    for (std::size_t i = 0; i < k; ++i) joined_int.append(groups[i]);
    const double as_decimal = decimal_value(joined_int, groups[k]);
    std::string all = joined_int;
    all.append(groups[k]);
    const double as_integer = group_value(all);
    if (last == sep_kind::thousands) {
        if (!last_three) return false;
        add_reading(t, as_integer);
    } else if (last == sep_kind::decimal) {
        // "89.213" is a decimal in English and Arabic news but 89,213 in German style; "1.000.000" is an
        // integer.
        if (k > 1 && same_seps && last_three) {
            add_reading(t, as_integer);
        } else {
            add_reading(t, as_decimal);
            if (last_three && k == 1) add_reading(t, as_integer);
        }
    } else {  // either: "," or "،"
        if (last_three) {
            add_reading(t, as_integer);
            if (k == 1) add_reading(t, as_decimal);
        } else {
            add_reading(t, as_decimal);
        }
    }
    return true;
}

// Scans the numbers written with digits inside word `w`.
void scan_word_numbers(const text_index &idx, std::size_t w, std::vector<number_token> &out,
                       std::size_t &consumed_end) {
    const std::string_view text = idx.text;
    const std::size_t wb = idx.words[w].begin;
    const std::size_t we = idx.words[w].end;
    std::uint8_t part = 0;
    std::size_t pos = wb;
    std::vector<std::string_view> groups;
    std::vector<sep_kind> seps;
    std::vector<std::string> group_digits;
    while (pos < we) {
        std::size_t after = pos;
        const char32_t cp = detail::decode_fast(text, after);
        if (digit_value(cp) < 0) {
            pos = after;
            continue;
        }
        const std::size_t start = pos;
        // Digit groups and the separators between them.
        group_digits.clear();
        seps.clear();
        std::size_t p = start;
        std::vector<std::size_t> group_end;
        for (;;) {
            std::string g;
            while (p < we) {
                std::size_t q = p;
                const int d = digit_value(detail::decode_fast(text, q));
                if (d < 0) break;
                g.push_back(static_cast<char>('0' + d));
                p = q;
            }
            group_digits.push_back(std::move(g));
            group_end.push_back(p);
            if (p >= we) break;
            std::size_t q = p;
            const sep_kind s = separator_kind(detail::decode_fast(text, q));
            if (s == sep_kind::none || q >= we) break;
            std::size_t r = q;
            if (digit_value(detail::decode_fast(text, r)) < 0) break;
            seps.push_back(s);
            p = q;
        }
        groups.assign(group_digits.begin(), group_digits.end());

        number_token proto;
        proto.first_word = proto.last_word = w;
        // What stands before the digits inside the word: currency, a percent sign, a prefix letter or letters
        // that make it a code.
        bool code = false;
        std::size_t code_begin = start;
        std::size_t number_begin = start;  // with a currency or percent sign before the digits
        if (start > wb) {
            std::size_t prev_start = 0;
            const char32_t prev = previous_code_point(text, start, prev_start);
            const bool sign = prev == '$' || prev == 0x20AC || prev == 0x00A3 || prev == '%' || prev == 0x066A;
            if (sign) number_begin = prev_start;
            if (prev == '$') proto.unit = "USD";
            else if (prev == 0x20AC) proto.unit = "EUR";
            else if (prev == 0x00A3) proto.unit = "GBP";
            else if (prev == '%' || prev == 0x066A) proto.percent = true;
            else if (is_letter(prev)) {
                // Latin letters glued before the digits make a code ("H800", "R1"). Arabic letters do not:
                // they are a prefix ("و2001", "بـ5") or a missing space ("المادة76", "خلال166"), both common
                // in Arabic news, and the number is read on its own.
                std::size_t letters_begin = start;
                bool latin = false;
                while (letters_begin > wb) {
                    std::size_t s0 = 0;
                    const char32_t c = previous_code_point(text, letters_begin, s0);
                    if (!is_letter(c)) break;
                    latin = latin || is_latin_letter(c);
                    letters_begin = s0;
                }
                code = latin;
                code_begin = letters_begin;
            }
        }
        // Letters glued after the digits: a scale ("100bn"), an ordinal ("19th"), a unit ("10km", "1770م").
        std::size_t suffix_end = p;
        while (suffix_end < we) {
            std::size_t q = suffix_end;
            const char32_t c = detail::decode_fast(text, q);
            if (!is_letter(c)) break;
            suffix_end = q;
        }
        const std::string_view suffix = text.substr(p, suffix_end - p);
        double glued_scale = 1.0;
        bool ordinal = false;
        if (!suffix.empty() && !code) {
            std::string lower;
            for (char c : suffix) lower.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
            const bool money = !proto.unit.empty();
            if (lower == "k") glued_scale = 1e3;
            else if (lower == "m" && money) glued_scale = 1e6;
            else if ((lower == "b" || lower == "bn") && money) glued_scale = 1e9;
            else if (lower == "st" || lower == "nd" || lower == "rd" || lower == "th") ordinal = true;
            else if (const scale_entry *s = find_scale(normalize_for_matching(suffix)))
                glued_scale = s->scale;
            else proto.unit = suffix;
        }
        (void)ordinal;

        const auto finish = [&](number_token t, std::size_t b, std::size_t e, bool last_in_word) {
            t.begin = b == start ? number_begin : b;
            t.end = e;
            t.part = part++;
            if (last_in_word) {
                if (suffix_end > e && glued_scale == 1.0 && !code) t.end = suffix_end;
                if (glued_scale != 1.0) {
                    t.scale = glued_scale;
                    t.end = suffix_end;
                }
                // A percent sign glued after ("50%").
                if (t.end < we) {
                    std::size_t q = t.end;
                    const char32_t c = detail::decode_fast(text, q);
                    if (c == '%' || c == 0x066A) {
                        t.percent = true;
                        t.end = q;
                    }
                }
                // Nothing but punctuation may follow inside the word for the next words to belong to it.
                bool rest_plain = true;
                for (std::size_t q = t.end; q < we && rest_plain;) {
                    const char32_t c = detail::decode_fast(text, q);
                    rest_plain = !detail::is_letter_or_digit_fast(c);
                }
                if (rest_plain && !code) {
                    take_following_words(idx, t, glued_scale == 1.0);
                    consumed_end = std::max(consumed_end, t.last_word + 1);
                }
            }
            apply_scale(t);
            out.push_back(std::move(t));
        };

        if (code) {
            number_token t = proto;
            t.kind = number_kind::code;
            t.unit = "code";
            std::string digits;
            for (auto &g : group_digits) digits += g;
            t.digits = digits;
            add_reading(t, group_value(digits));
            // The code's identity: its letters and digits around this number, case-folded.
            std::string key;
            for (std::size_t q = code_begin; q < suffix_end;) {
                const std::size_t s0 = q;
                const char32_t c = detail::decode_fast(text, q);
                const int d = digit_value(c);
                if (d >= 0) key.push_back(static_cast<char>('0' + d));
                else if (c < 0x80 && is_letter(c)) key.push_back(static_cast<char>(c | 0x20));
                else if (is_latin_letter(c)) key.append(text.substr(s0, q - s0));
            }
            t.code = hash_bytes(key);
            t.begin = code_begin;
            t.end = suffix_end;
            t.part = part++;
            t.scale = 1.0;
            apply_scale(t);
            out.push_back(std::move(t));
            pos = suffix_end > p ? suffix_end : p;
            continue;
        }

        number_token t = proto;
        for (auto &g : group_digits) t.digits += g;
        bool more_digits_in_word = false;
        for (std::size_t q = suffix_end; q < we && !more_digits_in_word;) {
            more_digits_in_word = digit_value(detail::decode_fast(text, q)) >= 0;
        }
        if (read_groups(groups, seps, t)) {
            finish(std::move(t), start, p, !more_digits_in_word);
        } else {
            // "12.3.2001", "1.2.3": each group is a number of its own.
            std::size_t b = start;
            for (std::size_t i = 0; i < group_digits.size(); ++i) {
                number_token g = proto;
                g.digits = group_digits[i];
                add_reading(g, group_value(group_digits[i]));
                const std::size_t e = group_end[i];
                finish(std::move(g), b, e, !more_digits_in_word && i + 1 == group_digits.size());
                if (i + 1 < group_digits.size()) {
                    std::size_t q = e;
                    detail::decode_fast(text, q);
                    b = q;
                }
            }
        }
        pos = suffix_end > p ? suffix_end : p;
    }
}

// A scale word without digits ("مليون", "ثلاثة ملايين", "two billion", "آلاف").
void scan_scale_word(const text_index &idx, std::size_t w, std::vector<number_token> &out,
                     std::size_t &consumed_end) {
    const std::string_view form = idx.form(w);
    if (form.size() < 4 || form.size() > 24) return;
    // Standalone scale words start with م ا ب ت (after an optional prefix letter و ب ل ف ك) or with t m b:
    // a two-byte test spares the table lookup for almost every word.
    const auto c0 = static_cast<unsigned char>(form[0]);
    if (c0 < 0x80) {
        if (c0 != 't' && c0 != 'm' && c0 != 'b') return;
    } else if (c0 != 0xD8 && c0 != 0xD9) {
        return;
    }
    // The index already holds the form's hash: a form whose hash is no scale word's is none, which spares
    // the table lookups for nearly every Arabic word (almost all start with D8 or D9). One bit per hash
    // value modulo 4096 answers with a single load (a set bit only sends the word on to the table).
    static const std::bitset<4096> scale_hash_bits = [] {
        std::bitset<4096> bits;
        for (const auto &[key, entry] : scale_words()) bits.set(hash_bytes(key) % 4096);
        return bits;
    }();
    const auto may_be_scale = [](std::uint64_t h) { return scale_hash_bits.test(h % 4096); };
    // The first letters of the Arabic scale words (ا م ب ت), indexed by the two UTF-8 bytes of an Arabic-block
    // letter: a prefixed word ("و", "ب", "ل", "ف", "ك" are very common prefixes) whose next letter is none of
    // them is no scale word, and needs no hash of its bare form.
    static const std::bitset<256> scale_first_letters = [] {
        std::bitset<256> bits;
        for (const auto &[key, entry] : scale_words()) {
            const auto b0 = static_cast<unsigned char>(key[0]);
            if ((b0 & 0xFC) == 0xD8 && key.size() > 1) bits.set(((b0 & 0x03u) << 6) | (key[1] & 0x3Fu));
        }
        return bits;
    }();
    const scale_entry *s = may_be_scale(idx.words[w].hash) ? find_scale(form) : nullptr;
    if (!s) {
        const std::string_view bare = without_prefix(form);
        // Only Arabic words take a prefix letter, and the bare form is itself Arabic.
        if (bare.size() > 1) {
            const auto b0 = static_cast<unsigned char>(bare[0]);
            if ((b0 & 0xFC) == 0xD8 && scale_first_letters.test(((b0 & 0x03u) << 6) | (bare[1] & 0x3Fu)) &&
                may_be_scale(hash_bytes(bare)))
                s = find_scale(bare);
        }
    }
    if (!s || !s->standalone) return;
    number_token t;
    t.first_word = t.last_word = w;
    t.begin = idx.words[w].begin;
    t.end = letters_end(idx.text, idx.words[w].begin, idx.words[w].end);
    t.scale = s->scale;
    t.digits = "1";
    // A number word just before ("three million", "خمسة آلاف", "وثلاثة ملايين").
    if (w > 0 && consumed_end < w && !idx.words[w - 1].ends_sentence) {
        const std::string_view prev = idx.form(w - 1);
        const auto &nw = number_words();
        auto it = nw.find(prev);
        if (it == nw.end()) {
            const std::string_view bare = without_prefix(prev);
            if (!bare.empty()) it = nw.find(bare);
        }
        if (it != nw.end()) {
            t.first_word = w - 1;
            t.begin = idx.words[w - 1].begin;
            t.kind = number_kind::scale_word;
            add_reading(t, it->second);
        }
    }
    if (t.readings == 0) {
        switch (s->form) {
        case scale_form::singular: t.kind = number_kind::scale_word; add_reading(t, 1); break;
        case scale_form::dual: t.kind = number_kind::scale_word; add_reading(t, 2); add_reading(t, 1); break;
        case scale_form::plural: t.kind = number_kind::vague; add_reading(t, 1); break;
        }
    }
    if (w + 1 < idx.words.size() && !idx.words[w].ends_sentence && idx.form(w + 1) == "ونصف") {  // "مليار ونصف": one and a half
        for (std::uint8_t i = 0; i < t.readings; ++i) t.mantissas[i] += 0.5;
        t.last_word = w + 1;
        t.end = letters_end(idx.text, idx.words[w + 1].begin, idx.words[w + 1].end);
    }
    take_following_words(idx, t, false);
    consumed_end = t.last_word + 1;
    apply_scale(t);
    out.push_back(std::move(t));
}

bool is_connector(std::string_view word) {
    static const std::string_view connectors[] = {"of", "de", "del", "della", "di", "da", "du", "des", "la", "le",
                                                  "van", "von", "der", "den", "al", "el", "bin", "ibn", "and", "&",
                                                  "y", "e", "dos", "das", "the", "for"};
    for (auto c : connectors)
        if (word == c) return true;
    return false;
}

}  // namespace

std::uint64_t word_form_hash(std::string_view word) {
    bool ascii = true;
    for (char c : word) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
    std::string form;
    form.reserve(word.size());
    if (ascii) {
        for (char c : word) {
            if (c >= 'A' && c <= 'Z') form.push_back(static_cast<char>(c - 'A' + 'a'));
            else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) form.push_back(c);
        }
    } else {
        const std::string n = normalize_for_matching(word);
        for (std::size_t p = 0; p < n.size();) {
            const std::size_t s0 = p;
            const char32_t cp = detail::decode_fast(n, p);
            if (detail::is_letter_or_digit_fast(cp)) form.append(n, s0, p - s0);
        }
    }
    return form.empty() ? 0 : hash_bytes(form);
}

std::vector<number_token> scan_numbers(const text_index &idx) {
    std::vector<number_token> out;
    std::size_t consumed_end = 0;  // words before this one belong to a number already read
    const auto consumed = [&](std::size_t w) { return w < consumed_end; };
    for (std::size_t w = 0; w < idx.words.size(); ++w) {
        if (idx.words[w].has_digit) {
            if (consumed(w)) continue;
            scan_word_numbers(idx, w, out, consumed_end);
        } else if (!consumed(w)) {
            scan_scale_word(idx, w, out, consumed_end);
        }
    }
    return out;
}

std::vector<name_token> scan_names(std::string_view text, const text_index *idx, name_rules rules) {
    // A word of Arabic letters only (indexed_word::arabic_only) holds no Latin letter: both loops below
    // would take it letter by letter to the same end (each letter counted, the chain so far ended, the
    // next token neither starting a sentence nor joining a chain), and ASCII whitespace before it changes
    // nothing that the word does not set again. So they jump over both in one step.
    std::size_t next_word = 0;
    const auto arabic_word_from = [&](std::size_t p) -> const indexed_word * {
        return idx ? arabic_word_at(*idx, p, next_word) : nullptr;
    };
    // Decide whether the text is Latin-script prose (names must be capitalised) or another script (every
    // Latin word is a name), unless the caller knows. Counting letters is linear and cheap next to the scan
    // below.
    bool latin_text = rules != name_rules::other_script;
    if (rules == name_rules::by_text) {
        std::size_t latin = 0;
        std::size_t letters = 0;
        for (std::size_t p = 0; p < text.size();) {
            if (const indexed_word *w = arabic_word_from(p)) {
                letters += (w->end - w->begin) / 2;
                p = w->end;
                continue;
            }
            const char32_t cp = detail::decode_fast(text, p);
            if (cp < 0x80) {
                if ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z') {
                    ++latin;
                    ++letters;
                }
            } else if (cp >= 0x0621 && cp <= 0x064A) {
                ++letters;  // Arabic letters, without the property lookups
            } else if (is_letter(cp)) {
                ++letters;
                if (script_of(cp) == script::latin) ++latin;
            }
        }
        latin_text = letters > 0 && latin * 2 >= letters;
    }

    struct tok {
        std::size_t begin, end;
        bool qualifies;      // may be (part of) a name
        bool connector;      // lower-case connector, allowed inside a name
        bool sentence_start; // first word of a sentence
        bool joins_previous; // only spaces since the previous token
    };
    std::vector<name_token> out;
    std::vector<tok> run;  // tokens of the current chain
    const auto flush = [&]() {
        // Trim connectors at the ends and sentence-initial ordinary words at the front, then emit.
        std::size_t b = 0;
        std::size_t e = run.size();
        while (b < e && (!run[b].qualifies || run[b].connector)) ++b;
        while (e > b && (!run[e - 1].qualifies || run[e - 1].connector)) --e;
        if (b < e) {
            name_token n;
            n.begin = run[b].begin;
            n.end = run[e - 1].end;
            for (std::size_t i = b; i < e; ++i) {
                n.word_forms.push_back(word_form_hash(text.substr(run[i].begin, run[i].end - run[i].begin)));
                n.words.emplace_back(run[i].begin, run[i].end);
            }
            out.push_back(std::move(n));
        }
        run.clear();
    };

    bool sentence_start = true;
    bool only_spaces = false;  // since the last token
    std::size_t p = 0;
    // An Arabic letter (U+0621–U+064A but tatweel, two bytes D8 A1 … D9 8A) is outside any token, not a
    // sentence end and a letter: the first of a run ends the chain and the rest change nothing.
    // Written without branches on the bytes: Arabic text alternates lead bytes D8 and D9 unpredictably.
    const auto arabic_letter_at = [&](std::size_t at) {
        if (at + 1 >= text.size()) return false;
        const unsigned b0 = static_cast<unsigned char>(text[at]);
        const unsigned b1 = static_cast<unsigned char>(text[at + 1]);
        const unsigned cp = ((b0 & 0x1Fu) << 6) | (b1 & 0x3Fu);
        return static_cast<bool>(((b0 & 0xFEu) == 0xD8u) & ((b1 & 0xC0u) == 0x80u) & (cp - 0x0621u <= 0x064Au - 0x0621u) &
                                 (cp != 0x0640u));
    };
    next_word = 0;
    while (p < text.size()) {
        if (const indexed_word *w = arabic_word_from(p)) {
            sentence_start = false;
            only_spaces = false;
            if (!run.empty()) flush();
            p = w->end;
            continue;
        }
        if (arabic_letter_at(p)) {
            sentence_start = false;
            only_spaces = false;
            if (!run.empty()) flush();
            for (p += 2; arabic_letter_at(p);) p += 2;
            continue;
        }
        std::size_t q = p;
        const char32_t cp = detail::decode_fast(text, q);
        if (!is_latin_letter(cp) && !(cp >= '0' && cp <= '9')) {
            // Outside a token.
            if (cp == ' ' || cp == 0xA0) {
                // spaces keep a chain going
            } else {
                if (cp == '.' || cp == '!' || cp == '?' || cp == 0x061F || cp == '\n' || cp == ':' || cp == 0x3002)
                    sentence_start = true;
                else if (detail::is_letter_or_digit_fast(cp))
                    sentence_start = false;
                only_spaces = false;
                if (!run.empty()) flush();
            }
            p = q;
            continue;
        }
        // A token: Latin letters and digits, with inner - . ' ’ & between them.
        const std::size_t begin = p;
        bool has_latin = false;
        bool has_digit_char = false;
        bool inner_upper = false;
        bool first_upper = false;
        std::size_t end = p;
        std::size_t r = p;
        bool first = true;
        while (r < text.size()) {
            std::size_t s = r;
            const char32_t c = detail::decode_fast(text, s);
            if (is_latin_letter(c)) {
                const bool upper = c < 0x80 ? (c >= 'A' && c <= 'Z') : (u_isupper(static_cast<UChar32>(c)) != 0);
                if (first) first_upper = upper;
                else if (upper) inner_upper = true;
                has_latin = true;
            } else if (c >= '0' && c <= '9') {
                has_digit_char = true;
            } else if (c == '-' || c == '.' || c == '\'' || c == 0x2019 || c == '&') {
                std::size_t t2 = s;
                if (t2 >= text.size()) break;
                const char32_t n2 = detail::decode_fast(text, t2);
                if (!(is_latin_letter(n2) || (n2 >= '0' && n2 <= '9'))) break;
            } else {
                break;
            }
            first = false;
            r = s;
            end = s;
        }
        p = end;
        if (!has_latin) {
            // Digits alone end a name ("Li Qiang 2021").
            if (!run.empty()) flush();
            sentence_start = false;
            only_spaces = false;
            continue;
        }
        // Possessive "'s" / "’s" off the end.
        std::size_t tok_end = end;
        const std::string_view word = text.substr(begin, end - begin);
        if (word.size() > 2 && (word.ends_with("'s") || word.ends_with("'S"))) tok_end -= 2;
        else if (word.size() > 4 && word.ends_with("\xE2\x80\x99s")) tok_end -= 4;
        std::string lower;
        for (std::size_t i = begin; i < tok_end; ++i) {
            const char c = text[i];
            lower.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
        }
        tok t{begin, tok_end, true, false, sentence_start, only_spaces};
        if (latin_text) {
            const bool strong = inner_upper || has_digit_char;
            t.connector = !first_upper && is_connector(lower);
            // Where every noun has a capital, only inner capitals and digits mark a name.
            const bool capital_marks_name = rules != name_rules::nouns_capitalised;
            t.qualifies = strong || (capital_marks_name && (first_upper || t.connector));
            // A capitalised word opening a sentence is a name only when it is marked some other way.
            if (sentence_start && !strong) t.qualifies = false;
        }
        if (!run.empty() && (!t.joins_previous || !t.qualifies)) flush();
        if (t.qualifies) run.push_back(t);
        sentence_start = false;
        only_spaces = true;
    }
    if (!run.empty()) flush();
    return out;
}

}  // namespace detail

std::vector<number_fact> extract_numbers(std::string_view text) {
    const detail::text_index idx = detail::index_text(text);
    std::vector<number_fact> out;
    for (const auto &t : detail::scan_numbers(idx)) {
        number_fact f;
        f.text = std::string(text.substr(t.begin, t.end - t.begin));
        f.value = t.values[0];
        f.percent = t.percent;
        f.unit = std::string(t.unit);
        f.offset = t.begin;
        out.push_back(std::move(f));
    }
    return out;
}

std::vector<std::string> extract_latin_names(std::string_view text) {
    std::vector<std::string> out;
    for (const auto &n : detail::scan_names(text)) out.emplace_back(text.substr(n.begin, n.end - n.begin));
    return out;
}

}  // namespace precis
