#include "precis/analyze.h"

#include "precis/language.h"
#include "precis/sentences.h"
#include "precis/utf8.h"
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

// True when the character before byte `pos` (> 0) of `text` is whitespace.
bool follows_space(std::string_view text, std::size_t pos) {
    std::size_t start = pos - 1;
    while (start > 0 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) --start;
    return is_space(next_code_point(text, start));
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
        // The source's size is the normative count of its text: one counter reads the paragraph once, in
        // order, sentence by sentence. Sentences cover every letter and digit of the paragraph and only
        // whitespace or wordless lines lie between them, so after whitespace the counter is in the state a
        // fresh one starts in, and what it adds over a sentence is that sentence's own count. Only a sentence
        // that starts right after a non-space character (a break inside "DeepSeek.Its") may differ by a word,
        // and only that one is counted again on its own.
        word_counter counter;
        std::size_t fed = 0;
        for (const sentence_span &s : split_sentences(paragraph, a.language)) {
            const std::size_t before = counter.words();
            counter.feed(paragraph.substr(fed, s.end - fed));
            fed = s.end;
            std::string_view sentence = paragraph.substr(s.begin, s.end - s.begin);
            const bool inside_a_run = s.begin > 0 && !follows_space(paragraph, s.begin);
            const std::size_t words = inside_a_run ? count_words(sentence) : counter.words() - before;
            if (words == 0) continue;
            a.sentences.push_back({std::string(sentence), index, words});
        }
        counter.feed(paragraph.substr(fed));
        a.words += counter.words();
    }
    return a;
}

}  // namespace precis
