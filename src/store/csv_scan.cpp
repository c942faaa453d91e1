// The CSV record scanner: one sequential read, no allocation per record.
#include "store/csv_scan.hpp"

#include <array>
#include <fstream>

#include "core/error.hpp"

namespace chronomap::store {

CsvScan scan_csv(const std::filesystem::path& path, std::size_t max_record_bytes) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(path.string() + ": cannot read");
  CsvScan scan;
  std::int64_t line = 1;           // the physical line being read
  std::int64_t record_start = 1;   // where the current record began
  bool in_quotes = false;          // odd number of '"' so far in this record
  bool has_content = false;        // anything but '\r' in this record
  std::size_t record_bytes = 0;
  auto end_record = [&] {
    if (has_content) {
      if (scan.header_line == 0) scan.header_line = record_start;
      else scan.record_lines.push_back(record_start);
    }
    has_content = false;
    record_bytes = 0;
  };
  std::array<char, 1 << 16> buffer{};
  while (in) {
    in.read(buffer.data(), buffer.size());
    const auto got = static_cast<std::size_t>(in.gcount());
    for (std::size_t i = 0; i < got; ++i) {
      const char c = buffer[i];
      if (c == '\0')
        throw InputError(path.string() + ":" + std::to_string(line) + ": binary data (a NUL byte), not a CSV file");
      if (++record_bytes > max_record_bytes)
        throw InputError(path.string() + ":" + std::to_string(record_start) + ": a record longer than " +
                         std::to_string(max_record_bytes >> 20) + " MiB; not a CSV file of events");
      if (c == '\n') {
        ++line;
        if (!in_quotes) {
          end_record();
          record_start = line;
        }
        continue;
      }
      if (c == '"') in_quotes = !in_quotes;
      if (c != '\r') has_content = true;
    }
  }
  end_record();
  return scan;
}

}  // namespace chronomap::store
