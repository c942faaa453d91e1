// The pick grid against a brute-force scan: the same events, in the same order, for
// random points, radii and time windows, with stacks and unprojectable events.
#include "render/pick_index.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <map>
#include <random>

namespace chronomap::render {
namespace {

struct Fixture {
  EventSet events;
  std::vector<geo::XY> points;
};

// Events over a 1000 x 600 map: a few dense clusters, stacks of 2 to 9 events at one
// point, some scattered, and some with no image (NaN).
Fixture random_events(std::mt19937& rng, std::size_t n) {
  Fixture f;
  std::uniform_real_distribution<double> x(-500, 500), y(-300, 300), jitter(-2, 2);
  std::uniform_int_distribution<int> day(0, 3650), span(0, 40), kind(0, 9);
  std::vector<geo::XY> stack_sites;
  for (int s = 0; s < 40; ++s) stack_sites.push_back({x(rng), y(rng)});
  std::uniform_int_distribution<std::size_t> site(0, stack_sites.size() - 1);
  while (f.points.size() < n) {
    const int k = kind(rng);
    geo::XY p{x(rng), y(rng)};
    if (k < 3) p = stack_sites[site(rng)];  // stacked exactly
    else if (k < 5) p = {stack_sites[site(rng)].x + jitter(rng), stack_sites[site(rng)].y + jitter(rng)};
    else if (k == 9 && f.points.size() % 17 == 0) p = {std::numeric_limits<double>::quiet_NaN(), 0};
    const int start = day(rng);
    f.events.add({0, 0}, start, start + (k == 8 ? span(rng) : 0), 0);
    f.points.push_back(p);
  }
  return f;
}

std::vector<std::uint32_t> brute_force(const Fixture& f, geo::XY at, double radius, const TimeFilter& filter) {
  std::vector<std::pair<double, std::uint32_t>> found;
  for (std::uint32_t i = 0; i < f.points.size(); ++i) {
    const double d = std::hypot(f.points[i].x - at.x, f.points[i].y - at.y);
    if (d <= radius &&
        event_visible(filter, static_cast<float>(f.events.start_days[i]), static_cast<float>(f.events.end_days[i])))
      found.emplace_back(d, i);
  }
  std::sort(found.begin(), found.end());
  std::vector<std::uint32_t> out;
  for (const auto& [d, i] : found) out.push_back(i);
  return out;
}

TimeFilter window(int cursor, int days) {
  TimeState state;
  state.cursor = cursor;
  state.window_days = days;
  return TimeFilter(state, 0);
}

TEST(PickIndex, FindsWhatABruteForceScanFinds) {
  std::mt19937 rng(7);
  const Fixture f = random_events(rng, 20000);
  const PickIndex index(f.points);
  std::uniform_real_distribution<double> x(-520, 520), y(-320, 320), radius(0, 15);
  std::uniform_int_distribution<int> cursor(-10, 3700), days(1, 400);
  std::size_t nonempty = 0, stacked = 0;
  for (int q = 0; q < 2000; ++q) {
    const geo::XY at{x(rng), y(rng)};
    const double r = radius(rng);
    const TimeFilter filter = window(cursor(rng), days(rng));
    const auto hits = index.query(at, r, f.events, filter);
    std::vector<std::uint32_t> got;
    for (const auto& h : hits) got.push_back(h.event);
    ASSERT_EQ(got, brute_force(f, at, r, filter)) << "query " << q;
    nonempty += !got.empty();
  }
  // Queries at the stack sites themselves: every visible member, nothing else.
  for (int q = 0; q < 200; ++q) {
    const geo::XY at = f.points[static_cast<std::size_t>(q) * 3 % f.points.size()];
    if (!std::isfinite(at.x)) continue;
    const TimeFilter filter = window(cursor(rng), days(rng));
    std::vector<std::uint32_t> got;
    for (const auto& h : index.query(at, 0.0, f.events, filter)) got.push_back(h.event);
    ASSERT_EQ(got, brute_force(f, at, 0.0, filter));
    stacked += got.size() > 1;
  }
  EXPECT_GT(nonempty, 200u) << "the random queries should hit events";
  EXPECT_GT(stacked, 5u) << "some queries should land on stacks";
}

TEST(PickIndex, OnlyWhatTheTimeFilterShowsIsPicked) {
  EventSet events;
  events.add({0, 0}, 100, 100, 0);  // a one-day event
  events.add({0, 0}, 90, 130, 0);   // a month-long one at the same place
  events.add({0, 0}, 200, 200, 0);
  const PickIndex index({{10, 10}, {10, 10}, {10, 10}});
  auto picked = [&](const TimeFilter& filter) {
    std::vector<std::uint32_t> out;
    for (const auto& h : index.query({10.5, 10}, 1.0, events, filter)) out.push_back(h.event);
    return out;
  };
  EXPECT_EQ(picked(window(100, 1)), (std::vector<std::uint32_t>{0, 1}));
  EXPECT_EQ(picked(window(120, 7)), (std::vector<std::uint32_t>{1}));
  EXPECT_EQ(picked(window(250, 30)), (std::vector<std::uint32_t>{}));
  EXPECT_EQ(picked(window(250, 200)), (std::vector<std::uint32_t>{0, 1, 2}));
  EXPECT_TRUE(index.query({12, 10}, 1.0, events, window(250, 200)).empty()) << "outside the radius";
}

TEST(PickIndex, StackCountsMatchACountOfVisibleEventsPerPosition) {
  std::mt19937 rng(11);
  const Fixture f = random_events(rng, 5000);
  const PickIndex index(f.points);
  EXPECT_GT(index.stack_count(), 10u);
  std::uniform_int_distribution<int> cursor(0, 3650), days(1, 600);
  for (int q = 0; q < 50; ++q) {
    const TimeFilter filter = window(cursor(rng), days(rng));
    geo::Extent view;
    view.add(-250, -200);
    view.add(300, 150);
    std::map<std::pair<double, double>, std::uint32_t> expected;
    for (std::uint32_t i = 0; i < f.points.size(); ++i) {
      const auto& p = f.points[i];
      if (std::isfinite(p.x) && view.contains(p.x, p.y) &&
          event_visible(filter, static_cast<float>(f.events.start_days[i]), static_cast<float>(f.events.end_days[i])))
        ++expected[{p.x, p.y}];
    }
    std::erase_if(expected, [](const auto& e) { return e.second < 2; });
    std::map<std::pair<double, double>, std::uint32_t> got;
    for (const auto& s : index.stack_counts(view, f.events, filter, 100000)) got[{s.at.x, s.at.y}] = s.visible;
    ASSERT_EQ(got, expected) << "window " << q;
  }
  geo::Extent everything;
  everything.add(-600, -400);
  everything.add(600, 400);
  EXPECT_TRUE(index.stack_counts(everything, f.events, window(3650, 4000), 3).empty()) << "too many to label";
}

TEST(PickIndex, AnEmptyOrUnprojectableSetPicksNothing) {
  EventSet events;
  EXPECT_TRUE(PickIndex(std::vector<geo::XY>{}).query({0, 0}, 10, events, window(0, 1)).empty());
  events.add({0, 0}, 0, 0, 0);
  const PickIndex nan({{std::numeric_limits<double>::quiet_NaN(), 1}});
  EXPECT_TRUE(nan.query({0, 1}, 1e9, events, window(0, 1)).empty());
}

}  // namespace
}  // namespace chronomap::render
