// Token classification for the constraint decoder (work in progress: stub).
#include "llm/token_classes.h"

#include "precis/error.h"

namespace precis::detail {

token_classes::token_classes(const llama_vocab *, const precis::language &target) : target_(&target) {}

std::int32_t token_classes::find_piece(std::string_view text) const {
    const auto it = by_piece_.find(text);
    return it == by_piece_.end() ? -1 : it->second;
}

bool token_classes::allowed_char(char32_t) const noexcept { return false; }
bool token_classes::is_terminator(char32_t) const noexcept { return false; }

std::shared_ptr<const token_classes> token_classes_for(const llama_vocab *vocab, const precis::language &target) {
    if (vocab == nullptr) throw error{errc::internal, "token_classes_for: no vocabulary"};
    return std::make_shared<const token_classes>(vocab, target);
}

}  // namespace precis::detail
