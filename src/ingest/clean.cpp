// Line normalisation and paragraph assembly (see clean.h).
#include "clean.h"

#include <algorithm>
#include <bit>
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include <unicode/uchar.h>

#include "boilerplate.h"
#include "precis/utf8.h"
#include "precis/words.h"

namespace precis::detail {
namespace {

// Zero-width characters and stray controls carry no text; removing them keeps word counts and boilerplate
// matching honest ("Share\u200b this" is still "Share this").
bool is_invisible(char32_t cp) {
    return (cp < 0x20 && cp != '\t') || cp == 0x7F || cp == 0xFEFF || cp == 0x200B || cp == 0x00AD ||
           (cp >= 0x80 && cp < 0xA0);
}

// The byte length of the character at `pos` when it is copied unchanged (printable ASCII, or a two-byte
// character other than the spaces U+0085, U+00A0 and the invisibles U+0080–U+009F, U+00AD: all of Arabic,
// Cyrillic, Greek, Hebrew and accented Latin); 0 for anything else.
std::size_t plain_length(std::string_view line, std::size_t pos) {
    const auto b = static_cast<unsigned char>(line[pos]);
    if (b >= 0x21 && b < 0x7F) return 1;
    if (b >= 0xC2 && b < 0xE0 && pos + 1 < line.size()) {
        const auto b1 = static_cast<unsigned char>(line[pos + 1]);
        const char32_t cp = (static_cast<char32_t>(b & 0x1F) << 6) | (b1 & 0x3F);
        if ((b1 & 0xC0) == 0x80 && cp > 0xA0 && cp != 0xAD) return 2;
    }
    return 0;
}

// 8 when the 8 bytes at `pos` are printable ASCII or single spaces between printable characters (the bulk of
// English text), so the copy loop below takes them in one step; 0 otherwise. A space may open the chunk only
// when `after_plain` (a plain character precedes it) and may not close it (what follows is not known here).
std::size_t plain_ascii_chunk(std::string_view line, std::size_t pos, bool after_plain) {
    if constexpr (std::endian::native != std::endian::little) return 0;
    if (pos + 8 > line.size()) return 0;
    std::uint64_t x;
    std::memcpy(&x, line.data() + pos, 8);
    constexpr std::uint64_t ones = 0x0101010101010101ull, high = 0x8080808080808080ull, low7 = 0x7F7F7F7F7F7F7F7Full;
    // Any byte < 0x20 (x - 0x20 borrows into its high bit), or >= 0x7F (x + 1 or x itself has the high bit).
    if ((((x - 0x20 * ones) & ~x) | ((x + ones) | x)) & high) return 0;
    // Exactly the bytes equal to a space, as high bits (no borrows across bytes).
    const std::uint64_t v = x ^ (0x20 * ones);
    const std::uint64_t spaces = ~(((v & low7) + low7) | v | low7);
    if (spaces & (spaces << 8)) return 0;                   // two spaces in a row
    if (spaces >> 63) return 0;                             // a space at the end (little-endian: last byte)
    if ((spaces & 0x80) && !after_plain) return 0;          // a space at the start of the line
    return 8;
}

// Copies `line` into `out` without invisible characters, turning tabs and other Unicode spaces into plain
// spaces and collapsing runs of them.
void append_clean_line(std::string &out, std::string_view line) {
    bool pending_space = false;
    std::size_t pos = 0;
    while (pos < line.size()) {
        const std::size_t start = pos;
        // The common case: a run of plain characters, with single ASCII spaces between them (which the
        // collapsing below would write back unchanged), appended at once: usually the whole line.
        std::size_t run = pos;
        while (run < line.size()) {
            if (const std::size_t n = plain_ascii_chunk(line, run, run > pos)) {
                run += n;
            } else if (const std::size_t n = plain_length(line, run)) {
                run += n;
            } else if (line[run] == ' ' && run > pos && run + 1 < line.size() && plain_length(line, run + 1)) {
                ++run;
            } else {
                break;
            }
        }
        if (run > pos) {
            if (pending_space) out.push_back(' ');
            pending_space = false;
            out.append(line.substr(pos, run - pos));
            pos = run;
            continue;
        }
        const char32_t cp = next_code_point(line, pos);
        if (is_space(cp)) {
            pending_space = true;
            continue;
        }
        if (is_invisible(cp)) continue;
        if (pending_space) out.push_back(' ');
        pending_space = false;
        out.append(line.substr(start, pos - start));
    }
}

// The first '\n' or '\r' at or after `pos`, or text.size(). Two memchr scans, because find_first_of with a
// set calls memchr on the set for every byte.
std::size_t line_end(std::string_view text, std::size_t pos) {
    if (pos >= text.size()) return text.size();
    const char *begin = text.data() + pos;
    std::size_t n = text.size() - pos;
    if (const void *lf = std::memchr(begin, '\n', n)) n = static_cast<std::size_t>(static_cast<const char *>(lf) - begin);
    if (const void *cr = std::memchr(begin, '\r', n)) n = static_cast<std::size_t>(static_cast<const char *>(cr) - begin);
    return pos + n;
}

// A line written to the clean text, as unwrap_hard_wrapped sees it.
struct written_line {
    std::size_t begin = 0;        // bytes of the line in the clean text
    std::size_t end = 0;
    std::size_t length = 0;       // code points (filled by unwrap_hard_wrapped)
    std::size_t first_word = 0;   // code points up to the first space (likewise)
    bool ends_sentence = false;   // (likewise)
    int first_case = 0;           // its first letter: 1 lower case, -1 upper case, 0 uncased (likewise)
    bool last_of_paragraph = false;
};

std::size_t code_point_count(std::string_view s) {
    return static_cast<std::size_t>(
        std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

// True when `line` ends with sentence-final punctuation or a closing quote or bracket.
bool ends_sentence(std::string_view line) {
    std::size_t pos = line.size();
    while (pos > 0 && (static_cast<unsigned char>(line[pos - 1]) & 0xC0) == 0x80) --pos;
    if (pos == 0) return false;
    --pos;
    while (pos > 0 && (static_cast<unsigned char>(line[pos]) & 0xC0) == 0x80) --pos;
    std::size_t at = pos;
    switch (next_code_point(line, at)) {
    case '.': case '!': case '?': case ':': case '"': case '\'': case ')':
    case U'\u061F': case U'\u06D4': case U'\u2026': case U'\u00BB': case U'\u201D': case U'\u3002':
    case U'\uFF01': case U'\uFF1F':
        return true;
    default:
        return false;
    }
}

// Text wrapped at a fixed width (plain-text mail, some news feeds) breaks lines in mid-sentence, and a line
// is where sentence segmentation stops, so each wrapped line would become a "sentence". A wrapping tool
// moves a word to the next line only when it does not fit, so inside a wrapped paragraph each line plus a
// space plus the next line's first word reaches the widest line (or within one character of it: tools
// differ on whether the limit is inclusive). Paragraphs of such text are often not separated by blank
// lines, so their last lines fail the test. A document is taken as hard-wrapped when its widest line is 50
// to 200 characters, at least half of its lines inside blank-line blocks pass the test, most of those end
// without sentence punctuation, and, in a cased script, most of the lines after them start in lower case
// (40 of the 153 EASC articles, none of the 181 scrapinghub article bodies). Then each line that passes
// continues on the next, and its line break becomes a space (one byte for one, in place). Headings, a
// paragraph's last line, lists of short or capitalised items and text written one paragraph per line stay
// lines; a list of long uncased (e.g. Arabic) lines of equal width cannot be told from a wrap.
void unwrap_hard_wrapped(std::string &text, std::vector<written_line> &lines) {
    constexpr std::size_t min_inner_lines = 3, min_width = 50, max_width = 200;
    // A line of more than 4 bytes per allowed character is too wide whatever it holds: most text (one
    // paragraph per line) is turned away here without decoding a byte.
    for (const auto &l : lines)
        if (l.end - l.begin > 4 * max_width) return;
    std::size_t width = 0;
    for (auto &l : lines) {
        const std::string_view line(text.data() + l.begin, l.end - l.begin);
        l.length = code_point_count(line);
        l.first_word = code_point_count(line.substr(0, std::min(line.find(' '), line.size())));
        l.ends_sentence = ends_sentence(line);
        std::size_t at = 0;
        const char32_t first = line.empty() ? 0 : next_code_point(line, at);
        l.first_case = u_islower(static_cast<UChar32>(first)) ? 1 : u_isupper(static_cast<UChar32>(first)) ? -1 : 0;
        width = std::max(width, l.length);
    }
    if (width < min_width || width > max_width) return;
    auto wrapped = [&](std::size_t i) {
        return !lines[i].last_of_paragraph && i + 1 < lines.size() &&
               lines[i].length + 1 + lines[i + 1].first_word >= width;
    };
    std::size_t inner = 0, passing = 0, open = 0, cased_next = 0, lower_next = 0;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (lines[i].last_of_paragraph) continue;
        ++inner;
        if (!wrapped(i)) continue;
        ++passing;
        if (!lines[i].ends_sentence) ++open;
        cased_next += lines[i + 1].first_case != 0;
        lower_next += lines[i + 1].first_case > 0;
    }
    // In a cased script a wrap mostly goes on in lower case, while headlines and list items start with a
    // capital; Arabic has no case and is judged by the line geometry alone.
    if (inner < min_inner_lines || passing * 2 < inner || open * 2 < passing || lower_next * 2 < cased_next) return;
    for (std::size_t i = 0; i < lines.size(); ++i)
        if (wrapped(i) && lines[i].end < text.size() && text[lines[i].end] == '\n') text[lines[i].end] = ' ';
}

}  // namespace

void clean_text(std::string_view text, document &doc) {
    std::string &out = doc.text;
    out.clear();
    out.reserve(text.size());
    std::string line;
    bool paragraph_open = false;  // a line of the current paragraph has been written
    bool blank_pending = false;   // a blank line was seen since the last written line
    std::vector<written_line> lines;
    std::size_t pos = 0;
    while (pos <= text.size()) {
        const std::size_t eol = line_end(text, pos);
        line.clear();
        append_clean_line(line, text.substr(pos, eol - pos));
        // CRLF counts as one line end, a lone CR as one too.
        std::size_t next = eol + 1;
        if (eol < text.size() && text[eol] == '\r' && next < text.size() && text[next] == '\n') ++next;
        pos = next;

        if (line.empty()) {
            blank_pending = true;
            continue;
        }
        const std::string_view kept = strip_boilerplate(line, doc.removed);
        // A removed line does not split a paragraph: a share line between two halves of one paragraph is
        // rare, a share line between paragraphs is already surrounded by blank lines.
        if (kept.empty()) continue;
        if (paragraph_open) out += blank_pending ? "\n\n" : "\n";
        if (!lines.empty() && blank_pending) lines.back().last_of_paragraph = true;
        lines.push_back({out.size(), out.size() + kept.size()});
        out.append(kept);
        paragraph_open = true;
        blank_pending = false;
    }
    if (!lines.empty()) lines.back().last_of_paragraph = true;
    unwrap_hard_wrapped(out, lines);
}

}  // namespace precis::detail
