// src/llm/name_trie.h — what the model may copy verbatim from the source although the target's text rules
// would not let it write it: Latin-script names ("DeepSeek", "H800") and numbers ("2,048", "٢٠٢٤").
//
// A trie over the entries' bytes; for each trie node, the sorted tokens whose text continues some entry from
// that node, with the node each leads to. Only whole entries can be spelled: a node from which no token path
// reaches the end of an entry is dropped, so a copy that has begun can always be finished. Built once per run
// (entries differ per source), read-only afterwards.
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

    // Builds the trie of `names` over `classes`' vocabulary. Names that are empty, not valid UTF-8, hold a
    // line break or tab, or begin or end with a space are skipped, and so are names no sequence of the
    // vocabulary's tokens spells exactly (tokens are cut at character boundaries). Allocates; not for the
    // per-token path.
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
    // Most words (precis::count_words) in one spellable entry: a copy is begun only with this many words
    // left in the budget, so it never has to be cut.
    std::size_t max_words() const noexcept { return max_words_; }

  private:
    struct node {
        std::vector<std::pair<unsigned char, std::int32_t>> children;  // byte → node
        bool terminal = false;
        edges next;
    };
    std::int32_t child(std::int32_t from, unsigned char byte);
    std::vector<node> nodes_;  // nodes_[0] is the root
    edges bare_, spaced_, either_;
    std::size_t max_words_ = 0;
};

}  // namespace precis::detail
