// The command-line front end: `chronomap COMMAND [options]`.
#pragma once

#include <string_view>

namespace chronomap::cli {

// True when `word` (argv[1]) names a subcommand or asks for help or the version, or is
// any other word that is not an option: the window takes options only, so a mistyped
// command gets "unknown command" and status 2 rather than a window or CLI11's 109.
bool handles(std::string_view word);

// Runs the command line and returns the exit status. Errors are reported on stderr
// as one line, "chronomap COMMAND: message".
int run(int argc, char** argv);

}  // namespace chronomap::cli
