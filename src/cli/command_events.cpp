// `chronomap events` and `chronomap links`: what the store holds, filtered, as a
// table, CSV or GeoJSON.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <string>

#include "cli/commands.hpp"
#include "cli/event_output.hpp"
#include "cli/options.hpp"
#include "core/error.hpp"
#include "store/user_store.hpp"

namespace chronomap::cli {
namespace {

struct Common {
  std::string from, to, country, category, text, format = "table", data;
};

void add_common(CLI::App& app, Common& c, const char* category_help) {
  app.add_option("--from", c.from, "first day (YYYY-MM-DD)");
  app.add_option("--to", c.to, "last day (YYYY-MM-DD)");
  app.add_option("--country", c.country, "ISO 3166-1 alpha-3 code, e.g. MLI");
  app.add_option("--category", c.category, category_help);
  app.add_option("--text", c.text, "words to search for");
  app.add_option("--format", c.format, "table, csv or geojson")->capture_default_str();
  app.add_option("--data", c.data, "event store (default: the user's, with the AES data set on first use)");
}

template <typename Filter>
void fill_dates(Filter& filter, const Common& c) {
  if (!c.from.empty()) filter.from = parse_day_number(c.from, "--from");
  if (!c.to.empty()) filter.to = parse_day_number(c.to, "--to");
  if (filter.from && filter.to && *filter.to < *filter.from)
    throw UsageError("--from " + c.from + " --to " + c.to + " is an empty range");
  if (!c.country.empty() && c.country.size() != 3) throw UsageError("--country: '" + c.country + "' is not an ISO3 code");
}

}  // namespace

int run_events(int argc, char** argv) {
  CLI::App app{"List the stored events.", "chronomap events"};
  Common c;
  add_common(app, c, "only this category (coup, attack, agreement...)");
  return run_guarded(app, argc, argv, [&] {
    store::EventFilter filter;
    fill_dates(filter, c);
    filter.country = c.country;
    filter.category = c.category;
    filter.text = c.text;
    const auto format = parse_output_format(c.format);
    auto store = store::open_user_store(c.data, store::Access::read);
    const auto events = store.query(filter);
    write_events(stdout, events, format);
    return events.empty() && format == OutputFormat::table ? 1 : 0;
  });
}

int run_links(int argc, char** argv) {
  CLI::App app{"List the stored links between countries and places.", "chronomap links"};
  Common c;
  add_common(app, c, "only this kind of link (aes_defence, military_cooperation...)");
  return run_guarded(app, argc, argv, [&] {
    store::LinkFilter filter;
    fill_dates(filter, c);
    filter.country = c.country;
    filter.kind = c.category;
    filter.text = c.text;
    const auto format = parse_output_format(c.format);
    auto store = store::open_user_store(c.data, store::Access::read);
    const auto links = store.links(filter);
    write_links(stdout, links, format);
    return links.empty() && format == OutputFormat::table ? 1 : 0;
  });
}

}  // namespace chronomap::cli
