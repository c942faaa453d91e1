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
#include "store/import.hpp"
#include "store/user_store.hpp"

namespace chronomap::cli {
namespace {

constexpr std::size_t kRejectedShown = 20;  // on stderr without --report; the rest counted

void print_summary(const std::string& file, const store::ImportResult& result) {
  std::printf("%s: %lld %s imported (%s), %lld updated, %lld already stored, %zu rejected\n", file.c_str(),
              static_cast<long long>(result.inserted), result.kind.c_str(), result.format.c_str(),
              static_cast<long long>(result.updated), static_cast<long long>(result.already_stored),
              result.rejected.size());
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

// Removes a store this command created when the import into it failed: a refused
// import leaves nothing behind, not an empty store.
struct CreatedStore {
  std::filesystem::path path;
  bool armed;
  ~CreatedStore() {
    if (!armed) return;
    std::error_code ec;
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + suffix, ec);
  }
};

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
  app.add_flag("--skip-invalid", skip_invalid, "import the valid rows and list the rejected ones (see --report)");
  app.add_option("--report", report, "write the rejected rows (line, reason) to this CSV file");
  app.add_flag("--quiet", quiet, "no progress line on stderr (shown only when stderr is a terminal)");

  return run_guarded(app, argc, argv, [&] {
    store::ImportOptions options;
    options.format = store::parse_import_format(format_text);
    options.skip_invalid = skip_invalid;
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
