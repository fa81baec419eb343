// app/commands.h — how subcommands plug into the precis CLI.
//
// Each app/cmd_<name>.cpp defines its subcommand and registers it with a static `command_registration`:
//
//   static precis::cli::command_registration reg{"check", [](CLI::App &app) -> precis::cli::action {
//       auto *cmd = app.add_subcommand("check", "Check a summary against its source and instruction");
//       auto opts = std::make_shared<check_options>();
//       cmd->add_option("SUMMARY", opts->summary, "...")->required();
//       return [opts]() -> int { ... return 0; };   // runs only when this subcommand was chosen
//   }};
//
// Actions return the exit code (0 ok, 1 checks failed). Errors are thrown as precis::error and turned into
// exit codes and stderr messages in one place, main.cpp. Commands hold no logic: parse flags, call the
// library, render.
#pragma once

#include <CLI/CLI.hpp>

#include <functional>
#include <string>
#include <string_view>

namespace precis::cli {

using action = std::function<int()>;
using command_factory = std::function<action(CLI::App &app)>;

// Registers a subcommand factory; called from static initialisers in cmd_*.cpp (order: by name).
struct command_registration {
    command_registration(std::string name, command_factory factory);
};

// Reads a whole input: a path, or "-" / "" for standard input. Refuses inputs larger than
// precis::max_input_bytes and directories, with error{bad_input} naming the path.
std::string read_input(const std::string &path);

// Writes `text` to `path` atomically (a temporary file renamed into place, so a crash never leaves half a
// file), or to stdout when `path` is empty or "-".
void write_output(const std::string &path, std::string_view text);

// True when stderr is a terminal (progress is shown only then).
bool stderr_is_terminal();

}  // namespace precis::cli
