#include "precis/analyze.h"

#include "precis/language.h"
#include "precis/sentences.h"
#include "precis/words.h"

namespace precis {

namespace {

// Cuts a leading instruction off the clean text. The seed page has the instruction and the article on
// one line, so this works on the text, not on lines.
std::optional<std::string> take_leading_instruction(std::string &text) {
    auto length = leading_instruction_length(text);
    if (!length || *length == 0) return std::nullopt;
    std::string instruction = text.substr(0, *length);
    std::size_t body = *length;
    while (body < text.size() && (text[body] == ' ' || text[body] == '\n' || text[body] == '\t' ||
                                  text[body] == ':' || text[body] == '\r'))
        ++body;
    text.erase(0, body);
    while (!instruction.empty() && (instruction.back() == ' ' || instruction.back() == '\n'))
        instruction.pop_back();
    return instruction;
}

}  // namespace

source_analysis analyze(std::string_view input, std::string_view instruction) {
    document doc = ingest(input);
    source_analysis a;
    a.format = doc.format;
    a.removed = std::move(doc.removed);
    a.text = std::move(doc.text);

    // An instruction at the top of the input is never article text, even when --instruction overrides it.
    if (auto leading = take_leading_instruction(a.text)) {
        a.removed.insert(a.removed.begin(), removed_block{*leading, "instruction"});
        if (instruction.empty()) a.instruction = parse_instruction(*leading);
    }
    if (!instruction.empty()) a.instruction = parse_instruction(instruction);

    auto guess = identify_language(a.text);
    a.language = guess.code;
    a.language_confidence = guess.confidence;

    for (std::string_view paragraph : split_paragraphs(a.text)) {
        std::size_t index = a.paragraphs.size();
        a.paragraphs.emplace_back(paragraph);
        // The source's size is the normative count of its text; sentence counts can differ by a word where
        // a sentence break falls inside a run of non-space characters ("DeepSeek.Its").
        a.words += count_words(paragraph);
        for (const sentence_span &s : split_sentences(paragraph, a.language)) {
            std::string_view sentence = paragraph.substr(s.begin, s.end - s.begin);
            std::size_t words = count_words(sentence);
            if (words == 0) continue;
            a.sentences.push_back({std::string(sentence), index, words});
        }
    }
    return a;
}

}  // namespace precis
