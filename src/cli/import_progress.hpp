// The progress line of `chronomap import` on a terminal: rows, rows per second and,
// when the input's size is known, the time left, redrawn at most ten times a second
// on stderr and erased when the import ends, however it ends.
#pragma once

#include <cstdint>
#include <filesystem>

#include "cli/progress_line.hpp"

namespace chronomap::cli {

class ImportProgress {
 public:
  // Shows nothing unless `enabled` and stderr is a terminal. `file`'s size, when it
  // is a regular file, gives the time left. The line is erased when the object goes.
  ImportProgress(const std::filesystem::path& file, bool enabled);

  [[nodiscard]] bool active() const { return line_.active(); }
  void update(std::int64_t rows, std::int64_t bytes_read);
  void clear() { line_.clear(); }

 private:
  ProgressLine line_;
  std::int64_t total_bytes_ = 0;
};

}  // namespace chronomap::cli
