// Civil dates: day numbers, the calendar's edges, and every form users type.
#include "core/date.hpp"

#include <gtest/gtest.h>

#include "core/error.hpp"

namespace chronomap {
namespace {

TEST(Date, EpochAndKnownDays) {
  EXPECT_EQ(to_day_number({1970, 1, 1}), 0);
  EXPECT_EQ(to_day_number({1969, 12, 31}), -1);
  EXPECT_EQ(to_day_number({2000, 3, 1}), 11017);
  EXPECT_EQ(to_day_number({2025, 8, 14}), 20314);
}

TEST(Date, RoundTripsEveryDayOverFourCenturies) {
  for (DayNumber d = to_day_number({1800, 1, 1}); d <= to_day_number({2200, 12, 31}); ++d) {
    const CivilDate c = from_day_number(d);
    ASSERT_TRUE(is_valid(c)) << d;
    ASSERT_EQ(to_day_number(c), d) << format_iso(c);
  }
}

TEST(Date, ParsesIsoAndAcledForms) {
  EXPECT_EQ(parse_date("2025-08-14"), (CivilDate{2025, 8, 14}));
  EXPECT_EQ(parse_date("14 August 2025"), (CivilDate{2025, 8, 14}));
  EXPECT_EQ(parse_date(" 4 august 2025 "), (CivilDate{2025, 8, 4}));
  EXPECT_EQ(parse_date("14-Aug-2025"), (CivilDate{2025, 8, 14}));
  EXPECT_EQ(parse_date("2024-02-29"), (CivilDate{2024, 2, 29}));
}

TEST(Date, RejectsDaysThatDoNotExistInsteadOfRollingOver) {
  EXPECT_FALSE(parse_date("2025-02-30"));
  EXPECT_FALSE(parse_date("2025-02-29"));
  EXPECT_FALSE(parse_date("1900-02-29"));
  EXPECT_FALSE(parse_date("2025-13-01"));
  EXPECT_FALSE(parse_date("2025-00-10"));
  EXPECT_FALSE(parse_date("31 April 2025"));
}

TEST(Date, RejectsText) {
  for (const char* bad : {"", "yesterday", "2025-8-14", "2025/08/14", "14 Augst 2025", "20250814",
                          "2025-08-14x", "14 August", "-1-01-01", "14 August 202"}) {
    EXPECT_FALSE(parse_date(bad)) << bad;
  }
}

TEST(Date, ParseDayNumberNamesTheFieldInItsError) {
  EXPECT_EQ(parse_day_number("2025-08-14", "--date"), 20314);
  try {
    parse_day_number("2025-02-30", "--date");
    FAIL() << "expected a UsageError";
  } catch (const UsageError& e) {
    EXPECT_NE(std::string(e.what()).find("--date"), std::string::npos);
    EXPECT_NE(std::string(e.what()).find("2025-02-30"), std::string::npos);
  }
}

TEST(Date, Formats) {
  EXPECT_EQ(format_iso(CivilDate{2025, 8, 14}), "2025-08-14");
  EXPECT_EQ(format_long(CivilDate{2025, 8, 14}), "14 August 2025");
  EXPECT_EQ(format_long(to_day_number({2023, 9, 16})), "16 September 2023");
}

}  // namespace
// An imprecise date covers all the days it may mean, and says so when written.
TEST(Date, PrecisionSpansWeeksMonthsAndYears) {
  const DayNumber aug1 = to_day_number({2025, 8, 1});  // a Friday
  EXPECT_EQ(precision_span(aug1, DatePrecision::day).first, aug1);
  EXPECT_EQ(precision_span(aug1, DatePrecision::day).last, aug1);
  EXPECT_EQ(from_day_number(precision_span(aug1, DatePrecision::week).first), (CivilDate{2025, 7, 28}));
  EXPECT_EQ(from_day_number(precision_span(aug1, DatePrecision::week).last), (CivilDate{2025, 8, 3}));
  EXPECT_EQ(from_day_number(precision_span(aug1, DatePrecision::month).last), (CivilDate{2025, 8, 31}));
  const DayNumber feb = to_day_number({2024, 2, 10});
  EXPECT_EQ(from_day_number(precision_span(feb, DatePrecision::month).first), (CivilDate{2024, 2, 1}));
  EXPECT_EQ(from_day_number(precision_span(feb, DatePrecision::month).last), (CivilDate{2024, 2, 29}));
  EXPECT_EQ(from_day_number(precision_span(feb, DatePrecision::year).first), (CivilDate{2024, 1, 1}));
  EXPECT_EQ(from_day_number(precision_span(feb, DatePrecision::year).last), (CivilDate{2024, 12, 31}));
  // Weeks across a year's end, and before 1970 (negative day numbers).
  const DayNumber new_year = to_day_number({2026, 1, 1});  // a Thursday
  EXPECT_EQ(from_day_number(precision_span(new_year, DatePrecision::week).first), (CivilDate{2025, 12, 29}));
  const DayNumber old = to_day_number({1969, 12, 31});  // a Wednesday
  EXPECT_EQ(from_day_number(precision_span(old, DatePrecision::week).first), (CivilDate{1969, 12, 29}));
  EXPECT_EQ(from_day_number(precision_span(old, DatePrecision::week).last), (CivilDate{1970, 1, 4}));
  EXPECT_EQ(format_with_precision(aug1, DatePrecision::day), "2025-08-01");
  EXPECT_EQ(format_with_precision(aug1, DatePrecision::week), "week of 2025-07-28");
  EXPECT_EQ(format_with_precision(aug1, DatePrecision::month), "2025-08");
  EXPECT_EQ(format_with_precision(aug1, DatePrecision::year), "2025");
  EXPECT_EQ(parse_precision("month"), DatePrecision::month);
  EXPECT_EQ(parse_precision("Month"), std::nullopt);
}

// ← and → land on the same day of the next month or year, as a calendar would.
TEST(Date, StepsByCalendarMonthsAndYears) {
  const auto day = [](int y, int m, int d) { return to_day_number({y, m, d}); };
  EXPECT_EQ(step_by_window(day(2025, 1, 3), 30, 1), day(2025, 2, 3));
  EXPECT_EQ(step_by_window(day(2025, 1, 3), 30, 2), day(2025, 3, 3));
  EXPECT_EQ(step_by_window(day(2025, 3, 3), 30, -3), day(2024, 12, 3));
  EXPECT_EQ(step_by_window(day(2024, 1, 31), 30, 1), day(2024, 2, 29));  // clamped to the month's end
  EXPECT_EQ(step_by_window(day(2023, 1, 31), 31, 1), day(2023, 2, 28));
  EXPECT_EQ(step_by_window(day(2024, 2, 29), 365, 1), day(2025, 2, 28));
  EXPECT_EQ(step_by_window(day(2024, 7, 6), 365, -4), day(2020, 7, 6));
  EXPECT_EQ(step_by_window(day(2024, 7, 6), 7, -2), day(2024, 6, 22));
  EXPECT_EQ(step_by_window(day(2024, 7, 6), 1, 3), day(2024, 7, 9));
  EXPECT_EQ(add_months(day(1, 1, 15), -1), day(0, 12, 15));  // index arithmetic below year 1
  EXPECT_EQ(add_months(day(1969, 12, 31), 2), day(1970, 2, 28));
}

}  // namespace chronomap
