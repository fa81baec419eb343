// Ingest entry points: input checks (empty, too large, binary, UTF-8), format sniffing, and dispatch to the
// text cleaner or the HTML extractor.
#include "precis/ingest.h"

#include <algorithm>
#include <cstring>
#include <string>

#include <fmt/format.h>

#include "charset.h"
#include "clean.h"
#include "html.h"
#include "precis/error.h"
#include "precis/utf8.h"

namespace precis {
namespace {

constexpr std::string_view utf8_bom = "\xEF\xBB\xBF";
// How much of the input the control-character test samples; binary formats show themselves in their
// first kilobytes, and a bounded sample keeps the check O(1) for huge inputs.
constexpr std::size_t binary_sample_bytes = 8192;

void check_size(std::string_view bytes) {
    if (bytes.empty() || bytes.find_first_not_of(" \t\r\n\f\v") == std::string_view::npos)
        throw error(errc::bad_input, "input is empty: nothing to summarize");
    if (bytes.size() > max_input_bytes)
        throw error(errc::bad_input,
                    fmt::format("input is too large ({} bytes; the limit is {} bytes): split it or summarize "
                                "a part",
                                bytes.size(), max_input_bytes),
                    std::to_string(bytes.size()));
}

// Refuses data that is not text: any NUL byte (UTF-8 text never has one), or a sample in which more than
// one byte in ten is a control character other than tab, newline, carriage return and form feed.
void check_not_binary(std::string_view bytes) {
    const void *nul = std::memchr(bytes.data(), '\0', bytes.size());
    if (nul) {
        const auto offset = static_cast<std::size_t>(static_cast<const char *>(nul) - bytes.data());
        throw error(errc::bad_input,
                    fmt::format("input looks binary (NUL byte at offset {}); precis reads UTF-8 text or HTML",
                                offset),
                    std::to_string(offset));
    }
    const std::size_t n = std::min(bytes.size(), binary_sample_bytes);
    std::size_t controls = 0;
    // Branch-free, so the compiler can vectorise it.
    for (std::size_t i = 0; i < n; ++i) {
        const auto c = static_cast<unsigned char>(bytes[i]);
        controls += static_cast<std::size_t>(((c < 0x20) & (c != '\t') & (c != '\n') & (c != '\r') & (c != '\f')) |
                                             (c == 0x7F));
    }
    if (controls * 10 > n)
        throw error(errc::bad_input,
                    fmt::format("input looks binary ({} control characters in the first {} bytes); precis "
                                "reads UTF-8 text or HTML",
                                controls, n));
}

bool starts_with_icase(std::string_view s, std::string_view prefix) {
    if (s.size() < prefix.size()) return false;
    for (std::size_t i = 0; i < prefix.size(); ++i) {
        char c = s[i];
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
        if (c != prefix[i]) return false;
    }
    return true;
}

}  // namespace

document ingest_text(std::string_view bytes) {
    check_size(bytes);
    check_not_binary(bytes);
    // Validate before stripping the BOM so the reported offset is an offset into the caller's bytes.
    validate_utf8(bytes, "input");
    if (bytes.substr(0, utf8_bom.size()) == utf8_bom) bytes.remove_prefix(utf8_bom.size());
    document doc;
    doc.format = "text";
    detail::clean_text(bytes, doc);
    if (doc.text.empty())
        throw error(errc::bad_input,
                    "input has no content left after removing boilerplate (share, copyright and navigation "
                    "lines): nothing to summarize");
    return doc;
}

document ingest_html(std::string_view bytes) {
    check_size(bytes);
    // The charset decides what a NUL byte means (UTF-16 is full of them), so convert first.
    const std::string utf8 = detail::html_to_utf8(bytes);
    check_not_binary(utf8);
    document doc;
    doc.format = "html";
    detail::html_content content = detail::extract_html(utf8);
    doc.title = std::move(content.title);
    detail::clean_text(content.text, doc);
    if (doc.text.empty())
        throw error(errc::bad_input, "the HTML page has no article text that precis could find: nothing to "
                                     "summarize (is it a page of links, or rendered by JavaScript?)");
    return doc;
}

bool detail::looks_like_html(std::string_view bytes) {
    if (bytes.substr(0, utf8_bom.size()) == utf8_bom) bytes.remove_prefix(utf8_bom.size());
    const std::size_t first = bytes.find_first_not_of(" \t\r\n\f");
    if (first == std::string_view::npos) return false;
    const std::string_view head = bytes.substr(first, 1024);
    if (starts_with_icase(head, "<!doctype html") || starts_with_icase(head, "<html") ||
        starts_with_icase(head, "<?xml") || starts_with_icase(head, "<!--"))
        return true;
    // Fragments: count well-known tags near the start; prose that mentions one tag stays text.
    static constexpr std::string_view tags[] = {"<p>", "<p ", "<div", "<br", "<head", "<body", "<meta", "<title",
                                                "<article", "<span", "<a href", "<h1", "<h2", "<h3", "<ul", "<li",
                                                "<table", "<section", "<script", "<link", "</p>", "</div>"};
    std::size_t found = 0;
    for (std::size_t i = 0; i < head.size(); ++i) {
        if (head[i] != '<') continue;
        for (std::string_view tag : tags)
            if (starts_with_icase(head.substr(i), tag)) {
                ++found;
                break;
            }
    }
    return found >= 2 || (head[0] == '<' && found >= 1);
}

document ingest(std::string_view bytes) {
    return detail::looks_like_html(bytes) ? ingest_html(bytes) : ingest_text(bytes);
}

}  // namespace precis
