// precis/utf8.h — UTF-8 validation, decoding and encoding.
//
// All precis text is UTF-8 in std::string / std::string_view. Input is validated once, at ingest; after that
// the decoders below may assume valid text (they still never read past the end, and yield U+FFFD on bad bytes).
// All functions are thread-safe and allocate only where they return a std::string.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace precis {

// Byte offset of the first invalid UTF-8 sequence (overlong forms, surrogates and code points above
// U+10FFFF are invalid), or nullopt when the text is valid.
std::optional<std::size_t> find_invalid_utf8(std::string_view text) noexcept;

// Throws error{bad_input} when `text` is not valid UTF-8, e.g.
// "input is not valid UTF-8 at byte 4711 (0xC3 0x28)"; `what` names the input ("input", "summary", a path).
void validate_utf8(std::string_view text, std::string_view what = "input");

// Decodes the code point starting at `pos` and advances `pos` past it. Invalid bytes yield U+FFFD and
// advance one byte. Precondition: pos < text.size().
char32_t next_code_point(std::string_view text, std::size_t &pos) noexcept;

// Appends the UTF-8 encoding of `cp` to `out`.
void append_utf8(std::string &out, char32_t cp);

// Length in bytes of the sequence a lead byte announces (1–4), or 0 for a continuation or invalid byte.
int utf8_sequence_length(unsigned char lead) noexcept;

}  // namespace precis
