// Field parsers with messages that say what was wrong and what was expected.
#include "store/values.hpp"

#include <cctype>
#include <charconv>
#include <cmath>

namespace chronomap::store {

std::string quoted(std::string_view text) {
  constexpr std::size_t kShown = 40;  // a 5 MB field is not echoed back whole
  std::string out;
  out.reserve(kShown + 8);
  out += '\'';
  out.append(text.substr(0, kShown));
  if (text.size() > kShown) out.append("...");
  out += '\'';
  return out;
}

namespace {

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  return true;
}

// True for text shaped like a date this parser reads, whatever its numbers: then a
// failure means the day does not exist rather than that the text isn't a date.
bool looks_like_a_date(std::string_view s) {
  if (s.size() >= 8 && s.size() <= 10 && s[4] == '-') {
    const auto second = s.find('-', 5);
    return second != std::string_view::npos && all_digits(s.substr(0, 4)) &&
           all_digits(s.substr(5, second - 5)) && all_digits(s.substr(second + 1));
  }
  // "31 February 2025", "31-Feb-2025": a day, a month name, a year.
  const auto first = s.find_first_of(" -");
  const auto last = s.find_last_of(" -");
  if (first == std::string_view::npos || first == last) return false;
  const auto day = s.substr(0, first);
  const auto year = s.substr(last + 1);
  if (!all_digits(day) || day.size() > 2 || !all_digits(year) || year.size() != 4) return false;
  // A real month with day 1 parses: then only the day was wrong.
  std::string probe(s.substr(first));
  probe.insert(probe.begin(), '1');
  return parse_date(probe).has_value();
}

}  // namespace

std::string_view trim_blanks(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

std::variant<DayNumber, std::string> parse_day_value(std::string_view text) {
  const auto s = trim_blanks(text);
  if (auto date = parse_date(s)) return to_day_number(*date);
  if (looks_like_a_date(s)) return quoted(s) + " is not a date that exists";
  return quoted(s) + " is not a date (expected 2025-08-14 or 14 August 2025)";
}

std::variant<double, std::string> parse_coordinate(std::string_view text, double limit) {
  const auto s = trim_blanks(text);
  double value = 0;
  const char* begin = s.data();
  if (!s.empty() && s.front() == '+') ++begin;
  auto [end, ec] = std::from_chars(begin, s.data() + s.size(), value);
  if (s.empty() || ec != std::errc() || end != s.data() + s.size() || !std::isfinite(value))
    return quoted(s) + " is not a number";
  if (std::fabs(value) > limit) {
    const auto bound = std::to_string(static_cast<int>(limit));
    return quoted(s) + " is outside -" + bound + ".." + bound;
  }
  return value;
}

std::variant<std::int64_t, std::string> parse_count(std::string_view text) {
  const auto s = trim_blanks(text);
  std::int64_t value = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (s.empty() || ec != std::errc() || end != s.data() + s.size()) return quoted(s) + " is not a whole number";
  if (value < 0) return quoted(s) + " is negative";
  return value;
}

}  // namespace chronomap::store
