// Option parsing helpers and the error boundary of every command.
#include "cli/options.hpp"

#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "export/snapshot.hpp"
#include "store/countries.hpp"
#include "store/search.hpp"

namespace chronomap::cli {
namespace {

template <typename T>
bool parse_number(std::string_view text, T& value) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  if (text.empty()) return false;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  return ec == std::errc() && end == text.data() + text.size();
}

}  // namespace

ImageSize parse_size(std::string_view text) {
  const auto x = text.find_first_of("xX");
  ImageSize size;
  if (x == std::string_view::npos || !parse_number(text.substr(0, x), size.width) ||
      !parse_number(text.substr(x + 1), size.height)) {
    throw UsageError("--size: '" + std::string(text) + "' is not WIDTHxHEIGHT (e.g. 1600x1000)");
  }
  if (size.width <= 0 || size.height <= 0) throw UsageError("--size: width and height must be positive");
  if (size.width > exporting::kMaxImageSide || size.height > exporting::kMaxImageSide ||
      static_cast<long long>(size.width) * size.height > exporting::kMaxImagePixels) {
    throw UsageError("--size: " + std::string(text) + " is too large (at most " +
                     std::to_string(exporting::kMaxImageSide) + " a side and 268 million pixels)");
  }
  return size;
}

geo::Extent parse_bbox(std::string_view text) {
  std::vector<double> v;
  std::size_t start = 0;
  while (start <= text.size()) {
    const auto comma = text.find(',', start);
    const auto part = text.substr(start, comma == std::string_view::npos ? std::string_view::npos : comma - start);
    double value = 0;
    if (!parse_number(part, value) || !std::isfinite(value)) {
      throw UsageError("--bbox: '" + std::string(text) + "' is not lon_min,lat_min,lon_max,lat_max");
    }
    v.push_back(value);
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  if (v.size() != 4) throw UsageError("--bbox: expected 4 numbers, got " + std::to_string(v.size()));
  if (v[0] < -180 || v[2] > 180 || v[1] < -90 || v[3] > 90) {
    throw UsageError("--bbox: longitudes must lie within -180..180 and latitudes within -90..90");
  }
  if (v[0] >= v[2] || v[1] >= v[3]) {
    throw UsageError("--bbox: '" + std::string(text) + "' is empty (lon_min must be < lon_max and lat_min < lat_max)");
  }
  geo::Extent e;
  e.add(v[0], v[1]);
  e.add(v[2], v[3]);
  return e;
}

double parse_finite(std::string_view text, std::string_view option) {
  double value = 0;
  if (!parse_number(text, value) || !std::isfinite(value)) {
    throw UsageError(std::string(option) + ": '" + std::string(text) + "' is not a finite number");
  }
  return value;
}

void add_event_options(CLI::App& app, EventOptions& o) {
  app.add_option("--actor", o.actor, "only events with an actor whose name contains this (any case)");
  app.add_option("--min-fatalities", o.min_fatalities, "only events with a known toll of at least N");
  app.add_option("--max-fatalities", o.max_fatalities, "only events with a known toll of at most N");
  app.add_option("--precision", o.precision, "only events dated to this precision: day, week, month or year");
}

void fill_event_options(store::EventFilter& filter, const EventOptions& o) {
  if (!o.precision.empty() && o.precision != "day" && o.precision != "week" && o.precision != "month" &&
      o.precision != "year")
    throw UsageError("--precision: '" + o.precision + "' is not day, week, month or year");
  for (const auto& [value, option] : {std::pair{o.min_fatalities, "--min-fatalities"},
                                      std::pair{o.max_fatalities, "--max-fatalities"}}) {
    if (value && *value < 0) throw UsageError(std::string(option) + ": " + std::to_string(*value) + " is negative");
  }
  if (o.min_fatalities && o.max_fatalities && *o.max_fatalities < *o.min_fatalities) {
    throw UsageError("--min-fatalities " + std::to_string(*o.min_fatalities) + " --max-fatalities " +
                     std::to_string(*o.max_fatalities) + " is an empty range");
  }
  if (!o.actor.empty() && o.actor.find_first_not_of(" \t") == std::string::npos)
    throw UsageError("--actor: '" + o.actor + "' names no actor");
  filter.actor = o.actor;
  filter.date_precision = o.precision;
  filter.min_fatalities = o.min_fatalities;
  filter.max_fatalities = o.max_fatalities;
}

void check_search(const std::string& text) {
  if (text.empty()) return;
  try {
    store::parse_search(text);
  } catch (const store::SearchError& e) {
    throw UsageError(std::string("--text: ") + e.what());
  }
}

std::string parse_country(std::string_view text, const char* option) {
  const auto countries = store::Countries::load_shipped();
  if (auto iso3 = countries.iso3(text)) return *iso3;
  throw UsageError(std::string(option) + ": '" + std::string(text) + "' is not a country code or name");
}

CreatedStore::~CreatedStore() {
  if (!armed) return;
  std::error_code ec;
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + suffix, ec);
}

int run_guarded(CLI::App& app, int argc, char** argv, const std::function<int()>& body) {
  const std::string name = app.get_name();
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp&) {
    std::printf("%s", app.help().c_str());
    return 0;
  } catch (const CLI::ParseError& e) {
    std::fprintf(stderr, "%s: %s (see %s --help)\n", name.c_str(), e.what(), name.c_str());
    return 2;
  }
  try {
    const int status = body();
    // Output that did not arrive is a failure, as for cat: `> /dev/full`, a closed pipe.
    errno = 0;
    if (std::fflush(stdout) != 0 || std::ferror(stdout)) {
      const int error = errno;
      throw Error(std::string("cannot write to standard output: ") +
                  (error ? std::strerror(error) : "write error"));
    }
    return status;
  } catch (const UsageError& e) {
    std::fprintf(stderr, "%s: %s\n", name.c_str(), e.what());
    return 2;
  } catch (const InputError& e) {
    std::fprintf(stderr, "%s: %s\n", name.c_str(), e.what());
    return 2;
  } catch (const Error& e) {
    std::fprintf(stderr, "%s: %s\n", name.c_str(), e.what());
    return 1;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "%s: unexpected error: %s\n", name.c_str(), e.what());
    return 1;
  }
}

}  // namespace chronomap::cli
