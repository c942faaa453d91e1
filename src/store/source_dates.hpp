// The day a source's date text names, in the forms real exports use: ISO dates and
// date-times (with fractions and zones), ACLED's "21 March 2020", Excel's "9-May-20",
// "2010/05/15 12:00:00", GDELT's 20250814, epoch seconds and milliseconds (USGS), or
// a user's --date-format. A date-time with a zone or an epoch value keeps its day in
// UTC; one without a zone keeps the day as written.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "core/date.hpp"

namespace chronomap::store {

// Two-digit years with no year column to settle them: 00..68 are 2000..2068 and
// 69..99 are 1969..1999, as POSIX strptime's %y reads them.
inline constexpr int kTwoDigitYearPivot = 69;

struct DateContext {
  std::optional<int> year;  // the row's own year column (ACLED's), which settles "9-May-20"
  std::string_view format;  // --date-format (strptime-like: %Y %y %m %d %b %B %H %M %S %%); empty: recognise
};

// The day, or the reason the text is not one ("'2025-02-30' is not a date that
// exists", "'yesterday' is not a date (expected ...)").
std::variant<DayNumber, std::string> parse_source_day(std::string_view text, const DateContext& context = {});

// Throws UsageError when `format` has a directive chronomap does not read.
void check_date_format(std::string_view format);

}  // namespace chronomap::store
