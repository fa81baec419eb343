// Number words: a small lexicon and the rules that combine its entries into a value.
//
// Both languages are read with one accumulator (total for completed thousands, cur for the part below):
// plain values add to cur, "hundred"/"مائة" multiply cur, "thousand"/"ألف"/"آلاف" move cur × 1000 into total.
// What may follow what is decided by magnitude classes, so that "twenty five" and "خمسة وعشرون" join but
// "three and five" (a range) does not.
#include "spec/number_words.h"

#include <algorithm>
#include <string>
#include <string_view>
#include <unordered_map>

namespace precis::detail {

namespace {

// Magnitude classes: what a part is, for deciding what may follow it.
enum magnitude : int { none = 0, unit = 1, teen = 2, tens = 3, hundreds = 4, thousands = 5, millions = 6,
                       billions = 7 };

struct number_word {
    double value = 0.0;   // a plain value, or the factor of a multiplier
    int cls = unit;
    bool multiplier = false;
    bool arabic_ten = false;  // عشر/عشرة: after a unit it forms 11–19 ("ثلاث عشرة")
};

using lexicon = std::unordered_map<std::string, number_word>;

void add(lexicon &lex, std::initializer_list<std::string_view> spellings, number_word w) {
    for (auto s : spellings) lex.emplace(spec_key(s), w);
}

const lexicon &number_lexicon() {
    static const lexicon lex = [] {
        lexicon m;
        const char *const en_units[] = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight",
                                        "nine"};
        for (int v = 0; v < 10; ++v) add(m, {en_units[v]}, {double(v), unit});
        const char *const en_teens[] = {"ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
                                        "seventeen", "eighteen", "nineteen"};
        for (int v = 0; v < 10; ++v) add(m, {en_teens[v]}, {double(10 + v), teen});
        const char *const en_tens[] = {"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty",
                                       "ninety"};
        for (int v = 0; v < 8; ++v) add(m, {en_tens[v]}, {double(20 + 10 * v), tens});
        add(m, {"single", "couple"}, {1, unit});
        m[spec_key("couple")] = {2, unit};
        add(m, {"dozen"}, {12, teen, true});
        add(m, {"hundred"}, {100, hundreds, true});
        add(m, {"thousand"}, {1e3, thousands, true});
        add(m, {"million"}, {1e6, millions, true});
        add(m, {"billion"}, {1e9, billions, true});
        add(m, {"trillion"}, {1e12, billions + 1, true});

        // Arabic: masculine and feminine, nominative and oblique forms of each number.
        add(m, {"صفر"}, {0, unit});
        add(m, {"واحد", "واحدة", "أحد", "إحدى"}, {1, unit});
        add(m, {"اثنان", "اثنين", "اثنتان", "اثنتين", "اثنا", "اثنتا", "ثنتان", "ثنتين", "إثنين", "إثنان"}, {2, unit});
        add(m, {"ثلاث", "ثلاثة"}, {3, unit});
        add(m, {"أربع", "أربعة"}, {4, unit});
        add(m, {"خمس", "خمسة"}, {5, unit});
        add(m, {"ست", "ستة"}, {6, unit});
        add(m, {"سبع", "سبعة"}, {7, unit});
        add(m, {"ثمان", "ثماني", "ثمانية"}, {8, unit});
        add(m, {"تسع", "تسعة"}, {9, unit});
        add(m, {"عشر", "عشرة"}, {10, teen, false, true});
        add(m, {"عشرون", "عشرين"}, {20, tens});
        add(m, {"ثلاثون", "ثلاثين"}, {30, tens});
        add(m, {"أربعون", "أربعين"}, {40, tens});
        add(m, {"خمسون", "خمسين"}, {50, tens});
        add(m, {"ستون", "ستين"}, {60, tens});
        add(m, {"سبعون", "سبعين"}, {70, tens});
        add(m, {"ثمانون", "ثمانين"}, {80, tens});
        add(m, {"تسعون", "تسعين"}, {90, tens});
        add(m, {"مائة", "مئة", "مائه", "مية"}, {100, hundreds, true});
        add(m, {"مائتان", "مائتين", "مائتا", "مائتي", "مئتان", "مئتين", "مئتا", "مئتي"}, {200, hundreds});
        const char *const ar_hundreds[][2] = {{"ثلاثمائة", "ثلاثمئة"}, {"أربعمائة", "أربعمئة"},
                                              {"خمسمائة", "خمسمئة"},   {"ستمائة", "ستمئة"},
                                              {"سبعمائة", "سبعمئة"},   {"ثمانمائة", "ثمانمئة"},
                                              {"تسعمائة", "تسعمئة"}};
        for (int v = 0; v < 7; ++v) add(m, {ar_hundreds[v][0], ar_hundreds[v][1]}, {double(300 + 100 * v), hundreds});
        add(m, {"ثمانيمائة", "ثمانيمئة"}, {800, hundreds});
        add(m, {"ألف", "آلاف", "الاف"}, {1e3, thousands, true});
        add(m, {"ألفان", "ألفين", "ألفا", "ألفي"}, {2e3, thousands});
        add(m, {"مليون", "ملايين"}, {1e6, millions, true});
        add(m, {"مليونان", "مليونين", "مليوني"}, {2e6, millions});
        add(m, {"مليار", "مليارات", "بليون"}, {1e9, billions, true});
        return m;
    }();
    return lex;
}

const number_word *lookup(const std::string &key) {
    const auto &lex = number_lexicon();
    const auto it = lex.find(key);
    return it == lex.end() ? nullptr : &it->second;
}

// The entry for a word token, peeling one Arabic proclitic when the whole form is unknown.
const number_word *lookup_token(const spec_token &t, bool &peeled) {
    peeled = false;
    if (t.kind != spec_token_kind::word) return nullptr;
    if (const auto *w = lookup(t.key)) return w;
    if (t.arabic && has_arabic_proclitic(t.key)) {
        peeled = true;
        return lookup(t.key.substr(2));
    }
    return nullptr;
}

bool is_waw_prefixed(const spec_token &t) {
    return t.arabic && t.key.size() > 2 && static_cast<unsigned char>(t.key[0]) == 0xD9 &&
           static_cast<unsigned char>(t.key[1]) == 0x88;
}

// "ألفا" after a number is the accusative of ألف ("عشرين ألفاً"), not the dual.
bool is_alfan(const spec_token &t) { return t.key == spec_key("ألفا"); }

}  // namespace

bool starts_number(const std::vector<spec_token> &tokens, std::size_t i) {
    if (i >= tokens.size()) return false;
    if (tokens[i].kind == spec_token_kind::number) return true;
    bool peeled = false;
    if (lookup_token(tokens[i], peeled)) return true;
    return (tokens[i].key == "a" || tokens[i].key == "an") && i + 1 < tokens.size() &&
           tokens[i + 1].kind == spec_token_kind::word && lookup(tokens[i + 1].key) &&
           lookup(tokens[i + 1].key)->multiplier;
}

std::optional<number_phrase> parse_number(const std::vector<spec_token> &tokens, std::size_t i, bool allow_joins) {
    const std::size_t n = tokens.size();
    if (i >= n) return std::nullopt;

    if (tokens[i].kind == spec_token_kind::number) {
        number_phrase out{tokens[i].value, tokens[i].integral, i + 1, false};
        // "2k", "1.5 thousand", "3 آلاف", "2 million"
        if (i + 1 < n && tokens[i + 1].kind == spec_token_kind::word) {
            const auto &next = tokens[i + 1];
            double factor = 0.0;
            if (next.key == "k") factor = 1e3;
            else if (const auto *w = lookup(next.key); w && w->multiplier && w->cls >= thousands) factor = w->value;
            else if (is_alfan(next)) factor = 1e3;
            if (factor > 0.0) {
                out.value *= factor;
                out.integral = out.value == static_cast<double>(static_cast<long long>(out.value));
                out.end = i + 2;
            }
        }
        return out;
    }

    double total = 0.0, cur = 0.0;
    int last = none;
    bool joined_into_cur = false;
    std::size_t j = i;

    // "a hundred", "a thousand", "a dozen", "a billion"
    if ((tokens[i].key == "a" || tokens[i].key == "an") && i + 1 < n) {
        const auto *w = lookup(tokens[i + 1].key);
        if (!w || !w->multiplier) return std::nullopt;
        cur = 1.0;
        last = unit;
        j = i + 1;
    }

    while (j < n) {
        bool connector = false;
        std::size_t k = j;
        if (last != none) {
            const auto &t = tokens[j];
            const bool and_word = t.kind == spec_token_kind::word && (t.key == "and" || t.key == spec_key("و"));
            const bool hyphen = t.kind == spec_token_kind::symbol && t.key == "-" && !t.space_before &&
                                j + 1 < n && !tokens[j + 1].space_before;
            if (and_word || hyphen) {
                connector = true;
                k = j + 1;
                if (k >= n) break;
            }
        }
        bool peeled = false;
        const number_word *w = lookup_token(tokens[k], peeled);
        if (!w) break;
        if (peeled) {
            // A proclitic on the first word is a preposition ("بخمس فقرات"); later, only و ("and") may join.
            if (last != none) {
                if (connector || !is_waw_prefixed(tokens[k])) break;
                connector = true;
            }
        }
        if (last == none) {
            if (w->multiplier) {
                if (w->value >= 1e3) total = w->value;
                else cur = w->value;
            } else if (w->value >= 1e3) {
                total = w->value;
            } else {
                cur = w->value;
            }
            last = w->cls;
            j = k + 1;
            continue;
        }
        if (connector) {
            const bool hyphen = tokens[j].kind == spec_token_kind::symbol;
            // Joins add a smaller part ("hundred and fifty", "ألف وخمسمائة"); Arabic puts units before tens
            // ("خمسة وعشرون"); a hyphen only joins tens and units ("twenty-five").
            const bool allowed = hyphen ? (last == tens && w->cls == unit)
                                        : (allow_joins && !w->multiplier &&
                                           (last > w->cls || (last == unit && w->cls == tens)));
            if (!allowed) break;
            if (cur > 0.0 && !hyphen) joined_into_cur = true;
        } else if (w->multiplier || (is_alfan(tokens[k]) && cur > 0.0)) {
            const double factor = w->multiplier ? w->value : 1e3;
            const int cls = w->multiplier ? w->cls : thousands;
            const bool allowed = factor < 1e3 ? (cur >= 1.0 && cur < 100.0 && !joined_into_cur && last < hundreds)
                                              : (cur > 0.0 && last < cls);
            if (!allowed) break;
            if (factor < 1e3) {
                cur *= factor;
            } else {
                total += cur * factor;
                cur = 0.0;
                joined_into_cur = false;
            }
            last = cls;
            j = k + 1;
            continue;
        } else {
            // Adjacent plain parts: "twenty five", "two hundred fifty", "thousand five"; Arabic 11–19.
            const bool allowed = (last > w->cls && last >= tens) || (last == unit && w->arabic_ten);
            if (!allowed) break;
        }
        if (w->value >= 1e3) total += w->value;
        else cur += w->value;
        last = w->cls;
        j = k + 1;
    }
    if (last == none) return std::nullopt;
    return number_phrase{total + cur, true, j, true};
}

}  // namespace precis::detail
