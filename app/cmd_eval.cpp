// precis eval rouge — ROUGE-1/2/L/Lsum F1 of summaries against references (precis/rouge.h).
//
//   precis eval rouge --candidate summary.txt --reference ref1.txt --reference ref2.txt --lang ar
//   precis eval rouge --candidates out.txt --references ref.txt [--references ref_b.txt] --lang en
//
// The first form scores one summary against one or more references (averaged). The batch form reads aligned
// line files, one document per line; each --references file is one reference set, and a document's score
// is averaged over the sets; the figures printed are the means over documents. Lines written with sentence
// tags (<t> … </t>, the CNN/DailyMail format) are untagged into one sentence per line first.
#include <memory>
#include <string>
#include <vector>

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include "commands.h"
#include "precis/error.h"
#include "precis/language.h"
#include "precis/rouge.h"

namespace precis::cli {
namespace {

struct rouge_options {
    std::string candidate;
    std::vector<std::string> references;
    std::string candidates;
    std::vector<std::string> reference_sets;
    std::string language;
    std::string format = "text";
    std::string output;
};

std::vector<std::string> split_lines(const std::string &text) {
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t nl = text.find('\n', start);
        if (nl == std::string::npos) nl = text.size();
        std::string line = text.substr(start, nl - start);
        if (!line.empty() && line.back() == '\r') line.pop_back();
        lines.push_back(std::move(line));
        start = nl + 1;
    }
    return lines;
}

std::string strip_bom(std::string text) {
    if (text.rfind("\xEF\xBB\xBF", 0) == 0) text.erase(0, 3);
    return text;
}

int run_rouge(const rouge_options &o) {
    const bool single = !o.candidate.empty();
    const bool batch = !o.candidates.empty();
    if (single == batch)
        throw error{errc::usage,
                    "give either --candidate FILE with --reference FILE..., or --candidates FILE with "
                    "--references FILE... (one document per line)"};
    std::vector<std::string> cands;
    std::vector<std::vector<std::string>> refs;  // refs[d] = the references of document d
    if (single) {
        if (o.references.empty())
            throw error{errc::usage, "--candidate needs at least one --reference FILE"};
        cands.push_back(untag_sentences(strip_bom(read_input(o.candidate))));
        refs.emplace_back();
        for (const auto &path : o.references) refs[0].push_back(untag_sentences(strip_bom(read_input(path))));
    } else {
        if (o.reference_sets.empty())
            throw error{errc::usage, "--candidates needs at least one --references FILE (aligned, one per line)"};
        for (auto &line : split_lines(strip_bom(read_input(o.candidates)))) cands.push_back(untag_sentences(line));
        refs.resize(cands.size());
        for (const auto &path : o.reference_sets) {
            auto lines = split_lines(strip_bom(read_input(path)));
            if (lines.size() != cands.size())
                throw error{errc::bad_input,
                            fmt::format("{} has {} lines but the candidates file {} has {}: the files must be "
                                        "aligned, one document per line",
                                        path, lines.size(), o.candidates, cands.size()),
                            path};
            for (std::size_t d = 0; d < lines.size(); ++d) refs[d].push_back(untag_sentences(lines[d]));
        }
    }
    std::string language = o.language;
    if (language.empty() && !refs.empty() && !refs[0].empty()) language = identify_language(refs[0][0]).code;

    std::vector<rouge_scores> per_doc;
    per_doc.reserve(cands.size());
    for (std::size_t d = 0; d < cands.size(); ++d) per_doc.push_back(rouge(cands[d], refs[d], language));
    const rouge_scores m = mean(per_doc);

    if (o.format == "json") {
        nlohmann::json out{{"documents", cands.size()},
                           {"language", language},
                           {"rouge1", m.r1},
                           {"rouge2", m.r2},
                           {"rougeL", m.rl},
                           {"rougeLsum", m.rlsum}};
        write_output(o.output, out.dump(2) + "\n");
    } else {
        write_output(o.output,
                     fmt::format("documents {}\nlanguage {}\nROUGE-1 {:.2f}\nROUGE-2 {:.2f}\nROUGE-L {:.2f}\n"
                                 "ROUGE-Lsum {:.2f}\n",
                                 cands.size(), language.empty() ? "-" : language, m.r1, m.r2, m.rl, m.rlsum));
    }
    return 0;
}

command_registration reg{"eval", [](CLI::App &app) -> action {
    auto *cmd = app.add_subcommand("eval", "Evaluate summaries or extraction against references");
    cmd->require_subcommand(1);
    auto o = std::make_shared<rouge_options>();
    auto *r = cmd->add_subcommand("rouge", "ROUGE-1/2/L/Lsum F1 (0-100) against one or more references");
    r->add_option("--candidate", o->candidate, "One summary to score");
    r->add_option("--reference", o->references, "A reference summary for --candidate (repeat for several)");
    r->add_option("--candidates", o->candidates, "Batch: summaries, one document per line");
    r->add_option("--references", o->reference_sets,
                  "Batch: references aligned with --candidates, one per line (repeat for several sets)");
    r->add_option("--lang,-l", o->language,
                  "Language code for tokenisation (en: rouge-score compatible; ar: Arabic normalisation); "
                  "default: identified from the first reference");
    r->add_option("--format,-f", o->format, "text (default) or json")->check(CLI::IsMember({"text", "json"}));
    r->add_option("-o,--output", o->output, "Write here instead of standard output");
    return [o, r]() -> int {
        if (!r->parsed()) return 2;
        return run_rouge(*o);
    };
}};

}  // namespace
}  // namespace precis::cli
