#include "cli/import_progress.hpp"

#include <unistd.h>

#include <cstdio>

namespace chronomap::cli {

ImportProgress::ImportProgress(const std::filesystem::path& file, bool enabled)
    : active_(enabled && ::isatty(STDERR_FILENO) == 1), start_(Clock::now()), last_(start_) {
  std::error_code ec;
  if (active_ && std::filesystem::is_regular_file(file, ec)) {
    const auto size = std::filesystem::file_size(file, ec);
    if (!ec) total_bytes_ = static_cast<std::int64_t>(size);
  }
}

ImportProgress::~ImportProgress() { clear(); }

void ImportProgress::update(std::int64_t rows, std::int64_t bytes_read) {
  if (!active_) return;
  const auto now = Clock::now();
  if (now - last_ < std::chrono::milliseconds(100)) return;
  last_ = now;
  const double seconds = std::chrono::duration<double>(now - start_).count();
  const double rate = seconds > 0 ? static_cast<double>(rows) / seconds : 0;
  char eta[32] = "";
  if (total_bytes_ > 0 && bytes_read > 0 && bytes_read <= total_bytes_) {
    const auto left = static_cast<long>(seconds * static_cast<double>(total_bytes_ - bytes_read) /
                                        static_cast<double>(bytes_read));
    std::snprintf(eta, sizeof eta, ", %ld:%02ld left", left / 60, left % 60);
  }
  // \r and "erase to the end of the line": the line is rewritten in place.
  std::fprintf(stderr, "\r\x1b[Kimporting: %lld rows, %.0f rows/s%s", static_cast<long long>(rows), rate, eta);
  std::fflush(stderr);
  shown_ = true;
}

void ImportProgress::clear() {
  if (!shown_) return;
  std::fputs("\r\x1b[K", stderr);
  std::fflush(stderr);
  shown_ = false;
}

}  // namespace chronomap::cli
