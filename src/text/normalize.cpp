// Normalisation for matching: Arabic letter variants, diacritics, case and digits.
#include "precis/normalize.h"

#include <unicode/unistr.h>

#include "precis/utf8.h"

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

// Shared loop: Arabic folding always, plus ASCII lower-casing and digit mapping when `for_matching`.
// Returns whether a non-ASCII code point outside the Arabic block was seen (it may need Unicode case
// folding).
bool fold(std::string_view text, std::string &out, bool for_matching) {
    out.reserve(text.size());
    bool needs_case_folding = false;
    std::size_t pos = 0;
    while (pos < text.size()) {
        const auto c = static_cast<unsigned char>(text[pos]);
        if (c < 0x80) {
            out.push_back(for_matching && c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32)
                                                               : static_cast<char>(c));
            ++pos;
            continue;
        }
        const std::size_t start = pos;
        char32_t cp = next_code_point(text, pos);
        if (cp >= 0x0600 && cp <= 0x06FF) {
            cp = arabic_fold(cp);
            if (cp == 0) continue;
            if (for_matching) {
                const int digit = arabic_digit_value(cp);
                if (digit >= 0) {
                    out.push_back(static_cast<char>('0' + digit));
                    continue;
                }
            }
            append_utf8(out, cp);
        } else {
            needs_case_folding = true;
            out.append(text.substr(start, pos - start));  // keep the bytes as they were, even invalid ones
        }
    }
    return needs_case_folding;
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

std::string normalize_for_matching(std::string_view text) {
    std::string out;
    if (!fold(text, out, true)) return out;
    // Full Unicode case folding (ICU, CaseFolding.txt: "Straße" → "strasse", "ΣΊΣΥΦΟΣ" → "σίσυφοσ") for the
    // non-ASCII, non-Arabic letters. Folding never produces whitespace, so word boundaries are preserved.
    icu::UnicodeString u =
        icu::UnicodeString::fromUTF8(icu::StringPiece(out.data(), static_cast<int32_t>(out.size())));
    u.foldCase();
    std::string folded;
    u.toUTF8String(folded);
    return folded;
}

}  // namespace precis
