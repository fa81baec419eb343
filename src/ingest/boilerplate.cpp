// Boilerplate lines: share buttons, copyright notices, navigation and site footers, in Arabic and English.
//
// The judgement is deliberately conservative because ingest must never eat article text: a line is
// boilerplate only when it is short and (a) it is a copyright notice (a "©" or "Copyright <year>" or a
// sentence-final "All rights reserved"), (b) it starts with a navigation prefix followed by a separator
// ("Read more: …", "اقرأ أيضا: …"), or (c) every word in it belongs to a boilerplate phrase or is filler
// ("Share on Facebook", "Follow us on Twitter"). So "copyright law" and "share price" in a news sentence
// never match: they are neither short lines nor fully covered by boilerplate phrases. Matching runs on
// normalised words (lower case; Arabic hamza forms, alef maqsura, taa marbuta and diacritics folded) so
// "اقرأ أيضاً" and "اقرا ايضا" are the same phrase.
#include "boilerplate.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <cstring>
#include <string>
#include <unicode/uchar.h>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "precis/utf8.h"
#include "precis/words.h"
#include "text/utf8_fast.h"

namespace precis {
namespace detail {
namespace {

// The eight-bytes-at-a-time paths below read byte i of a loaded word as its i-th character.
static_assert(std::endian::native == std::endian::little, "the SWAR text paths assume a little-endian machine");

enum class category { share, copyright, navigation, footer };

const char *category_name(category c) {
    switch (c) {
    case category::share: return "share";
    case category::copyright: return "copyright";
    case category::navigation: return "navigation";
    case category::footer: return "footer";
    }
    return "footer";
}

// Longest line (in words) that can be judged boilerplate. Copyright notices with a long agency disclaimer
// ("© 2019 Associated Press. All Rights Reserved. This material may not be …") reach about 20 words.
constexpr std::size_t max_copyright_words = 25;
constexpr std::size_t max_prefix_words = 20;
constexpr std::size_t max_covered_words = 12;
constexpr std::size_t max_tokens = 30;
// How far into a long line the run-together search looks from each end, in bytes. 30 Arabic words of
// about 10 bytes each nearly fit; the cap keeps the cost per line constant.
constexpr std::size_t edge_window_bytes = 360;

struct token {
    std::size_t begin = 0;   // byte offsets into the tokenised text
    std::size_t end = 0;
    std::size_t norm_begin = 0;  // the normalised form: [norm_begin, norm_end) in token_list::norms
    std::size_t norm_end = 0;
    bool number = false;     // all digits
};

// The tokens of a text and their normalised forms. The forms are stored once, in order, each separated
// from the next by one space, so the form of a phrase (tokens i..j) is a view from the first token's form
// to the last one's: phrase lookups build no strings. One list is reused per call, so tokenising does not
// allocate per token either (this runs on every line of every document and summary).
struct token_list {
    std::vector<token> toks;
    std::string norms;

    std::size_t size() const { return toks.size(); }
    bool empty() const { return toks.empty(); }
    const token &operator[](std::size_t i) const { return toks[i]; }
    std::string_view norm(std::size_t i) const { return join(i, 1); }
    // The normalised forms of `count` tokens from `from`, joined by single spaces.
    std::string_view join(std::size_t from, std::size_t count) const {
        return std::string_view(norms).substr(toks[from].norm_begin,
                                              toks[from + count - 1].norm_end - toks[from].norm_begin);
    }
    void clear() {
        toks.clear();
        norms.clear();
    }
};

bool is_arabic_mark(char32_t cp) {
    return (cp >= 0x064B && cp <= 0x065F) || cp == 0x0670 || cp == 0x0640;
}

bool is_apostrophe(char32_t cp) { return cp == '\'' || cp == 0x2019; }

// The matching form of `cp`: lower case, Arabic letter variants folded, Arabic-Indic digits as ASCII;
// 0 for the marks that matching drops.
char32_t normalised(char32_t cp) {
    if (cp < 0x80) return cp >= 'A' && cp <= 'Z' ? cp + 32 : cp;
    if (is_arabic_mark(cp)) return 0;
    switch (cp) {
    case 0x0622: case 0x0623: case 0x0625: case 0x0671: cp = 0x0627; break;  // آ أ إ ٱ → ا
    case 0x0649: cp = 0x064A; break;                                      // ى → ي
    case 0x0629: cp = 0x0647; break;                                      // ة → ه
    default:
        if (cp >= 0x0660 && cp <= 0x0669) cp = '0' + (cp - 0x0660);
        else if (cp >= 0x06F0 && cp <= 0x06F9) cp = '0' + (cp - 0x06F0);
        // The Arabic block has no case, so the common Arabic letter needs no ICU lookup.
        else if (cp < 0x0600 || cp > 0x06FF) cp = static_cast<char32_t>(u_tolower(static_cast<UChar32>(cp)));
    }
    return cp;
}

void append_normalised(std::string &out, char32_t cp) {
    if (const char32_t n = normalised(cp)) append_utf8_fast(out, n);
}

bool is_ascii_alnum(unsigned char c) {
    return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

// What tokenize records: only the count, the token spans, or the spans with their normalised forms.
enum class detail_level { count, spans, forms };

bool is_arabic_indic_digit(char32_t cp) { return (cp >= 0x0660 && cp <= 0x0669) || (cp >= 0x06F0 && cp <= 0x06F9); }

// tokenize at detail_level::spans, written out with its state in locals: this finds the spans of every
// window of every line, and the general version's shared state cost about twice as much per character.
// ASCII spaces and punctuation other than the apostrophe only end a token; everything else takes the same
// code-point path as tokenize.
bool tokenize_spans(std::string_view text, std::size_t limit, token_list &out) {
    out.clear();
    std::vector<token> &toks = out.toks;
    const auto *data = reinterpret_cast<const unsigned char *>(text.data());
    const std::size_t n = text.size();
    std::size_t pos = 0;
    std::size_t begin = 0;
    bool in_token = false;
    bool digits = true;
    while (pos < n) {
        const unsigned char b = data[pos];
        if (b < 0x80) {
            if (is_ascii_alnum(b)) {
                if (!in_token) {
                    in_token = true;
                    digits = true;
                    begin = pos;
                }
                // The run's end is found eight bytes at a time where they are all ASCII: a byte is a letter
                // or a digit by the carry-free additions of script_histogram, and the run ends at the first
                // byte that is neither. A branch per byte at every word end was the cost of this loop.
                bool other = false;  // a letter in the run (else it is all digits)
                while (pos + 8 <= n) {
                    std::uint64_t w;
                    std::memcpy(&w, data + pos, 8);
                    constexpr std::uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
                    if (w & highs) break;
                    const std::uint64_t folded = w | (ones * 0x20);
                    const std::uint64_t letter = (folded + ones * 0x1F) & ~(folded + ones * 0x05) & highs;
                    const std::uint64_t digit = (w + ones * 0x50) & ~(w + ones * 0x46) & highs;
                    const std::uint64_t stop = ~(letter | digit) & highs;
                    if (stop == 0) {
                        other = other || letter != 0;
                        pos += 8;
                        continue;
                    }
                    const auto length = static_cast<unsigned>(__builtin_ctzll(stop)) >> 3;
                    const std::uint64_t run = length == 0 ? 0 : ~std::uint64_t{0} >> (64 - 8 * length);
                    other = other || (letter & run) != 0;
                    pos += length;
                    break;
                }
                while (pos < n && is_ascii_alnum(data[pos])) {
                    other = other || data[pos] > '9';
                    ++pos;
                }
                digits = digits && !other;
                continue;
            }
            if (b != '\'') {
                if (in_token) {
                    in_token = false;
                    if (toks.size() == limit) return false;
                    toks.push_back(token{begin, pos, 0, 0, digits});
                }
                ++pos;
                continue;
            }
        }
        const std::size_t start = pos;
        const char32_t cp = decode_fast(text, pos);
        if (is_letter_or_digit_fast(cp) || (in_token && is_arabic_mark(cp))) {
            if (!in_token) {
                in_token = true;
                digits = true;
                begin = start;
            }
            if (!(cp >= '0' && cp <= '9') && !is_arabic_indic_digit(cp)) digits = false;
            continue;
        }
        if (in_token && is_apostrophe(cp) && pos < n) {
            std::size_t peek = pos;
            if (is_letter_or_digit_fast(decode_fast(text, peek))) continue;  // "don't": one word
        }
        if (in_token) {
            in_token = false;
            if (toks.size() == limit) return false;
            toks.push_back(token{begin, start, 0, 0, digits});
        }
        if (cp == 0x00A9) {  // ©
            if (toks.size() == limit) return false;
            toks.push_back(token{start, pos, 0, 0, false});
        }
    }
    if (in_token) {
        if (toks.size() == limit) return false;
        toks.push_back(token{begin, n, 0, 0, digits});
    }
    return true;
}

// Splits `text` into words (runs of letters/digits, Arabic marks and inner apostrophes) and "©" symbols.
// Returns false, leaving a partial list, when there are more than `limit` tokens: the caller only judges
// short text, so it never pays for a long line. Normalising is most of the cost, so callers ask only for
// what they use: a count turns long lines away, spans find segment starts, forms are for judging.
bool tokenize(std::string_view text, std::size_t limit, token_list *out, detail_level level = detail_level::forms) {
    if (level == detail_level::spans && out) return tokenize_spans(text, limit, *out);
    if (level == detail_level::count) out = nullptr;
    const bool forms = level == detail_level::forms;
    if (out) out->clear();
    std::size_t count = 0;
    std::size_t pos = 0;
    token cur;
    bool in_token = false;
    bool all_digits = true;
    const auto finish = [&](std::size_t end) {
        if (!in_token) return true;
        in_token = false;
        if (count == limit) return false;
        ++count;
        if (out) {
            cur.end = end;
            cur.number = all_digits;
            cur.norm_end = forms ? out->norms.size() : 0;
            out->toks.push_back(cur);
        }
        return true;
    };
    // A word character outside a token starts one (and, when forms are wanted, its normalised form).
    auto open_token = [&](std::size_t start) {
        if (in_token) return;
        in_token = true;
        all_digits = true;
        cur.begin = start;
        if (out && forms) {
            if (!out->norms.empty()) out->norms.push_back(' ');
            cur.norm_begin = out->norms.size();
        }
    };
    while (pos < text.size()) {
        const std::size_t start = pos;
        // Most text is runs of ASCII letters and digits: take a whole run at once (the same result as the
        // code-point loop below, which handles everything else).
        if (is_ascii_alnum(static_cast<unsigned char>(text[pos]))) {
            open_token(start);
            std::size_t end = pos;
            bool digits = true;
            while (end < text.size() && is_ascii_alnum(static_cast<unsigned char>(text[end]))) {
                digits = digits && text[end] <= '9';
                ++end;
            }
            all_digits = all_digits && digits;
            if (out && forms)
                for (std::size_t i = pos; i < end; ++i) {
                    const char c = text[i];
                    out->norms.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c);
                }
            pos = end;
            continue;
        }
        const char32_t cp = decode_fast(text, pos);
        const bool word_char = is_letter_or_digit_fast(cp) || (in_token && is_arabic_mark(cp));
        if (word_char) {
            open_token(start);
            if (!(cp >= '0' && cp <= '9') && !(cp >= 0x0660 && cp <= 0x0669) && !(cp >= 0x06F0 && cp <= 0x06F9))
                all_digits = false;
            if (out && forms) append_normalised(out->norms, cp);
            continue;
        }
        if (in_token && is_apostrophe(cp) && pos < text.size()) {
            std::size_t peek = pos;
            if (is_letter_or_digit_fast(decode_fast(text, peek))) continue;  // "don't": one word
        }
        if (!finish(start)) return false;
        if (cp == 0x00A9) {  // ©
            if (count == limit) return false;
            ++count;
            if (out && forms) {
                if (!out->norms.empty()) out->norms.push_back(' ');
                const std::size_t b = out->norms.size();
                out->norms += "\xC2\xA9";
                out->toks.push_back(token{start, pos, b, out->norms.size(), false});
            } else if (out) {
                out->toks.push_back(token{start, pos, 0, 0, false});
            }
        }
    }
    return finish(text.size());
}

// Hash and equality that accept std::string_view, so tables keyed by std::string answer a view without
// building a string (C++20 heterogeneous lookup).
struct string_hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
};
using string_set = std::unordered_set<std::string, string_hash, std::equal_to<>>;

// Normalised words as code points (fewer than 32), with the set of ASCII characters they start with, so a
// word starting with any other ASCII letter or digit is turned away by one bit test.
// The words written in ASCII alone are also kept as bytes: an all-ASCII token can only normalise to one of
// those, and is compared with them directly.
struct char_words {
    std::vector<std::u32string> words;
    std::vector<std::string> ascii_words;
    std::size_t longest_ascii = 0;
    static constexpr std::size_t max_ascii = 32;
    bool ascii_fast = true;
    std::array<std::uint64_t, 2> ascii_first{};
    std::vector<std::pair<char32_t, char32_t>> first_two;  // the first two characters of each of `words` (0: none)
    void add(std::u32string w) {
        if (!w.empty() && w[0] < 0x80) ascii_first[w[0] >> 6] |= std::uint64_t{1} << (w[0] & 63);
        if (!w.empty()) first_two.emplace_back(w[0], w.size() > 1 ? w[1] : 0);
        if (w.size() > max_ascii) ascii_fast = false;  // the fast path's buffer is too short for it
        if (std::all_of(w.begin(), w.end(), [](char32_t c) { return c < 0x80; })) {
            ascii_words.emplace_back(w.begin(), w.end());
            longest_ascii = std::max(longest_ascii, w.size());
        }
        words.push_back(std::move(w));
    }
    bool may_start_with_ascii(unsigned char c) const { return (ascii_first[c >> 6] >> (c & 63)) & 1u; }
    // False when the token `word` (raw text, as tokenize delimited it) cannot normalise to any of `words`,
    // told from the first two characters of its form, read as normalises_to_one_of reads them (a token's
    // first character, a letter, digit or "©", is the form's first). Inline, so the test costs no call for
    // the most common case: every token of every line is asked, and in Arabic many start with the alef of
    // "ال" as "اقرأ" does.
    bool may_match(std::string_view word) const {
        if (word.empty()) return false;
        // A first ASCII letter or digit is the form's first character, lower-cased: most words stop here.
        if (const auto b = static_cast<unsigned char>(word[0]); is_ascii_alnum(b) &&
                                                                !may_start_with_ascii(b >= 'A' && b <= 'Z' ? b + 32 : b))
            return false;
        std::size_t pos = 0;
        const char32_t cp = decode_fast(word, pos);
        char32_t c0 = 0;
        if (cp == 0x00A9) c0 = cp;
        else if (is_letter_or_digit_fast(cp)) c0 = normalised(cp);
        if (c0 == 0) return true;  // not a first character of a form: the full comparison decides
        if (c0 < 0x80 && !may_start_with_ascii(static_cast<unsigned char>(c0))) return false;
        char32_t c1 = 0;
        while (c1 == 0 && pos < word.size()) {
            const char32_t next = decode_fast(word, pos);
            if (next == 0x00A9) c1 = next;
            else if (is_letter_or_digit_fast(next) || is_arabic_mark(next)) c1 = normalised(next);
        }
        for (const auto &[a, b] : first_two)
            if (a == c0 && b == c1) return true;
        return false;
    }
};

struct phrase_table {
    std::unordered_map<std::string, category, string_hash, std::equal_to<>> phrases;  // words joined by ' '
    std::size_t longest = 1;                            // in words
    string_set phrase_starts;                           // first words of `phrases`
    string_set filler;                                  // allowed inside boilerplate, no evidence alone
    string_set nav_prefixes;                            // "read more" in "Read more: …"
    string_set copyright_sentences;                     // "all rights reserved"
    string_set copyright_starts;                        // first words of `copyright_sentences`
    string_set markers;                                 // words where a run-together footer may begin
    char_words marker_chars;                            // the same, as code points (is_marker: < 32 of them)
    // For may_be_boilerplate: the words a boilerplate text can start with (phrase starts, filler, navigation
    // prefixes, calls to action), and the words that can make it a copyright notice, as code points.
    string_set line_starts;
    string_set nav_starts;  // first words of navigation prefixes and calls to action (is_prefixed_navigation)
    char_words copyright_chars;
    // Normalised forms of the call-to-action words is_prefixed_navigation compares with.
    std::string press_here, click_here, subscribe_ar, newsletter_ar;
};

std::string normalised_key(std::string_view raw) {
    token_list toks;
    tokenize(raw, 64, &toks);
    return toks.empty() ? std::string() : std::string(toks.join(0, toks.size()));
}

std::string first_word(const std::string &key) { return key.substr(0, key.find(' ')); }

std::size_t key_words(const std::string &key) {
    return static_cast<std::size_t>(std::count(key.begin(), key.end(), ' ')) + 1;
}

phrase_table build_table() {
    phrase_table t;
    const auto add = [&](category c, std::initializer_list<const char *> list) {
        for (const char *raw : list) {
            std::string key = normalised_key(raw);
            t.longest = std::max(t.longest, key_words(key));
            t.phrase_starts.insert(first_word(key));
            t.phrases.emplace(std::move(key), c);
        }
    };
    add(category::share,
        {"share", "share this", "share this article", "share this story", "share this post", "share article",
         "share story", "share on", "share via", "share on facebook", "share on twitter", "share on whatsapp",
         "share on linkedin", "share via email", "tweet", "tweet this", "whatsapp", "facebook", "twitter",
         "linkedin", "pinterest", "reddit", "telegram", "instagram", "youtube", "messenger", "flipboard", "email",
         "e-mail", "print", "copy link", "copy url", "sms", "شاركها", "شارك", "مشاركة", "شارك الخبر",
         "شارك المقال", "شارك على", "فيسبوك", "فيس بوك", "تويتر", "واتساب", "واتس اب", "تيليجرام", "تلغرام",
         "تليجرام", "لينكد ان", "لينكدإن", "انستغرام", "انستجرام", "يوتيوب", "البريد الإلكتروني", "طباعة",
         "نسخ الرابط", "إرسال"});
    add(category::navigation,
        {"exit mobile version", "skip to content", "skip to main content", "jump to", "read more", "read also",
         "read next", "continue reading", "back to top", "go to top", "subscribe", "subscribe now",
         "subscribe to our newsletter", "sign up for our newsletter", "newsletter", "follow us", "follow us on",
         "related", "related articles", "related posts", "related stories", "related news", "more stories",
         "more news", "see also", "advertisement", "advertisements", "sponsored", "sponsored content",
         "click here", "you may also like", "recommended", "recommended for you", "most read", "most popular",
         "trending", "trending now", "previous article", "next article", "previous post", "next post",
         "leave a comment", "comments", "view comments", "show comments", "home", "menu", "main menu",
         "toggle navigation", "search", "loading", "close", "اقرأ أيضا", "اقرأ ايضا", "اقرأ المزيد", "المزيد",
         "ذات صلة", "مواضيع ذات صلة", "أخبار ذات صلة", "مقالات ذات صلة", "إعلان", "اعلانات", "تابعنا",
         "تابعونا", "تابعنا على", "اشترك", "اشترك الآن", "اشترك في النشرة البريدية", "النشرة البريدية",
         "العودة للأعلى", "العودة إلى الأعلى", "إلى الأعلى", "اضغط هنا", "انقر هنا", "الأكثر قراءة",
         "الأكثر مشاهدة", "المقال السابق", "المقال التالي", "الخبر السابق", "الخبر التالي", "الرئيسية",
         "القائمة", "بحث", "اترك تعليقا", "تعليقات", "التعليقات", "أضف تعليق", "شاهد أيضا"});
    add(category::footer,
        {"privacy policy", "privacy", "terms of use", "terms of service", "terms and conditions", "cookie policy",
         "cookies", "contact us", "contact", "about us", "powered by", "sitemap", "سياسة الخصوصية",
         "شروط الاستخدام", "اتصل بنا", "من نحن", "أعلن معنا", "خريطة الموقع"});
    for (const char *raw : {"on", "us", "the", "our", "to", "via", "and", "or", "in", "of", "for", "with", "by",
                            "this", "a", "now", "here", "page", "و", "على", "في", "عبر", "من", "لنا", "عن"})
        t.filler.insert(normalised_key(raw));
    for (const char *raw : {"read more", "read also", "read next", "see also", "related", "more", "continue reading",
                            "watch", "listen", "also read", "recommended", "اقرأ أيضا", "اقرأ المزيد",
                            "شاهد أيضا", "شاهد", "ذات صلة", "اقرأ"})
        t.nav_prefixes.insert(normalised_key(raw));
    for (const char *raw : {"all rights reserved", "جميع الحقوق محفوظة", "كل الحقوق محفوظة", "الحقوق محفوظة",
                            "حقوق النشر محفوظة", "حقوق الطبع محفوظة"}) {
        t.copyright_sentences.insert(normalised_key(raw));
        t.copyright_starts.insert(first_word(normalised_key(raw)));
    }
    // Only words that cannot end an article sentence: "…in a tweet." or "…are related." must stay.
    for (const char *raw : {"\xC2\xA9", "copyright", "شاركها", "exit", "skip", "تابعنا", "جميع", "all", "اقرأ"})
        t.markers.insert(normalised_key(raw));
    for (const std::string &m : t.markers) {
        std::u32string chars;
        for (std::size_t p = 0; p < m.size();) chars.push_back(decode_fast(m, p));
        t.marker_chars.add(std::move(chars));
    }
    t.press_here = normalised_key("اضغط هنا");
    t.click_here = normalised_key("انقر هنا");
    t.subscribe_ar = normalised_key("اشترك");
    t.newsletter_ar = normalised_key("النشرة");
    for (const std::string &p : t.nav_prefixes) t.nav_starts.insert(first_word(p));
    for (const std::string &w : {std::string("click"), first_word(t.press_here), first_word(t.click_here),
                                 std::string("subscribe"), std::string("sign"), t.subscribe_ar})
        t.nav_starts.insert(w);
    t.line_starts = t.phrase_starts;
    t.line_starts.insert(t.filler.begin(), t.filler.end());
    t.line_starts.insert(t.nav_starts.begin(), t.nav_starts.end());
    string_set copyright_words = t.copyright_starts;
    for (const char *raw : {"\xC2\xA9", "copyright", "c"}) copyright_words.insert(normalised_key(raw));
    for (const std::string &w : copyright_words) {
        std::u32string chars;
        for (std::size_t p = 0; p < w.size();) chars.push_back(decode_fast(w, p));
        t.copyright_chars.add(std::move(chars));
    }
    return t;
}

const phrase_table &table() {
    static const phrase_table t = build_table();
    return t;
}

// The first non-space character after byte `pos`, or 0 at the end.
char32_t next_visible(std::string_view text, std::size_t pos) {
    while (pos < text.size()) {
        const char32_t cp = decode_fast(text, pos);
        if (!is_space_fast(cp)) return cp;
    }
    return 0;
}

bool is_separator(char32_t cp) {
    switch (cp) {
    case ':': case '|': case '-': case '>': case 0xBB: case 0x203A: case 0x2192: case 0x2013: case 0x2014:
    case 0x061B:
        return true;
    default:
        return false;
    }
}

bool follows_sentence_end(std::string_view text, std::size_t pos);

bool is_copyright(std::string_view text, const token_list &toks, const phrase_table &t) {
    if (toks.size() > max_copyright_words) return false;
    // "All rights reserved" closing a sentence; the Arabic forms are short formulae that do not occur in
    // running prose, so they qualify in any short line.
    bool rights_reserved = false;
    for (std::size_t i = 0; i < toks.size() && !rights_reserved; ++i) {
        if (!t.copyright_starts.count(toks.norm(i))) continue;  // no formula starts here
        for (std::size_t len = 2; len <= 4 && i + len <= toks.size(); ++len) {
            if (!t.copyright_sentences.count(toks.join(i, len))) continue;
            const char32_t after = next_visible(text, toks[i + len - 1].end);
            if (!is_letter_or_digit_fast(after) || toks.size() <= max_covered_words) rights_reserved = true;
        }
    }
    if (rights_reserved) return true;
    // A "©" or "Copyright 2024" notice is one sentence; "Photo © Agency. The minister said …" is a credit
    // followed by article text, which the caller peels apart.
    for (std::size_t i = 1; i < toks.size(); ++i)
        if (follows_sentence_end(text, toks[i].begin)) return false;
    for (std::size_t i = 0; i < toks.size(); ++i) {
        const std::string_view w = toks.norm(i);
        if (w == "\xC2\xA9") return true;
        // "Copyright 2024 …", "Copyright © …", "(c) 2024"; "copyright law" is not a notice.
        const bool next_is_year_or_sign =
            i + 1 < toks.size() && (toks[i + 1].number || toks.norm(i + 1) == "\xC2\xA9");
        if (w == "copyright" && next_is_year_or_sign) return true;
        if (w == "c" && next_is_year_or_sign && toks[i].begin > 0 && text[toks[i].begin - 1] == '(' &&
            toks[i].end < text.size() && text[toks[i].end] == ')')
            return true;
    }
    return false;
}

bool is_prefixed_navigation(std::string_view text, const token_list &toks, const phrase_table &t) {
    if (toks.size() > max_prefix_words) return false;
    for (std::size_t len = 1; len <= 3 && len < toks.size(); ++len) {
        if (!t.nav_prefixes.count(toks.join(0, len))) continue;
        if (is_separator(next_visible(text, toks[len - 1].end))) return true;
    }
    // "Click here to …" and newsletter sign-ups are calls to action, not article text.
    const std::string_view first2 = toks.size() >= 2 ? toks.join(0, 2) : std::string_view{};
    if (toks.size() <= max_covered_words && (first2 == "click here" || first2 == t.press_here || first2 == t.click_here))
        return true;
    if (toks.size() <= 15 && (toks.norm(0) == "subscribe" || first2 == "sign up" || toks.norm(0) == t.subscribe_ar)) {
        for (std::size_t i = 0; i < toks.size(); ++i)
            if (toks.norm(i) == "newsletter" || toks.norm(i) == t.newsletter_ar) return true;
    }
    return false;
}

// Every word is part of a boilerplate phrase or is filler, with at least one phrase present.
bool is_covered(const token_list &toks, const phrase_table &t, category &cat) {
    if (toks.size() > max_covered_words) return false;
    std::array<std::size_t, 4> covered{};
    std::size_t evidence = 0;
    for (std::size_t i = 0; i < toks.size();) {
        bool matched = false;
        // Only a word that starts some phrase can start a match; most words of a line start none.
        const bool may_start = t.phrase_starts.count(toks.norm(i)) > 0;
        for (std::size_t len = std::min(t.longest, toks.size() - i); may_start && len >= 1; --len) {
            auto it = t.phrases.find(toks.join(i, len));
            if (it == t.phrases.end()) continue;
            covered[static_cast<std::size_t>(it->second)] += len;
            ++evidence;
            i += len;
            matched = true;
            break;
        }
        if (matched) continue;
        if (!toks[i].number && !t.filler.count(toks.norm(i))) return false;
        ++i;
    }
    if (evidence == 0) return false;
    cat = static_cast<category>(std::max_element(covered.begin(), covered.end()) - covered.begin());
    return true;
}

std::string_view trim(std::string_view s) { return trim_space(s); }

bool is_sentence_end(char32_t cp) {
    switch (cp) {
    case '.': case '!': case '?': case ':': case ';': case '|': case 0x061F: case 0x06D4: case 0x2022:
    case 0x00B7: case 0xBB: case 0x2026: case 0x061B:
        return true;
    default:
        return false;
    }
}

bool is_closing_quote(char32_t cp) {
    return cp == '"' || cp == '\'' || cp == ')' || cp == ']' || cp == 0x201D || cp == 0x2019 || cp == 0xBB;
}

// True when the text before byte `pos` ends a sentence: punctuation (maybe followed by closing quotes),
// then whitespace.
bool follows_sentence_end(std::string_view text, std::size_t pos) {
    std::size_t e = pos;
    bool saw_space = false;
    while (e > 0) {
        std::size_t s = e - 1;
        while (s > 0 && (static_cast<unsigned char>(text[s]) & 0xC0) == 0x80) --s;
        std::size_t p = s;
        const char32_t cp = decode_fast(text, p);
        if (is_space_fast(cp)) {
            saw_space = true;
            e = s;
            continue;
        }
        if (!saw_space) return false;
        if (is_sentence_end(cp)) return true;
        if (is_closing_quote(cp)) {
            e = s;
            continue;
        }
        return false;
    }
    return false;
}

// follows_sentence_end, answered inline for the common case of a word start after one space that follows
// neither a space nor punctuation (the character before the space is then the one that decides).
bool follows_sentence_end_fast(std::string_view text, std::size_t pos) {
    if (pos < 2 || text[pos - 1] != ' ') return follows_sentence_end(text, pos);
    if (is_ascii_alnum(static_cast<unsigned char>(text[pos - 2]))) return false;  // "word word"
    std::size_t s = pos - 2;
    while (s > 0 && (static_cast<unsigned char>(text[s]) & 0xC0) == 0x80) --s;
    std::size_t p = s;
    const char32_t cp = decode_fast(text, p);
    if (is_space_fast(cp) || is_sentence_end(cp) || is_closing_quote(cp)) return follows_sentence_end(text, pos);
    return false;
}

// True when the text before byte `pos` is a separator such as ':' or '|' (then whitespace).
bool follows_separator(std::string_view text, std::size_t pos) {
    while (pos > 0) {
        std::size_t s = pos - 1;
        while (s > 0 && (static_cast<unsigned char>(text[s]) & 0xC0) == 0x80) --s;
        std::size_t p = s;
        const char32_t cp = decode_fast(text, p);
        if (!is_space_fast(cp)) return is_separator(cp);
        pos = s;
    }
    return false;
}

// Byte offsets in `text` where a boilerplate segment may begin: after a sentence end, or at a marker word.
// Only tokens within [from, to) are considered.
// True when the token `word` (its raw text, as tokenize delimited it) normalises to one of `words` (code
// points of normalised forms, fewer than 32). The form is read as tokenize builds it (letters, digits and
// marks normalised, inner apostrophes skipped) and compared with every candidate at once, character by
// character, so most words are turned away at their first or second letter without building a string.
bool normalises_to_one_of(std::string_view word, const char_words &set) {
    // A first ASCII letter or digit is the form's first character, lower-cased.
    if (!word.empty() && is_ascii_alnum(static_cast<unsigned char>(word[0]))) {
        const auto c = static_cast<unsigned char>(word[0]);
        if (!set.may_start_with_ascii(c >= 'A' && c <= 'Z' ? c + 32 : c)) return false;
    }
    // An all-ASCII token: its form is its letters and digits, lower-cased (apostrophes and other symbols
    // are dropped), and only ASCII words can equal it.
    if (set.ascii_fast) {
        std::array<char, char_words::max_ascii> form{};
        std::size_t n = 0;
        bool ascii = true, too_long = false;
        for (const char ch : word) {
            const auto c = static_cast<unsigned char>(ch);
            if (c >= 0x80) {
                ascii = false;
                break;
            }
            if (!is_ascii_alnum(c)) continue;
            if (n == set.longest_ascii) {
                too_long = true;
                continue;
            }
            form[n++] = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
        }
        if (ascii) {
            if (too_long) return false;
            const std::string_view f(form.data(), n);
            for (const std::string &w : set.ascii_words)
                if (w == f) return true;
            return false;
        }
    }
    const std::vector<std::u32string> &words = set.words;
    unsigned alive = (1u << words.size()) - 1;
    std::size_t k = 0;  // characters of the form read so far
    std::size_t pos = 0;
    while (pos < word.size()) {
        const char32_t cp = decode_fast(word, pos);
        char32_t c = 0;
        if (cp == 0x00A9) c = cp;
        else if (is_letter_or_digit_fast(cp) || is_arabic_mark(cp)) c = normalised(cp);
        if (c == 0) continue;  // dropped by normalisation
        for (std::size_t m = 0; m < words.size(); ++m)
            if (k >= words[m].size() || words[m][k] != c) alive &= ~(1u << m);
        if (alive == 0) return false;
        ++k;
    }
    for (std::size_t m = 0; m < words.size(); ++m)
        if ((alive >> m & 1u) && words[m].size() == k) return true;
    return false;
}

bool is_marker(std::string_view word, const phrase_table &t) { return normalises_to_one_of(word, t.marker_chars); }

// The normalised form of the token `word` (its raw text), as tokenize builds it.
void form_of(std::string_view word, std::string &out) {
    out.clear();
    std::size_t pos = 0;
    while (pos < word.size()) {
        const char32_t cp = decode_fast(word, pos);
        if (cp == 0x00A9) out += "\xC2\xA9";
        else if (is_letter_or_digit_fast(cp) || is_arabic_mark(cp)) append_normalised(out, cp);
    }
}

// A necessary condition for judge(), read from token spans alone. Each judgement has its own length limit
// and needs its own kind of word: a copyright notice (at most max_copyright_words) a word such as "©",
// "copyright", "(c)" or the first word of "all rights reserved"; prefixed navigation and calls to action (at
// most max_prefix_words) a first word that starts one; covered text (at most max_covered_words) a first word
// that starts a phrase, is filler or is a number. Article sentences fail it at once (most are too long for
// all but the copyright test), and then are never normalised.
bool may_be_boilerplate(std::string_view text, const token_list &spans, const phrase_table &t, std::string &scratch) {
    static_assert(max_covered_words <= max_prefix_words && max_prefix_words <= max_copyright_words);
    const std::size_t n = spans.size();
    if (n == 0 || n > max_copyright_words) return false;
    form_of(text.substr(spans[0].begin, spans[0].end - spans[0].begin), scratch);
    if (n <= max_prefix_words && t.nav_starts.count(scratch)) return true;
    if (n <= max_covered_words && (spans[0].number || t.line_starts.count(scratch))) return true;
    for (std::size_t i = 0; i < n; ++i) {
        const std::string_view word = text.substr(spans[i].begin, spans[i].end - spans[i].begin);
        if (t.copyright_chars.may_match(word) && normalises_to_one_of(word, t.copyright_chars)) return true;
    }
    return false;
}

// Leaves in `starts` the byte offsets in `text` where a boilerplate segment may begin in the window
// [from, to) (after a sentence end, or at a marker word), and the window's token spans in `toks` (at most
// `token_limit` of them); `complete` tells whether the window had no more tokens than that. Both vectors are
// the caller's, reused from line to line. The starts found among the first n tokens do not depend on the limit,
// so a smaller limit gives a prefix of the starts a larger one gives.
void segment_starts(std::string_view text, std::size_t from, std::size_t to, token_list &toks,
                    std::vector<std::size_t> &starts, std::size_t token_limit = max_tokens * 4,
                    bool *complete = nullptr) {
    const std::string_view window = text.substr(from, to - from);
    const bool all = tokenize(window, token_limit, &toks, detail_level::spans);
    if (complete) *complete = all;
    const phrase_table &t = table();
    starts.clear();
    for (std::size_t i = 0; i < toks.size(); ++i) {
        if (i == 0 && from > 0) continue;  // may be the tail of a word cut by the window
        const std::size_t pos = from + toks[i].begin;
        if (pos == 0) continue;
        const std::string_view word = window.substr(toks[i].begin, toks[i].end - toks[i].begin);
        if (follows_sentence_end_fast(text, pos) || (t.marker_chars.may_match(word) && is_marker(word, t)))
            starts.push_back(pos);
    }
}

// Moves `pos` forward to the start of a UTF-8 sequence.
std::size_t align(std::string_view text, std::size_t pos) {
    while (pos < text.size() && (static_cast<unsigned char>(text[pos]) & 0xC0) == 0x80) ++pos;
    return pos;
}

// The judgement of is_boilerplate on text already tokenised (at most max_tokens tokens, at least one).
bool judge(std::string_view text, const token_list &toks, std::string &reason) {
    const phrase_table &t = table();
    category cat = category::navigation;
    if (is_copyright(text, toks, t)) {
        cat = category::copyright;
    } else if (is_prefixed_navigation(text, toks, t)) {
        cat = category::navigation;
    } else if (!is_covered(toks, t, cat)) {
        return false;
    }
    reason = category_name(cat);
    return true;
}

// is_boilerplate on trimmed text. A line of more than max_tokens tokens is never boilerplate, and most
// lines are article paragraphs far longer than that, so tokens are first only counted: normalising and
// judging is left for short text.
bool judge(std::string_view text, token_list &toks, std::string &reason) {
    if (!tokenize(text, max_tokens, nullptr, detail_level::count)) return false;
    tokenize(text, max_tokens, &toks);
    return !toks.empty() && judge(text, std::as_const(toks), reason);
}


// The spans of the tokens of a window of a text: `toks` were found by tokenising text[from, from + size),
// `complete` when the window had no more tokens than the limit asked for.
struct window_spans {
    token_list toks;
    std::size_t from = 0;
    bool complete = true;
};

// Leaves in `out` the spans of the segment text[a, b) (a at a token start, b at most the start of the next
// token, so no token crosses either end), relative to a, as tokenize would find them, and returns false
// when it has more than max_tokens tokens. Segments lie inside windows whose spans are already known, so
// the spans are copied from there, which is what tokenising would give: a token's extent depends only on
// the characters up to the next one, and segments end before one. Where the window does not reach (a
// window cut at its token limit), the segment is tokenised.
bool segment_spans(std::string_view text, std::size_t a, std::size_t b, const window_spans &w, token_list &out) {
    const std::vector<token> &wt = w.toks.toks;
    const bool known = a >= w.from && (w.complete || (!wt.empty() && b <= w.from + wt.back().end));
    if (!known) return tokenize(text.substr(a, b - a), max_tokens, &out, detail_level::spans);
    out.clear();
    auto it = std::lower_bound(wt.begin(), wt.end(), a - w.from,
                               [](const token &t, std::size_t at) { return t.begin < at; });
    for (; it != wt.end() && w.from + it->begin < b; ++it) {
        if (out.size() == max_tokens) return false;
        out.toks.push_back(token{w.from + it->begin - a, w.from + it->end - a, 0, 0, it->number});
    }
    return true;
}

}  // namespace

std::string_view strip_boilerplate(std::string_view line, std::vector<removed_block> &removed) {
    std::string_view text = trim(line);
    if (text.empty()) return text;
    std::string reason;
    // Kept per thread so that lines do not allocate (this runs on every line of every document): the spans
    // of the trailing and leading windows, and the tokens of the segment being judged.
    thread_local window_spans tail_window, head_window;
    thread_local token_list toks;
    const std::size_t tail_from = text.size() > edge_window_bytes ? align(text, text.size() - edge_window_bytes) : 0;
    tail_window.from = tail_from;
    thread_local std::vector<std::size_t> tail_starts, head_starts;
    segment_starts(text, tail_from, text.size(), tail_window.toks, tail_starts, max_tokens * 4, &tail_window.complete);
    // The whole line: only a line of at most max_tokens tokens can be boilerplate. When the trailing window
    // is the whole line (most lines), its tokens tell that without a counting pass.
    const bool short_line = tail_from == 0 ? tail_window.toks.size() <= max_tokens
                                           : tokenize(text, max_tokens, nullptr, detail_level::count);
    // judge() on text whose spans are in `spans`, normalising only text that passes may_be_boilerplate.
    const phrase_table &t = table();
    thread_local std::string scratch;
    const auto judged_boilerplate = [&](std::string_view segment, const token_list &spans) {
        if (!may_be_boilerplate(segment, spans, t, scratch)) return false;
        tokenize(segment, max_tokens, &toks);
        return judge(segment, std::as_const(toks), reason);
    };
    if (short_line) {
        bool judged = false;
        if (tail_from != 0) {
            tokenize(text, max_tokens, &toks, detail_level::spans);
            judged = judged_boilerplate(text, toks);
        } else {
            judged = judged_boilerplate(text, tail_window.toks);
        }
        if (judged) {
            removed.push_back({std::string(text), reason});
            return {};
        }
    }
    // Trailing segments, nearest first: the shortest boilerplate suffix is cut, then the search repeats from
    // the new end. Trying the nearest start first keeps a lenient rule (a "©" anywhere in a short segment)
    // from swallowing the article sentence that precedes the footer.
    std::vector<removed_block> tail;
    std::size_t end = text.size();
    {
        const std::vector<std::size_t> &starts = tail_starts;
        for (auto it = starts.rbegin(); it != starts.rend();) {
            if (*it >= end) {
                ++it;
                continue;
            }
            const std::string_view seg = trim(text.substr(*it, end - *it));
            if (!segment_spans(text, *it, *it + seg.size(), tail_window, toks)) break;
            if (judged_boilerplate(seg, toks)) {
                tail.push_back({std::string(seg), reason});
                end = trim(text.substr(0, *it)).size();
                it = starts.rbegin();
                continue;
            }
            // A longer suffix is tried only when this start split a "Prefix: title" unit; after a full stop
            // the failed segment is article text and must not be swallowed by a longer match.
            if (!follows_separator(text, *it)) break;
            ++it;
        }
    }
    // Leading segments ("Skip to content Exit mobile version The article …"), shortest first.
    std::size_t begin = 0;
    {
        const std::size_t to = std::min(end, align(text, std::min(end, edge_window_bytes)));
        // Most lines are shorter than one window, so both searches cover the whole line: reuse the starts.
        // Otherwise the window's starts are first found among its first max_tokens + 2 tokens only: while
        // nothing has been cut (begin == 0), a start after more than max_tokens tokens ends a segment too
        // long to judge and stops the search, so later starts cannot matter. Once a segment has been cut,
        // the rest of the window's starts are found after all.
        const bool reuse = tail_from == 0 && to == text.size();
        const window_spans &spans = reuse ? tail_window : head_window;
        if (!reuse) {
            head_window.from = 0;
            segment_starts(text, 0, to, head_window.toks, head_starts, max_tokens + 2, &head_window.complete);
        }
        const std::vector<std::size_t> &starts = reuse ? tail_starts : head_starts;
        bool more = !reuse && !head_window.complete;  // starts past the first max_tokens + 2 tokens not yet found
        std::size_t k = 0;
        bool stopped = false;
        while (true) {
            for (; k < starts.size() && !stopped; ++k) {
                if (starts[k] <= begin || starts[k] >= end) continue;
                const std::string_view seg = trim(text.substr(begin, starts[k] - begin));
                if (!segment_spans(text, begin, begin + seg.size(), spans, toks)) {
                    stopped = true;
                } else if (judged_boilerplate(seg, toks)) {
                    removed.push_back({std::string(seg), reason});
                    begin = starts[k];
                } else if (!follows_separator(text, starts[k])) {
                    stopped = true;
                }
            }
            if (stopped || !more || begin == 0) break;
            segment_starts(text, 0, to, head_window.toks, head_starts, max_tokens * 4, &head_window.complete);
            more = false;
        }
    }
    std::reverse(tail.begin(), tail.end());
    for (auto &r : tail) removed.push_back(std::move(r));
    return trim(text.substr(begin, end - begin));
}

}  // namespace detail

bool is_boilerplate(std::string_view line, std::string *reason) {
    detail::token_list toks;
    std::string why;
    if (!detail::judge(detail::trim(line), toks, why)) return false;
    if (reason) *reason = std::move(why);
    return true;
}

}  // namespace precis
