// Categories and link kinds: every name the importers produce has its own colour.
#include "render/time_data.hpp"

#include <gtest/gtest.h>

#include <random>
#include <set>
#include <vector>
#include <tuple>

namespace chronomap::render {
namespace {

TEST(TimeData, EveryCategoryHasItsOwnColourAndUnknownOnesAreOther) {
  std::set<std::tuple<float, float, float>> colours;
  for (const auto name : event_categories()) {
    const auto index = category_index(name);
    EXPECT_EQ(event_categories()[index], name);
    const Color c = category_color(index);
    EXPECT_TRUE(colours.insert({c.r, c.g, c.b}).second) << name << " shares a colour";
  }
  EXPECT_EQ(event_categories()[category_index("protest")], "protest") << "ACLED's Protests and Riots";
  EXPECT_EQ(event_categories()[category_index("no such thing")], "other");
}

TEST(TimeData, EveryLinkKindHasItsOwnColourAndLabel) {
  std::set<std::tuple<float, float, float>> colours;
  for (const auto kind : link_kinds()) {
    const auto index = link_kind_index(kind);
    EXPECT_FALSE(link_kind_label(index).empty());
    const Color c = link_kind_color(index);
    EXPECT_TRUE(colours.insert({c.r, c.g, c.b}).second) << kind << " shares a colour";
  }
  EXPECT_EQ(link_kinds()[link_kind_index("memorandum")], "memorandum");
}

// The ranges a frame draws hold every event the shader's test (event_visible) shows,
// for random events with spans of every class (open-ended ones too), on random
// windows, cumulative and whole-time filters, with cursors and window starts put
// exactly on events' first and last days; and they hold no event that starts after
// the cursor.
TEST(SpanIndex, RangesHoldEveryVisibleEventAndNoneFromTheFuture) {
  std::mt19937 random(11);
  const DayNumber first = 18000;
  EventSet events;
  const int spans[] = {0, 0, 0, 3, 6, 7, 20, 30, 31, 200, 365, 366, 2000};
  std::uniform_int_distribution<int> start(first, first + 3000), pick(0, 13);
  for (int i = 0; i < 4000; ++i) {
    const DayNumber s = start(random);
    const int k = pick(random);
    events.add({0, 0}, s, k == 13 ? kOpenEnd : s + spans[k], 0);
  }
  std::vector<std::size_t> order;
  const SpanIndex index(events, {}, order);
  ASSERT_EQ(order.size(), events.size());
  ASSERT_EQ(std::set<std::size_t>(order.begin(), order.end()).size(), events.size()) << "each event once";

  std::uniform_int_distribution<int> any_event(0, static_cast<int>(events.size()) - 1);
  const int windows[] = {1, 2, 7, 8, 30, 31, 32, 365, 366, 5000};
  std::size_t drawn_total = 0, visible_total = 0;
  for (int trial = 0; trial < 400; ++trial) {
    TimeState state;
    const auto e = static_cast<std::size_t>(any_event(random));
    state.window_days = windows[trial % 10];
    // Edges: the cursor on an event's start, or the window starting on its last day.
    switch (trial % 4) {
      case 0: state.cursor = events.start_days[e]; break;
      case 1: state.cursor = std::min(events.end_days[e], first + 4000) + state.window_days - 1; break;
      default: state.cursor = start(random) + trial % 50 - 25;
    }
    state.mode = trial % 20 == 7 ? TimeMode::cumulative : trial % 20 == 13 ? TimeMode::everything : TimeMode::window;
    const TimeFilter filter(state, events.day_range().first);
    std::vector<bool> drawn(events.size(), false);
    for (const auto& range : index.ranges(filter)) {
      ASSERT_LE(range.first, range.last);
      ASSERT_LE(range.last, order.size());
      for (std::size_t at = range.first; at < range.last; ++at) {
        drawn[order[at]] = true;
        EXPECT_LE(static_cast<float>(events.start_days[order[at]]), filter.cursor) << "an event from the future";
      }
    }
    for (std::size_t i = 0; i < events.size(); ++i) {
      const bool visible = event_visible(filter, static_cast<float>(events.start_days[i]),
                                         static_cast<float>(events.end_days[i]));
      if (visible) ++visible_total;
      if (drawn[i]) ++drawn_total;
      EXPECT_TRUE(!visible || drawn[i]) << "event " << i << " (" << events.start_days[i] << ".."
                                        << events.end_days[i] << ") missing, trial " << trial;
    }
  }
  // The bound is tight: in windows the ranges hold not many more events than show.
  EXPECT_LT(drawn_total, visible_total * 2);
}

// Draw order: longer-lasting classes first (below), each class by start day.
TEST(SpanIndex, DrawOrderIsByClassThenStartDay) {
  EventSet events;
  events.add({0, 0}, 50, 50, 0);
  events.add({0, 0}, 10, 400, 0);
  events.add({0, 0}, 20, 20, 0);
  events.add({0, 0}, 5, 9, 0);
  events.add({0, 0}, 20, 20, 0);
  std::vector<std::size_t> order;
  const SpanIndex index(events, [](std::size_t i) { return i != 3; }, order);
  EXPECT_EQ(order, (std::vector<std::size_t>{1, 2, 4, 0})) << "event 3 left out; equal starts keep their order";
}

}  // namespace
}  // namespace chronomap::render
