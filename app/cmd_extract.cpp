// precis extract — the clean article text ingest takes from a page (main content, boilerplate removed).
#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "commands.h"
#include "precis/ingest.h"
#include "precis/words.h"

namespace precis::cli {
namespace {

struct extract_options {
    std::string input = "-";
    std::string format = "text";
    std::string output;
};

int run_extract(const extract_options &o) {
    // ingest sniffs the format, so a text file gets the same boilerplate cleaning as a page.
    const document doc = ingest(read_input(o.input));
    if (o.format == "text") {
        write_output(o.output, doc.text + "\n");
        return 0;
    }
    nlohmann::json paragraphs = nlohmann::json::array();
    for (std::string_view p : split_paragraphs(doc.text)) paragraphs.push_back(std::string(p));
    nlohmann::json removed = nlohmann::json::array();
    for (const auto &r : doc.removed) removed.push_back({{"text", r.text}, {"reason", r.reason}});
    const nlohmann::json out = {{"title", doc.title},       {"format", doc.format},
                                {"text", doc.text},         {"paragraphs", std::move(paragraphs)},
                                {"removed", std::move(removed)}, {"words", count_words(doc.text)}};
    write_output(o.output, out.dump(2) + "\n");
    return 0;
}

command_registration reg{"extract", [](CLI::App &app) -> action {
    auto o = std::make_shared<extract_options>();
    auto *cmd = app.add_subcommand("extract", "Print the article text precis takes from a page (HTML or text)");
    cmd->add_option("PAGE", o->input, "HTML page or text file, or - for standard input (default)");
    cmd->add_option("--format,-f", o->format, "text (default) or json")->check(CLI::IsMember({"text", "json"}));
    cmd->add_option("--output,-o", o->output, "Write to FILE instead of standard output");
    return [o] { return run_extract(*o); };
}};

}  // namespace
}  // namespace precis::cli
