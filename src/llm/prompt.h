// src/llm/prompt.h — the prompt of an abstractive run: instructions in the target language, the source
// (numbered sentences, reduced to the most salient ones when it does not fit), and the content plan (per
// paragraph its word budget and the sentences it covers), formatted with the model's chat template.
//
//   precis::detail::prompt p = precis::detail::build_prompt(m, source, spec, plan, 8192);
//   // p.tokens → llama_decode once; p.source_reduced → generation_result.source_reduced
//
// The text parts (instruction wording, sentence selection) need no model and are unit-tested on their own.
// Thread-safe: no shared state.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "precis/analyze.h"
#include "precis/plan.h"
#include "precis/spec.h"

namespace precis {
class model;
}

namespace precis::detail {

// The instruction wording for one language. Placeholders: {language} {paragraphs} {words} {index}
// {sentences}. Written for the language itself, so the model reads its instructions in the language it must
// write (which keeps weaker models from drifting into English).
struct instruction_text {
    std::string_view code;            // ISO 639-1 the text is written in
    std::string_view system;          // the system message
    std::string_view task;            // what to write: language, paragraph count, total length, rules
    std::string_view source_heading;  // introduces the numbered source sentences
    std::string_view plan_heading;    // introduces the plan
    std::string_view plan_line;       // one paragraph of the plan, with the sentences it covers
    std::string_view plan_line_free;  // one paragraph of the plan that has no sentences assigned
    std::string_view list_separator;  // between sentence numbers: ", " or "、"
};

// The wording for `language_code` (ar, en, fr, ru, zh, es, de); any other language gets the English wording,
// which names the target language. Never null.
const instruction_text &instructions_for(std::string_view language_code) noexcept;

// The languages that have their own wording.
std::vector<std::string_view> instruction_languages();

// The user message: task, numbered source sentences `used` (indices into source.sentences, ascending), and
// the plan. Plan sentences not in `used` are left out of the plan lines.
std::string user_message(const instruction_text &text, const source_analysis &source, const summary_spec &spec,
                         const content_plan &plan, const std::vector<std::size_t> &used);

// Chooses which source sentences go into the prompt when they cannot all fit: the plan's sentences first, then
// the rest by descending salience (ties: earlier first), while the sum of `cost` stays within `budget`.
// Returns ascending indices. `salience` may be shorter than `cost` (missing scores count as 0).
std::vector<std::size_t> select_sentences(const std::vector<std::size_t> &cost, const std::vector<double> &salience,
                                          const content_plan &plan, std::size_t budget);

struct prompt {
    std::vector<std::int32_t> tokens;  // ready for llama_decode (BOS included when the model wants one)
    std::string text;                  // the formatted prompt, for logs and tests
    bool chat_template = true;         // false: the model has no usable template, a plain layout was used
    bool source_reduced = false;
    std::size_t sentences_used = 0, sentences_total = 0;
};

// Builds the prompt for `m` in at most `max_tokens` tokens. Formats with the model's chat template
// (llama_chat_apply_template), or a plain "system, blank line, user" layout when the model has none or
// llama.cpp does not know it. Source text is tokenized without special-token parsing, so text such as
// "<|im_end|>" inside an article stays text. Throws error{model} when even the instructions and plan alone do
// not fit in max_tokens, error{usage} for an empty plan.
prompt build_prompt(const model &m, const source_analysis &source, const summary_spec &spec,
                    const content_plan &plan, std::size_t max_tokens);

}  // namespace precis::detail
