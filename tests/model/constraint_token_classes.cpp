// Token classes (what each token may be, per language) and the repetition ban, on the qwen2 vocabulary.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <random>
#include <set>
#include <string>
#include <vector>

#include <unicode/uchar.h>

#include "llama.h"
#include "llm/constraint_sampler.h"
#include "precis/language.h"
#include "precis/utf8.h"
#include "precis/words.h"

namespace {

using namespace precis;
using namespace precis::detail;

const llama_vocab *qwen2() {
    static llama_model *model = [] {
        llama_backend_init();
        llama_log_set([](ggml_log_level, const char *, void *) {}, nullptr);
        llama_model_params params = llama_model_default_params();
        params.vocab_only = true;
        const std::string path = std::string(PRECIS_LLAMA_DIR) + "/models/ggml-vocab-qwen2.gguf";
        return llama_model_load_from_file(path.c_str(), params);
    }();
    return model ? llama_model_get_vocab(model) : nullptr;
}

bool in(const std::vector<std::int32_t> &list, std::int32_t t) {
    return std::binary_search(list.begin(), list.end(), t);
}

TEST(constraint_token_classes, arabic_lists_hold_arabic_text_and_nothing_else) {
    const llama_vocab *vocab = qwen2();
    if (vocab == nullptr) GTEST_SKIP() << "qwen2 vocabulary not found";
    const auto classes = token_classes_for(vocab, *find_language("ar"));
    const auto &all = classes->normal(true, true);
    ASSERT_GT(all.size(), 1000u) << "qwen2 has thousands of Arabic tokens";
    for (std::int32_t t : all) {
        const std::string_view piece = classes->piece(t);
        EXPECT_EQ(piece.find_first_of("\n\r\t"), std::string_view::npos)
            << "token " << t << " holds a line break";
        EXPECT_FALSE(llama_vocab_is_eog(vocab, t) || llama_vocab_is_control(vocab, t))
            << "special token " << t;
        for (char c : piece)
            EXPECT_FALSE((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
                << "Latin letter in token " << t << " «" << piece << "»";
    }
    // Tokens a writer of Arabic needs are there: the Arabic comma and question mark, common words.
    for (const char *text : {"،", "؟", " في", "."}) {
        const std::int32_t t = classes->find_piece(text);
        if (t < 0) continue;  // not a single token in this vocabulary
        EXPECT_TRUE(in(all, t)) << "«" << text << "» should be allowed for Arabic";
    }
    const std::int32_t newline = classes->find_piece("\n");
    ASSERT_GE(newline, 0);
    EXPECT_FALSE(in(all, newline)) << "a newline token is allowed inside a paragraph";
    const std::int32_t english = classes->find_piece(" the");
    ASSERT_GE(english, 0);
    EXPECT_FALSE(in(all, english)) << "an English word is allowed in Arabic text";
}

// Every character any allowed token (or byte completion) can put into Arabic text: letters of the Arabic
// alphabet, harakat, punctuation and the space. Never a digit (numbers come only from the source, through the
// copy trie), a presentation form, tatweel, a Persian or Urdu letter, or a Quranic mark.
TEST(constraint_token_classes, arabic_tokens_write_the_arabic_alphabet_not_the_whole_script) {
    for (const char *name : {"qwen2", "llama-spm"}) {
        llama_model_params params = llama_model_default_params();
        params.vocab_only = true;
        const std::string path = std::string(PRECIS_LLAMA_DIR) + "/models/ggml-vocab-" + name + ".gguf";
        llama_model *model = llama_model_load_from_file(path.c_str(), params);
        if (model == nullptr) GTEST_SKIP() << path << " not found";
        const auto classes = token_classes_for(llama_model_get_vocab(model), *find_language("ar"));
        const auto check = [&](const std::string &text, const std::string &what) {
            for (std::size_t pos = 0; pos < text.size();) {
                const char32_t cp = next_code_point(text, pos);
                const bool letter = (cp >= 0x0621 && cp <= 0x063A) || (cp >= 0x0641 && cp <= 0x064A);
                const bool haraka = cp >= 0x064B && cp <= 0x0652;
                const bool other = !is_letter_or_digit(cp) && cp < 0x0600;  // space and Latin punctuation
                const bool arabic_punctuation = cp == U'،' || cp == U'؛' || cp == U'؟' || cp == U'٪';
                EXPECT_TRUE(letter || haraka || other || arabic_punctuation)
                    << name << ": " << what << " «" << text << "» writes U+" << std::hex
                    << static_cast<std::uint32_t>(cp);
                EXPECT_FALSE(u_isdigit(static_cast<UChar32>(cp)))
                    << name << ": " << what << " «" << text << "»";
            }
        };
        std::size_t checked = 0;
        for (std::int32_t t : classes->normal(true, true)) {
            const token_effect &e = classes->effect(t);
            if (e.pending >= 0) continue;  // ends mid-character: checked with its completions below
            check(std::string(classes->piece(t)), "token " + std::to_string(t));
            ++checked;
        }
        for (const auto &ps : classes->pending())
            for (std::int32_t t : ps.tokens) {
                const std::string joined = ps.bytes + std::string(classes->piece(t));
                // The complete characters (the text may end in another incomplete sequence).
                std::size_t end = 0;
                while (end < joined.size()) {
                    const auto len = static_cast<std::size_t>(
                        utf8_sequence_length(static_cast<unsigned char>(joined[end])));
                    if (len == 0 || end + len > joined.size()) break;
                    end += len;
                }
                check(joined.substr(0, end), "byte completion");
            }
        // qwen2 has thousands of Arabic tokens; the Llama SentencePiece vocabulary about two hundred.
        EXPECT_GT(checked, std::string(name) == "qwen2" ? 1000u : 100u) << name << ": too few Arabic tokens";
        // Tokens the whole-script rule used to let through are refused.
        for (const char *text : {"ﻻ", "ـ", "پ", "ک", "٣", "3", "2024"}) {
            const std::int32_t t = classes->find_piece(text);
            if (t >= 0) {
                EXPECT_FALSE(in(classes->normal(true, true), t)) << name << ": «" << text << "» allowed";
            }
        }
        llama_model_free(model);
    }
}

TEST(constraint_token_classes, every_supported_language_has_an_alphabet_in_its_own_script) {
    for (const language &lang : supported_languages()) {
        const alphabet *a = nullptr;
        ASSERT_NO_THROW(a = &alphabet_for(lang)) << lang.code << " has no alphabet row";
        ASSERT_FALSE(a->ranges.empty() && a->singles.empty()) << lang.code << ": no letters";
        ASSERT_EQ(a->ranges.size() % 2, 0u) << lang.code << ": ranges must be lo, hi pairs";
        // Every letter of the row is a letter of the language's script (Japanese also writes Han, and the
        // prolonged sound mark ー, shared by hiragana and katakana, is in Unicode's Common script).
        const auto check = [&](char32_t cp) {
            const script s = script_of(cp);
            EXPECT_TRUE(s == lang.letters ||
                        (lang.letters == script::kana && (s == script::han || s == script::common)))
                << lang.code << ": U+" << std::hex << static_cast<std::uint32_t>(cp) << " is "
                << script_name(s);
            EXPECT_TRUE(a->is_letter(cp)) << lang.code;
        };
        for (std::size_t i = 0; i + 1 < a->ranges.size(); i += 2) {
            EXPECT_LE(a->ranges[i], a->ranges[i + 1]) << lang.code << ": range " << i / 2 << " is reversed";
            check(a->ranges[i]);
            check(a->ranges[i + 1]);
        }
        for (char32_t cp : a->singles) check(cp);
        for (char32_t d = U'0'; d <= U'9'; ++d) EXPECT_FALSE(a->is_letter(d)) << lang.code;
        // Qwen2's tokenizer covers every supported language: the classes build and leave text to write.
        if (const llama_vocab *vocab = qwen2()) {
            std::shared_ptr<const token_classes> classes;
            ASSERT_NO_THROW(classes = token_classes_for(vocab, lang)) << lang.code;
            EXPECT_GT(classes->paragraph_start().size(), 20u)
                << lang.code << ": almost nothing can open text";
        }
    }
}

TEST(constraint_token_classes, sentence_end_and_paragraph_start_lists_follow_the_rules) {
    const llama_vocab *vocab = qwen2();
    if (vocab == nullptr) GTEST_SKIP() << "qwen2 vocabulary not found";
    for (const char *code : {"ar", "en", "fr", "ru", "zh"}) {
        const auto classes = token_classes_for(vocab, *find_language(code));
        ASSERT_FALSE(classes->terminators().empty()) << code;
        for (std::int32_t t : classes->terminators()) {
            EXPECT_EQ(count_words(classes->piece(t)), 0u)
                << code << ": terminator token «" << classes->piece(t) << "» adds words";
            EXPECT_TRUE(classes->effect(t).flags & ends_sentence)
                << code << ": «" << classes->piece(t) << "»";
        }
        for (std::int32_t t : classes->paragraph_start()) {
            const std::string_view p = classes->piece(t);
            ASSERT_FALSE(p.empty()) << code;
            EXPECT_NE(p[0], ' ') << code << ": paragraph may start with a space: «" << p << "»";
        }
        // Chinese is written without spaces: no allowed token holds one.
        if (std::string(code) == "zh") {
            for (std::int32_t t : classes->normal(true, true)) {
                EXPECT_EQ(classes->piece(t).find(' '), std::string_view::npos)
                    << "zh token «" << classes->piece(t) << "»";
            }
        }
    }
}

TEST(constraint_token_classes, word_effects_match_count_words_for_every_allowed_token) {
    const llama_vocab *vocab = qwen2();
    if (vocab == nullptr) GTEST_SKIP() << "qwen2 vocabulary not found";
    for (const char *code : {"ar", "zh", "en"}) {
        const auto classes = token_classes_for(vocab, *find_language(code));
        for (std::int32_t t : classes->normal(true, true)) {
            const token_effect &e = classes->effect(t);
            if (e.pending >= 0) continue;  // ends mid-character: counted when the character completes
            const std::string p(classes->piece(t));
            // From outside a word, after a space, and inside a counted word ("a" before it).
            EXPECT_EQ(e.words[0], count_words(p)) << code << ": «" << p << "»";
            EXPECT_EQ(e.words[1], count_words("-" + p)) << code << ": «" << p << "» after punctuation";
            EXPECT_EQ(e.words[2], count_words("a" + p) - 1) << code << ": «" << p << "» after a word";
        }
    }
}

TEST(constraint_sampler, no_token_ngram_repeats_even_when_the_model_loves_a_phrase) {
    const llama_vocab *vocab = qwen2();
    if (vocab == nullptr) GTEST_SKIP() << "qwen2 vocabulary not found";
    const language *ar = find_language("ar");
    const auto classes = token_classes_for(vocab, *ar);
    constraint_state state;
    constraint_options options;
    options.target = ar;
    options.no_repeat_ngram = 3;
    llama_sampler *chain = llama_sampler_chain_init(llama_sampler_chain_default_params());
    llama_sampler_chain_add(chain, make_constraint_sampler(classes, options, &state));
    llama_sampler_chain_add(chain, llama_sampler_init_greedy());
    // A model that always prefers the same dozen tokens: greedy decoding would loop on them forever.
    const auto &allowed = classes->normal(false, false);
    std::vector<std::int32_t> favourites;
    for (std::size_t i = 0; i < 12; ++i) favourites.push_back(allowed[(i * 97) % allowed.size()]);
    const auto n = static_cast<std::size_t>(llama_vocab_n_tokens(vocab));
    std::vector<llama_token_data> cur(n);
    std::mt19937 rng(3);
    std::uniform_real_distribution<float> noise(0.0f, 0.01f);
    std::vector<std::int32_t> emitted;
    state.begin_paragraph({0, 0, 0});
    for (int step = 0; step < 400; ++step) {
        for (std::size_t t = 0; t < n; ++t) cur[t] = {static_cast<llama_token>(t), noise(rng), 0.0f};
        for (std::size_t k = 0; k < favourites.size(); ++k)
            cur[static_cast<std::size_t>(favourites[k])].logit = 10.0f + static_cast<float>(k);
        llama_token_data_array cur_p{cur.data(), cur.size(), -1, false};
        llama_sampler_apply(chain, &cur_p);
        const llama_token token = cur_p.data[cur_p.selected].id;
        llama_sampler_accept(chain, token);
        emitted.push_back(token);
    }
    std::set<std::vector<std::int32_t>> seen;
    for (std::size_t i = 0; i + 3 <= emitted.size(); ++i) {
        const std::vector<std::int32_t> gram(emitted.begin() + static_cast<std::ptrdiff_t>(i),
                                             emitted.begin() + static_cast<std::ptrdiff_t>(i + 3));
        EXPECT_TRUE(seen.insert(gram).second)
            << "3-gram repeated at token " << i << ": «" << classes->piece(gram[0]) << "|"
            << classes->piece(gram[1]) << "|" << classes->piece(gram[2]) << "»";
    }
    llama_sampler_free(chain);
}

}  // namespace
