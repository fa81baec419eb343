// The abstractive prompt's text: instructions in the target language, numbered source sentences, the plan,
// and the choice of sentences when the source does not fit the context.
#include <gtest/gtest.h>

#include <regex>
#include <string>
#include <vector>

#include "llm/prompt.h"
#include "precis/language.h"

namespace {

using precis::detail::instructions_for;
using precis::detail::select_sentences;
using precis::detail::user_message;

precis::source_analysis small_source() {
    precis::source_analysis a;
    a.language = "en";
    for (const char *s : {"The mill reopened in March.", "It employs 40 people.", "Orders come from Norway.",
                          "The owner plans a second line."})
        a.sentences.push_back({s, 0, 5});
    return a;
}

precis::content_plan two_paragraph_plan() {
    precis::content_plan plan;
    plan.paragraphs = {{120, {0, 1}}, {80, {2, 3}}};
    plan.salience = {1.0, 0.2, 0.6, 0.4};
    return plan;
}

precis::summary_spec spec_for(const std::string &lang) {
    precis::summary_spec s;
    s.words = 200;
    s.min_words = 196;
    s.max_words = 204;
    s.paragraphs = 2;
    s.language = lang;
    return s;
}

// The wording with its {placeholders} removed.
std::string literal_text(std::string_view tmpl) {
    return std::regex_replace(std::string(tmpl), std::regex("\\{[a-z]+\\}"), " ");
}

TEST(prompt, each_required_language_has_instructions_written_in_its_own_script) {
    for (const char *code : {"ar", "en", "fr", "ru", "zh", "es", "de"}) {
        const auto &text = instructions_for(code);
        EXPECT_EQ(text.code, code) << code << " falls back to another language's wording";
        const auto *lang = precis::find_language(code);
        ASSERT_NE(lang, nullptr) << code;
        for (std::string_view part : {text.system, text.task, text.source_heading, text.plan_heading, text.plan_line,
                                      text.plan_line_free}) {
            EXPECT_FALSE(part.empty()) << code;
            EXPECT_DOUBLE_EQ(precis::script_share(literal_text(part), lang->letters), 1.0)
                << code << ": letters outside " << precis::script_name(lang->letters) << " in: " << part;
        }
    }
}

TEST(prompt, instructions_differ_between_languages) {
    EXPECT_NE(instructions_for("fr").task, instructions_for("es").task);
    EXPECT_NE(instructions_for("ar").task, instructions_for("en").task);
}

TEST(prompt, language_without_own_wording_gets_english_naming_the_target) {
    const auto msg = user_message(instructions_for("ja"), small_source(), spec_for("ja"), two_paragraph_plan(),
                                  {0, 1, 2, 3});
    EXPECT_NE(msg.find("Japanese"), std::string::npos) << msg;
    EXPECT_NE(msg.find("Number of paragraphs: 2"), std::string::npos) << msg;
}

TEST(prompt, message_states_counts_numbers_sentences_and_cites_them_in_the_plan) {
    const auto msg =
        user_message(instructions_for("en"), small_source(), spec_for("en"), two_paragraph_plan(), {0, 1, 2, 3});
    EXPECT_NE(msg.find("in English"), std::string::npos) << msg;
    EXPECT_NE(msg.find("about 200 words"), std::string::npos) << msg;
    EXPECT_NE(msg.find("[1] The mill reopened in March.\n"), std::string::npos) << msg;
    EXPECT_NE(msg.find("[4] The owner plans a second line.\n"), std::string::npos) << msg;
    EXPECT_NE(msg.find("Paragraph 1: about 120 words, drawing on sentences 1, 2."), std::string::npos) << msg;
    EXPECT_NE(msg.find("Paragraph 2: about 80 words, drawing on sentences 3, 4."), std::string::npos) << msg;
    EXPECT_LT(msg.find("[1]"), msg.find("[4]"));
}

TEST(prompt, arabic_message_uses_arabic_wording_and_the_native_language_name) {
    const auto msg =
        user_message(instructions_for("ar"), small_source(), spec_for("ar"), two_paragraph_plan(), {0, 1, 2, 3});
    EXPECT_NE(msg.find("باللغة العربية"), std::string::npos) << msg;
    EXPECT_NE(msg.find("الفقرة 2: نحو 80 كلمة"), std::string::npos) << msg;
    EXPECT_NE(msg.find("1، 2"), std::string::npos) << "sentence numbers joined with the Arabic comma: " << msg;
}

TEST(prompt, sentences_left_out_of_the_prompt_are_left_out_of_the_plan) {
    const auto msg = user_message(instructions_for("en"), small_source(), spec_for("en"), two_paragraph_plan(), {0, 2});
    EXPECT_EQ(msg.find("[2]"), std::string::npos) << msg;
    EXPECT_NE(msg.find("drawing on sentences 1."), std::string::npos) << msg;
    EXPECT_NE(msg.find("drawing on sentences 3."), std::string::npos) << msg;
}

TEST(prompt, paragraph_without_sentences_gets_a_budget_only_line) {
    auto plan = two_paragraph_plan();
    plan.paragraphs[1].sentences.clear();
    const auto msg = user_message(instructions_for("en"), small_source(), spec_for("en"), plan, {0, 1, 2, 3});
    EXPECT_NE(msg.find("Paragraph 2: about 80 words.\n"), std::string::npos) << msg;
}

TEST(prompt, selection_keeps_everything_when_it_fits) {
    EXPECT_EQ(select_sentences({10, 10, 10, 10}, {0.1, 0.2, 0.3, 0.4}, two_paragraph_plan(), 40),
              (std::vector<std::size_t>{0, 1, 2, 3}));
}

TEST(prompt, selection_prefers_plan_sentences_then_salience_and_returns_source_order) {
    precis::content_plan plan;
    plan.paragraphs = {{100, {3}}};
    // Sentence 3 is in the plan; then 1 (0.9) and 4 (0.8) by salience; 0 and 2 do not fit.
    const auto chosen = select_sentences({10, 10, 10, 10, 10}, {0.5, 0.9, 0.1, 0.0, 0.8}, plan, 30);
    EXPECT_EQ(chosen, (std::vector<std::size_t>{1, 3, 4}));
}

TEST(prompt, selection_never_exceeds_the_budget_and_fills_gaps_with_shorter_sentences) {
    precis::content_plan plan;
    plan.paragraphs = {{100, {}}};
    // The most salient sentence (cost 50) does not fit in 30; the shorter ones still do.
    const auto chosen = select_sentences({50, 20, 10}, {1.0, 0.5, 0.4}, plan, 30);
    EXPECT_EQ(chosen, (std::vector<std::size_t>{1, 2}));
    std::size_t cost = 0;
    for (auto i : chosen) cost += std::vector<std::size_t>{50, 20, 10}[i];
    EXPECT_LE(cost, 30u);
}

TEST(prompt, selection_tolerates_missing_salience_scores) {
    precis::content_plan plan;
    plan.paragraphs = {{100, {}}};
    EXPECT_EQ(select_sentences({5, 5, 5}, {}, plan, 10), (std::vector<std::size_t>{0, 1}));
}

}  // namespace
