// Word index shared by the checks. The whole text is normalised once (normalize_for_matching keeps word
// boundaries), so per-word work is a scan, not an allocation per word.
#include "verify/text_index.h"

#include <algorithm>

#include "precis/normalize.h"
#include "precis/utf8.h"
#include "precis/words.h"
#include "text/normalize_detail.h"
#include "text/utf8_fast.h"

namespace precis::detail {

namespace {

// Appends the letters and digits of `word` to `out`: punctuation glued to a word («», quotes, commas,
// apostrophes) must not stop "بون." from matching "بون".
void append_letters(std::string &out, std::string_view word) {
    std::size_t kept = 0;  // word[kept, pos) is a run of letters and digits not yet appended
    std::size_t pos = 0;
    while (pos < word.size()) {
        const std::size_t start = pos;
        const char32_t cp = decode_fast(word, pos);
        if (cp < 0x80) {
            if ((cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z')) continue;
            out.append(word.substr(kept, start - kept));
            if (cp >= 'A' && cp <= 'Z') out.push_back(static_cast<char>(cp - 'A' + 'a'));
            kept = pos;
        } else if (!((cp >= 0x0621 && cp <= 0x064A) || is_letter_or_digit(cp))) {  // Arabic letters: no lookup
            out.append(word.substr(kept, start - kept));
            kept = pos;
        }
    }
    out.append(word.substr(kept));
}

// What append_form does with one code point of the Arabic block (U+0600–U+06FF), looked up instead of
// computed: Arabic is nearly all of the text indexed in Arabic checks, and arabic_for_matching plus the
// letter test per character cost more than the rest of the per-word work.
struct arabic_action {
    char16_t to = 0;     // code point to append, 0 to drop the character
    bool same = false;   // kept unchanged (to == the code point): extends the run copied as is
    bool digit = false;  // an Arabic-Indic or Persian digit
    bool letter = false; // an Arabic letter, U+0621–U+064A but tatweel (what indexed_word::arabic_only means)
    bool alnum = false;  // is_letter_or_digit
};

struct arabic_table {
    arabic_action at[0x100];
};

const arabic_table &arabic_actions() {
    static const arabic_table table = [] {
        arabic_table t;
        for (char32_t cp = 0x0600; cp <= 0x06FF; ++cp) {
            const char32_t m = arabic_for_matching(cp);
            const bool keep = m != 0 && (m < 0x80 || (m >= 0x0621 && m <= 0x064A) || is_letter_or_digit(m));
            arabic_action &a = t.at[cp - 0x0600];
            a.to = keep ? static_cast<char16_t>(m) : 0;
            a.same = keep && m == cp;
            a.digit = (cp >= 0x0660 && cp <= 0x0669) || (cp >= 0x06F0 && cp <= 0x06F9);
            a.letter = cp >= 0x0621 && cp <= 0x064A && cp != 0x0640;
            a.alnum = is_letter_or_digit_fast(cp);
        }
        return t;
    }();
    return table;
}

// Appends the matching form of `word`: append_letters(normalize_for_matching(word)), computed character by
// character (normalisation maps each character on its own). ASCII and the Arabic block, nearly all the
// text, are mapped inline; other characters go through normalize_for_matching one at a time (`scratch`).
// Also says whether the word holds a digit (ASCII, Arabic-Indic or Persian), whether it is Arabic letters
// only, and where its last letter or digit ends, which later scans would otherwise find out in passes of
// their own.
struct form_flags {
    bool digit = false;
    bool arabic_only = true;
    std::size_t alnum_end = 0;  // offset in the word just past its last letter or digit; 0 when none
};

form_flags append_form(std::string &out, std::string_view word, std::string &scratch, const arabic_table &arabic) {
    // Characters kept unchanged (most of them) are appended a run at a time: word[kept, pos).
    std::size_t kept = 0;
    std::size_t pos = 0;
    bool digit = false;
    bool arabic_only = !word.empty();
    std::size_t alnum_end = 0;
    const std::size_t n = word.size();
    const auto flush = [&](std::size_t upto) { out.append(word.data() + kept, upto - kept); };
    while (pos < n) {
        const std::size_t start = pos;
        const auto c0 = static_cast<unsigned char>(word[pos]);
        if (c0 < 0x80) {
            ++pos;
            arabic_only = false;
            if (c0 >= '0' && c0 <= '9') {
                digit = true;
                alnum_end = pos;
                continue;
            }
            if (c0 >= 'a' && c0 <= 'z') {
                alnum_end = pos;
                continue;
            }
            flush(start);
            if (c0 >= 'A' && c0 <= 'Z') {
                out.push_back(static_cast<char>(c0 - 'A' + 'a'));
                alnum_end = pos;
            }
        } else if ((c0 & 0xFC) == 0xD8 && pos + 1 < n && (static_cast<unsigned char>(word[pos + 1]) & 0xC0) == 0x80) {
            // U+0600–U+06FF is D8–DB followed by a continuation byte: the table index comes from the two
            // bytes without a full decode.
            const auto c1 = static_cast<unsigned char>(word[pos + 1]);
            pos += 2;
            const arabic_action a = arabic.at[((c0 & 0x03u) << 6) | (c1 & 0x3Fu)];
            digit = digit || a.digit;
            arabic_only = arabic_only && a.letter;
            if (a.alnum) alnum_end = pos;
            if (a.same) continue;
            flush(start);
            if (a.to != 0) append_utf8_fast(out, a.to);
        } else {
            if (is_letter_or_digit_fast(decode_fast(word, pos))) alnum_end = pos;
            arabic_only = false;
            flush(start);
            scratch.clear();
            append_normalized_for_matching(scratch, word.substr(start, pos - start));
            append_letters(out, scratch);
        }
        kept = pos;
    }
    flush(pos);
    return {digit, arabic_only, alnum_end};
}

}  // namespace

// FNV-1a. A hash taking eight bytes per multiply measured no faster here, and the hash order decides which
// of equally repeated 4-grams the repetition detail quotes.
std::uint64_t hash_bytes(std::string_view bytes) noexcept {
    std::uint64_t h = 0xcbf29ce484222325ull;
    for (unsigned char c : bytes) {
        h ^= c;
        h *= 0x100000001b3ull;
    }
    return h;
}

std::size_t text_index::word_at(std::size_t offset) const {
    auto it = std::upper_bound(words.begin(), words.end(), offset,
                               [](std::size_t off, const indexed_word &w) { return off < w.end; });
    return static_cast<std::size_t>(it - words.begin());
}

text_index index_text(std::string_view text) {
    text_index idx;
    idx.text = text;
    const std::vector<word_span> spans = find_words(text);
    idx.words.reserve(spans.size());
    idx.form_begin.reserve(spans.size() + 1);
    idx.forms.reserve(text.size());
    // normalize_for_matching maps each character on its own and keeps word boundaries, so normalising word
    // by word gives each word the form it has in the normalised text, without a second find_words over a
    // normalised copy of the whole text.
    std::string scratch;
    const arabic_table &arabic = arabic_actions();
    for (std::size_t i = 0; i < spans.size(); ++i) {
        idx.form_begin.push_back(static_cast<std::uint32_t>(idx.forms.size()));
        const form_flags flags =
            append_form(idx.forms, text.substr(spans[i].begin, spans[i].end - spans[i].begin), scratch, arabic);
        const std::string_view f = std::string_view(idx.forms).substr(idx.form_begin.back());
        // Sentence end: terminal punctuation after the word's last letter or digit, or a blank line before
        // the next word. Each byte is looked at once or twice, so this stays linear.
        // A single line break is not an end: hard-wrapped text (EASC breaks lines inside sentences) would
        // otherwise cut "3000 ريال" from the rest of its sentence. A blank line (a paragraph break) is.
        const std::size_t gap_end = i + 1 < spans.size() ? spans[i + 1].begin : text.size();
        bool end = false;
        int breaks = 0;
        for (std::size_t p = spans[i].begin + flags.alnum_end; p < gap_end && !end;) {
            const char32_t cp = decode_fast(text, p);
            breaks += cp == '\n';
            end = cp == '.' || cp == '!' || cp == '?' || cp == ';' || breaks >= 2 || cp == 0x061F || cp == 0x061B ||
                  cp == 0x06D4 || cp == 0x3002 || cp == 0xFF01 || cp == 0xFF1F || cp == 0x2026;
        }
        idx.words.push_back(
            {spans[i].begin, spans[i].end, f.empty() ? 0 : hash_bytes(f), end, flags.digit, flags.arabic_only});
    }
    idx.form_begin.push_back(static_cast<std::uint32_t>(idx.forms.size()));
    return idx;
}

}  // namespace precis::detail
