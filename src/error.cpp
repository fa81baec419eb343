#include "precis/error.h"

namespace precis {

int exit_code(errc code) noexcept {
    switch (code) {
        case errc::check_failed: return 1;
        case errc::usage:
        case errc::bad_input: return 2;
        case errc::model:
        case errc::backend:
        case errc::cancelled:
        case errc::internal: return 3;
    }
    return 3;
}

const char *errc_name(errc code) noexcept {
    switch (code) {
        case errc::usage: return "usage";
        case errc::bad_input: return "bad_input";
        case errc::check_failed: return "check_failed";
        case errc::model: return "model";
        case errc::backend: return "backend";
        case errc::cancelled: return "cancelled";
        case errc::internal: return "internal";
    }
    return "internal";
}

}  // namespace precis
