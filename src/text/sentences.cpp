// Sentence segmentation: ICU's sentence BreakIterator (UAX #29), line by line, with vetoes for abbreviations,
// initials, ellipses and quotations.
#include "precis/sentences.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>

#include "precis/error.h"
#include "precis/utf8.h"
#include "precis/words.h"
#include "text/utf8_fast.h"

namespace precis {

namespace {

// Why not ICU's FilteredBreakIteratorBuilder ("ss=standard")? In ICU 72 it matches an abbreviation as a
// suffix of the word before the period: with "ca." suppressed, "Africa. Then" stays one sentence, and with
// "م." (Arabic), every sentence whose last word ends in م does. That cost 12 points of F1 on Arabic PUD. We
// therefore take ICU's plain UAX #29 breaks and veto a break ourselves when the whole last word is a known
// abbreviation, an initial, or a dotted acronym (see keeps_sentence_open).
constexpr std::string_view abbreviations[] = {
    // Titles and ranks.
    "Mr.",
    "Mrs.",
    "Ms.",
    "Dr.",
    "Prof.",
    "Sen.",
    "Rep.",
    "Gov.",
    "Gen.",
    "Lt.",
    "Col.",
    "Sgt.",
    "Capt.",
    "Cmdr.",
    "Adm.",
    "Maj.",
    "Rev.",
    "Hon.",
    "Pres.",
    "Supt.",
    "Jr.",
    "Sr.",
    "St.",
    "Mt.",
    "Ft.",
    "Messrs.",
    "Mme.",
    "Mlle.",
    // Before a number or a date.
    "No.",
    "Nos.",
    "no.",
    "Vol.",
    "vol.",
    "pp.",
    "p.",
    "Fig.",
    "fig.",
    "Art.",
    "art.",
    "Ch.",
    "ch.",
    "Sec.",
    "Jan.",
    "Feb.",
    "Mar.",
    "Apr.",
    "Jun.",
    "Jul.",
    "Aug.",
    "Sept.",
    "Sep.",
    "Oct.",
    "Nov.",
    "Dec.",
    "approx.",
    "ca.",
    "c.",
    "est.",
    "Est.",
    "Dept.",
    "Univ.",
    "Bros.",
    "vs.",
    "v.",
    "cf.",
    "al.",
    "Ave.",
    "Blvd.",
    // Latin and measure abbreviations followed by more of the sentence.
    "e.g.",
    "i.e.",
    "viz.",
    "etc.,",
    // French, Spanish, German forms common in news.
    "M.",
    "MM.",
    "Sr.",
    "Sra.",
    "Dña.",
    "Hr.",
    "Fr.",
    "Nr.",
    "bzw.",
    "z.B.",
    "u.a.",
    "S.",
    "av.",
    "art.",
};

bool is_abbreviation(std::string_view word) {
    for (auto a : abbreviations)
        if (a == word) return true;
    return false;
}

bool is_letter(char32_t cp) {
    return is_letter_or_digit(cp) && !(cp >= '0' && cp <= '9') && u_isalpha(cp);
}

// "U.S.", "e.g.", "a.m.", "U.S.A.": letters each followed by a period, at least two of them.
bool is_dotted_acronym(std::string_view word) {
    std::size_t pos = 0;
    int letters = 0;
    while (pos < word.size()) {
        if (!is_letter(detail::decode_fast(word, pos))) return false;
        if (pos >= word.size() || word[pos] != '.') return false;
        ++pos;
        ++letters;
    }
    return letters >= 2;
}

// "F." in "John F. Kennedy", "ز." in "أحمد ز. أمين": one letter and a period. "م." is excluded because after
// a year ("عام 2020 م.") it is the era marker that ends the sentence.
bool is_initial(std::string_view word) {
    std::size_t pos = 0;
    const char32_t cp = detail::decode_fast(word, pos);
    if (pos + 1 != word.size() || word[pos] != '.' || !is_letter(cp) || cp == U'\u0645') return false;
    return !u_islower(cp);
}

// True when a break ICU placed after `sentence` should be vetoed because its last word is not a sentence end.
bool keeps_sentence_open(std::string_view sentence) {
    // The last whitespace-separated word, without opening brackets or quotes.
    std::size_t cut = sentence.size();
    while (cut > 0) {
        std::size_t start = cut - 1;
        while (start > 0 && (static_cast<unsigned char>(sentence[start]) & 0xC0) == 0x80) --start;
        std::size_t p = start;
        if (detail::is_space_fast(detail::decode_fast(sentence, p))) break;
        cut = start;
    }
    std::string_view word = sentence.substr(cut);
    while (!word.empty() && std::string_view("([{\"'").find(word.front()) != std::string_view::npos)
        word.remove_prefix(1);
    if (word.size() >= 3 && word.substr(word.size() - 3) == "...") return true;  // ellipsis inside a sentence
    if (word.size() >= 3 && word.substr(word.size() - 3) == "\xE2\x80\xA6") return true;  // …
    if (word.empty() || word.back() != '.') return false;
    return is_abbreviation(word) || is_dotted_acronym(word) || is_initial(word);
}

// Quotation state over a line, so a break inside a quotation that closes later on the same line is vetoed:
// news writes multi-sentence quotes (He said: "We are on track. The deal will hold.") as one sentence.
// Straight quotes carry no direction, so one is taken as opening when it follows a space, the start or an
// opening bracket, and as closing otherwise; a stray quote then cannot flip every later quotation inside out.
struct quote_tracker {
    int depth = 0;
    char32_t previous = U' ';
    bool open() const { return depth > 0; }
    void feed(char32_t cp) {
        switch (cp) {
            case U'\u00AB':
            case U'\u201C':
                ++depth;
                break;
            case U'\u00BB':
            case U'\u201D':
                depth = depth > 0 ? depth - 1 : 0;
                break;
            case U'"':
                if (detail::is_space_fast(previous) || previous == U'(' || previous == U'[' || previous == U':')
                    ++depth;
                else
                    depth = depth > 0 ? depth - 1 : 0;
                break;
            default:
                break;
        }
        previous = cp;
    }
    // The same as feeding each code point of line[from, to) in turn (both offsets at code point
    // boundaries), but only the bytes that can start a quotation mark are looked at: '"', « » (C2 AB/BB)
    // and “ ” (E2 80 9C/9D). UTF-8 never has those bytes inside another character. This runs over every
    // byte of every line, so it must be cheap.
    void feed(std::string_view line, std::size_t from, std::size_t to) {
        if (from >= to) return;
        for (std::size_t i = from; i < to; ++i) {
            // Eight bytes without '"', 0xC2 or 0xE2 are passed at once (a zero-byte test for each).
            while (i + 8 <= to) {
                std::uint64_t w;
                std::memcpy(&w, line.data() + i, 8);
                constexpr std::uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
                const std::uint64_t a = w ^ (ones * '"'), b = w ^ (ones * 0xC2), e = w ^ (ones * 0xE2);
                if ((((a - ones) & ~a) | ((b - ones) & ~b) | ((e - ones) & ~e)) & highs) break;
                i += 8;
            }
            if (i >= to) break;
            const auto c = static_cast<unsigned char>(line[i]);
            char32_t mark = 0;
            if (c == '"') {
                mark = U'"';
            } else if (c == 0xC2 && i + 1 < to) {
                const auto c1 = static_cast<unsigned char>(line[i + 1]);
                mark = c1 == 0xAB ? U'\u00AB' : c1 == 0xBB ? U'\u00BB' : 0;
            } else if (c == 0xE2 && i + 2 < to && static_cast<unsigned char>(line[i + 1]) == 0x80) {
                const auto c2 = static_cast<unsigned char>(line[i + 2]);
                mark = c2 == 0x9C ? U'\u201C' : c2 == 0x9D ? U'\u201D' : 0;
            }
            if (mark == 0) continue;
            if (i > from) previous = code_point_before(line, i);
            feed(mark);
        }
        previous = code_point_before(line, to);
    }

  private:
    static char32_t code_point_before(std::string_view line, std::size_t pos) {
        std::size_t start = pos - 1;
        while (start > 0 && (static_cast<unsigned char>(line[start]) & 0xC0) == 0x80) --start;
        return detail::decode_fast(line, start);
    }
};

// True when every quotation open at `from` closes later in `line` (so the break at `from` is inside it).
// Looks at most max_quote_bytes ahead: a longer "quotation" is an unbalanced quote mark, and the bound keeps
// segmentation linear on a long line with a stray quote.
constexpr std::size_t max_quote_bytes = 1500;
bool quote_closes_later(std::string_view line, std::size_t from, quote_tracker state) {
    std::size_t pos = from;
    const std::size_t limit = std::min(line.size(), from + max_quote_bytes);
    while (pos < limit) {
        state.feed(detail::decode_fast(line, pos));
        if (!state.open()) return true;
    }
    return false;
}

// u_islower and u_isupper, answered inline for ASCII (where Ll and Lu are exactly a-z and A-Z).
bool is_lower(char32_t cp) { return cp < 0x80 ? cp >= 'a' && cp <= 'z' : u_islower(static_cast<UChar32>(cp)); }
bool is_upper(char32_t cp) { return cp < 0x80 ? cp >= 'A' && cp <= 'Z' : u_isupper(static_cast<UChar32>(cp)); }

// Scraped text often loses the space after a sentence end ("…on DeepSeek.Its rivals", "…capabilities”.“The
// first…"), and UAX #29 then sees no boundary. A terminator glued to the next sentence is taken as a break
// when it follows a lower-case letter or a closing quote/bracket and precedes an optional opening quote, an
// upper-case letter and a lower-case letter; "Node.js", "ASP.NET", "3.5" and "U.S.A" do not fit. Returns the
// position just after the first such terminator in [from, to), or npos.
// True when one of the eight bytes of `w` is '.', '!' or '?' (the classic test for a zero byte, applied
// to w XOR each terminator repeated: exact for "some byte is zero").
bool has_terminator(std::uint64_t w) {
    constexpr std::uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
    const std::uint64_t a = w ^ (ones * '.'), b = w ^ (ones * '!'), c = w ^ (ones * '?');
    return (((a - ones) & ~a) | ((b - ones) & ~b) | ((c - ones) & ~c)) & highs;
}

std::size_t next_glued_break(std::string_view line, std::size_t from, std::size_t to) {
    for (std::size_t i = from; i < to; ++i) {
        // Terminators are about one byte in a hundred: eight bytes without one are passed at once, which
        // spares a hard-to-predict branch per byte.
        while (i + 8 <= to) {
            std::uint64_t w;
            std::memcpy(&w, line.data() + i, 8);
            if (has_terminator(w)) break;
            i += 8;
        }
        if (i >= to) break;
        const auto c = static_cast<unsigned char>(line[i]);
        // Letters and all non-ASCII bytes are above '?': one comparison turns away most bytes.
        if (c > '?' || (c != '.' && c != '!' && c != '?') || i == 0) continue;
        std::size_t before = i - 1;
        while (before > 0 && (static_cast<unsigned char>(line[before]) & 0xC0) == 0x80) --before;
        std::size_t p = before;
        const char32_t prev = detail::decode_fast(line, p);
        if (!is_lower(prev) && prev != U'\u201D' && prev != U'\u00BB' && prev != U'\u2019' && prev != U')')
            continue;
        p = i + 1;
        if (p >= line.size()) continue;
        char32_t next = detail::decode_fast(line, p);
        if (next == U'\u201C' || next == U'\u00AB' || next == U'\u2018') {
            if (p >= line.size()) continue;
            next = detail::decode_fast(line, p);
        }
        if (!is_upper(next) || p >= line.size()) continue;
        if (is_lower(detail::decode_fast(line, p))) return i + 1;
    }
    return std::string_view::npos;
}

// ICU objects are expensive to build (rule data) but cheap to clone, so each language's iterator is built
// once.
std::unique_ptr<icu::BreakIterator> build_prototype(const std::string &lang) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Locale locale(lang.empty() ? "en" : lang.c_str());
    std::unique_ptr<icu::BreakIterator> base(icu::BreakIterator::createSentenceInstance(locale, status));
    if (U_FAILURE(status) || !base)
        throw error{errc::internal,
                    std::string("ICU could not create a sentence break iterator: ") + u_errorName(status),
                    lang};
    return base;
}

// A new iterator for `lang` ("ar", "en"; lower case, no region), cloned from one shared prototype per
// language. Clones are made under the lock because ICU documents BreakIterator objects, clone() included, as
// not safe for concurrent use of one instance.
std::unique_ptr<icu::BreakIterator> clone_iterator(const std::string &lang) {
    static std::mutex mutex;
    static std::map<std::string, std::unique_ptr<icu::BreakIterator>, std::less<>> prototypes;
    std::lock_guard lock(mutex);
    auto it = prototypes.find(lang);
    if (it == prototypes.end()) it = prototypes.emplace(lang, build_prototype(lang)).first;
    std::unique_ptr<icu::BreakIterator> copy(it->second->clone());
    if (!copy)
        throw error{errc::internal, "ICU could not clone a sentence break iterator (out of memory?)", lang};
    return copy;
}

// What one thread segments with. A clone per call cost more than segmenting a short paragraph (the clone
// allocates ICU's break caches), so each thread keeps one iterator per language and gives it each line
// with setText. The line is handed to ICU as UTF-16: on a UTF-8 UText ICU reads every non-ASCII character
// through an out-of-line call, which made its break loop cost twice as much on Arabic.
struct segmenter {
    std::map<std::string, std::unique_ptr<icu::BreakIterator>, std::less<>> iterators;
    // The current line in UTF-16 (its first `length` units) and the byte offset in the line of each unit,
    // then the line's end. Never shrunk, so a line costs no allocation and no zero-filling.
    std::u16string units;
    std::vector<std::uint32_t> byte_at;
    std::size_t length = 0;

    // The language asked for last and its iterator: analyze asks for one language paragraph after
    // paragraph, and then needs no string and no map lookup.
    std::string last_language;
    icu::BreakIterator *last_iterator = nullptr;

    icu::BreakIterator &iterator_for(std::string_view language) {
        if (last_iterator && language == last_language) return *last_iterator;
        std::string lang(language.substr(0, language.find_first_of("-_")));
        for (auto &c : lang) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
        auto it = iterators.find(lang);
        if (it == iterators.end()) it = iterators.emplace(lang, clone_iterator(lang)).first;
        last_language.assign(language);
        last_iterator = it->second.get();
        return *last_iterator;
    }

    // Converts `line` into `units` and `byte_at`. Invalid bytes (outside the precondition) become U+FFFD,
    // one per byte, as next_code_point reads them.
    void load(std::string_view line) {
        // Never more UTF-16 units than UTF-8 bytes.
        if (units.size() < line.size()) units.resize(line.size());
        if (byte_at.size() < line.size() + 1) byte_at.resize(line.size() + 1);
        std::size_t n = 0;
        std::size_t pos = 0;
        while (pos < line.size()) {
            // ASCII runs unit for byte, without decoding.
            while (pos < line.size() && static_cast<unsigned char>(line[pos]) < 0x80) {
                byte_at[n] = static_cast<std::uint32_t>(pos);
                units[n++] = static_cast<char16_t>(line[pos++]);
            }
            if (pos == line.size()) break;
            const auto start = static_cast<std::uint32_t>(pos);
            const char32_t cp = detail::decode_fast(line, pos);
            if (cp < 0x10000) {
                byte_at[n] = start;
                units[n++] = static_cast<char16_t>(cp);
            } else {
                byte_at[n] = start;
                units[n++] = static_cast<char16_t>(0xD7C0 + (cp >> 10));
                byte_at[n] = start;
                units[n++] = static_cast<char16_t>(0xDC00 | (cp & 0x3FF));
            }
        }
        byte_at[n] = static_cast<std::uint32_t>(line.size());
        length = n;
    }
};

// True when `text` holds a letter or a digit, i.e. count_words(text) > 0, answered at the first one.
bool has_word(std::string_view text) {
    std::size_t pos = 0;
    while (pos < text.size())
        if (detail::is_letter_or_digit_fast(detail::decode_fast(text, pos))) return true;
    return false;
}

// [begin, end) trimmed of Unicode whitespace.
sentence_span trim_span(std::string_view text, std::size_t begin, std::size_t end) {
    while (begin < end) {
        std::size_t p = begin;
        if (!detail::is_space_fast(detail::decode_fast(text, p))) break;
        begin = p;
    }
    while (end > begin) {
        std::size_t start = end - 1;
        while (start > begin && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) --start;
        std::size_t p = start;
        if (!detail::is_space_fast(detail::decode_fast(text, p))) break;
        end = start;
    }
    return {begin, end};
}

}  // namespace

std::vector<sentence_span> split_sentences(std::string_view text, std::string_view language) {
    std::vector<sentence_span> out;
    if (text.empty()) return out;
    thread_local segmenter seg;
    icu::BreakIterator &iter = seg.iterator_for(language);
    UText ut = UTEXT_INITIALIZER;

    // A line break is a hard boundary: in news text a line is a heading, a caption or a paragraph, and a
    // sentence never continues across a blank line. Each line is segmented on its own.
    std::size_t line_begin = 0;
    while (line_begin < text.size()) {
        // Two memchr scans: find_first_of with a set calls memchr on the set for every byte.
        std::size_t line_end = text.size();
        {
            const char *from = text.data() + line_begin;
            std::size_t n = text.size() - line_begin;
            if (const void *lf = std::memchr(from, '\n', n)) n = static_cast<std::size_t>(static_cast<const char *>(lf) - from);
            if (const void *cr = std::memchr(from, '\r', n)) n = static_cast<std::size_t>(static_cast<const char *>(cr) - from);
            line_end = line_begin + n;
        }
        const std::string_view line = text.substr(line_begin, line_end - line_begin);
        if (has_word(line)) {
            UErrorCode status = U_ZERO_ERROR;
            // ICU's indices are UTF-16 offsets into seg.units; seg.byte_at turns them into byte offsets.
            seg.load(line);
            utext_openUChars(&ut, seg.units.data(), static_cast<int64_t>(seg.length), &status);
            if (U_SUCCESS(status)) iter.setText(&ut, status);
            if (U_FAILURE(status)) {
                utext_close(&ut);
                throw error{errc::internal,
                            std::string("ICU could not segment text: ") + u_errorName(status)};
            }
            const std::size_t first_of_line = out.size();
            std::size_t start = 0;      // start of the pending sentence, relative to the line
            std::size_t quoted_to = 0;  // the quote tracker has read the line up to here
            quote_tracker quotes;
            // Decides on one candidate break at b (relative to the line): vetoed, or the end of a sentence.
            const auto consider = [&](std::size_t b) {
                quotes.feed(line, quoted_to, b);
                quoted_to = std::max(quoted_to, b);
                if (b < line.size()) {
                    const std::string_view candidate = line.substr(start, b - start);
                    const auto trimmed = trim_span(candidate, 0, candidate.size());
                    if (keeps_sentence_open(candidate.substr(trimmed.begin, trimmed.end - trimmed.begin)) ||
                        (quotes.open() && quote_closes_later(line, b, quotes)))
                        return;
                }
                const auto span = trim_span(text, line_begin + start, line_begin + b);
                start = b;
                quotes = quote_tracker{};  // a quotation does not outlive a sentence end we accepted
                if (span.begin == span.end) return;
                // A piece without a letter or digit (a stray "»", "—", "...") belongs to its neighbour.
                if (out.size() > first_of_line &&
                    (!has_word(text.substr(span.begin, span.end - span.begin)) ||
                     !has_word(text.substr(out.back().begin, out.back().end - out.back().begin)))) {
                    out.back().end = span.end;
                } else {
                    out.push_back(span);
                }
            };
            std::size_t glue_scanned = 0;
            for (int32_t next = iter.next(); next != icu::BreakIterator::DONE; next = iter.next()) {
                const auto b = static_cast<std::size_t>(seg.byte_at[static_cast<std::size_t>(next)]);
                for (auto g = next_glued_break(line, glue_scanned, b); g != std::string_view::npos;
                     g = next_glued_break(line, g, b))
                    consider(g);
                glue_scanned = b;
                consider(b);
            }
        }
        if (line_end >= text.size()) break;
        line_begin = line_end + 1;
    }
    utext_close(&ut);
    return out;
}

}  // namespace precis
