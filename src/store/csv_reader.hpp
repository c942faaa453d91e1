// A CSV reader for outside files and pipes, read as Python's csv module and sqlite3's
// .import read them (RFC 4180 plus the usual leniency), with the limits that keep a
// single bad quote from swallowing the rest of a file:
// - a field that starts with '"' is quoted: "" is a quote, a newline is kept, and text
//   after the closing quote up to the delimiter is kept literally;
// - a '"' inside an unquoted field (O"Brien) is an ordinary character and never
//   changes where a row ends;
// - a quoted field still open at the end of the input, or spanning more than
//   kMaxFieldLines lines, is an error naming the line where its quote opened;
// - a NUL byte (binary data) and a record over kMaxRecordBytes are errors;
// - a UTF-8 byte order mark, CRLF line ends and blank lines (leading ones too) are
//   accepted; the delimiter is ',' unless the header shows ';', TAB or '|'.
// The input is read once, front to back, so a pipe (`import <(cat f.csv)`) works, and
// its SHA-256 is computed on the way.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "store/row.hpp"
#include "store/sha256.hpp"

namespace chronomap::store {

inline constexpr std::size_t kMaxRecordBytes = 1 << 20;
inline constexpr int kMaxFieldLines = 100;

class CsvReader {
 public:
  // Opens `path` (a file or a pipe) and reads the header. `delimiter` 0 detects it.
  // Throws InputError naming the file for an unreadable or empty input or a header
  // that breaks the rules above.
  explicit CsvReader(const std::filesystem::path& path, char delimiter = 0);
  ~CsvReader();
  CsvReader(const CsvReader&) = delete;
  CsvReader& operator=(const CsvReader&) = delete;

  [[nodiscard]] const std::vector<std::string>& header() const { return header_; }
  [[nodiscard]] std::int64_t header_line() const { return header_line_; }
  [[nodiscard]] char delimiter() const { return delimiter_; }

  // The next non-blank record into `row` (one value per header column: missing
  // trailing fields are absent). False at the end of the input. Throws InputError
  // "FILE:LINE: reason" for a broken record, including one with more non-empty
  // fields than the header has.
  bool next(Row& row);
  // For files without a header row (GDELT): the next call to next() returns the
  // first row, read as the header, as data.
  void replay_header() { replay_header_ = true; }
  // The physical line (1-based) where the record last returned began.
  [[nodiscard]] std::int64_t line() const { return record_line_; }
  // Bytes of the input consumed so far (for a progress line).
  [[nodiscard]] std::int64_t bytes_read() const { return consumed_ + static_cast<std::int64_t>(pos_); }
  // SHA-256 of every byte of the input; call after next() has returned false.
  std::string sha256_hex() { return hash_.hex(); }

 private:
  bool fill();                                 // more bytes into the buffer; false at the end
  bool read_fields();  // one record's fields into fields_; false at the end
  [[noreturn]] void fail(std::int64_t line, const std::string& reason) const;
  void detect_delimiter();

  std::string name_;
  int fd_ = -1;
  std::vector<char> buffer_;
  std::size_t pos_ = 0, end_ = 0;
  bool eof_ = false;
  std::int64_t consumed_ = 0;  // bytes of the buffers read before the current one
  Sha256 hash_;
  char delimiter_ = ',';
  std::int64_t line_ = 1, record_line_ = 0, header_line_ = 0;
  std::vector<std::string> header_, fields_;
  bool replay_header_ = false;
};

}  // namespace chronomap::store
