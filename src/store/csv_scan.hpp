// A first pass over a CSV file before GDAL parses it: where each record starts (the
// physical line, so a quoted field spanning lines doesn't shift every later line
// number), and a refusal of binary files and absurdly long records.
#pragma once

#include <cstdint>
#include <filesystem>
#include <vector>

namespace chronomap::store {

inline constexpr std::size_t kMaxRecordBytes = 1 << 20;

struct CsvScan {
  // The 1-based line of each data record (header excluded), in the order GDAL's CSV
  // driver returns them: records are joined while their count of '"' is odd, and
  // blank records are skipped, as GDAL does.
  std::vector<std::int64_t> record_lines;
  std::int64_t header_line = 0;  // 0 when the file has no non-blank record
};

// Throws InputError naming the file (and line) for a NUL byte (binary data) or a
// record over `max_record_bytes`.
CsvScan scan_csv(const std::filesystem::path& path, std::size_t max_record_bytes = kMaxRecordBytes);

}  // namespace chronomap::store
