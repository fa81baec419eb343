// Constraint sampler (work in progress: stub).
#include "llm/constraint_sampler.h"

#include "precis/error.h"

namespace precis::detail {

void constraint_state::begin_paragraph(const paragraph_budget &budget) noexcept {
    const std::size_t serial = serial_ + 1;
    *this = constraint_state{};
    budget_ = budget;
    serial_ = serial;
}

llama_sampler *make_constraint_sampler(std::shared_ptr<const token_classes>, const constraint_options &,
                                       constraint_state *) {
    throw error{errc::internal, "make_constraint_sampler: not implemented yet"};
}

}  // namespace precis::detail
