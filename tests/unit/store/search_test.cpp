// Search as the filters run it: the query's terms (words, prefixes, phrases, and what
// is refused), name keys for other spellings, and the store answering them with the
// shipped events and links, as `chronomap events --text/--source` does (cli/store_cases.txt).
#include "store/search.hpp"

#include <gtest/gtest.h>

#include <fstream>

#include "core/paths.hpp"
#include "store/name_keys.hpp"
#include "store/schema.hpp"
#include "unit/store/store_fixture.hpp"

namespace chronomap::store {
namespace {

TEST(Search, WordsPrefixesAndPhrasesAreTerms) {
  const auto terms = parse_search(R"(bamak* "mutual defence" Goïta)");
  ASSERT_EQ(terms.size(), 3u);
  EXPECT_EQ(text_match(terms[0]), "\"bamak\"*");
  EXPECT_EQ(text_match(terms[1]), "\"mutual defence\"");
  EXPECT_TRUE(terms[1].phrase);
  EXPECT_EQ(text_match(terms[2]), "\"Goïta\"");
  EXPECT_EQ(name_match(terms[2]), "\"goita\"");
  // A dash between words is no term; quotes inside a word stay literal text.
  EXPECT_EQ(parse_search("Mali - Niger").size(), 2u);
  // Typing in the window: the last bare word is a prefix until a space follows it.
  EXPECT_TRUE(parse_search("Bamako Kat", true).back().prefix);
  EXPECT_FALSE(parse_search("Bamako Kati ", true).back().prefix);
  EXPECT_FALSE(parse_search("\"Kati\"", true).back().prefix);
}

TEST(Search, AMalformedQueryIsAMessageNamingIt) {
  const auto message = [](const char* query) {
    try {
      parse_search(query);
    } catch (const SearchError& e) {
      return std::string(e.what());
    }
    return std::string("accepted");
  };
  EXPECT_EQ(message("\"mutual defence"), "'\"mutual defence' has a quote that is not closed");
  EXPECT_EQ(message("ba*ko"), "'ba*ko' has a '*' that does not end a word (write bamak* for words starting with bamak)");
  EXPECT_EQ(message("*"), "'*' has a '*' that does not end a word (write bamak* for words starting with bamak)");
  EXPECT_EQ(message("  "), "'  ' has no words to search for");
  EXPECT_EQ(message("\"\" Mali"), "'\"\" Mali' has a phrase with no words in it");
}

TEST(NameKeys, TransliterationsOfOneNameShareAKey) {
  // English, French, German and Russian spellings of the Russian defence minister.
  for (const char* name : {"Belousov", "Belooussov", "Beloussow", "Белоусов", "BELOUSSOV"})
    EXPECT_EQ(name_key(name), "belusov") << name;
  for (const char* name : {"Shoigu", "Choïgou", "Schoigu", "Шойгу"}) EXPECT_EQ(name_key(name), "shoigu") << name;
  for (const char* name : {"Andrei", "Andreï", "Andrey", "Andrej", "Андрей"}) EXPECT_EQ(name_key(name), "andrei") << name;
  EXPECT_EQ(name_key("Zhukov"), name_key("Joukov"));
  EXPECT_EQ(name_key("Djibo"), name_key("Jibo"));
  // Different names stay apart.
  EXPECT_NE(name_key("Camara"), name_key("Simporé"));
  EXPECT_NE(name_key("Mali"), name_key("Malo"));
  EXPECT_EQ(name_keys("Andrei Belousov; Andreï Belooussov"), "andrei belusov");
}

class SearchStore : public StoreFixture {
 protected:
  EventStore shipped() {
    auto store = open_store();
    import_file(store, geodata_file("events.csv"), options());
    import_file(store, geodata_file("links.csv"), options());
    return store;
  }
  static std::vector<std::string> ids(EventStore& store, const std::string& text) {
    EventFilter f;
    f.text = text;
    std::vector<std::string> out;
    for (const auto& e : store.query(f)) out.push_back(e.source_id);
    return out;
  }
};

TEST_F(SearchStore, OtherSpellingsOfActorsAndPlacesFindTheMoscowMeeting) {
  auto store = shipped();
  const std::vector<std::string> meeting = {"aes-0026"};
  // The seed article's French "Belooussov", the Russian and the German spellings.
  EXPECT_EQ(ids(store, "Belooussov"), meeting);
  EXPECT_EQ(ids(store, "Белоусов"), meeting);
  EXPECT_EQ(ids(store, "Beloussow"), meeting);
  EXPECT_EQ(ids(store, "Andreï Belooussov"), meeting);
  // The gazetteer's other names of the place: French, Russian.
  EXPECT_EQ(ids(store, "Moscou memoranda"), meeting);
  EXPECT_EQ(ids(store, "Москва memoranda"), meeting);
  EXPECT_TRUE(ids(store, "Belooussov Camara Niamey").empty()) << "every term must occur";
}

TEST_F(SearchStore, PrefixesAndPhrases) {
  auto store = shipped();
  EXPECT_EQ(ids(store, "bamak*"), ids(store, "Bamako"));
  EXPECT_GE(ids(store, "bamak*").size(), 8u);
  EXPECT_TRUE(ids(store, "bamak").empty()) << "a word is a whole word without its '*'";
  EXPECT_EQ(ids(store, "\"mutual understanding\""), std::vector<std::string>{"aes-0026"});
  EXPECT_TRUE(ids(store, "\"understanding mutual\"").empty()) << "a phrase's words in its order";
  EXPECT_EQ(ids(store, "\"mutual understand\"*"), std::vector<std::string>{"aes-0026"});
}

TEST_F(SearchStore, SourceMatchesTheSourceTextOrTheDataSet) {
  auto store = shipped();
  EventFilter f;
  f.source = "seed article";  // "Air Info (seed article); fact sheet"
  ASSERT_EQ(store.query(f).size(), 2u);
  for (const auto& e : store.query(f)) EXPECT_NE(e.source.find("seed article"), std::string::npos);
  f.source = "events.csv";  // the data set, by its file name
  EXPECT_EQ(static_cast<std::int64_t>(store.query(f).size()), store.event_count());
  f.source = "vents.csv";  // not a file name: the last part of the path must be whole
  EXPECT_TRUE(store.query(f).empty());
  LinkFilter l;
  l.source = "links.csv";
  EXPECT_EQ(static_cast<std::int64_t>(store.links(l).size()), store.link_count());
  l.source = "events.csv";
  EXPECT_TRUE(store.links(l).empty());
}

TEST_F(SearchStore, TheMapsLinksFollowTheEventFiltersCountryAndSource) {
  auto store = shipped();
  EventFilter f;
  f.country = "RUS";
  f.text = "memoranda";  // words describe events: links keep to country and source
  const auto links = store.links(links_of(f));
  ASSERT_FALSE(links.empty());
  for (const auto& link : links) EXPECT_TRUE(link.from_country == "RUS" || link.to_country == "RUS") << link.label;
  LinkFilter rus;
  rus.country = "RUS";
  EXPECT_EQ(links.size(), store.links(rus).size());  // `chronomap links --country RUS`
}

TEST_F(SearchStore, StoresOfEarlierVersionsAreUpgradedAndFindOtherSpellings) {
  const auto path = dir() / "old.db";
  {
    auto store = EventStore::open(path);
    import_file(store, geodata_file("events.csv"), options());
    // What version 5 held: no name keys. Upgrading runs version 6 (a key row per event)
    // and version 7 (a key row per name) in turn.
    store.database().exec(
        "DROP TRIGGER search_names_insert; DROP TRIGGER search_names_delete; DROP TABLE search_names_fts; "
        "DROP TABLE search_names; PRAGMA user_version = 5");
  }
  auto store = EventStore::open(path, EventStore::OpenMode::read_only);
  EXPECT_EQ(store.schema_version(), kSchemaVersion);
  EXPECT_EQ(ids(store, "Belooussov"), std::vector<std::string>{"aes-0026"});
  EXPECT_EQ(ids(store, "Moscou memoranda"), std::vector<std::string>{"aes-0026"});
  EXPECT_EQ(store.database().query_int("SELECT count(*) FROM sqlite_master WHERE name = 'event_names'"), 0);
  EXPECT_EQ(store.check(), std::vector<std::string>{"search index: not checked (the store is read-only to this user)"});
}

TEST_F(SearchStore, TheNameIndexHoldsEachNameOnceNotEachEvent) {
  auto store = shipped();
  auto& db = store.database();
  // Bamako is the place of seven events and has one row of keys; every actor one row.
  EXPECT_GE(db.query_int("SELECT count(*) FROM events WHERE place = 'Bamako'"), 7);
  EXPECT_EQ(db.query_int("SELECT count(*) FROM search_names WHERE is_place = 1 AND name = 'Bamako'"), 1);
  EXPECT_EQ(db.query_int("SELECT count(*) FROM search_names WHERE is_place = 0"), db.query_int("SELECT count(*) FROM actors"));
  // Importing the same file again adds no names.
  const auto names = db.query_int("SELECT count(*) FROM search_names");
  import_file(store, geodata_file("events.csv"), options());
  EXPECT_EQ(db.query_int("SELECT count(*) FROM search_names"), names);
}

TEST_F(SearchStore, ADeletedEventIsNoLongerFoundByAnotherSpelling) {
  auto store = shipped();
  store.database().exec("DELETE FROM events WHERE source_id = 'aes-0026'");
  EXPECT_TRUE(ids(store, "Belooussov").empty());
  EXPECT_TRUE(ids(store, "Moscou memoranda").empty());
}

TEST_F(SearchStore, ATermMatchingTooManyNamesIsNotWidenedByThem) {
  auto store = open_store();
  // 201 places whose keys all start with "zzplase": too many to be other spellings.
  std::string csv = "date,latitude,longitude,place,title\n";
  for (std::size_t i = 0; i <= kMaxOtherSpellings; ++i) {
    const auto n = std::to_string(i);
    csv += "2025-01-01,12.5,-8.0,Zzplace" + n + ",Event " + n + "\n";
  }
  const auto file = dir() / "many.csv";
  std::ofstream(file) << csv;
  import_file(store, file, options());
  auto& db = store.database();
  ASSERT_EQ(db.query_int("SELECT count(*) FROM search_names WHERE is_place = 1"), 201);
  EXPECT_FALSE(expand_names(db, name_match({"zzplace", false, true}), kMaxOtherSpellings));
  const auto few = expand_names(db, name_match({"zzplace1", false, true}), kMaxOtherSpellings);
  ASSERT_TRUE(few);
  EXPECT_EQ(few->size(), 111u);  // Zzplace1, Zzplace10 to 19, Zzplace100 to 199
  EXPECT_EQ(ids(store, "zzplace*").size(), kMaxOtherSpellings + 1) << "as typed, the prefix still finds them all";
}

TEST_F(SearchStore, CheckFindsNamesWithoutTheirKeys) {
  auto store = shipped();
  EXPECT_EQ(store.check(), std::vector<std::string>{});
  store.database().exec("DELETE FROM search_names WHERE is_place = 1 AND name = 'Bamako'");
  EXPECT_EQ(store.check(), std::vector<std::string>{"name index: 1 name(s) without their keys"});
}

}  // namespace
}  // namespace chronomap::store
