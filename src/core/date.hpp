// Civil dates as day numbers: days since 1970-01-01 in the proleptic Gregorian
// calendar, no time zone. Day numbers are what the store keeps and what the GPU
// filters on (they fit a float exactly for any date chronomap will see).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace chronomap {

struct CivilDate {
  int year = 1970;
  int month = 1;  // 1..12
  int day = 1;    // 1..31

  friend bool operator==(const CivilDate&, const CivilDate&) = default;
};

using DayNumber = std::int32_t;

bool is_leap_year(int year);
int days_in_month(int year, int month);
bool is_valid(const CivilDate& date);

DayNumber to_day_number(const CivilDate& date);
CivilDate from_day_number(DayNumber days);

// Reads "2025-08-14" (ISO 8601 calendar date), "14 August 2025" and "14-Aug-2025"
// (ACLED's forms, English month names or their three-letter abbreviations, any case),
// with surrounding blanks ignored. A date that does not exist (2025-02-30) is nullopt,
// never rolled over into the next month.
std::optional<CivilDate> parse_date(std::string_view text);

// Like parse_date, but throws UsageError naming `what` (an option or field) on failure.
DayNumber parse_day_number(std::string_view text, std::string_view what);

// 1..12 for an English month name or its three-letter abbreviation, any case.
std::optional<int> month_number(std::string_view name);

std::string format_iso(const CivilDate& date);           // 2025-08-14
std::string format_long(const CivilDate& date);          // 14 August 2025
inline std::string format_iso(DayNumber days) { return format_iso(from_day_number(days)); }
inline std::string format_long(DayNumber days) { return format_long(from_day_number(days)); }

// Calendar arithmetic: the same day `months` months or `years` years on, clamped to
// the end of a shorter month (31 January + 1 month is 28 or 29 February; 29 February
// + 1 year is 28 February).
DayNumber add_months(DayNumber day, int months);
DayNumber add_years(DayNumber day, int years);
// One step of the timeline by a window of `window_days`, in calendar terms: a month
// window (28 to 31 days) steps by calendar months (3 Jan, 3 Feb, 3 Mar), a year window
// (365 or 366 days) by calendar years, any other by its days. `steps` may be negative.
DayNumber step_by_window(DayNumber day, int window_days, int steps);

// How exactly a source dates an event: the day, or only its week, month or year
// (ACLED's time_precision 1/2/3; the store keeps the word).
enum class DatePrecision { day, week, month, year };
// "day", "week", "month", "year"; nullopt for anything else.
std::optional<DatePrecision> parse_precision(std::string_view word);

struct DaySpan {
  DayNumber first = 0, last = 0;
};
// The days an event dated `day` may have happened on: the day itself, its ISO week
// (Monday to Sunday), its calendar month or its calendar year.
DaySpan precision_span(DayNumber day, DatePrecision precision);
// The date as precisely as it is known: "2025-08-14", "week of 2025-08-11", "2025-08",
// "2025".
std::string format_with_precision(DayNumber day, DatePrecision precision);

}  // namespace chronomap
