// The constraint sampler under random logits: a random model wants to emit anything, which makes it the
// hardest test of the constraints. Only the vocabularies that ship with llama.cpp are needed (vocab_only), no
// weights: each step builds the id-ordered candidate array llama_sampler_sample would build, and runs the
// chain [constraint, dist] on it.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <random>
#include <set>
#include <string>
#include <vector>

#include <unicode/uchar.h>

#include "llama.h"
#include "llm/constraint_sampler.h"
#include "precis/analyze.h"
#include "precis/check.h"
#include "precis/facts.h"
#include "precis/language.h"
#include "precis/utf8.h"
#include "precis/words.h"

namespace {

using namespace precis;
using namespace precis::detail;

struct vocab_file {
    llama_model *model = nullptr;
    const llama_vocab *vocab = nullptr;
};

// Loads a vocab-only GGUF from llama.cpp's models folder once per process.
const vocab_file &load_vocab(const std::string &name) {
    static std::map<std::string, vocab_file> loaded;
    auto &v = loaded[name];
    if (v.model == nullptr) {
        static const bool init = [] {
            llama_backend_init();
            llama_log_set([](ggml_log_level, const char *, void *) {}, nullptr);
            return true;
        }();
        (void)init;
        const std::string path = std::string(PRECIS_LLAMA_DIR) + "/models/ggml-vocab-" + name + ".gguf";
        llama_model_params params = llama_model_default_params();
        params.vocab_only = true;
        v.model = llama_model_load_from_file(path.c_str(), params);
        if (v.model != nullptr) v.vocab = llama_model_get_vocab(v.model);
    }
    return v;
}

struct run_config {
    std::string vocab = "qwen2";
    std::string lang = "ar";
    std::vector<std::string> names;
    std::vector<std::string> numbers;
    std::size_t paragraphs = 4;
    paragraph_budget budget{40, 44, 48};
    std::uint32_t seed = 1;
    float name_boost = 0;        // added to the logits of tokens spelling a piece of a name
    float terminator_boost = 0;  // added to the logits of tokens that are a lone sentence terminator
    float digit_boost = 0;       // added to the logits of tokens holding a digit
    float mark_boost = 0;        // added to the logits of tokens starting with a combining mark
};

struct run_output {
    std::vector<std::string> paragraphs;
    std::vector<std::size_t> sampler_words;  // the sampler's count per paragraph
    std::vector<bool> completed;
    std::vector<std::int32_t> tokens;
};

const std::u32string terminators = U".!?؟。！？";
const std::u32string closers = U"»\"”)’」）》";

run_output generate(const run_config &cfg) {
    run_output out;
    const auto &v = load_vocab(cfg.vocab);
    if (v.vocab == nullptr) return out;
    const language *lang = find_language(cfg.lang);
    auto classes = token_classes_for(v.vocab, *lang);
    const std::int32_t n_vocab = llama_vocab_n_tokens(v.vocab);

    std::vector<float> bias(static_cast<std::size_t>(n_vocab), 0.0f);
    for (std::int32_t t = 0; t < n_vocab; ++t) {
        const std::string piece(classes->piece(t));
        if (piece.empty()) continue;
        if (cfg.name_boost != 0)
            for (const auto &name : cfg.names)
                if ((" " + name).find(piece) != std::string::npos)
                    bias[static_cast<std::size_t>(t)] += cfg.name_boost;
        if (cfg.terminator_boost != 0 && (piece == "." || piece == "؟" || piece == "。" || piece == "!"))
            bias[static_cast<std::size_t>(t)] += cfg.terminator_boost;
        std::size_t pos = 0;
        const char32_t first = next_code_point(piece, pos);
        if (cfg.mark_boost != 0 && (U_GET_GC_MASK(first) & U_GC_M_MASK) != 0)
            bias[static_cast<std::size_t>(t)] += cfg.mark_boost;
        if (cfg.digit_boost != 0)
            for (std::size_t at = 0; at < piece.size();)
                if (u_isdigit(static_cast<UChar32>(next_code_point(piece, at)))) {
                    bias[static_cast<std::size_t>(t)] += cfg.digit_boost;
                    break;
                }
    }

    constraint_state state;
    constraint_options options;
    options.target = lang;
    options.names = cfg.names;
    options.numbers = cfg.numbers;
    llama_sampler *chain = llama_sampler_chain_init(llama_sampler_chain_default_params());
    llama_sampler_chain_add(chain, make_constraint_sampler(classes, options, &state));
    llama_sampler_chain_add(chain, llama_sampler_init_dist(cfg.seed));

    // A pool of normal logits, read at a random offset each step: drawing 150k normals per step would make
    // the test slow without making it any stronger.
    std::mt19937 rng(cfg.seed);
    std::normal_distribution<float> normal(0.0f, 2.0f);
    std::vector<float> pool(std::size_t{1} << 20);
    for (auto &x : pool) x = normal(rng);
    std::vector<llama_token_data> cur(static_cast<std::size_t>(n_vocab));
    for (std::size_t p = 0; p < cfg.paragraphs; ++p) {
        state.begin_paragraph(cfg.budget);
        std::string text;
        for (int step = 0; step < 4000 && !state.paragraph_complete(); ++step) {
            const std::size_t offset = rng();
            for (std::int32_t t = 0; t < n_vocab; ++t)
                cur[static_cast<std::size_t>(t)] = {
                    t,
                    pool[(offset + static_cast<std::size_t>(t)) & (pool.size() - 1)] +
                        bias[static_cast<std::size_t>(t)],
                    0.0f};
            llama_token_data_array cur_p{cur.data(), cur.size(), -1, false};
            llama_sampler_apply(chain, &cur_p);
            const llama_token token = cur_p.data[cur_p.selected].id;
            llama_sampler_accept(chain, token);
            out.tokens.push_back(token);
            char buf[256];
            const int len = llama_token_to_piece(v.vocab, token, buf, sizeof buf, 0, true);
            if (len > 0) text.append(buf, static_cast<std::size_t>(len));
        }
        out.paragraphs.push_back(text);
        out.sampler_words.push_back(state.paragraph_words());
        out.completed.push_back(state.paragraph_complete());
    }
    llama_sampler_free(chain);
    return out;
}

bool is_mark(char32_t cp) {
    return (U_GET_GC_MASK(static_cast<UChar32>(cp)) & U_GC_M_MASK) != 0;
}

// The letters and marks each tested language may write, written out here independently of the sampler's own
// table: alphabets, not whole scripts.
bool expected_letter(const std::string &lang, char32_t cp) {
    if (lang == "ar") return (cp >= 0x0621 && cp <= 0x063A) || (cp >= 0x0641 && cp <= 0x064A);
    if (lang == "ru") return (cp >= 0x0410 && cp <= 0x044F) || cp == 0x0401 || cp == 0x0451;
    if (lang == "zh") return cp >= 0x4E00 && cp <= 0x9FFF;
    const bool ascii = (cp >= U'a' && cp <= U'z') || (cp >= U'A' && cp <= U'Z');
    if (lang == "fr")
        return ascii ||
               std::u32string_view(U"éèêëàâîïôûùüçœæÉÈÊËÀÂÎÏÔÛÙÜÇŒÆ").find(cp) != std::u32string_view::npos;
    return ascii;
}

bool expected_mark(const std::string &lang, char32_t cp) {
    return lang == "ar" && cp >= 0x064B && cp <= 0x0652;
}

// Marks the bytes of `text` covered by a clean copy of one of `entries`: an occurrence not glued to letters
// or digits on either side. Languages written with spaces may have no letter, digit or mark next to a copy;
// Chinese, written without spaces, only no Latin letter or digit ("DeepSeek公司" is Chinese).
std::vector<bool> copy_coverage(const std::string &text, const std::vector<std::string> &entries,
                                bool spaced) {
    const auto glues = [&](char32_t cp) {
        if (cp == 0) return false;
        if (spaced) return is_letter_or_digit(cp) || is_mark(cp);
        return u_isdigit(static_cast<UChar32>(cp)) || (cp < 0x80 && is_letter_or_digit(cp));
    };
    std::vector<bool> covered(text.size(), false);
    for (const auto &entry : entries)
        for (std::size_t at = text.find(entry); at != std::string::npos; at = text.find(entry, at + 1)) {
            // An entry starts with a lead byte, so `at` is a character boundary; step back one character.
            std::size_t before_pos = at;
            while (before_pos > 0 && (static_cast<unsigned char>(text[--before_pos]) & 0xC0) == 0x80) {
            }
            const char32_t before = at > 0 ? next_code_point(text, before_pos) : 0;
            std::size_t after_pos = at + entry.size();
            const char32_t after = after_pos < text.size() ? next_code_point(text, after_pos) : 0;
            if (glues(before) || glues(after)) continue;
            std::fill(covered.begin() + static_cast<std::ptrdiff_t>(at),
                      covered.begin() + static_cast<std::ptrdiff_t>(at + entry.size()), true);
        }
    return covered;
}

// Every check the constraint promises, on one run. `where` names the run in failure messages.
void check_run(const run_config &cfg, const run_output &out, const std::string &where) {
    const language *lang = find_language(cfg.lang);
    const auto &v = load_vocab(cfg.vocab);
    ASSERT_EQ(out.paragraphs.size(), cfg.paragraphs) << where;
    for (std::int32_t t : out.tokens) {
        EXPECT_FALSE(llama_vocab_is_eog(v.vocab, t))
            << where << ": end-of-generation token " << t << " emitted";
        EXPECT_FALSE(llama_vocab_is_control(v.vocab, t)) << where << ": control token " << t << " emitted";
    }
    for (std::size_t p = 0; p < out.paragraphs.size(); ++p) {
        const std::string &text = out.paragraphs[p];
        const std::string at = where + " paragraph " + std::to_string(p) + " «" + text + "»";
        ASSERT_FALSE(find_invalid_utf8(text).has_value()) << at << ": not valid UTF-8";
        EXPECT_TRUE(out.completed[p]) << at << ": the paragraph never completed";
        EXPECT_EQ(text.find_first_of("\n\r\t"), std::string::npos)
            << at << ": line break or tab inside a paragraph";
        EXPECT_EQ(text.find("<|"), std::string::npos) << at << ": special token text";
        ASSERT_FALSE(text.empty()) << at;
        EXPECT_FALSE(is_space(static_cast<unsigned char>(text[0])))
            << at << ": paragraph starts with whitespace";

        const std::size_t words = count_words(text);
        EXPECT_EQ(words, out.sampler_words[p]) << at << ": the sampler's word count differs from count_words";
        EXPECT_GE(words, cfg.budget.min_words) << at << ": ended below the window";
        EXPECT_LE(words, cfg.budget.max_words) << at << ": ran past the window";

        // The paragraph ends with a terminator, optionally followed by closing quotes.
        std::u32string cps;
        for (std::size_t pos = 0; pos < text.size();) cps.push_back(next_code_point(text, pos));
        while (!cps.empty() && closers.find(cps.back()) != std::u32string::npos) cps.pop_back();
        ASSERT_FALSE(cps.empty()) << at;
        EXPECT_NE(terminators.find(cps.back()), std::u32string::npos)
            << at << ": does not end at a sentence end";

        // Letters are in the target's alphabet and digits nowhere, except inside clean copies of names (in
        // non-Latin targets) and of source numbers; a mark follows a letter (at most two marks in a row).
        std::vector<std::string> copies = cfg.numbers;
        copies.insert(copies.end(), cfg.names.begin(), cfg.names.end());
        // In English and French a capital inside a sentence marks a name: outside copies, capitals only open
        // a sentence.
        const bool capitals_are_names = cfg.lang == "en" || cfg.lang == "fr";
        bool sentence_open = true;  // no letter or digit since the paragraph start or the last terminator
        const auto covered = copy_coverage(text, copies, lang->code != "zh");
        // Two copies are never separated by spaces alone: "Blackwell University" read as one name.
        for (std::size_t i = 1; i < text.size(); ++i) {
            if (!covered[i - 1] || covered[i] || text[i] != ' ') continue;
            std::size_t j = i;
            while (j < text.size() && text[j] == ' ') ++j;
            EXPECT_FALSE(j < text.size() && covered[j])
                << at << ": two copies joined by a space at byte " << i;
        }
        char32_t prev = 0, prev2 = 0;
        for (std::size_t pos = 0; pos < text.size();) {
            const std::size_t start = pos;
            const char32_t cp = next_code_point(text, pos);
            const char32_t before = prev, before2 = prev2;
            prev2 = prev;
            prev = cp;
            const bool opens_sentence = sentence_open;
            if (terminators.find(cp) != std::u32string::npos) sentence_open = true;
            if (is_letter_or_digit(cp)) sentence_open = false;
            if (covered[start]) continue;
            if (capitals_are_names && u_isupper(static_cast<UChar32>(cp))) {
                EXPECT_TRUE(opens_sentence) << at << ": capital letter at byte " << start
                                            << " inside a sentence, outside any copied name";
            }
            if (is_mark(cp)) {
                EXPECT_TRUE(expected_mark(cfg.lang, cp))
                    << at << ": mark U+" << std::hex << static_cast<std::uint32_t>(cp) << std::dec
                    << " at byte " << start << " is not one the language writes";
                EXPECT_TRUE(expected_letter(cfg.lang, before) ||
                            (is_mark(before) && expected_letter(cfg.lang, before2)))
                    << at << ": mark at byte " << start << " does not follow a letter";
                continue;
            }
            if (!is_letter_or_digit(cp)) continue;
            if (u_isdigit(static_cast<UChar32>(cp))) {
                ADD_FAILURE() << at << ": digit at byte " << start << " is not part of a whole source number";
                continue;
            }
            EXPECT_TRUE(expected_letter(cfg.lang, cp))
                << at << ": letter U+" << std::hex << static_cast<std::uint32_t>(cp) << " at byte "
                << std::dec << start << " is not in the " << cfg.lang
                << " alphabet (nor in a clean copy of a name)";
        }
    }
}

// Source numbers as the generator passes them, for a target.
std::vector<std::string> source_numbers(const std::string &lang) {
    return copyable_numbers("بلغت الخسائر 5.6 مليون دولار في 2024، وعمل على النموذج 2,048 مهندسا.",
                            *find_language(lang));
}

class constraint_sampler_languages : public ::testing::TestWithParam<std::tuple<std::string, std::string>> {};

TEST_P(constraint_sampler_languages, random_model_output_keeps_every_constraint) {
    const auto &[vocab, lang] = GetParam();
    if (load_vocab(vocab).vocab == nullptr)
        GTEST_SKIP() << "ggml-vocab-" << vocab << ".gguf not found in " << PRECIS_LLAMA_DIR;
    for (std::uint32_t seed : {1u, 2u}) {
        run_config cfg;
        cfg.vocab = vocab;
        cfg.lang = lang;
        cfg.seed = seed;
        cfg.names = {"DeepSeek", "H800"};
        cfg.numbers = source_numbers(lang);
        check_run(cfg, generate(cfg), vocab + "/" + lang + "/seed " + std::to_string(seed));
    }
}

TEST_P(constraint_sampler_languages, paragraphs_wait_for_the_window_when_the_model_wants_to_stop) {
    const auto &[vocab, lang] = GetParam();
    if (load_vocab(vocab).vocab == nullptr) GTEST_SKIP() << "ggml-vocab-" << vocab << ".gguf not found";
    run_config cfg;
    cfg.vocab = vocab;
    cfg.lang = lang;
    cfg.seed = 7;
    cfg.terminator_boost = 12;  // the model would end every sentence after one token
    cfg.budget = {30, 32, 34};
    const run_output out = generate(cfg);
    check_run(cfg, out, vocab + "/" + lang + "/eager terminators");
    // Sentences still have at least min_sentence_words words (3) before their terminator; only the last one,
    // which the word limit may force to end, can be shorter.
    for (const auto &p : out.paragraphs) {
        std::vector<std::size_t> sentence_words;
        std::size_t begin = 0;
        char32_t previous = 0;
        for (std::size_t pos = 0; pos < p.size();) {
            const char32_t cp = next_code_point(p, pos);
            const bool run = terminators.find(previous) != std::u32string::npos;  // "..." or "?!" is one end
            previous = cp;
            if (terminators.find(cp) == std::u32string::npos || run) continue;
            sentence_words.push_back(count_words(std::string_view(p).substr(begin, pos - begin)));
            begin = pos;
        }
        for (std::size_t k = 0; k + 1 < sentence_words.size(); ++k)
            EXPECT_GE(sentence_words[k], 3u)
                << "sentence " << k << " has " << sentence_words[k] << " words in «" << p << "»";
    }
}

INSTANTIATE_TEST_SUITE_P(vocabularies, constraint_sampler_languages,
                         ::testing::Combine(::testing::Values("qwen2", "llama-spm"),
                                            ::testing::Values("ar", "en", "fr", "ru", "zh")),
                         [](const auto &info) {
                             std::string name = std::get<0>(info.param) + "_" + std::get<1>(info.param);
                             std::replace(name.begin(), name.end(), '-', '_');
                             return name;
                         });

TEST(constraint_sampler, names_are_copied_exactly_when_the_model_favours_them) {
    for (const std::string lang : {"ar", "ru", "zh"}) {
        run_config cfg;
        cfg.lang = lang;
        cfg.names = {"DeepSeek", "H800"};
        cfg.name_boost = 9;
        cfg.seed = 3;
        const run_output out = generate(cfg);
        if (out.paragraphs.empty()) GTEST_SKIP() << "qwen2 vocabulary not found";
        check_run(cfg, out, "names/" + lang);
        std::string all;
        for (const auto &p : out.paragraphs) all += p + "\n";
        EXPECT_NE(all.find("DeepSeek"), std::string::npos)
            << lang << ": DeepSeek never copied in «" << all << "»";
        EXPECT_NE(all.find("H800"), std::string::npos) << lang << ": H800 never copied in «" << all << "»";
    }
}

TEST_P(constraint_sampler_languages, digits_appear_only_as_whole_unglued_source_numbers) {
    const auto &[vocab, lang] = GetParam();
    if (load_vocab(vocab).vocab == nullptr) GTEST_SKIP() << "ggml-vocab-" << vocab << ".gguf not found";
    // A model that wants digits, names and harakat everywhere: every digit must still be a whole number of
    // the source, every copy must stand apart from the letters around it, every mark must follow a letter.
    std::size_t numbers_copied = 0;
    for (std::uint32_t seed : {11u, 12u, 13u}) {
        run_config cfg;
        cfg.vocab = vocab;
        cfg.lang = lang;
        cfg.seed = seed;
        cfg.names = {"DeepSeek", "H800", "Liang Wenfeng"};
        cfg.numbers = source_numbers(lang);
        cfg.digit_boost = 6;
        cfg.name_boost = 4;
        cfg.mark_boost = 6;
        cfg.paragraphs = 3;
        const run_output out = generate(cfg);
        check_run(cfg, out, vocab + "/" + lang + "/digits/seed " + std::to_string(seed));
        for (const auto &p : out.paragraphs)
            for (const auto &number : cfg.numbers)
                for (std::size_t at = p.find(number); at != std::string::npos; at = p.find(number, at + 1))
                    ++numbers_copied;
    }
    EXPECT_GT(numbers_copied, 0u) << vocab << "/" << lang
                                  << ": no source number was ever copied although the model favoured digits";
}

TEST(constraint_sampler, copyable_numbers_are_digit_groups_in_western_and_the_targets_own_digits) {
    const std::string source = "بلغت الخسائر ٥٫٦ مليون دولار في 2024، وعمل 2,048 مهندسا على H800 بنسبة 12%.";
    const auto ar = copyable_numbers(source, *find_language("ar"));
    for (const char *expected : {"٥٫٦", "5.6", "2024", "٢٠٢٤", "2,048", "٢٬٠٤٨", "12", "١٢"})
        EXPECT_NE(std::find(ar.begin(), ar.end(), expected), ar.end()) << "ar: missing «" << expected << "»";
    const auto en = copyable_numbers(source, *find_language("en"));
    for (const char *expected : {"5.6", "2024", "2,048", "12"})
        EXPECT_NE(std::find(en.begin(), en.end(), expected), en.end()) << "en: missing «" << expected << "»";
    for (const auto &n : en) {
        EXPECT_EQ(n.find("٥"), std::string::npos) << "en: Eastern Arabic digits offered: «" << n << "»";
        EXPECT_EQ(n.find_first_of("%H"), std::string::npos) << "en: not a bare digit group: «" << n << "»";
    }
    EXPECT_EQ(std::set<std::string>(ar.begin(), ar.end()).size(), ar.size()) << "duplicates in the ar list";
}

TEST(constraint_sampler, numbers_copied_from_the_source_pass_the_numbers_check) {
    if (load_vocab("qwen2").vocab == nullptr) GTEST_SKIP() << "qwen2 vocabulary not found";
    // Written for this test: a bridge, its length and cost, a start year, daily crossings in Eastern Arabic
    // digits and a percentage.
    const std::string source =
        "أعلنت شركة Harbourline يوم الثلاثاء أنها ستبني جسرا بطول 2,400 متر بتكلفة 48 مليون جنيه. "
        "وقالت المديرة Ada Brennick إن العمل سيبدأ في 2027، وإن نحو ٣٢٠٠ شخص يعبرون المضيق يوميا. "
        "وارتفعت رسوم العبور بنسبة 12.5% خلال عام واحد، بحسب تقرير نشرته البلدية.";
    const source_analysis analysis = analyze(source);
    std::size_t digits_written = 0;
    for (std::uint32_t seed : {21u, 22u, 23u}) {
        // What the generator passes: the source's Latin names and its numbers in forms Arabic may write.
        run_config cfg;
        cfg.lang = "ar";
        cfg.seed = seed;
        cfg.names = extract_latin_names(source);
        cfg.numbers = copyable_numbers(source, *find_language("ar"));
        cfg.digit_boost = 7;
        cfg.paragraphs = 2;
        const run_output out = generate(cfg);
        const std::string where = "seed " + std::to_string(seed);
        check_run(cfg, out, where);
        std::string summary;
        for (const auto &p : out.paragraphs) summary += (summary.empty() ? "" : "\n\n") + p;
        for (char c : summary) digits_written += c >= '0' && c <= '9';
        summary_spec spec;
        spec.language = "ar";
        const check_report report = run_checks({summary, &analysis, spec, {}});
        const check_item *numbers = report.find("numbers");
        ASSERT_NE(numbers, nullptr);
        EXPECT_TRUE(numbers->passed) << where << ": " << numbers->detail << " in «" << summary << "»";
        const check_item *entities = report.find("entities");
        ASSERT_NE(entities, nullptr);
        EXPECT_TRUE(entities->passed) << where << ": " << entities->detail;
    }
    EXPECT_GT(digits_written, 0u)
        << "the model favoured digits but never wrote one: the check above is vacuous";
}

TEST(constraint_sampler, english_and_french_output_invents_no_names) {
    if (load_vocab("qwen2").vocab == nullptr) GTEST_SKIP() << "qwen2 vocabulary not found";
    // Written for this test. In Latin-script text a capital inside a sentence marks a name, so the entities
    // check reads every invented capitalised word as an invented name.
    const std::string source =
        "The harbour board of Tarrow Bay met on Monday. Its chair, Mira Osei, said the Castellan Group would "
        "build the new quay by 2027 for 48 million pounds. Northwind Marine opposed the plan.";
    const source_analysis analysis = analyze(source);
    std::size_t names_copied = 0;
    for (const std::string lang : {"en", "fr"})
        for (std::uint32_t seed : {31u, 32u}) {
            run_config cfg;
            cfg.lang = lang;
            cfg.seed = seed;
            cfg.names = extract_latin_names(source);
            cfg.numbers = copyable_numbers(source, *find_language(lang));
            cfg.name_boost = 3;
            cfg.paragraphs = 2;
            const run_output out = generate(cfg);
            const std::string where = lang + "/seed " + std::to_string(seed);
            check_run(cfg, out, where);
            std::string summary;
            for (const auto &p : out.paragraphs) summary += (summary.empty() ? "" : "\n\n") + p;
            for (const auto &name : cfg.names) names_copied += summary.find(name) != std::string::npos;
            summary_spec spec;
            spec.language = lang;
            const check_report report = run_checks({summary, &analysis, spec, {}});
            for (const char *check : {"entities", "numbers"}) {
                const check_item *item = report.find(check);
                ASSERT_NE(item, nullptr) << check;
                EXPECT_TRUE(item->passed) << where << ": " << item->detail << " in «" << summary << "»";
            }
        }
    EXPECT_GT(names_copied, 0u) << "no source name was ever copied although the model favoured them";
}

TEST(constraint_sampler, array_not_in_id_order_is_masked_with_the_same_allowed_set) {
    const auto &v = load_vocab("qwen2");
    if (v.vocab == nullptr) GTEST_SKIP() << "qwen2 vocabulary not found";
    const language *ar = find_language("ar");
    constraint_state state;
    constraint_options options;
    options.target = ar;
    llama_sampler *smpl = make_constraint_sampler(token_classes_for(v.vocab, *ar), options, &state);
    state.begin_paragraph({10, 12, 14});
    const std::int32_t n = llama_vocab_n_tokens(v.vocab);
    std::mt19937 rng(5);
    std::uniform_real_distribution<float> logit(0.0f, 1.0f);
    for (int step = 0; step < 50; ++step) {
        std::vector<llama_token_data> ordered(static_cast<std::size_t>(n));
        for (std::int32_t t = 0; t < n; ++t) ordered[static_cast<std::size_t>(t)] = {t, logit(rng), 0.0f};
        std::vector<llama_token_data> reversed(ordered.rbegin(), ordered.rend());
        std::vector<float> original(static_cast<std::size_t>(n));
        for (std::int32_t t = 0; t < n; ++t)
            original[static_cast<std::size_t>(t)] = ordered[static_cast<std::size_t>(t)].logit;
        llama_token_data_array a{ordered.data(), ordered.size(), -1, false};
        llama_token_data_array b{reversed.data(), reversed.size(), -1, false};
        llama_sampler_apply(smpl, &a);
        llama_sampler_apply(smpl, &b);
        std::set<std::int32_t> fast, masked;
        for (std::size_t i = 0; i < a.size; ++i) fast.insert(a.data[i].id);
        for (std::size_t i = 0; i < b.size; ++i)
            if (std::isfinite(b.data[i].logit)) masked.insert(b.data[i].id);
        ASSERT_FALSE(fast.empty()) << "step " << step << ": nothing allowed";
        ASSERT_LT(fast.size(), static_cast<std::size_t>(n)) << "step " << step << ": nothing was filtered";
        ASSERT_EQ(fast, masked) << "step " << step << ": compacting and masking disagree";
        // The logits that survive are the model's own.
        for (std::size_t i = 0; i < a.size; ++i)
            ASSERT_EQ(a.data[i].logit, original[static_cast<std::size_t>(a.data[i].id)]) << "step " << step;
        llama_sampler_accept(smpl, a.data[static_cast<std::size_t>(step * 7919) % a.size].id);
        if (state.paragraph_complete()) state.begin_paragraph({10, 12, 14});
    }
    llama_sampler_free(smpl);
}

}  // namespace
