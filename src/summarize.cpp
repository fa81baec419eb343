#include "precis/summarize.h"

#include <chrono>

#include <fmt/core.h>

#include "precis/error.h"
#include "precis/extractive.h"
#include "precis/language.h"
#include "precis/plan.h"
#include "precis/render.h"
#include "precis/utf8.h"
#include "precis/words.h"

namespace precis {

summary_mode parse_summary_mode(std::string_view name) {
    if (name == "auto" || name == "automatic") return summary_mode::automatic;
    if (name == "extractive") return summary_mode::extractive;
    if (name == "abstractive") return summary_mode::abstractive;
    throw error(errc::usage, "unknown mode; use auto, extractive or abstractive", std::string(name));
}

namespace {

std::string language_label(std::string_view code) {
    const language *l = find_language(code);
    return l ? fmt::format("{} ({})", l->english_name, l->code) : std::string(code);
}

summary_mode choose_mode(const summarize_options &options, const summary_spec &spec,
                         const source_analysis &source, const model *m) {
    summary_mode mode = options.mode;
    if (mode == summary_mode::automatic) mode = m ? summary_mode::abstractive : summary_mode::extractive;
    if (mode == summary_mode::abstractive && !m)
        throw error(errc::usage,
                    "abstractive mode needs a model: pass --model FILE.gguf (a GGUF instruct model)");
    if (mode == summary_mode::extractive && !source.language.empty() && spec.language != source.language) {
        throw error(errc::usage,
                    fmt::format("the summary is to be in {} but the source is in {}, and extractive mode can only "
                                "quote the source: pass --model FILE.gguf (a GGUF instruct model) to write it in {}",
                                language_label(spec.language), language_label(source.language),
                                language_label(spec.language)),
                    spec.language);
    }
    return mode;
}

// The numbers in an instruction that set neither the length nor the paragraph count ("Fasse … in 120 Wörtern
// und 2 Absätzen zusammen": precis reads instructions in English and Arabic), so the user learns that the
// defaults were used instead of finding out from the output. Empty when there is nothing to say.
std::string unread_numbers_warning(const std::optional<parsed_instruction> &instruction,
                                   const spec_overrides &overrides, const summary_spec &spec) {
    if (!instruction || instruction->words || instruction->paragraphs || overrides.words || overrides.paragraphs)
        return {};
    std::string numbers;
    const std::string &text = instruction->text;
    // Runs of Western, Eastern Arabic or Persian digits, quoted as written.
    const auto is_digit = [](char32_t cp) {
        return (cp >= U'0' && cp <= U'9') || (cp >= 0x0660 && cp <= 0x0669) || (cp >= 0x06F0 && cp <= 0x06F9);
    };
    std::size_t run = std::string::npos;  // where the current run of digits began
    for (std::size_t pos = 0; pos < text.size();) {
        const std::size_t at = pos;
        const bool digit = is_digit(next_code_point(text, pos));
        if (digit && run == std::string::npos) run = at;
        const std::size_t run_end = !digit ? at : pos == text.size() ? pos : std::string::npos;
        if (run != std::string::npos && run_end != std::string::npos) {
            numbers += (numbers.empty() ? "" : ", ") + text.substr(run, run_end - run);
            run = std::string::npos;
        }
    }
    if (numbers.empty()) return {};
    return fmt::format("the instruction mentions {} but no length or paragraph count precis could read (it reads "
                       "English and Arabic instructions): the defaults were used, {} words in {} paragraph{}; pass "
                       "--words and --paragraphs to set them",
                       numbers, spec.words, spec.paragraphs, spec.paragraphs == 1 ? "" : "s");
}

}  // namespace

summary summarize(std::string_view input, const summarize_options &options, model *m) {
    summary s;
    s.source = analyze(input, options.instruction);
    if (s.source.words == 0)
        throw error(errc::bad_input, "the input has no article text left after removing boilerplate");
    s.spec = resolve_spec(s.source.instruction.value_or(parsed_instruction{}), options.overrides,
                          s.source.language, s.source.words);
    summary_mode mode = choose_mode(options, s.spec, s.source, m);

    auto started = std::chrono::steady_clock::now();
    if (mode == summary_mode::extractive) {
        extractive_result r = summarize_extractive(s.source, s.spec);
        s.paragraphs = std::move(r.paragraphs);
        s.warnings = std::move(r.warnings);
        s.engine.mode = "extractive";
    } else {
        content_plan plan = make_plan(s.source, s.spec);
        generation_result r = generate_summary(*m, s.source, s.spec, plan, options.generation, options.callbacks);
        s.paragraphs = std::move(r.paragraphs);
        s.engine.mode = "abstractive";
        s.engine.model = r.model_name;
        s.engine.tokens = r.generated_tokens;
        s.engine.prompt_tokens = r.prompt_tokens;
        s.engine.source_reduced = r.source_reduced;
        if (r.generation_seconds > 0) s.engine.tokens_per_second = r.generated_tokens / r.generation_seconds;
        if (r.source_reduced)
            s.warnings.push_back(fmt::format("the source did not fit the model's context: the prompt carried its {} "
                                             "most salient of {} sentences",
                                             r.source_sentences_used, r.source_sentences));
    }
    s.engine.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    if (auto w = unread_numbers_warning(s.source.instruction, options.overrides, s.spec); !w.empty())
        s.warnings.push_back(std::move(w));

    std::string text = join_paragraphs(s.paragraphs);
    check_request request;
    request.summary = text;
    request.source = &s.source;
    request.spec = s.spec;
    request.instruction = s.source.instruction ? std::string_view(s.source.instruction->text) : std::string_view{};
    s.checks = run_checks(request);
    return s;
}

nlohmann::json summary_to_json(const summary &s) {
    nlohmann::json paragraph_words = nlohmann::json::array();
    std::size_t total = 0;
    for (const auto &p : s.paragraphs) {
        std::size_t n = count_words(p);
        paragraph_words.push_back(n);
        total += n;
    }
    nlohmann::json source = source_to_json(s.source);
    return {{"spec", spec_to_json(s.spec)},
            {"source", std::move(source)},
            {"summary", {{"paragraphs", s.paragraphs}, {"paragraph_words", paragraph_words}, {"total_words", total}}},
            {"checks", s.checks.to_json()},
            {"engine",
             {{"mode", s.engine.mode},
              {"model", s.engine.model.empty() ? nlohmann::json(nullptr) : nlohmann::json(s.engine.model)},
              {"tokens", s.engine.tokens},
              {"prompt_tokens", s.engine.prompt_tokens},
              {"seconds", s.engine.seconds},
              {"tokens_per_second", s.engine.tokens_per_second},
              {"source_reduced", s.engine.source_reduced}}},
            {"warnings", s.warnings}};
}

}  // namespace precis
