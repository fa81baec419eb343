// src/plan/stemmer.h — a Snowball (libstemmer) stemmer for one language, RAII.
//
// Not thread-safe: a stemmer holds its own work buffer; make one per call or per thread (construction
// is cheap, a few small allocations).
#pragma once

#include <string_view>

struct sb_stemmer;

namespace precis::detail {

class stemmer {
public:
    // A stemmer for `language` (ISO 639-1: "ar", "en", "fr", …). Languages Snowball does not know, and the
    // empty code, give a stemmer that returns words unchanged (active() == false).
    explicit stemmer(std::string_view language);
    ~stemmer();
    stemmer(const stemmer &) = delete;
    stemmer &operator=(const stemmer &) = delete;

    bool active() const noexcept { return impl_ != nullptr; }

    // The stem of `word` (UTF-8, already normalised for matching). The view stays valid until the next call.
    std::string_view stem(std::string_view word);

private:
    sb_stemmer *impl_ = nullptr;
};

}  // namespace precis::detail
