// precis — the command-line front end. Thin: each subcommand (app/cmd_*.cpp) parses flags and calls the
// library; this file turns errors into exit codes and messages, in one place.
#include <cstdio>
#include <exception>
#include <map>
#include <string>

#include <fmt/core.h>

#include "commands.h"
#include "precis/error.h"

namespace precis::cli {

namespace {
std::map<std::string, command_factory> &registry() {
    static std::map<std::string, command_factory> commands;
    return commands;
}
}  // namespace

command_registration::command_registration(std::string name, command_factory factory) {
    registry().emplace(std::move(name), std::move(factory));
}

}  // namespace precis::cli

int main(int argc, char **argv) {
    using namespace precis;
    CLI::App app{
        "precis — summaries with the asked number of paragraphs, the asked length and the asked language,\n"
        "faithful to the source and with nothing else on the page.\n\n"
        "Examples:\n"
        "  precis summarize article.txt --words 300 --paragraphs 3\n"
        "  precis summarize page.txt --instruction \"Summarize in 6 paragraphs, about 2000 words, in Arabic\" \\\n"
        "                            --model qwen2.5-7b-instruct-q4_k_m.gguf\n"
        "  precis analyze article.txt --format json\n"
        "  precis check summary.txt --source article.txt --words 300 --paragraphs 3 --lang ar\n",
        "precis"};
    app.require_subcommand(1);
    app.set_version_flag("--version", std::string("precis ") + PRECIS_VERSION_STRING);
    std::map<std::string, cli::action> actions;
    for (auto &[name, factory] : cli::registry()) actions[name] = factory(app);

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError &e) {
        // --help and --version are "errors" with exit code 0; real usage errors exit 2 per the contract.
        int code = app.exit(e);
        return code == 0 ? 0 : 2;
    }

    for (auto *sub : app.get_subcommands()) {
        auto it = actions.find(sub->get_name());
        if (it == actions.end()) continue;
        try {
            return it->second();
        } catch (const precis::error &e) {
            std::fflush(stdout);
            if (e.detail.empty() || std::string_view(e.what()).find(e.detail) != std::string_view::npos)
                fmt::print(stderr, "precis {}: {}\n", sub->get_name(), e.what());
            else
                fmt::print(stderr, "precis {}: {} ({})\n", sub->get_name(), e.what(), e.detail);
            return exit_code(e.code);
        } catch (const std::bad_alloc &) {
            fmt::print(stderr, "precis {}: out of memory\n", sub->get_name());
            return 3;
        } catch (const std::exception &e) {
            fmt::print(stderr, "precis {}: internal error: {} (please report this)\n", sub->get_name(), e.what());
            return 3;
        }
    }
    return 2;
}
