// Normalisation for matching: Arabic letter variants, diacritics, case and digits.
#include "precis/normalize.h"

#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/ustring.h>
#include <unicode/utf16.h>

#include "precis/utf8.h"
#include "text/normalize_detail.h"
#include "text/utf8_fast.h"

namespace precis {

namespace {

// The Arabic mapping for one code point: the replacement, or 0 to drop it, or the code point itself.
// Writers and OCR alternate between the hamza forms of alef, between ة and ه and between ى and ي, and add
// harakat only sometimes; matching must not depend on those choices.
char32_t arabic_fold(char32_t cp) noexcept {
    switch (cp) {
        case 0x0622:
        case 0x0623:
        case 0x0625:
        case 0x0671:
            return 0x0627;  // آ أ إ ٱ → ا
        case 0x0629:
            return 0x0647;  // ة → ه
        case 0x0649:
            return 0x064A;  // ى → ي
        case 0x0624:
            return 0x0648;  // ؤ → و
        case 0x0626:
            return 0x064A;  // ئ → ي
        case 0x0640:
            return 0;  // tatweel
        case 0x0670:
            return 0;  // superscript alef
        default:
            return cp >= 0x064B && cp <= 0x065F ? 0 : cp;  // harakat, shadda, sukun, hamza marks
    }
}

// Appends the full Unicode case folding of `cp` (CaseFolding.txt, C+F: "ß" → "ss") to `out`. Case folding
// maps each code point on its own, so folding character by character equals folding the whole string.
void append_case_folded(std::string &out, char32_t cp) {
    UChar src[2];
    int32_t src_len = 0;
    U16_APPEND_UNSAFE(src, src_len, cp);
    UChar folded[8];  // a full folding is at most three code points
    UErrorCode status = U_ZERO_ERROR;
    const int32_t n = u_strFoldCase(folded, 8, src, src_len, U_FOLD_CASE_DEFAULT, &status);
    if (U_FAILURE(status)) {
        append_utf8(out, cp);
        return;
    }
    for (int32_t i = 0; i < n;) {
        UChar32 c;
        U16_NEXT_UNSAFE(folded, i, c);
        append_utf8(out, static_cast<char32_t>(c));
    }
}

// Shared loop: Arabic folding always, plus ASCII lower-casing, digit mapping and Unicode case folding when
// `for_matching`. Returns whether invalid UTF-8 was seen (kept byte for byte here; see
// append_normalized_for_matching). Most characters map to themselves, so the loop copies runs of them at
// once and appends only what changes; only the characters that change under case folding reach ICU.
bool fold(std::string_view text, std::string &out, bool for_matching) {
    out.reserve(out.size() + text.size());
    bool invalid = false;
    std::size_t copied = 0;  // text[copied, pos) maps to itself and is not yet in `out`
    std::size_t pos = 0;
    const auto flush = [&](std::size_t upto) { out.append(text.substr(copied, upto - copied)); };
    while (pos < text.size()) {
        const auto c = static_cast<unsigned char>(text[pos]);
        if (c < 0x80) {
            if (for_matching && c >= 'A' && c <= 'Z') {
                flush(pos);
                out.push_back(static_cast<char>(c + 32));
                copied = pos + 1;
            }
            ++pos;
            continue;
        }
        const std::size_t start = pos;
        const char32_t cp = detail::decode_fast(text, pos);
        if (cp >= 0x0600 && cp <= 0x06FF) {
            const char32_t folded = arabic_fold(cp);
            const int digit = for_matching ? arabic_digit_value(folded) : -1;
            if (folded == cp && digit < 0) continue;
            flush(start);
            if (digit >= 0) out.push_back(static_cast<char>('0' + digit));
            else if (folded != 0) detail::append_utf8_fast(out, folded);
            copied = pos;
        } else if (cp == 0xFFFD && text.substr(start, pos - start) != "\xEF\xBF\xBD") {
            invalid = true;  // the bytes stay as they were
        } else if (for_matching && u_hasBinaryProperty(static_cast<UChar32>(cp), UCHAR_CHANGES_WHEN_CASEFOLDED)) {
            flush(start);
            append_case_folded(out, cp);
            copied = pos;
        }
    }
    flush(pos);
    return invalid;
}

}  // namespace

int arabic_digit_value(char32_t cp) noexcept {
    if (cp >= 0x0660 && cp <= 0x0669) return static_cast<int>(cp - 0x0660);
    if (cp >= 0x06F0 && cp <= 0x06F9) return static_cast<int>(cp - 0x06F0);
    return -1;
}

std::string normalize_arabic(std::string_view text) {
    std::string out;
    fold(text, out, false);
    return out;
}

void detail::append_normalized_for_matching(std::string &out, std::string_view text) {
    // Full Unicode case folding (CaseFolding.txt: "Straße" → "strasse", "ΣΊΣΥΦΟΣ" → "σίσυφοσ") for the
    // non-ASCII, non-Arabic letters. Folding never produces whitespace, so word boundaries are preserved.
    const std::size_t begin = out.size();
    if (!fold(text, out, true)) return;
    // Invalid UTF-8 (outside every caller's precondition) reads as U+FFFD through ICU's converter, as it
    // always has here; folding is idempotent, so the characters already folded stay as they are.
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(
        icu::StringPiece(out.data() + begin, static_cast<int32_t>(out.size() - begin)));
    u.foldCase();
    out.resize(begin);
    u.toUTF8String(out);
}

char32_t detail::arabic_for_matching(char32_t cp) noexcept {
    const char32_t folded = arabic_fold(cp);
    const int digit = arabic_digit_value(folded);
    return digit >= 0 ? static_cast<char32_t>('0' + digit) : folded;
}

std::string normalize_for_matching(std::string_view text) {
    std::string out;
    detail::append_normalized_for_matching(out, text);
    return out;
}

}  // namespace precis
