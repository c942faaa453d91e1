// The store: refusing what is not a chronomap store, migration from version 1, FTS,
// re-import without duplicates, skip-invalid, the default data set.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "core/error.hpp"
#include "store/schema.hpp"
#include "store/search.hpp"
#include "store/user_store.hpp"
#include "unit/store/store_fixture.hpp"

namespace chronomap::store {
namespace {

namespace fs = std::filesystem;

std::string read_all(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void write_all(const fs::path& p, const std::string& bytes) { std::ofstream(p, std::ios::binary) << bytes; }

class Store : public StoreFixture {};

TEST_F(Store, NewStoreHasTheCurrentSchema) {
  auto store = open_store();
  EXPECT_EQ(store.schema_version(), kSchemaVersion);
  EXPECT_EQ(store.event_count(), 0);
}

TEST_F(Store, RefusesFilesThatAreNotChronomapStoresAndLeavesThemAlone) {
  const auto text = dir() / "notes.db";
  write_all(text, "just some text, not a database at all, long enough to have a header ... ... ... ... ... ...");
  const auto empty = dir() / "empty.db";
  write_all(empty, "");
  const auto other = dir() / "other.db";
  {
    Database db(other, Database::Mode::create);
    db.exec("CREATE TABLE t(x); INSERT INTO t VALUES (1);");
  }
  for (const auto& [path, message] : {std::pair{text, "not an SQLite database"}, std::pair{empty, "empty file"},
                                      std::pair{other, "another program"}}) {
    const auto before = read_all(path);
    try {
      EventStore::open(path);
      ADD_FAILURE() << path << " opened";
    } catch (const Error& e) {
      EXPECT_NE(std::string(e.what()).find(message), std::string::npos) << e.what();
    }
    EXPECT_EQ(read_all(path), before) << path << " was modified";
  }
}

// Opening checks in constant time; the first read of a damaged page says "damaged"
// and names the command that checks the whole store. Nothing is written either way.
TEST_F(Store, ADamagedStoreIsReportedAndLeftAlone) {
  const auto path = dir() / "damaged.db";
  {
    auto store = EventStore::open(path);
    import_file(store, data("import/acled.csv"), options());
    store.database().exec("PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode = DELETE");
  }
  auto bytes = read_all(path);
  ASSERT_GT(bytes.size(), 8192u);
  for (std::size_t i = 4096; i < bytes.size(); i += 7) bytes[i] = static_cast<char>(0x5a);  // scribble on every page but the first
  write_all(path, bytes);
  try {
    auto store = EventStore::open(path, EventStore::OpenMode::read_only);
    (void)store.query({});
    ADD_FAILURE() << "a damaged store was read";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find(path.string() + ": damaged"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("chronomap check"), std::string::npos) << e.what();
  }
  EXPECT_EQ(read_all(path), bytes);
}

TEST_F(Store, CheckFindsADamagedSearchIndex) {
  auto store = open_store();
  import_file(store, data("import/acled.csv"), options());
  EXPECT_TRUE(store.check().empty());
  // The index out of step with its events, as after a crash of a buggy writer.
  store.database().exec("DROP TRIGGER events_fts_update; UPDATE events SET title = 'changed behind its back'");
  const auto problems = store.check();
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].rfind("search index:", 0), 0u) << problems[0];
}

TEST_F(Store, OpeningDoesNotGrowWithTheStore) {
  // A read-only open runs no integrity check: it works on a store whose event pages
  // are damaged, and only a read of those pages reports it (above).
  auto store = open_store();
  import_file(store, data("import/acled.csv"), options());
  EXPECT_NO_THROW(EventStore::open(store.path(), EventStore::OpenMode::read_only));
}

TEST_F(Store, MigratesAVersion1Store) {
  const auto path = dir() / "v1.db";
  {
    Database db(path, Database::Mode::create);
    db.exec(read_all(data("store/schema_v1.sql")).c_str());
    db.exec("INSERT INTO links (uid, from_type, from_name, from_lon, from_lat, to_type, to_name, to_lon, to_lat, kind, "
            "start_day) VALUES ('id:l1', 'country', 'MLI', -8.0, 12.6, 'city', 'Moscow', 37.62, 55.76, 'memorandum', "
            "20314)");
  }
  auto store = EventStore::open(path, EventStore::OpenMode::existing);
  EXPECT_EQ(store.schema_version(), kSchemaVersion);
  EventFilter moscow;
  moscow.text = "moscow";
  const auto found = store.query(moscow);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].title, "Ministers meet in Moscow");
  EXPECT_EQ(store.actors_of(found[0].id), (std::vector<std::string>{"Mali", "Russia"}));
  // Version 3: the R*Tree gives way to the position index, which answers bounding boxes.
  EXPECT_EQ(store.database().query_int("SELECT count(*) FROM sqlite_master WHERE name LIKE 'events_rtree%'"), 0);
  EventFilter bamako;
  bamako.bbox = geo::Extent{-8.5, 12, -7.5, 13};
  const auto in_box = store.query(bamako);
  ASSERT_EQ(in_box.size(), 1u);
  EXPECT_EQ(in_box[0].title, "Liptako-Gourma Charter signed");
  EXPECT_EQ(store.check(), std::vector<std::string>{});
  // Version 5: the countries taking part, from the actors of the events stored before.
  EventFilter niger;
  niger.country = "NER";
  const auto with_niger = store.query(niger);
  ASSERT_EQ(with_niger.size(), 1u);
  EXPECT_EQ(with_niger[0].involved, "NER");
  EventFilter mali;
  mali.country = "MLI";
  EXPECT_EQ(store.query(mali).size(), 2u);  // the Moscow meeting and the Bamako charter
  // A city endpoint is in its country: the Moscow end of a link is in Russia.
  LinkFilter russia;
  russia.country = "RUS";
  ASSERT_EQ(store.links(russia).size(), 1u);
  EXPECT_EQ(store.links(russia)[0].to_country, "RUS");
  EXPECT_EQ(store.links(russia)[0].from_country, "MLI");
}

// One filter for who took part, how many died, how exactly it is dated, and by whom.
TEST_F(Store, FiltersByTakingPartActorTollAndPrecision) {
  auto store = open_store();
  import_file(store, data("import/acled.csv"), options());
  const auto ids = [&](const EventFilter& f) {
    std::vector<std::string> out;
    for (const auto& e : store.query(f)) out.push_back(e.source_id);
    return out;
  };
  using Ids = std::vector<std::string>;
  EventFilter f;
  // BFA3003 happened in Burkina Faso with the Government of Russia as its second actor.
  f.country = "RUS";
  EXPECT_EQ(ids(f), Ids{"BFA3003"});
  f.country = "BFA";
  EXPECT_EQ(ids(f), Ids{"BFA3003"});
  f.country = "NER";
  EXPECT_EQ(ids(f), Ids{"NER2002"});
  f = {};
  f.actor = "wagner";  // an associated actor of MLI1001, any case
  EXPECT_EQ(ids(f), Ids{"MLI1001"});
  f = {};
  f.min_fatalities = 5;
  EXPECT_EQ(ids(f), (Ids{"NER2002", "MLI1001"}));
  f.max_fatalities = 5;
  EXPECT_EQ(ids(f), Ids{"NER2002"});
  f = {};
  f.max_fatalities = 0;
  EXPECT_EQ(ids(f), Ids{"BFA3003"});
  f = {};
  f.date_precision = "week";  // ACLED's time_precision 2
  EXPECT_EQ(ids(f), Ids{"NER2002"});
}

// --from/--to select an imprecise event on every day it may have happened on: the
// store's SQL and core/date's precision_span agree, at the edges of each span.
TEST_F(Store, DateFiltersCoverTheWholeWeekMonthOrYearOfAnImpreciseEvent) {
  auto store = open_store();
  const auto csv = dir() / "precision.csv";
  {
    std::ofstream out(csv);
    out << "id,date,end_date,date_precision,category,title,lat,lon\n"
           "w,2025-01-01,,week,attack,week across a new year,12.6,-8.0\n"
           "m,2024-02-10,,month,attack,month of a leap February,12.6,-8.0\n"
           "y,1969-06-15,,year,attack,year before 1970,12.6,-8.0\n"
           "s,2025-08-30,2025-09-03,month,attack,month with a span beyond it,12.6,-8.0\n"
           "d,2025-08-14,,day,attack,one day,12.6,-8.0\n";
  }
  import_file(store, csv, options());
  int checked = 0;
  for (const auto& e : store.query({})) {
    DaySpan span = precision_span(e.start_day, *parse_precision(e.date_precision));
    span.last = std::max(span.last, e.last_day());
    for (DayNumber day : {span.first - 1, span.first, span.last, span.last + 1}) {
      EventFilter on_day;
      on_day.from = on_day.to = day;
      bool found = false;
      for (const auto& hit : store.query(on_day)) found = found || hit.source_id == e.source_id;
      EXPECT_EQ(found, day >= span.first && day <= span.last) << e.source_id << " on " << format_iso(day);
      ++checked;
    }
  }
  EXPECT_EQ(checked, 20);
}

// The window's store filters: the ids that pass, and the mask over the events drawn.
TEST_F(Store, IdsThatPassAFilterBecomeAMaskOverTheEventsDrawn) {
  auto store = open_store();
  import_file(store, data("import/acled.csv"), options());
  std::vector<std::int64_t> drawn;
  store.for_each_point({}, [&](const EventPoint& p) { drawn.push_back(p.id); });
  ASSERT_EQ(drawn.size(), 3u);
  EventFilter russia;
  russia.country = "RUS";
  const auto passing = store.ids(russia);
  ASSERT_EQ(passing.size(), 1u);
  const auto mask = passes_by_id(drawn, passing);
  ASSERT_EQ(mask.size(), 3u);
  for (std::size_t i = 0; i < drawn.size(); ++i) EXPECT_EQ(mask[i], drawn[i] == passing[0] ? 1 : 0);
  EXPECT_EQ(passes_by_id(drawn, drawn), (std::vector<std::uint8_t>{1, 1, 1}));
  EXPECT_EQ(passes_by_id(drawn, {}), (std::vector<std::uint8_t>{0, 0, 0}));
  const std::vector<std::int64_t> outside = {-5, 1'000'000};
  EXPECT_EQ(passes_by_id(drawn, outside), (std::vector<std::uint8_t>{0, 0, 0}));
}

TEST_F(Store, ActorNamesCompleteAPartOfAName) {
  auto store = open_store();
  import_file(store, data("import/acled.csv"), options());
  // Names starting with the part first, then the others containing it.
  EXPECT_EQ(store.actor_names("mili", 5),
            (std::vector<std::string>{"Military Forces of Burkina Faso (2022-)", "Military Forces of Mali (2021-)"}));
  EXPECT_EQ(store.actor_names("OF", 2),
            (std::vector<std::string>{"Government of Russia (2000-)", "JNIM: Group for Support of Islam and Muslims"}));
  EXPECT_EQ(store.actor_names("xyzzy", 5), std::vector<std::string>{});
}

TEST_F(Store, CheckFindsAMissingSpatialIndex) {
  auto store = open_store();
  import_file(store, data("import/acled.csv"), options());
  store.database().exec("DROP INDEX events_by_position");
  EXPECT_EQ(store.check(), std::vector<std::string>{"spatial index: missing"});
}

TEST_F(Store, FullTextSearchFindsWordsWithoutAccentsAndQuotesAreHarmless) {
  auto store = open_store();
  import_file(store, data("import/french_cyrillic_geocoded.csv"), options());
  import_file(store, data("import/acled.csv"), options());
  EventFilter f;
  f.text = "tillaberi";  // stored as "Tillabéri" in a title and as Tillaberi in ACLED's place
  EXPECT_EQ(store.query(f).size(), 2u);
  f.text = "Москве";
  EXPECT_EQ(store.query(f).size(), 1u);
  f.text = "\"heavy\" clash";
  EXPECT_EQ(store.query(f).size(), 1u);
  f.text = "\"heavy\" OR 1=1 --";  // words, not FTS5 syntax: no event has "or" and "1=1"
  EXPECT_EQ(store.query(f).size(), 0u);
  f.text = "\" OR 1=1 --";
  EXPECT_THROW(store.query(f), SearchError) << "an unclosed quote is the user's to mend";
}

TEST_F(Store, ReimportAddsNothingWithIdsOrWithout) {
  auto store = open_store();
  for (const char* file : {"import/acled.csv", "import/bom_crlf_quotes.csv"}) {
    const auto first = import_file(store, data(file), options());
    const auto count = store.event_count();
    const auto again = import_file(store, data(file), options());
    EXPECT_EQ(again.inserted, 0) << file;
    EXPECT_EQ(again.already_stored, first.inserted) << file;
    EXPECT_EQ(store.event_count(), count);
  }
}

TEST_F(Store, SkipInvalidKeepsTheGoodRowsAndNamesTheBadOnes) {
  auto store = open_store();
  const auto result = import_file(store, data("import/multiline_then_bad.csv"), options(true));
  EXPECT_EQ(result.inserted, 2);
  ASSERT_EQ(result.rejected.size(), 1u);
  EXPECT_EQ(result.rejected[0].where, "5");
  EXPECT_NE(result.rejected[0].reason.find("'2025-13-01'"), std::string::npos);
}

TEST_F(Store, AcledColumnsAreMapped) {
  auto store = open_store();
  import_file(store, data("import/acled.csv"), options());
  const auto events = store.query({});
  ASSERT_EQ(events.size(), 3u);
  const auto& clash = events[2];
  EXPECT_EQ(format_iso(clash.start_day), "2025-08-14");
  EXPECT_EQ(clash.source_id, "MLI1001");
  EXPECT_EQ(clash.country, "MLI");
  EXPECT_EQ(clash.category, "attack");
  EXPECT_EQ(clash.sub_category, "Armed clash");
  EXPECT_EQ(clash.actors, "Military Forces of Mali (2021-);Wagner Group;Africa Corps;JNIM: Group for Support of Islam and Muslims");
  EXPECT_EQ(clash.fatalities, 12);
  EXPECT_EQ(clash.notes, "Clash near the airport, \"heavy\" fire.");
  EXPECT_EQ(events[0].category, "agreement");
  EXPECT_EQ(events[1].date_precision, "week");
}

TEST_F(Store, PlacesWithoutCoordinatesAreGeocoded) {
  auto store = open_store();
  import_file(store, data("import/french_cyrillic_geocoded.csv"), options());
  EventFilter f;
  f.country = "MLI";
  const auto mali = store.query(f);
  ASSERT_EQ(mali.size(), 1u);
  EXPECT_EQ(mali[0].geo_precision, "geocoded");
  EXPECT_NEAR(mali[0].lat, 16.77, 0.1);
  EXPECT_NEAR(mali[0].lon, -3.0, 0.1);
}

TEST_F(Store, DefaultDataSetHasTheMoscowMeeting) {
  auto store = open_user_store(dir() / "user.db");
  EXPECT_EQ(store.event_count(), 0) << "a store named with --data starts empty";
  import_demo(store);
  EXPECT_GE(store.event_count(), 20);
  EXPECT_GE(store.link_count(), 10);
  EventFilter f;
  f.from = f.to = to_day_number({2025, 8, 14});
  f.bbox = geo::Extent{37.0, 55.0, 38.5, 56.5};  // Moscow
  const auto events = store.query(f);
  ASSERT_FALSE(events.empty());
  EXPECT_EQ(events[0].country, "RUS");
  LinkFilter memoranda;
  memoranda.kind = "memorandum";
  EXPECT_EQ(store.links(memoranda).size(), 3u);
  std::size_t points = 0;
  store.for_each_point({}, [&](const EventPoint&) { ++points; });
  EXPECT_EQ(static_cast<std::int64_t>(points), store.event_count());
}

}  // namespace
}  // namespace chronomap::store
