// Instruction tokenizer: words, numbers (Western and Eastern Arabic digits) and symbols with byte ranges.
#include "spec/spec_tokens.h"

#include <cmath>
#include <unicode/uchar.h>

#include "precis/utf8.h"
#include "precis/words.h"

namespace precis::detail {

namespace {

// The ASCII digit of a decimal digit in the scripts instructions use, or -1.
int digit_of(char32_t cp) noexcept {
    if (cp >= '0' && cp <= '9') return static_cast<int>(cp - '0');
    if (cp >= 0x0660 && cp <= 0x0669) return static_cast<int>(cp - 0x0660);  // Arabic-Indic ٠-٩
    if (cp >= 0x06F0 && cp <= 0x06F9) return static_cast<int>(cp - 0x06F0);  // Extended (Persian) ۰-۹
    if (cp >= 0xFF10 && cp <= 0xFF19) return static_cast<int>(cp - 0xFF10);  // full-width ０-９ (zh, ja)
    return -1;
}

bool is_han_or_kana(char32_t cp) noexcept { return is_counted_per_character(cp); }

bool is_word_char(char32_t cp) noexcept {
    if (digit_of(cp) >= 0) return false;
    const auto type = u_charType(static_cast<UChar32>(cp));
    return u_isalpha(static_cast<UChar32>(cp)) || type == U_NON_SPACING_MARK || type == U_COMBINING_SPACING_MARK ||
           cp == 0x0640;  // tatweel stretches Arabic words
}

bool is_arabic_letter(char32_t cp) noexcept { return cp >= 0x0600 && cp <= 0x06FF; }

// Appends the normalised form of one code point of a word (see the header).
void append_key(std::string &out, char32_t cp) {
    const auto type = u_charType(static_cast<UChar32>(cp));
    if (type == U_NON_SPACING_MARK || cp == 0x0640) return;  // Arabic harakat, tanween, tatweel
    switch (cp) {
    case 0x0622: case 0x0623: case 0x0625: case 0x0671: cp = 0x0627; break;  // alef forms → ا
    case 0x0649: case 0x06CC: cp = 0x064A; break;                             // ى, Persian ی → ي
    case 0x0629: cp = 0x0647; break;                                          // ة → ه
    case 0x06A9: cp = 0x0643; break;                                          // Persian ک → ك
    case 0x2019: cp = '\''; break;
    default: cp = static_cast<char32_t>(u_tolower(static_cast<UChar32>(cp))); break;
    }
    append_utf8(out, cp);
}

// Reads a number starting at `pos`: digits with ',' or '.' (or ٬ ٫) between digit groups. A separator
// followed by exactly three digits groups thousands ("1,500", "2.000"); a '.' or '٫' otherwise starts the
// fraction ("1.5").
void read_number(std::string_view text, std::size_t &pos, spec_token &tok) {
    double integer = 0.0, fraction = 0.0, scale = 1.0;
    bool in_fraction = false;
    std::size_t digits = 0;
    while (pos < text.size()) {
        std::size_t p = pos;
        const char32_t cp = next_code_point(text, p);
        const int d = digit_of(cp);
        if (d >= 0) {
            if (in_fraction) {
                scale /= 10.0;
                fraction += d * scale;
            } else {
                integer = integer * 10.0 + d;
            }
            tok.key += static_cast<char>('0' + d);
            ++digits;
            pos = p;
            continue;
        }
        const bool separator = cp == ',' || cp == '.' || cp == 0x066C || cp == 0x066B;
        if (!separator || in_fraction || p >= text.size()) break;
        // Count the digits after the separator.
        std::size_t q = p, group = 0;
        while (q < text.size()) {
            std::size_t r = q;
            if (digit_of(next_code_point(text, r)) < 0) break;
            ++group;
            q = r;
        }
        if (group == 0) break;
        const bool decimal_mark = cp == '.' || cp == 0x066B;
        if (group == 3 && !(decimal_mark && digits == 1 && integer == 0.0)) {
            pos = p;  // thousands separator: keep reading digits
            continue;
        }
        if (!decimal_mark) break;  // "1,5" — treat the comma as punctuation
        in_fraction = true;
        tok.key += '.';
        pos = p;
    }
    tok.value = integer + fraction;
    tok.integral = fraction == 0.0;
    if (digits > 15) tok.value = 1e18;  // far beyond any limit; keeps the arithmetic finite
}

}  // namespace

std::vector<spec_token> tokenize_instruction(std::string_view text) {
    std::vector<spec_token> tokens;
    tokens.reserve(text.size() / 4 + 4);
    std::size_t pos = 0;
    bool space = false, line = false;
    while (pos < text.size()) {
        const std::size_t start = pos;
        std::size_t p = pos;
        const char32_t cp = next_code_point(text, p);
        if (is_space(cp)) {
            space = true;
            if (cp == '\n' || cp == '\r' || cp == 0x2028 || cp == 0x2029) line = true;
            pos = p;
            continue;
        }
        // Format characters (byte-order mark, zero-width joiners, the RTL/LTR marks common in Arabic text)
        // are invisible: they neither separate nor form tokens.
        if (u_charType(static_cast<UChar32>(cp)) == U_FORMAT_CHAR) {
            pos = p;
            continue;
        }
        spec_token tok;
        tok.begin = start;
        tok.space_before = space || tokens.empty();
        tok.line_before = line;
        space = line = false;
        if (digit_of(cp) >= 0) {
            tok.kind = spec_token_kind::number;
            read_number(text, pos, tok);
        } else if (is_han_or_kana(cp)) {
            tok.kind = spec_token_kind::word;
            tok.han = true;
            append_key(tok.key, cp);
            pos = p;
        } else if (is_word_char(cp)) {
            tok.kind = spec_token_kind::word;
            tok.capitalized = u_isupper(static_cast<UChar32>(cp));
            tok.arabic = is_arabic_letter(cp);
            while (pos < text.size()) {
                std::size_t q = pos;
                const char32_t c = next_code_point(text, q);
                if (is_han_or_kana(c)) break;
                if (u_charType(static_cast<UChar32>(c)) == U_FORMAT_CHAR) {  // ZWNJ inside Persian words
                    pos = q;
                    continue;
                }
                if (is_word_char(c)) {
                    append_key(tok.key, c);
                    pos = q;
                    continue;
                }
                // An apostrophe between letters belongs to the word ("don't", "l'arabe").
                if ((c == '\'' || c == 0x2019) && q < text.size()) {
                    std::size_t r = q;
                    const char32_t next = next_code_point(text, r);
                    if (is_word_char(next) && !is_han_or_kana(next)) {
                        append_key(tok.key, c);
                        pos = q;
                        continue;
                    }
                }
                break;
            }
        } else {
            tok.kind = spec_token_kind::symbol;
            // The Arabic percent sign and the Unicode minus and hyphens read as their ASCII forms.
            std::string_view key = text.substr(start, p - start);
            if (cp == 0x066A) key = "%";
            else if (cp == 0x2212 || cp == 0x2010 || cp == 0x2011) key = "-";
            tok.key.assign(key.data(), key.size());
            pos = p;
        }
        tok.end = pos;
        tokens.push_back(std::move(tok));
    }
    return tokens;
}

std::string spec_key(std::string_view text) {
    std::string out;
    for (const auto &tok : tokenize_instruction(text)) {
        if (!out.empty()) out += ' ';
        out += tok.key;
    }
    return out;
}

bool has_arabic_proclitic(std::string_view key) noexcept {
    // Each of و ف ب ل ك is two bytes in UTF-8: 0xD9 0x88 (و), 0xD9 0x81 (ف), 0xD8 0xA8 (ب), 0xD9 0x84 (ل),
    // 0xD9 0x83 (ك). A key this short would be the letter alone, not a prefix.
    if (key.size() < 6) return false;
    const auto a = static_cast<unsigned char>(key[0]), b = static_cast<unsigned char>(key[1]);
    return (a == 0xD9 && (b == 0x88 || b == 0x81 || b == 0x84 || b == 0x83)) || (a == 0xD8 && b == 0xA8);
}

}  // namespace precis::detail
