#include "eval/corpus.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <zlib.h>

#include "precis/analyze.h"
#include "precis/error.h"
#include "precis/rouge.h"
#include "precis/sentences.h"
#include "precis/words.h"

namespace precis::detail {
namespace fs = std::filesystem;

std::string read_text_file(const std::string &path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw error{errc::bad_input, fmt::format("cannot read {}: check that the data folder is complete", path), path};
    std::ostringstream ss;
    ss << in.rdbuf();
    std::string text = ss.str();
    if (text.rfind("\xEF\xBB\xBF", 0) == 0) text.erase(0, 3);
    return text;
}

source_analysis analyze_plain(std::string_view text, std::string_view language, bool lines_are_paragraphs) {
    source_analysis a;
    a.format = "text";
    a.language = std::string(language);
    a.language_confidence = 1.0;
    std::string normalised;
    if (lines_are_paragraphs) {
        normalised.reserve(text.size() + 64);
        for (char c : text) {
            if (c == '\r') continue;
            normalised.push_back(c);
            if (c == '\n') normalised.push_back('\n');
        }
        text = normalised;
    }
    for (auto para : split_paragraphs(text)) {
        const std::size_t p = a.paragraphs.size();
        a.paragraphs.emplace_back(para);
        for (auto s : split_sentences(para, language)) {
            analyzed_sentence as;
            as.text = std::string(para.substr(s.begin, s.end - s.begin));
            as.paragraph = p;
            as.words = count_words(as.text);
            a.words += as.words;
            a.sentences.push_back(std::move(as));
        }
    }
    a.text = join_paragraphs(a.paragraphs);
    return a;
}

std::vector<eval_document> load_easc(const std::string &dir) {
    std::vector<eval_document> docs;
    for (int topic = 1;; ++topic) {
        const fs::path articles = fs::path(dir) / "Articles" / fmt::format("Topic{}", topic);
        if (!fs::is_directory(articles)) break;
        eval_document d;
        d.id = fmt::format("Topic{}", topic);
        for (const auto &e : fs::directory_iterator(articles))
            if (e.is_regular_file()) d.source = analyze(read_text_file(e.path().string()));
        const fs::path summaries = fs::path(dir) / "MTurk" / d.id;
        std::vector<std::string> names;
        for (const auto &e : fs::directory_iterator(summaries))
            if (e.is_regular_file()) names.push_back(e.path().string());
        std::sort(names.begin(), names.end());
        for (const auto &n : names) d.references.push_back(read_text_file(n));
        docs.push_back(std::move(d));
    }
    if (docs.empty()) throw error{errc::bad_input, fmt::format("no EASC topics under {}/Articles", dir), dir};
    return docs;
}

namespace {
std::vector<std::string> lines_of(const std::string &text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}
}  // namespace

std::vector<eval_document> load_cnndm100(const std::string &dir) {
    const auto src = lines_of(read_text_file(dir + "/abs/ptr_generator/src.txt"));
    const auto ref = lines_of(read_text_file(dir + "/abs/bart/ref.txt"));
    if (src.size() != ref.size())
        throw error{errc::bad_input, fmt::format("{}: src.txt and ref.txt are not aligned", dir), dir};
    std::vector<eval_document> docs;
    for (std::size_t i = 0; i < src.size(); ++i) {
        eval_document d;
        d.id = fmt::format("{}", i + 1);
        // src.txt wraps the whole article in one tag, lower-cased and tokenised. ICU will not end a sentence
        // before a lower-case word, so sentences end here at a "." "!" "?" token (plus closing quote tokens).
        std::string text = untag_sentences(src[i]);
        std::replace(text.begin(), text.end(), '\n', ' ');
        std::string lines;
        std::istringstream tokens(text);
        std::string tok, prev;
        bool ended = false;
        for (; tokens >> tok; prev = tok) {
            const bool closing = tok == "''" || tok == "'" || tok == ")" || tok == "\"";
            if (ended && !closing) lines += '\n';
            else if (!lines.empty()) lines += ' ';
            ended = (tok == "." || tok == "!" || tok == "?") || (ended && closing);
            lines += tok;
        }
        d.source = analyze_plain(lines, "en", true);
        for (auto &sentence : d.source.sentences) sentence.paragraph = 0;
        d.source.paragraphs.assign(1, d.source.text);
        d.references.push_back(untag_sentences(ref[i]));
        docs.push_back(std::move(d));
    }
    return docs;
}

std::string first_words(std::string_view text, std::size_t words) {
    const auto spans = find_words(text);
    if (words >= spans.size()) return std::string(text);
    if (words == 0) return {};
    return std::string(text.substr(0, spans[words - 1].end));
}

summary_spec make_spec(std::size_t words, std::size_t paragraphs, std::string_view language, double tolerance) {
    summary_spec s;
    s.words = words;
    const auto slack = static_cast<std::size_t>(std::floor(tolerance * static_cast<double>(words)));
    s.min_words = words - std::min(words, slack);
    s.max_words = words + slack;
    s.paragraphs = paragraphs;
    s.language = std::string(language);
    s.tolerance = tolerance;
    return s;
}

std::string read_gzip_file(const std::string &path) {
    std::string out;
    gzFile f = gzopen(path.c_str(), "rb");
    if (!f) return out;
    char buf[1 << 16];
    int n = 0;
    while ((n = gzread(f, buf, sizeof buf)) > 0) out.append(buf, static_cast<std::size_t>(n));
    gzclose(f);
    return out;
}

}  // namespace precis::detail
