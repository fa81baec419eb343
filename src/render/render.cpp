#include "precis/render.h"

#include "precis/error.h"
#include "precis/language.h"

namespace precis {

output_format parse_output_format(std::string_view name) {
    if (name == "text") return output_format::text;
    if (name == "markdown" || name == "md") return output_format::markdown;
    if (name == "json") return output_format::json;
    if (name == "html") return output_format::html;
    throw error(errc::usage, "unknown output format; use text, markdown, json or html", std::string(name));
}

std::string html_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    for (char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default: out += c;
        }
    }
    return out;
}

std::string render_paragraphs(const std::vector<std::string> &paragraphs, output_format format,
                              std::string_view language_code) {
    std::string out;
    switch (format) {
        case output_format::text:
        case output_format::markdown:
            // Summaries carry no headings or bullets unless asked, so markdown is the text itself.
            for (std::size_t i = 0; i < paragraphs.size(); ++i) {
                if (i) out += "\n\n";
                out += paragraphs[i];
            }
            out += '\n';
            return out;
        case output_format::html: {
            const language *lang = find_language(language_code);
            std::string code = html_escape(language_code);
            out += "<article lang=\"" + code + "\" dir=\"" + (lang && lang->right_to_left ? "rtl" : "ltr") + "\">\n";
            for (const auto &p : paragraphs) out += "<p>" + html_escape(p) + "</p>\n";
            out += "</article>\n";
            return out;
        }
        case output_format::json: break;
    }
    throw error(errc::internal, "render_paragraphs called with json; build the JSON object instead");
}

nlohmann::json spec_to_json(const summary_spec &spec) {
    return {{"words", spec.words},           {"min_words", spec.min_words}, {"max_words", spec.max_words},
            {"paragraphs", spec.paragraphs}, {"language", spec.language},   {"tolerance", spec.tolerance}};
}

nlohmann::json source_to_json(const source_analysis &source) {
    nlohmann::json removed = nlohmann::json::array();
    for (const auto &r : source.removed) removed.push_back({{"text", r.text}, {"reason", r.reason}});
    return {{"language", source.language},
            {"language_confidence", source.language_confidence},
            {"format", source.format},
            {"words", source.words},
            {"sentences", source.sentences.size()},
            {"paragraphs", source.paragraphs.size()},
            {"removed", std::move(removed)}};
}

nlohmann::json instruction_to_json(const parsed_instruction &instruction) {
    auto opt = [](const auto &value) -> nlohmann::json {
        if (value) return *value;
        return nullptr;
    };
    const char *bound = "about";
    switch (instruction.bound) {
        case length_bound::about: bound = "about"; break;
        case length_bound::at_most: bound = "at_most"; break;
        case length_bound::at_least: bound = "at_least"; break;
        case length_bound::between: bound = "between"; break;
    }
    return {{"text", instruction.text},
            {"words", opt(instruction.words)},
            {"words_high", opt(instruction.words_high)},
            {"bound", bound},
            {"paragraphs", opt(instruction.paragraphs)},
            {"language", opt(instruction.language)},
            {"tolerance", opt(instruction.tolerance)}};
}

}  // namespace precis
