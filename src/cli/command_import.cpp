// `chronomap import FILE`: events or links from a file into the store, all or nothing
// (or, with --skip-invalid, the good rows and a report of the others); `--demo` adds
// the shipped AES data set.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <string>

#include "cli/commands.hpp"
#include "cli/import_progress.hpp"
#include "cli/options.hpp"
#include "core/atomic_file.hpp"
#include "core/error.hpp"
#include "export/event_output.hpp"
#include "store/import.hpp"
#include "store/user_store.hpp"

namespace chronomap::cli {
using exporting::terminal_safe;

namespace {

constexpr std::size_t kRejectedShown = 20;  // on stderr without --report; the rest counted

void print_summary(const std::string& file, const store::ImportResult& result) {
  std::string extra;
  if (result.merged) extra += ", " + std::to_string(result.merged) + " merged into an event of the same id";
  if (result.unplaced) extra += ", " + std::to_string(result.unplaced) + " without a location skipped";
  if (result.representative)
    extra += ", " + std::to_string(result.representative) + " placed at the representative point of a line or area";
  if (result.places_learned > 0) extra += "; " + std::to_string(result.places_learned) + " new place(s) learned";
  std::printf("%s: %lld %s imported (%s), %lld updated, %lld already stored, %zu rejected%s\n", file.c_str(),
              static_cast<long long>(result.inserted), result.kind.c_str(), result.format.c_str(),
              static_cast<long long>(result.updated), static_cast<long long>(result.already_stored),
              result.rejected.size(), extra.c_str());
}

// --dry-run: how the columns were understood and what the first rows would become.
void print_dry_run(const std::string& file, const store::ImportResult& result) {
  std::printf("%s: read as %s (%s); nothing imported (--dry-run)\n", file.c_str(), result.format.c_str(),
              result.kind.c_str());
  for (const auto& [field, columns] : result.understood) std::printf("  %-16s <- %s\n", field.c_str(), columns.c_str());
  for (const auto& row : result.preview) {
    if (!row.error.empty()) {
      std::printf("%s: REJECTED %s\n", row.where.c_str(), terminal_safe(row.error).c_str());
    } else if (row.event) {
      const auto& e = *row.event;
      std::printf("%s: %s%s %s [%s] %s (%.5f, %.5f)%s%s \"%s\"%s%s\n", row.where.c_str(), format_iso(e.start_day).c_str(),
                  e.end_day ? (".." + format_iso(*e.end_day)).c_str() : "", e.date_precision.c_str(),
                  terminal_safe(e.category).c_str(), e.country.empty() ? "-" : e.country.c_str(), e.lat, e.lon,
                  e.place.empty() ? "" : " ", terminal_safe(e.place).c_str(), terminal_safe(e.title).c_str(),
                  e.actors.empty() ? "" : (" actors: " + terminal_safe(e.actors)).c_str(),
                  e.fatalities ? (" fatalities: " + std::to_string(*e.fatalities)).c_str() : "");
    } else if (row.link) {
      const auto& l = *row.link;
      std::printf("%s: %s %s %s -> %s\n", row.where.c_str(), format_iso(l.start_day).c_str(), terminal_safe(l.kind).c_str(),
                  terminal_safe(l.from).c_str(), terminal_safe(l.to).c_str());
    }
  }
  std::printf("%lld rows read, %zu would be rejected", static_cast<long long>(result.rows), result.rejected.size());
  if (result.unplaced) std::printf(", %lld without a location would be skipped", static_cast<long long>(result.unplaced));
  std::printf("\n");
}

std::string report_text(const store::ImportResult& result) {
  std::string text = "line,reason\n";
  for (const auto& r : result.rejected) {
    std::string reason;
    for (char c : r.reason) reason += c == '"' ? std::string("\"\"") : std::string(1, c);
    text += r.where + ",\"" + reason + "\"\n";
  }
  return text;
}

void print_rejected(const std::string& file, const store::ImportResult& result) {
  std::size_t shown = 0;
  for (const auto& r : result.rejected) {
    if (shown++ == kRejectedShown) {
      std::fprintf(stderr, "chronomap import: %s: %zu more rejected row(s) not shown; --report FILE lists them all\n",
                   file.c_str(), result.rejected.size() - kRejectedShown);
      break;
    }
    // A CSV line follows the file name after ':', a feature after ': '.
    const char* separator = !r.where.empty() && r.where[0] >= '0' && r.where[0] <= '9' ? ":" : ": ";
    std::fprintf(stderr, "chronomap import: %s%s%s: %s (skipped)\n", file.c_str(), separator, r.where.c_str(),
                 r.reason.c_str());
  }
}

}  // namespace

int run_import(int argc, char** argv) {
  CLI::App app{"Import events or links (ACLED export, CSV, GeoJSON or any OGR source) into the store.",
               "chronomap import"};
  std::string file, format_text = "auto", data, report;
  bool skip_invalid = false, demo = false, quiet = false;
  app.add_option("FILE", file, "the file to import (a CSV may come through a pipe)");
  app.add_option("--format", format_text, "auto, acled, csv, geojson or ogr")->capture_default_str();
  app.add_option("--data", data,
                 "event store (default: the user's, with the AES data set on first use); a new one starts empty");
  app.add_flag("--demo", demo, "import the shipped AES data set (the map's own story) into the store");
  std::string column_map, date_format;
  bool dry_run = false;
  app.add_option("--map", column_map,
                 "FIELD=COLUMN,... : which column is which field, e.g.\n"
                 "date=date_start,lat=y,lon=x,title=label,category=type,actors=side_a+side_b\n"
                 "(fields: id date end_date date_precision year category sub_category title notes actors place\n"
                 "admin1 country lat lon geo_precision fatalities fatalities_low fatalities_high source url wkt\n"
                 "magnitude)");
  app.add_option("--date-format", date_format, "how dates are written, e.g. %d/%m/%Y (%Y %y %m %d %b %B %H %M %S)");
  app.add_flag("--dry-run", dry_run, "import nothing: show how the columns are understood and what the first rows become");
  app.add_flag("--skip-invalid", skip_invalid, "import the valid rows and list the rejected ones (see --report)");
  app.add_option("--report", report, "write the rejected rows (line, reason) to this CSV file");
  app.add_flag("--quiet", quiet, "no progress line on stderr (shown only when stderr is a terminal)");

  return run_guarded(app, argc, argv, [&] {
    store::ImportOptions options;
    options.format = store::parse_import_format(format_text);
    options.skip_invalid = skip_invalid;
    options.column_map = column_map;
    options.date_format = date_format;
    options.dry_run = dry_run;
    if (file.empty() && !demo) throw UsageError("FILE is required (or --demo for the AES data set)");
    if (!file.empty() && demo) throw UsageError("give FILE or --demo, not both");
    if (!report.empty() && !skip_invalid) throw UsageError("--report goes with --skip-invalid");
    const auto store_path = data.empty() ? store::default_store_path() : std::filesystem::path(data);
    // The report is checked before the import starts, so an import never commits and
    // then fails on its report; and it never replaces the store or the input (checked
    // once the store exists: a first run creates it).
    if (!report.empty()) check_output_target(report);
    CreatedStore created{store_path, !data.empty() && !store::store_exists(store_path)};
    auto store = store::open_user_store(data);
    if (!report.empty() && same_file(report, store_path))
      throw UsageError("--report: '" + report + "' is the event store");
    if (!report.empty() && same_file(report, file))
      throw UsageError("--report: '" + report + "' is the file being imported");

    if (demo) {
      const auto [events, links] = store::import_demo(store);
      created.armed = false;
      print_summary("AES data set", events);
      print_summary("AES data set", links);
      return 0;
    }
    ImportProgress progress(file, !quiet);
    if (progress.active())
      options.progress = [&](std::int64_t rows, std::int64_t bytes) { progress.update(rows, bytes); };
    const auto result = store::import_file(store, file, options);
    progress.clear();
    if (dry_run) {
      print_dry_run(file, result);
      return 0;
    }
    if (!report.empty()) write_file_atomically(report, report_text(result));
    else print_rejected(file, result);
    if (!result.committed) {
      std::fprintf(stderr, "chronomap import: %s: all %zu rows were rejected; nothing imported\n", file.c_str(),
                   result.rejected.size());
      return 1;
    }
    created.armed = false;
    print_summary(file, result);
    return 0;
  });
}

}  // namespace chronomap::cli
