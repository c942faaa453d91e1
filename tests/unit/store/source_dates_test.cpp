// Source dates as the exports write them: each form gives its day, and the day of a
// zoned date-time or an epoch value is the UTC day.
#include <gtest/gtest.h>

#include "store/source_dates.hpp"

namespace chronomap::store {
namespace {

std::string day(std::string_view text, DateContext context = {}) {
  const auto parsed = parse_source_day(text, context);
  if (const auto* why = std::get_if<std::string>(&parsed)) return "error: " + *why;
  return format_iso(from_day_number(std::get<DayNumber>(parsed)));
}

TEST(SourceDates, EveryFormRealExportsUse) {
  EXPECT_EQ(day("2025-08-14"), "2025-08-14");
  EXPECT_EQ(day("21 March 2020"), "2020-03-21");                   // ACLED
  EXPECT_EQ(day("14-Aug-2025"), "2025-08-14");
  EXPECT_EQ(day("March 21, 2020"), "2020-03-21");
  EXPECT_EQ(day("2022-03-04 00:00:00.000"), "2022-03-04");          // UCDP GED
  EXPECT_EQ(day("2010/05/15 12:00:00"), "2010-05-15");
  EXPECT_EQ(day("20250814"), "2025-08-14");                         // GDELT SQLDATE
  EXPECT_EQ(day("2025-06-05T09:16:03.063Z"), "2025-06-05");          // USGS CSV
  EXPECT_EQ(day("1749114963063"), "2025-06-05");                    // USGS GeoJSON, epoch ms
  EXPECT_EQ(day("1749114963"), "2025-06-05");                       // epoch seconds
}

TEST(SourceDates, ZonesGiveTheUtcDay) {
  EXPECT_EQ(day("2025-06-04T23:59:59.999-02:00"), "2025-06-05");
  EXPECT_EQ(day("2022-09-30T00:30:00+01:00"), "2022-09-29");
  EXPECT_EQ(day("2022-09-30T23:30:00"), "2022-09-30") << "no zone: the day as written";
  EXPECT_EQ(day("2022-09-30 12:00 UTC"), "2022-09-30");
}

TEST(SourceDates, TwoDigitYearsFollowTheRowsYearElseThePivot) {
  EXPECT_EQ(day("9-May-20", {2020, {}}), "2020-05-09");
  EXPECT_EQ(day("5-Aug-24"), "2024-08-05");
  EXPECT_EQ(day("12-Jan-99"), "1999-01-12");
  EXPECT_EQ(day("12-Jan-68"), "2068-01-12");
  EXPECT_EQ(day("12-Jan-69"), "1969-01-12");
  EXPECT_EQ(day("3-Mar-05", {1905, {}}), "1905-03-03") << "the year column settles the century";
}

TEST(SourceDates, AFormatReadsWhatRecognitionCannot) {
  EXPECT_EQ(day("15/05/2010", {{}, "%d/%m/%Y"}), "2010-05-15");
  EXPECT_EQ(day("05/15/10 14:00", {{}, "%m/%d/%y %H:%M"}), "2010-05-15");
  EXPECT_EQ(day("15 mai 2010", {{}, "%d %b %Y"}).rfind("error: '15 mai 2010' does not match --date-format", 0), 0u);
}

TEST(SourceDates, ImpossibleAndUnknownDatesSayWhich) {
  EXPECT_EQ(day("2025-02-30"), "error: '2025-02-30' is not a date that exists");
  EXPECT_EQ(day("2025-02-30T10:00:00Z"), "error: '2025-02-30T10:00:00Z' is not a date that exists");
  EXPECT_EQ(day("31-Feb-21"), "error: '31-Feb-21' is not a date that exists");
  EXPECT_EQ(day("15/05/2010").rfind("error: '15/05/2010' is not a date (expected", 0), 0u);
  EXPECT_EQ(day("2025-08-14T25:00:00Z"), "error: '2025-08-14T25:00:00Z' is not a date that exists");
  EXPECT_EQ(day("9999-12-31T23:00:00-02:00"), "error: '9999-12-31T23:00:00-02:00' falls outside the years 1 to 9999 in UTC");
}

}  // namespace
}  // namespace chronomap::store
