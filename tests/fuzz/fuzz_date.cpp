// libFuzzer target: the date parser takes any bytes without crashing, and what it
// accepts is a real day that formats back to an equal date.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "core/date.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  if (const auto date = chronomap::parse_date(text)) {
    if (!chronomap::is_valid(*date)) std::abort();
    if (chronomap::parse_date(chronomap::format_iso(*date)) != date) std::abort();
    if (chronomap::from_day_number(chronomap::to_day_number(*date)) != *date) std::abort();
  }
  return 0;
}
