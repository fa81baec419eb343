// Word counting and paragraph splitting: the one implementation of DESIGN.md "Counting".
#include "precis/words.h"

#include "text/utf8_fast.h"

#include <array>
#include <bit>
#include <cstdint>
#include <cstring>
#include <unicode/uchar.h>

#include "precis/utf8.h"

namespace precis {

namespace {

// Byte classes for the ASCII fast path. News text is mostly ASCII or mostly two-byte Arabic/Cyrillic; a table
// lookup per ASCII byte keeps count_words well above 100 MB/s without changing the result.
enum : unsigned char { ascii_space = 0, ascii_alnum = 1, ascii_other = 2, non_ascii = 3 };

constexpr std::array<unsigned char, 256> make_byte_classes() {
    std::array<unsigned char, 256> t{};
    for (int c = 0; c < 256; ++c) {
        if (c >= 0x80)
            t[c] = non_ascii;
        else if (c == ' ' || (c >= 0x09 && c <= 0x0D))
            t[c] = ascii_space;
        else if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
            t[c] = ascii_alnum;
        else
            t[c] = ascii_other;
    }
    return t;
}
constexpr auto byte_classes = make_byte_classes();

// A line is blank when it holds only whitespace (spaces, tabs, NBSP, a stray CR).
bool is_blank(std::string_view line) noexcept {
    std::size_t pos = 0;
    while (pos < line.size())
        if (!is_space(next_code_point(line, pos))) return false;
    return true;
}


}  // namespace

bool is_clause_mark(char32_t cp) noexcept {
    return cp == U',' || cp == U'\u060C' || cp == U';' || cp == U'\u061B' || cp == U':' || cp == U'\uFF0C' ||
           cp == U'\u3001' || cp == U'\uFF1B' || cp == U'\uFF1A';
}

bool ends_at_clause_mark(std::string_view text) noexcept {
    bool mark = false;
    for (std::size_t pos = 0; pos < text.size();) {
        const char32_t cp = next_code_point(text, pos);
        if (is_letter_or_digit(cp)) mark = false;
        else if (is_clause_mark(cp)) mark = true;
    }
    return mark;
}

bool is_space(char32_t cp) noexcept {
    // Unicode White_Space (PropList.txt). U+200B ZERO WIDTH SPACE is deliberately not a space: it is not
    // White_Space, and text that uses it between words is rare enough that we follow the standard.
    if (cp < 0x80) return byte_classes[cp] == ascii_space;
    switch (cp) {
        case 0x85:
        case 0xA0:
        case 0x1680:
        case 0x2028:
        case 0x2029:
        case 0x202F:
        case 0x205F:
        case 0x3000:
            return true;
        default:
            return cp >= 0x2000 && cp <= 0x200A;
    }
}

bool is_letter_or_digit(char32_t cp) noexcept {
    if (cp < 0x80) return byte_classes[cp] == ascii_alnum;
    // Arabic letters are the most common non-ASCII case; answer them without a property lookup.
    if (cp >= 0x0621 && cp <= 0x064A)
        return cp != 0x0640;  // tatweel is a modifier letter but not a letter of a word
    return (U_GET_GC_MASK(static_cast<UChar32>(cp)) & (U_GC_L_MASK | U_GC_N_MASK)) != 0;
}

bool is_counted_per_character(char32_t cp) noexcept {
    // Han (CJK Unified Ideographs and extensions, compatibility ideographs, 々 〇), Hiragana, Katakana, and
    // half-width Katakana. Punctuation in these blocks (・, 。) is excluded by the letter test.
    const bool cjk = (cp >= 0x3040 && cp <= 0x30FF) || (cp >= 0x31F0 && cp <= 0x31FF) ||
                     (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) ||
                     (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFF66 && cp <= 0xFF9D) ||
                     (cp >= 0x20000 && cp <= 0x3FFFF) || cp == 0x3005 || cp == 0x3007;
    return cjk && is_letter_or_digit(cp);
}

void word_counter::feed(char32_t cp) noexcept {
    if (is_space(cp)) {
        in_run_ = false;
        run_counted_ = false;
        return;
    }
    in_run_ = true;
    if (is_counted_per_character(cp)) {
        // A Han/kana character is a word of its own and ends the stretch before it: "AI芯片x" is AI, 芯, 片,
        // x.
        ++words_;
        run_counted_ = false;
    } else if (!run_counted_ && is_letter_or_digit(cp)) {
        ++words_;
        run_counted_ = true;
    }
}

namespace {

// Classes of every code point below U+0800 (the one- and two-byte UTF-8 range: Latin, Greek, Cyrillic,
// Hebrew, Arabic), computed once from the same predicates feed(char32_t) uses. Arabic and Cyrillic text then
// counts at table speed instead of one Unicode property lookup per letter.
const std::array<unsigned char, 0x800> &two_byte_classes() {
    static const auto table = [] {
        std::array<unsigned char, 0x800> t{};
        for (char32_t cp = 0; cp < 0x800; ++cp)
            t[cp] = is_space(cp) ? ascii_space : is_letter_or_digit(cp) ? ascii_alnum : ascii_other;
        return t;
    }();
    return table;
}

}  // namespace

namespace {

// The eight-bytes-at-a-time paths below read byte i of a loaded word as its i-th character.
static_assert(std::endian::native == std::endian::little, "the SWAR text paths assume a little-endian machine");

constexpr std::uint64_t ascii_ones = 0x0101010101010101ull, ascii_highs = 0x8080808080808080ull;

// The per-byte rule of feed() for eight ASCII bytes at once (byte i of `w` is the i-th character). A
// letter or digit starts a word when no letter or digit came after the last space before it (or, for the
// first ones, when the run was not counted yet); other punctuation changes nothing. "A letter or digit
// since the last space" is a running value reset by spaces, computed for all eight bytes by three
// doubling steps (a parallel prefix scan). Class tests are carry-free additions on bytes below 0x80.
inline void feed_ascii8(std::uint64_t w, std::size_t &words, bool &counted, bool &in_run) noexcept {
    const auto in_range = [w](unsigned lo, unsigned hi) {  // top bit of each byte in [lo, hi]
        return (w + ascii_ones * (0x80 - lo)) & ~(w + ascii_ones * (0x7F - hi)) & ascii_highs;
    };
    const std::uint64_t folded = w | (ascii_ones * 0x20);
    const std::uint64_t letter = (folded + ascii_ones * (0x80 - 'a')) & ~(folded + ascii_ones * (0x7F - 'z')) & ascii_highs;
    const std::uint64_t alnum_bits = letter | in_range('0', '9');
    const std::uint64_t space_bits = in_range(' ', ' ') | in_range('\t', '\r');
    const std::uint64_t alnum = (alnum_bits >> 7) * 0xFF, space = (space_bits >> 7) * 0xFF;
    std::uint64_t seen = alnum, pass = ~space;
    seen |= (seen << 8) & pass;
    pass &= pass << 8 | 0xFF;
    seen |= (seen << 16) & pass;
    pass &= pass << 16 | 0xFFFF;
    seen |= (seen << 32) & pass;
    pass &= pass << 32 | 0xFFFFFFFFull;
    if (counted) seen |= pass;
    const std::uint64_t before = seen << 8 | (counted ? 0xFF : 0);  // the value before each byte
    // The starts are top bits of bytes: their count is the sum of the bytes of (starts >> 7), gathered in
    // the top byte by one multiplication (no popcount instruction is assumed).
    words += static_cast<std::size_t>((((alnum_bits & ~before) >> 7) * ascii_ones) >> 56);
    counted = (seen >> 63) != 0;
    in_run = (space_bits >> 63) == 0;
}

}  // namespace

void word_counter::feed(std::string_view utf8) noexcept {
    const auto &small = two_byte_classes();
    const auto *data = reinterpret_cast<const unsigned char *>(utf8.data());
    const std::size_t n = utf8.size();
    std::size_t pos = 0;
    std::size_t words = words_;
    bool in_run = in_run_;
    bool counted = run_counted_;
    while (pos < n) {
        // One class per character, then one branch-free state update for all of them: whether a character
        // is a space, a letter/digit or punctuation is not predictable in prose (ASCII or Arabic), and the
        // mispredictions cost more than the arithmetic. ASCII and well-formed two-byte sequences are looked
        // up in tables; everything else goes through the code-point machine.
        const unsigned char b0 = data[pos];
        unsigned char k;
        if (b0 < 0x80 && pos + 8 <= n) {
            std::uint64_t w;
            std::memcpy(&w, data + pos, 8);
            if ((w & ascii_highs) == 0) {
                feed_ascii8(w, words, counted, in_run);
                pos += 8;
                continue;
            }
        }
        if (b0 < 0x80) {
            k = byte_classes[b0];
            ++pos;
        } else if (b0 >= 0xC2 && b0 <= 0xDF && pos + 1 < n && (data[pos + 1] & 0xC0) == 0x80) {
            k = small[((b0 & 0x1Fu) << 6) | (data[pos + 1] & 0x3Fu)];
            pos += 2;
        } else {
            // Hand the state to the code-point machine and take it back, so both paths share one
            // definition of a word.
            words_ = words;
            in_run_ = in_run;
            run_counted_ = counted;
            std::size_t at = pos;  // a copy, so that `pos` stays in a register on the fast paths
            feed(next_code_point(utf8, at));
            pos = at;
            words = words_;
            in_run = in_run_;
            counted = run_counted_;
            continue;
        }
        const bool space = k == ascii_space, alnum = k == ascii_alnum;
        words += alnum && !counted;
        counted = alnum || (counted && !space);
        in_run = !space;
    }
    words_ = words;
    in_run_ = in_run;
    run_counted_ = counted;
}

std::size_t count_words(std::string_view text) noexcept {
    word_counter counter;
    counter.feed(text);
    return counter.words();
}

std::vector<word_span> find_words(std::string_view text) {
    std::vector<word_span> words;
    std::size_t pos = 0;
    // The current stretch: non-space characters since the last space or Han/kana character.
    std::size_t stretch_begin = 0;
    bool in_stretch = false;
    bool stretch_has_word = false;
    const auto close_stretch = [&](std::size_t end) {
        if (in_stretch && stretch_has_word) words.push_back({stretch_begin, end});
        in_stretch = false;
        stretch_has_word = false;
    };
    while (pos < text.size()) {
        const std::size_t start = pos;
        const char32_t cp = next_code_point(text, pos);
        if (is_space(cp)) {
            close_stretch(start);
        } else if (is_counted_per_character(cp)) {
            close_stretch(start);
            words.push_back({start, pos});
        } else {
            if (!in_stretch) {
                in_stretch = true;
                stretch_begin = start;
            }
            stretch_has_word = stretch_has_word || is_letter_or_digit(cp);
        }
    }
    close_stretch(text.size());
    return words;
}

std::vector<std::string_view> split_paragraphs(std::string_view text) {
    std::vector<std::string_view> paragraphs;
    std::size_t para_begin = 0;
    bool para_open = false;
    std::size_t pos = 0;
    while (pos <= text.size()) {
        // A line ends at LF, CRLF, CR or the end of the text.
        // Two memchr scans (many bytes per step) instead of a loop over every byte of every paragraph.
        std::size_t end = text.size();
        if (pos < text.size()) {
            const char *from = text.data() + pos;
            std::size_t n = text.size() - pos;
            if (const void *lf = std::memchr(from, '\n', n)) n = static_cast<std::size_t>(static_cast<const char *>(lf) - from);
            if (const void *cr = std::memchr(from, '\r', n)) n = static_cast<std::size_t>(static_cast<const char *>(cr) - from);
            end = pos + n;
        }
        std::size_t next = end;
        if (next < text.size())
            next += (text[next] == '\r' && next + 1 < text.size() && text[next + 1] == '\n') ? 2 : 1;
        const std::string_view line = text.substr(pos, end - pos);
        if (is_blank(line)) {
            if (para_open) {
                const auto p = trim_space(text.substr(para_begin, pos - para_begin));
                if (!p.empty()) paragraphs.push_back(p);
                para_open = false;
            }
        } else if (!para_open) {
            para_open = true;
            para_begin = pos;
        }
        if (end >= text.size()) break;
        pos = next;
    }
    if (para_open) {
        const auto p = trim_space(text.substr(para_begin));
        if (!p.empty()) paragraphs.push_back(p);
    }
    return paragraphs;
}

std::string join_paragraphs(const std::vector<std::string> &paragraphs) {
    std::size_t size = 0;
    for (const auto &p : paragraphs) size += p.size() + 2;
    std::string out;
    out.reserve(size);
    for (const auto &p : paragraphs) {
        const auto t = trim_space(p);
        if (t.empty()) continue;  // an empty paragraph would make two blank lines in a row
        if (!out.empty()) out += "\n\n";
        out += t;
    }
    return out;
}

std::string_view trim_space(std::string_view s) noexcept {
    std::size_t b = 0;
    while (b < s.size()) {
        std::size_t p = b;
        if (!detail::is_space_fast(detail::decode_fast(s, p))) break;
        b = p;
    }
    std::size_t e = s.size();
    while (e > b) {
        // Step back to the start of the last code point (skip continuation bytes).
        std::size_t start = e - 1;
        while (start > b && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) --start;
        std::size_t p = start;
        if (!detail::is_space_fast(detail::decode_fast(s, p))) break;
        e = start;
    }
    return s.substr(b, e - b);
}

}  // namespace precis
