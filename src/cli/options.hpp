// Parsing of option values shared by the commands, and the common error handling:
// every failure becomes one line on stderr and an exit status.
#pragma once

#include <CLI/CLI.hpp>

#include <filesystem>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "geo/types.hpp"
#include "store/records.hpp"

namespace chronomap::cli {

struct ImageSize {
  int width = 0, height = 0;
};

// "1600x1240" -> {1600, 1240}; UsageError for anything else, zero, or too large.
ImageSize parse_size(std::string_view text);
// "lon_min,lat_min,lon_max,lat_max" in degrees; UsageError when malformed, outside
// ±180/±90, or empty (min >= max).
geo::Extent parse_bbox(std::string_view text);

// A finite decimal number (no nan, no inf, nothing after it); UsageError naming
// `option` otherwise. Every floating-point option goes through this: CLI11 and
// from_chars both accept "nan" and "inf".
double parse_finite(std::string_view text, std::string_view option);

// A country code (ISO3, ISO2, numeric) or English name, any case, as its ISO3 code;
// UsageError naming `option` otherwise.
std::string parse_country(std::string_view text, const char* option);

// --text's help, and its check: UsageError naming --text and what is wrong with the
// search (an unclosed quote, a misplaced '*', no words), before the store is opened.
inline constexpr const char* kSearchHelp =
    "only events with all of these: words (Bamako), prefixes (bamak*), \"quoted phrases\"; in title, notes,\n"
    "actors and place, and in other spellings of actors and places (Belooussov, Moscou)";
void check_search(const std::string& text);

// The event filters beyond dates, country, category and text, shared by `events` and
// `render`: --actor, --min-fatalities, --max-fatalities, --precision.
struct EventOptions {
  std::string actor, precision;
  std::optional<std::int64_t> min_fatalities, max_fatalities;
};
void add_event_options(CLI::App& app, EventOptions& options);
// Checks the values (UsageError naming the option) and sets them on `filter`.
void fill_event_options(store::EventFilter& filter, const EventOptions& options);

// Removes a store the command created when the import into it failed: a refused
// import leaves nothing behind, not an empty store. Disarm once it succeeded.
struct CreatedStore {
  std::filesystem::path path;
  bool armed;
  ~CreatedStore();
};

// Parses argv with `app`, then runs `body`: help exits 0; bad arguments and
// UsageError/InputError exit 2; any other chronomap::Error exits 1. Messages are
// one line: "chronomap COMMAND: message".
int run_guarded(CLI::App& app, int argc, char** argv, const std::function<int()>& body);

}  // namespace chronomap::cli
