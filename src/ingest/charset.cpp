// HTML charset detection and conversion to UTF-8 with ICU (see charset.h).
#include "charset.h"

#include <cctype>
#include <memory>
#include <unicode/ucnv.h>
#include <unicode/ustring.h>
#include <vector>

#include "precis/error.h"
#include "precis/utf8.h"

namespace precis::detail {
namespace {

// WHATWG Encoding, "get an encoding": the web reads these labels as windows-1252.
bool is_latin1_label(const std::string &name) {
    return name == "iso-8859-1" || name == "latin1" || name == "us-ascii" || name == "ascii" ||
           name == "iso8859-1" || name == "l1" || name == "cp1252";
}

bool is_utf8_label(const std::string &name) {
    return name == "utf-8" || name == "utf8" || name == "unicode-1-1-utf-8";
}

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }

// Converts with ICU, substituting U+FFFD for bytes the charset cannot map. Returns false when ICU does not
// know the charset.
bool convert(std::string_view bytes, const char *charset, std::string &out) {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<UConverter, decltype(&ucnv_close)> conv(ucnv_open(charset, &status), &ucnv_close);
    if (U_FAILURE(status) || !conv) return false;
    // One UTF-16 unit per input byte is enough for every single- and multi-byte charset, plus slack for
    // four-byte sequences that expand to surrogate pairs.
    std::vector<UChar> utf16(bytes.size() + 16);
    int32_t units = ucnv_toUChars(conv.get(), utf16.data(), static_cast<int32_t>(utf16.size()), bytes.data(),
                                  static_cast<int32_t>(bytes.size()), &status);
    if (status == U_BUFFER_OVERFLOW_ERROR) {
        status = U_ZERO_ERROR;
        utf16.resize(static_cast<std::size_t>(units) + 1);
        units = ucnv_toUChars(conv.get(), utf16.data(), static_cast<int32_t>(utf16.size()), bytes.data(),
                              static_cast<int32_t>(bytes.size()), &status);
    }
    if (U_FAILURE(status)) return false;
    out.resize(static_cast<std::size_t>(units) * 3 + 1);
    int32_t length = 0;
    status = U_ZERO_ERROR;
    u_strToUTF8WithSub(out.data(), static_cast<int32_t>(out.size()), &length, utf16.data(), units, 0xFFFD,
                       nullptr, &status);
    if (U_FAILURE(status)) return false;
    out.resize(static_cast<std::size_t>(length));
    return true;
}

}  // namespace

std::string declared_charset(std::string_view html) {
    if (html.substr(0, 3) == "\xEF\xBB\xBF") return "utf-8";
    if (html.substr(0, 2) == "\xFF\xFE") return "utf-16le";
    if (html.substr(0, 2) == "\xFE\xFF") return "utf-16be";
    std::string head(html.substr(0, 8192));
    for (char &c : head) c = lower(c);
    std::size_t pos = 0;
    while ((pos = head.find("<meta", pos)) != std::string::npos) {
        const std::size_t close = head.find('>', pos);
        const std::string_view tag =
            std::string_view(head).substr(pos, close == std::string::npos ? std::string::npos : close - pos);
        pos += 5;
        const std::size_t cs = tag.find("charset");
        if (cs == std::string_view::npos) continue;
        std::size_t i = cs + 7;
        while (i < tag.size() && (tag[i] == ' ' || tag[i] == '\t')) ++i;
        if (i >= tag.size() || tag[i] != '=') continue;
        ++i;
        while (i < tag.size() && (tag[i] == ' ' || tag[i] == '"' || tag[i] == '\'')) ++i;
        std::string name;
        while (i < tag.size() && (std::isalnum(static_cast<unsigned char>(tag[i])) || tag[i] == '-' ||
                                  tag[i] == '_' || tag[i] == '.' || tag[i] == ':'))
            name.push_back(tag[i++]);
        if (!name.empty()) return name;
    }
    return {};
}

std::string html_to_utf8(std::string_view html) {
    std::string charset = declared_charset(html);
    if (html.substr(0, 3) == "\xEF\xBB\xBF") html.remove_prefix(3);
    if (charset.rfind("utf-16", 0) == 0 && html.size() >= 2 &&
        (html.substr(0, 2) == "\xFF\xFE" || html.substr(0, 2) == "\xFE\xFF")) {
        std::string out;
        // ICU's "UTF-16" converter reads the byte-order mark itself.
        if (convert(html, "UTF-16", out)) {
            if (out.substr(0, 3) == "\xEF\xBB\xBF") out.erase(0, 3);
            return out;
        }
    }
    // A page that says UTF-16 in a <meta> but has no BOM was evidently saved as something ASCII-compatible.
    if (charset.empty() || is_utf8_label(charset) || charset.rfind("utf-16", 0) == 0) {
        if (!find_invalid_utf8(html)) return std::string(html);
        std::string out;
        // Declared UTF-8 with a few bad bytes: keep the text, mark the bad bytes. Undeclared: the web default.
        if (convert(html, charset.empty() ? "windows-1252" : "UTF-8", out)) return out;
        return std::string(html);
    }
    std::string out;
    if (convert(html, is_latin1_label(charset) ? "windows-1252" : charset.c_str(), out)) return out;
    // Unknown label: treat as undeclared.
    if (!find_invalid_utf8(html)) return std::string(html);
    if (convert(html, "windows-1252", out)) return out;
    throw error(errc::bad_input, "the HTML page declares an unknown charset and is not UTF-8: convert it to UTF-8",
                charset);
}

}  // namespace precis::detail
