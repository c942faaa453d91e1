// One line of progress on stderr for a terminal (an import's rows, a render's
// frames): redrawn in place at most ten times a second and erased when the work
// ends, however it ends. Silent when stderr is not a terminal.
#pragma once

#include <chrono>
#include <string>

namespace chronomap::cli {

class ProgressLine {
 public:
  // Shows nothing unless `enabled` and stderr is a terminal.
  explicit ProgressLine(bool enabled);
  ~ProgressLine();  // erases the line
  ProgressLine(const ProgressLine&) = delete;
  ProgressLine& operator=(const ProgressLine&) = delete;

  [[nodiscard]] bool active() const { return active_; }
  // Whether the line is to be redrawn now (a tenth of a second since the last time);
  // `force`: now anyway. False when not active.
  bool due(bool force = false);
  // Rewrites the line with `text`.
  void show(const std::string& text);
  void clear();
  // Seconds since the line was made.
  [[nodiscard]] double seconds() const;

 private:
  using Clock = std::chrono::steady_clock;
  bool active_ = false;
  bool shown_ = false;
  Clock::time_point start_, last_;
};

}  // namespace chronomap::cli
