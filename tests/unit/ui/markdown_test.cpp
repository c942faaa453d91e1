// Help > About shows geodata/ATTRIBUTION.md formatted: the Markdown reading behind it.
#include "ui/markdown.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace chronomap::ui {
namespace {

using Kind = MarkdownBlock::Kind;

std::string plain(const std::vector<MarkdownSpan>& spans) {
  std::string out;
  for (const auto& s : spans) out += s.text;
  return out;
}

TEST(Markdown, HeadingsParagraphsBulletsAndQuotes) {
  const auto blocks = parse_markdown(
      "# Attribution\n\nThe short line\nabove.\n\n- first bullet\n  continued\n- second\n\n  > quoted\n  > on\n  >\n  > again\n");
  ASSERT_EQ(blocks.size(), 6u);
  EXPECT_EQ(blocks[0].kind, Kind::heading);
  EXPECT_EQ(blocks[0].level, 1);
  EXPECT_EQ(plain(blocks[0].spans), "Attribution");
  EXPECT_EQ(blocks[1].kind, Kind::paragraph);
  EXPECT_EQ(plain(blocks[1].spans), "The short line above.");
  EXPECT_EQ(blocks[2].kind, Kind::bullet);
  EXPECT_EQ(plain(blocks[2].spans), "first bullet continued");
  EXPECT_EQ(blocks[3].kind, Kind::bullet);
  EXPECT_EQ(blocks[4].kind, Kind::quote);
  EXPECT_EQ(plain(blocks[4].spans), "quoted on");
  EXPECT_EQ(blocks[5].kind, Kind::quote);
  EXPECT_EQ(plain(blocks[5].spans), "again");
}

TEST(Markdown, TablesDropTheSeparatorRowAndKeepCodeWithPipes) {
  const auto blocks = parse_markdown("| Data | License |\n|---|:--:|\n| `a|b` | **MIT** |\n");
  ASSERT_EQ(blocks.size(), 1u);
  ASSERT_EQ(blocks[0].kind, Kind::table);
  ASSERT_EQ(blocks[0].rows.size(), 2u);
  ASSERT_EQ(blocks[0].rows[1].size(), 2u);
  EXPECT_EQ(plain(blocks[0].rows[1][0]), "a|b");
  EXPECT_TRUE(blocks[0].rows[1][0].front().code);
  EXPECT_EQ(plain(blocks[0].rows[1][1]), "MIT");  // no asterisks left
}

TEST(Markdown, LinksAndBareAddresses) {
  const auto spans = parse_inline("See [GeoNames](https://www.geonames.org/) or https://example.org/x.");
  ASSERT_EQ(spans.size(), 5u);
  EXPECT_EQ(spans[1].text, "GeoNames");
  EXPECT_EQ(spans[1].url, "https://www.geonames.org/");
  EXPECT_EQ(spans[3].url, "https://example.org/x");  // the full stop is the sentence's
  EXPECT_EQ(spans[4].text, ".");
}

TEST(Markdown, TheShippedAttributionHasNoMarkupLeft) {
  std::ifstream in(std::string(CHRONOMAP_SOURCE_DIR) + "/geodata/ATTRIBUTION.md");
  std::stringstream text;
  text << in.rdbuf();
  const auto blocks = parse_markdown(text.str());
  int headings = 0, tables = 0, bullets = 0;
  for (const auto& b : blocks) {
    headings += b.kind == Kind::heading;
    tables += b.kind == Kind::table;
    bullets += b.kind == Kind::bullet;
    for (const auto& s : b.spans) {
      EXPECT_EQ(s.text.find('|'), std::string::npos) << s.text;
      EXPECT_EQ(s.text.find('`'), std::string::npos) << s.text;
      EXPECT_FALSE(s.text.starts_with("#") || s.text.starts_with("> ")) << s.text;
    }
  }
  EXPECT_GE(headings, 1);
  EXPECT_EQ(tables, 1);
  EXPECT_GE(bullets, 4);
}

}  // namespace
}  // namespace chronomap::ui
