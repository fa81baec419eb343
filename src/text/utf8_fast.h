// src/text/utf8_fast.h — inline fast paths of precis/utf8.h and precis/words.h for per-character loops.
//
// next_code_point, append_utf8 and is_letter_or_digit are out-of-line calls. In loops that look at every
// character of every document (ingest, segmentation, the check index) the call costs more than the work:
// ASCII and two-byte sequences (Latin accents, Greek, Cyrillic, Hebrew, Arabic) are answered here inline,
// and everything else falls through to the real functions, so results are identical by construction.
#pragma once

#include <string>
#include <string_view>

#include "precis/utf8.h"
#include "precis/words.h"

namespace precis::detail {

// Same result and same `pos` advance as next_code_point (which it calls for anything but ASCII and
// well-formed two-byte sequences). Precondition: pos < text.size().
inline char32_t decode_fast(std::string_view text, std::size_t &pos) noexcept {
    const auto c0 = static_cast<unsigned char>(text[pos]);
    if (c0 < 0x80) {
        ++pos;
        return c0;
    }
    if (c0 >= 0xC2 && c0 < 0xE0 && pos + 1 < text.size()) {
        const auto c1 = static_cast<unsigned char>(text[pos + 1]);
        if ((c1 & 0xC0) == 0x80) {
            pos += 2;
            return (static_cast<char32_t>(c0 & 0x1F) << 6) | static_cast<char32_t>(c1 & 0x3F);
        }
    }
    return next_code_point(text, pos);
}

// Same as append_utf8.
inline void append_utf8_fast(std::string &out, char32_t cp) {
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
        const char bytes[2] = {static_cast<char>(0xC0 | (cp >> 6)), static_cast<char>(0x80 | (cp & 0x3F))};
        out.append(bytes, 2);
    } else {
        append_utf8(out, cp);
    }
}

// Same as is_letter_or_digit.
inline bool is_letter_or_digit_fast(char32_t cp) noexcept {
    if (cp < 0x80) return (cp >= '0' && cp <= '9') || ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z');
    if (cp >= 0x0621 && cp <= 0x064A) return cp != 0x0640;  // Arabic letters (tatweel is not one)
    return is_letter_or_digit(cp);
}

// Same as is_space.
inline bool is_space_fast(char32_t cp) noexcept {
    if (cp < 0x80) return cp == ' ' || (cp >= '\t' && cp <= '\r');
    if (cp < 0x800) return cp == 0x85 || cp == 0xA0;
    return is_space(cp);
}

}  // namespace precis::detail
