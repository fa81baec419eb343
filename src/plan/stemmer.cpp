#include "plan/stemmer.h"

#include <libstemmer.h>

#include <string>

namespace precis::detail {

stemmer::stemmer(std::string_view language) {
    if (language.empty()) return;
    // libstemmer accepts ISO 639 codes as algorithm names ("ar", "en", …) and returns null for the others.
    const std::string code(language);
    impl_ = sb_stemmer_new(code.c_str(), "UTF_8");
}

stemmer::~stemmer() { sb_stemmer_delete(impl_); }

std::string_view stemmer::stem(std::string_view word) {
    if (!impl_) return word;
    const sb_symbol *out =
        sb_stemmer_stem(impl_, reinterpret_cast<const sb_symbol *>(word.data()), static_cast<int>(word.size()));
    // A null result means libstemmer ran out of memory; the unstemmed word is still a usable term.
    if (!out) return word;
    return {reinterpret_cast<const char *>(out), static_cast<std::size_t>(sb_stemmer_length(impl_))};
}

}  // namespace precis::detail
