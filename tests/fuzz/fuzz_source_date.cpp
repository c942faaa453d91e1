// libFuzzer target: the source-date parser takes any bytes, with or without a year
// hint or a --date-format, without crashing; a day it accepts is a day that exists and
// that formats back to a date it accepts again as the same day.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "store/source_dates.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace chronomap;
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  // The first byte picks a context: a year column value, and a format after a '\n'.
  store::DateContext context;
  if (!bytes.empty()) {
    const auto pick = static_cast<unsigned char>(bytes.front());
    bytes.remove_prefix(1);
    if (pick & 1) context.year = 1900 + pick;
  }
  std::string_view text = bytes;
  if (const auto newline = bytes.find('\n'); newline != std::string_view::npos) {
    text = bytes.substr(0, newline);
    context.format = bytes.substr(newline + 1);
  }
  const auto day = store::parse_source_day(text, context);
  if (const auto* number = std::get_if<DayNumber>(&day)) {
    const CivilDate date = from_day_number(*number);
    if (!is_valid(date)) std::abort();
    const auto again = store::parse_source_day(format_iso(date));
    if (!std::holds_alternative<DayNumber>(again) || std::get<DayNumber>(again) != *number) std::abort();
  }
  return 0;
}
