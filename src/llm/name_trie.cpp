// The name trie: lets a model copy source names exactly, token by token, in any tokenization the vocabulary
// offers ("DeepSeek" may come as "Deep"+"Seek" or "De"+"ep"+"Seek").
#include "llm/name_trie.h"

#include <algorithm>
#include <map>

#include "precis/utf8.h"
#include "precis/words.h"

namespace precis::detail {

std::int32_t name_trie::edges::find(std::int32_t token) const noexcept {
    const auto it = std::lower_bound(tokens.begin(), tokens.end(), token);
    if (it == tokens.end() || *it != token) return -1;
    return targets[static_cast<std::size_t>(it - tokens.begin())];
}

std::int32_t name_trie::child(std::int32_t from, unsigned char byte) {
    for (const auto &[b, n] : nodes_[static_cast<std::size_t>(from)].children)
        if (b == byte) return n;
    const auto id = static_cast<std::int32_t>(nodes_.size());
    nodes_.emplace_back();
    nodes_[static_cast<std::size_t>(from)].children.emplace_back(byte, id);
    return id;
}

namespace {

// Sorted, de-duplicated edges from a token → node map.
name_trie::edges to_edges(const std::map<std::int32_t, std::int32_t> &m) {
    name_trie::edges e;
    for (const auto &[t, n] : m) {
        e.tokens.push_back(t);
        e.targets.push_back(n);
    }
    return e;
}

bool is_char_boundary(std::string_view s, std::size_t pos) {
    return pos >= s.size() || (static_cast<unsigned char>(s[pos]) & 0xC0) != 0x80;
}

}  // namespace

name_trie::name_trie(const token_classes &classes, const std::vector<std::string> &names) {
    nodes_.emplace_back();
    std::vector<std::string> kept;
    for (const auto &name : names) {
        if (name.empty() || find_invalid_utf8(name) || name.find_first_of("\r\n\t") != std::string::npos ||
            name.front() == ' ' || name.back() == ' ')
            continue;
        kept.push_back(name);
        std::int32_t at = 0;
        for (unsigned char b : name) at = child(at, b);
        nodes_[static_cast<std::size_t>(at)].terminal = true;
    }
    // For every position of every name, every token spelling a piece of the name from there (whole characters
    // only, so a name never leaves a UTF-8 sequence open).
    std::vector<std::map<std::int32_t, std::int32_t>> next(nodes_.size());
    std::map<std::int32_t, std::int32_t> bare, spaced;
    for (const auto &name : kept) {
        std::vector<std::int32_t> path{0};
        for (unsigned char b : name) path.push_back(child(path.back(), b));
        for (std::size_t i = 0; i < name.size(); ++i) {
            if (!is_char_boundary(name, i)) continue;
            for (std::size_t j = i + 1; j <= name.size(); ++j) {
                if (!is_char_boundary(name, j)) continue;
                const std::string_view part = std::string_view(name).substr(i, j - i);
                const std::int32_t t = classes.find_piece(part);
                if (t >= 0) next[static_cast<std::size_t>(path[i])][t] = path[j];
                if (i == 0) {
                    std::string spaced_part(1, ' ');
                    spaced_part.append(part);
                    const std::int32_t s = classes.find_piece(spaced_part);
                    if (s >= 0) spaced[s] = path[j];
                }
            }
        }
    }
    // A node is alive when some token path from it ends a name. Every edge leads to a descendant, created
    // after its ancestor, so one pass from the last node back settles it. Edges into dead nodes are dropped:
    // a name the vocabulary cannot finish (a character no token spells) must not be begun.
    std::vector<bool> alive(nodes_.size(), false);
    for (std::size_t k = nodes_.size(); k-- > 0;) {
        alive[k] = nodes_[k].terminal;
        for (const auto &[t, to] : next[k]) alive[k] = alive[k] || alive[static_cast<std::size_t>(to)];
    }
    const auto prune = [&](std::map<std::int32_t, std::int32_t> &m) {
        std::erase_if(m, [&](const auto &edge) { return !alive[static_cast<std::size_t>(edge.second)]; });
    };
    for (auto &m : next) prune(m);
    prune(spaced);
    for (std::size_t k = 1; k < nodes_.size(); ++k) nodes_[k].next = to_edges(next[k]);
    bare_ = to_edges(next[0]);
    spaced_ = to_edges(spaced);
    std::map<std::int32_t, std::int32_t> either = next[0];
    either.insert(spaced.begin(), spaced.end());
    either_ = to_edges(either);
    for (const auto &name : kept) max_words_ = std::max(max_words_, count_words(name));
}

}  // namespace precis::detail
