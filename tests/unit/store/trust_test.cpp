// What a hostile or merely unusual input must not do to the store: typed OGR fields
// are read exactly, quotes never swallow rows, points off the Earth are refused one
// by one, revisions update, and a refused import writes nothing.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <fstream>
#include <thread>

#include "core/error.hpp"
#include "store/import.hpp"
#include "store/text.hpp"
#include "unit/store/store_fixture.hpp"

namespace chronomap::store {
namespace {

class Trust : public StoreFixture {
 protected:
  void write(const std::filesystem::path& path, const std::string& text) {
    std::ofstream(path, std::ios::binary) << text;
  }
  EventRecord only(EventStore& store, const std::string& words) {
    EventFilter filter;
    filter.text = words;
    auto found = store.query(filter);
    EXPECT_EQ(found.size(), 1u) << words;
    return found.empty() ? EventRecord{} : found[0];
  }
};

// OGR hands numbers over as numbers: each must arrive as itself, not as the value
// of the column read before it (the latitude once came back as the longitude).
TEST_F(Trust, NumericGeojsonPropertiesAreStoredExactly) {
  auto store = open_store();
  import_file(store, data("import/typed_coordinates.geojson"), options());
  const auto mopti = only(store, "Mopti");
  EXPECT_DOUBLE_EQ(mopti.lat, 14.5075);
  EXPECT_DOUBLE_EQ(mopti.lon, -4.4506);
  EXPECT_EQ(mopti.fatalities, 3);
  const auto gao = only(store, "Gao");
  EXPECT_DOUBLE_EQ(gao.lat, 16.2666);
  EXPECT_DOUBLE_EQ(gao.lon, -0.04);
}

TEST_F(Trust, NumericSpreadsheetCellsAreStoredExactly) {
  auto store = open_store();
  const auto result = import_file(store, data("import/typed_cells.xlsx"), options());
  EXPECT_EQ(result.inserted, 2);
  const auto mopti = only(store, "Mopti");
  EXPECT_DOUBLE_EQ(mopti.lat, 14.5075);
  EXPECT_DOUBLE_EQ(mopti.lon, -4.4506);
  EXPECT_EQ(format_iso(from_day_number(mopti.start_day)), "2025-08-14");
}

TEST_F(Trust, NumericLinkColumnsAreStoredExactly) {
  auto store = open_store();
  import_file(store, data("import/typed_links.geojson"), options());
  const auto links = store.links();
  ASSERT_EQ(links.size(), 1u);
  EXPECT_DOUBLE_EQ(links[0].from_lon, -8.0029);
  EXPECT_DOUBLE_EQ(links[0].from_lat, 12.6392);
  EXPECT_DOUBLE_EQ(links[0].to_lon, 37.6173);
  EXPECT_DOUBLE_EQ(links[0].to_lat, 55.7558);
}

// One feature with an array makes the whole column a list column in OGR: the other
// features' values must still arrive as themselves, not as GDAL's "(1:...)" text.
TEST_F(Trust, AListColumnKeepsEveryValueAsWritten) {
  auto store = open_store();
  ASSERT_EQ(import_file(store, data("import/list_values.geojson"), options()).inserted, 2);
  const auto mopti = only(store, "Mopti");
  EXPECT_EQ(mopti.title, "Mopti market attack");
  EXPECT_EQ(mopti.actors, "Army;Militia");
  EXPECT_EQ(only(store, "Gao").title, "Gao patrol;second title");
  EXPECT_EQ(only(store, "Gao").actors, "Army");
}

TEST_F(Trust, ABareQuoteIsKeptAndEndsNoRow) {
  auto store = open_store();
  const auto result = import_file(store, data("import/leading_blank_lines.csv"), options());
  EXPECT_EQ(result.inserted, 2);
  EXPECT_EQ(only(store, "rain").title, "He said 5\" of rain");
}

TEST_F(Trust, AQuotedFieldOverAHundredLinesIsRefusedWhereItOpens) {
  auto store = open_store();
  std::string text = "date,title,lat,lon\n2025-08-14,ok,1,1\n2025-08-15,\"open";
  for (int i = 0; i < 150; ++i) text += "\n2025-08-16,more,1,1";
  write(dir() / "long.csv", text + "\"\n");
  try {
    import_file(store, dir() / "long.csv", options());
    ADD_FAILURE() << "imported";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("long.csv:3: a quoted field opens here and runs over 100 lines"),
              std::string::npos)
        << e.what();
  }
  EXPECT_EQ(store.event_count(), 0);
}

TEST_F(Trust, ACsvComesThroughAPipe) {
  auto store = open_store();
  const auto fifo = dir() / "pipe";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  std::thread writer([&] { write(fifo, "date,title,lat,lon\n2025-08-14,through a pipe,12.6,-8\n"); });
  const auto result = import_file(store, fifo, options());
  writer.join();
  EXPECT_EQ(result.inserted, 1);
  EXPECT_EQ(result.format, "csv");
  ASSERT_EQ(store.datasets().size(), 1u);
  EXPECT_EQ(store.datasets()[0].sha256, sha256_hex("date,title,lat,lon\n2025-08-14,through a pipe,12.6,-8\n"));
}

TEST_F(Trust, SkipInvalidSkipsAPointOffTheEarth) {
  auto store = open_store();
  const auto result = import_file(store, data("import/point_off_the_earth.geojson"), options(true));
  EXPECT_EQ(result.inserted, 1);
  ASSERT_EQ(result.rejected.size(), 1u);
  EXPECT_EQ(result.rejected[0].where, "feature 2");
  EXPECT_NE(result.rejected[0].reason.find("field 'geometry': (200, 100) is outside"), std::string::npos);
}

TEST_F(Trust, AProjectedPointIsConvertedAndOneOutsideItsCrsIsRefused) {
  auto store = open_store();
  const auto result = import_file(store, data("import/mercator_outside.geojson"), options(true));
  ASSERT_EQ(result.inserted, 1);
  const auto bamako = only(store, "Bamako");
  EXPECT_NEAR(bamako.lon, -8.0, 1e-4);
  EXPECT_NEAR(bamako.lat, 12.6, 1e-3);
  ASSERT_EQ(result.rejected.size(), 1u);
  EXPECT_NE(result.rejected[0].reason.find("outside the area"), std::string::npos) << result.rejected[0].reason;
}

TEST_F(Trust, ARevisionUpdatesTheStoredEvent) {
  auto store = open_store();
  write(dir() / "v1.csv", "id,date,title,lat,lon,fatalities,actors\nX1,2025-08-14,first report,12.6,-8,1,Army\n");
  write(dir() / "v2.csv", "id,date,title,lat,lon,fatalities,actors\nX1,2025-08-14,revised report,12.6,-8,5,Militia\n");
  EXPECT_EQ(import_file(store, dir() / "v1.csv", options()).inserted, 1);
  const auto revised = import_file(store, dir() / "v2.csv", options());
  EXPECT_EQ(revised.inserted, 0);
  EXPECT_EQ(revised.updated, 1);
  EXPECT_EQ(store.event_count(), 1);
  const auto event = only(store, "revised");
  EXPECT_EQ(event.fatalities, 5);
  EXPECT_EQ(store.actors_of(event.id), std::vector<std::string>{"Militia"});
  EventFilter old_words;
  old_words.text = "first";
  EXPECT_TRUE(store.query(old_words).empty()) << "the search index follows the revision";
  const auto again = import_file(store, dir() / "v2.csv", options());
  EXPECT_EQ(again.updated, 0);
  EXPECT_EQ(again.already_stored, 1);
}

TEST_F(Trust, ReimportingTheSameFileAddsNoSecondDataset) {
  auto store = open_store();
  import_file(store, data("import/acled.csv"), options());
  import_file(store, data("import/acled.csv"), options());
  EXPECT_EQ(store.datasets().size(), 1u);
}

TEST_F(Trust, WhenEveryRowIsRejectedNothingIsWritten) {
  auto store = open_store();
  const auto result = import_file(store, data("import/point_huge.geojson"), options(true));
  EXPECT_FALSE(result.committed);
  EXPECT_EQ(result.rejected.size(), 1u);
  EXPECT_EQ(store.event_count(), 0);
  EXPECT_TRUE(store.datasets().empty());
}

TEST_F(Trust, TheStoreIsNeverImportedIntoItself) {
  auto store = open_store();
  EXPECT_THROW(import_file(store, store.path(), options()), InputError);
}

}  // namespace
}  // namespace chronomap::store
