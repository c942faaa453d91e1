// Writing stored events and links as a table, CSV (the columns of geodata/events.csv
// and links.csv) or GeoJSON, so that what `chronomap events` prints imports back.
#pragma once

#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "store/records.hpp"

namespace chronomap::exporting {

enum class OutputFormat { table, csv, geojson };
OutputFormat parse_output_format(std::string_view name);  // throws UsageError

struct OutputOptions {
  OutputFormat format = OutputFormat::table;
  // CSV for spreadsheets: a text cell beginning with =, +, -, @, TAB or CR gets a
  // leading ' so it is shown, not run as a formula. Off by default: it changes the
  // data, and the plain CSV must import back unchanged.
  bool csv_safe = false;
};

// The table is for a terminal: control characters (C0, DEL, C1) and the Unicode
// bidirectional overrides and isolates in stored text are shown escaped (\x1b,
// \u202e), never sent to the terminal as they are.
// The same, one event at a time, for exports too large to hold: the header when
// made, each event as added, and the end (the table's count, GeoJSON's ]}) at finish().
class EventWriter {
 public:
  EventWriter(std::FILE* out, const OutputOptions& options);
  void add(const store::EventRecord& event);
  void finish();
  [[nodiscard]] std::size_t count() const { return count_; }

 private:
  std::FILE* out_;
  OutputOptions options_;
  std::size_t count_ = 0;
};

void write_events(std::FILE* out, const std::vector<store::EventRecord>& events, const OutputOptions& options);
void write_links(std::FILE* out, const std::vector<store::LinkRecord>& links, const OutputOptions& options);

// `text` with terminal controls escaped, as the table shows it.
std::string terminal_safe(std::string_view text);

}  // namespace chronomap::exporting
