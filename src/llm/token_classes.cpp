// Token classification for the constraint decoder: every token's text is decoded once, checked against the
// target language's alphabet and its script's punctuation rules, and reduced to the facts the per-token path
// needs (sorted id lists and word effects), so the sampler never looks at text while generating.
#include "llm/token_classes.h"

#include <algorithm>
#include <deque>
#include <map>
#include <mutex>
#include <string>

#include <unicode/uchar.h>

#include "llama.h"
#include "precis/error.h"
#include "precis/utf8.h"
#include "precis/words.h"

namespace precis::detail {

// The punctuation rules of one script. Languages share the row of their script (Arabic, Persian and Urdu all
// use the Arabic row); their letters come from their own alphabet row below.
struct script_rules {
    script letters = script::latin;
    std::u32string_view punctuation;  // allowed anywhere, besides terminators and closers
    std::u32string_view terminators;  // end a sentence
    std::u32string_view closers;      // may follow a terminator inside the same sentence end
    std::u32string_view openers;      // may open a paragraph
    bool uses_spaces = true;
};

namespace {

using namespace std::literals;

// Arabic: the Arabic comma, semicolon and question mark, plus the Latin marks Arabic prose uses. The Arabic
// decimal and thousands separators ٫ ٬ are not here: they only occur inside copied numbers.
const script_rules arabic_rules{script::arabic, U"،؛:«»\"()-%٪"sv, U".!؟"sv, U"»\")"sv, U"«\"("sv, true};
// Chinese: full-width punctuation only; no spaces between words.
const script_rules han_rules{
    script::han, U"，、：；「」“”（）《》%"sv, U"。！？"sv, U"」”）》"sv, U"「“（《"sv, false};
const script_rules kana_rules{script::kana, U"，、：；「」『』（）%"sv, U"。！？"sv, U"」』）"sv, U"「『（"sv,
                              false};
// Latin, Cyrillic and the other alphabetic scripts: the common Western marks, French and Russian guillemets.
const script_rules cyrillic_rules{
    script::cyrillic, U",;:'\"()-«»’“”„–—%"sv, U".!?"sv, U"»\"”)’"sv, U"«\"“„("sv, true};
const script_rules latin_rules{script::latin, U",;:'\"()-«»’“”–—%"sv, U".!?"sv, U"»\"”)’"sv, U"«\"“("sv,
                               true};

// The alphabets. Ranges and marks are inclusive pairs. Marks (harakat, Devanagari vowel signs) may follow a
// letter but never start a word.
constexpr std::u32string_view arabic_letters = U"\u0621\u063A\u0641\u064A"sv;
constexpr std::u32string_view arabic_harakat = U"\u064B\u0652"sv;
// capitals_are_names: in these Latin-script languages a capital letter inside a sentence marks a name
// (precis::extract_latin_names reads it so), so the model may write one only at a sentence start or inside a
// copied source name. Not German, which capitalises every noun.
const alphabet alphabets[] = {
    {"ar", arabic_letters, U""sv, arabic_harakat, 0x0660},
    // Persian adds پ چ ژ ک گ ی; the zero-width non-joiner is written inside words, after a letter.
    {"fa", arabic_letters, U"\u067E\u0686\u0698\u06A9\u06AF\u06CC"sv, U"\u064B\u0652\u200C\u200C"sv, 0x06F0},
    {"ur", arabic_letters,
     U"\u0679\u067E\u0686\u0688\u0691\u0698\u06A9\u06AF\u06BA\u06BE\u06C1\u06C2\u06C3\u06CC\u06D2\u06D3"sv,
     U"\u064B\u0652\u0670\u0670"sv, 0x06F0},
    {"en", U"azAZ"sv, U""sv, U""sv, 0, true},
    {"id", U"azAZ"sv, U""sv, U""sv, 0, true},
    {"fr", U"azAZ"sv, U"éèêëàâîïôûùüçœæÉÈÊËÀÂÎÏÔÛÙÜÇŒÆ"sv, U""sv, 0, true},
    {"es", U"azAZ"sv, U"áéíóúüñÁÉÍÓÚÜÑ"sv, U""sv, 0, true},
    {"de", U"azAZ"sv, U"äöüßÄÖÜẞ"sv, U""sv, 0},
    {"it", U"azAZ"sv, U"àèéìíîòóùúÀÈÉÌÍÎÒÓÙÚ"sv, U""sv, 0, true},
    {"pt", U"azAZ"sv, U"áâãàçéêíóôõúüÁÂÃÀÇÉÊÍÓÔÕÚÜ"sv, U""sv, 0, true},
    {"tr", U"azAZ"sv, U"çğıöşüâîûÇĞİÖŞÜÂÎÛ"sv, U""sv, 0, true},
    {"nl", U"azAZ"sv, U"áéíóúàèëïöüÁÉÍÓÚÀÈËÏÖÜ"sv, U""sv, 0, true},
    {"pl", U"azAZ"sv, U"ąćęłńóśźżĄĆĘŁŃÓŚŹŻ"sv, U""sv, 0, true},
    {"ru", U"\u0410\u044F"sv, U"Ёё"sv, U""sv, 0},
    // Ukrainian: the Cyrillic block without Ё Ъ Ы Э, plus Є І Ї Ґ.
    {"uk", U"\u0410\u0429\u042E\u042F\u0430\u0449\u044E\u044F"sv, U"ЬьЄєІіЇїҐґ"sv, U""sv, 0},
    {"el", U"\u0391\u03A1\u03A3\u03A9\u03AC\u03CE"sv,
     U"\u0386\u0388\u0389\u038A\u038C\u038E\u038F\u0390\u03AA\u03AB"sv, U""sv, 0},
    {"he", U"\u05D0\u05EA"sv, U""sv, U""sv, 0},
    {"hi", U"\u0904\u0939\u0958\u0961\u0972\u097F"sv, U"\u093D\u0950"sv,
     U"\u0900\u0903\u093A\u093C\u093E\u094F\u0951\u0957\u0962\u0963"sv, 0},
    {"ko", U"\uAC00\uD7A3"sv, U""sv, U""sv, 0},
    // Chinese: CJK Unified Ideographs only (no extensions, compatibility or radicals).
    {"zh", U"\u4E00\u9FFF"sv, U""sv, U""sv, 0},
    // Japanese: the same ideographs, hiragana, katakana, the prolonged sound mark and iteration marks.
    {"ja", U"\u4E00\u9FFF\u3041\u3096\u309D\u309E\u30A1\u30FA\u30FC\u30FE"sv, U"\u3005"sv, U""sv, 0},
};

bool in_ranges(std::u32string_view ranges, char32_t cp) noexcept {
    for (std::size_t i = 0; i + 1 < ranges.size(); i += 2)
        if (cp >= ranges[i] && cp <= ranges[i + 1]) return true;
    return false;
}

const script_rules &rules_for(script s) {
    static const script_rules others[] = {
        {script::greek, latin_rules.punctuation, U".!;"sv, latin_rules.closers, latin_rules.openers, true},
        {script::hebrew, latin_rules.punctuation, latin_rules.terminators, latin_rules.closers,
         latin_rules.openers, true},
        {script::hangul, latin_rules.punctuation, latin_rules.terminators, latin_rules.closers,
         latin_rules.openers, true},
        {script::devanagari, latin_rules.punctuation, U".!?।"sv, latin_rules.closers, latin_rules.openers,
         true},
        {script::thai, latin_rules.punctuation, latin_rules.terminators, latin_rules.closers,
         latin_rules.openers, true},
    };
    switch (s) {
        case script::arabic:
            return arabic_rules;
        case script::han:
            return han_rules;
        case script::kana:
            return kana_rules;
        case script::cyrillic:
            return cyrillic_rules;
        case script::latin:
            return latin_rules;
        default:
            for (const auto &r : others)
                if (r.letters == s) return r;
            return latin_rules;
    }
}

bool contains(std::u32string_view set, char32_t cp) noexcept {
    return set.find(cp) != std::u32string_view::npos;
}

bool is_continuation(unsigned char b) noexcept {
    return (b & 0xC0) == 0x80;
}

// Word counters standing in each word_state (word_counter keeps its state private, so each is reached by
// feeding a character that leads there).
word_counter counter_in(int state) {
    word_counter c;
    if (state == static_cast<int>(word_state::in_run)) c.feed(U'-');
    if (state == static_cast<int>(word_state::in_word)) c.feed(U'a');
    return c;
}

std::uint8_t state_of(const word_counter &c) {
    if (!c.in_word()) return static_cast<std::uint8_t>(word_state::outside);
    word_counter probe = c;
    const std::size_t before = probe.words();
    probe.feed(U'a');
    return static_cast<std::uint8_t>(probe.words() > before ? word_state::in_run : word_state::in_word);
}

std::uint8_t clamp8(std::size_t v) {
    return static_cast<std::uint8_t>(std::min<std::size_t>(v, 255));
}

// The decoded form of some bytes: complete code points, and an incomplete sequence at the end, if any.
struct decoded_text {
    std::u32string chars;
    std::string trailing;  // an incomplete but so far valid UTF-8 sequence at the end
    bool valid = true;     // false on a bad byte anywhere else (including a leading continuation byte)
};

decoded_text decode(std::string_view bytes) {
    decoded_text d;
    std::size_t pos = 0;
    while (pos < bytes.size()) {
        const auto lead = static_cast<unsigned char>(bytes[pos]);
        const int len = utf8_sequence_length(lead);
        if (len == 0) {
            d.valid = false;
            return d;
        }
        if (pos + static_cast<std::size_t>(len) > bytes.size()) {
            for (std::size_t i = pos + 1; i < bytes.size(); ++i)
                if (!is_continuation(static_cast<unsigned char>(bytes[i]))) d.valid = false;
            d.trailing = std::string(bytes.substr(pos));
            return d;
        }
        const std::string_view seq = bytes.substr(pos, static_cast<std::size_t>(len));
        if (find_invalid_utf8(seq).has_value()) {
            d.valid = false;
            return d;
        }
        std::size_t p = 0;
        d.chars.push_back(next_code_point(seq, p));
        pos += static_cast<std::size_t>(len);
    }
    return d;
}

// The code points an incomplete sequence can still become: [lo, hi] (empty when lo > hi). Computed from the
// bits rather than by decoding, because the smallest byte completion of some prefixes (0xE0) is an overlong
// form.
std::pair<char32_t, char32_t> completion_range(std::string_view prefix) {
    const auto lead = static_cast<unsigned char>(prefix[0]);
    const int len = utf8_sequence_length(lead);
    static constexpr unsigned char lead_mask[5] = {0, 0x7F, 0x1F, 0x0F, 0x07};
    static constexpr char32_t smallest[5] = {0, 0, 0x80, 0x800, 0x10000};
    char32_t v = lead & lead_mask[len];
    for (std::size_t i = 1; i < prefix.size(); ++i)
        v = (v << 6) | (static_cast<unsigned char>(prefix[i]) & 0x3F);
    const int missing = len - static_cast<int>(prefix.size());
    const char32_t lo = std::max<char32_t>(v << (6 * missing), smallest[len]);
    const char32_t hi = std::min<char32_t>(((v + 1) << (6 * missing)) - 1, 0x10FFFF);
    return {lo, hi};
}

}  // namespace

bool alphabet::is_letter(char32_t cp) const noexcept {
    return in_ranges(ranges, cp) || singles.find(cp) != std::u32string_view::npos;
}

bool alphabet::is_mark(char32_t cp) const noexcept {
    return in_ranges(marks, cp);
}

const alphabet &alphabet_for(const precis::language &target) {
    for (const auto &a : alphabets)
        if (a.code == target.code) return a;
    throw error{errc::internal,
                "no alphabet for language " + std::string(target.code) +
                    ": add its row to the alphabets table in src/llm/token_classes.cpp",
                std::string(target.code)};
}

bool token_classes::allowed_char(char32_t cp) const noexcept {
    const script_rules &r = *rules_;
    if (cp == U' ') return r.uses_spaces;
    if (contains(r.punctuation, cp) || contains(r.terminators, cp) || contains(r.closers, cp)) return true;
    return alphabet_->is_letter(cp) || alphabet_->is_mark(cp);
}

bool token_classes::is_terminator(char32_t cp) const noexcept {
    return contains(rules_->terminators, cp);
}

bool token_classes::uses_spaces() const noexcept {
    return rules_->uses_spaces;
}

std::string_view token_classes::piece(std::int32_t token) const noexcept {
    const auto t = static_cast<std::size_t>(token);
    const std::uint32_t begin = t == 0 ? 0 : piece_end_[t - 1];
    return std::string_view(piece_bytes_).substr(begin, piece_end_[t] - begin);
}

std::int32_t token_classes::find_piece(std::string_view text) const {
    const auto it = by_piece_.find(text);
    return it == by_piece_.end() ? -1 : it->second;
}

namespace {

// Everything about one stretch of token text the lists are built from.
struct text_facts {
    bool ok = false;             // every character allowed, terminators only at the end, no bad bytes
    bool opens = false;          // may start a paragraph
    bool only_terminal = false;  // only terminators and closers (a forced paragraph end)
    token_effect effect;
    std::string trailing;  // the incomplete sequence it ends with
};

text_facts analyse(const token_classes &tc, std::string_view bytes) {
    text_facts f;
    const decoded_text d = decode(bytes);
    const std::u32string &cs = d.chars;
    // Effects are computed even for text that is not allowed, so accept() stays exact for any token.
    for (int s = 0; s < word_state_count; ++s) {
        word_counter c = counter_in(s);
        const std::size_t base = c.words();
        for (char32_t cp : cs) c.feed(cp);
        f.effect.words[s] = clamp8(c.words() - base);
        f.effect.budget_words[s] = clamp8(c.words() - base + (d.trailing.empty() ? 0 : 1));
        f.effect.end_state[s] = state_of(c);
    }
    bool letters = false, all_terminal = !cs.empty();
    bool ok = d.valid && (!cs.empty() || !d.trailing.empty());
    std::size_t last_terminator = std::u32string::npos;
    for (std::size_t i = 0; i < cs.size(); ++i) {
        const char32_t cp = cs[i];
        if (!tc.allowed_char(cp)) ok = false;
        // Layout is the engine's job: no runs of spaces, and no rules drawn with punctuation ("-----", a
        // line of dots); an ellipsis "..." stays.
        if (i > 0 && cp == cs[i - 1] &&
            (cp == U' ' || (i > 2 && cp == cs[i - 2] && cp == cs[i - 3] && !is_letter_or_digit(cp))))
            ok = false;
        // A mark belongs to the letter before it: at most two (shadda and a vowel) after a letter, never
        // after a space or punctuation. One at the very start leans on the previous token's last letter,
        // which the sampler checks (starts_with_mark).
        if (tc.is_mark(cp) && i > 0 &&
            !(tc.is_letter(cs[i - 1]) || (i > 1 && tc.is_mark(cs[i - 1]) && tc.is_letter(cs[i - 2]))))
            ok = false;
        if (is_letter_or_digit(cp)) letters = true;
        if (tc.is_terminator(cp)) last_terminator = i;
    }
    // Capitals mark names where capitals_are_names: a token may hold one capital, as the first letter of a
    // word it opens ("The", " The", "(The"), which the sampler allows only at a sentence start. "DeepSeek",
    // "NASA" or "theThe" are never text; names come from the copy trie.
    if (tc.capitals_are_names()) {
        int capitals = 0;
        bool opening = false;
        for (std::size_t i = 0; i < cs.size(); ++i) {
            if (!u_isupper(static_cast<UChar32>(cs[i]))) continue;
            ++capitals;
            opening = i == 0 || !is_letter_or_digit(cs[i - 1]);
            for (std::size_t k = 0; k < i; ++k) opening = opening && !is_letter_or_digit(cs[k]);
        }
        if (capitals > 1 || (capitals == 1 && !opening)) ok = false;
        if (capitals == 1) f.effect.flags |= has_capital;
        // The lower-case words precis::extract_latin_names lets join two names into one (its connector
        // list, src/verify/facts.cpp): they do not separate two copies.
        static constexpr std::u32string_view connectors[] = {
            U"of",  U"de",  U"del", U"della", U"di",  U"da",  U"du",  U"des", U"la",
            U"le",  U"van", U"von", U"der",   U"den", U"al",  U"el",  U"bin", U"ibn",
            U"and", U"&",   U"y",   U"e",     U"dos", U"das", U"the", U"for"};
        std::u32string_view word(cs);
        while (!word.empty() && word.front() == U' ') word.remove_prefix(1);
        while (!word.empty() && word.back() == U' ') word.remove_suffix(1);
        for (auto c : connectors)
            if (word == c) f.effect.flags |= connector_word;
    }
    bool ends_sentence = false;
    if (last_terminator != std::u32string::npos) {
        // A terminator must end the token's text (closing quotes may follow it): a sentence end inside a
        // token would split the sentence and word counts the per-token path cannot see.
        std::size_t first_terminator = last_terminator;
        while (first_terminator > 0 && tc.is_terminator(cs[first_terminator - 1])) --first_terminator;
        for (std::size_t i = 0; i < first_terminator; ++i)
            if (tc.is_terminator(cs[i])) ok = false;
        for (std::size_t i = last_terminator + 1; i < cs.size(); ++i)
            if (!contains(rules_for(tc.target().letters).closers, cs[i])) ok = false;
        if (!d.trailing.empty()) ok = false;
        ends_sentence = true;
    }
    for (char32_t cp : cs)
        if (!tc.is_terminator(cp) && !contains(rules_for(tc.target().letters).closers, cp))
            all_terminal = false;
    if (!cs.empty()) {
        f.effect.flags |= has_chars;
        if (is_space(cs.front())) f.effect.flags |= starts_with_space;
        if (is_space(cs.back()) && d.trailing.empty()) f.effect.flags |= ends_with_space;
        if (tc.is_mark(cs.front())) f.effect.flags |= starts_with_mark;
        // A word start, or a joiner that glues what follows into the word before ("-built" after a name).
        const auto wordish = [&](char32_t cp) { return is_letter_or_digit(cp) || tc.is_mark(cp); };
        if (wordish(cs.front()) ||
            (contains(U"-.'’&"sv, cs.front()) && (cs.size() > 1 ? wordish(cs[1]) : !d.trailing.empty())))
            f.effect.flags |= starts_word;
        if (tc.is_letter(cs.back())) f.effect.flags |= ends_with_letter;
    } else if (!d.trailing.empty()) {
        f.effect.flags |= starts_word;  // a character still to be completed may be a letter
    }
    if (ends_sentence) f.effect.flags |= token_flag::ends_sentence;
    // precis::extract_latin_names reads "Marine-built" or "DeepSeek.com" as one word: after a copied name
    // such a character must not be followed by a letter either.
    if (d.trailing.empty() && !cs.empty() &&
        std::all_of(cs.begin(), cs.end(), [](char32_t cp) { return contains(U"-.'’&"sv, cp); }))
        f.effect.flags |= joiner_only;
    if (letters) f.effect.flags |= has_letters;
    f.ok = ok;
    f.only_terminal = ok && all_terminal && ends_sentence && d.trailing.empty();
    // Paired quotes and brackets, so a paragraph is not ended inside a quotation. The apostrophe-like ’ is
    // left out: English writes it inside words.
    static constexpr std::u32string_view pair_open = U"«(“「（《", pair_close = U"»)”」）》";
    int delta = 0, straight = 0;
    bool closers_only = ok && !cs.empty() && d.trailing.empty();
    for (char32_t cp : cs) {
        delta += contains(pair_open, cp) ? 1 : contains(pair_close, cp) ? -1 : 0;
        straight += cp == U'"';
        if (!contains(pair_close, cp) && cp != U'"') closers_only = false;
    }
    f.effect.quote_delta = static_cast<std::int8_t>(std::clamp(delta, -100, 100));
    f.effect.straight_quotes = clamp8(static_cast<std::size_t>(straight));
    if (closers_only) f.effect.flags |= only_closers;
    f.opens = ok && (cs.empty() ? true
                                : is_letter_or_digit(cs.front()) ||
                                      contains(rules_for(tc.target().letters).openers, cs.front()));
    f.trailing = d.trailing;
    return f;
}

}  // namespace

token_classes::token_classes(const llama_vocab *vocab, const precis::language &target)
    : target_(&target), rules_(&rules_for(target.letters)), alphabet_(&alphabet_for(target)) {
    if (vocab == nullptr) throw error{errc::internal, "token_classes: no vocabulary"};
    const std::int32_t n = llama_vocab_n_tokens(vocab);
    if (n <= 0) throw error{errc::model, "token_classes: the model's vocabulary is empty"};

    // Pieces: the bytes each token appends to the text (special=false, so control tokens render empty).
    std::vector<bool> special(static_cast<std::size_t>(n), false);
    piece_end_.resize(static_cast<std::size_t>(n));
    std::string buf(64, '\0');
    for (std::int32_t t = 0; t < n; ++t) {
        const auto attr = llama_vocab_get_attr(vocab, t);
        special[static_cast<std::size_t>(t)] =
            llama_vocab_is_eog(vocab, t) || llama_vocab_is_control(vocab, t) ||
            (attr & (LLAMA_TOKEN_ATTR_UNKNOWN | LLAMA_TOKEN_ATTR_UNUSED | LLAMA_TOKEN_ATTR_CONTROL |
                     LLAMA_TOKEN_ATTR_USER_DEFINED)) != 0;
        int32_t len = llama_token_to_piece(vocab, t, buf.data(), static_cast<int32_t>(buf.size()), 0, false);
        if (len < 0) {
            buf.resize(static_cast<std::size_t>(-len));
            len = llama_token_to_piece(vocab, t, buf.data(), static_cast<int32_t>(buf.size()), 0, false);
        }
        if (len > 0) piece_bytes_.append(buf.data(), static_cast<std::size_t>(len));
        piece_end_[static_cast<std::size_t>(t)] = static_cast<std::uint32_t>(piece_bytes_.size());
    }
    by_piece_.reserve(static_cast<std::size_t>(n));
    for (std::int32_t t = 0; t < n; ++t) {
        const auto p = piece(t);
        if (!p.empty() && !special[static_cast<std::size_t>(t)]) by_piece_.emplace(p, t);
    }

    // Incomplete sequences met so far; continuation lists are filled below, breadth-first, because completing
    // one sequence can leave another.
    std::map<std::string, std::int32_t> pending_index;
    const auto pending_id = [&](const std::string &bytes) -> std::int32_t {
        const auto it = pending_index.find(bytes);
        if (it != pending_index.end()) return it->second;
        // A sequence is worth tracking only when some allowed character can complete it.
        const auto [lo, hi] = completion_range(bytes);
        bool completable = false;
        for (char32_t cp = lo; cp <= hi && !completable; ++cp)
            completable = !(cp >= 0xD800 && cp <= 0xDFFF) && cp != 0xFFFD && allowed_char(cp);
        const std::int32_t id = completable ? static_cast<std::int32_t>(pending_.size()) : -2;
        pending_index.emplace(bytes, id);
        if (completable) pending_.push_back({bytes, {}, {}});
        return id;
    };

    effects_.resize(static_cast<std::size_t>(n));
    std::vector<bool> ok(static_cast<std::size_t>(n), false), opens(static_cast<std::size_t>(n), false),
        terminal(static_cast<std::size_t>(n), false);
    std::vector<std::int32_t> continuation_tokens;
    for (std::int32_t t = 0; t < n; ++t) {
        const auto i = static_cast<std::size_t>(t);
        const auto p = piece(t);
        if (special[i] || p.empty()) continue;
        if (is_continuation(static_cast<unsigned char>(p[0]))) {
            continuation_tokens.push_back(t);
            continue;
        }
        text_facts f = analyse(*this, p);
        if (f.ok && !f.trailing.empty()) {
            f.effect.pending = pending_id(f.trailing);
            if (f.effect.pending < 0) f.ok = false;
        }
        effects_[i] = f.effect;
        ok[i] = f.ok;
        opens[i] = f.opens;
        terminal[i] = f.only_terminal;
    }

    for (std::size_t k = 0; k < pending_.size(); ++k) {
        // pending_ may grow inside the loop; copy the bytes, not a reference.
        const std::string prefix = pending_[k].bytes;
        const std::size_t need =
            static_cast<std::size_t>(utf8_sequence_length(static_cast<unsigned char>(prefix[0])));
        for (std::int32_t t : continuation_tokens) {
            const auto p = piece(t);
            const std::string joined = prefix + std::string(p);
            token_effect e;
            if (joined.size() < need) {
                // Still incomplete: the token is all continuation bytes, the character is not finished yet.
                if (!std::all_of(p.begin(), p.end(),
                                 [](char b) { return is_continuation(static_cast<unsigned char>(b)); }))
                    continue;
                e.pending = pending_id(joined);
                if (e.pending < 0) continue;
                for (int s = 0; s < word_state_count; ++s) {
                    e.end_state[s] = static_cast<std::uint8_t>(s);
                    e.budget_words[s] = 1;
                }
            } else {
                text_facts f = analyse(*this, joined);
                if (!f.ok) continue;
                if (!f.trailing.empty()) {
                    f.effect.pending = pending_id(f.trailing);
                    if (f.effect.pending < 0) continue;
                }
                e = f.effect;
            }
            pending_[k].tokens.push_back(t);
            pending_[k].effects.push_back(e);
        }
    }
    // A sequence nothing can complete (no token supplies its bytes) is a dead end: drop every way into it,
    // until no dead end is left.
    for (bool changed = true; changed;) {
        changed = false;
        std::vector<bool> dead(pending_.size());
        for (std::size_t k = 0; k < pending_.size(); ++k) dead[k] = pending_[k].tokens.empty();
        for (auto &ps : pending_) {
            std::size_t w = 0;
            for (std::size_t j = 0; j < ps.tokens.size(); ++j) {
                const std::int32_t next = ps.effects[j].pending;
                if (next >= 0 && dead[static_cast<std::size_t>(next)]) {
                    changed = true;
                    continue;
                }
                ps.tokens[w] = ps.tokens[j];
                ps.effects[w] = ps.effects[j];
                ++w;
            }
            ps.tokens.resize(w);
            ps.effects.resize(w);
        }
        for (std::int32_t t = 0; t < n; ++t) {
            const auto i = static_cast<std::size_t>(t);
            if (ok[i] && effects_[i].pending >= 0 && dead[static_cast<std::size_t>(effects_[i].pending)]) {
                ok[i] = false;
                changed = true;
            }
        }
    }

    for (std::int32_t t = 0; t < n; ++t) {
        const auto i = static_cast<std::size_t>(t);
        if (!ok[i]) continue;
        const token_effect &e = effects_[i];
        effects_[i].flags |= allowed;
        const bool space_first = (e.flags & starts_with_space) != 0;
        const bool ends = (e.flags & ends_sentence) != 0;
        const bool mark_first = (e.flags & starts_with_mark) != 0;
        const bool capital = (e.flags & has_capital) != 0;
        for (int space_ok = 0; space_ok < 2; ++space_ok)
            for (int terminator_ok = 0; terminator_ok < 2; ++terminator_ok)
                for (int mark_ok = 0; mark_ok < 2; ++mark_ok)
                    if ((space_ok || !space_first) && (terminator_ok || !ends) && (mark_ok || !mark_first)) {
                        normal_[space_ok * 4 + terminator_ok * 2 + mark_ok].push_back(t);
                        if (!capital && capitals_are_names())
                            lower_[space_ok * 4 + terminator_ok * 2 + mark_ok].push_back(t);
                    }
        if (opens[i] && !space_first && !ends) paragraph_start_.push_back(t);
        if (terminal[i]) terminators_.push_back(t);
        if ((e.flags & only_closers) != 0 && !space_first) closing_.push_back(t);
        for (int s = 0; s < word_state_count; ++s)
            max_token_words_ = std::max(max_token_words_, e.budget_words[s]);
    }
    for (const auto &ps : pending_)
        for (const auto &e : ps.effects)
            for (int s = 0; s < word_state_count; ++s)
                max_token_words_ = std::max(max_token_words_, e.budget_words[s]);
    if (normal_[7].empty() || terminators_.empty())
        throw error{errc::model,
                    "the model's vocabulary has no tokens for writing " + std::string(target.english_name) +
                        " (or no sentence terminator): choose a model whose tokenizer covers the language"};
}

std::shared_ptr<const token_classes> token_classes_for(const llama_vocab *vocab,
                                                       const precis::language &target) {
    if (vocab == nullptr) throw error{errc::internal, "token_classes_for: no vocabulary"};
    // The vocabulary's address alone could be reused by a later model, so the key also carries its size and a
    // fingerprint of a few pieces.
    const std::int32_t n = llama_vocab_n_tokens(vocab);
    std::string key = std::to_string(reinterpret_cast<std::uintptr_t>(vocab)) + "/" + std::to_string(n) +
                      "/" + std::string(target.code) + "/";
    char buf[64];
    for (std::int32_t i = 0; i < 16 && n > 0; ++i) {
        const std::int32_t t = static_cast<std::int32_t>((static_cast<std::int64_t>(i) * 7919) % n);
        const int32_t len = llama_token_to_piece(vocab, t, buf, sizeof buf, 0, true);
        if (len > 0) key.append(buf, static_cast<std::size_t>(len));
        key += '\x1f';
    }
    static std::mutex mutex;
    static std::map<std::string, std::shared_ptr<const token_classes>> cache;
    const std::lock_guard<std::mutex> lock(mutex);
    auto &slot = cache[key];
    if (!slot) slot = std::make_shared<const token_classes>(vocab, target);
    return slot;
}

}  // namespace precis::detail
