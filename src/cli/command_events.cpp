// `chronomap events` and `chronomap links`: what the store holds, filtered, as a
// table, CSV or GeoJSON.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <string>

#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "core/error.hpp"
#include "export/event_output.hpp"
#include "store/user_store.hpp"

namespace chronomap::cli {
using exporting::OutputFormat;
using exporting::parse_output_format;
using exporting::write_events;
using exporting::write_links;

namespace {

struct Common {
  std::string from, to, country, category, text, source, format = "table", data;
  bool csv_safe = false;
};

void add_common(CLI::App& app, Common& c, const char* category_help, const char* text_help) {
  app.add_option("--from", c.from, "first day (YYYY-MM-DD)");
  app.add_option("--to", c.to, "last day (YYYY-MM-DD)");
  app.add_option("--country", c.country,
                 "a country code (MLI, ML, 466) or name (Mali), any case: where it happened or who took part\n"
                 "(links: either end, a city counting as its country)");
  app.add_option("--category", c.category, category_help);
  app.add_option("--text", c.text, text_help);
  app.add_option("--source", c.source,
                 "only rows whose source names this (Reuters, ACLED; any case) or from this data set (its file name)");
  app.add_option("--format", c.format, "table, csv or geojson")->capture_default_str();
  app.add_flag("--csv-safe", c.csv_safe,
               "in CSV, prefix text cells beginning with =, +, -, @, TAB or CR with ' so that a spreadsheet\n"
               "shows them instead of running them as formulas (numbers are left as they are)");
  app.add_option("--data", c.data, "event store (default: the user's, with the AES data set on first use)");
}

template <typename Filter>
void fill_dates(Filter& filter, const Common& c) {
  if (!c.from.empty()) filter.from = parse_day_number(c.from, "--from");
  if (!c.to.empty()) filter.to = parse_day_number(c.to, "--to");
  if (filter.from && filter.to && *filter.to < *filter.from)
    throw UsageError("--from " + c.from + " --to " + c.to + " is an empty range");
}

}  // namespace

int run_events(int argc, char** argv) {
  CLI::App app{"List the stored events.", "chronomap events"};
  Common c;
  add_common(app, c, "only this category (coup, attack, agreement...)", kSearchHelp);
  EventOptions e;
  add_event_options(app, e);
  return run_guarded(app, argc, argv, [&] {
    store::EventFilter filter;
    fill_dates(filter, c);
    check_search(c.text);
    if (!c.country.empty()) filter.country = parse_country(c.country, "--country");
    filter.category = c.category;
    filter.text = c.text;
    filter.source = c.source;
    fill_event_options(filter, e);
    const auto format = parse_output_format(c.format);
    auto store = store::open_user_store(c.data, store::Access::read);
    const auto events = store.query(filter);
    write_events(stdout, events, {format, c.csv_safe});
    return events.empty() && format == OutputFormat::table ? 1 : 0;
  });
}

int run_links(int argc, char** argv) {
  CLI::App app{"List the stored links between countries and places.", "chronomap links"};
  Common c;
  add_common(app, c, "only this kind of link (aes_defence, military_cooperation...)",
             "only links whose label contains this (any case)");
  return run_guarded(app, argc, argv, [&] {
    store::LinkFilter filter;
    fill_dates(filter, c);
    if (!c.country.empty()) filter.country = parse_country(c.country, "--country");
    filter.kind = c.category;
    filter.text = c.text;
    filter.source = c.source;
    const auto format = parse_output_format(c.format);
    auto store = store::open_user_store(c.data, store::Access::read);
    const auto links = store.links(filter);
    write_links(stdout, links, {format, c.csv_safe});
    return links.empty() && format == OutputFormat::table ? 1 : 0;
  });
}

}  // namespace chronomap::cli
