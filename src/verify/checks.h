// src/verify/checks.h — the individual checks behind run_checks (precis/check.h), each on texts indexed once.
#pragma once

#include "precis/check.h"
#include "verify/facts_detail.h"
#include "verify/text_index.h"

namespace precis::detail {

// `numbers`: every summary number must match a source number (facts.h normalisation). A number standing
// where the source, in the same words around it, has a different one is reported as altered.
check_item check_numbers(const text_index &summary, const text_index &source);

}  // namespace precis::detail
