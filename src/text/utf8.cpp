// UTF-8 validation, decoding and encoding (RFC 3629).
#include "precis/utf8.h"

#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string>

#include "precis/error.h"

namespace precis {

namespace {

constexpr char32_t replacement = 0xFFFD;

// Length of the valid sequence starting at `pos`, or 0 when it is invalid. Follows the well-formed byte
// table of Unicode 15 §3.9 (Table 3-7), which rejects overlong forms, surrogates and values above U+10FFFF
// by narrowing the range of the second byte.
std::size_t valid_sequence_at(std::string_view s, std::size_t pos) noexcept {
    const auto b = [&](std::size_t i) { return static_cast<unsigned char>(s[pos + i]); };
    const std::size_t left = s.size() - pos;
    const unsigned char c0 = b(0);
    if (c0 < 0x80) return 1;
    const auto cont = [](unsigned char c) { return (c & 0xC0) == 0x80; };
    if (c0 >= 0xC2 && c0 <= 0xDF) return left >= 2 && cont(b(1)) ? 2 : 0;
    if (c0 >= 0xE0 && c0 <= 0xEF) {
        if (left < 3) return 0;
        const unsigned char c1 = b(1);
        const unsigned char lo = c0 == 0xE0 ? 0xA0 : 0x80;
        const unsigned char hi = c0 == 0xED ? 0x9F : 0xBF;
        return c1 >= lo && c1 <= hi && cont(b(2)) ? 3 : 0;
    }
    if (c0 >= 0xF0 && c0 <= 0xF4) {
        if (left < 4) return 0;
        const unsigned char c1 = b(1);
        const unsigned char lo = c0 == 0xF0 ? 0x90 : 0x80;
        const unsigned char hi = c0 == 0xF4 ? 0x8F : 0xBF;
        return c1 >= lo && c1 <= hi && cont(b(2)) && cont(b(3)) ? 4 : 0;
    }
    return 0;
}

}  // namespace

std::optional<std::size_t> find_invalid_utf8(std::string_view text) noexcept {
    std::size_t pos = 0;
    const std::size_t n = text.size();
    while (pos < n) {
        // ASCII fast path: most input is mostly ASCII; test eight bytes at a time.
        while (pos + 8 <= n) {
            std::uint64_t chunk = 0;
            std::memcpy(&chunk, text.data() + pos, 8);  // one load; the byte order does not matter here
            if (chunk & 0x8080808080808080ULL) break;
            pos += 8;
        }
        if (pos >= n) break;
        // Single ASCII bytes and two-byte sequences (Latin accents, Greek, Cyrillic, Hebrew, Arabic) inline.
        const auto c0 = static_cast<unsigned char>(text[pos]);
        if (c0 < 0x80) {
            ++pos;
            continue;
        }
        if (c0 >= 0xC2 && c0 <= 0xDF && pos + 1 < n && (static_cast<unsigned char>(text[pos + 1]) & 0xC0) == 0x80) {
            pos += 2;
            continue;
        }
        const std::size_t len = valid_sequence_at(text, pos);
        if (len == 0) return pos;
        pos += len;
    }
    return std::nullopt;
}

void validate_utf8(std::string_view text, std::string_view what) {
    const auto bad = find_invalid_utf8(text);
    if (!bad) return;
    // Show the offending byte and the one after it, as in "(0xC3 0x28)", so the user can find it in a hex
    // dump.
    std::string bytes;
    for (std::size_t i = *bad; i < text.size() && i < *bad + 2; ++i) {
        char buf[8];
        std::snprintf(buf, sizeof buf, "%s0x%02X", bytes.empty() ? "" : " ",
                      static_cast<unsigned>(static_cast<unsigned char>(text[i])));
        bytes += buf;
    }
    std::string message = std::string(what) + " is not valid UTF-8 at byte " + std::to_string(*bad) + " (" +
                          bytes + "); convert it to UTF-8 first (e.g. iconv -f windows-1256 -t utf-8)";
    throw error{errc::bad_input, std::move(message), std::to_string(*bad)};
}

char32_t next_code_point(std::string_view text, std::size_t &pos) noexcept {
    if (pos >= text.size()) return replacement;
    const auto c0 = static_cast<unsigned char>(text[pos]);
    if (c0 < 0x80) {
        ++pos;
        return c0;
    }
    const std::size_t len = valid_sequence_at(text, pos);
    if (len == 0) {
        ++pos;
        return replacement;
    }
    char32_t cp = 0;
    switch (len) {
        case 2:
            cp = c0 & 0x1F;
            break;
        case 3:
            cp = c0 & 0x0F;
            break;
        default:
            cp = c0 & 0x07;
            break;
    }
    for (std::size_t i = 1; i < len; ++i) cp = (cp << 6) | (static_cast<unsigned char>(text[pos + i]) & 0x3F);
    pos += len;
    return cp;
}

void append_utf8(std::string &out, char32_t cp) {
    // Surrogates and out-of-range values cannot be encoded; write U+FFFD so the output stays valid.
    if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = replacement;
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
}

int utf8_sequence_length(unsigned char lead) noexcept {
    if (lead < 0x80) return 1;
    if (lead >= 0xC2 && lead <= 0xDF) return 2;
    if (lead >= 0xE0 && lead <= 0xEF) return 3;
    if (lead >= 0xF0 && lead <= 0xF4) return 4;
    return 0;
}

}  // namespace precis
