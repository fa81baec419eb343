// src/llm/name_trie.h — Latin-script names from the source ("DeepSeek", "H800"), as token paths the
// constraint sampler lets the model copy verbatim although their letters are outside the target script.
//
// A trie over the names' bytes; for each trie node, the sorted tokens whose text continues some name from
// that node, with the node each leads to. Built once per run (names differ per source), read-only afterwards.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "llm/token_classes.h"

namespace precis::detail {

class name_trie {
  public:
    // Tokens leaving one node, sorted by id, with the node each token leads to.
    struct edges {
        std::vector<std::int32_t> tokens;
        std::vector<std::int32_t> targets;
        // The node `token` leads to, or -1 when it does not continue from here. Binary search; no allocation.
        std::int32_t find(std::int32_t token) const noexcept;
    };

    // Builds the trie of `names` over `classes`' vocabulary. Names that are empty, not valid UTF-8 or hold a
    // line break are skipped. Allocates; not for the per-token path.
    name_trie(const token_classes &classes, const std::vector<std::string> &names);

    bool empty() const noexcept { return nodes_.size() <= 1; }
    // Tokens that start a name: `bare` right at a word start, `spaced` with a leading space; `either` is
    // both.
    const edges &start_bare() const noexcept { return bare_; }
    const edges &start_spaced() const noexcept { return spaced_; }
    const edges &start_either() const noexcept { return either_; }
    // Tokens continuing the name(s) at `node`.
    const edges &next(std::int32_t node) const noexcept {
        return nodes_[static_cast<std::size_t>(node)].next;
    }
    // True when a whole name ends at `node`; has_children: some longer name continues it.
    bool terminal(std::int32_t node) const noexcept {
        return nodes_[static_cast<std::size_t>(node)].terminal;
    }
    bool has_children(std::int32_t node) const noexcept {
        return !nodes_[static_cast<std::size_t>(node)].next.tokens.empty();
    }

  private:
    struct node {
        std::vector<std::pair<unsigned char, std::int32_t>> children;  // byte → node
        bool terminal = false;
        edges next;
    };
    std::int32_t child(std::int32_t from, unsigned char byte);
    std::vector<node> nodes_;  // nodes_[0] is the root
    edges bare_, spaced_, either_;
};

}  // namespace precis::detail
