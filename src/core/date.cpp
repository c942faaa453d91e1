// Civil-date arithmetic (the era-based days-from-civil method) and date parsing.
#include "core/date.hpp"

#include <algorithm>

#include <array>
#include <cctype>
#include <charconv>

#include "core/error.hpp"

namespace chronomap {
namespace {

constexpr std::array<std::string_view, 12> kMonthNames = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i])))
      return false;
  }
  return true;
}

std::optional<int> month_from_name(std::string_view name) {
  for (std::size_t i = 0; i < kMonthNames.size(); ++i) {
    if (iequals(name, kMonthNames[i]) || (name.size() == 3 && iequals(name, kMonthNames[i].substr(0, 3))))
      return static_cast<int>(i) + 1;
  }
  return std::nullopt;
}

// Parses a run of 1..max_digits ASCII digits that makes up the whole of `text`.
std::optional<int> parse_digits(std::string_view text, std::size_t min_digits, std::size_t max_digits) {
  if (text.size() < min_digits || text.size() > max_digits) return std::nullopt;
  int value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

std::optional<CivilDate> checked(int year, int month, int day) {
  CivilDate date{year, month, day};
  if (!is_valid(date)) return std::nullopt;
  return date;
}

}  // namespace

bool is_leap_year(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(int year, int month) {
  constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  if (month == 2 && is_leap_year(year)) return 29;
  return kDays[static_cast<std::size_t>(month - 1)];
}

bool is_valid(const CivilDate& date) {
  return date.year >= 1 && date.year <= 9999 && date.month >= 1 && date.month <= 12 &&
         date.day >= 1 && date.day <= days_in_month(date.year, date.month);
}

DayNumber to_day_number(const CivilDate& date) {
  // Count from 0000-03-01 so the leap day falls at the end of each computational year.
  const int y = date.year - (date.month <= 2 ? 1 : 0);
  const int era = (y >= 0 ? y : y - 399) / 400;
  const int year_of_era = y - era * 400;
  const int month_index = date.month > 2 ? date.month - 3 : date.month + 9;
  const int day_of_year = (153 * month_index + 2) / 5 + date.day - 1;
  const int day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146097 + day_of_era - 719468;
}

CivilDate from_day_number(DayNumber days) {
  const int z = days + 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const int day_of_era = z - era * 146097;
  const int year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
  const int day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  const int month_index = (5 * day_of_year + 2) / 153;
  const int day = day_of_year - (153 * month_index + 2) / 5 + 1;
  const int month = month_index < 10 ? month_index + 3 : month_index - 9;
  const int year = year_of_era + era * 400 + (month <= 2 ? 1 : 0);
  return {year, month, day};
}

std::optional<CivilDate> parse_date(std::string_view text) {
  text = trim(text);
  // ISO: YYYY-MM-DD
  if (text.size() == 10 && text[4] == '-' && text[7] == '-') {
    auto y = parse_digits(text.substr(0, 4), 4, 4);
    auto m = parse_digits(text.substr(5, 2), 2, 2);
    auto d = parse_digits(text.substr(8, 2), 2, 2);
    if (!y || !m || !d) return std::nullopt;
    return checked(*y, *m, *d);
  }
  // "14 August 2025" or "14-Aug-2025"
  const char sep = text.find('-') != std::string_view::npos ? '-' : ' ';
  const auto first = text.find(sep);
  if (first == std::string_view::npos) return std::nullopt;
  const auto last = text.rfind(sep);
  if (last == first) return std::nullopt;
  auto d = parse_digits(trim(text.substr(0, first)), 1, 2);
  auto m = month_from_name(trim(text.substr(first + 1, last - first - 1)));
  auto y = parse_digits(trim(text.substr(last + 1)), 4, 4);
  if (!y || !m || !d) return std::nullopt;
  return checked(*y, *m, *d);
}

std::optional<int> month_number(std::string_view name) { return month_from_name(name); }

DayNumber parse_day_number(std::string_view text, std::string_view what) {
  auto date = parse_date(text);
  if (!date) {
    throw UsageError(std::string(what) + ": '" + std::string(text) +
                     "' is not a valid date (expected YYYY-MM-DD, an existing day)");
  }
  return to_day_number(*date);
}

std::string format_iso(const CivilDate& date) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", date.year, date.month, date.day);
  return buffer;
}

std::string format_long(const CivilDate& date) {
  return std::to_string(date.day) + " " +
         std::string(kMonthNames[static_cast<std::size_t>(date.month - 1)]) + " " +
         std::to_string(date.year);
}

DayNumber add_months(DayNumber day, int months) {
  const CivilDate date = from_day_number(day);
  const int index = date.year * 12 + (date.month - 1) + months;
  const int year = index >= 0 ? index / 12 : -((-index + 11) / 12);
  const int month = index - year * 12 + 1;
  return to_day_number({year, month, std::min(date.day, days_in_month(year, month))});
}

DayNumber add_years(DayNumber day, int years) { return add_months(day, years * 12); }

DayNumber step_by_window(DayNumber day, int window_days, int steps) {
  if (window_days >= 28 && window_days <= 31) return add_months(day, steps);
  if (window_days == 365 || window_days == 366) return add_years(day, steps);
  return day + steps * window_days;
}

std::optional<DatePrecision> parse_precision(std::string_view word) {
  if (word == "day") return DatePrecision::day;
  if (word == "week") return DatePrecision::week;
  if (word == "month") return DatePrecision::month;
  if (word == "year") return DatePrecision::year;
  return std::nullopt;
}

DaySpan precision_span(DayNumber day, DatePrecision precision) {
  const CivilDate date = from_day_number(day);
  switch (precision) {
    case DatePrecision::day:
      return {day, day};
    case DatePrecision::week: {
      // Day 0, 1970-01-01, was a Thursday: three days after a Monday.
      const DayNumber monday = day - ((day % 7 + 7 + 3) % 7);
      return {monday, monday + 6};
    }
    case DatePrecision::month:
      return {to_day_number({date.year, date.month, 1}),
              to_day_number({date.year, date.month, days_in_month(date.year, date.month)})};
    case DatePrecision::year:
      return {to_day_number({date.year, 1, 1}), to_day_number({date.year, 12, 31})};
  }
  return {day, day};
}

std::string format_with_precision(DayNumber day, DatePrecision precision) {
  switch (precision) {
    case DatePrecision::day:
      return format_iso(day);
    case DatePrecision::week: {
      std::string text = "week of ";
      text += format_iso(precision_span(day, precision).first);
      return text;
    }
    case DatePrecision::month:
      return format_iso(day).substr(0, 7);
    case DatePrecision::year:
      return std::to_string(from_day_number(day).year);
  }
  return format_iso(day);
}

}  // namespace chronomap
