// `chronomap import FILE`: events or links from a file into the store, all or nothing
// (or, with --skip-invalid, the good rows and a report of the others).
#include <CLI/CLI.hpp>

#include <cstdio>
#include <string>

#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "core/atomic_file.hpp"
#include "core/error.hpp"
#include "store/import.hpp"
#include "store/user_store.hpp"

namespace chronomap::cli {

int run_import(int argc, char** argv) {
  CLI::App app{"Import events or links (ACLED export, CSV, GeoJSON or any OGR source) into the store.",
               "chronomap import"};
  std::string file, format_text = "auto", data, report;
  bool skip_invalid = false;
  app.add_option("FILE", file, "the file to import")->required();
  app.add_option("--format", format_text, "auto, acled, csv, geojson or ogr")->capture_default_str();
  app.add_option("--data", data, "event store (default: the user's, with the AES data set on first use)");
  app.add_flag("--skip-invalid", skip_invalid, "import the valid rows and list the rejected ones (see --report)");
  app.add_option("--report", report, "write the rejected rows (line, reason) to this CSV file");

  return run_guarded(app, argc, argv, [&] {
    store::ImportOptions options;
    options.format = store::parse_import_format(format_text);
    options.skip_invalid = skip_invalid;
    if (!report.empty() && !skip_invalid) throw UsageError("--report goes with --skip-invalid");
    const auto store_path = data.empty() ? store::default_store_path() : std::filesystem::path(data);
    // The report is checked before the import starts, so an import never commits and
    // then fails on its report; and it never replaces the store or the input (checked
    // once the store exists: a first run creates it).
    if (!report.empty()) check_output_target(report);
    auto store = store::open_user_store(data);
    if (!report.empty() && same_file(report, store_path))
      throw UsageError("--report: '" + report + "' is the event store");
    if (!report.empty() && same_file(report, file))
      throw UsageError("--report: '" + report + "' is the file being imported");
    const auto result = store::import_file(store, file, options);
    if (!report.empty()) {
      std::string text = "line,reason\n";
      for (const auto& r : result.rejected) {
        std::string reason;
        for (char c : r.reason) reason += c == '"' ? std::string("\"\"") : std::string(1, c);
        text += r.where + ",\"" + reason + "\"\n";
      }
      write_file_atomically(report, text);
    } else {
      for (const auto& r : result.rejected) {
        // A CSV line follows the file name after ':', a feature after ': '.
        const char* separator = !r.where.empty() && r.where[0] >= '0' && r.where[0] <= '9' ? ":" : ": ";
        std::fprintf(stderr, "chronomap import: %s%s%s: %s (skipped)\n", file.c_str(), separator, r.where.c_str(),
                     r.reason.c_str());
      }
    }
    if (!result.committed) {
      std::fprintf(stderr, "chronomap import: %s: all %zu rows were rejected; nothing imported\n", file.c_str(),
                   result.rejected.size());
      return 1;
    }
    std::printf("%s: %lld %s imported (%s), %lld updated, %lld already stored, %zu rejected\n", file.c_str(),
                static_cast<long long>(result.inserted), result.kind.c_str(), result.format.c_str(),
                static_cast<long long>(result.updated), static_cast<long long>(result.already_stored),
                result.rejected.size());
    return 0;
  });
}

}  // namespace chronomap::cli
