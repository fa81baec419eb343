// precis/error.h — the one error type of the library.
//
// Every failure is a precis::error {code, message, detail}: `message` says what was wrong and what to do,
// `detail` carries the offending part of the input (a byte offset, the phrase that could not be parsed).
// Library calls throw precis::error; the CLI maps `code` to an exit code in one place (exit_code below),
// the server to an HTTP status.
//
//   try { auto s = precis::parse_instruction("in 0 paragraphs"); }
//   catch (const precis::error &e) { std::cerr << e.what() << "\n"; return precis::exit_code(e.code); }
#pragma once

#include <stdexcept>
#include <string>

namespace precis {

enum class errc {
    usage,         // bad flags or an instruction that cannot be honoured (exit 2)
    bad_input,     // unreadable, invalid or unusable input (exit 2)
    check_failed,  // a result was produced but fails its checks (exit 1)
    model,         // the model could not be loaded or used (exit 3)
    backend,       // a remote backend failed (exit 3)
    cancelled,     // the caller cancelled the work (exit 3)
    internal,      // a bug in precis (exit 3)
};

class error : public std::runtime_error {
public:
    error(errc code, std::string message, std::string detail = {})
        : std::runtime_error(message), code(code), detail(std::move(detail)) {}

    errc code;
    std::string detail;  // the offending input, when there is one
};

// The documented process exit code for an error code: 1 check_failed, 2 usage/bad_input, 3 otherwise.
int exit_code(errc code) noexcept;

// A short stable name for the code ("usage", "bad_input", …), used in JSON error bodies.
const char *errc_name(errc code) noexcept;

}  // namespace precis
