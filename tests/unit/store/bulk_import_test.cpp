// The bulk import (search index filled once after the rows, start-date and position
// indexes built again when the import is big for the store) answers every search and
// every bounding-box query as a store kept up to date row by row does, after new rows
// and after revisions, whether the revised row came before the import or within it.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "unit/store/store_fixture.hpp"

namespace chronomap::store {
namespace {

namespace fs = std::filesystem;

const char* const kWords[] = {"alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel",
                              "india", "juliett", "kilo", "lima"};
constexpr int kWordCount = static_cast<int>(std::size(kWords));

struct Line {
  int id;
  int seed;  // picks the words, the actors and the position
};

void write_csv(const fs::path& path, const std::vector<Line>& lines) {
  std::ofstream out(path);
  out << "id,date,title,notes,actors,place,lat,lon,country,fatalities\n";
  for (const auto& [id, seed] : lines) {
    out << "k" << id << ",2024-03-" << 10 + seed % 19 << "," << kWords[seed % kWordCount] << " event " << id << ",\""
        << kWords[(seed / 3) % kWordCount] << " and " << kWords[(seed / 7) % kWordCount] << " seed" << seed
        << "\",Actor " << seed % 5 << "; Actor " << seed % 3 + 5 << ",Place" << seed % 11 << ","
        << (seed % 130) * 0.25 << "," << (seed % 97) * 0.5 - 20 << ",MLI," << seed % 4 << "\n";
  }
}

class BulkImport : public StoreFixture {
 protected:
  // Source ids of the events a filter finds, sorted.
  static std::vector<std::string> found(EventStore& store, const EventFilter& filter) {
    std::vector<std::string> ids;
    for (const auto& e : store.query(filter)) ids.push_back(e.source_id);
    std::sort(ids.begin(), ids.end());
    return ids;
  }

  static void expect_same_answers(EventStore& bulk, EventStore& reference, const std::string& what) {
    EXPECT_EQ(bulk.check(), std::vector<std::string>{}) << what;
    EXPECT_EQ(reference.check(), std::vector<std::string>{}) << what;
    EXPECT_EQ(bulk.event_count(), reference.event_count()) << what;
    EventFilter filter;
    EXPECT_EQ(found(bulk, filter), found(reference, filter)) << what;
    for (int s = 0; s < 60; ++s) {
      filter.text = s < kWordCount ? kWords[s] : "seed" + std::to_string(s * 37);
      EXPECT_EQ(found(bulk, filter), found(reference, filter)) << what << ", text " << filter.text;
      if (s < kWordCount) {
        EXPECT_FALSE(found(bulk, filter).empty()) << what << ", text " << filter.text;
      }
    }
    filter.text.clear();
    // The actor filter (event_actors, written in batches) agrees with each event's
    // own list of actors, revised ones included.
    for (int a = 0; a < 8; ++a) {
      EventFilter by_actor;
      by_actor.actor = "Actor " + std::to_string(a);
      std::vector<std::string> listed;
      for (const auto& e : bulk.query({})) {
        if ((";" + e.actors + ";").find(";" + by_actor.actor + ";") != std::string::npos)
          listed.push_back(e.source_id);
      }
      std::sort(listed.begin(), listed.end());
      EXPECT_FALSE(listed.empty()) << what << ", " << by_actor.actor;
      EXPECT_EQ(found(bulk, by_actor), listed) << what << ", " << by_actor.actor;
      EXPECT_EQ(found(reference, by_actor), listed) << what << ", " << by_actor.actor;
    }
    for (int s = 0; s < 20; ++s) {
      const double x = -20 + s * 2.1, y = s * 1.5;
      filter.bbox = geo::Extent{x, y, x + 9.5, y + 7.25};  // edges on stored values too
      EXPECT_EQ(found(bulk, filter), found(reference, filter)) << what << ", box " << s;
    }
    for (auto* store : {&bulk, &reference}) {
      EXPECT_EQ(store->database().query_int(
                    "SELECT count(*) FROM sqlite_master WHERE name IN ('events_fts_insert', 'events_fts_update', "
                    "'events_fts_delete', 'events_by_start', 'events_by_position')"),
                5)
          << what;
      EXPECT_EQ(store->database().query_int("SELECT count(*) FROM sqlite_temp_master"), 0) << what;
    }
  }

  ImportOptions row_by_row() {
    auto o = options();
    o.defer_indexes = false;
    return o;
  }
};

TEST_F(BulkImport, AnswersAsRowByRowAfterNewRowsAndRevisions) {
  std::vector<Line> base, small, revision;
  for (int i = 0; i < 2000; ++i) base.push_back({i, i * 7919 % 10007});
  for (int i = 0; i < 20; ++i) small.push_back(base[static_cast<std::size_t>(i)]);
  // Revisions of stored rows (k3 twice, as a monadic export repeats an event), an
  // unchanged row, new rows, and a new row revised within the same file.
  for (int i = 0; i < 15; ++i) revision.push_back({i, 50000 + i * 13});
  revision.push_back({3, 60001});
  revision.push_back({17, base[17].seed});
  for (int i = 2000; i < 2030; ++i) revision.push_back({i, i * 31});
  revision.push_back({2005, 61234});
  write_csv(dir() / "base.csv", base);
  write_csv(dir() / "small.csv", small);
  write_csv(dir() / "revision.csv", revision);

  // A big import into an empty store (indexes rebuilt), then a small one into a big
  // store (indexes kept, search index deferred).
  auto bulk = open_store();
  auto reference = open_store();
  import_file(bulk, dir() / "base.csv", options());
  import_file(reference, dir() / "base.csv", row_by_row());
  expect_same_answers(bulk, reference, "after the first import");
  const auto result = import_file(bulk, dir() / "revision.csv", options());
  import_file(reference, dir() / "revision.csv", row_by_row());
  EXPECT_EQ(result.inserted, 30);
  EXPECT_EQ(result.updated, 15 + 1 + 1);  // k3 twice; k2005 revised after its insert
  EXPECT_EQ(result.already_stored, 1);
  expect_same_answers(bulk, reference, "after the revisions");

  // Revisions in an import big for its store: every index rebuilt.
  auto small_bulk = open_store();
  auto small_reference = open_store();
  import_file(small_bulk, dir() / "small.csv", options());
  import_file(small_reference, dir() / "small.csv", row_by_row());
  import_file(small_bulk, dir() / "revision.csv", options());
  import_file(small_reference, dir() / "revision.csv", row_by_row());
  expect_same_answers(small_bulk, small_reference, "after revisions into a small store");

  // The revised rows' old words are gone from the search index.
  EventFilter old_words;
  old_words.text = "seed" + std::to_string(base[3].seed);
  EXPECT_TRUE(found(bulk, old_words).empty());
  EXPECT_TRUE(found(small_bulk, old_words).empty());
}

TEST_F(BulkImport, AFailedImportPutsTheTriggersBack) {
  std::vector<Line> lines;
  for (int i = 0; i < 50; ++i) lines.push_back({i, i * 101});
  write_csv(dir() / "good.csv", lines);
  std::ofstream(dir() / "bad.csv") << "id,date,title,lat,lon\nz1,2024-01-01,fine,10,10\nz2,2024-02-30,bad,10,10\n";
  auto store = open_store();
  import_file(store, dir() / "good.csv", options());
  EXPECT_THROW(import_file(store, dir() / "bad.csv", options()), InputError);
  auto reference = open_store();
  import_file(reference, dir() / "good.csv", row_by_row());
  expect_same_answers(store, reference, "after a refused import");
  // The store still indexes row by row outside an import: the triggers are back.
  store.database().exec("UPDATE events SET title = 'zulu' WHERE source_id = 'k1'");
  EventFilter zulu;
  zulu.text = "zulu";
  EXPECT_EQ(found(store, zulu), std::vector<std::string>{"k1"});
  EXPECT_EQ(store.check(), std::vector<std::string>{});
}

// The rollback journal is for an empty store that no other connection holds (a reader
// opened first keeps the import in WAL, so it never waits behind it); the store is in
// WAL mode again afterwards, also after a refused import, which leaves it empty.
TEST_F(BulkImport, RollbackJournalOnlyForAnEmptyStoreNobodyElseHolds) {
  const auto mode = [](EventStore& store) {
    auto s = store.database().prepare("PRAGMA journal_mode");
    return s.step() ? std::string(s.column_text(0)) : std::string();
  };
  auto store = open_store();
  {
    auto reader = EventStore::open(store.path(), EventStore::OpenMode::read_only);
    EXPECT_EQ(reader.event_count(), 0);
    BulkJournal journal(store.database());
    EXPECT_FALSE(journal.active());
    EXPECT_EQ(mode(store), "wal");
  }
  {
    BulkJournal journal(store.database());
    EXPECT_TRUE(journal.active());
    EXPECT_EQ(mode(store), "delete");
  }
  EXPECT_EQ(mode(store), "wal");

  std::ofstream(dir() / "bad.csv") << "id,date,title,lat,lon\nz1,2024-01-01,fine,10,10\nz2,2024-02-30,bad,10,10\n";
  EXPECT_THROW(import_file(store, dir() / "bad.csv", options()), InputError);
  EXPECT_EQ(mode(store), "wal");
  EXPECT_EQ(store.event_count(), 0);
  EXPECT_EQ(store.check(), std::vector<std::string>{});

  std::vector<Line> lines;
  for (int i = 0; i < 50; ++i) lines.push_back({i, i * 101});
  write_csv(dir() / "good.csv", lines);
  import_file(store, dir() / "good.csv", options());
  EXPECT_EQ(mode(store), "wal");
  EXPECT_EQ(store.event_count(), 50);
  BulkJournal journal(store.database());
  EXPECT_FALSE(journal.active());  // the store holds events: WAL, which a reader can read beside
}

}  // namespace
}  // namespace chronomap::store
