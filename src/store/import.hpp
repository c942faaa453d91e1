// Importing a file of events or links into the store: ACLED exports, generic CSV,
// GeoJSON and any other OGR source, validated row by row, in one transaction.
#pragma once

#include <cstdint>
#include <optional>
#include <utility>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "store/event_store.hpp"
#include "store/event_writer.hpp"

namespace chronomap::store {

class Gazetteer;
class Countries;

enum class ImportFormat { automatic, acled, csv, geojson, ogr };
// "auto", "acled", "csv", "geojson", "ogr"; throws UsageError otherwise.
ImportFormat parse_import_format(std::string_view name);

struct ImportOptions {
  ImportFormat format = ImportFormat::automatic;
  bool skip_invalid = false;  // keep the good rows, list the bad ones in the result
  std::string column_map;     // --map: "date=date_start,lat=y,actors=side_a+side_b"
  std::string date_format;    // --date-format: "%d/%m/%Y"
  // Read, understand and check the rows but write nothing; the first `dry_run_rows`
  // rows are described in the result.
  bool dry_run = false;
  std::size_t dry_run_rows = 10;
  // Loaded from geodata/ on first need when null.
  const Gazetteer* gazetteer = nullptr;
  const Countries* countries = nullptr;
  // Called every 1,024 rows with the rows read so far and the bytes of the input read
  // (0 when the reader can't tell): for a progress line. The store knows no terminal.
  std::function<void(std::int64_t rows, std::int64_t bytes_read)> progress;
  // True: the search index and (for a big import) the start-date and position indexes
  // are built once after the rows (EventWriter::defer_indexes). False keeps them up to
  // date row by row: the reference the tests hold the bulk path to.
  bool defer_indexes = true;
  // The page cache of a bulk import, in KiB (see EventWriter::defer_indexes); tests
  // make it small so that a modest file spills pages into the store before its commit.
  std::int64_t cache_kib = EventWriter::kBulkCacheKiB;
};

struct RejectedRow {
  std::string where;   // "12" (a CSV line) or "feature 3"
  std::string reason;  // "field 'date': '2025-02-30' is not a date that exists"
};

// One row of a dry run: what it would become, or why it would be rejected.
struct PreviewRow {
  std::string where;
  std::optional<EventRecord> event;
  std::optional<LinkRecord> link;
  std::string error;
};

struct ImportResult {
  std::string kind;    // "events" or "links"
  std::string format;  // what the file was read as: acled, csv, geojson, ogr
  std::int64_t rows = 0;            // rows read
  std::int64_t inserted = 0;        // new rows stored
  std::int64_t updated = 0;         // revisions: a stored source id with new content
  std::int64_t already_stored = 0;  // rows whose id (or content) was stored before, unchanged
  std::int64_t merged = 0;          // rows that added actors to an event of the same id (ACLED's monadic files)
  std::int64_t unplaced = 0;        // rows with no location a layout counts instead of refusing (GDELT)
  std::int64_t representative = 0;  // events placed at the representative point of a line or an area
  std::int64_t places_learned = 0;  // new places in the store's own gazetteer
  std::vector<RejectedRow> rejected;
  // False when skip_invalid rejected every row, or on a dry run: nothing was written.
  bool committed = false;
  // How the columns were understood: (field, column names), for --dry-run.
  std::vector<std::pair<std::string, std::string>> understood;
  std::vector<PreviewRow> preview;  // the first rows, on a dry run
};

// Imports `file` (a regular file; a CSV may also come from a pipe). Without skip_invalid, the first bad row throws InputError
// "FILE:LINE: field 'F': reason" and nothing is written; a file that is not what it
// claims throws InputError too. A killed process leaves the store as it was.
ImportResult import_file(EventStore& store, const std::filesystem::path& file, const ImportOptions& options = {});

}  // namespace chronomap::store
