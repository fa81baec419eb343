// src/ingest/charset.h — the character set of an HTML page, and conversion to UTF-8.
#pragma once

#include <string>
#include <string_view>

namespace precis::detail {

// The charset an HTML page declares: a byte-order mark, or <meta charset=…> / <meta http-equiv=
// "Content-Type" content="…; charset=…"> within the first 8 KiB. Lower case; empty when none is declared.
std::string declared_charset(std::string_view html);

// The page as UTF-8 (without a byte-order mark). Undeclared pages that are not valid UTF-8 are read as
// windows-1252, as browsers do; ISO-8859-1 and US-ASCII are read as windows-1252 too (WHATWG Encoding).
// Bytes invalid in the charset become U+FFFD. An unknown charset name falls back to the same rules as an
// undeclared one. Uses ICU converters; thread-safe.
std::string html_to_utf8(std::string_view html);

}  // namespace precis::detail
