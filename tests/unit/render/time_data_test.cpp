// Categories and link kinds: every name the importers produce has its own colour.
#include "render/time_data.hpp"

#include <gtest/gtest.h>

#include <set>
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

}  // namespace
}  // namespace chronomap::render
