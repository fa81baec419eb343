// precis/analyze.h — what precis knows about a source before it plans a summary.
//
//   precis::source_analysis a = precis::analyze(bytes, {});
//   // a.language == "en", a.words == 1843, a.sentences.size() == 71, a.instruction->paragraphs == 6
//
// Thread-safe. Errors: those of ingest (error{bad_input}) and parse_instruction (error{usage}).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "precis/ingest.h"
#include "precis/spec.h"

namespace precis {

struct analyzed_sentence {
    std::string text;
    std::size_t paragraph = 0;  // index into source_analysis::paragraphs
    std::size_t words = 0;
};

struct source_analysis {
    std::string text;                        // clean content (instruction and boilerplate removed)
    std::string format;                      // "text" or "html"
    std::string language;                    // ISO 639-1 of the source, "" when unknown
    double language_confidence = 0.0;
    std::vector<std::string> paragraphs;
    std::vector<analyzed_sentence> sentences;
    std::size_t words = 0;
    std::vector<removed_block> removed;      // boilerplate, and the leading instruction when there was one
    std::optional<parsed_instruction> instruction;  // from `instruction`, else from the input's first line
};

// Ingests `input` (text or HTML), takes a leading instruction off it when `instruction` is empty, and
// segments and counts the rest. `instruction` (e.g. --instruction) wins over one found in the input.
source_analysis analyze(std::string_view input, std::string_view instruction = {});

}  // namespace precis
