// The progress line of `chronomap import` on a terminal: rows, rows per second and,
// when the input's size is known, the time left, redrawn at most ten times a second
// on stderr and erased when the import ends, however it ends.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>

namespace chronomap::cli {

class ImportProgress {
 public:
  // Shows nothing unless `enabled` and stderr is a terminal. `file`'s size, when it
  // is a regular file, gives the time left.
  ImportProgress(const std::filesystem::path& file, bool enabled);
  ~ImportProgress();  // erases the line
  ImportProgress(const ImportProgress&) = delete;
  ImportProgress& operator=(const ImportProgress&) = delete;

  [[nodiscard]] bool active() const { return active_; }
  void update(std::int64_t rows, std::int64_t bytes_read);
  void clear();

 private:
  using Clock = std::chrono::steady_clock;
  bool active_ = false;
  bool shown_ = false;
  std::int64_t total_bytes_ = 0;
  Clock::time_point start_, last_;
};

}  // namespace chronomap::cli
