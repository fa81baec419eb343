// Line normalisation and paragraph assembly (see clean.h).
#include "clean.h"

#include <cstring>
#include <string>

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

// Copies `line` into `out` without invisible characters, turning tabs and other Unicode spaces into plain
// spaces and collapsing runs of them.
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

void append_clean_line(std::string &out, std::string_view line) {
    bool pending_space = false;
    std::size_t pos = 0;
    while (pos < line.size()) {
        const std::size_t start = pos;
        // The common case: a run of plain characters, with single ASCII spaces between them (which the
        // collapsing below would write back unchanged), appended at once: usually the whole line.
        std::size_t run = pos;
        while (run < line.size()) {
            if (const std::size_t n = plain_length(line, run)) {
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

}  // namespace

void clean_text(std::string_view text, document &doc) {
    std::string &out = doc.text;
    out.clear();
    out.reserve(text.size());
    std::string line;
    bool paragraph_open = false;  // a line of the current paragraph has been written
    bool blank_pending = false;   // a blank line was seen since the last written line
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
        out.append(kept);
        paragraph_open = true;
        blank_pending = false;
    }
}

}  // namespace precis::detail
