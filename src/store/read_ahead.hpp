// A CSV reader on a second thread: it splits records (and hashes the bytes) into
// batches of rows while the import maps and writes the rows before them, so parsing
// and SQLite share the machine's two cores instead of taking turns. The rows, their
// lines and the reader's errors come out in the file's order, exactly as the reader
// alone gives them: an error is thrown by next() where the reader met it, after every
// row before it.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

#include "store/csv_reader.hpp"

namespace chronomap::store {

class CsvReadAhead {
 public:
  // Starts reading `reader` (whose header is read, and replay_header() called when
  // wanted); `reader` must outlive this object and is not to be used meanwhile.
  explicit CsvReadAhead(CsvReader& reader);
  // Stops the thread (an import that gave up) and waits for it.
  ~CsvReadAhead();
  CsvReadAhead(const CsvReadAhead&) = delete;
  CsvReadAhead& operator=(const CsvReadAhead&) = delete;

  // As CsvReader::next(); after it returned false the reader's hash is complete.
  bool next(Row& row);
  // The line where the row last returned began, and the bytes read up to it.
  [[nodiscard]] std::int64_t line() const { return line_; }
  [[nodiscard]] std::int64_t bytes_read() const { return bytes_read_; }

 private:
  struct Batch {
    std::vector<Row> rows;
    std::vector<std::int64_t> lines;
    std::size_t count = 0;
    std::int64_t bytes_read = 0;
    std::exception_ptr error;  // thrown after the batch's rows
    bool end = false;          // the input ends after the batch's rows
  };
  void read();  // the thread

  CsvReader& reader_;
  std::mutex mutex_;
  std::condition_variable ready_changed_, free_changed_;
  std::deque<Batch> ready_;
  std::vector<Batch> free_;
  bool stop_ = false;
  Batch current_;
  std::size_t at_ = 0;
  bool finished_ = false;
  std::int64_t line_ = 0, bytes_read_ = 0;
  std::thread thread_;  // last: started once the rest is set up
};

}  // namespace chronomap::store
