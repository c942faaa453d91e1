// Dispatches `chronomap COMMAND ...` to the command's own parser and runner.
#include "cli/cli.hpp"

#include <array>
#include <cstdio>
#include <string>

#include "cli/commands.hpp"

namespace chronomap::cli {
namespace {

struct Command {
  const char* name;
  const char* summary;
  int (*run)(int, char**);
};

constexpr std::array kCommands = {
    Command{"render", "render the map to a PNG (or a series of PNGs) with no display", run_render},
    Command{"import", "import events or links (ACLED, CSV, GeoJSON, any OGR source) into the store", run_import},
    Command{"events", "list the stored events (table, CSV or GeoJSON)", run_events},
    Command{"links", "list the stored links (table, CSV or GeoJSON)", run_links},
    Command{"geocode", "look a place name up: the store's own places, then GeoNames", run_geocode},
    Command{"gazetteer", "add a gazetteer file (settlements, admin boundaries) to the store's places", run_gazetteer},
    Command{"check", "check an event store completely (pages, spatial and search indexes)", run_check},
};

void print_usage(std::FILE* out) {
  std::fprintf(out,
               "chronomap: a map of dated, geocoded regional events\n\n"
               "Usage:\n"
               "  chronomap                 open the map window\n"
               "  chronomap COMMAND --help  help on a command\n\n"
               "The window's options: --data DB, --projection P, --boundaries PATH, --layer NAME,\n"
               "--date YYYY-MM-DD, --window DAYS (0: all time),\n"
               "--report-frames N (print when each frame is presented; close after N frames, 0: never)\n\n"
               "Commands:\n");
  for (const auto& command : kCommands) std::fprintf(out, "  %-10s %s\n", command.name, command.summary);
}

}  // namespace

bool handles(std::string_view word) {
  if (word == "--help" || word == "-h" || word == "help" || word == "--version") return true;
  if (!word.empty() && word.front() != '-') return true;  // a command, perhaps mistyped
  for (const auto& command : kCommands)
    if (word == command.name) return true;
  return false;
}

int run(int argc, char** argv) {
  if (argc < 2) {
    print_usage(stderr);
    return 2;
  }
  const std::string_view word = argv[1];
  if (word == "--help" || word == "-h" || word == "help") {
    print_usage(stdout);
    return 0;
  }
  if (word == "--version") {
    std::printf("chronomap %s\n", CHRONOMAP_VERSION);
    return 0;
  }
  for (const auto& command : kCommands) {
    if (word == command.name) return command.run(argc - 1, argv + 1);
  }
  std::fprintf(stderr, "chronomap: unknown command '%s' (see chronomap --help)\n", argv[1]);
  return 2;
}

}  // namespace chronomap::cli
