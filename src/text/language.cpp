// Scripts, the table of supported languages, name lookup and language identification.
#include "precis/language.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <memory>
#include <mutex>
#include <optional>
#include <unordered_map>

#include <sys/mman.h>
#include <unistd.h>

#include <textcat.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>

#include "precis/error.h"
#include "precis/utf8.h"
#include "precis/words.h"
#include "text/utf8_fast.h"

namespace precis {

namespace {

using sv = std::string_view;

// Names are listed as people write them in instructions: the English name, the native name, adjectival and
// prefixed Arabic forms ("بالعربية" = "in Arabic"), names in the other major languages, and ISO 639-2/3
// codes. Lookup folds case, strips accents and normalises Arabic letters, so only one spelling of each is
// needed.
const std::vector<language> &language_table() {
    static const std::vector<language> table = {
        {"ar",
         "Arabic",
         "العربية",
         script::arabic,
         true,
         false,
         {"arabic", "العربية", "عربي", "عربية", "بالعربية", "بالعربي", "اللغة العربية", "باللغة العربية",
          "arabe", "árabe", "arabisch", "арабский", "阿拉伯语", "ara", "arb", "عربى", "عَرَبِيّ"}},
        {"en",
         "English",
         "English",
         script::latin,
         false,
         false,
         {"english",
          "الإنجليزية",
          "بالإنجليزية",
          "إنجليزي",
          "انجليزي",
          "الإنكليزية",
          "بالإنكليزية",
          "اللغة الإنجليزية",
          "باللغة الإنجليزية",
          "anglais",
          "inglés",
          "englisch",
          "английский",
          "英语",
          "英文",
          "英語",
          "inglese",
          "inglês",
          "ingilizce",
          "انگلیسی",
          "eng"}},
        {"fr",
         "French",
         "français",
         script::latin,
         false,
         false,
         {"french", "français", "francais", "الفرنسية", "بالفرنسية", "فرنسي", "اللغة الفرنسية",
          "باللغة الفرنسية", "französisch", "francés", "французский", "法语", "法文", "francese", "francês",
          "fransızca", "fra", "fre"}},
        {"es",
         "Spanish",
         "español",
         script::latin,
         false,
         false,
         {"spanish", "español", "castellano", "castilian", "الإسبانية", "بالإسبانية", "إسباني",
          "اللغة الإسبانية", "باللغة الإسبانية", "espagnol", "spanisch", "испанский", "西班牙语", "spagnolo",
          "espanhol", "spa"}},
        {"de",
         "German",
         "Deutsch",
         script::latin,
         false,
         false,
         {"german", "deutsch", "الألمانية", "بالألمانية", "ألماني", "اللغة الألمانية", "باللغة الألمانية",
          "allemand", "alemán", "немецкий", "德语", "tedesco", "alemão", "almanca", "deu", "ger"}},
        {"ru",
         "Russian",
         "русский",
         script::cyrillic,
         false,
         false,
         {"russian", "русский", "русском", "по-русски", "الروسية", "بالروسية", "روسي", "اللغة الروسية",
          "باللغة الروسية", "russe", "ruso", "russisch", "俄语", "russo", "rusça", "rus"}},
        {"zh",
         "Chinese",
         "中文",
         script::han,
         false,
         true,
         {"chinese",
          "mandarin",
          "中文",
          "汉语",
          "漢語",
          "普通话",
          "华语",
          "简体中文",
          "繁體中文",
          "繁体中文",
          "simplified chinese",
          "traditional chinese",
          "الصينية",
          "بالصينية",
          "صيني",
          "اللغة الصينية",
          "باللغة الصينية",
          "chinois",
          "chino",
          "chinesisch",
          "китайский",
          "cinese",
          "chinês",
          "çince",
          "zho",
          "chi",
          "cmn"}},
        {"ja",
         "Japanese",
         "日本語",
         script::kana,
         false,
         true,
         {"japanese", "日本語", "にほんご", "日语", "日文", "اليابانية", "باليابانية", "ياباني",
          "اللغة اليابانية", "japonais", "japonés", "japanisch", "японский", "giapponese", "japonês",
          "japonca", "jpn"}},
        {"it",
         "Italian",
         "italiano",
         script::latin,
         false,
         false,
         {"italian", "italiano", "الإيطالية", "بالإيطالية", "إيطالي", "اللغة الإيطالية", "italien",
          "italienisch", "итальянский", "意大利语", "ita"}},
        {"pt",
         "Portuguese",
         "português",
         script::latin,
         false,
         false,
         {"portuguese", "português", "البرتغالية", "بالبرتغالية", "برتغالي", "اللغة البرتغالية", "portugais",
          "portugués", "portugiesisch", "португальский", "葡萄牙语", "portoghese", "por"}},
        {"tr",
         "Turkish",
         "Türkçe",
         script::latin,
         false,
         false,
         {"turkish", "türkçe", "التركية", "بالتركية", "تركي", "اللغة التركية", "turc", "turco", "türkisch",
          "турецкий", "土耳其语", "tur"}},
        {"fa",
         "Persian",
         "فارسی",
         script::arabic,
         true,
         false,
         {"persian", "farsi", "فارسی", "فارسي", "الفارسية", "بالفارسية", "اللغة الفارسية", "persan", "persa",
          "persisch", "персидский", "波斯语", "fas", "per"}},
        {"ur",
         "Urdu",
         "اردو",
         script::arabic,
         true,
         false,
         {"urdu", "اردو", "الأردية", "بالأردية", "اللغة الأردية", "ourdou", "урду", "乌尔都语", "urd"}},
        {"he",
         "Hebrew",
         "עברית",
         script::hebrew,
         true,
         false,
         {"hebrew", "עברית", "العبرية", "بالعبرية", "اللغة العبرية", "hébreu", "hebreo", "hebräisch", "иврит",
          "希伯来语", "ebraico", "iw", "heb"}},
        {"hi",
         "Hindi",
         "हिन्दी",
         script::devanagari,
         false,
         false,
         {"hindi", "हिन्दी", "हिंदी", "الهندية", "بالهندية", "اللغة الهندية", "хинди", "印地语", "hin"}},
        {"ko",
         "Korean",
         "한국어",
         script::hangul,
         false,
         false,
         {"korean", "한국어", "한국말", "조선말", "الكورية", "بالكورية", "اللغة الكورية", "coréen", "coreano",
          "koreanisch", "корейский", "韩语", "韓國語", "kor"}},
        {"nl",
         "Dutch",
         "Nederlands",
         script::latin,
         false,
         false,
         {"dutch", "nederlands", "الهولندية", "بالهولندية", "néerlandais", "neerlandés", "niederländisch",
          "нидерландский", "荷兰语", "nld", "dut"}},
        {"pl",
         "Polish",
         "polski",
         script::latin,
         false,
         false,
         {"polish", "polski", "البولندية", "بالبولندية", "polonais", "polaco", "polnisch", "польский",
          "波兰语", "pol"}},
        {"uk",
         "Ukrainian",
         "українська",
         script::cyrillic,
         false,
         false,
         {"ukrainian", "українська", "украинский", "الأوكرانية", "بالأوكرانية", "ukrainien", "ucraniano",
          "ukrainisch", "乌克兰语", "ukr"}},
        {"el",
         "Greek",
         "Ελληνικά",
         script::greek,
         false,
         false,
         {"greek", "ελληνικά", "ελληνικα", "اليونانية", "باليونانية", "grec", "griego", "griechisch",
          "греческий", "希腊语", "ell", "gre"}},
        {"id",
         "Indonesian",
         "Bahasa Indonesia",
         script::latin,
         false,
         false,
         {"indonesian", "bahasa indonesia", "الإندونيسية", "بالإندونيسية", "indonésien", "indonesio",
          "indonesisch", "индонезийский", "印度尼西亚语", "ind"}},
    };
    return table;
}

// The key a name is looked up by: case-folded, accents and Arabic diacritics removed (NFD, drop nonspacing
// marks — this also turns أ إ آ into ا), ة → ه, ى → ي, Persian ی/ك variants → Arabic, surrounding whitespace
// and punctuation dropped, inner whitespace runs collapsed to one space.
std::string name_key(std::string_view name) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2 *nfd = icu::Normalizer2::getNFDInstance(status);
    icu::UnicodeString u =
        icu::UnicodeString::fromUTF8(icu::StringPiece(name.data(), static_cast<int32_t>(name.size())));
    u.foldCase();
    if (U_SUCCESS(status)) u = nfd->normalize(u, status);
    std::string out;
    bool pending_space = false;
    for (int32_t i = 0; i < u.length();) {
        UChar32 c = u.char32At(i);
        i += U16_LENGTH(c);
        if (u_charType(c) == U_NON_SPACING_MARK || c == 0x0640) continue;
        if (is_space(static_cast<char32_t>(c)) || c == '_') {
            pending_space = !out.empty();
            continue;
        }
        if (u_ispunct(c) && c != '-') continue;
        switch (c) {
            case 0x0629:
                c = 0x0647;
                break;  // ة → ه
            case 0x0649:
            case 0x06CC:
                c = 0x064A;
                break;  // ى, Persian ی → ي
            case 0x06A9:
                c = 0x0643;
                break;  // Persian ک → ك
            case 0x0671:
                c = 0x0627;
                break;  // ٱ → ا
            default:
                break;
        }
        if (pending_space) out += ' ';
        pending_space = false;
        append_utf8(out, static_cast<char32_t>(c));
    }
    return out;
}

const std::unordered_map<std::string, const language *> &name_index() {
    static const auto index = [] {
        std::unordered_map<std::string, const language *> m;
        for (const auto &lang : language_table()) {
            // First entry wins, so a code never loses to another language's name.
            m.emplace(name_key(lang.code), &lang);
            m.emplace(name_key(lang.english_name), &lang);
            m.emplace(name_key(lang.native_name), &lang);
            for (auto n : lang.names) m.emplace(name_key(n), &lang);
        }
        return m;
    }();
    return index;
}

const language *lookup_key(const std::string &key) {
    const auto &index = name_index();
    const auto it = index.find(key);
    return it == index.end() ? nullptr : it->second;
}

}  // namespace

script script_of(char32_t cp) noexcept {
    if (cp < 0x80) {
        if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z')) return script::latin;
        return script::common;
    }
    UErrorCode status = U_ZERO_ERROR;
    const UScriptCode s = uscript_getScript(static_cast<UChar32>(cp), &status);
    if (U_FAILURE(status)) return script::unknown;
    switch (s) {
        case USCRIPT_COMMON:
        case USCRIPT_INHERITED:
            return script::common;
        case USCRIPT_LATIN:
            return script::latin;
        case USCRIPT_ARABIC:
            return script::arabic;
        case USCRIPT_CYRILLIC:
            return script::cyrillic;
        case USCRIPT_GREEK:
            return script::greek;
        case USCRIPT_HEBREW:
            return script::hebrew;
        case USCRIPT_HAN:
            return script::han;
        case USCRIPT_HIRAGANA:
        case USCRIPT_KATAKANA:
        case USCRIPT_KATAKANA_OR_HIRAGANA:
            return script::kana;
        case USCRIPT_HANGUL:
            return script::hangul;
        case USCRIPT_DEVANAGARI:
            return script::devanagari;
        case USCRIPT_THAI:
            return script::thai;
        default:
            return script::unknown;
    }
}

const char *script_name(script s) noexcept {
    switch (s) {
        case script::unknown:
            return "unknown";
        case script::common:
            return "common";
        case script::latin:
            return "latin";
        case script::arabic:
            return "arabic";
        case script::cyrillic:
            return "cyrillic";
        case script::greek:
            return "greek";
        case script::hebrew:
            return "hebrew";
        case script::han:
            return "han";
        case script::kana:
            return "kana";
        case script::hangul:
            return "hangul";
        case script::devanagari:
            return "devanagari";
        case script::thai:
            return "thai";
    }
    return "unknown";
}

const std::vector<language> &supported_languages() {
    return language_table();
}

const language *find_language(std::string_view code_or_name) {
    const std::string key = name_key(code_or_name);
    if (key.empty()) return nullptr;
    if (const auto *l = lookup_key(key)) return l;
    // BCP 47 tags and locale names: "zh-CN", "pt_BR", "en-US", "zh-Hans", "es-419" → the language subtag.
    // ("_" became a space in the key.) Only short ASCII subtags qualify, so "id card" is not Indonesian.
    const auto sep = key.find_first_of("- ");
    if (sep != std::string::npos && sep >= 2 && sep <= 3) {
        const sv rest = sv(key).substr(sep + 1);
        const auto all = [&](auto pred) { return std::all_of(rest.begin(), rest.end(), pred); };
        const bool region = (rest.size() == 2 && all([](char c) { return c >= 'a' && c <= 'z'; })) ||
                            (rest.size() == 3 && all([](char c) { return c >= '0' && c <= '9'; }));
        const bool script_tag =
            rest == "hans" || rest == "hant" || rest == "latn" || rest == "cyrl" || rest == "arab";
        const bool subtag = region || script_tag;
        if (subtag)
            if (const auto *l = lookup_key(key.substr(0, sep))) return l;
    }
    // "in Arabic", "the French language", "اللغة العربية" without a listed form.
    static constexpr std::array<sv, 6> prefixes = {"in the ", "in ", "into ", "the ", "اللغه ", "باللغه "};
    for (sv p : prefixes)
        if (key.size() > p.size() && sv(key).substr(0, p.size()) == p)
            return find_language(sv(key).substr(p.size()));
    static constexpr sv suffix = " language";
    if (key.size() > suffix.size() && sv(key).substr(key.size() - suffix.size()) == suffix)
        return find_language(sv(key).substr(0, key.size() - suffix.size()));
    return nullptr;
}

namespace {

// Counts of the letters that tell Arabic from Persian and Urdu (see arabic_script_language).
struct arabic_letter_counts {
    std::size_t arabic_only = 0, persian = 0, urdu = 0;
    void add(char32_t cp) {
        // Most letters come before the first Persian or Urdu one (U+0679): four comparisons and no jump
        // table (an indirect jump per letter mispredicts).
        if (cp < 0x0679) {
            arabic_only += static_cast<std::size_t>((cp == 0x064A) | (cp == 0x0643) | (cp == 0x0629) | (cp == 0x0649));
            return;
        }
        switch (cp) {
            case 0x064A:
            case 0x0643:
            case 0x0629:
            case 0x0649:
                ++arabic_only;
                break;  // ي ك ة ى
            case 0x06CC:
            case 0x06A9:
            case 0x067E:
            case 0x0686:
            case 0x0698:
            case 0x06AF:
                ++persian;
                break;
            case 0x06D2:
            case 0x06BA:
            case 0x0679:
            case 0x0688:
            case 0x0691:
            case 0x06BE:
                ++urdu;
                break;
            default:
                break;
        }
    }
};

// Letter counts per script over at most `limit` bytes. With `letters`, also counts those letters in the
// same pass (identify_language needs them only for Arabic-script text, but a second pass over the text
// cost more than the switch).
std::array<std::size_t, 12> script_histogram(std::string_view text, std::size_t limit = std::string_view::npos,
                                             arabic_letter_counts *letters = nullptr) {
    std::array<std::size_t, 12> counts{};
    std::size_t arabic = 0, cyrillic = 0;
    arabic_letter_counts variants;
    if (text.size() > limit) text = text.substr(0, limit);
    std::size_t pos = 0;
    while (pos < text.size()) {
        const auto c = static_cast<unsigned char>(text[pos]);
        if (c < 0x80) {
            // Branch-free over ASCII runs: letter or not is unpredictable in prose. Eight bytes at a time
            // while they are all ASCII: a byte b (below 0x80, case folded by | 0x20) is a letter when
            // b + (0x80 - 'a') has its top bit set and b + (0x80 - 'z' - 1) does not; neither sum carries
            // into the next byte.
            std::size_t latin = 0;
            while (pos + 8 <= text.size()) {
                std::uint64_t w;
                std::memcpy(&w, text.data() + pos, 8);
                if (w & 0x8080808080808080ull) break;
                const std::uint64_t folded = w | 0x2020202020202020ull;
                const std::uint64_t ge_a = folded + 0x1F1F1F1F1F1F1F1Full;  // 0x80 - 'a' = 0x1F per byte
                const std::uint64_t gt_z = folded + 0x0505050505050505ull;  // 0x80 - 'z' - 1 = 0x05 per byte
                // Sum of the top bits, gathered in the top byte by one multiplication (no popcount assumed).
                latin += static_cast<std::size_t>((((ge_a & ~gt_z & 0x8080808080808080ull) >> 7) * 0x0101010101010101ull) >> 56);
                pos += 8;
            }
            while (pos < text.size() && static_cast<unsigned char>(text[pos]) < 0x80) {
                latin += static_cast<unsigned char>((static_cast<unsigned char>(text[pos]) | 0x20) - 'a') < 26;
                ++pos;
            }
            counts[static_cast<int>(script::latin)] += latin;
            continue;
        }
        // Decoded through a copy of the position, and counted in locals, so that the loop keeps its state in
        // registers (the address of `pos` or of a counter handed out made every letter a store and a load).
        std::size_t at = pos;
        const char32_t cp = detail::decode_fast(text, at);  // inline for two-byte letters
        pos = at;
        if (letters) variants.add(cp);
        // The Arabic and Russian alphabets are most of the non-ASCII letters precis sees: count them
        // without asking ICU (its property lookups dominated analyze on Arabic text).
        if ((cp >= 0x0621 && cp <= 0x063A) || (cp >= 0x0641 && cp <= 0x064A)) {
            ++arabic;
            continue;
        }
        if (cp >= 0x0410 && cp <= 0x044F) {
            ++cyrillic;
            continue;
        }
        if (!u_isalpha(static_cast<UChar32>(cp))) continue;
        ++counts[static_cast<int>(script_of(cp))];
    }
    counts[static_cast<int>(script::arabic)] += arabic;
    counts[static_cast<int>(script::cyrillic)] += cyrillic;
    counts[static_cast<int>(script::common)] = 0;
    if (letters) *letters = variants;
    return counts;
}

}  // namespace

script dominant_script(std::string_view text) {
    const auto counts = script_histogram(text);
    std::size_t best = 0;
    script result = script::unknown;
    for (std::size_t i = 0; i < counts.size(); ++i)
        if (counts[i] > best) {
            best = counts[i];
            result = static_cast<script>(i);
        }
    return result;
}

double script_share(std::string_view text, script s) {
    const auto counts = script_histogram(text);
    std::size_t total = 0;
    for (auto c : counts) total += c;
    if (total == 0) return 1.0;
    return static_cast<double>(counts[static_cast<int>(s)]) / static_cast<double>(total);
}

namespace {

// Languages told apart by character n-gram profiles (libexttextcat, Cavnar & Trenkle 1994), per script.
// Only supported languages are candidates, so the answer is always one precis can target.
constexpr std::array<sv, 10> latin_candidates = {"en", "fr", "es", "de", "it", "pt", "tr", "nl", "pl", "id"};
constexpr std::array<sv, 2> cyrillic_candidates = {"ru", "uk"};

// A textcat classifier over some candidates. libexttextcat reads its configuration from a file; we hand it
// an anonymous in-memory file (memfd) through /proc/self/fd so nothing is written to disk. A handle is not
// safe for concurrent use, so each thread builds its own (a few milliseconds, once per thread).
class textcat_classifier {
  public:
    template <std::size_t n>
    explicit textcat_classifier(const std::array<sv, n> &codes) {
        std::string conf;
        for (sv c : codes) conf += std::string(c) + ".lm " + std::string(c) + "\n";
        const int fd = memfd_create("precis-textcat", MFD_CLOEXEC);
        if (fd < 0) return;
        if (write(fd, conf.data(), conf.size()) == static_cast<ssize_t>(conf.size())) {
            const std::string path = "/proc/self/fd/" + std::to_string(fd);
            handle_ = special_textcat_Init(path.c_str(), PRECIS_TEXTCAT_DIR);
        }
        close(fd);
        if (!handle_) return;
        // Short inputs (a heading, one sentence) still get an answer; confidence reflects the doubt.
        textcat_SetProperty(handle_, TCPROP_MINIMUM_DOCUMENT_SIZE, 3);
        candidates_ = textcat_GetClassifyFullOutput(handle_);
    }
    ~textcat_classifier() {
        if (!handle_) return;
        if (candidates_) textcat_ReleaseClassifyFullOutput(handle_, candidates_);
        textcat_Done(handle_);
    }
    textcat_classifier(const textcat_classifier &) = delete;
    textcat_classifier &operator=(const textcat_classifier &) = delete;

    // The best candidate and a confidence from the margin to the runner-up: textcat reports every candidate
    // within 3% of the best score, so a runner-up at 1.00× gives 0.5 and none at all gives 1.
    language_guess classify(std::string_view text) const {
        if (!handle_ || !candidates_) return {};
        const int n = textcat_ClassifyFull(handle_, text.data(), text.size(), candidates_);
        if (n <= 0 || !candidates_[0].name) return {};
        double confidence = 1.0;
        if (n > 1 && candidates_[0].score > 0) {
            const double ratio = static_cast<double>(candidates_[1].score) / candidates_[0].score;
            confidence = std::clamp(0.5 + 0.5 * (ratio - 1.0) / 0.03, 0.5, 1.0);
        }
        return {candidates_[0].name, confidence};
    }

  private:
    void *handle_ = nullptr;
    candidate_t *candidates_ = nullptr;
};

// Persian and Urdu write in Arabic script but use letters Arabic does not (and not the Arabic forms of ya and
// kaf), which separates them from Arabic more reliably than n-grams on short text.
language_guess arabic_script_language(const arabic_letter_counts &letters, double share) {
    const std::size_t arabic_only = letters.arabic_only, persian = letters.persian, urdu = letters.urdu;
    const std::size_t total = arabic_only + persian + urdu;
    if (total == 0 || arabic_only * 2 >= total)
        return {"ar", share * (total ? 0.5 + 0.5 * arabic_only / double(total) : 0.8)};
    const double margin = static_cast<double>(persian + urdu) / static_cast<double>(total);
    if (urdu * 10 > persian + urdu) return {"ur", share * margin};
    return {"fa", share * margin};
}

// Very frequent function words of each Latin-script candidate (same order as latin_candidates). Counting
// them settles most articles in microseconds, where building and comparing an n-gram profile takes over a
// hundred; text where the count is not decisive still goes to textcat. Words shared by several languages
// ("de", "la", "en") count for each of them, which only makes a clear winner rarer, never wrong.
constexpr std::array<std::array<sv, 20>, latin_candidates.size()> latin_function_words = {{
    {"the", "and", "of", "to", "is", "that", "for", "with", "was", "on", "are", "it", "this", "from", "have",
     "be", "were", "has", "which", "their"},
    {"le", "les", "des", "et", "est", "une", "du", "qui", "dans", "pour", "pas", "sur", "au", "avec", "ce",
     "sont", "par", "plus", "aux", "mais"},
    {"el", "los", "las", "y", "del", "una", "por", "con", "para", "es", "su", "al", "lo", "como", "más", "pero",
     "sus", "fue", "está", "también"},
    {"der", "die", "das", "und", "ist", "den", "dem", "nicht", "von", "zu", "mit", "sich", "auf", "ein", "eine",
     "auch", "im", "für", "wird", "werden"},
    {"il", "di", "che", "e", "per", "gli", "del", "della", "non", "sono", "è", "nel", "alla", "dei", "delle",
     "anche", "più", "questo", "degli", "ha"},
    {"o", "os", "do", "da", "em", "um", "uma", "não", "no", "na", "dos", "das", "ao", "é", "mais", "como",
     "foi", "pelo", "pela", "também"},
    {"ve", "bir", "bu", "için", "ile", "çok", "olarak", "daha", "olan", "gibi", "ama", "kadar", "sonra", "ise",
     "değil", "veya", "göre", "ancak", "şey", "oldu"},
    {"het", "een", "en", "van", "dat", "op", "te", "zijn", "voor", "met", "niet", "ook", "er", "aan", "wordt",
     "bij", "naar", "heeft", "nog", "worden"},
    {"w", "z", "na", "się", "nie", "do", "że", "jest", "jak", "od", "po", "ale", "przez", "dla", "jego", "są",
     "tak", "oraz", "jej", "już"},
    {"yang", "dan", "di", "ini", "itu", "dengan", "untuk", "dari", "dalam", "tidak", "akan", "pada", "ke",
     "adalah", "juga", "oleh", "ada", "karena", "bisa", "sudah"},
}};

// Function word → bit set of the candidates (indices into latin_candidates) it belongs to. Every function
// word fits in 8 bytes, so a word is looked up as its bytes packed into an integer, in an open-addressing
// table: no string hashing on a path that sees every word of the sample.
class function_word_table {
  public:
    static constexpr std::size_t max_bytes = 8;

    function_word_table() {
        for (std::size_t lang = 0; lang < latin_function_words.size(); ++lang)
            for (sv w : latin_function_words[lang])
                if (w.size() <= max_bytes) slot(pack(w)).mask |= static_cast<std::uint16_t>(1u << lang);
    }
    static std::uint64_t pack(sv word) {
        std::uint64_t key = 0;
        std::memcpy(&key, word.data(), word.size());
        return key;
    }
    // The candidates `key` (a packed, lower-case word) is a function word of; 0 for none.
    std::uint16_t find(std::uint64_t key) const {
        for (std::size_t i = home(key);; i = (i + 1) % slots_.size()) {
            if (slots_[i].key == key) return slots_[i].mask;
            if (slots_[i].key == 0) return 0;
        }
    }

  private:
    struct entry {
        std::uint64_t key = 0;
        std::uint16_t mask = 0;
    };
    static std::size_t home(std::uint64_t key) { return (key * 0x9E3779B97F4A7C15ull) >> 55; }  // 9 bits
    entry &slot(std::uint64_t key) {
        std::size_t i = home(key);
        while (slots_[i].key != 0 && slots_[i].key != key) i = (i + 1) % slots_.size();
        slots_[i].key = key;
        return slots_[i];
    }
    std::array<entry, 512> slots_{};  // about 200 words: never full
};

const function_word_table &function_words() {
    static const function_word_table table;
    return table;
}

// True for the bytes of a Latin word: ASCII letters and UTF-8 sequences of Latin-1 Supplement and Latin
// Extended-A/B letters (lead bytes 0xC3–0xC9); other non-ASCII (quotes, dashes) separates words.
bool latin_word_byte(unsigned char c, bool in_word) {
    if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') return true;
    if (c >= 0xC3 && c <= 0xC9) return true;
    return in_word && (c & 0xC0) == 0x80;
}

// The candidate with at least `min_hits` hits and `ratio` times the runner-up's, if there is one.
std::optional<std::size_t> clear_winner(const std::array<std::size_t, latin_candidates.size()> &hits,
                                        std::size_t min_hits, std::size_t ratio) {
    std::size_t best = 0, second = 0, winner = 0;
    for (std::size_t lang = 0; lang < hits.size(); ++lang) {
        if (hits[lang] > best) {
            second = best;
            best = hits[lang];
            winner = lang;
        } else if (hits[lang] > second) {
            second = hits[lang];
        }
    }
    if (best < min_hits || best < ratio * second) return std::nullopt;
    return winner;
}

// The candidate whose function words are clearly most frequent in `text`: at least 8 hits and three times
// the runner-up. Empty when no candidate is that clear, so textcat decides. Reading stops early once one
// candidate has 32 hits and four times the runner-up's: the rest of the sample would not change the answer.
language_guess latin_function_word_vote(std::string_view text) {
    const function_word_table &index = function_words();
    std::array<std::size_t, latin_candidates.size()> hits{};
    std::array<char, function_word_table::max_bytes> lower{};
    std::size_t pos = 0;
    std::optional<std::size_t> winner;
    while (pos < text.size()) {
        if (!latin_word_byte(static_cast<unsigned char>(text[pos]), false)) {
            ++pos;
            continue;
        }
        const std::size_t begin = pos;
        while (pos < text.size() && latin_word_byte(static_cast<unsigned char>(text[pos]), true)) ++pos;
        const std::size_t length = pos - begin;
        if (length > lower.size()) continue;
        for (std::size_t i = 0; i < length; ++i) {
            const char c = text[begin + i];
            lower[i] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c | 0x20) : c;
        }
        const std::uint16_t mask = index.find(function_word_table::pack(sv(lower.data(), length)));
        if (mask == 0) continue;
        bool many = false;
        for (std::size_t lang = 0; lang < hits.size(); ++lang)
            if (mask & (1u << lang)) many = ++hits[lang] >= 32 || many;
        if (many && (winner = clear_winner(hits, 32, 4))) break;
    }
    if (!winner) winner = clear_winner(hits, 8, 3);
    if (!winner) return {};
    return {std::string(latin_candidates[*winner]), 1.0};
}

// At most `limit` bytes, cut at a code point boundary.
std::string_view prefix_of(std::string_view text, std::size_t limit) {
    if (text.size() <= limit) return text;
    while (limit > 0 && (static_cast<unsigned char>(text[limit]) & 0xC0) == 0x80) --limit;
    return text.substr(0, limit);
}

}  // namespace

language_guess identify_language(std::string_view text) {
    // 16 KiB of an article settles its script and language; reading more only costs time.
    text = prefix_of(text, 16 * 1024);
    arabic_letter_counts letters;
    const auto counts = script_histogram(text, std::string_view::npos, &letters);
    std::size_t total = 0;
    std::size_t best = 0;
    script top = script::unknown;
    for (std::size_t i = 0; i < counts.size(); ++i) {
        total += counts[i];
        if (counts[i] > best) {
            best = counts[i];
            top = static_cast<script>(i);
        }
    }
    if (total < 3) return {};
    const double share = static_cast<double>(best) / static_cast<double>(total);
    const std::size_t kana = counts[static_cast<int>(script::kana)];
    switch (top) {
        case script::arabic:
            return arabic_script_language(letters, share);
        case script::han:
            // Japanese mixes kanji with kana; Chinese has no kana at all.
            if (kana * 10 > total)
                return {"ja", static_cast<double>(best + kana) / static_cast<double>(total)};
            return {"zh", share};
        case script::kana:
            return {"ja", static_cast<double>(best + counts[static_cast<int>(script::han)]) /
                              static_cast<double>(total)};
        case script::hangul:
            return {"ko", share};
        case script::hebrew:
            return {"he", share};
        case script::devanagari:
            return {"hi", share};
        case script::greek:
            return {"el", share};
        case script::cyrillic:
        case script::latin: {
            // n-gram profiles settle after a few hundred letters; more text only costs time.
            const auto sample = prefix_of(text, 2 * 1024);
            if (top == script::cyrillic) {
                thread_local const textcat_classifier cyrillic(cyrillic_candidates);
                auto guess = cyrillic.classify(sample);
                if (guess.code.empty()) return {"ru", share * 0.5};
                guess.confidence *= share;
                return guess;
            }
            if (auto vote = latin_function_word_vote(sample); !vote.code.empty()) {
                vote.confidence *= share;
                return vote;
            }
            thread_local const textcat_classifier latin(latin_candidates);
            auto guess = latin.classify(sample);
            if (guess.code.empty()) return {"en", share * 0.3};
            guess.confidence *= share;
            return guess;
        }
        default:
            return {};
    }
}

}  // namespace precis
