// Source dates: a small cursor over the text for each recognised shape, then one
// check that the day exists, so a well-shaped impossible date says so.
#include "store/source_dates.hpp"

#include <cctype>
#include <charconv>
#include <cstdint>

#include "core/error.hpp"
#include "store/values.hpp"

namespace chronomap::store {
namespace {

struct Cursor {
  std::string_view s;
  std::size_t i = 0;

  [[nodiscard]] bool done() const { return i >= s.size(); }
  [[nodiscard]] char peek() const { return done() ? '\0' : s[i]; }
  bool take(char c) {
    if (done() || s[i] != c) return false;  // not peek(): a NUL in a format must not step past the end
    ++i;
    return true;
  }
  bool take_any(std::string_view chars) {
    if (done() || chars.find(s[i]) == std::string_view::npos) return false;
    ++i;
    return true;
  }
  // min..max ASCII digits as a number; nothing consumed when fewer than min.
  std::optional<std::int64_t> digits(std::size_t min, std::size_t max) {
    std::size_t n = 0;
    while (i + n < s.size() && n < max && std::isdigit(static_cast<unsigned char>(s[i + n]))) ++n;
    if (n < min) return std::nullopt;
    std::int64_t value = 0;
    std::from_chars(s.data() + i, s.data() + i + n, value);
    i += n;
    return value;
  }
  std::string_view letters() {
    const std::size_t start = i;
    while (!done() && std::isalpha(static_cast<unsigned char>(s[i]))) ++i;
    return s.substr(start, i - start);
  }
};

// A date, perhaps a time and a zone, as read; checked afterwards.
struct Stamp {
  std::int64_t year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
  bool zoned = false;
  std::int64_t offset_minutes = 0;  // east of UTC
};

bool valid(const Stamp& t) {
  if (t.year < 1 || t.year > 9999 || t.month < 1 || t.month > 12) return false;
  if (t.day < 1 || t.day > days_in_month(static_cast<int>(t.year), static_cast<int>(t.month))) return false;
  return t.hour <= 24 && t.minute < 60 && t.second <= 60;
}

DayNumber day_of(const Stamp& t) {
  DayNumber day = to_day_number({static_cast<int>(t.year), static_cast<int>(t.month), static_cast<int>(t.day)});
  if (!t.zoned) return day;
  const std::int64_t minutes = t.hour * 60 + t.minute - t.offset_minutes;
  return day + static_cast<DayNumber>(minutes >= 0 ? minutes / 1440 : -((-minutes + 1439) / 1440));
}

// "[T| ]hh:mm[:ss[.fff]][Z|±hh[:mm]| UTC]" after a date; true when the rest is that.
bool read_time(Cursor& c, Stamp& t) {
  if (c.done()) return true;
  if (!c.take_any("T ")) return false;
  auto h = c.digits(1, 2);
  if (!h || !c.take(':')) return false;
  auto m = c.digits(2, 2);
  if (!m) return false;
  t.hour = *h, t.minute = *m;
  if (c.take(':')) {
    auto sec = c.digits(2, 2);
    if (!sec) return false;
    t.second = *sec;
    if (c.take_any(".,") && !c.digits(1, 9)) return false;
  }
  if (c.take('Z')) {
    t.zoned = true;
  } else if (c.peek() == '+' || c.peek() == '-') {
    const int sign = c.peek() == '-' ? -1 : 1;
    ++c.i;
    auto oh = c.digits(2, 2);
    if (!oh) return false;
    c.take(':');
    const auto om = c.digits(2, 2).value_or(0);
    t.zoned = true;
    t.offset_minutes = sign * (*oh * 60 + om);
  } else if (c.take(' ')) {
    if (c.letters() != "UTC") return false;
    t.zoned = true;
  }
  return c.done();
}

std::int64_t full_year(std::int64_t two_digits, const DateContext& context) {
  if (context.year && *context.year % 100 == two_digits) return *context.year;
  return two_digits < kTwoDigitYearPivot ? 2000 + two_digits : 1900 + two_digits;
}

// The shapes recognised without a format, each a complete match or nothing.
std::optional<Stamp> recognise(std::string_view text, const DateContext& context) {
  Stamp t;
  {  // 2025-08-14, 2025/08/14, with an optional time and zone
    Cursor c{text};
    auto y = c.digits(4, 4);
    if (y && c.take_any("-/")) {
      const char separator = text[c.i - 1];
      auto m = c.digits(1, 2);
      if (m && c.take(separator)) {
        auto d = c.digits(1, 2);
        t.year = *y, t.month = *m, t.day = d.value_or(0);
        if (d && read_time(c, t)) return t;
      }
    }
  }
  {  // 20250814 (GDELT), epoch seconds (9..11 digits) and milliseconds (12..14)
    Cursor c{text};
    const bool negative = c.take('-');
    auto n = c.digits(8, 14);
    if (n && c.done()) {
      const std::size_t length = text.size() - (negative ? 1 : 0);
      if (length == 8 && !negative) {
        t.year = *n / 10000, t.month = *n / 100 % 100, t.day = *n % 100;
        return t;
      }
      if (length >= 9) {
        std::int64_t seconds = length >= 12 ? *n / 1000 : *n;
        if (negative) seconds = -seconds - (length >= 12 && *n % 1000 ? 1 : 0);
        const std::int64_t days = seconds >= 0 ? seconds / 86400 : -((-seconds + 86399) / 86400);
        const auto civil = from_day_number(static_cast<DayNumber>(days));
        t.year = civil.year, t.month = civil.month, t.day = civil.day;
        return t;
      }
    }
  }
  {  // 21 March 2020, 14-Aug-2025, 9-May-20 (Excel), with an optional time
    Cursor c{text};
    auto d = c.digits(1, 2);
    if (d && c.take_any(" -")) {
      auto month = month_number(c.letters());
      if (month && c.take_any(" -")) {
        const std::size_t start = c.i;
        auto y = c.digits(2, 4);
        const std::size_t year_digits = c.i - start;
        if (y && (year_digits == 2 || year_digits == 4)) {
          t.year = year_digits == 2 ? full_year(*y, context) : *y, t.month = *month, t.day = *d;
          if (read_time(c, t)) return t;
        }
      }
    }
  }
  {  // March 21, 2020
    Cursor c{text};
    auto month = month_number(c.letters());
    if (month && c.take(' ')) {
      auto d = c.digits(1, 2);
      if (d && c.take(',') && c.take(' ')) {
        auto y = c.digits(4, 4);
        t.year = y.value_or(0), t.month = *month, t.day = *d;
        if (y && c.done()) return t;
      }
    }
  }
  return std::nullopt;
}

// strptime-like, the directives of check_date_format; literal characters must match,
// a blank matches any run of blanks.
std::optional<Stamp> with_format(std::string_view text, std::string_view format, const DateContext& context) {
  Cursor c{text};
  Stamp t;
  for (std::size_t f = 0; f < format.size(); ++f) {
    if (format[f] == ' ') {
      while (c.take(' ')) {
      }
      continue;
    }
    if (format[f] != '%' || f + 1 == format.size()) {
      if (!c.take(format[f])) return std::nullopt;
      continue;
    }
    std::optional<std::int64_t> value;
    switch (format[++f]) {
      case 'Y': value = c.digits(4, 4); if (value) t.year = *value; break;
      case 'y': value = c.digits(2, 2); if (value) t.year = full_year(*value, context); break;
      case 'm': value = c.digits(1, 2); if (value) t.month = *value; break;
      case 'd': value = c.digits(1, 2); if (value) t.day = *value; break;
      case 'H': value = c.digits(1, 2); if (value) t.hour = *value; break;
      case 'M': value = c.digits(1, 2); if (value) t.minute = *value; break;
      case 'S': value = c.digits(1, 2); if (value) t.second = *value; break;
      case 'b':
      case 'B':
        if (auto month = month_number(c.letters())) value = t.month = *month;
        break;
      case '%': if (c.take('%')) value = 0; break;
      default: break;
    }
    if (!value) return std::nullopt;
  }
  if (!c.done()) return std::nullopt;
  return t;
}

}  // namespace

void check_date_format(std::string_view format) {
  for (std::size_t i = 0; i < format.size(); ++i) {
    if (format[i] != '%') continue;
    if (i + 1 == format.size() || std::string_view("YymdHMSbB%").find(format[i + 1]) == std::string_view::npos)
      throw UsageError("--date-format: '" + std::string(format) +
                       "' uses a directive chronomap does not read (it reads %Y %y %m %d %b %B %H %M %S %%)");
    ++i;
  }
}

std::variant<DayNumber, std::string> parse_source_day(std::string_view text, const DateContext& context) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
  const auto stamp = context.format.empty() ? recognise(text, context) : with_format(text, context.format, context);
  if (!stamp) {
    if (!context.format.empty()) return quoted(text) + " does not match --date-format '" + std::string(context.format) + "'";
    return quoted(text) + " is not a date (expected 2025-08-14, 14 August 2025, 2025-08-14T09:16:03Z, 20250814, "
                          "epoch seconds, or give --date-format)";
  }
  if (!valid(*stamp)) return quoted(text) + " is not a date that exists";
  const DayNumber day = day_of(*stamp);
  // A zone can move the last day of 9999 into year 10000.
  if (const auto year = from_day_number(day).year; year < 1 || year > 9999)
    return quoted(text) + " falls outside the years 1 to 9999 in UTC";
  return day;
}

}  // namespace chronomap::store
