// ProgressLine: the in-place progress line on a terminal (see progress_line.hpp).
#include "cli/progress_line.hpp"

#include <unistd.h>

#include <cstdio>

namespace chronomap::cli {

ProgressLine::ProgressLine(bool enabled)
    : active_(enabled && ::isatty(STDERR_FILENO) == 1), start_(Clock::now()), last_(start_) {}

ProgressLine::~ProgressLine() { clear(); }

bool ProgressLine::due(bool force) {
  if (!active_) return false;
  const auto now = Clock::now();
  if (!force && now - last_ < std::chrono::milliseconds(100)) return false;
  last_ = now;
  return true;
}

void ProgressLine::show(const std::string& text) {
  if (!active_) return;
  // \r and "erase to the end of the line": the line is rewritten in place.
  std::fprintf(stderr, "\r\x1b[K%s", text.c_str());
  std::fflush(stderr);
  shown_ = true;
}

void ProgressLine::clear() {
  if (!shown_) return;
  std::fputs("\r\x1b[K", stderr);
  std::fflush(stderr);
  shown_ = false;
}

double ProgressLine::seconds() const { return std::chrono::duration<double>(Clock::now() - start_).count(); }

}  // namespace chronomap::cli
