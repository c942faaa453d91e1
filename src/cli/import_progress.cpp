#include "cli/import_progress.hpp"

#include <cstdio>

namespace chronomap::cli {

ImportProgress::ImportProgress(const std::filesystem::path& file, bool enabled) : line_(enabled) {
  std::error_code ec;
  if (line_.active() && std::filesystem::is_regular_file(file, ec)) {
    const auto size = std::filesystem::file_size(file, ec);
    if (!ec) total_bytes_ = static_cast<std::int64_t>(size);
  }
}

void ImportProgress::update(std::int64_t rows, std::int64_t bytes_read) {
  if (!line_.due()) return;
  const double seconds = line_.seconds();
  const double rate = seconds > 0 ? static_cast<double>(rows) / seconds : 0;
  char eta[32] = "";
  if (total_bytes_ > 0 && bytes_read > 0 && bytes_read <= total_bytes_) {
    const auto left = static_cast<long>(seconds * static_cast<double>(total_bytes_ - bytes_read) /
                                        static_cast<double>(bytes_read));
    std::snprintf(eta, sizeof eta, ", %ld:%02ld left", left / 60, left % 60);
  }
  char text[128];
  std::snprintf(text, sizeof text, "importing: %lld rows, %.0f rows/s%s", static_cast<long long>(rows), rate, eta);
  line_.show(text);
}

}  // namespace chronomap::cli
